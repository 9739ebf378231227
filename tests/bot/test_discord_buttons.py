"""Buttons under an answer, "Ask StoryBot" in the Apps menu, /ask's autocomplete, and what
needs no intent (README, "Discord"), through the real discord.py client against the fake
Discord."""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord_payloads as payloads
import pytest
from fake_discord import Call, FakeDiscord
from harness import bot_settings, running
from test_question_log import eventually, votes

from bot import buttons, render
from bot.askmenu import EMPTY, MENU_NAME
from bot.client import StoryBot, StoryEngine
from index.passages import Answer, Chunk
from index.questionlog.recorder import QuestionLog, open_log

pytestmark = pytest.mark.slow

READER = 700000000000000021
OTHER = 700000000000000022
LEADER = "Who is the new leader of Syria?"
NO_PINGS = {"parse": []}
CITATION = re.compile(r"¶(\d+),")


class RebuiltEngine:
    """The engine after its index was rebuilt: other passages (one fewer), same answers."""

    def __init__(self, engine: StoryEngine) -> None:
        self.engine = engine
        self.model_name = engine.model_name
        self._passages = engine.passages()[:-1]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)

    def passages(self) -> tuple[Chunk, ...]:
        """Not the passages the answers were given from."""
        return self._passages

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The real answer."""
        return self.engine.ask(question, k)


async def asked(discord_api: FakeDiscord, question: str, **options: Any) -> dict[str, Any]:
    """/ask as READER; the answer message as Discord keeps it."""
    token = await discord_api.slash("ask", READER, question=question, **options)
    await discord_api.wait_for(lambda: discord_api.answers_to(token))
    return discord_api.answers_to(token)[0]  # the first page, which carries the buttons


async def pressed(
    discord_api: FakeDiscord, message: dict[str, Any], kind: str, user: int = READER
) -> Call:
    """Press the message's first button of this kind ("more", "para", "vote:up") as `user`;
    the bot's response."""
    [custom_id, *_] = [i for i in payloads.button_ids(message) if i.startswith(f"storybot:{kind}")]
    token = await discord_api.press(user, message["id"], custom_id)
    await discord_api.wait_for(lambda: discord_api.replies_to(token))
    return discord_api.replies_to(token)[0]


async def moved(
    discord_api: FakeDiscord, message: dict[str, Any], user: int = READER
) -> list[Call]:
    """Press "More passages" as `user`: the deferred update (6), then the edit of the message
    or a private line saying there are no more."""
    [custom_id] = [i for i in payloads.button_ids(message) if i.startswith("storybot:more")]
    token = await discord_api.press(user, message["id"], custom_id)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= 2)
    defer, then = discord_api.replies_to(token)
    assert defer.body == {"type": 6}  # DEFERRED_UPDATE_MESSAGE: no new message, no "thinking"
    return [defer, then]


async def answered(discord_api: FakeDiscord, token: str) -> list[Call]:
    """The bot's responses to an interaction, once there is one."""
    await discord_api.wait_for(lambda: discord_api.replies_to(token))
    return discord_api.replies_to(token)


def cited(message: dict[str, Any]) -> list[int]:
    """The paragraph numbers an answer message cites, in order."""
    text = "\n".join(e.get("description") or "" for e in message.get("embeds") or [])
    return [int(n) for n in CITATION.findall(text)]


def no_pings(discord_api: FakeDiscord) -> bool:
    """Whether every message the bot sent or edited pings nobody."""
    sent = [
        call.message
        for call in discord_api.calls
        if call.method in ("POST", "PATCH")
        and isinstance(call.body, dict)
        and (call.message.get("content") or call.message.get("embeds"))
    ]
    return bool(sent) and all(m.get("allowed_mentions") == NO_PINGS for m in sent)


async def test_an_answer_has_buttons_and_more_passages_moves_on_in_place(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, LEADER)
    before = cited(answer)
    assert [i.split(":")[1] for i in payloads.button_ids(answer)] == ["more", "para"]
    _, edit = await moved(discord_api, answer)
    assert edit.method == "PATCH" and edit.path.endswith("/messages/@original")  # in place
    after = cited(discord_api.find(answer["id"]))
    assert after and not set(after) & set(before)
    assert LEADER in discord_api.find(answer["id"])["embeds"][0]["description"]
    _, second = await moved(discord_api, discord_api.find(answer["id"]))
    now = cited(discord_api.find(answer["id"]))
    moved_on = second.method == "PATCH" and not set(now) & set(after)
    assert moved_on or (second.ephemeral and buttons.NO_MORE in second.text)
    assert no_pings(discord_api)


async def test_more_passages_pressed_twice_on_the_same_button_shows_the_same_page(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, LEADER)
    stale = copy.deepcopy(answer)  # the message as it was when both presses were made
    await moved(discord_api, stale)
    first = cited(discord_api.find(answer["id"]))
    token = await discord_api.interact(
        payloads.component(READER, stale, payloads.button_ids(stale)[0])
    )
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= 2)
    assert cited(discord_api.find(answer["id"])) == first  # not duplicated, not skipped


async def test_full_paragraph_shows_it_privately_with_its_neighbours(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, LEADER)
    paragraph = cited(answer)[0]
    reply = await pressed(discord_api, answer, "para")
    assert reply.body["type"] == 4 and reply.ephemeral
    shown = [int(n) for n in CITATION.findall(reply.text)]
    assert paragraph in shown and set(shown) <= {paragraph - 1, paragraph, paragraph + 1}
    assert len(shown) >= 2 and "Ahmed al-Sharaa" in reply.text
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_a_refusal_gets_no_more_passages_button(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, "What is the best recipe for lasagna?")
    assert not answer["embeds"] and not payloads.button_ids(answer)


@pytest.fixture
async def recording(
    discord_api: FakeDiscord, engine: StoryEngine, tmp_path: Path
) -> AsyncIterator[tuple[StoryBot, Any]]:
    """StoryBot recording its answers in a question log of this test's own."""
    settings = bot_settings(data_dir=tmp_path / "data")
    log = open_log(settings, "5:test", retry_seconds=0.1)
    assert isinstance(log, QuestionLog)
    async with running(settings, engine, log) as bot:
        yield bot, settings
    log.close()


async def test_a_vote_is_acknowledged_privately_and_a_second_one_replaces_it(
    recording: tuple[StoryBot, Any], discord_api: FakeDiscord
) -> None:
    _, settings = recording
    answer = await asked(discord_api, LEADER)
    assert [i.split(":")[2] for i in payloads.button_ids(answer)[2:]] == ["up", "down"]
    thanks = await pressed(discord_api, answer, "vote:up")
    assert thanks.ephemeral and "👍" in thanks.text
    await eventually(lambda: [v["vote"] for v in votes(settings)] == [1])
    await pressed(discord_api, answer, "vote:down")
    await eventually(lambda: [v["vote"] for v in votes(settings)] == [-1])
    assert no_pings(discord_api)


async def test_a_refusal_can_still_be_voted_on(
    recording: tuple[StoryBot, Any], discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, "What is the best recipe for lasagna?")
    assert [i.split(":")[1] for i in payloads.button_ids(answer)] == ["vote", "vote"]


async def test_buttons_on_a_message_sent_before_a_restart_still_work(
    discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    async with running(bot_settings(), engine):
        answer = await asked(discord_api, LEADER)
    before = cited(answer)
    async with running(bot_settings(), engine):
        _, edit = await moved(discord_api, answer)
        paragraph = await pressed(discord_api, discord_api.find(answer["id"]), "para")
    assert edit.method == "PATCH" and cited(discord_api.find(answer["id"])) != before
    assert paragraph.ephemeral and "¶" in paragraph.text


async def test_a_button_on_an_answer_from_a_rebuilt_index_says_it_is_out_of_date(
    discord_api: FakeDiscord, engine: StoryEngine, caplog: pytest.LogCaptureFixture
) -> None:
    async with running(bot_settings(), engine):
        answer = await asked(discord_api, LEADER)
    sent = copy.deepcopy(answer)
    async with running(bot_settings(), RebuiltEngine(engine)):  # type: ignore[arg-type]
        more = await pressed(discord_api, answer, "more")
        paragraph = await pressed(discord_api, answer, "para")
    for reply in (more, paragraph):
        assert reply.body["type"] == 4 and reply.ephemeral and "updated" in reply.text
    assert discord_api.find(answer["id"]) == sent  # left as it was
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_someone_elses_press_on_a_private_answer_is_refused(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, LEADER, private=True)
    sent = copy.deepcopy(answer)
    assert answer["flags"] & 64
    for kind in ("more", "para"):
        refusal = await pressed(discord_api, answer, kind, user=OTHER)
        assert refusal.ephemeral and "someone else" in refusal.text and "¶" not in refusal.text
    assert discord_api.find(answer["id"]) == sent
    _, mine = await moved(discord_api, answer)
    assert mine.method == "PATCH" and discord_api.find(answer["id"])["flags"] & 64  # the asker may


async def test_the_context_menu_answers_a_message_privately(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    target = payloads.message(payloads.CHANNEL_ID, payloads.user(OTHER), "who leads Syria now?")
    token = await discord_api.context_menu(READER, MENU_NAME, target)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) >= 2)
    defer, reply = discord_api.replies_to(token)[:2]
    assert defer.body["type"] == 5 and defer.ephemeral and reply.ephemeral
    assert "Ahmed al-Sharaa" in reply.text and reply.message["allowed_mentions"] == NO_PINGS
    empty = payloads.message(payloads.CHANNEL_ID, payloads.user(OTHER), "")
    token = await discord_api.context_menu(READER, MENU_NAME, empty)
    await discord_api.wait_for(lambda: discord_api.replies_to(token))
    [note] = discord_api.replies_to(token)
    assert note.ephemeral and note.text == EMPTY


async def test_autocomplete_suggests_questions_the_story_answers(
    storybot: StoryBot, discord_api: FakeDiscord, engine: StoryEngine
) -> None:
    await discord_api.wait_for(lambda: storybot.suggestions.current is not None, timeout=120)
    offered: dict[str, list[dict[str, str]]] = {}
    for typed in ("", "who", "al-Sh", "shrine", "zzzz"):
        [reply] = await answered(discord_api, await discord_api.autocomplete(READER, typed))
        assert reply.body["type"] == 8
        offered[typed] = reply.body["data"]["choices"]
    for choices in offered.values():
        assert len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert offered[""] and offered["who"] and not offered["zzzz"]
    assert all("al-Sharaa" in c["value"] for c in offered["al-Sh"][:1])
    every = {c["value"] for choices in offered.values() for c in choices}
    assert not [q for q in every if engine.ask(q).refused]


async def test_a_mention_and_its_follow_up_get_buttons(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    assert storybot.user is not None
    question = await discord_api.say(
        READER,
        f"<@{storybot.user.id}> What ISIS plot against a shrine was foiled?",
        mentions_bot=True,
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(question))
    [answer] = discord_api.replies_to_message(question)
    assert [i.split(":")[1] for i in payloads.button_ids(answer.body)] == ["more", "para"]
    [kept] = [
        m
        for m in discord_api.messages[payloads.CHANNEL_ID].values()
        if m.get("message_reference", {}).get("message_id") == question
    ]
    follow_up = await discord_api.say(
        READER, "When was it stopped?", mentions_bot=True, reply_to=str(kept["id"])
    )
    await discord_api.wait_for(lambda: discord_api.replies_to_message(follow_up))
    [reply] = discord_api.replies_to_message(follow_up)
    assert "¶" in reply.text
    # "More passages" reads the conversation back (test_discord_conversations.py)
    assert [i.split(":")[1] for i in payloads.button_ids(reply.body)] == ["more", "para"]


async def test_a_more_button_under_another_question_is_refused_plainly(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    answer = await asked(discord_api, LEADER)
    forged = payloads.sent(
        payloads.CHANNEL_ID,
        {
            "embeds": [{"description": "**What attack was prevented?**"}],
            "components": answer["components"],
        },
    )
    discord_api.store(forged)
    reply = await pressed(discord_api, forged, "more")
    assert reply.ephemeral and reply.text == buttons.UNREADABLE


async def test_an_engine_failure_on_a_press_is_apologised_for_not_raised(
    storybot: StoryBot,
    discord_api: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    answer = await asked(discord_api, LEADER)

    def explode(question: str, k: int | None = None) -> None:
        raise RuntimeError("the index caught fire")

    monkeypatch.setattr(storybot.engine, "ask", explode)
    _, apology = await moved(discord_api, answer)
    assert apology.ephemeral and apology.text == render.APOLOGY
    assert "RuntimeError: the index caught fire" in caplog.text  # logged, for the operator


async def test_a_post_in_an_unlisted_forum_that_mentions_the_bot_needs_no_intent(
    storybot: StoryBot, discord_api: FakeDiscord
) -> None:
    assert storybot.user is not None
    text = f"<@{storybot.user.id}> What ISIS plot against a shrine was foiled?"
    post = await discord_api.post_in_forum(READER, "Shrine", text, mentions_bot=True)
    await discord_api.wait_for(lambda: discord_api.sent_in(post))
    [identify] = discord_api.sent_ops(2)
    assert not identify["d"]["intents"] & (1 << 15)  # no Message Content intent asked for
    assert "shrine" in discord_api.sent_in(post)[0].text
