"""Discord's own faults, which StoryBot already rides out, kept passing: a 429 with Retry-After,
a 500 once, the gateway closed with 4000, and a connection dropped without a word."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
from fake_discord import FakeDiscord
from harness import TOKEN, bot_settings, running

from bot.client import StoryBot, StoryEngine
from tests.faults.running import LEADER, QUESTION, record

pytestmark = pytest.mark.slow


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
async def storybot(discord_api: FakeDiscord, engine: StoryEngine) -> AsyncIterator[StoryBot]:
    """StoryBot, logged in to the fake Discord and ready."""
    async with running(bot_settings(), engine) as bot:
        yield bot


async def _asked(discord_api: FakeDiscord, user: int) -> str:
    """Ask the story question by /ask; the text of the answer once it has come."""
    token = await discord_api.slash("ask", user, question=QUESTION)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) == 2, timeout=30)
    return discord_api.replies_to(token)[1].text


async def test_a_rate_limited_answer_is_sent_after_retry_after(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    discord_api.fail_next("POST", "/webhooks", 429, retry_after=0.5)
    text = await _asked(discord_api, 950)
    [refused] = discord_api.refused
    retried = next(c for c in discord_api.calls if c.path == refused.path)
    record(
        "Discord",
        "429 with Retry-After 0.5 s on the answer",
        "waits, retries, answers",
        f"retried {retried.at - refused.at:.2f} s after the 429; answered",
    )
    assert LEADER in text and retried.at - refused.at >= 0.5


async def test_a_server_error_once_is_retried(storybot: StoryBot, discord_api: FakeDiscord) -> None:
    discord_api.fail_next("POST", "/webhooks", 500)
    text = await _asked(discord_api, 951)
    [refused] = discord_api.refused
    retried = next(c for c in discord_api.calls if c.path == refused.path)
    waited = retried.at - refused.at
    record(
        "Discord", "500 once on the answer", "retried, answered", f"retried {waited:.2f} s later"
    )
    assert LEADER in text


async def test_a_gateway_closed_with_4000_is_resumed(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    await discord_api.drop()
    await discord_api.wait_for(lambda: discord_api.sent_ops(6))
    text = await _asked(discord_api, 952)
    record(
        "Discord",
        "gateway closed with 4000",
        "resumes, answers",
        f"connections {discord_api.connections}; answered",
    )
    assert discord_api.connections == ["/gateway", "/resume"] and LEADER in text


async def test_a_dropped_connection_is_reconnected(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    await discord_api.sever()
    await discord_api.wait_for(lambda: len(discord_api.connections) == 2, timeout=30)
    await discord_api.wait_for(storybot.is_ready)
    text = await _asked(discord_api, 953)
    record(
        "Discord",
        "connection dropped without a close frame",
        "reconnects, answers",
        f"connections {discord_api.connections}; answered",
    )
    assert LEADER in text
