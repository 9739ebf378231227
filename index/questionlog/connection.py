"""Where the question log lives: SQLite in the data folder, or the database a URL names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from index.passages import StoryError
from index.settings import Settings

SQLITE_FILE = "questions.sqlite"
BUSY_MS = 2000
"""How long a SQLite write waits for another process's lock before giving up (and spooling)."""
CONNECT_SECONDS = 5
"""How long connecting to a PostgreSQL server may take before the log spools instead."""


class BadDatabaseUrl(StoryError):
    """STORYBOT_DATABASE_URL names no database this StoryBot can open."""


def database_url(settings: Settings) -> str:
    """The log's SQLAlchemy URL: STORYBOT_DATABASE_URL, else a SQLite file in the data folder."""
    url = settings.database_url or f"sqlite:///{(settings.data_dir / SQLITE_FILE).resolve()}"
    for bare in ("postgresql://", "postgres://"):
        if url.startswith(bare):  # psycopg (3) is the driver we ship, not psycopg2
            return "postgresql+psycopg://" + url[len(bare) :]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names, or None for another database or an in-memory one."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as error:
        raise bad_url(error) from error
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return None if parsed.database == ":memory:" else Path(parsed.database)


def make_engine(url: str) -> sa.Engine:
    """An engine for the log: SQLite in WAL mode with write transactions, or PostgreSQL."""
    try:
        path = sqlite_path(url)
        if path is None:
            return sa.create_engine(
                url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_SECONDS}
            )
    except (sa.exc.ArgumentError, ImportError) as error:
        raise bad_url(error) from error
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_MS / 1000})
    sa.event.listen(engine, "connect", _sqlite_connected)
    sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's BEGIN (below) start transactions, not the sqlite3 module's own guesses.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the bot's writes
    cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # IMMEDIATE takes the write lock at once: two processes never deadlock upgrading a read lock.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def bad_url(error: Exception) -> BadDatabaseUrl:
    """The error for a URL that names no database StoryBot can open."""
    return BadDatabaseUrl(
        f"STORYBOT_DATABASE_URL is not a database StoryBot can open ({error}): use "
        "postgresql://user:password@host/database, or leave it empty for SQLite."
    )
