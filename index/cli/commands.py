"""The `storybot` command line: build, ask, summary, chat, eval, doctor and run."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from index import __version__
from index.passages import Answer, StoryError, SummarySentence
from index.questionlog.commands import cli_asker, forget_command, report_command, vote_command
from index.questionlog.interface import Recorder, answer_and_record, recording
from index.settings import Settings, load_settings, variable
from index.vectors.freshness import stderr_progress

if TYPE_CHECKING:
    from index.vectors.live import LiveEngine

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = Path("eval/story_questions.json")
CHAT_VOTES = {"+": "up", "👍": "up", "-": "down", "👎": "down"}
NO_RECORD = click.option(
    "--no-record", is_flag=True, help="Keep no record of these questions (see STORYBOT_RECORD)."
)
EXAMPLES = ("Who is the new leader of Syria?", "What attack was prevented?", "What did he say?")
NEW_CONVERSATION = "/new"


def settings_help(settings: type[Settings] = Settings) -> str:
    """The settings' variables and what each means, for --help (read from the Settings fields)."""
    rows = []
    for name, field in settings.model_fields.items():
        alias = field.validation_alias
        shown = getattr(alias, "choices", [variable(name)])[0]
        rows.append(f"  {shown:<26} {field.description or ''}")
    where = "the environment, ./.env, or .env in the user's config folder"
    return f"\b\nSettings (from {where}):\n" + "\n".join(rows)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=settings_help() + "\n\n`storybot doctor` shows where each is and whether it is healthy.",
)
@click.version_option(__version__, "-V", "--version", prog_name="storybot")
@click.option("-v", "--verbose", is_flag=True, help="Log what the engine does on stderr.")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    help=f"Folder of articles ({variable('corpus')}; default: the shipped article).",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    help=f"Where the index is kept ({variable('data_dir')}; default: the user's cache folder).",
)
@click.pass_context
def cli(context: click.Context, verbose: bool, corpus: Path | None, data_dir: Path | None) -> None:
    """StoryBot answers questions about a news story with cited passages."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s" if verbose else "storybot: %(message)s",
    )
    for chatty in ("bm25s", "sentence_transformers"):
        logging.getLogger(chatty).setLevel(logging.INFO if verbose else logging.ERROR)
    given: dict[str, Any] = {"corpus": corpus, "data_dir": data_dir}
    context.obj = load_settings(
        Settings, **{name: value for name, value in given.items() if value is not None}
    )


@cli.command("build")
@click.pass_obj
def build_command(settings: Settings) -> None:
    """Build the index from the corpus (other commands build it when needed)."""
    from index.vectors.build import build_embedder
    from index.vectors.freshness import rebuild

    rebuild(settings, lambda: build_embedder(settings, stderr_progress), stderr_progress)


@cli.command()
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
    questions = _stdin_lines() if question == "-" else iter([as_text(question)])
    with recording(settings, not no_record) as log:
        for line in questions:
            typed, history = follow_up_line(line) if question == "-" else (line, [])
            typed, history = as_text(typed), [as_text(earlier) for earlier in history]
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


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def summary(settings: Settings, as_json: bool) -> None:
    """A short cited summary of the story (no model is loaded when the index is current)."""
    from index.vectors.freshness import open_records

    def embedder() -> Any:
        from index.vectors.build import build_embedder

        return build_embedder(settings, stderr_progress)

    sentences = open_records(settings, embedder, stderr_progress).summary
    if as_json:
        rows = [{"text": s.text, "citation": s.citation} for s in sentences]
        click.echo(json.dumps({"sentences": rows}, ensure_ascii=False))
    else:
        click.echo(render_summary(sentences))


@cli.command()
@NO_RECORD
@click.pass_obj
def chat(settings: Settings, no_record: bool) -> None:
    """Ask questions one after another at a prompt, each read as a follow-up of the earlier ones;
    /new starts afresh, an empty line or Ctrl-D ends.

    + or - (or 👍 / 👎) on a line of its own votes on the answer before it. The corpus folder
    is followed: an article added, changed or removed is indexed in the background, and the
    next question is answered from the new index.
    """
    from index.answering.conversation import Conversation
    from index.vectors.live import LiveEngine

    live = LiveEngine(settings, stderr_progress)
    conversation = Conversation(live)
    stop = threading.Event()
    threading.Thread(target=_say_updates, args=(live, stop), daemon=True).start()
    recorded = settings.record and not no_record
    votes = " A line + or - votes on the answer before it." if recorded else ""
    click.echo(
        f"Ask about the story (e.g. “{EXAMPLES[0]}”), then follow up (“{EXAMPLES[2]}”)."
        f" {NEW_CONVERSATION} starts afresh; an empty line or Ctrl-D quits.{votes}"
    )
    try:
        with recording(settings, recorded) as log:
            last: str | None = None
            while True:
                try:
                    typed = input("? ")
                except (EOFError, KeyboardInterrupt):
                    click.echo()
                    return
                if not typed.strip():
                    return
                if typed.strip() in CHAT_VOTES:
                    click.echo(chat_vote(log, last, typed.strip()))
                    continue
                if typed.strip().lower() == NEW_CONVERSATION:
                    conversation.reset()
                    click.echo("New conversation: the next question is read on its own.\n")
                    continue
                answer, last = answer_and_record(conversation.ask, typed, log, cli_asker())
                click.echo(render_answer(answer) + "\n")
    finally:
        stop.set()


def _say_updates(live: LiveEngine, stop: threading.Event) -> None:
    """Tell the person at the prompt, on stderr, when the story changes under them."""
    from index.vectors.live import Update, follow

    try:
        for event in follow(live, stop):
            stderr_progress(event.describe() if isinstance(event, Update) else str(event))
    except (OSError, RuntimeError) as error:  # the corpus folder gone, or no way to watch it
        stderr_progress(f"Stopped following the corpus folder: {error}")


@cli.command("eval")
@click.argument("questions", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def eval_command(settings: Settings, questions: Path | None, as_json: bool) -> None:
    """Score the engine on a question file (default: eval/story_questions.json)."""
    from index.answering.evaluation import evaluate

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


@cli.command()
@click.pass_obj
def doctor(settings: Settings) -> None:
    """Where the corpus, index, encoder, model, database and config are, and how each is."""
    from index.cli.doctor import PROBLEM, checks

    found = checks(settings)
    click.echo(f"storybot {__version__}")
    for check in found:
        click.echo(f"{check.name:<9} {check.status:<8} {check.where}\n{'':<18} {check.detail}")
    if any(check.status == PROBLEM for check in found):
        sys.exit(1)


class BotCommand(click.Command):
    """`storybot run`, whose --help lists the bot's settings (read only when help is asked for)."""

    def format_epilog(self, context: click.Context, formatter: click.HelpFormatter) -> None:
        """The bot's settings: the engine's and Discord's."""
        from bot.settings import BotSettings

        formatter.write_paragraph()
        formatter.write(settings_help(BotSettings).removeprefix("\b\n") + "\n")


@cli.command(cls=BotCommand, context_settings={"ignore_unknown_options": True})
def run() -> None:
    """Start the Discord bot (needs DISCORD_TOKEN); the same as `python -m bot`."""
    # The engine never imports discord; the bot is loaded only when asked for.
    from importlib import import_module

    sys.exit(import_module("bot.__main__").main())


def chat_vote(log: Recorder, answer_id: str | None, vote: str) -> str:
    """Vote in `chat` on the last answer, and say what became of the vote."""
    if answer_id is None:
        return "(Nothing to vote on: not recorded, or no answer yet.)"
    log.feedback(answer_id, CHAT_VOTES[vote], cli_asker().user)
    return "(Thanks: vote recorded.)"


for command in (report_command, forget_command, vote_command):
    cli.add_command(command)


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
            "answer": hit.answer or None,
        }
        for hit in answer.hits
    ]
    return {
        "question": answer.question,
        "refused": answer.refused,
        "message": answer.message,
        "passages": passages,
        "confidence": answer.confidence,
        "missing": list(answer.missing),
        "tentative": answer.tentative,
    }


def render_answer(answer: Answer) -> str:
    """An answer for the terminal: each passage with its citation, the best sentence in **bold**."""
    if answer.refused:
        return answer.message or ""
    blocks = [answer.hedge] if answer.hedge else []
    for rank, hit in enumerate(answer.hits, start=1):
        text = hit.chunk.text
        if hit.answer:
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
