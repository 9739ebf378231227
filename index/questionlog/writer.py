"""Writing the log off the caller's thread: a queue and a writer thread.

Whoever records only puts a row on a queue. The writer thread waits a moment for more
(LINGER) and writes what it has in one transaction; when the database is down, slow or locked,
the rows go to the spool (`spool.py`) and the log says so once. The spool is written to the
database before anything newer, as soon as the database answers again.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from index.questionlog.spool import BATCH, Item, Row, Spool
from index.questionlog.store import Store

log = logging.getLogger(__name__)

_STOP: Item = ("stop", {})
LINGER = 0.25
"""Seconds the writer waits after a row for more before it writes: questions asked in a burst
(`storybot ask -`, a busy server) go in one transaction, and the thread takes the interpreter
from answering a few times a second rather than at every question (each write is mostly
SQLAlchemy's Python). Closing the log writes what waits at once, and a log closed with
nothing waiting stops at once."""


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
                if self._away:
                    back = "Question log: the database is back; wrote %d spooled rows"
                    log.warning(back, written)
                else:  # rows that `storybot ask` left in the spool (brief.py)
                    log.info("Question log: wrote %d spooled rows", written)
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
