"""Near-topic questions at scale: each SQuAD question asked of its own article with the paragraph
that answers it taken out.

What is left is about the same subject, names the same people and places, and no longer answers
(SQuAD's answers are seldom given twice): the kind of question a reader asks of a story that
stops short of it. Taking the paragraph out of the search is enough; the article's vocabulary
keeps its words, as a story near the question does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from index.answering.questions import Question
from index.answering.search import Scored
from index.engine import Engine


@contextmanager
def without(engine: Engine, paragraph: int) -> Iterator[Engine]:
    """The engine, searching as if the article had no paragraph `paragraph`."""
    retriever = engine._retriever
    hidden = np.array([i for i, c in enumerate(retriever.chunks) if c.paragraph == paragraph])
    score = retriever.score

    def masked(
        question: Question, vector: np.ndarray, residual: np.ndarray | None = None
    ) -> Scored:
        scored = score(question, vector, residual)
        keep = ~np.isin(scored.candidates, hidden)
        candidates, combined = scored.candidates[keep], scored.combined[keep]
        return dataclasses.replace(
            scored,
            candidates=candidates,
            dense=scored.dense[keep],
            combined=combined,
            lexical=scored.lexical[keep],
            ranked=np.lexsort((candidates, -combined)),
        )

    retriever.score = masked  # type: ignore[method-assign]
    try:
        yield engine
    finally:
        del retriever.score
