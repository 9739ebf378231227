"""Autocomplete on /ask: questions the story answers, made once per index in a worker thread and
matched against what is typed on every keystroke (Discord waits 3 s at most); first among them,
questions that readers of the same server asked and had answered well (the question log's,
`index.questionlog.popular`), read again every few minutes."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from discord import app_commands

from index.answering.suggestions import LENGTH, Suggestions, suggestions
from index.passages import Chunk, StoryError

if TYPE_CHECKING:
    from bot.client import StoryEngine

log = logging.getLogger(__name__)
READERS_EVERY = 600.0
"""Seconds between two readings of the question log for readers' questions."""
Readers = Callable[[], Mapping[int | None, Sequence[str]]]
"""What readers of each server asked and had answered well (`QuestionLog.well_answered`)."""
_made: list[tuple[tuple[Chunk, ...], Suggestions]] = []
"""The last index's suggestions in this process: a bot started again on the same engine (a
reconnect, the test suite) does not make them again."""


def quiet(engine: StoryEngine) -> StoryEngine:
    """The engine without its metrics: the bot's own look-ups are no reader's questions."""
    unmeasured = getattr(engine, "unmeasured", None)
    return unmeasured() if callable(unmeasured) else engine


def answers(engine: StoryEngine, question: str) -> bool:
    """Whether the engine answers a question rather than refusing it."""
    try:
        return not engine.ask(question).refused
    except StoryError:
        return False


def choices(found: Suggestions | None, typed: str) -> list[app_commands.Choice[str]]:
    """Discord's choices for what was typed: at most 25, each within 100 characters."""
    if found is None:
        return []
    return [
        app_commands.Choice(name=question, value=question)
        for question in found.matching(typed)
        if 0 < len(question) <= LENGTH
    ]


def answered_by_readers(read: Readers, engine: StoryEngine) -> dict[int | None, tuple[str, ...]]:
    """Readers' questions of each server that the engine still answers (the index may have
    changed since they were asked)."""
    return {
        guild: kept
        for guild, questions in read().items()
        if (kept := tuple(q for q in questions if answers(engine, q)))
    }


class SuggestionCache:
    """The suggestions of the index in place, remade in the background when it changes, and
    readers' questions (`readers`, when the question log is kept), read again every
    `READERS_EVERY` seconds and whenever the index changes."""

    def __init__(self, engine: StoryEngine, readers: Readers | None = None) -> None:
        self.engine = engine
        self.current: Suggestions | None = None
        self.readers: dict[int | None, tuple[str, ...]] = {}
        """Readers' questions the index answers, for each server."""
        self._for: tuple[Chunk, ...] | None = None
        self._task: asyncio.Task[None] | None = None
        self._read = readers
        self._readers_task: asyncio.Task[None] | None = None
        self._readers_at = -READERS_EVERY

    def refresh(self) -> asyncio.Task[None] | None:
        """Start remaking the suggestions if the index changed and none is being made, and
        reading readers' questions again when it is time."""
        try:
            passages = self.engine.passages()
        except Exception:
            log.warning("No suggestions: the engine cannot list its passages", exc_info=True)
            return None
        busy = self._task is not None and not self._task.done()
        if passages is self._for or busy:
            self.refresh_readers()
            return self._task
        self._for = passages
        self._task = asyncio.get_running_loop().create_task(self._make(passages))
        self.refresh_readers(force=True)  # asked again of the new index
        return self._task

    def refresh_readers(self, force: bool = False) -> asyncio.Task[None] | None:
        """Start reading readers' questions again, unless they were read less than
        `READERS_EVERY` seconds ago (`force`: the index changed) or are being read."""
        busy = self._readers_task is not None and not self._readers_task.done()
        due = force or time.monotonic() - self._readers_at >= READERS_EVERY
        if self._read is None or busy or not due:
            return self._readers_task
        self._readers_at = time.monotonic()
        read = self._read
        self._readers_task = asyncio.get_running_loop().create_task(self._make_readers(read))
        return self._readers_task

    async def _make_readers(self, read: Readers) -> None:
        try:
            self.readers = await asyncio.to_thread(answered_by_readers, read, quiet(self.engine))
        except Exception:
            log.warning("Could not read readers' questions for /ask suggestions", exc_info=True)

    async def _make(self, passages: tuple[Chunk, ...]) -> None:
        if _made and _made[0][0] is passages:
            self.current = _made[0][1]
            return
        engine = quiet(self.engine)
        try:
            made = await asyncio.to_thread(suggestions, passages, lambda q: answers(engine, q))
        except Exception:
            log.warning("Could not make /ask suggestions", exc_info=True)
            return
        self.current = made
        _made[:] = [(passages, made)]
        log.info("%d /ask suggestions (%d refused left out)", len(made.questions), made.refused)

    def choices(self, typed: str, guild_id: int | None = None) -> list[app_commands.Choice[str]]:
        """The choices for what was typed in a server, from the suggestions made so far, its
        readers' questions first."""
        self.refresh()
        readers = self.readers.get(guild_id, ())
        if not readers:
            return choices(self.current, typed)
        return choices((self.current or Suggestions((), 0)).led_by(readers), typed)
