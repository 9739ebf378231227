"""BM25 over the passages, in NumPy alone.

It scores exactly as `bm25s` (0.3, its default "lucene" variant: k1 1.5, b 0.75) scores, number
for number, which `tests/index/test_lexical.py` checks against it over a SQuAD article; `bm25s`
itself imports SciPy's sparse matrices, about 0.16 s of every start. Each passage's weight for
each stem it holds is worked out once, when the index is loaded; a question's scores are then
the sums of its stems' columns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import Stemmer

TOKEN = re.compile(r"(?u)\b\w\w+\b")
"""A word of two letters or more, as scikit-learn's CountVectorizer (and bm25s) split text."""
K1 = 1.5
B = 0.75


def tokenize(
    texts: Sequence[str], stopwords: frozenset[str], stemmer: Stemmer.Stemmer
) -> list[list[str]]:
    """Each text's stems, in order: lowercased words of two letters or more, stopwords left
    out, then stemmed."""
    stems: dict[str, str] = {}
    tokenized = []
    for text in texts:
        words = [w for w in TOKEN.findall(text.lower()) if w not in stopwords]
        for word in words:
            if word not in stems:
                stems[word] = stemmer.stemWord(word)
        tokenized.append([stems[w] for w in words])
    return tokenized


class BM25:
    """Okapi BM25 (Lucene's variant) over tokenized passages."""

    def __init__(self, passages: Sequence[Sequence[str]]) -> None:
        self._count = len(passages)
        counts = [Counter(passage) for passage in passages]
        self._column: dict[str, int] = {}
        for held in counts:
            for stem in held:
                self._column.setdefault(stem, len(self._column))
        columns = np.array([self._column[s] for held in counts for s in held], np.int64)
        tf = np.array([n for held in counts for n in held.values()], np.float32)
        docs = np.repeat(np.arange(self._count), [len(held) for held in counts])
        lengths = np.array([len(p) for p in passages])
        frequency = np.bincount(columns, minlength=len(self._column))
        idf = np.log1p((self._count - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
        average = lengths.mean() if self._count else 1.0
        tfc = tf / (K1 * ((1 - B) + B * lengths[docs] / average) + tf)
        weights = (idf[columns] * tfc).astype(np.float32)
        order = np.argsort(columns, kind="stable")
        bounds = np.cumsum(frequency)[:-1]
        self._docs = np.split(docs[order], bounds)
        self._weights = np.split(weights[order], bounds)

    def scores(self, stems: Sequence[str]) -> np.ndarray:
        """Every passage's score for a question's stems (a stem twice counts twice; stems no
        passage holds count nothing)."""
        scores = np.zeros(self._count, np.float32)
        for stem in stems:
            column = self._column.get(stem)
            if column is not None:
                scores[self._docs[column]] += self._weights[column]
        return scores
