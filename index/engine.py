"""The story engine: questions in, cited passages (or a plain refusal) out."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from index import build, store
from index.embedding import Embedder, SentenceTransformerEmbedder
from index.passages import Answer, SourceInfo, SummarySentence
from index.questions import Unaskable, question_from
from index.search import Retriever, Scored
from index.settings import Settings

log = logging.getLogger(__name__)

# Refusal: a question is answered when its best passage is similar enough, or somewhat similar
# and most of its content words occur in the corpus. Calibrated in README "How refusal works".
ANSWER_ABOVE = 0.40
ANSWER_WITH_WORDS_ABOVE = 0.30
WORDS_COVERED = 0.6
ABOUT_BOOST = 0.5


def stderr_progress(message: str) -> None:
    """Progress for long work, on stderr so stdout stays clean for answers and JSON."""
    print(message, file=sys.stderr, flush=True)


def open_records(
    settings: Settings, embedder: Callable[[], Embedder], progress: build.Progress
) -> store.Records:
    """The current index's passages and summary, building the index first when it must."""
    ensure_current(settings, embedder, progress)
    try:
        return store.read_records(settings.data_dir)
    except store.IndexCorrupt as error:
        progress(f"Rebuilding the index: {error}")
        build.build(settings, embedder(), progress)
        return store.read_records(settings.data_dir)


def ensure_current(
    settings: Settings, embedder: Callable[[], Embedder], progress: build.Progress
) -> None:
    """Build the index when it is missing, unreadable or out of date, saying why."""
    reason = build.stale_reason(settings)
    if reason is not None:
        progress(f"Building the index: {reason}.")
        build.build(settings, embedder(), progress)


class Engine:
    """Answers questions and summarises from one loaded index and model."""

    def __init__(self, settings: Settings, embedder: Embedder, records: store.Records, vectors: dict[str, object]) -> None:
        self.settings = settings
        self.model_name = settings.model
        self._embedder = embedder
        self._records = records
        self._retriever = Retriever(
            records.chunks, records.search_texts, vectors["passages"], vectors["sentences"]
        )

    @classmethod
    def open(
        cls,
        settings: Settings,
        progress: build.Progress | None = None,
        embedder: Embedder | None = None,
    ) -> Engine:
        """Load the model and the index, building the index first when it must."""
        progress = progress or stderr_progress
        model = embedder or SentenceTransformerEmbedder(settings.model)
        for attempt in range(2):
            ensure_current(settings, lambda: model, progress)
            try:
                records = store.read_records(settings.data_dir)
                return cls(settings, model, records, store.read_vectors(settings.data_dir))
            except store.IndexCorrupt as error:
                if attempt:
                    raise
                progress(f"Rebuilding the index: {error}")
                build.build(settings, model, progress)
        raise AssertionError("unreachable")

    def ask(self, typed: str, k: int | None = None) -> Answer:
        """The best passages for a question, or a refusal that says why."""
        try:
            question = question_from(typed)
        except Unaskable as reason:
            return Answer(typed, refused=True, message=str(reason))
        vector = self._embedder.encode([question.text])[0]
        scored = self._retriever.score(question, vector)
        if not self._answerable(scored):
            return Answer(typed, refused=True, message=self._off_topic())
        return Answer(typed, refused=False, hits=self._retriever.hits(scored, vector, k or self.settings.top_k))

    def summary(self) -> tuple[SummarySentence, ...]:
        """The cited summary computed when the index was built."""
        return self._records.summary

    def sources(self) -> tuple[SourceInfo, ...]:
        """The articles the index holds and how many passages each gave."""
        counts: dict[object, int] = {}
        for chunk in self._records.chunks:
            counts[chunk.source] = counts.get(chunk.source, 0) + 1
        return tuple(SourceInfo(source, n) for source, n in counts.items())  # type: ignore[arg-type]

    def _answerable(self, scored: Scored) -> bool:
        best = float(scored.combined.max())
        if best >= 1.0:  # a question about the article itself, matched by its words
            return True
        dense = float(scored.dense.max())
        if dense >= ANSWER_ABOVE:
            return True
        return dense >= ANSWER_WITH_WORDS_ABOVE and scored.coverage >= WORDS_COVERED

    def _off_topic(self) -> str:
        titles = sorted({c.source.title for c in self._records.chunks})
        story = f"“{titles[0]}”" if len(titles) == 1 else f"these {len(titles)} stories"
        return f"Sorry, {story} doesn't cover that, so I can't answer it from the article."
