"""The log of a one-shot command (`storybot ask`): its rows go to the spool.

Importing SQLAlchemy, migrating the database and writing one transaction cost a one-question
`storybot ask` about a quarter of its run. With the default log (a SQLite file in the data
folder) a one-shot command appends each row to the spool beside it as the answer is given, and
whoever opens the database next writes them: `storybot report`, `forget` and `vote` first
thing, `storybot chat` and the bot at their first write and then between questions. A spool
that has grown past SPOOL_LIMIT is written by the next one-shot command itself, through the
database."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from index.passages import Answer
from index.questionlog import privacy
from index.questionlog.interface import Asker
from index.questionlog.rows import index_version, question_rows, vote_row
from index.questionlog.spool import SPOOL_FILE, Item, Spool

log = logging.getLogger(__name__)

SPOOL_LIMIT = 4 * 1024 * 1024
"""Bytes of spooled rows (about 8,000 questions) past which a one-shot command writes the
database itself."""


class Brief:
    """A Recorder that appends each row to the spool as it comes."""

    def __init__(self, folder: Path) -> None:
        self.spool = Spool(folder / SPOOL_FILE)
        self._salt = privacy.load_salt(folder / privacy.SALT_FILE)
        self._version = index_version(folder)
        self._lost = 0
        """Rows the disk would not take; the first is said at once, the count at close."""

    def record(self, answer: Answer, asker: Asker, latency: float) -> str | None:
        """Append the answer's row to the spool; returns its id, for feedback (None when the
        disk would not take it: the answer stands all the same)."""
        answer_id = uuid.uuid4().hex
        hashed = privacy.hash_user(self._salt, asker.user)
        rows = question_rows(answer_id, answer, asker, hashed, latency, self._version)
        return answer_id if self._kept([("question", row) for row in rows]) else None

    def feedback(self, answer_id: str, vote: int | str, user: int | str) -> None:
        """Append a 👍 (+1) or 👎 (-1) from `user` on the answer to the spool."""
        self._kept([("vote", vote_row(answer_id, privacy.hash_user(self._salt, user), vote))])

    def _kept(self, items: list[Item]) -> bool:
        try:
            self.spool.add(items)
        except OSError as error:  # a full disk, or the folder made read-only meanwhile
            self._lost += 1
            if self._lost == 1:
                reason = error.strerror or error
                log.warning(
                    "Not recording questions: %s cannot be written (%s).", self.spool.path, reason
                )
            return False
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Nothing waits: every row is in the spool already. Rows the disk would not take are
        counted once, here, rather than warned of one by one (a `storybot ask -` of a thousand
        questions on a full disk says so twice, not a thousand times)."""
        if self._lost > 1:
            log.warning("%d questions and votes were not recorded.", self._lost)


def brief_log(folder: Path) -> Brief | None:
    """The spool-only log of the default SQLite file in `folder`, unless its spool is due to be
    written (then None: the command opens the database)."""
    spool = Spool(folder / SPOOL_FILE)
    return Brief(folder) if spool.size() < SPOOL_LIMIT else None
