"""The connection: load, a dropped gateway, and the token kept out of every log line."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time

import discord
import pytest
from fake_discord import FakeDiscord
from harness import TOKEN, bot_settings, running

from bot.client import StoryBot, StoryEngine
from index.passages import Answer, SourceInfo, SummarySentence

pytestmark = pytest.mark.slow

QUESTIONS = [
    "Who is the new leader of Syria?",
    "What did the US and Syria exchange?",
    "What attack was prevented?",
    "What happened to Bashar al-Assad?",
    "What message did al-Sharaa send to Trump?",
]


class SlowEngine:
    """The real engine, each answer first blocking its thread for a while, as a big model would."""

    def __init__(self, engine: StoryEngine, seconds: float) -> None:
        self.engine = engine
        self.seconds = seconds
        self.model_name = engine.model_name

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The real answer, late."""
        time.sleep(self.seconds)
        return self.engine.ask(question, k)

    def summary(self) -> tuple[SummarySentence, ...]:
        """The real summary."""
        return self.engine.summary()

    def sources(self) -> tuple[SourceInfo, ...]:
        """The real sources."""
        return self.engine.sources()


async def test_twenty_questions_at_once_are_all_answered_while_the_heartbeat_flows(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    # 20 answers of 0.3 s each would block the event loop for 6 s if they ran on it.
    async with running(bot_settings(), SlowEngine(engine, seconds=0.3)) as bot:
        started = time.perf_counter()
        questions = itertools.islice(itertools.cycle(QUESTIONS), 20)
        tokens = await asyncio.gather(
            *(discord_api.slash("ask", 800 + n, question=q) for n, q in enumerate(questions))
        )
        await discord_api.wait_for(
            lambda: all(len(discord_api.replies_to(token)) == 2 for token in tokens), timeout=30
        )
        finished = time.perf_counter()
        assert bot.latency < 1.0  # the acks were read as they came
    for token in tokens:
        defer, reply = discord_api.replies_to(token)
        assert (
            defer.body["type"] == 5 and defer.at - discord_api.dispatched[token] < 3.0
        )  # Discord's deadline
        assert "¶" in reply.text
    beats = [at for at in discord_api.heartbeats if started <= at <= finished]
    assert finished - started > 0.9  # long enough for the heartbeat to tell
    assert len(beats) >= (finished - started) / discord_api.heartbeat_interval / 2
    assert max(b - a for a, b in itertools.pairwise([started, *beats, finished])) < 1.0


async def test_a_dropped_connection_is_resumed_and_questions_still_answered(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    await discord_api.drop()
    await discord_api.wait_for(lambda: discord_api.sent_ops(6))
    [resume] = discord_api.sent_ops(6)
    assert resume["d"]["session_id"] == "session-1"
    assert resume["d"]["seq"] == 2  # READY and GUILD_CREATE were seen
    assert discord_api.connections == ["/gateway", "/resume"]  # READY's resume_gateway_url
    assert len(discord_api.sent_ops(2)) == 1  # resumed, not identified again
    token = await discord_api.slash("ask", 900, question="Who is the new leader of Syria?")
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) == 2)
    assert "Ahmed al-Sharaa" in discord_api.replies_to(token)[1].text


async def test_the_token_appears_in_no_log_line(
    discord_api: FakeDiscord, engine: StoryEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running(bot_settings(), engine) as bot:
        token = await discord_api.slash("ask", 901, question="What attack was prevented?")
        await discord_api.say(901, f"<@{bot.user.id}> who runs Syria now?", mentions_bot=True)
        await discord_api.drop()
        await discord_api.wait_for(lambda: discord_api.sent_ops(6))
        await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) == 2)
        shown = [repr(bot.settings), str(bot.settings), bot.settings.model_dump_json()]
    assert discord_api.sent_ops(2)[0]["d"]["token"] == TOKEN  # it was really used…
    assert discord_api.sent_ops(6)[0]["d"]["token"] == TOKEN
    assert {call.authorization for call in discord_api.calls[:2]} == {f"Bot {TOKEN}"}
    assert any(r.name.startswith("discord.") and r.levelno == logging.DEBUG for r in caplog.records)
    assert TOKEN not in caplog.text  # …and never logged
    assert not any(TOKEN in text for text in shown)


async def test_question_channels_without_the_message_content_intent_stop_the_bot(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    bot = StoryBot(bot_settings(channels=[1234]), engine)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await asyncio.wait_for(bot.start(TOKEN), timeout=10)
    await bot.close()
    assert discord_api.sent_ops(2)[0]["d"]["intents"] & (1 << 15)


async def test_without_question_channels_the_privileged_intent_is_not_asked_for(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    [identify] = discord_api.sent_ops(2)
    assert not identify["d"]["intents"] & (1 << 15)
    assert storybot.is_ready()


async def test_a_refused_token_is_not_repeated_in_the_error(
    discord_api: FakeDiscord, engine: StoryEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = TOKEN.replace("t0ken", "wr0ng")
    bot = StoryBot(bot_settings(discord_token=wrong), engine)
    with pytest.raises(discord.LoginFailure) as refused:
        await bot.start(wrong)
    await bot.close()
    assert discord_api.calls[0].authorization == f"Bot {wrong}"
    assert wrong not in str(refused.value) and wrong not in caplog.text
