"""The slash commands and @mentions, driven through the real client against a fake Discord."""

from __future__ import annotations

import logging
import re

import pytest
from discord_payloads import APP_ID, CHANNEL_ID, GUILD_ID
from fake_discord import Call, FakeDiscord
from harness import bot_settings, running

from bot import render
from bot.client import StoryBot, StoryEngine
from bot.cog import QUESTION_LENGTH
from index.vectors.store import IndexMissing

pytestmark = pytest.mark.slow

READER = 700000000000000001
NO_PINGS = {"parse": []}


async def ask(
    discord_api: FakeDiscord, command: str, replies: int = 2, **options: object
) -> list[Call]:
    """Run a slash command as READER and wait for its callback and follow-ups."""
    token = await discord_api.slash(command, READER, **options)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= replies)
    return discord_api.replies_to(token)


def synced(discord_api: FakeDiscord, path: str) -> dict[str, dict[str, object]]:
    """The commands the bot registered at `path`, by name."""
    [call] = [call for call in discord_api.calls if call.method == "PUT" and call.path == path]
    return {command["name"]: command for command in call.body}


async def test_login_syncs_the_commands_to_the_test_server(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    commands = synced(discord_api, f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    assert set(commands) == {"ask", "summary", "source", "help", "report", "Ask StoryBot"}
    assert commands.pop("Ask StoryBot")["type"] == 3  # in a message's Apps menu
    assert all(0 < len(str(command["description"])) <= 100 for command in commands.values())
    question, private = commands["ask"]["options"]
    assert question == {
        "type": 3,
        "name": "question",
        "description": "What you want to know about the story",
        "required": True,
        "min_length": 1,
        "max_length": QUESTION_LENGTH,
        "autocomplete": True,
    }
    assert (private["name"], private["type"], private["required"]) == ("private", 5, False)
    assert [call.path for call in discord_api.calls[:2]] == [
        "/users/@me",
        "/oauth2/applications/@me",
    ]


async def test_without_a_server_id_commands_sync_globally(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    async with running(bot_settings(discord_guild_id=None), engine):
        commands = synced(discord_api, f"/applications/{APP_ID}/commands")
    assert set(commands) == {"ask", "summary", "source", "help", "report", "Ask StoryBot"}
    assert not any("/guilds/" in call.path for call in discord_api.calls)


async def test_ask_defers_then_quotes_cited_passages(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    defer, reply = await ask(discord_api, "ask", question="Who is the new leader of Syria?")
    assert defer.body == {"type": 5}  # "thinking…", public
    assert reply.path == f"/webhooks/{APP_ID}/{defer.path.split('/')[3]}"  # a follow-up
    [embed] = reply.message["embeds"]
    assert "Ahmed al-Sharaa" in embed["description"]
    assert "> " in embed["description"] and "**" in embed["description"]
    assert re.search(r"— \*¶\d+, US initiates intelligence sharing", embed["description"])
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_private_ask_is_ephemeral(storybot: StoryBot, discord_api: FakeDiscord) -> None:
    defer, reply = await ask(
        discord_api, "ask", question="What attack was prevented?", private=True
    )
    assert defer.ephemeral and reply.ephemeral
    assert "shrine" in reply.text


async def test_off_topic_question_gets_one_plain_sentence(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    question = "What is the best recipe for lasagna?"
    _, reply = await ask(discord_api, "ask", question=question)
    refusal = storybot.engine.ask(question)
    assert refusal.refused and refusal.message
    assert not reply.message.get("embeds")
    assert reply.message["content"] == render.escape(refusal.message)
    assert "¶" not in reply.text


async def test_a_question_quoting_everyone_pings_nobody(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    question = "@everyone <@&123456> what did the **US** and Syria exchange?"
    _, reply = await ask(discord_api, "ask", question=question)
    assert reply.message["allowed_mentions"] == NO_PINGS
    assert "\\*\\*US\\*\\*" in reply.text  # the question is shown as typed, not as markdown
    assert "classified intelligence" in reply.text


async def test_summary_is_cited(storybot: StoryBot, discord_api: FakeDiscord) -> None:
    [reply] = await ask(discord_api, "summary", replies=1)
    assert reply.body["type"] == 4
    [embed] = reply.message["embeds"]
    assert embed["title"] == "Summary"
    assert embed["description"].count("¶") >= 2
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_source_names_the_articles_and_model(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    [reply] = await ask(discord_api, "source", replies=1)
    assert "US initiates intelligence sharing" in reply.text
    for info in storybot.engine.sources():
        assert f"{info.passages} passage" in reply.text
        assert info.source.author is None or f"By {info.source.author}" in reply.text
    assert storybot.engine.model_name in reply.text


async def test_help_shows_examples_privately(storybot: StoryBot, discord_api: FakeDiscord) -> None:
    [reply] = await ask(discord_api, "help", replies=1)
    assert reply.ephemeral
    assert "/ask question:" in reply.text and "/summary" in reply.text
    assert "@StoryBot" in reply.text


async def test_a_mention_gets_a_reply_with_the_answer(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    message_id = await discord_api.say(
        READER, f"<@{storybot.user.id}> who is the new leader of Syria?", mentions_bot=True
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [reply] = discord_api.replies_to_message(message_id)
    assert reply.path == f"/channels/{CHANNEL_ID}/messages"
    assert "Ahmed al-Sharaa" in reply.text and "¶" in reply.text
    assert reply.body["allowed_mentions"] == NO_PINGS  # replied_user defaults to false


async def test_messages_not_for_the_bot_are_ignored(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    await discord_api.say(READER, "who is the new leader of Syria?")
    probe = await discord_api.slash("help", READER)  # handled after the message, in order
    await discord_api.wait_for(lambda: discord_api.replies_to(probe))
    assert not [call for call in discord_api.calls if call.path.startswith("/channels/")]


async def test_in_a_question_channel_every_message_is_a_question(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    discord_api.allowed_intents |= 1 << 15  # turned on in the Developer Portal
    async with running(bot_settings(channels=[CHANNEL_ID]), engine):
        message_id = await discord_api.say(READER, "What happened to Bashar al-Assad?")
        await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [identify] = discord_api.sent_ops(2)
    assert identify["d"]["intents"] & (1 << 15)  # Message Content
    assert "Assad" in discord_api.replies_to_message(message_id)[0].text


async def test_in_a_question_channel_what_asks_nothing_goes_unanswered(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    # Each of these got a reply ("Please ask a question about the story.", "I couldn't find a
    # question in that."): a channel where people also talk filled with the bot's notes.
    discord_api.allowed_intents |= 1 << 15
    async with running(bot_settings(channels=[CHANNEL_ID]), engine):
        chat = [await discord_api.say(READER, said) for said in ("👍", "ok", "thanks!", "hi all")]
        asked = await discord_api.say(READER, "What happened to Bashar al-Assad?")
        await discord_api.wait_for(lambda: discord_api.replies_to_message(asked))
        probe = await discord_api.slash("help", READER)  # handled after the messages, in order
        await discord_api.wait_for(lambda: discord_api.replies_to(probe))
    assert all(not discord_api.replies_to_message(message) for message in chat)
    assert "Assad" in discord_api.replies_to_message(asked)[0].text


async def test_asking_too_fast_gets_a_friendly_private_note(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    for _ in range(storybot.settings.cooldown_rate):
        _, reply = await ask(discord_api, "ask", question="Who is the new leader of Syria?")
        assert "¶" in reply.text
    [note] = await ask(discord_api, "ask", replies=1, question="What happened to Assad?")
    assert note.body["type"] == 4 and note.ephemeral
    assert "asking quickly" in note.text and "¶" not in note.text


async def test_the_cooldown_counts_mentions_too(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    for _ in range(storybot.settings.cooldown_rate):
        await ask(discord_api, "ask", question="Who is the new leader of Syria?")
    message_id = await discord_api.say(
        READER, f"<@{storybot.user.id}> and Assad?", mentions_bot=True
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [note] = discord_api.replies_to_message(message_id)
    assert "asking quickly" in note.text and "¶" not in note.text


async def test_a_bare_mention_gets_help(storybot: StoryBot, discord_api: FakeDiscord) -> None:
    message_id = await discord_api.say(READER, f"<@{storybot.user.id}>", mentions_bot=True)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [reply] = discord_api.replies_to_message(message_id)
    assert "/ask question:" in reply.text


@pytest.mark.parametrize("said", ["help", "who are you?"])
async def test_a_mention_asking_for_help_gets_help(
    storybot: StoryBot, discord_api: FakeDiscord, said: str
) -> None:
    # Before, it was refused as a question the story does not cover.
    message_id = await discord_api.say(READER, f"<@{storybot.user.id}> {said}", mentions_bot=True)
    await discord_api.wait_for(lambda: discord_api.replies_to_message(message_id))
    [reply] = discord_api.replies_to_message(message_id)
    assert "/ask question:" in reply.text and "doesn't cover" not in reply.text


async def test_ask_help_gets_the_help_privately(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    [reply] = await ask(discord_api, "ask", replies=1, question="help")
    assert reply.ephemeral and "/ask question:" in reply.text


async def test_a_greeting_is_greeted_not_refused(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    _, reply = await ask(discord_api, "ask", question="hi!")
    assert reply.text.startswith("Hi! Ask me a question about the story")
    assert "mention" not in reply.text


async def test_an_engine_error_is_told_as_it_is_without_a_traceback(
    storybot: StoryBot,
    discord_api: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def missing(question: str, k: int | None = None) -> None:
        raise IndexMissing("The index is missing: run `storybot build`.")

    monkeypatch.setattr(storybot.engine, "ask", missing)
    _, reply = await ask(discord_api, "ask", question="Who is the new leader of Syria?")
    assert reply.text == r"The index is missing: run \`storybot build\`." and reply.ephemeral
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


async def test_a_failing_command_apologises_and_logs_the_traceback(
    storybot: StoryBot,
    discord_api: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def explode(question: str, k: int | None = None) -> None:
        raise RuntimeError("the index caught fire")

    monkeypatch.setattr(storybot.engine, "ask", explode)
    _, reply = await ask(discord_api, "ask", question="Who is the new leader of Syria?")
    assert reply.text == render.APOLOGY and reply.ephemeral
    [record] = [r for r in caplog.records if r.name == "bot.client" and r.exc_info]
    assert record.levelno == logging.ERROR and "/ask" in record.getMessage()
    assert "RuntimeError: the index caught fire" in caplog.text
    assert "Traceback" in caplog.text
