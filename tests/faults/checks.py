"""The three outcomes a fault may have: answered from a good index, stopped in one line with
exit 2, or a file skipped by name."""

from __future__ import annotations

from tests.faults.running import LEADER, Run


def answered(run: Run, *said: str) -> None:
    """Exit 0, valid JSON, the story's answer, no traceback; stderr says each of `said`."""
    assert run.status == 0, run.stderr
    assert not run.traceback, run.stderr
    answers = run.answers()
    assert answers and all(isinstance(a, dict) for a in answers)
    assert any(LEADER in str(p.get("text")) for p in answers[0]["passages"]), answers[0]  # type: ignore[union-attr]
    for words in said:
        assert run.said(words), run.stderr


def stopped(run: Run, *said: str, lines: int = 1) -> None:
    """Exit 2, nothing on stdout, no traceback, and `lines` stderr lines, the last saying
    each of `said`."""
    assert run.status == 2, run.stderr
    assert not run.traceback, run.stderr
    assert run.stdout == b""
    assert len(run.lines) == lines, run.lines
    for words in said:
        assert words.lower() in run.lines[-1].lower(), run.lines


def skipped(run: Run, name: str, reason: str) -> None:
    """One warning naming the file and why, and the build's last line listing it too."""
    warnings = [line for line in run.lines if name in line and line.startswith("storybot: Skipped")]
    assert len(warnings) == 1 and reason in warnings[0], run.lines
    assert name in run.lines[-1] and "Skipped" in run.lines[-1], run.lines
