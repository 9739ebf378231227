"""Fit the summary's sentence model: `python -m benchmarks.summary_fit`.

Data: the tuning half of ../shared/eval/summ (150 CNN/DailyMail test articles with their
highlights, Hermann et al. 2015 via the FRANK release; evaluation only, never copied here; the
half is fixed by benchmarks.summary.Case.half). Each sentence a summary may use is labelled 1
when it is in the article's oracle summary: the sentences chosen greedily, in turn, for the
largest gain in ROUGE-2 F1 against the highlights, until none raises it (at most 5). A logistic
regression over index.summary.salience.FEATURES (standardised) is fitted on those labels. Two-fold
cross-validation inside the tuning half picks the regularisation by the ROUGE-2 of the summaries
it makes; the reporting half is never read. Writes index/data/salience.json: a dozen numbers.
Sentence vectors come from the benchmark's cache (run `python -m benchmarks.summary` once).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rouge_score.rouge_scorer import RougeScorer
from rouge_score.tokenizers import DefaultTokenizer
from sklearn.linear_model import LogisticRegression

from benchmarks.summary import (
    DATA,
    WORK,
    Case,
    VectorCache,
    cases,
    chunked,
    plan_from,
    score,
    storybot,
)
from index.settings import DEFAULT_MODEL, Settings
from index.summary import salience
from index.summary.extractive import MAX_SENTENCES, Plan, sentences_by_source
from index.vectors.build import build_embedder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "index" / "data" / "salience.json"
PLAN = "learned=True,target_chars=1000,more=-1.5,coverage=3.0"
"""The plan the strength is chosen under."""
STRENGTHS = (0.01, 0.1, 1.0)
"""Inverse regularisation strengths tried by cross-validation."""


@dataclass(frozen=True)
class Article:
    """One tuning article's candidate sentences: their features and oracle labels."""

    case: Case
    vectors: np.ndarray
    x: np.ndarray
    y: np.ndarray


def bigrams(tokenizer: DefaultTokenizer, text: str) -> Counter[tuple[str, str]]:
    """The text's stemmed bigrams, as rouge-score counts them."""
    tokens = tokenizer.tokenize(text)
    return Counter(itertools.pairwise(tokens))


def rouge2(summary: Counter[tuple[str, str]], reference: Counter[tuple[str, str]]) -> float:
    """ROUGE-2 F1 of bigram counts."""
    overlap = sum((summary & reference).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(summary.values()), overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle(texts: Sequence[str], reference: str) -> np.ndarray:
    """1 for each sentence of the greedy ROUGE-2 oracle summary, 0 for the rest."""
    tokenizer = DefaultTokenizer(use_stemmer=True)
    wanted = bigrams(tokenizer, reference)
    each = [bigrams(tokenizer, t) for t in texts]
    chosen: list[int] = []
    best, held = 0.0, Counter[tuple[str, str]]()
    while len(chosen) < MAX_SENTENCES:
        gains = [(rouge2(held + each[i], wanted), i) for i in range(len(texts)) if i not in chosen]
        if not gains or max(gains)[0] <= best:
            break
        best, i = max(gains)
        chosen.append(i)
        held += each[i]
    return np.isin(np.arange(len(texts)), chosen).astype(int)


def article(case: Case, vectors: np.ndarray) -> Article:
    """The case's candidate sentences as the summary sees them, with features and labels."""
    (found,) = sentences_by_source(chunked(case.article)[0]).values()
    texts = [c.text for c in found]
    x = salience.features(texts, vectors[[c.row for c in found]])
    return Article(case, vectors, x, oracle(texts, case.reference))


def fit(articles: Sequence[Article], strength: float) -> salience.Model:
    """A logistic model over the standardised features of these articles' sentences."""
    x = np.vstack([a.x for a in articles])
    y = np.concatenate([a.y for a in articles])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=strength, max_iter=1000).fit((x - mean) / scale, y)
    return salience.Model(
        tuple(np.round(model.coef_[0], 4).tolist()),
        tuple(np.round(mean, 4).tolist()),
        tuple(np.round(scale, 4).tolist()),
        round(float(model.intercept_[0]), 4),
    )


def rouge_2(articles: Sequence[Article], model: salience.Model, plan: Plan) -> float:
    """Mean ROUGE-2 F1 (x100) of the summaries the model makes of these articles."""
    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    return float(
        np.mean(
            [
                score(scorer, a.case, storybot(a.case.article, a.vectors, plan, model)).rouge[1]
                for a in articles
            ]
        )
    )


def cross_validate(articles: Sequence[Article], plan: Plan) -> dict[float, float]:
    """Each strength's ROUGE-2, fitted on one fold of the tuning half and scored on the other."""
    fold = [hashlib.sha256(a.case.id.encode()).digest()[1] % 2 for a in articles]
    results: dict[float, float] = {}
    for strength in STRENGTHS:
        halves = [[a for a, f in zip(articles, fold, strict=True) if f == k] for k in (0, 1)]
        results[strength] = float(
            np.mean([rouge_2(halves[1 - k], fit(halves[k], strength), plan) for k in (0, 1)])
        )
    return results


def main(argv: list[str] | None = None) -> None:
    """Cross-validate, fit on the whole tuning half, write index/data/salience.json."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_fit", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--plan",
        action="append",
        default=[],
        metavar="NAME=VALUE,...",
        help=f"a Plan to cross-validate (repeatable; the first picks C; default {PLAN})",
    )
    args = parser.parse_args(argv)
    settings = Settings(data_dir=ROOT / "data", model=DEFAULT_MODEL)
    say = functools.partial(print, file=sys.stderr)
    cache = VectorCache(
        args.work, settings.model, functools.cache(lambda: build_embedder(settings, say))
    )
    tune = [c for c in cases(args.data) if c.half == "tune"]
    articles = [article(c, cache.vectors(c.article)) for c in tune]
    grid = {text: cross_validate(articles, plan_from(text)) for text in args.plan or [PLAN]}
    for text, results in grid.items():
        cells = ", ".join(f"C={c}: {r2:.2f}" for c, r2 in results.items())
        print(f"{text}: cross-validated ROUGE-2 {cells}")
    results = next(iter(grid.values()))
    strength = max(results, key=lambda s: results[s])
    model = fit(articles, strength)
    args.out.write_text(document(model, strength, len(articles)), encoding="utf-8")
    print(f"Wrote {args.out} (C={strength}, {len(articles)} articles)")


def document(model: salience.Model, strength: float, count: int) -> str:
    """index/data/salience.json: the features, the fitted numbers and where they come from."""
    return (
        json.dumps(
            {
                "fitted_on": f"CNN/DailyMail test split, the tuning half of ../shared/eval/summ "
                f"({count} articles; labels: greedy ROUGE-2 oracle sentences against the "
                f"highlights); python -m benchmarks.summary_fit, C={strength}",
                "features": list(salience.FEATURES),
                "weights": list(model.weights),
                "mean": list(model.mean),
                "scale": list(model.scale),
                "bias": model.bias,
            },
            indent=1,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
