"""The story engine: questions in, cited passages (or a plain refusal) out."""

from __future__ import annotations

import logging
from collections import Counter
from functools import cached_property

from index import build, store
from index.embedding import Embedder
from index.freshness import Progress, read_or_build, stderr_progress
from index.passages import Answer, SourceInfo, SummarySentence
from index.questions import Unaskable, question_from
from index.search import DEFAULT_WEIGHTS, Retriever, Scored, Weights
from index.settings import Settings
from index.vectorset import VectorSet

log = logging.getLogger(__name__)

# Refusal: a question is answered when its best passage is similar enough, or nearly so and most
# of its content words occur in the corpus. Calibrated on eval/calibration.json; see the README,
# "How refusal works".
ANSWER_ABOVE = 0.37
ANSWER_WITH_WORDS_ABOVE = 0.30
WORDS_COVERED = 0.6


class Engine:
    """Answers questions and summarises from one loaded index and model."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        records: store.Records,
        vectors: dict[str, VectorSet],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.settings = settings
        self.model_name = settings.model
        self._embedder = embedder
        self._records = records
        self._vectors = vectors
        self._retriever = Retriever(records.chunks, records.search_texts, vectors, weights)

    @classmethod
    def open(
        cls,
        settings: Settings,
        progress: Progress | None = None,
        embedder: Embedder | None = None,
    ) -> Engine:
        """Load the index and its encoder, building the index first when it must.

        `embedder` replaces the model's own encoder (tests use a tiny fake).
        """
        shown = progress or stderr_progress
        return read_or_build(
            settings,
            lambda: embedder or build.build_embedder(settings, shown),
            shown,
            lambda built_with: cls._load(settings, shown, embedder or built_with),
        )

    @classmethod
    def _load(cls, settings: Settings, progress: Progress, embedder: Embedder | None) -> Engine:
        manifest, records, vectors = store.read_index(settings.data_dir)
        embedder = embedder or build.query_embedder(settings, manifest, progress)
        return cls(settings, embedder, records, vectors)

    def reweighted(self, weights: Weights) -> Engine:
        """The same index and model with other weights (for measuring what each signal adds)."""
        return Engine(self.settings, self._embedder, self._records, self._vectors, weights)

    def ask(self, typed: str, k: int | None = None) -> Answer:
        """The best passages for a question, or a refusal that says why."""
        try:
            question = question_from(typed)
        except Unaskable as reason:
            return Answer(typed, refused=True, message=str(reason))
        vector = self._embedder.encode([question.text])[0]
        scored = self._retriever.score(question, vector)
        if not self._answerable(scored):
            return Answer(typed, refused=True, message=self._off_topic)
        hits = self._retriever.hits(scored, vector, k or self.settings.top_k)
        return Answer(typed, refused=False, hits=hits)

    def summary(self) -> tuple[SummarySentence, ...]:
        """The cited summary computed when the index was built."""
        return self._records.summary

    def sources(self) -> tuple[SourceInfo, ...]:
        """The articles the index holds and how many passages each gave."""
        counts = Counter(chunk.source for chunk in self._records.chunks)
        return tuple(SourceInfo(source, n) for source, n in counts.items())

    def _answerable(self, scored: Scored) -> bool:
        if scored.about_article:
            return True
        dense = float(scored.dense.max(initial=0.0))
        if dense >= ANSWER_ABOVE:
            return True
        return dense >= ANSWER_WITH_WORDS_ABOVE and scored.coverage >= WORDS_COVERED

    @cached_property
    def _off_topic(self) -> str:
        """The refusal, worked out once: at 20,000 passages, collecting the titles
        costs about as much as the search."""
        titles = sorted({c.source.title for c in self._records.chunks})
        if len(titles) == 1:
            return (
                f"Sorry, “{titles[0]}” doesn't cover that, so I can't answer it from the article."
            )
        return f"Sorry, none of these {len(titles)} stories covers that, so I can't answer it."
