"""The two baselines of the quality benchmark: MiniLM + FAISS and BM25, over whole paragraphs.

Both use what a plain pipeline would: one vector (or one bag of words) per paragraph, the
nearest paragraphs first. The dense one encodes with the same int8 MiniLM encoder StoryBot uses,
so the difference is the engine's, not the encoder's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import bm25s
import faiss
import numpy as np
import Stemmer

from benchmarks.quality_sets import Item
from index.answering.concepts import STOPWORDS
from index.engine import Engine


@dataclass
class Paragraphs:
    """One corpus's paragraphs, searchable both ways."""

    keys: list[tuple[str, int]]
    texts: list[str]
    engine: Engine
    dense: Any
    lexical: bm25s.BM25
    stemmer: Stemmer.Stemmer

    @classmethod
    def of(cls, engine: Engine) -> Paragraphs:
        """The engine's corpus, one row a paragraph (all its passages joined)."""
        joined: dict[tuple[str, int], list[str]] = {}
        for chunk in engine._records.chunks:
            joined.setdefault((chunk.source.id, chunk.paragraph), []).append(chunk.text)
        keys = list(joined)
        texts = [" ".join(parts) for parts in joined.values()]
        vectors = engine._embedder.encode(texts)  # remembered too: paragraphs do not change
        dense = faiss.IndexFlatIP(vectors.shape[1])
        dense.add(np.ascontiguousarray(vectors, dtype=np.float32))
        stemmer = Stemmer.Stemmer("english")
        lexical = bm25s.BM25()
        lexical.index(_tokens(texts, stemmer), show_progress=False)
        return cls(keys, texts, engine, dense, lexical, stemmer)

    def ranks(self, item: Item) -> dict[str, Any]:
        """Where each baseline ranks the answering paragraph (None past 3), and its top score."""
        vector = self.engine._embedder.encode([item.question])
        scores, found = self.dense.search(np.ascontiguousarray(vector, dtype=np.float32), 3)
        row: dict[str, Any] = {
            "kind": item.kind,
            "family": item.family,
            "split": item.split,
            "dense_top": float(scores[0][0]),
            "dense_rank": self._rank(item, [int(i) for i in found[0] if i >= 0]),
        }
        tokens = _tokens([item.question], self.stemmer)[0]
        bm25 = self.lexical.get_scores(tokens) if tokens else np.zeros(len(self.texts))
        row["bm25_rank"] = self._rank(item, [int(i) for i in np.argsort(-bm25, kind="stable")[:3]])
        return row

    def _rank(self, item: Item, order: list[int]) -> int | None:
        for rank, i in enumerate(order, start=1):
            source, paragraph = self.keys[i]
            if item.source is not None and source != item.source:
                continue
            if item.paragraph is not None and paragraph == item.paragraph:
                return rank
            if item.paragraph is None and any(g in self.texts[i] for g in item.gold):
                return rank
        return None


def _tokens(texts: list[str], stemmer: Stemmer.Stemmer) -> list[list[str]]:
    tokenized = bm25s.tokenize(
        texts, stopwords=STOPWORDS, stemmer=stemmer, return_ids=False, show_progress=False
    )
    return [list(t) for t in tokenized]
