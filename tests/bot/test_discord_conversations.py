"""Follow-ups on Discord: reply chains, threads read back after a restart, STORYBOT_THREADS."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord_payloads as payloads
import pytest
from discord_payloads import CHANNEL_ID, FORUM_ID
from fake_discord import FakeDiscord
from harness import bot_settings, running

from bot.client import StoryBot, StoryEngine
from bot.threads import MAX_MESSAGES
from index.answering.conversation import answer_in_context

pytestmark = pytest.mark.slow

READER = 700000000000000011
PLOT = "What ISIS plot against a shrine was foiled?"
WHEN = "When was it stopped?"
NO_PINGS = {"parse": []}
CITATION = re.compile(r"¶(\d+),")


def mention(bot: StoryBot, text: str) -> str:
    """A message that @mentions the bot."""
    return f"<@{bot.user.id}> {text}" if bot.user else text


def answer_message(channel_id: int, question: str, reply_to: str | None = None) -> dict[str, Any]:
    """One of the bot's answers as Discord keeps it: the question in bold, then a passage."""
    body: dict[str, Any] = {"embeds": [{"description": f"**{question}**\n\n> A passage."}]}
    if reply_to is not None:
        body["message_reference"] = {"message_id": reply_to}
    return payloads.sent(channel_id, body)


def cited(message: dict[str, Any]) -> list[int]:
    """The paragraph numbers an answer message cites, in order."""
    text = "\n".join(e.get("description") or "" for e in message.get("embeds") or [])
    return [int(n) for n in CITATION.findall(text)]


def first_passage(discord_api: FakeDiscord, message_id: str) -> str:
    """The text of the first passage the bot quoted in reply to a message."""
    [reply] = discord_api.replies_to_message(message_id)
    return reply.text.split("\n\n")[1]


async def ask_and_wait(discord_api: FakeDiscord, bot: StoryBot, text: str, **where: Any) -> str:
    """@mention the bot and wait for its reply to that message."""
    message_id = await discord_api.say(READER, mention(bot, text), mentions_bot=True, **where)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    return message_id


def bot_reply_id(discord_api: FakeDiscord, message_id: str) -> str:
    """The id of the message the bot sent in reply to a message."""
    channel = discord_api.messages[CHANNEL_ID]
    [found] = [
        m
        for m in channel.values()
        if (m.get("message_reference") or {}).get("message_id") == message_id
    ]
    return str(found["id"])


async def test_a_reply_to_an_answer_is_answered_as_a_follow_up(
    storybot: StoryBot, discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    question = await ask_and_wait(discord_api, storybot, PLOT)
    answer = bot_reply_id(discord_api, question)
    follow_up = await discord_api.say(READER, WHEN, mentions_bot=True, reply_to=answer)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    assert "earlier this month" in first_passage(discord_api, follow_up)
    assert engine.ask(WHEN).refused  # alone, the story cannot answer it
    assert all(
        call.body.get("allowed_mentions") == NO_PINGS for call in discord_api.sent_in(CHANNEL_ID)
    )


async def test_more_passages_under_a_follow_up_moves_on_within_its_conversation(
    storybot: StoryBot, discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    # "When was it stopped?" alone means nothing; its next passages are those of the follow-up
    # read after the question about the plot, as its answer was.
    question = await ask_and_wait(discord_api, storybot, PLOT)
    follow_up = await discord_api.say(
        READER, WHEN, mentions_bot=True, reply_to=bot_reply_id(discord_api, question)
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    reply = bot_reply_id(discord_api, follow_up)
    [more] = [i for i in payloads.button_ids(discord_api.find(reply)) if ":more:" in i]
    token = await discord_api.press(READER, reply, more)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= 2)
    k = storybot.settings.top_k
    expected = answer_in_context(engine, WHEN, [PLOT], 2 * k).hits[k:]
    assert expected and cited(discord_api.find(reply)) == [h.chunk.paragraph for h in expected]


async def test_a_thread_is_read_back_after_a_restart(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    thread = discord_api.add_thread(CHANNEL_ID, "Shrine plot")
    async with running(bot_settings(), engine) as bot:
        await ask_and_wait(discord_api, bot, PLOT, channel_id=thread)
    async with running(bot_settings(), engine) as bot:
        follow_up = await ask_and_wait(discord_api, bot, WHEN, channel_id=thread)
    assert "earlier this month" in first_passage(discord_api, follow_up)
    assert any(
        call.path == f"/channels/{thread}/messages" and call.method == "GET"
        for call in discord_api.calls
    )


async def test_storybot_threads_answers_in_a_thread_named_after_the_question(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    async with running(bot_settings(threads=True), engine) as bot:
        question = await discord_api.say(READER, mention(bot, PLOT), mentions_bot=True)
        thread = int(question)
        await discord_api.wait_for(lambda: discord_api.sent_in(thread))
        [opened] = [c for c in discord_api.calls if c.path.endswith(f"/{question}/threads")]
        assert opened.method == "POST" and opened.body["name"] == PLOT
        assert "shrine" in discord_api.sent_in(thread)[0].text
        await discord_api.wait_for(lambda: thread in bot.get_guild(payloads.GUILD_ID)._threads)
        follow_up = await ask_and_wait(discord_api, bot, WHEN, channel_id=thread)
    assert "earlier this month" in first_passage(discord_api, follow_up)
    assert not discord_api.replies_to_message(question)  # answered in the thread instead
    sent = [c for c in discord_api.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert sent and all(call.body.get("allowed_mentions") == NO_PINGS for call in sent)


async def test_a_reply_chain_fifty_messages_deep_is_read_only_so_far(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    previous: str | None = None
    for n in range(25):
        asked = discord_api.message_from(READER, f"question {n}", CHANNEL_ID, True, previous)
        asked.pop("referenced_message", None)
        discord_api.store(asked)
        answered = answer_message(CHANNEL_ID, PLOT if n == 24 else f"question {n}", asked["id"])
        discord_api.store(answered)
        previous = str(answered["id"])
    follow_up = await discord_api.say(READER, WHEN, mentions_bot=True, reply_to=previous)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    fetched = [c for c in discord_api.calls if c.method == "GET" and "/messages/" in c.path]
    assert len(fetched) <= MAX_MESSAGES
    assert discord_api.replies_to_message(follow_up)[0].text


async def test_a_deleted_message_ends_the_chain_and_the_answer_still_comes(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    first = await ask_and_wait(discord_api, storybot, "Who is the new leader of Syria?")
    second = await discord_api.say(
        READER, PLOT, mentions_bot=True, reply_to=bot_reply_id(discord_api, first)
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(second))
    discord_api.delete(CHANNEL_ID, second)
    answer = bot_reply_id(discord_api, second)
    follow_up = await discord_api.say(READER, WHEN, mentions_bot=True, reply_to=answer)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    assert "earlier this month" in first_passage(discord_api, follow_up)


async def test_a_thread_the_bot_cannot_read_is_answered_alone(
    discord_api: FakeDiscord, engine: StoryEngine, caplog: pytest.LogCaptureFixture
) -> None:
    thread = discord_api.add_thread(CHANNEL_ID, "Private", owner_id=READER)
    discord_api.unreadable.add(thread)
    async with running(bot_settings(), engine) as bot:
        follow_up = await ask_and_wait(
            discord_api, bot, "Who is the new leader of Syria?", channel_id=thread
        )
    assert "Ahmed al-Sharaa" in discord_api.replies_to_message(follow_up)[0].text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    read = [
        c
        for c in discord_api.calls
        if c.method == "GET" and c.path.startswith(f"/channels/{thread}/")
    ]
    assert read  # it tried, was refused (403), and answered the question alone


async def test_a_new_forum_post_is_answered_in_its_thread_and_followed_up_there(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    discord_api.allowed_intents |= 1 << 15  # Message Content, which question channels need
    async with running(bot_settings(channels=[FORUM_ID]), engine):
        post = await discord_api.post_in_forum(READER, "Shrine plot", PLOT)
        await discord_api.wait_for(lambda: discord_api.sent_in(post))
        assert "shrine" in discord_api.sent_in(post)[0].text
        follow_up = await discord_api.say(READER, WHEN, channel_id=post)
        await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    assert "earlier this month" in first_passage(discord_api, follow_up)
    assert all(call.body.get("allowed_mentions") == NO_PINGS for call in discord_api.sent_in(post))
