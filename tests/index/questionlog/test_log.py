"""The question log against a real SQLite file and a real PostgreSQL server (each test on both)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from index.passages import Answer, Chunk, Hit, Source
from index.questionlog import schema, writer
from index.questionlog.connection import BadDatabaseUrl, database_url
from index.questionlog.interface import Asker
from index.questionlog.privacy import SaltMismatch
from index.questionlog.recorder import (
    SPOOL_FILE,
    LogUnavailable,
    QuestionLog,
    forget,
    open_log,
    open_store,
    report,
)
from index.questionlog.store import Store, all_rows
from index.settings import Settings

READER = 731234567890123456  # distinctive: it must never be found in the database
SOURCE = Source("story", "A story")


def answered(question: str, score: float = 0.5) -> Answer:
    """An answer citing one passage."""
    chunk = Chunk(SOURCE, 3, 0, 20, "The answer is here.")
    return Answer(question, refused=False, hits=(Hit(chunk, score),), confidence=0.8)


def refused(question: str, *missing: str) -> Answer:
    """A refusal, naming what the story is missing."""
    return Answer(question, refused=True, message="Sorry.", missing=missing)


def opened(settings: Settings) -> QuestionLog:
    """The log, retrying quickly when its database is away."""
    log = open_log(settings, "5:test", retry_seconds=0.1)
    assert isinstance(log, QuestionLog)
    return log


def rows(settings: Settings, table: sa.Table) -> list[dict[str, object]]:
    """Every row of a table of the log."""
    store = open_store(settings)
    try:
        return list(all_rows(store, table))
    finally:
        store.close()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Wait for the writer thread to catch up."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the question log"
        time.sleep(0.05)


def test_a_new_database_is_migrated_to_the_latest_schema(log_settings: Settings) -> None:
    store = open_store(log_settings)
    with store.engine.connect() as connection:
        assert schema.version(connection) == schema.LATEST == 2
        tables = set(sa.inspect(connection).get_table_names())
    store.close()
    assert {"storybot_meta", "questions", "votes"} <= tables


def test_a_database_of_the_previous_version_keeps_its_rows_and_gains_votes(
    log_settings: Settings,
) -> None:
    store = Store(database_url(log_settings), log_settings.data_dir / "questions.salt")
    schema.migrate(store.engine, target=1)
    with store.engine.begin() as connection:
        connection.execute(schema.questions.insert(), [_row("kept-from-v1", datetime.now(UTC))])
        assert schema.version(connection) == 1
    store.close()

    log = opened(log_settings)
    log.feedback("kept-from-v1", "down", READER)
    log.close()
    [question] = rows(log_settings, schema.questions)
    [vote] = rows(log_settings, schema.votes)
    assert question["id"] == "kept-from-v1" and vote["vote"] == -1


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("postgresql://postgres@127.0.0.1:1/nowhere", LogUnavailable),  # nothing listens there
        ("not a url", BadDatabaseUrl),
        ("oracle+nodriver://x/y", BadDatabaseUrl),
    ],
)
def test_report_and_forget_say_plainly_when_the_database_cannot_be_had(
    tmp_path: Path, url: str, error: type[Exception]
) -> None:
    settings = Settings(data_dir=tmp_path, database_url=url, _env_file=None)
    with pytest.raises(error, match=r"unavailable|STORYBOT_DATABASE_URL"):
        report(settings, timedelta(days=1))


def test_report_and_forget_make_no_database_where_none_was_kept(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", record=False, _env_file=None)
    assert report(settings, timedelta(days=7)).asked == 0
    assert forget(settings, READER).questions == 0
    assert not (tmp_path / "data").exists()


def test_migrating_twice_changes_nothing(log_settings: Settings) -> None:
    open_store(log_settings).close()
    store = open_store(log_settings)
    assert schema.migrate(store.engine) == schema.LATEST
    store.close()


def test_a_record_keeps_what_was_asked_and_told_and_a_later_vote_replaces_the_first(
    log_settings: Settings,
) -> None:
    log = opened(log_settings)
    answer_id = log.record(answered("Who leads Syria?"), Asker(READER, "slash", 11, 22), 0.0042)
    log.feedback(answer_id, "up", READER)
    log.feedback(answer_id, "👎", READER)
    log.close()
    [row] = rows(log_settings, schema.questions)
    assert (row["id"], row["question"], row["refused"], row["via"]) == (
        answer_id,
        "Who leads Syria?",
        False,
        "slash",
    )
    assert (row["guild_id"], row["channel_id"], row["index_version"]) == (11, 22, "5:test")
    assert row["passages"] == [{"citation": "¶3, A story", "source": "story", "score": 0.5}]
    assert row["confidence"] == pytest.approx(0.8) and row["latency_ms"] == pytest.approx(4.2)
    [vote] = rows(log_settings, schema.votes)
    assert vote["question_id"] == answer_id and vote["vote"] == -1


def test_the_raw_user_id_is_stored_nowhere(log_settings: Settings) -> None:
    log = opened(log_settings)
    answer_id = log.record(refused("What is Syria's GDP?", "GDP"), Asker(READER, "slash"), 0.01)
    log.feedback(answer_id, "down", READER)
    log.close()
    everything = repr(rows(log_settings, schema.questions) + rows(log_settings, schema.votes))
    assert "What is Syria's GDP?" in everything
    assert str(READER) not in everything
    for path in log_settings.data_dir.rglob("*"):  # the SQLite file, its WAL, the salt
        assert str(READER).encode() not in path.read_bytes(), path


def test_a_process_with_another_salt_is_stopped_before_it_writes(log_settings: Settings) -> None:
    open_store(log_settings).close()
    (log_settings.data_dir / "questions.salt").write_text("00" * 32 + "\n")
    with pytest.raises(SaltMismatch, match="copy the salt file"):
        open_store(log_settings)


def test_two_writers_at_once_lose_nothing(log_settings: Settings) -> None:
    logs = [opened(log_settings), opened(log_settings)]  # each its own connections and thread
    for n in range(50):
        for k, log in enumerate(logs):
            log.record(answered(f"Question {n} from {k}?"), Asker(k), 0.001)
    for log in logs:
        log.close()
    assert len(rows(log_settings, schema.questions)) == 100


def test_questions_asked_in_a_burst_are_written_in_one_transaction(
    log_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    write = Store.write

    def counted(store: Store, items: list[Any]) -> None:
        writes.append(len(items))
        write(store, items)

    monkeypatch.setattr(Store, "write", counted)
    log = opened(log_settings)
    for n in range(40):  # a question every 2 ms, as `storybot ask -` answers them: 80 ms in all
        log.record(answered(f"Question {n}?"), Asker(n), 0.001)
        time.sleep(0.002)
    log.close()
    assert sum(writes) == 40
    assert len(writes) <= 2  # one, or two on a machine that stalls mid-burst; not one a question
    assert len(rows(log_settings, schema.questions)) == 40


def test_a_log_closed_with_nothing_recorded_stops_without_waiting_for_more(
    log_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "LINGER", 600.0)  # it waited a LINGER for rows after the stop
    log = opened(log_settings)
    log.close(timeout=20)
    assert not log._writer._thread.is_alive()


def test_a_question_of_a_message_the_story_does_not_answer_is_reported_unanswered(
    log_settings: Settings,
) -> None:
    gdp = refused("what is syria's gdp?", "gdp")
    both = replace(answered("who leads syria and what is its gdp?"), refused_parts=(gdp,))
    log = opened(log_settings)
    answer_id = log.record(both, Asker(READER, "slash", 11, 22), 0.01)
    log.feedback(answer_id, "up", READER)
    log.close()
    kept = {row["question"]: row for row in rows(log_settings, schema.questions)}
    assert set(kept) == {"who leads syria and what is its gdp?", "what is syria's gdp?"}
    whole, part = kept["who leads syria and what is its gdp?"], kept["what is syria's gdp?"]
    assert whole["id"] == answer_id and not whole["refused"]
    assert part["refused"] and part["missing"] == ["gdp"] and part["passages"] == []
    assert (part["via"], part["guild_id"], part["asker"]) == ("slash", 11, whole["asker"])
    [vote] = rows(log_settings, schema.votes)
    assert vote["question_id"] == answer_id  # the vote stays on the answer given
    found = report(log_settings, timedelta(days=1))
    assert (found.asked, found.answered, found.refused) == (2, 1, 1)
    [group] = found.unanswered_by_missing
    assert (group.about, group.example) == ("gdp", "what is syria's gdp?")
    assert forget(log_settings, str(READER)).questions == 2


def test_forget_removes_one_persons_questions_and_votes(log_settings: Settings) -> None:
    log = opened(log_settings)
    theirs = log.record(answered("Who leads Syria?"), Asker(READER), 0.01)
    other = log.record(answered("What attack was prevented?"), Asker(42), 0.01)
    log.feedback(other, "down", READER)
    log.feedback(theirs, "up", 42)
    log.close()
    gone = forget(log_settings, str(READER))
    assert (gone.questions, gone.votes) == (1, 2)
    assert [row["id"] for row in rows(log_settings, schema.questions)] == [other]
    assert rows(log_settings, schema.votes) == []


def test_retention_deletes_older_questions_and_their_votes(log_settings: Settings) -> None:
    store = open_store(log_settings)
    now = datetime.now(UTC)
    store.write(
        [
            ("question", _row("old", (now - timedelta(days=31)).isoformat())),
            ("question", _row("recent", (now - timedelta(days=29)).isoformat())),
            ("vote", _vote("old")),
        ]
    )
    store.close()
    kept = Settings(
        data_dir=log_settings.data_dir,
        database_url=log_settings.database_url,
        retention_days=30,
        _env_file=None,
    )
    assert report(kept, timedelta(days=365)).asked == 1
    assert [row["id"] for row in rows(kept, schema.questions)] == ["recent"]
    assert rows(kept, schema.votes) == []


def test_twenty_questions_while_the_database_is_away_arrive_once_it_is_back(
    backend: str,
    log_settings: Settings,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = opened(log_settings)
    with _database_away(backend, log_settings, request):
        ids = [log.record(answered(f"Question {n}?"), Asker(n), 0.001) for n in range(20)]
        wait_until(lambda: _spooled(log_settings) != [])
    wait_until(lambda: len(rows(log_settings, schema.questions)) == 20)
    log.close()
    assert sorted(row["id"] for row in rows(log_settings, schema.questions)) == sorted(ids)
    assert _spooled(log_settings) == []
    said = [r.getMessage() for r in caplog.records if r.name == "index.questionlog.writer"]
    assert sum("unavailable" in line and SPOOL_FILE in line for line in said) == 1  # said once
    assert any("the database is back; wrote" in line for line in said)


def _spooled(settings: Settings) -> list[Path]:
    return sorted(settings.data_dir.glob(f"{SPOOL_FILE}*"))


def test_a_spool_written_twice_adds_nothing_twice(
    backend: str, log_settings: Settings, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    log = opened(log_settings)
    with _database_away(backend, log_settings, request):
        answer_id = log.record(answered("Who leads Syria?"), Asker(1), 0.001)
        log.feedback(answer_id, "down", 2)
        log.close()
    kept = tmp_path / "spool-copy"
    kept.mkdir()
    for path in _spooled(log_settings):
        shutil.copy(path, kept)
    assert report(log_settings, timedelta(days=1)).asked == 1  # report writes the spool first
    assert _spooled(log_settings) == []
    for path in kept.iterdir():  # as if a crash came between the write and the delete
        shutil.copy(path, log_settings.data_dir)
    again = report(log_settings, timedelta(days=1))
    assert (again.asked, again.votes_down) == (1, 1)
    assert len(rows(log_settings, schema.votes)) == 1


def _database_away(backend: str, settings: Settings, request: pytest.FixtureRequest) -> Any:
    """A context in which the database refuses writes: PostgreSQL stopped, SQLite locked."""
    return (
        _postgres_stopped(request.getfixturevalue("postgres"))
        if backend == "postgresql"
        else _sqlite_locked(settings.data_dir / "questions.sqlite")
    )


@contextmanager
def _postgres_stopped(server: Any) -> Iterator[None]:
    server.stop()
    try:
        yield
    finally:
        server.start()


@contextmanager
def _sqlite_locked(path: Path) -> Iterator[None]:
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def _row(answer_id: str, asked_at: datetime | str | None = None) -> dict[str, object]:
    """A record as the writer queues it (or, given a datetime, as a table row)."""
    return {
        "id": answer_id,
        "asked_at": asked_at or datetime.now(UTC).isoformat(),
        "via": "cli",
        "guild_id": None,
        "channel_id": None,
        "asker": "0" * 64,
        "question": "Who leads Syria?",
        "refused": False,
        "reason": None,
        "missing": [],
        "passages": [],
        "confidence": 0.0,
        "latency_ms": 1.0,
        "index_version": "5:test",
    }


def _vote(answer_id: str) -> dict[str, object]:
    return {
        "id": f"vote-{answer_id}",
        "question_id": answer_id,
        "voter": "1" * 64,
        "vote": -1,
        "voted_at": datetime.now(UTC).isoformat(),
    }


def test_questions_two_readers_of_a_server_had_answered_are_read_back_for_suggestions(
    log_settings: Settings,
) -> None:
    log = opened(log_settings)
    for reader in (READER, READER + 1):
        log.record(answered("Who leads Syria?"), Asker(reader, "slash", 11, 22), 0.01)
        voted = log.record(answered("Who paid for it?"), Asker(reader, "slash", 11, 22), 0.01)
        log.feedback(voted, "down", reader)
    log.record(answered("Who wrote it?"), Asker(READER, "slash", 11, 22), 0.01)
    log.record(answered("Who wrote it?"), Asker(READER, "slash", 11, 22), 0.01)
    log.record(refused("What is Syria's GDP?"), Asker(READER, "slash", 11, 22), 0.01)
    log.record(refused("What is Syria's GDP?"), Asker(READER + 1, "slash", 11, 22), 0.01)
    wait_until(lambda: len(rows(log_settings, schema.votes)) == 2)
    assert len(rows(log_settings, schema.questions)) == 8
    assert log.well_answered() == {11: ("Who leads Syria?",)}
    log.close()


def test_no_suggestions_are_read_while_the_database_is_away(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = "postgresql://postgres@127.0.0.1:1/nowhere"  # nothing listens there
    log = open_log(Settings(data_dir=tmp_path, database_url=url, _env_file=None), "5:test")
    assert isinstance(log, QuestionLog)
    assert log.well_answered() == {}
    assert "cannot read what readers asked" in caplog.text
    log.close(timeout=1)


def test_a_server_s_report_counts_a_private_question_and_the_newsroom_s_quotes_it(
    log_settings: Settings,
) -> None:
    log = opened(log_settings)
    log.record(refused("What is Syria's GDP?", "GDP"), Asker(READER, "private", 11, 22), 0.01)
    log.record(refused("Who won the cup?", "cup"), Asker(READER, "slash", 11, 22), 0.01)
    wait_until(lambda: len(rows(log_settings, schema.questions)) == 2)
    log.close()
    server = report(log_settings, timedelta(days=1), server=11)
    assert server.refused == 2
    assert [g.about for g in server.unanswered_by_missing] == ["cup"]
    newsroom = report(log_settings, timedelta(days=1))
    assert {g.about for g in newsroom.unanswered_by_missing} == {"gdp", "cup"}
