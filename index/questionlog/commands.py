"""`storybot report`, `forget` and `vote`, and the log that `ask` and `chat` record to.

None of these loads the model or the index: they read and write the log alone.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click

from index.questionlog.interface import VOTES, Asker, recording
from index.settings import Settings

NO_RECORD = click.option(
    "--no-record", is_flag=True, help="Keep no record of these questions (see STORYBOT_RECORD)."
)
"""The option of `ask` and `chat` that keeps their questions out of the log."""


def cli_asker() -> Asker:
    """Whoever runs the command line, by their login name (kept hashed, like a Discord id)."""
    return Asker(user=getpass.getuser(), via="cli")


@click.command("report")
@click.option(
    "--since", "period", default="7d", show_default=True, help="Period: 30m, 24h, 7d, 2w."
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report as a web page with charts to this file.",
)
@click.pass_obj
def report_command(settings: Settings, period: str, as_json: bool, html_file: Path | None) -> None:
    """What readers asked: totals, unanswered questions grouped, answers voted down."""
    from index.questionlog.page import html_page
    from index.questionlog.recorder import report
    from index.questionlog.report import BadPeriod, parse_period

    try:
        since = parse_period(period)
    except BadPeriod as error:
        raise click.BadParameter(str(error), param_hint="--since") from error
    found = report(settings, since)
    if html_file is not None:
        html_file.write_text(html_page(found), encoding="utf-8")
        click.echo(f"Wrote {html_file}", err=True)
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False))
    else:
        click.echo("\n".join(found.lines()))


@click.command("forget")
@click.option("--user", required=True, help="Their Discord user id (or a command-line login).")
@click.pass_obj
def forget_command(settings: Settings, user: str) -> None:
    """Delete every question one person asked, and their votes."""
    from index.questionlog.recorder import forget

    gone = forget(settings, user)
    click.echo(f"Forgot {gone.questions} questions and {gone.votes} votes by that user.")


@click.command("vote")
@click.argument("answer_id")
@click.argument("vote", type=click.Choice(sorted(VOTES)))
@click.pass_obj
def vote_command(settings: Settings, answer_id: str, vote: str) -> None:
    """Vote on a recorded answer (its id is in `storybot ask --json`): up or down."""
    with recording(settings) as log:  # not brief: a vote on an unknown id is said at once
        log.feedback(answer_id, vote, cli_asker().user)
