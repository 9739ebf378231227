"""Whether the index on disk is current, and its passages and summary read without a model.

Kept free of numpy, FAISS and the model so that `storybot summary`, `/source` and `/help` start
in a blink; a build, when one is needed, is imported only then.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from index import store
from index.changes import corpus_files, rebuild_reason
from index.corpus import corpus_hash
from index.passages import MAX_CHARS
from index.settings import Settings

if TYPE_CHECKING:
    from index.embedding import Embedder

Progress = Callable[[str], None]
T = TypeVar("T")


def stderr_progress(message: str) -> None:
    """Progress for long work, on stderr so stdout stays clean for answers and JSON."""
    print(message, file=sys.stderr, flush=True)


def expected_manifest(settings: Settings) -> store.Manifest:
    """The manifest an index built now from these settings would carry."""
    files = corpus_files(settings.corpus)
    return store.Manifest(
        settings.model,
        corpus_hash(settings.corpus),
        MAX_CHARS,
        corpus_files=files.sha256,
        corpus_modified=files.modified,
    )


def stale_reason(settings: Settings) -> str | None:
    """Why the index must be (re)built, or None when it is current and readable."""
    try:
        built = store.read_manifest(settings.data_dir)
    except store.IndexMissing:
        return "no index yet"
    except store.IndexCorrupt as error:
        return f"the index is unreadable ({error})"
    expected = expected_manifest(settings)
    if built.format != expected.format:
        return "it was written by another version of StoryBot"
    if not built.matches(expected):
        return rebuild_reason(built, expected)
    return None


def open_records(
    settings: Settings, embedder: Callable[[], Embedder], progress: Progress
) -> store.Records:
    """The index's passages and summary, built first when missing, out of date or corrupt.

    `embedder` is called only when a build is needed, so a current index loads no model.
    """
    return read_or_build(
        settings, embedder, progress, lambda _: store.read_records(settings.data_dir)
    )


def read_or_build(
    settings: Settings,
    embedder: Callable[[], Embedder],
    progress: Progress,
    read: Callable[[Embedder | None], T],
) -> T:
    """`read(None)` from a current index; otherwise build it, then `read(the embedder used)`."""
    reason = stale_reason(settings)
    if reason is None:
        try:
            return read(None)
        except store.IndexCorrupt as error:  # a missing or altered encoder is one too
            reason = f"the index is unreadable ({error})"
    progress(f"Building the index: {reason}.")
    from index.build import build  # numpy, FAISS and the model, only when building

    used = embedder()
    build(settings, used, progress)
    return read(used)
