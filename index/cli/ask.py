"""`storybot ask`: one question from the arguments, or one a line from standard input."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from functools import partial

import click

from index.cli.render import answer_json, render_answer
from index.questionlog.commands import NO_RECORD, cli_asker
from index.questionlog.interface import answer_and_record, recording
from index.settings import Settings

SURROGATE = re.compile("[\ud800-\udfff]")


@click.command("ask")
@click.argument("question")
@click.option("-k", "top_k", type=click.IntRange(1, 10), default=None, help="Passages to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines when reading -).")
@NO_RECORD
@click.pass_obj
def ask(
    settings: Settings, question: str, top_k: int | None, as_json: bool, no_record: bool
) -> None:
    """Answer QUESTION from the story; '-' reads one question a line from standard input."""
    from index.answering.conversation import answer_in_context
    from index.engine import Engine

    engine = Engine.open(settings)
    with recording(settings, not no_record, brief=True) as log:
        for typed, history in asked(question):
            answer, answer_id = answer_and_record(
                partial(answer_in_context, engine, history=history, k=top_k),
                typed,
                log,
                cli_asker(),
            )
            if as_json:
                click.echo(json.dumps(answer_json(answer) | {"id": answer_id}, ensure_ascii=False))
            else:
                click.echo(render_answer(answer) + "\n")


def asked(question: str) -> Iterator[tuple[str, list[str]]]:
    """Each question asked, with the earlier ones it follows: QUESTION alone, or for '-' the
    lines of standard input as they arrive."""
    if question != "-":
        yield as_text(question), []
        return
    for line in _stdin_lines():
        typed, history = follow_up_line(line)
        yield as_text(typed), [as_text(earlier) for earlier in history]


def as_text(typed: str) -> str:
    """What was typed, with bytes that were not UTF-8 (kept by Python as lone surrogates in
    argv) replaced by U+FFFD, so that they are never written back out raw."""
    try:
        return typed.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no byte made: "\ud800" in a JSON line of `ask -`
        return SURROGATE.sub("\ufffd", typed)


def follow_up_line(line: str) -> tuple[str, list[str]]:
    """A line of `ask -`: a plain question, or a JSON object `{"question": …, "history": […]}`
    (the same person's earlier questions, oldest first). Anything else is a plain question."""
    if not line.lstrip().startswith("{"):
        return line, []
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return line, []
    question = item.get("question") if isinstance(item, dict) else None
    if not isinstance(question, str):
        return line, []
    history = item.get("history")
    if not isinstance(history, list):
        history = []
    return question, [str(earlier) for earlier in history if isinstance(earlier, str)]


def _stdin_lines() -> Iterator[str]:
    """Standard input a line at a time, as UTF-8 with undecodable bytes replaced."""
    for line in sys.stdin.buffer:
        yield as_text(line.decode("utf-8", "replace").rstrip("\r\n"))
