"""Follow-ups on the command line: JSON lines with history, and `storybot chat`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import Settings
from tests.index.test_cli import storybot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir(engine: Engine, story_settings: Settings) -> Path:
    """The session's already-built index, so these runs do not rebuild it."""
    return story_settings.data_dir


def test_ask_json_lines_take_a_history_beside_plain_lines(data_dir: Path) -> None:
    lines = [
        "What did he say?",
        json.dumps({"question": "What did he say?", "history": ["Who leads Syria now?"]}),
        '{"not": "a question"}',
    ]
    result = storybot("ask", "--json", "-", data_dir=data_dir, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    plain, follow_up, odd = (json.loads(line) for line in result.stdout.splitlines())
    assert set(follow_up) == set(plain)
    assert follow_up["question"] == "What did he say?" and not follow_up["refused"]
    assert follow_up["passages"][0]["paragraph"] == 6
    assert odd["question"] == '{"not": "a question"}'  # read as typed, as before


def test_chat_reads_follow_ups_and_new_starts_afresh(data_dir: Path) -> None:
    typed = "Who is the new leader of Syria?\nWhat did he say?\n/new\nWhat did he say?\n"
    result = storybot("chat", data_dir=data_dir, stdin=typed)
    assert result.returncode == 0, result.stderr
    first, follow_up, fresh = result.stdout.split("? ")[1:4]
    assert "Ahmed al-Sharaa" in first
    assert follow_up.startswith("1. [¶6,")
    assert "New conversation" in fresh


def test_chat_more_shows_the_last_answer_s_next_passages(data_dir: Path) -> None:
    typed = "/more\nWho is the new leader of Syria?\nWhat did he say?\n/more\n/more\n/more\n/more\n"
    result = storybot("chat", data_dir=data_dir, stdin=typed)
    assert result.returncode == 0, result.stderr
    nothing, _, follow_up, *more = result.stdout.split("? ")[1:-1]  # the last: the end
    assert "ask a question first" in nothing
    cited = [re.findall(r"\[¶(\d+),", page) for page in [follow_up, *more]]
    shown = [n for page in cited for n in page]
    assert len(cited[1]) == 3 and len(shown) == len(set(shown))  # the next ones, never again
    assert "No more passages" in more[-1]  # a story of 9 paragraphs runs out
