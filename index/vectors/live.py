"""Following a developing story: when the corpus changes, the index is rebuilt in the background
and the new engine swapped in between two questions.

A question uses the engine in place when it was asked, so questions during a rebuild are answered
from the old index; a rebuild that fails leaves the old index serving. The bot and `storybot chat`
both watch the corpus folder with watchfiles and call `LiveEngine.refresh` on each change.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from watchfiles import Change, watch

from index.corpus.articles import SUFFIXES, read_article
from index.passages import Answer, Chunk, Hit, SourceInfo, StoryError, SummarySentence
from index.settings import Settings
from index.vectors import store
from index.vectors.changes import StoryChange, story_changes
from index.vectors.freshness import Progress, stale_reason

if TYPE_CHECKING:  # the engine (numpy, FAISS) is imported only when one is opened
    from index.engine import Engine
    from index.vectors.embedding import Embedder

log = logging.getLogger(__name__)


class RebuildFailed(StoryError):
    """The corpus changed but no new index could be made; the old one keeps serving."""


@dataclass(frozen=True)
class Update:
    """A new index in place: its version, why it was made, what changed and how long it took."""

    version: int
    reason: str
    changes: tuple[StoryChange, ...]
    seconds: float

    def describe(self) -> str:
        """One line for a log or a terminal."""
        what = "; ".join(change.describe() for change in self.changes) or "no paragraph changed"
        return f"Index version {self.version} in place after {self.seconds:.1f} s: {what}."


class LiveEngine:
    """The story engine, replaced whole when the corpus changes (the bot's StoryEngine)."""

    def __init__(
        self, settings: Settings, progress: Progress, embedder: Embedder | None = None
    ) -> None:
        """Load (or build) the index now; `embedder` replaces the model's (tests use a fake)."""
        self.settings = settings
        self.version = 1
        self._progress = progress
        self._embedder = embedder
        self._rebuilding = threading.Lock()
        self._engine, self._manifest, self._chunks = self._open()

    @property
    def model_name(self) -> str:
        """The model that embeds questions and passages."""
        return self._engine.model_name

    @property
    def engine(self) -> Engine:
        """The engine in place now."""
        return self._engine

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The answer from the index in place when the question was asked."""
        return self._engine.ask(question, k)

    def rank(self, question: str, k: int) -> tuple[Hit, ...]:
        """The engine's best passages for a question, refused or not (for follow-ups)."""
        return self._engine.rank(question, k)

    def passages(self) -> tuple[Chunk, ...]:
        """The passages of the index in place."""
        return self._engine.passages()

    def summary(self) -> tuple[SummarySentence, ...]:
        """The summary of the index in place."""
        return self._engine.summary()

    def sources(self) -> tuple[SourceInfo, ...]:
        """The articles of the index in place, each with when its file last changed."""
        changed = {Path(name).stem: t for name, t in self._manifest.corpus_modified.items()}
        return tuple(
            replace(info, changed=changed.get(info.source.id)) for info in self._engine.sources()
        )

    def refresh(self) -> Update | None:
        """Rebuild and swap in the index if the corpus (or the index on disk) changed.

        Returns None when the index in place is already current; raises RebuildFailed, with the
        old index still in place, when the corpus cannot be read or the build fails.
        """
        with self._rebuilding:
            started = time.perf_counter()
            try:
                reason = self._reason()
                if reason is None:
                    return None
                engine, manifest, chunks = self._open()
            except (StoryError, OSError, UnicodeError, ValueError) as error:
                raise RebuildFailed(f"Kept the index in place: {_one_line(error)}") from error
            changes = story_changes(self._chunks, chunks)
            self._engine, self._manifest, self._chunks = engine, manifest, chunks
            self.version += 1
            return Update(self.version, reason, changes, time.perf_counter() - started)

    def _reason(self) -> str | None:
        """Why the index in place is out of date; None when it is not."""
        reason = stale_reason(self.settings)
        if reason is None:
            # Current on disk, but perhaps built by someone else (`storybot build`) since.
            current = store.read_manifest(self.settings.data_dir)
            return None if current == self._manifest else "the index was rebuilt on disk"
        for path in article_files(self.settings.corpus):
            try:
                read_article(path)
            except (StoryError, OSError, UnicodeError, ValueError) as error:
                raise RebuildFailed(f"{path.name} cannot be read ({_one_line(error)})") from error
        return reason

    def _open(self) -> tuple[Engine, store.Manifest, tuple[Chunk, ...]]:
        from index.engine import Engine

        engine = Engine.open(self.settings, self._progress, self._embedder)
        data_dir = self.settings.data_dir
        return engine, store.read_manifest(data_dir), store.read_records(data_dir).chunks


def article_files(folder: Path) -> list[Path]:
    """The article files of the corpus folder, in name order."""
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def is_story_file(settings: Settings) -> Callable[[Change, str], bool]:
    """A watchfiles filter: an article of the corpus, or the index's pointer to its build."""
    corpus = settings.corpus.resolve()
    pointer = (settings.data_dir / "CURRENT").resolve()

    def relevant(_: Change, path: str) -> bool:
        changed = Path(path)
        return (changed.parent == corpus and changed.suffix in SUFFIXES) or changed == pointer

    return relevant


def watched(settings: Settings) -> list[Path]:
    """The folders to watch: the corpus, and the data folder for builds made by others."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return [settings.corpus.resolve(), settings.data_dir.resolve()]


def follow(live: LiveEngine, stop: threading.Event) -> Iterator[Update | RebuildFailed]:
    """Each update (or failed rebuild) as the corpus changes, until `stop` is set (blocking)."""
    settings = live.settings
    for _ in watch(*watched(settings), watch_filter=is_story_file(settings), stop_event=stop):
        try:
            update = live.refresh()
        except RebuildFailed as failed:
            yield failed
            continue
        if update is not None:
            yield update


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
