"""How much a sentence belongs in its article's summary: a few signals and one fitted model.

News puts its point first, so position is the strongest signal; the model weighs it against a
sentence's length, how central it is to the article, how close it stays to the opening, and
what it holds (numbers, names, a quotation). The model is a logistic regression fitted on the
tuning half of a CNN/DailyMail test set (`benchmarks/summary_fit.py`); only its dozen
coefficients ship, in `index/data/salience.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from index.logistic import Logistic, parameters, stored

FEATURES = (
    "lead",
    "first",
    "relative",
    "chars",
    "centrality",
    "opening",
    "numbers",
    "names",
    "quoted",
    "attributed",
)
"""The signals, in the order the fitted weights follow."""
NUMBER = re.compile(r"\d")
NAME = re.compile(r"(?<![.!?\"'“‘]\s)(?<!^)\b[A-Z][\w'’-]+")
QUOTE = re.compile(r"[\"“”]|(^|\s)['‘]\w|\w[,.!?]['’](\s|$)")
ATTRIBUTION = re.compile(r"\b(said|says|told|according to|added)\b", re.IGNORECASE)


def features(texts: list[str], vectors: np.ndarray) -> np.ndarray:
    """One row of FEATURES for each sentence of one article, given in story order.

    `vectors` holds the sentences' normalised vectors, one row each, in the same order.
    """
    rank = np.arange(len(texts), dtype=float)
    centre = vectors.mean(axis=0)
    centre = centre / (np.linalg.norm(centre) or 1.0)
    words = [max(len(t.split()), 1) for t in texts]
    return np.column_stack(
        [
            1.0 / (1.0 + rank),
            rank == 0,
            rank / max(len(texts) - 1, 1),
            [min(len(t), 400) / 100 for t in texts],
            vectors @ centre,
            vectors @ vectors[0],
            [min(len(NUMBER.findall(t)), 6) / w for t, w in zip(texts, words, strict=True)],
            [len(NAME.findall(t)) / w for t, w in zip(texts, words, strict=True)],
            [QUOTE.search(t) is not None for t in texts],
            [ATTRIBUTION.search(t) is not None for t in texts],
        ]
    ).astype(float)


@dataclass(frozen=True)
class Model(Logistic):
    """Logistic weights over standardised FEATURES, as index/data/salience.json holds them."""

    def scores(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """Each sentence's log-odds of belonging in the summary."""
        return self.log_odds(features(texts, vectors))


@cache
def fitted() -> Model:
    """The model in index/data/salience.json."""
    return Model(**parameters(stored("salience.json", FEATURES)))
