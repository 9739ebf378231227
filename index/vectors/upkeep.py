"""Keeping the data folder sound: one build at a time, and the leftovers of killed ones cleared.

Builds and encoder exports on one folder are serialised by a file lock (`filelock`), so a
build never removes a folder that another process is writing, and processes asking at once on
an empty folder wait for the first one's index instead of building their own. Whoever holds the
lock may clear what killed builds and exports left behind: no one else can be writing it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from index.vectors.store import IndexUnwritable

LOCK_FILE = ".build.lock"
EXPORT_LOCK_FILE = ".export.lock"
"""Its own name, so that an encoders folder that is also the data folder does not deadlock."""
WAIT_QUIETLY = 0.5
"""Seconds to wait for the lock before saying that another process holds it."""


@contextmanager
def build_lock(
    folder: Path, progress: Callable[[str], None], name: str = LOCK_FILE
) -> Iterator[None]:
    """Hold the folder's build lock; raises IndexUnwritable when the folder cannot be written."""
    from filelock import FileLock, Timeout

    path = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o666))  # a read-only folder fails here
    except OSError as error:
        reason = error.strerror or str(error)
        raise IndexUnwritable(f"Could not write in {folder}: {reason}.") from None
    lock = FileLock(path)
    try:
        lock.acquire(timeout=WAIT_QUIETLY)
    except Timeout:
        progress(f"Waiting for another process that is building in {folder}…")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def clear_export_leftovers(encoders: Path) -> None:
    """Remove what killed encoder exports left in `encoders` (an `.export-*` folder can hold
    close to 100 MB), unless an export is running there now."""
    from filelock import FileLock, Timeout

    lock_path = encoders / EXPORT_LOCK_FILE
    leftovers = [*encoders.glob(".export-*"), *encoders.glob(".stale-*")]
    if not leftovers or not lock_path.is_file():
        for leftover in leftovers:  # no export has run since locks were kept: none is running
            shutil.rmtree(leftover, ignore_errors=True)
        return
    lock = FileLock(lock_path)
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return
    try:
        for leftover in leftovers:
            shutil.rmtree(leftover, ignore_errors=True)
    finally:
        lock.release()
