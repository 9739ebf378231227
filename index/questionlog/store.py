"""Every statement the question log runs: writing records and votes, forgetting, reading back."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from index.questionlog import privacy, schema
from index.questionlog.connection import make_engine
from index.questionlog.schema import questions, votes
from index.questionlog.spool import Row

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Forgotten:
    """What `forget` removed: one person's questions and votes."""

    questions: int
    votes: int


class Store:
    """The question log's database, migrated and salt-checked before its first use."""

    def __init__(self, url: str, salt_path: Path) -> None:
        self.engine = make_engine(url)
        self.salt_path = salt_path
        self.salt = privacy.load_salt(salt_path)
        self._ready = False

    def ready(self) -> None:
        """Apply pending migrations and check the salt, once; raises when the database is down."""
        if self._ready:
            return
        schema.migrate(self.engine)
        with self.engine.begin() as connection:
            kept = schema.read_meta(connection, "salt_check")
            if kept is None:
                schema.write_meta(connection, "salt_check", privacy.salt_check(self.salt))
            elif kept != privacy.salt_check(self.salt):
                raise privacy.mismatch(self.salt_path)
        self._ready = True

    def hash_user(self, user: int | str) -> str:
        """The salted hash the log keeps for this person."""
        return privacy.hash_user(self.salt, user)

    def write(self, items: Sequence[tuple[str, Row]]) -> None:
        """Write records and votes in one transaction; a record already there is left as it is."""
        self.ready()
        with self.engine.begin() as connection:
            records = [_times(row, "asked_at") for kind, row in items if kind == "question"]
            if records:
                connection.execute(self._insert_new(questions), records)
            for kind, row in items:
                if kind == "vote":
                    self._vote(connection, _times(row, "voted_at"))

    def _insert_new(self, table: sa.Table) -> Any:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing(index_elements=["id"])

    def _vote(self, connection: sa.Connection, row: Row) -> None:
        known = sa.select(questions.c.id).where(questions.c.id == row["question_id"])
        if connection.execute(known).first() is None:
            log.warning("Question log: a vote for %s, which is not logged, dropped", row["id"])
            return
        changed = votes.update().where(votes.c.id == row["id"])
        if (
            connection.execute(changed.values(vote=row["vote"], voted_at=row["voted_at"])).rowcount
            == 0
        ):
            connection.execute(self._insert_new(votes), [row])

    def forget(self, user: int | str) -> Forgotten:
        """Delete everything one person asked, and every vote they gave."""
        self.ready()
        asker = self.hash_user(user)
        theirs = sa.select(questions.c.id).where(questions.c.asker == asker)
        with self.engine.begin() as connection:
            voted = connection.execute(
                votes.delete().where(
                    sa.or_(votes.c.voter == asker, votes.c.question_id.in_(theirs))
                )
            ).rowcount
            asked = connection.execute(
                questions.delete().where(questions.c.asker == asker)
            ).rowcount
        return Forgotten(asked, voted)

    def expire(self, before: datetime) -> int:
        """Delete questions asked before `before` (and their votes); returns how many."""
        self.ready()
        old = sa.select(questions.c.id).where(questions.c.asked_at < before)
        with self.engine.begin() as connection:
            connection.execute(votes.delete().where(votes.c.question_id.in_(old)))
            return connection.execute(
                questions.delete().where(questions.c.asked_at < before)
            ).rowcount

    def questions_since(self, since: datetime, server: int | None = None) -> list[Row]:
        """Every question asked since then (in that Discord server, when one is given), oldest
        first, with its votes up and down."""
        where = [questions.c.asked_at >= since]
        if server is not None:
            where.append(questions.c.guild_id == server)
        return self._voted([questions], *where)

    def answered_since(self, since: datetime, confidence: float) -> list[Row]:
        """The questions answered since then with at least this confidence, oldest first: their
        words, asker, how and in which server they were asked, when, the confidence and the votes
        (what readers' suggestions are made of), read without the rest of each row."""
        columns = ("question", "asker", "via", "guild_id", "asked_at", "refused", "confidence")
        return self._voted(
            [questions.c[name] for name in columns],
            questions.c.asked_at >= since,
            questions.c.refused.is_(False),
            questions.c.confidence >= confidence,
        )

    def _voted(self, columns: list[Any], *where: Any) -> list[Row]:
        """These columns of the questions that match, oldest first, with their votes up and
        down."""
        self.ready()
        up = sa.func.sum(sa.case((votes.c.vote > 0, 1), else_=0)).label("up")
        down = sa.func.sum(sa.case((votes.c.vote < 0, 1), else_=0)).label("down")
        tally = sa.select(votes.c.question_id, up, down).group_by(votes.c.question_id).subquery()
        query = (
            sa.select(*columns, tally.c.up, tally.c.down)
            .outerjoin(tally, tally.c.question_id == questions.c.id)
            .where(*where)
            .order_by(questions.c.asked_at)
        )
        with self.engine.connect() as connection:
            return [_row(row._mapping) for row in connection.execute(query)]

    def close(self) -> None:
        """Close the pool's connections."""
        self.engine.dispose()


def _times(row: Row, key: str) -> Row:
    return {**row, key: datetime.fromisoformat(row[key])}


def _row(mapping: Any) -> Row:
    row = dict(mapping)
    row["asked_at"] = utc(row["asked_at"])
    row["up"], row["down"] = int(row["up"] or 0), int(row["down"] or 0)
    return row


def utc(moment: datetime) -> datetime:
    """A time from the database as an aware UTC time (SQLite gives it back without a zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def all_rows(store: Store, table: sa.Table) -> Iterable[Row]:
    """Every row of one of the log's tables (for tests and checks)."""
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(sa.select(table))]
