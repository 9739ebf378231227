"""`storybot chat`: questions at a prompt, each a follow-up of the earlier ones, with votes."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import click

from index.cli.render import render_answer
from index.questionlog.commands import NO_RECORD, cli_asker
from index.questionlog.interface import Recorder, answer_and_record, recording
from index.settings import Settings
from index.vectors.freshness import stderr_progress

if TYPE_CHECKING:
    from index.answering.conversation import Conversation
    from index.vectors.live import LiveEngine

CHAT_VOTES = {"+": "up", "👍": "up", "-": "down", "👎": "down"}
EXAMPLES = ("Who is the new leader of Syria?", "What attack was prevented?", "What did he say?")
NEW_CONVERSATION = "/new"
MORE = "/more"


@click.command("chat")
@NO_RECORD
@click.pass_obj
def chat(settings: Settings, no_record: bool) -> None:
    """Ask questions one after another at a prompt, each read as a follow-up of the earlier ones;
    /more shows the last answer's next passages, /new starts afresh, an empty line or Ctrl-D
    ends.

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
    click.echo(greeting(recorded))
    try:
        with recording(settings, recorded) as log:
            converse(conversation, log, settings.top_k)
    finally:
        stop.set()


def greeting(recorded: bool) -> str:
    """What `chat` says first: how to ask, follow up, start afresh, quit and, if recorded, vote."""
    votes = " A line + or - votes on the answer before it." if recorded else ""
    return (
        f"Ask about the story (e.g. “{EXAMPLES[0]}”), then follow up (“{EXAMPLES[2]}”)."
        f" {MORE} shows more passages, {NEW_CONVERSATION} starts afresh; an empty line or"
        f" Ctrl-D quits.{votes}"
    )


def converse(conversation: Conversation, log: Recorder, k: int) -> None:
    """Take each line typed at the prompt, until the person is done: a vote, /more, /new or a
    question."""
    last: str | None = None
    shown = 0
    while typed := prompted():
        said = typed.strip()
        if said in CHAT_VOTES:
            click.echo(chat_vote(log, last, said))
        elif said.lower() == MORE:
            text, shown = more_of(conversation, shown, k)
            click.echo(text + "\n")
        elif said.lower() == NEW_CONVERSATION:
            conversation.reset()
            shown = 0
            click.echo("New conversation: the next question is read on its own.\n")
        else:
            answer, last = answer_and_record(conversation.ask, typed, log, cli_asker())
            shown = len(answer.hits)
            click.echo(render_answer(answer) + "\n")


def more_of(conversation: Conversation, shown: int, k: int) -> tuple[str, int]:
    """What /more prints (the last answer's next passages, or why there are none) and how many
    passages have been shown after it."""
    answer = conversation.more(shown, k)
    if answer is None:
        return "(Nothing to show more of: ask a question first.)", shown
    if answer.refused or not answer.hits:
        return "(No more passages for that question.)", shown
    return render_answer(answer), shown + len(answer.hits)


def prompted() -> str:
    """The next line typed at the prompt; "" once the person is done (an empty line, Ctrl-D or
    Ctrl-C)."""
    try:
        typed = input("? ")
    except (EOFError, KeyboardInterrupt):
        click.echo()
        return ""
    return typed if typed.strip() else ""


def chat_vote(log: Recorder, answer_id: str | None, vote: str) -> str:
    """Vote in `chat` on the last answer, and say what became of the vote."""
    if answer_id is None:
        return "(Nothing to vote on: not recorded, or no answer yet.)"
    log.feedback(answer_id, CHAT_VOTES[vote], cli_asker().user)
    return "(Thanks: vote recorded.)"


def _say_updates(live: LiveEngine, stop: threading.Event) -> None:
    """Tell the person at the prompt, on stderr, when the story changes under them."""
    from index.vectors.live import Update, follow

    try:
        for event in follow(live, stop):
            stderr_progress(event.describe() if isinstance(event, Update) else str(event))
    except (OSError, RuntimeError) as error:  # the corpus folder gone, or no way to watch it
        stderr_progress(f"Stopped following the corpus folder: {error}")
