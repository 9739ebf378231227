"""The `storybot` command line: build, ask, summary, chat, eval and run."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from index.freshness import stderr_progress
from index.passages import Answer, StoryError, SummarySentence
from index.settings import Settings, load_settings

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = Path("eval/story_questions.json")
EXAMPLES = ("Who is the new leader of Syria?", "What attack was prevented?")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what the engine does on stderr.")
@click.pass_context
def cli(context: click.Context, verbose: bool) -> None:
    """StoryBot answers questions about a news story with cited passages."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s" if verbose else "storybot: %(message)s",
    )
    for chatty in ("bm25s", "sentence_transformers"):
        logging.getLogger(chatty).setLevel(logging.INFO if verbose else logging.ERROR)
    context.obj = load_settings(Settings)


@cli.command("build")
@click.pass_obj
def build_command(settings: Settings) -> None:
    """Build the index from the corpus (other commands build it when needed)."""
    from index.build import build_embedder
    from index.freshness import rebuild

    rebuild(settings, lambda: build_embedder(settings, stderr_progress), stderr_progress)


@cli.command()
@click.argument("question")
@click.option("-k", "top_k", type=click.IntRange(1, 10), default=None, help="Passages to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines when reading -).")
@click.pass_obj
def ask(settings: Settings, question: str, top_k: int | None, as_json: bool) -> None:
    """Answer QUESTION from the story; '-' reads one question a line from standard input."""
    from index.engine import Engine

    engine = Engine.open(settings)
    questions = _stdin_lines() if question == "-" else iter([as_text(question)])
    for typed in questions:
        answer = engine.ask(typed, top_k)
        if as_json:
            click.echo(json.dumps(answer_json(answer), ensure_ascii=False))
        else:
            click.echo(render_answer(answer) + "\n")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def summary(settings: Settings, as_json: bool) -> None:
    """A short cited summary of the story (no model is loaded when the index is current)."""
    from index.freshness import open_records

    def embedder() -> Any:
        from index.build import build_embedder

        return build_embedder(settings, stderr_progress)

    sentences = open_records(settings, embedder, stderr_progress).summary
    if as_json:
        rows = [{"text": s.text, "citation": s.citation} for s in sentences]
        click.echo(json.dumps({"sentences": rows}, ensure_ascii=False))
    else:
        click.echo(render_summary(sentences))


@cli.command()
@click.pass_obj
def chat(settings: Settings) -> None:
    """Ask questions one after another at a prompt; an empty line or Ctrl-D ends."""
    from index.engine import Engine

    engine = Engine.open(settings)
    click.echo(f"Ask about the story (e.g. “{EXAMPLES[0]}”). Empty line or Ctrl-D to quit.")
    while True:
        try:
            typed = input("? ")
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if not typed.strip():
            return
        click.echo(render_answer(engine.ask(typed)) + "\n")


@cli.command("eval")
@click.argument("questions", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def eval_command(settings: Settings, questions: Path | None, as_json: bool) -> None:
    """Score the engine on a question file (default: eval/story_questions.json)."""
    from index.evaluation import evaluate

    questions = questions or DEFAULT_QUESTIONS
    if not questions.is_file():
        raise click.UsageError(f"No question file given, and there is no {questions} here.")
    from index.engine import Engine

    engine = Engine.open(settings)
    try:
        report = evaluate(engine, questions)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise click.UsageError(f"{questions} is not a question file ({error}).") from None
    click.echo(json.dumps(report.as_json()) if as_json else "\n".join(report.lines()))


@cli.command(context_settings={"ignore_unknown_options": True})
def run() -> None:
    """Start the Discord bot (needs DISCORD_TOKEN); the same as `python -m bot`."""
    # The engine never imports discord; the bot is loaded only when asked for.
    from importlib import import_module

    sys.exit(import_module("bot.__main__").main())


def answer_json(answer: Answer) -> dict[str, Any]:
    """The stable JSON form of an answer (see README, "JSON")."""
    passages = [
        {
            "text": hit.chunk.text,
            "citation": hit.citation,
            "source": hit.chunk.source.id,
            "paragraph": hit.chunk.paragraph,
            "start": hit.chunk.start,
            "end": hit.chunk.end,
            "score": round(hit.score, 4),
        }
        for hit in answer.hits
    ]
    return {
        "question": answer.question,
        "refused": answer.refused,
        "message": answer.message,
        "passages": passages,
    }


def render_answer(answer: Answer) -> str:
    """An answer for the terminal: each passage with its citation, the best sentence in **bold**."""
    if answer.refused:
        return answer.message or ""
    blocks = []
    for rank, hit in enumerate(answer.hits, start=1):
        text = hit.chunk.text
        if hit.answer and hit.answer != text:
            text = f"{text[: hit.answer_start]}**{hit.answer}**{text[hit.answer_end :]}"
        blocks.append(f"{rank}. [{hit.citation}]\n   {text}")
    return "\n".join(blocks)


def render_summary(sentences: tuple[SummarySentence, ...]) -> str:
    """The summary for the terminal, one cited sentence a line."""
    return "\n".join(f"- {s.text} [{s.citation}]" for s in sentences)


def as_text(typed: str) -> str:
    """What was typed, with bytes that were not UTF-8 (kept by Python as lone surrogates in
    argv) replaced by U+FFFD, so that they are never written back out raw."""
    return typed.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _stdin_lines() -> Iterator[str]:
    """Standard input a line at a time, as UTF-8 with undecodable bytes replaced."""
    for line in sys.stdin.buffer:
        yield as_text(line.decode("utf-8", "replace").rstrip("\r\n"))


def main() -> None:
    """Entry point: domain errors become one clear line on stderr and exit status 2."""
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        if hasattr(stream, "reconfigure"):  # UTF-8 whatever the locale; bad bytes replaced
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        cli(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except StoryError as error:
        click.echo(f"storybot: {error}", err=True)
        sys.exit(2)
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say to it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception as error:  # a bug, not the user's doing: say so in one line
        log.info("unexpected error", exc_info=True)
        click.echo(
            f"storybot: internal error ({type(error).__name__}: {error}); "
            "run with -v to see where.",
            err=True,
        )
        sys.exit(1)
