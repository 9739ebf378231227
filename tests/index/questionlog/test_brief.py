"""One-shot commands with the default log: rows go to the spool, the next opener writes them."""

from __future__ import annotations

import errno
import getpass
import json
import logging
import shutil
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from index.engine import Engine
from index.passages import Answer
from index.questionlog import brief, schema
from index.questionlog.brief import Brief
from index.questionlog.interface import Asker, recording
from index.questionlog.recorder import QuestionLog, open_store, report
from index.questionlog.spool import SPOOL_FILE, Spool
from index.questionlog.store import all_rows
from index.settings import Settings
from tests.index.test_cli import storybot

QUESTION = "Who is the new leader of Syria?"


@pytest.fixture
def own_index(engine: Engine, story_settings: Settings, tmp_path: Path) -> Path:
    """A copy of the session's built index, whose default log this test may write."""
    copy = tmp_path / "data"
    shutil.copytree(story_settings.data_dir, copy, ignore=shutil.ignore_patterns("questions.*"))
    return copy


def questions(settings: Settings) -> list[str]:
    """The questions the log's database holds."""
    store = open_store(settings)
    try:
        return sorted(str(row["question"]) for row in all_rows(store, schema.questions))
    finally:
        store.close()


def spooled(folder: Path) -> list[dict[str, object]]:
    """The rows waiting in a data folder's spool."""
    path = folder / SPOOL_FILE
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.mark.slow
def test_ask_keeps_its_row_in_the_spool_and_the_next_command_writes_it(own_index: Path) -> None:
    asked = storybot("ask", "--json", QUESTION, data_dir=own_index)
    assert asked.returncode == 0, asked.stderr
    answer_id = json.loads(asked.stdout)["id"]
    [row] = spooled(own_index)
    assert (row["kind"], row["row"]["question"]) == ("question", QUESTION)  # type: ignore[index]
    assert not (own_index / "questions.sqlite").exists()
    assert getpass.getuser() not in (own_index / SPOOL_FILE).read_text()  # hashed, as in the log

    voted = storybot("vote", answer_id, "up", data_dir=own_index)  # opens the database
    assert voted.returncode == 0, voted.stderr
    assert "not logged" not in voted.stderr  # the question was written before its vote
    assert spooled(own_index) == [] and (own_index / "questions.sqlite").exists()

    storybot("ask", "--json", "What is Syria's GDP?", data_dir=own_index)
    done = storybot("report", "--json", "--since", "1d", data_dir=own_index)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["asked"], found["answered"], found["votes_up"]) == (2, 1, 1)
    assert spooled(own_index) == []

    gone = storybot("forget", "--user", getpass.getuser(), data_dir=own_index)
    assert "Forgot 2 questions and 1 votes" in gone.stdout


def test_a_brief_log_imports_no_sqlalchemy(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from index.passages import Answer\n"
        "from index.questionlog.interface import Asker, recording\n"
        "from index.settings import Settings\n"
        f"settings = Settings(data_dir=Path({str(tmp_path)!r}), _env_file=None)\n"
        "with recording(settings, brief=True) as log:\n"
        "    assert log.record(Answer('Q?', refused=True, message='no'), Asker(1), 0.01)\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    assert [r["row"]["question"] for r in spooled(tmp_path)] == ["Q?"]  # type: ignore[index]


def test_a_set_database_url_is_written_at_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere' / 'log.sqlite'}"
    settings = Settings(data_dir=tmp_path / "data", database_url=url, _env_file=None)
    with recording(settings, brief=True) as log:
        assert isinstance(log, QuestionLog)
        log.record(Answer("Q?", refused=True, message="no"), Asker(1), 0.01)
    assert questions(settings) == ["Q?"]


def test_a_spool_past_its_limit_is_written_by_the_next_brief_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path, _env_file=None)
    with recording(settings, brief=True) as log:
        assert isinstance(log, Brief)
        log.record(Answer("First?", refused=True, message="no"), Asker(1), 0.01)
    monkeypatch.setattr(brief, "SPOOL_LIMIT", 10)
    with recording(settings, brief=True) as log:
        assert isinstance(log, QuestionLog)
        log.record(Answer("Second?", refused=True, message="no"), Asker(1), 0.01)
    assert questions(settings) == ["First?", "Second?"]
    assert spooled(tmp_path) == []


def test_rows_appended_while_the_spool_is_written_are_never_lost(tmp_path: Path) -> None:
    spool = Spool(tmp_path / SPOOL_FILE)
    written: list[str] = []
    adding = 4

    def add(who: int) -> None:
        for n in range(150):
            spool.add([("question", {"id": f"{who}-{n}"})])

    threads = [threading.Thread(target=add, args=(k,)) for k in range(adding)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        spool.drain(lambda items: written.extend(str(row["id"]) for _, row in items))
    spool.drain(lambda items: written.extend(str(row["id"]) for _, row in items))
    assert sorted(written) == sorted(f"{k}-{n}" for k in range(adding) for n in range(150))


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings whose spool the disk will not take a byte of."""

    def full(self: Spool, items: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Spool, "add", full)
    return Settings(data_dir=tmp_path, _env_file=None)


def test_a_full_disk_loses_the_row_but_not_the_answer(
    full_disk: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), recording(full_disk, brief=True) as log:
        assert log.record(Answer("Q?", refused=True, message="no"), Asker(1), 0.01) is None
    assert any("No space left on device" in r.getMessage() for r in caplog.records)


def test_a_full_disk_is_said_once_and_counted_at_the_end_not_row_by_row(
    full_disk: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), recording(full_disk, brief=True) as log:
        for n in range(50):
            assert log.record(Answer(f"Q{n}?", refused=True, message="no"), Asker(1), 0.01) is None
        log.feedback("some-answer", "+1", 1)
    said = [r.getMessage() for r in caplog.records]
    assert sum("No space left on device" in line for line in said) == 1
    assert "51 questions and votes were not recorded." in said


def test_a_line_cut_short_is_set_aside_and_the_rows_around_it_are_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path, _env_file=None)
    with recording(settings, brief=True) as log:
        log.record(Answer("Before?", refused=True, message="no"), Asker(1), 0.01)
    path = tmp_path / SPOOL_FILE
    with path.open("ab") as spool:
        spool.write(b'{"kind": "question", "row": {"id": "cut sh')  # a crash mid-write
    with recording(settings, brief=True) as log:
        log.record(Answer("After?", refused=True, message="no"), Asker(1), 0.01)
    with path.open("ab") as spool:
        spool.write(b"\xff\xfe not utf-8\n[1, 2]\n")
    with caplog.at_level(logging.WARNING):
        found = report(settings, timedelta(days=1))
    assert found.asked == 2
    assert questions(settings) == ["After?", "Before?"]
    aside = (tmp_path / "questions.spool.unreadable").read_bytes().splitlines()
    assert aside == [
        b'{"kind": "question", "row": {"id": "cut sh',
        b"\xff\xfe not utf-8",
        b"[1, 2]",
    ]
    assert sum("were not rows" in r.getMessage() for r in caplog.records) == 1
    assert spooled(tmp_path) == []
