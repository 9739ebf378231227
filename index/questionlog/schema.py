"""The question log's tables and their versioned migrations, one small step each.

A migration is a function of an open transaction; `migrate` applies those not yet applied, in
order, under a lock, so that several processes starting at once apply each step once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa

log = logging.getLogger(__name__)

metadata = sa.MetaData()

meta = sa.Table(
    "storybot_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(256), nullable=False),
)

questions = sa.Table(
    "questions",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("via", sa.String(16), nullable=False),
    sa.Column("guild_id", sa.BigInteger),
    sa.Column("channel_id", sa.BigInteger),
    sa.Column("asker", sa.String(64), index=True),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("refused", sa.Boolean, nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("missing", sa.JSON, nullable=False),
    sa.Column("passages", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("index_version", sa.String(64), nullable=False),
)

votes = sa.Table(
    "votes",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column(
        "question_id",
        sa.String(32),
        sa.ForeignKey("questions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("voter", sa.String(64), nullable=False, index=True),
    sa.Column("vote", sa.SmallInteger, nullable=False),
    sa.Column("voted_at", sa.DateTime(timezone=True), nullable=False),
)


def _v1_questions(connection: sa.Connection) -> None:
    questions.create(connection)


def _v2_votes(connection: sa.Connection) -> None:
    votes.create(connection)


Migration = Callable[[sa.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_v1_questions, _v2_votes)
"""Version N is the schema after the first N steps; a new step goes at the end, never between."""
LATEST = len(MIGRATIONS)


def version(connection: sa.Connection) -> int:
    """The schema version of this database (0 when it is empty)."""
    if not sa.inspect(connection).has_table(meta.name):
        return 0
    row = connection.execute(sa.select(meta.c.value).where(meta.c.key == "schema")).first()
    return int(row[0]) if row else 0


def migrate(engine: sa.Engine, target: int = LATEST) -> int:
    """Bring the database to `target` (the latest by default); returns the version it was at."""
    with engine.begin() as connection:
        _lock(connection)
        meta.create(connection, checkfirst=True)
        found = version(connection)
        for step in range(found, target):
            MIGRATIONS[step](connection)
            log.info("Question log: applied migration %d (%s)", step + 1, MIGRATIONS[step].__name__)
        if target > found:
            _set(connection, "schema", str(target))
    return found


def _lock(connection: sa.Connection) -> None:
    """Hold off other processes migrating the same database until this transaction ends."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(4815162342)"))
    # SQLite: every transaction of ours begins IMMEDIATE (see connection.py), a write lock.


def _set(connection: sa.Connection, key: str, value: str) -> None:
    updated = connection.execute(meta.update().where(meta.c.key == key).values(value=value))
    if updated.rowcount == 0:
        connection.execute(meta.insert().values(key=key, value=value))


def read_meta(connection: sa.Connection, key: str) -> str | None:
    """A value kept in the meta table, or None."""
    return connection.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()


def write_meta(connection: sa.Connection, key: str, value: str) -> None:
    """Keep a value in the meta table, replacing the one there."""
    _set(connection, key, value)
