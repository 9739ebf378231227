"""`storybot ask`, `chat`, `vote`, `report` and `forget` with the question log, as run by a user."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import Settings
from tests.conftest import ROOT
from tests.index.test_cli import storybot as run_storybot

pytestmark = pytest.mark.slow


def storybot(
    *args: str, data_dir: Path, log: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the command line in a clean environment, its question log in `log` (a SQLite file)."""
    environment = {"STORYBOT_DATABASE_URL": f"sqlite:///{log}", **env}
    done = run_storybot(*args, data_dir=data_dir, stdin=stdin, **environment)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def data_dir(engine: Engine, story_settings: Settings) -> Path:
    """The session's already-built index, so these runs do not rebuild it."""
    return story_settings.data_dir


@pytest.fixture
def log(tmp_path: Path) -> Path:
    """Where this test's question log goes."""
    return tmp_path / "log" / "questions.sqlite"


def report(data_dir: Path, log: Path) -> dict[str, object]:
    """`storybot report --json` over the last day."""
    return dict(
        json.loads(storybot("report", "--json", "--since", "1d", data_dir=data_dir, log=log).stdout)
    )


def test_ask_records_and_a_vote_by_its_id_counts_in_the_report(data_dir: Path, log: Path) -> None:
    asked = storybot("ask", "--json", "Who is the new leader of Syria?", data_dir=data_dir, log=log)
    answer_id = json.loads(asked.stdout)["id"]
    assert isinstance(answer_id, str) and len(answer_id) == 32
    storybot("vote", answer_id, "down", data_dir=data_dir, log=log)
    found = report(data_dir, log)
    assert (found["asked"], found["answered"], found["votes_down"]) == (1, 1, 1)
    [voted] = found["voted_down"]  # type: ignore[misc]
    assert voted["question"] == "Who is the new leader of Syria?"


def test_chat_records_each_question_and_plus_or_minus_votes_on_the_last(
    data_dir: Path, log: Path
) -> None:
    lines = [
        "Who is the new leader of Syria?",
        "+",
        "What is the best recipe for lasagna?",
        "-",
        "",
    ]
    done = storybot("chat", data_dir=data_dir, log=log, stdin="\n".join(lines) + "\n")
    assert done.stdout.count("vote recorded") == 2
    found = report(data_dir, log)
    assert (found["asked"], found["refused"], found["votes_up"], found["votes_down"]) == (
        2,
        1,
        1,
        1,
    )


@pytest.mark.parametrize("off", [{"STORYBOT_RECORD": "off"}, {}])
def test_record_off_or_no_record_writes_nothing(
    data_dir: Path, log: Path, off: dict[str, str]
) -> None:
    flag = [] if off else ["--no-record"]
    done = storybot("ask", "--json", *flag, "Who leads Syria?", data_dir=data_dir, log=log, **off)
    assert json.loads(done.stdout)["id"] is None
    storybot("chat", *flag, data_dir=data_dir, log=log, stdin="Who leads Syria?\n+\n\n", **off)
    assert not log.parent.exists()


def test_forget_removes_the_command_line_users_questions(data_dir: Path, log: Path) -> None:
    storybot("ask", "Who is the new leader of Syria?", data_dir=data_dir, log=log)
    done = storybot("forget", "--user", getpass.getuser(), data_dir=data_dir, log=log)
    assert done.stdout.strip() == "Forgot 1 questions and 0 votes by that user."
    assert report(data_dir, log)["asked"] == 0


def test_report_writes_a_page_and_text_without_loading_the_model(
    data_dir: Path, log: Path, tmp_path: Path
) -> None:
    storybot("ask", "What is the best recipe for lasagna?", data_dir=data_dir, log=log)
    page = tmp_path / "report.html"
    code = (
        "import sys; from index.cli.commands import main; sys.argv[1:] = sys.argv[2:]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('torch', 'onnxruntime', 'faiss', 'numpy') if m in sys.modules))"
    )
    env = {"STORYBOT_DATA_DIR": str(data_dir), "STORYBOT_DATABASE_URL": f"sqlite:///{log}"}
    done = subprocess.run(
        [sys.executable, "-c", code, "-", "report", "--html", str(page)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Asked 1: answered 0, refused 1" in done.stdout
    assert done.stdout.strip().endswith("[]")
    assert '<svg id="per-day"' in page.read_text()


def test_a_bad_period_is_a_usage_error(data_dir: Path, log: Path) -> None:
    environment = {**os.environ, "STORYBOT_DATABASE_URL": f"sqlite:///{log}"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from index.cli.commands import main; main()",
            "report",
            "--since",
            "a week",
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2 and "--since" in done.stderr
