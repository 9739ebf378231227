"""Fixtures: the real engine (built once per session), a fake Discord, and StoryBot on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
from fake_discord import FakeDiscord
from harness import TOKEN, bot_settings, running

from bot.client import StoryBot, StoryEngine
from bot.settings import BotSettings


@pytest.fixture
async def discord_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A fake Discord on 127.0.0.1, with discord.py pointed at it."""
    fake = FakeDiscord(TOKEN)
    await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.rest_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", fake.gateway_url)
    yield fake
    await fake.stop()


@pytest.fixture
def settings() -> BotSettings:
    """The bot's settings; a test module may override this fixture."""
    return bot_settings()


@pytest.fixture
async def storybot(
    discord_api: FakeDiscord, engine: StoryEngine, settings: BotSettings
) -> AsyncIterator[StoryBot]:
    """StoryBot, logged in to the fake Discord and ready."""
    async with running(settings, engine) as bot:
        yield bot
