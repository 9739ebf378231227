"""Autocomplete on /ask: questions the story answers, made once per index in a worker thread and
matched against what is typed on every keystroke (Discord waits 3 s at most)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord import app_commands

from index.answering.suggestions import LENGTH, Suggestions, suggestions
from index.passages import Chunk, StoryError

if TYPE_CHECKING:
    from bot.client import StoryEngine

log = logging.getLogger(__name__)
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


class SuggestionCache:
    """The suggestions of the index in place, remade in the background when it changes."""

    def __init__(self, engine: StoryEngine) -> None:
        self.engine = engine
        self.current: Suggestions | None = None
        self._for: tuple[Chunk, ...] | None = None
        self._task: asyncio.Task[None] | None = None

    def refresh(self) -> asyncio.Task[None] | None:
        """Start remaking the suggestions if the index changed and none is being made."""
        try:
            passages = self.engine.passages()
        except Exception:
            log.warning("No suggestions: the engine cannot list its passages", exc_info=True)
            return None
        if passages is self._for or (self._task is not None and not self._task.done()):
            return self._task
        self._for = passages
        self._task = asyncio.get_running_loop().create_task(self._make(passages))
        return self._task

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

    def choices(self, typed: str) -> list[app_commands.Choice[str]]:
        """The choices for what was typed, from the suggestions made so far."""
        self.refresh()
        return choices(self.current, typed)
