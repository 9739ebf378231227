"""The question log through the real bot against the fake Discord: recording, votes, /report."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import discord_payloads as payloads
import pytest
from discord_payloads import APP_ID, CHANNEL_ID, GUILD_ID, OTHER_GUILD_ID
from fake_discord import Call, FakeDiscord
from harness import bot_settings, running

from bot.client import StoryBot, StoryEngine
from bot.settings import BotSettings
from index.questionlog import schema
from index.questionlog.recorder import QuestionLog, open_log, open_store
from index.questionlog.store import all_rows

pytestmark = pytest.mark.slow

READER = 731234567890123456  # distinctive: it must never be found in the database
MANAGE_SERVER = 1 << 5


def log_settings(tmp_path: Path, **overrides: Any) -> BotSettings:
    """The bot's settings with its question log in a temp folder and no cooldown in the way."""
    return bot_settings(data_dir=tmp_path / "data", cooldown_rate=100, **overrides)


def questions(settings: BotSettings) -> list[dict[str, Any]]:
    """Every logged question."""
    store = open_store(settings)
    try:
        return list(all_rows(store, schema.questions))
    finally:
        store.close()


def votes(settings: BotSettings) -> list[dict[str, Any]]:
    """Every logged vote."""
    store = open_store(settings)
    try:
        return list(all_rows(store, schema.votes))
    finally:
        store.close()


async def eventually(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Wait, off the event loop's back, until the log's thread has written."""
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(condition):
        assert time.monotonic() < deadline, "timed out waiting for the question log"
        await asyncio.sleep(0.05)


async def slash_replies(
    discord_api: FakeDiscord, command: str, user: int = READER, **options: Any
) -> list[Call]:
    """Run a slash command as `user`; the defer and the reply."""
    token = await discord_api.slash(command, user, **options)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= 2)
    return discord_api.replies_to(token)


@pytest.fixture
def settings(tmp_path: Path) -> BotSettings:
    """Settings with the log in this test's folder."""
    return log_settings(tmp_path)


@pytest.fixture
async def recorded(
    discord_api: FakeDiscord, engine: StoryEngine, settings: BotSettings
) -> AsyncIterator[tuple[StoryBot, QuestionLog]]:
    """StoryBot on the fake Discord, recording to a question log."""
    log = open_log(settings, "5:test", retry_seconds=0.1)
    assert isinstance(log, QuestionLog)
    async with running(settings, engine, log) as bot:
        yield bot, log
    log.close()


async def test_a_question_asked_with_slash_ask_and_its_vote_are_recorded(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    bot, log = recorded
    _, reply = await slash_replies(discord_api, "ask", question="Who is the new leader of Syria?")
    assert "Ahmed al-Sharaa" in reply.text
    await eventually(lambda: len(questions(settings)) == 1)
    [row] = questions(settings)
    assert (row["question"], row["refused"], row["via"]) == (
        "Who is the new leader of Syria?",
        False,
        "slash",
    )
    assert (row["guild_id"], row["channel_id"]) == (GUILD_ID, CHANNEL_ID)
    assert row["asker"] == log.store.hash_user(READER) != str(READER)
    assert row["passages"][0]["citation"] in reply.text
    assert row["latency_ms"] > 0
    bot.questions.feedback(row["id"], "👎", READER)  # what the 👍/👎 buttons will call
    await eventually(lambda: len(votes(settings)) == 1)
    assert votes(settings)[0]["vote"] == -1
    for path in settings.data_dir.glob("questions*"):
        assert str(READER).encode() not in path.read_bytes(), path


async def test_a_question_in_a_mention_is_recorded_too(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    bot, _ = recorded
    assert bot.user is not None
    message_id = await discord_api.say(
        READER, f"<@{bot.user.id}> what is the GDP of Syria?", mentions_bot=True
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    await eventually(lambda: len(questions(settings)) == 1)
    [row] = questions(settings)
    assert (row["question"], row["via"], row["channel_id"]) == (
        "what is the GDP of Syria?",
        "message",
        CHANNEL_ID,
    )


async def test_a_question_of_a_message_the_story_does_not_answer_is_said_and_logged_refused(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    bot, _ = recorded
    assert bot.user is not None
    asked = "who is the new leader of syria and what is his religion?"
    message_id = await discord_api.say(READER, f"<@{bot.user.id}> {asked}", mentions_bot=True)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [reply] = discord_api.replies_to_message(message_id)
    assert "Ahmed al-Sharaa" in reply.text
    assert "“what is his religion?”: The story doesn't mention “religion”" in reply.text
    await eventually(lambda: len(questions(settings)) == 2)
    kept = {row["question"]: row for row in questions(settings)}
    assert not kept[asked]["refused"] and kept["what is his religion?"]["refused"]
    assert kept["what is his religion?"]["missing"] == ["religion"]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_twenty_questions_while_the_database_is_away_are_answered_and_recorded_once(
    backend: str,
    discord_api: FakeDiscord,
    engine: StoryEngine,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    url = request.getfixturevalue("postgres").new_database() if backend == "postgresql" else None
    settings = log_settings(tmp_path, database_url=url)
    log = open_log(settings, "5:test", retry_seconds=0.1)
    # Twenty distinct wordings of one question (a number the story lacks would be refused).
    asked = [f"Who is the new leader of Syria{'?' * (n + 1)}" for n in range(20)]
    async with running(settings, engine, log) as bot:
        with _away(backend, settings, request):
            tokens = [
                await discord_api.slash("ask", READER + n, question=q) for n, q in enumerate(asked)
            ]
            await discord_api.wait_for(
                lambda: all(len(discord_api.replies_to(t)) >= 2 for t in tokens), timeout=60
            )
            assert all("Ahmed al-Sharaa" in discord_api.replies_to(t)[1].text for t in tokens)
            await eventually(lambda: any(settings.data_dir.glob("questions.spool.jsonl*")))
        await eventually(lambda: len(questions(settings)) == 20, timeout=30)
        assert bot.questions is log
    log.close()
    assert Counter(row["question"] for row in questions(settings)) == Counter(asked)
    assert not list(settings.data_dir.glob("questions.spool.jsonl*"))


@contextmanager
def _away(backend: str, settings: BotSettings, request: pytest.FixtureRequest) -> Iterator[None]:
    """PostgreSQL stopped, or the SQLite file locked by another writer."""
    if backend == "postgresql":
        server = request.getfixturevalue("postgres")
        server.stop()
        try:
            yield
        finally:
            server.start()
        return
    locker = sqlite3.connect(settings.data_dir / "questions.sqlite", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()


async def test_with_recording_off_nothing_is_written(
    discord_api: FakeDiscord, engine: StoryEngine, tmp_path: Path
) -> None:
    settings = log_settings(tmp_path, record=False)
    log = open_log(settings, "5:test")
    async with running(settings, engine, log):
        _, reply = await slash_replies(discord_api, "ask", question="Who leads Syria?")
        assert "¶" in reply.text
    log.close()
    assert not (tmp_path / "data").exists()


async def test_report_is_offered_to_server_managers_only(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    path = f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
    [put] = [call for call in discord_api.calls if call.method == "PUT" and call.path == path]
    report = {command["name"]: command for command in put.body}["report"]
    assert int(report["default_member_permissions"]) == MANAGE_SERVER


async def test_report_shows_a_manager_what_readers_asked_privately(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    await slash_replies(discord_api, "ask", question="Who is the new leader of Syria?")
    await slash_replies(discord_api, "ask", question="What is the best recipe for lasagna?")
    await eventually(lambda: len(questions(settings)) == 2)
    defer, reply = await slash_replies(discord_api, "report", since="1d")
    assert defer.ephemeral and reply.ephemeral
    assert "What readers asked" in reply.text
    assert "Asked 2: answered 1, refused 1" in reply.text
    # The unanswered question, grouped by the concepts the story is missing.
    assert "lasagna: “What is the best recipe for lasagna?”" in reply.text


async def test_report_shows_a_manager_only_their_own_server_s_readers(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    await slash_replies(discord_api, "ask", question="Who is the new leader of Syria?")
    elsewhere = "What is the best recipe for lasagna?"
    await slash_replies(discord_api, "ask", question=elsewhere, guild_id=OTHER_GUILD_ID)
    await eventually(lambda: len(questions(settings)) == 2)
    _, here = await slash_replies(discord_api, "report", since="1d")
    assert "Asked 1: answered 1, refused 0" in here.text and "lasagna" not in here.text
    _, there = await slash_replies(discord_api, "report", since="1d", guild_id=OTHER_GUILD_ID)
    assert "Asked 1: answered 0, refused 1" in there.text and "lasagna" in there.text


async def test_report_counts_a_private_question_but_never_quotes_it(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    secret = "What is the best recipe for lasagna?"
    await slash_replies(discord_api, "ask", question=secret, private=True)
    await slash_replies(discord_api, "ask", question="What is the capital of Peru?")
    await eventually(lambda: len(questions(settings)) == 2)
    _, reply = await slash_replies(discord_api, "report", since="1d")
    assert "Asked 2: answered 0, refused 2" in reply.text
    assert "Peru" in reply.text and "lasagna" not in reply.text


async def test_report_tells_a_member_without_manage_server_no(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord
) -> None:
    interaction = payloads.slash("report", READER)
    interaction["member"]["permissions"] = "0"  # Discord still sends it if the server allows
    await discord_api.dispatch("INTERACTION_CREATE", interaction)
    token = str(interaction["token"])
    await discord_api.wait_for(lambda: discord_api.replies_to(token))
    [reply] = discord_api.replies_to(token)
    assert reply.ephemeral and "Manage Server" in reply.text
    assert "Asked" not in reply.text


async def offered(discord_api: FakeDiscord, typed: str, guild_id: int = GUILD_ID) -> list[str]:
    """What /ask's autocomplete offers READER for what was typed, in that server."""
    token = await discord_api.autocomplete(READER, typed, guild_id=guild_id)
    await discord_api.wait_for(lambda: discord_api.replies_to(token))
    [reply] = discord_api.replies_to(token)
    assert reply.body["type"] == 8
    return [choice["value"] for choice in reply.body["data"]["choices"]]


async def test_autocomplete_offers_first_what_two_readers_of_the_server_had_answered(
    recorded: tuple[StoryBot, QuestionLog], discord_api: FakeDiscord, settings: BotSettings
) -> None:
    bot, _ = recorded
    for reader in (READER, READER + 1):
        await slash_replies(discord_api, "ask", reader, question="Who is the new leader of Syria?")
        private = "What did al-Sharaa tell Trump then?"
        await slash_replies(discord_api, "ask", reader, question=private, private=True)
    await slash_replies(discord_api, "ask", question="Who runs Syria these days then?")
    await eventually(lambda: len(questions(settings)) == 5)
    assert Counter(row["via"] for row in questions(settings)) == {"slash": 3, "private": 2}
    task = bot.suggestions.refresh_readers(force=True)
    assert task is not None
    await task
    assert (await offered(discord_api, "who"))[0] == "Who is the new leader of Syria?"
    assert "Who runs Syria these days then?" not in await offered(discord_api, "who runs")
    assert private not in await offered(discord_api, "what did al")
    # Another server's readers never see what this one's asked.
    elsewhere = await offered(discord_api, "who", OTHER_GUILD_ID)
    assert elsewhere and "Who is the new leader of Syria?" not in elsewhere
