"""Writing the log off the caller's thread: a queue, a writer thread, and a spool file.

Whoever records only puts a row on a queue. The writer thread waits a moment for more
(LINGER) and writes what it has in one transaction; when the database is down, slow or locked,
the rows go to a spool file beside it (JSON Lines) and the log says so once. The spool is
written to the database before anything newer, as soon as the database answers again; every row
carries its own id and a row already there is left alone, so a spool written twice (a crash
between the write and the delete) adds nothing twice.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from index.questionlog.store import Row, Store

log = logging.getLogger(__name__)

Item = tuple[str, Row]
"""("question", record) or ("vote", vote)."""
_STOP: Item = ("stop", {})
BATCH = 200
LINGER = 0.25
"""Seconds the writer waits after a row for more before it writes: questions asked in a burst
(`storybot ask -`, a busy server) go in one transaction, and the thread takes the interpreter
from answering a few times a second rather than at every question (each write is mostly
SQLAlchemy's Python). Closing the log writes what waits at once, and a log closed with
nothing waiting stops at once."""


class Spool:
    """Rows kept in a local file while the database cannot take them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, items: list[Item]) -> None:
        """Append rows, one JSON line each, in a single write."""
        lines = "".join(
            json.dumps({"kind": k, "row": r}, ensure_ascii=False) + "\n" for k, r in items
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(lines)

    def pending(self) -> bool:
        """Whether any rows wait here (this process's or another's)."""
        return self.path.exists() or any(self._claimed())

    def drain(self, write: Callable[[list[Item]], None]) -> int:
        """Hand every spooled row to `write`, oldest first, deleting each file once written."""
        if self.path.exists():
            # Renamed first: rows added meanwhile go to a new file, not lost between read and delete
            os.replace(
                self.path, self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex}.claimed")
            )
        written = 0
        for claimed in sorted(self._claimed(), key=lambda p: p.stat().st_mtime):
            with claimed.open(encoding="utf-8") as lines:
                items = [_item(line) for line in lines if line.strip()]
            for start in range(0, len(items), BATCH):
                write(items[start : start + BATCH])
            claimed.unlink(missing_ok=True)
            written += len(items)
        return written

    def _claimed(self) -> list[Path]:
        return list(self.path.parent.glob(f"{self.path.name}.*.claimed"))


def _item(line: str) -> Item:
    entry = json.loads(line)
    return str(entry["kind"]), dict(entry["row"])


class Writer:
    """The thread that writes the log, spooling while the database is away."""

    def __init__(
        self, store: Store, spool: Spool, retry_seconds: float, retention_days: int | None
    ) -> None:
        self.store = store
        self.spool = spool
        self.retry_seconds = retry_seconds
        self.retention_days = retention_days
        self._queue: queue.Queue[Item] = queue.Queue()
        self._away = False
        self._expired_at: datetime | None = None
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._thread.start()

    def put(self, kind: str, row: Row) -> None:
        """Queue a row to write; returns at once."""
        self._queue.put((kind, row))

    def close(self, timeout: float) -> None:
        """Write what is queued (or spool it), then stop the thread."""
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("Question log: still writing after %.0f s; stopping anyway", timeout)

    def _run(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self.retry_seconds)
            except queue.Empty:
                self._catch_up()
                continue
            batch = [first] if first == _STOP else [first, *self._more()]
            stop = _STOP in batch
            self._write([item for item in batch if item != _STOP])
            if stop:
                return

    def _more(self) -> list[Item]:
        """What else arrives within LINGER seconds, up to a batch, or until the log closes."""
        more: list[Item] = []
        until = time.monotonic() + LINGER
        while len(more) < BATCH and _STOP not in more[-1:]:
            try:
                more.append(self._queue.get(timeout=max(0.0, until - time.monotonic())))
            except queue.Empty:
                break
        return more

    def _catch_up(self) -> None:
        """Between questions: write the spool once the database is back, and expire old rows."""
        if self.spool.pending():
            self._write([])
        elif self.retention_days and not self._away:
            self._expire()

    def _write(self, items: list[Item]) -> None:
        try:
            if self.spool.pending():
                written = self.spool.drain(self.store.write)
                log.warning("Question log: the database is back; wrote %d spooled rows", written)
            if items:
                self.store.write(items)
            self._away = False
        except sa.exc.SQLAlchemyError as error:
            self._keep(items, error)
        except Exception:
            log.exception("Question log: %d rows could not be written and were dropped", len(items))

    def _keep(self, items: list[Item], error: Exception) -> None:
        if items:
            self.spool.add(items)
        if not self._away:
            reason = str(error).splitlines()[0][:200]
            log.warning(
                "Question log: the database is unavailable (%s); keeping rows in %s and "
                "retrying every %.0f s",
                reason,
                self.spool.path,
                self.retry_seconds,
            )
        self._away = True

    def _expire(self) -> None:
        now = datetime.now(UTC)
        if self._expired_at and now - self._expired_at < timedelta(hours=1):
            return
        self._expired_at = now
        try:
            assert self.retention_days is not None
            gone = self.store.expire(now - timedelta(days=self.retention_days))
            if gone:
                log.info("Question log: deleted %d questions past the retention period", gone)
        except sa.exc.SQLAlchemyError as error:
            log.warning("Question log: could not delete old rows (%s)", error)
