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

import bm25s
import numpy as np
import Stemmer

from index.passages import Chunk, Hit
from index.questions import Question
from index.vectorset import VectorSet

LEXICAL_CANDIDATES = 8
"""Passages with the best BM25 scores that are scored in full even if no vector set nominates
them."""
SEARCHED = ("passages",)
"""The vector sets whose nearest rows nominate candidates; sentences and clauses only score them.
On the 20,000-passage benchmark corpus, searching the sentences too found the exhaustive top
passage for 97.6% of 251 questions instead of 96.8%, and gave the same `storybot eval` results,
but a second search costs more than the whole budget of a question at scale (README, "Scaling")."""
NO_PASSAGES = np.zeros(0, np.int64)
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
    """A question's dense and combined scores over the candidate passages, and what refusal
    weighs. Passages that are not candidates are too far from the question to matter."""

    candidates: np.ndarray
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
        vectors: dict[str, VectorSet],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.chunks = chunks
        self.weights = weights
        self._passages = vectors["passages"]
        self._sentences = vectors["sentences"]
        self._clauses = vectors["clauses"]
        self._searched = tuple(vectors[name] for name in SEARCHED)
        self._stemmer = Stemmer.Stemmer("english")
        tokens = self._tokens(list(search_texts))
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)
        self._vocabulary = {t for passage in tokens for t in passage}
        self._bylines = np.flatnonzero([c.kind == "byline" for c in chunks])
        self._headlines = np.flatnonzero([c.kind == "headline" for c in chunks])

    def score(self, question: Question, vector: np.ndarray) -> Scored:
        """Dense, lexical and combined scores of the passages that could answer the question.

        The candidates are the passages holding the rows nearest the question, its best BM25
        matches, and the byline or headline for questions about the article itself.
        """
        tokens = self._tokens([question.text])[0]
        lexical = np.zeros(len(self.chunks), np.float32)
        if tokens:
            lexical = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        about = self._about(question.text)
        candidates = np.unique(
            np.concatenate(
                [
                    *(vectors.nominate(vector) for vectors in self._searched),
                    _top_positive(lexical, LEXICAL_CANDIDATES),
                    about,
                ]
            )
        )
        dense = self._dense(candidates, vector)
        combined = dense + self.weights.lexical * lexical[candidates]
        combined[np.isin(candidates, about)] += 1.0
        coverage = sum(t in self._vocabulary for t in tokens) / len(tokens) if tokens else 0.0
        return Scored(candidates, dense, combined, coverage, bool(len(about)))

    def hits(self, scored: Scored, vector: np.ndarray, k: int) -> tuple[Hit, ...]:
        """The `k` best passages, best first, each with its best-answering sentence marked."""
        order = np.lexsort((scored.candidates, -scored.combined))[:k]
        return tuple(
            self._hit(int(scored.candidates[i]), float(scored.combined[i]), vector) for i in order
        )

    def _dense(self, candidates: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Half the passage's similarity and half its best sentence's, lifted halfway to its
        best clause's when a clause matches better."""
        passage = self._passages.best(candidates, vector)
        sentence = self._sentences.best(candidates, vector)
        clause = self._clauses.best(candidates, vector)
        base = (1 - self.weights.sentence) * passage + self.weights.sentence * sentence
        return np.asarray(base + self.weights.clause_lift * np.maximum(clause - base, 0))

    def _hit(self, index: int, score: float, vector: np.ndarray) -> Hit:
        chunk = self.chunks[index]
        if len(chunk.sentences) < 2:
            return Hit(chunk, score, 0, len(chunk.text))
        similarity = self._sentences.similarities(index, vector)
        start, end = chunk.sentences[int(np.argmax(similarity))]
        return Hit(chunk, score, start, end)

    def _about(self, text: str) -> np.ndarray:
        """The byline for questions about who wrote it, the headline for which outlet."""
        if not self.weights.about_article:
            return NO_PASSAGES
        if AUTHOR_WORDS.search(text) and len(self._bylines):
            return self._bylines
        if OUTLET_WORDS.search(text):
            return self._headlines
        return NO_PASSAGES

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        tokenized = bm25s.tokenize(
            texts, stopwords=STOPWORDS, stemmer=self._stemmer, return_ids=False, show_progress=False
        )
        return [list(tokens) for tokens in tokenized]


def _top_positive(scores: np.ndarray, k: int) -> np.ndarray:
    """The positions of the `k` highest positive scores, in no order.

    In a large corpus most passages share some word with a question. When `k` of them score
    over a quarter (or a sixteenth) of the best, the `k` highest are among those, and only they
    are partitioned.
    """
    best = scores.max(initial=0.0)
    within = np.flatnonzero(scores > best / 4)
    if len(within) < k:
        within = np.flatnonzero(scores > best / 16)
    if len(within) < k:
        within = np.flatnonzero(scores > 0)
    if len(within) <= k:
        return within
    return within[np.argpartition(-scores[within], k)[:k]]
