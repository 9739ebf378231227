"""Finding the passages that answer a question, and knowing when the story does not.

A passage scores by its own dense similarity, its best sentence's, and its BM25 score (lexical
matches settle what a small model blurs). Questions about the article itself (who wrote it, which
paper, the headline) are matched to the headline and byline passages by their words, since a
sentence model barely relates "who wrote this?" to "By Jane Doe".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import bm25s
import faiss
import numpy as np
import Stemmer

from index.chunking import indexed_units
from index.passages import Chunk, Hit
from index.questions import Question

DENSE_CANDIDATES = 256
APPROXIMATE_CANDIDATES = 32
"""Rows fetched from an HNSW graph (large corpora): plenty for three passages, and cheap."""
STOPWORDS = sorted(
    set(bm25s.stopwords.STOPWORDS_EN)
    | {"what", "who", "whom", "why", "how", "when", "where", "which", "do", "does", "did", "tell"}
    | {"me", "about", "s", "can", "could", "would", "should", "has", "have", "had", "any", "this"}
)
# bm25s sets its own logger to DEBUG when imported; hand its level back to the application.
logging.getLogger("bm25s").setLevel(logging.NOTSET)
AUTHOR_WORDS = re.compile(r"\b(author|wrote|written|writer|byline|journalist|reporter)\b", re.I)
OUTLET_WORDS = re.compile(
    r"\b(headline|title|newspaper|paper|outlet|publication|publisher)\b", re.I
)


@dataclass(frozen=True)
class Weights:
    """How the signals add up; the defaults are StoryBot's (docs/ablation.md measures each)."""

    sentence: float = 0.5
    """Share of a passage's dense score that comes from its best sentence."""
    clause_lift: float = 0.5
    """How far a better-matching clause lifts that score toward its own similarity."""
    lexical: float = 0.05
    """Weight of the BM25 score."""
    about_article: bool = True
    """Whether author and outlet questions go to the byline and headline."""


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Scored:
    """A question's dense and combined scores over every passage, and what refusal weighs."""

    dense: np.ndarray
    combined: np.ndarray
    coverage: float
    about_article: bool


class Retriever:
    """Dense (FAISS) and lexical (BM25) search over one index's passages, sentences and clauses."""

    def __init__(
        self,
        chunks: tuple[Chunk, ...],
        search_texts: tuple[str, ...],
        vectors: dict[str, Any],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.chunks = chunks
        self.weights = weights
        self._vectors = vectors
        self._rows = {name: _stored_rows(index) for name, index in vectors.items()}
        units = indexed_units(chunks, search_texts)
        self._passage_of = {
            "passages": np.arange(len(chunks)),
            "sentences": units.sentence_owner,
            "clauses": units.sentence_owner[units.clause_owner],
        }
        self._first_sentence = _first_rows(units.sentence_owner, len(chunks))
        self._first_clause = _first_rows(self._passage_of["clauses"], len(chunks))
        self._stemmer = Stemmer.Stemmer("english")
        tokens = self._tokens(list(search_texts))
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)
        self._vocabulary = {t for passage in tokens for t in passage}
        self._bylines = np.array([c.kind == "byline" for c in chunks])
        self._headlines = np.array([c.kind == "headline" for c in chunks])

    def score(self, question: Question, vector: np.ndarray) -> Scored:
        """Dense, lexical and combined scores of every passage for the question."""
        dense = self._dense(vector)
        tokens = self._tokens([question.text])[0]
        lexical = np.zeros(len(self.chunks), np.float32)
        if tokens:
            lexical = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        about = self._about_boost(question.text)
        combined = dense + self.weights.lexical * lexical + about
        coverage = sum(t in self._vocabulary for t in tokens) / len(tokens) if tokens else 0.0
        return Scored(dense, combined, coverage, bool(about.any()))

    def hits(self, scored: Scored, vector: np.ndarray, k: int) -> tuple[Hit, ...]:
        """The `k` best passages, best first, each with its best-answering sentence marked."""
        k = min(k, len(self.chunks))
        top = np.argpartition(-scored.combined, k - 1)[:k]
        order = top[np.lexsort((top, -scored.combined[top]))]
        return tuple(self._hit(int(i), float(scored.combined[i]), vector) for i in order)

    def _dense(self, vector: np.ndarray) -> np.ndarray:
        """Half the passage's similarity and half its best sentence's, lifted halfway to its
        best clause's when a clause matches better.

        Every passage that owns one of the rows nearest the question is scored exactly, from
        all its rows; passages that no search reached score 0.
        """
        near = np.unique(np.concatenate([self._nearest(name, vector) for name in self._passage_of]))
        passage = self._rows["passages"][near] @ vector
        sentence = self._best_of_own("sentences", self._first_sentence, near, vector)
        clause = self._best_of_own("clauses", self._first_clause, near, vector)
        base = (1 - self.weights.sentence) * passage + self.weights.sentence * sentence
        dense = np.zeros(len(self.chunks), np.float32)
        dense[near] = base + self.weights.clause_lift * np.maximum(clause - base, 0)
        return dense

    def _nearest(self, name: str, vector: np.ndarray) -> np.ndarray:
        """The passages owning the rows of one vector set that are nearest the question."""
        index = self._vectors[name]
        wanted = APPROXIMATE_CANDIDATES if hasattr(index, "hnsw") else DENSE_CANDIDATES
        _, ids = index.search(vector.reshape(1, -1), min(wanted, index.ntotal))
        return np.asarray(self._passage_of[name][ids[0][ids[0] >= 0]])

    def _best_of_own(
        self, name: str, first: np.ndarray, near: np.ndarray, vector: np.ndarray
    ) -> np.ndarray:
        """Each `near` passage's best similarity among its own rows of one vector set."""
        starts, counts = first[near], first[near + 1] - first[near]
        offsets = np.cumsum(counts) - counts
        rows = np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))
        similarity = self._rows[name][rows] @ vector
        return np.asarray(np.maximum.reduceat(similarity, offsets))

    def _hit(self, index: int, score: float, vector: np.ndarray) -> Hit:
        chunk = self.chunks[index]
        if len(chunk.sentences) < 2:
            return Hit(chunk, score, 0, len(chunk.text))
        first, end = self._first_sentence[index], self._first_sentence[index + 1]
        similarity = self._rows["sentences"][first:end] @ vector
        start, end = chunk.sentences[int(np.argmax(similarity))]
        return Hit(chunk, score, start, end)

    def _about_boost(self, text: str) -> np.ndarray:
        """Lift the byline for questions about who wrote it, the headline for which outlet."""
        if not self.weights.about_article:
            return np.zeros(len(self.chunks), np.float32)
        if AUTHOR_WORDS.search(text) and self._bylines.any():
            return self._bylines.astype(np.float32)
        if OUTLET_WORDS.search(text):
            return self._headlines.astype(np.float32)
        return np.zeros(len(self.chunks), np.float32)

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        tokenized = bm25s.tokenize(
            texts, stopwords=STOPWORDS, stemmer=self._stemmer, return_ids=False, show_progress=False
        )
        return [list(tokens) for tokens in tokenized]


def _first_rows(owner: np.ndarray, passages: int) -> np.ndarray:
    """Where each passage's rows start in a vector set ordered by passage (one extra at the end)."""
    counts = np.bincount(owner, minlength=passages)
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)


def _stored_rows(index: Any) -> np.ndarray:
    """The vectors a flat or HNSW index stores, as an array over its memory (no copy)."""
    flat: Any = faiss.downcast_index(index.storage) if hasattr(index, "hnsw") else index
    pointer = faiss.rev_swig_ptr(flat.get_xb(), index.ntotal * index.d)
    return np.asarray(pointer).reshape(index.ntotal, index.d)
