"""The question log's interface for the command line and the bot: record, then vote.

Light on purpose (no SQLAlchemy): `recorder.py` opens the real log; this is what callers hold.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from index.passages import Answer
from index.settings import Settings

VOTES = {"up": 1, "👍": 1, "+1": 1, "down": -1, "👎": -1, "-1": -1}


PRIVATE = "private"
"""The log's `via` for a `/ask … private: True`: only its asker saw it, so no one else is ever
shown its words (not in autocomplete, not in a server's `/report`)."""


@dataclass(frozen=True)
class Asker:
    """Who asked and where: a Discord user in a server's channel, or the command line's user."""

    user: int | str
    via: str = "cli"
    guild_id: int | None = None
    channel_id: int | None = None


class Recorder(Protocol):
    """What the command line and the bot use: record an answer, and vote on it later."""

    def record(self, answer: Answer, asker: Asker, latency: float) -> str | None:
        """Queue the answer for the log; returns its id (None when nothing is recorded)."""
        ...

    def feedback(self, answer_id: str, vote: int | str, user: int | str) -> None:
        """Queue a 👍 (+1) or 👎 (-1) from `user` on the answer; a later vote replaces theirs."""
        ...

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued (or spool it), then stop."""
        ...


class NoLog:
    """STORYBOT_RECORD=off: nothing is written, not even a file."""

    def record(self, answer: Answer, asker: Asker, latency: float) -> str | None:
        """Record nothing."""
        return None

    def feedback(self, answer_id: str, vote: int | str, user: int | str) -> None:
        """Keep no vote."""

    def close(self, timeout: float = 10.0) -> None:
        """Nothing to write."""


def vote_value(vote: int | str) -> int:
    """+1 or -1 from a vote given as a number, "up"/"down" or 👍/👎."""
    value = VOTES.get(str(vote).strip().lower())
    if value is None:
        raise ValueError(f"A vote is up (👍, +1) or down (👎, -1), not {vote!r}.")
    return value


def answer_and_record(
    ask: Callable[[str], Answer], question: str, log: Recorder, asker: Asker
) -> tuple[Answer, str | None]:
    """Answer a question, timing it, and queue the record; the answer's id is for feedback."""
    started = time.perf_counter()
    answer = ask(question)
    return answer, log.record(answer, asker, time.perf_counter() - started)


@contextmanager
def recording(settings: Settings, wanted: bool = True, brief: bool = False) -> Iterator[Recorder]:
    """The log to record to, open while in use (none when not wanted or STORYBOT_RECORD=off).

    `brief` is for a command that records its answers and ends (`storybot ask`): with
    the default log, its rows go to the spool for the next process that opens the database to
    write (`brief.py`), which spares it SQLAlchemy's import and a transaction."""
    if not (wanted and settings.record):
        yield NoLog()
        return
    folder = settings.data_dir
    try:
        if folder.is_dir() and not os.access(folder, os.W_OK):  # read-only: spooling would fail
            raise PermissionError(errno.EROFS, "read-only")
        log = _opened(settings, brief)
    except OSError as error:  # a read-only or full data folder: answer all the same
        reason = error.strerror or error
        logging.getLogger(__name__).warning(
            "Not recording questions: %s cannot be written (%s).", folder, reason
        )
        yield NoLog()
        return
    try:
        yield log
    finally:
        log.close()


def _opened(settings: Settings, brief: bool) -> Recorder:
    if brief and not settings.database_url:
        from index.questionlog.brief import brief_log

        spooled = brief_log(settings.data_dir)
        if spooled is not None:
            return spooled
    from index.questionlog.recorder import open_log  # SQLAlchemy
    from index.questionlog.rows import index_version

    return open_log(settings, index_version(settings.data_dir))
