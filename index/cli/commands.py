"""The `storybot` command line: build, ask, summary, chat, eval, doctor and run.

The group and its options are here, with the commands of a few lines; `ask` and `chat` have
modules of their own, and `report`, `forget` and `vote` live with the question log.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from index import __version__
from index.cli.ask import ask
from index.cli.chat import chat
from index.cli.render import render_summary, summary_json
from index.passages import StoryError
from index.questionlog.commands import forget_command, report_command, vote_command
from index.settings import Settings, load_settings, variable
from index.vectors.freshness import stderr_progress

if TYPE_CHECKING:
    from index.vectors.embedding import Embedder

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = Path("eval/story_questions.json")


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
    for chatty in ("sentence_transformers",):
        logging.getLogger(chatty).setLevel(logging.INFO if verbose else logging.ERROR)
    given: dict[str, Any] = {"corpus": corpus, "data_dir": data_dir}
    context.obj = load_settings(
        Settings, **{name: value for name, value in given.items() if value is not None}
    )


@cli.command("build")
@click.pass_obj
def build_command(settings: Settings) -> None:
    """Build the index from the corpus (other commands build it when needed)."""
    from index.vectors.freshness import rebuild

    rebuild(settings, partial(model_encoder, settings), stderr_progress)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def summary(settings: Settings, as_json: bool) -> None:
    """A short cited summary of the story (no model is loaded when the index is current)."""
    from index.vectors.freshness import open_records

    sentences = open_records(settings, partial(model_encoder, settings), stderr_progress).summary
    if as_json:
        click.echo(json.dumps(summary_json(sentences), ensure_ascii=False))
    else:
        click.echo(render_summary(sentences))


def model_encoder(settings: Settings) -> Embedder:
    """The model's encoder, its loading told on stderr; imported only when a build needs it."""
    from index.vectors.build import build_embedder

    return build_embedder(settings, stderr_progress)


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


for command in (ask, chat, report_command, forget_command, vote_command):
    cli.add_command(command)


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
