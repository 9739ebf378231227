"""Output stays valid whatever comes in: `--json` is valid UTF-8 JSON, one object a line, and
bytes that were not UTF-8 are replaced, never echoed raw."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.faults.running import QUESTION, record, storybot

pytestmark = pytest.mark.slow

VALID = "valid UTF-8 JSON, one object a line; bad bytes replaced"


@pytest.mark.parametrize(
    ("fault", "question"),
    [
        ("argv bytes \\xff\\xfe (not UTF-8)", b"\xff\xfe"),
        ("argv with a bad byte inside a question", b"Who leads \xe9 Syria?"),
        ("argv of a lone UTF-8 lead byte", b"\xc3"),
    ],
)
def test_undecodable_argv_gives_valid_json(
    env: dict[str, str], fault: str, question: bytes
) -> None:
    run = storybot("ask", "--json", question, env=env)
    record("output", fault, VALID, run)
    assert run.status == 0 and not run.traceback, run.stderr
    [answer] = run.answers()  # strict UTF-8, then JSON
    assert "\ufffd" in str(answer["question"])
    assert b"\xff" not in run.stdout and b"\xe9 " not in run.stdout


def test_undecodable_stdin_gives_one_valid_object_a_line(env: dict[str, str]) -> None:
    stdin = b"\xff\xfe\n" + QUESTION.encode() + b"\nwho \xe9crit\r\n\x00\x01 NUL\n" + b"\xc3"
    run = storybot("ask", "--json", "-", env=env, stdin=stdin)
    record("output", "stdin lines with invalid UTF-8, NUL, CRLF, no last newline", VALID, run)
    assert run.status == 0 and not run.traceback, run.stderr
    answers = run.answers()
    assert len(answers) == 5
    assert answers[0]["question"] == "\ufffd\ufffd" and answers[2]["question"] == "who \ufffdcrit"
    assert answers[1]["passages"]


@pytest.mark.parametrize(
    ("fault", "question"),
    [
        ("a 200 KB question", "Who leads Syria? " * 12_000),
        ("NUL and control characters", "Who\x00 leads\x1b[31m Syria?\x07"),
        ("emoji and right-to-left text", "🇸🇾 Who leads Syria? من يقود سوريا"),
        ("@everyone and markdown", "@everyone **Who** leads `Syria`? <@123>"),
        ("lone surrogate escapes typed as text", "Who leads \\udcff Syria?"),
        ("a lone surrogate in a JSON line", '{"question": "Who leads \\ud800 Syria?"}'),
    ],
)
def test_hostile_questions_give_valid_json(env: dict[str, str], fault: str, question: str) -> None:
    run = storybot("ask", "--json", "-", env=env, stdin=question.encode("utf-8") + b"\n")
    record("output", fault, VALID, run)
    assert run.status == 0 and not run.traceback, run.stderr
    assert len(run.answers()) == 1


def test_a_reader_that_goes_away_is_no_traceback(env: dict[str, str]) -> None:
    """`storybot ask --json - | head -1`: the pipe closes while answers are still coming."""
    entry = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from index.cli.commands import main; main()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", entry, "ask", "--json", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", **env, "STORYBOT_CORPUS": str(ROOT / "corpus")},
        cwd=ROOT,
    )
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write((QUESTION + "\n").encode() * 2000)
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    status = process.wait(timeout=300)
    observed = f"exit {status}; {'TRACEBACK' if 'Traceback' in stderr else 'no traceback'}"
    record(
        "output", "stdout closed by the reader (`| head -1`)", "quiet exit, no traceback", observed
    )
    assert first.startswith(b"{") and "Traceback" not in stderr, stderr
