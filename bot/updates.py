"""A developing story on Discord: follow the corpus folder, swap in each new index, and post a
notice naming what changed (STORYBOT_UPDATES_CHANNEL).

The rebuilding and the swap are the engine's (index/vectors/live.py); this cog only watches, runs
each rebuild in a worker thread so the gateway keeps its heartbeat, and tells the channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands
from watchfiles import awatch

from bot import render
from index.vectors.live import LiveEngine, RebuildFailed, Update, is_story_file, watched

if TYPE_CHECKING:
    from bot.client import StoryBot

log = logging.getLogger(__name__)


def notice(update: Update) -> list[render.Page]:
    """What the updates channel is told: each changed article and its new or changed paragraphs."""
    blocks = [[render.escape_within(change.describe(), render.LINE)] for change in update.changes]
    return render.embeds(blocks, title="The story was updated") if blocks else []


class StoryUpdates(commands.Cog):
    """Follows the corpus folder while the bot runs; `refresh` may also be called directly."""

    def __init__(self, bot: StoryBot, live: LiveEngine) -> None:
        self.bot = bot
        self.live = live
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        """Start watching the corpus folder."""
        self._task = asyncio.create_task(self._follow(), name="storybot-updates")

    async def cog_unload(self) -> None:
        """Stop watching."""
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _follow(self) -> None:
        settings = self.live.settings
        paths = watched(settings)
        log.info("Following %s for changes to the story", paths[0])
        try:
            async for _ in awatch(
                *paths, watch_filter=is_story_file(settings), stop_event=self._stop
            ):
                await self.refresh()
        except (OSError, RuntimeError) as error:  # the folder gone, or no way to watch it
            log.error("Stopped following %s: %s; the index in place keeps serving", paths[0], error)

    async def refresh(self) -> Update | None:
        """Rebuild if the corpus changed, in a thread; the old index answers meanwhile."""
        try:
            update = await asyncio.to_thread(self.live.refresh)
        except RebuildFailed as failed:
            log.warning("%s", failed)
            self.bot.dispatch("story_rebuild", None)
            return None
        if update is not None:
            log.info("%s", update.describe())
            self.bot.dispatch("story_rebuild", update)
            await self._announce(update)
        return update

    async def _announce(self, update: Update) -> None:
        channel_id = self.bot.settings.updates_channel
        pages = notice(update)
        if channel_id is None or not pages:
            return
        try:
            channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
            for page in pages:
                await channel.send(**page.as_kwargs())  # type: ignore[union-attr]
        except discord.HTTPException:
            log.warning("Could not post the update notice in channel %d", channel_id)
