"""The question log of one data folder or database: recording, and reading it back."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from index.passages import Answer, StoryError
from index.questionlog.connection import database_url, sqlite_path
from index.questionlog.interface import PRIVATE, Asker, NoLog
from index.questionlog.popular import CONFIDENT, SINCE, Guild, well_answered
from index.questionlog.privacy import SALT_FILE
from index.questionlog.report import Report, build_report
from index.questionlog.rows import question_rows, vote_row
from index.questionlog.spool import SPOOL_FILE, Spool
from index.questionlog.store import Forgotten, Store
from index.questionlog.writer import Writer
from index.settings import Settings

log = logging.getLogger(__name__)


class LogUnavailable(StoryError):
    """The question log's database cannot be reached (for report and forget, which must)."""


class QuestionLog:
    """The log of one data folder or database: recorded from any thread, never blocking."""

    def __init__(self, store: Store, writer: Writer, index_version: str) -> None:
        self.store = store
        self.index_version = index_version
        self._writer = writer

    def record(self, answer: Answer, asker: Asker, latency: float) -> str:
        """Queue the answer for the log; returns its id, for feedback."""
        answer_id = uuid.uuid4().hex
        hashed = self.store.hash_user(asker.user)
        for row in question_rows(answer_id, answer, asker, hashed, latency, self.index_version):
            self._writer.put("question", row)
        return answer_id

    def feedback(self, answer_id: str, vote: int | str, user: int | str) -> None:
        """Queue a 👍 (+1) or 👎 (-1) from `user` on the answer; a later vote replaces theirs."""
        self._writer.put("vote", vote_row(answer_id, self.store.hash_user(user), vote))

    def well_answered(self) -> dict[Guild, tuple[str, ...]]:
        """Readers' questions worth offering as others type /ask, for each server
        (`popular.well_answered`); none while the database does not answer."""
        try:
            rows = self.store.answered_since(datetime.now(UTC) - SINCE, CONFIDENT)
        except sa.exc.SQLAlchemyError as error:
            log.warning("Question log: cannot read what readers asked (%s)", _first_line(error))
            return {}
        return well_answered(rows)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued (or spool it), then stop the writer."""
        self._writer.close(timeout)
        self.store.close()


def open_store(settings: Settings) -> Store:
    """The log's database for reading or forgetting, migrated; raises LogUnavailable if down."""
    store = Store(database_url(settings), _beside(settings) / SALT_FILE)
    try:
        store.ready()
    except sa.exc.SQLAlchemyError as error:
        store.close()
        unavailable = f"The question log's database is unavailable: {_first_line(error)}"
        raise LogUnavailable(unavailable) from error
    return store


def open_log(
    settings: Settings, index_version: str, retry_seconds: float = 30.0
) -> QuestionLog | NoLog:
    """The log the settings ask for, its migrations applied now when its database answers."""
    if not settings.record:
        return NoLog()
    folder = _beside(settings)
    store = Store(database_url(settings), folder / SALT_FILE)
    try:
        store.ready()
        if settings.retention_days:
            store.expire(datetime.now(UTC) - timedelta(days=settings.retention_days))
    except sa.exc.SQLAlchemyError as error:
        log.warning(
            "Question log: the database is unavailable (%s); will retry", _first_line(error)
        )
    spool = Spool(folder / SPOOL_FILE)
    writer = Writer(store, spool, retry_seconds, settings.retention_days)
    return QuestionLog(store, writer, index_version)


def report(
    settings: Settings, since: timedelta, now: datetime | None = None, server: int | None = None
) -> Report:
    """What was asked over the period up to `now`, spooled rows included: in one Discord server
    when `server` is given (what `/report` shows a manager there), else everywhere. A server's
    report counts the questions its readers asked privately (`/ask … private: True`) but never
    quotes them: the reader chose that only they would see it."""
    now = now or datetime.now(UTC)
    if _nothing_logged(settings):  # and nothing is made by asking: STORYBOT_RECORD=off stays so
        return build_report([], now - since, now)
    store = open_store(settings)
    try:
        Spool(_beside(settings) / SPOOL_FILE).drain(store.write)
        if settings.retention_days:
            store.expire(datetime.now(UTC) - timedelta(days=settings.retention_days))
        rows = store.questions_since(now - since, server)
        listed = None if server is None else [row for row in rows if row["via"] != PRIVATE]
        return build_report(rows, now - since, now, listed)
    finally:
        store.close()


def forget(settings: Settings, user: int | str) -> Forgotten:
    """Delete one person's questions and votes (those spooled are written first, then deleted)."""
    if _nothing_logged(settings):
        return Forgotten(0, 0)
    store = open_store(settings)
    try:
        Spool(_beside(settings) / SPOOL_FILE).drain(store.write)
        return store.forget(user)
    finally:
        store.close()


def _nothing_logged(settings: Settings) -> bool:
    """Whether the log is a SQLite file never made, with nothing spooled beside it."""
    path = sqlite_path(database_url(settings))
    return path is not None and not path.exists() and not Spool(path.parent / SPOOL_FILE).pending()


def _beside(settings: Settings) -> Path:
    """The folder beside the database: the SQLite file's, else the data folder."""
    path = sqlite_path(database_url(settings))
    return path.parent if path is not None else settings.data_dir


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:300]
