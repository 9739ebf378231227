"""Running the real StoryBot against the fake Discord."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from discord_payloads import GUILD_ID

from bot.client import StoryBot, StoryEngine
from bot.settings import BotSettings
from index.questionlog.interface import Recorder
from index.settings import SHIPPED_CORPUS

REPO = Path(__file__).resolve().parents[2]
# Distinctive, so that any leak into a log line is unmistakable.
TOKEN = "MTIzNDU2Nzg5.StoryBotTest.n3ver-l0g-th1s-t0ken_Zq8x"


def bot_settings(**overrides: Any) -> BotSettings:
    """Settings for a bot under test: the repository's corpus, a test token and server."""
    values: dict[str, Any] = {
        "corpus": SHIPPED_CORPUS,
        "discord_token": TOKEN,
        "discord_guild_id": GUILD_ID,
        "channels": [],
        "cooldown_rate": 3,
        "cooldown_seconds": 60,
    }
    return BotSettings(_env_file=None, **(values | overrides))


@asynccontextmanager
async def running(
    settings: BotSettings, engine: StoryEngine, questions: Recorder | None = None
) -> AsyncIterator[StoryBot]:
    """StoryBot logged in, connected and ready; closed on the way out."""
    bot = StoryBot(settings, engine, questions, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(TOKEN))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
        yield bot
    finally:
        await bot.close()
        await asyncio.wait_for(task, timeout=10)
