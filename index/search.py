"""Finding the passages that answer a question, and knowing when the story does not.

A passage scores by its own dense similarity, its best sentence's, and its BM25 score (lexical
matches settle what a small model blurs). Questions about the article itself (who wrote it, which
paper, the headline) are matched to the headline and byline passages by their words, since a
sentence model barely relates "who wrote this?" to "By Jane Doe".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import bm25s
import numpy as np
import Stemmer

from index.passages import Chunk, Hit
from index.questions import Question

DENSE_CANDIDATES = 64
LEXICAL_WEIGHT = 0.03
STOPWORDS = sorted(
    set(bm25s.stopwords.STOPWORDS_EN)
    | {"what", "who", "whom", "why", "how", "when", "where", "which", "do", "does", "did", "tell"}
    | {"me", "about", "s", "can", "could", "would", "should", "has", "have", "had", "any", "this"}
)
AUTHOR_WORDS = re.compile(r"\b(author|wrote|written|writer|byline|journalist|reporter)\b", re.I)
OUTLET_WORDS = re.compile(
    r"\b(headline|title|newspaper|paper|outlet|publication|publisher)\b", re.I
)


@dataclass(frozen=True)
class Scored:
    """A question's dense, lexical and combined scores over every candidate passage."""

    dense: np.ndarray
    lexical: np.ndarray
    combined: np.ndarray
    coverage: float
    about_article: bool


class Retriever:
    """Dense (FAISS) and lexical (BM25) search over one index's passages and sentences."""

    def __init__(
        self,
        chunks: tuple[Chunk, ...],
        search_texts: tuple[str, ...],
        passages: Any,
        sentences: Any,
    ) -> None:
        self.chunks = chunks
        self._passages = passages
        self._sentences = sentences
        counts = [max(len(c.sentences), 1) for c in chunks]
        self._first_sentence = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._owner = np.repeat(np.arange(len(chunks)), counts)
        self._stemmer = Stemmer.Stemmer("english")
        self._bm25 = bm25s.BM25()
        self._bm25.index(self._tokens(list(search_texts)), show_progress=False)
        self._vocabulary = {t for tokens in self._tokens(list(search_texts)) for t in tokens}
        self._bylines = np.array([c.kind == "byline" for c in chunks])
        self._headlines = np.array([c.kind == "headline" for c in chunks])

    def score(self, question: Question, vector: np.ndarray) -> Scored:
        """Dense, lexical and combined scores of every passage for the question."""
        dense = self._dense(vector)
        tokens = self._tokens([question.text])[0]
        lexical = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32) if tokens else None
        lexical = lexical if lexical is not None else np.zeros(len(self.chunks), np.float32)
        about = self._about_boost(question.text)
        combined = dense + LEXICAL_WEIGHT * lexical + about
        coverage = sum(t in self._vocabulary for t in tokens) / len(tokens) if tokens else 0.0
        return Scored(dense, lexical, combined, coverage, bool(about.any()))

    def hits(self, scored: Scored, vector: np.ndarray, k: int) -> tuple[Hit, ...]:
        """The `k` best passages, best first, each with its best-answering sentence marked."""
        order = np.argsort(-scored.combined, kind="stable")[:k]
        return tuple(self._hit(int(i), float(scored.combined[i]), vector) for i in order)

    def _dense(self, vector: np.ndarray) -> np.ndarray:
        """Half the passage's similarity, half its best sentence's; absent candidates score 0."""
        query = vector.reshape(1, -1)
        passage = np.zeros(len(self.chunks), np.float32)
        best_sentence = np.zeros(len(self.chunks), np.float32)
        n = min(DENSE_CANDIDATES, self._passages.ntotal)
        scores, ids = self._passages.search(query, n)
        passage[ids[0]] = scores[0]
        n = min(DENSE_CANDIDATES * 2, self._sentences.ntotal)
        scores, ids = self._sentences.search(query, n)
        np.maximum.at(best_sentence, self._owner[ids[0]], scores[0])
        return np.asarray(0.5 * passage + 0.5 * best_sentence, dtype=np.float32)

    def _hit(self, index: int, score: float, vector: np.ndarray) -> Hit:
        chunk = self.chunks[index]
        if len(chunk.sentences) < 2:
            return Hit(chunk, score, 0, len(chunk.text))
        first = int(self._first_sentence[index])
        rows = np.arange(first, first + len(chunk.sentences))
        vectors = self._sentences.reconstruct_batch(rows)
        best = int(np.argmax(vectors @ vector))
        start, end = chunk.sentences[best]
        return Hit(chunk, score, start, end)

    def _about_boost(self, text: str) -> np.ndarray:
        """Lift the byline for questions about who wrote it, the headline for which outlet."""
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
