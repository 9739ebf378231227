"""Whether the index on disk is current, and its passages and summary read without a model.

Kept free of numpy, FAISS and the model so that `storybot summary`, `/source` and `/help` start
in a blink; a build, when one is needed, is imported only then.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from index.corpus.articles import CorpusMissing, article_files, corpus_hash, scan_corpus
from index.passages import MAX_CHARS, StoryError
from index.settings import Settings, check_places
from index.vectors import store
from index.vectors.changes import corpus_files, rebuild_reason
from index.vectors.upkeep import build_lock, clear_export_leftovers

if TYPE_CHECKING:
    from index.vectors.embedding import Embedder

log = logging.getLogger(__name__)

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
    """Why the index must be (re)built, or None when it is current and readable.

    Raises CorpusMissing when the corpus cannot be read to tell.
    """
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
    """`read(None)` from a current index; otherwise build it, then `read(the embedder used)`.

    When it cannot be built (the corpus gone, the folder read-only or full, no model) but an
    index is there, that index answers, with one warning saying why it was not brought up to date.
    """
    check_places(settings)
    try:
        reason = stale_reason(settings)
        if reason is None:
            return read(None)
    except CorpusMissing as error:
        return answer_from_built(read, error, None)
    except store.IndexCorrupt as error:  # a missing or altered encoder is one too
        reason = f"the index is unreadable ({error})"
    try:
        with build_lock(settings.data_dir, progress):
            return _build_and_read(settings, embedder, progress, read)
    except StoryError as error:
        return answer_from_built(read, error, reason)


def rebuild(settings: Settings, embedder: Callable[[], Embedder], progress: Progress) -> None:
    """Build the index now (`storybot build`): the corpus is read before the model loads."""
    check_places(settings)
    with build_lock(settings.data_dir, progress):
        _build(settings, embedder, progress)


def answer_from_built(
    read: Callable[[Embedder | None], T], error: StoryError, stale: str | None
) -> T:
    """The index already built, with one warning; `error` itself when there is none to read."""
    try:
        value = read(None)
    except (store.IndexMissing, store.IndexCorrupt):
        if isinstance(error, store.IndexUnwritable):
            raise store.IndexUnwritable(
                f"{error} There is no index to answer from: set STORYBOT_DATA_DIR to a folder "
                "StoryBot can write."
            ) from None
        raise error from None
    out_of_date = f", which is out of date ({stale})" if stale else ""
    log.warning("%s Answering from the index already built%s.", error, out_of_date)
    return value


def _build_and_read(
    settings: Settings,
    embedder: Callable[[], Embedder],
    progress: Progress,
    read: Callable[[Embedder | None], T],
) -> T:
    """Under the build lock: another process may have built the index while this one waited."""
    reason = stale_reason(settings)
    if reason is None:
        try:
            return read(None)
        except store.IndexCorrupt as error:
            reason = f"the index is unreadable ({error})"
    article_files(settings.corpus)  # a corpus that is not there is said before any "Building"
    progress(f"Building the index: {reason}.")
    return read(_build(settings, embedder, progress))


def _build(settings: Settings, embedder: Callable[[], Embedder], progress: Progress) -> Embedder:
    from index.vectors.build import build  # numpy, FAISS and the model, only when building

    store.clear_leftovers(settings.data_dir)
    clear_export_leftovers(settings.encoders or settings.data_dir / "encoders")
    corpus = scan_corpus(settings.corpus)
    used = embedder()
    build(settings, used, progress, corpus)
    return used
