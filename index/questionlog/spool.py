"""The spool: rows kept in a local file (JSON Lines) until the database takes them.

Rows go there when the database is down, slow or locked (`writer.py`), and from `storybot
ask`, which appends its rows and leaves writing them to whoever opens the database next
(`brief.py`). The spool is written to the database before anything
newer; every row carries its own id and a row already there is left alone, so a spool written
twice (a crash between the write and the delete) adds nothing twice. Appending and claiming the
file for a write take a lock beside it, so rows a process appends while another writes the
spool are never lost between the read and the delete. A line that is not a row (a write cut
short by a crash or a full disk) is set aside in `questions.spool.unreadable`, said once, and
the rows around it are written; the next row appended after such a line starts a line of its
own. It imports no SQLAlchemy.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filelock import FileLock

log = logging.getLogger(__name__)

Row = dict[str, Any]
"""A record or vote as the writer queues and spools it: JSON values, times in ISO 8601."""
Item = tuple[str, Row]
"""("question", record) or ("vote", vote)."""
SPOOL_FILE = "questions.spool.jsonl"
BATCH = 200
"""Rows written to the database in one transaction, at most."""


class Spool:
    """Rows kept in a local file until the database takes them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, items: list[Item]) -> None:
        """Append rows, one JSON line each, in a single write (after a line break when the file
        ends inside a line, a write a crash or a full disk cut short, so that only that line
        is lost)."""
        lines = "".join(
            json.dumps({"kind": k, "row": r}, ensure_ascii=False) + "\n" for k, r in items
        ).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock(), self.path.open("a+b") as out:  # "a": every write goes at the end
            if out.seek(0, os.SEEK_END):
                out.seek(-1, os.SEEK_END)
                if out.read(1) != b"\n":  # the file ends inside a line
                    lines = b"\n" + lines
            out.write(lines)

    def size(self) -> int:
        """Bytes waiting in the file rows are appended to (0 when there is none)."""
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def pending(self) -> bool:
        """Whether any rows wait here (this process's or another's)."""
        return self.path.exists() or any(self._claimed())

    def drain(self, write: Callable[[list[Item]], None]) -> int:
        """Hand every spooled row to `write`, oldest first, deleting each file once written."""
        if self.path.exists():
            # Renamed first, under the lock: rows added meanwhile go to a new file, not lost
            # between the read and the delete
            with self._lock():
                if self.path.exists():
                    claimed = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex}.claimed")
                    os.replace(self.path, claimed)
        written = 0
        for claimed in sorted(self._claimed(), key=lambda p: p.stat().st_mtime):
            items, unreadable = _read(claimed)
            if unreadable:
                self._set_aside(unreadable)
            for start in range(0, len(items), BATCH):
                write(items[start : start + BATCH])
            claimed.unlink(missing_ok=True)
            written += len(items)
        return written

    def _set_aside(self, lines: list[bytes]) -> None:
        """Keep lines that are not rows (cut short, or not JSON) beside the spool, and say so."""
        aside = self.path.with_suffix(".unreadable")
        with aside.open("ab") as out:
            out.write(b"".join(line + b"\n" for line in lines))
        log.warning(
            "Question log: %d spooled lines were not rows (a write cut short?); kept in %s",
            len(lines),
            aside,
        )

    def _claimed(self) -> list[Path]:
        return list(self.path.parent.glob(f"{self.path.name}.*.claimed"))

    def _lock(self) -> FileLock:
        return FileLock(self.path.with_suffix(".lock"))


def _read(path: Path) -> tuple[list[Item], list[bytes]]:
    """A spool file's rows, and the lines that are not rows."""
    items: list[Item] = []
    unreadable: list[bytes] = []
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
            items.append((str(entry["kind"]), dict(entry["row"])))
        except (ValueError, KeyError, TypeError):  # UnicodeDecodeError is a ValueError
            unreadable.append(line)
    return items, unreadable
