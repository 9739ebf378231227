"""Readers' questions offered to other readers of the same server as they type /ask."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from index.questionlog.popular import LONGEST, MOST, well_answered

SERVER, OTHER_SERVER = 11, 12
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def asked(
    question: str,
    asker: str,
    guild: int | None = SERVER,
    *,
    refused: bool = False,
    confidence: float = 0.95,
    up: int | None = None,
    down: int | None = None,
    minute: int = 0,
    via: str = "slash",
) -> dict[str, Any]:
    """One row of the log as `Store.answered_since` gives it (votes None when there are none)."""
    return {
        "question": question,
        "asker": asker,
        "via": via,
        "guild_id": guild,
        "refused": refused,
        "confidence": confidence,
        "up": up,
        "down": down,
        "asked_at": START + timedelta(minutes=minute),
    }


def test_a_question_two_readers_asked_in_the_same_words_is_offered_in_its_commonest_wording() -> (
    None
):
    rows = [
        asked("Who leads Syria now?", "a"),
        asked("who leads syria now", "b"),
        asked("Who leads Syria now?", "c"),
    ]
    assert well_answered(rows) == {SERVER: ("Who leads Syria now?",)}


def test_one_readers_question_is_never_offered_however_often_they_ask_it() -> None:
    rows = [asked("Is my cousin in Damascus safe?", "a", minute=m) for m in range(5)]
    assert well_answered(rows) == {}


def test_a_question_is_offered_only_in_the_server_where_it_was_asked() -> None:
    rows = [
        asked("Who leads Syria now?", "a", SERVER),
        asked("Who leads Syria now?", "b", OTHER_SERVER),
        asked("Who wrote it?", "a", SERVER),
        asked("Who wrote it?", "b", SERVER),
    ]
    assert well_answered(rows) == {SERVER: ("Who wrote it?",)}


def test_questions_asked_privately_in_a_direct_message_or_on_the_command_line_never_count() -> None:
    rows = [
        asked("Who leads Syria now?", "a", via="private"),
        asked("Who leads Syria now?", "b", via="menu"),
        asked("Who leads Syria now?", "c", None, via="message"),
        asked("Who leads Syria now?", "d", None, via="cli"),
        asked("Who leads Syria now?", "e", via="cli"),
        asked("Who wrote it?", "a", via="message"),
        asked("Who wrote it?", "b"),
    ]
    assert well_answered(rows) == {SERVER: ("Who wrote it?",)}


def test_refused_and_tentative_answers_do_not_count_as_answered_well() -> None:
    rows = [
        asked("What is Syria's GDP?", "a", refused=True, confidence=0.02),
        asked("What is Syria's GDP?", "b", refused=True, confidence=0.02),
        asked("Did Russia help?", "a", confidence=0.5),
        asked("Did Russia help?", "b", confidence=0.79),
        asked("Did Russia help?", "c", confidence=0.9),
    ]
    assert well_answered(rows) == {}


def test_a_question_voted_down_more_than_up_is_not_offered() -> None:
    rows = [
        asked("Who leads Syria now?", "a", down=2),
        asked("Who leads Syria now?", "b", up=1),
        asked("Who wrote it?", "a", down=1),
        asked("Who wrote it?", "b", up=1),
    ]
    assert well_answered(rows) == {SERVER: ("Who wrote it?",)}


def test_the_most_askers_first_then_the_latest() -> None:
    rows = [
        asked("Who wrote it?", "a", minute=1),
        asked("Who wrote it?", "b", minute=2),
        asked("What did al-Sharaa say?", "a", minute=3),
        asked("What did al-Sharaa say?", "b", minute=4),
        asked("Who leads Syria now?", "a"),
        asked("Who leads Syria now?", "b"),
        asked("Who leads Syria now?", "c"),
    ]
    assert well_answered(rows)[SERVER] == (
        "Who leads Syria now?",
        "What did al-Sharaa say?",
        "Who wrote it?",
    )


def test_mentions_links_and_markdown_are_cleaned_away_and_blank_or_long_ones_left_out() -> None:
    long = "Who " + "very " * 30 + "much leads Syria?"
    rows = [
        asked("<@123456789> **who** leads Syria? https://example.org/x", "a"),
        asked("@everyone who leads Syria?", "b"),
        asked("<@123456789>", "a"),
        asked("<@123456789>", "b"),
        asked(long, "a"),
        asked(long, "b"),
    ]
    assert len(long) > LONGEST
    assert well_answered(rows) == {SERVER: ("who leads Syria?",)}


def test_at_most_as_many_as_discord_shows() -> None:
    rows = [asked(f"Question number {n} about Syria?", who) for n in range(40) for who in "ab"]
    assert len(well_answered(rows)[SERVER]) == MOST == 25
