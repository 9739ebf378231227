"""The report's figures and groups, on a fixture of recorded questions (no database needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from index.answering.questions import HELLO, WELCOME
from index.questionlog.grouping import Group, group_by_words
from index.questionlog.report import BadPeriod, build_report, parse_period

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def asked(
    question: str,
    days_ago: float = 0,
    *,
    refused: bool = False,
    missing: tuple[str, ...] = (),
    latency: float = 5.0,
    up: int = 0,
    down: int = 0,
) -> dict[str, Any]:
    """A logged question as the store reads it back."""
    return {
        "question": question,
        "asked_at": NOW - timedelta(days=days_ago),
        "refused": refused,
        "missing": list(missing),
        "passages": [] if refused else [{"citation": "¶2, A story", "source": "s", "score": 0.5}],
        "latency_ms": latency,
        "up": up,
        "down": down,
    }


FIXTURE = [
    asked("Who leads Syria?", 3, latency=2.0, up=1),
    asked("who leads Syria", 2, latency=3.0),
    asked("Who leads Syria?", 1, latency=4.0),
    asked("What attack was prevented?", 1, latency=6.0, down=2, up=1),
    asked("What is the GDP of Syria?", 2, refused=True, latency=7.0),
    asked("What's Syria's GDP?", 1, refused=True, latency=8.0),
    asked("Syria GDP?", 0, refused=True, latency=9.0),
    asked("Who is Assad's wife?", 0, refused=True, latency=10.0),
    asked("How many troops are in Syria?", 0, refused=True, missing=("troop numbers",)),
    asked("Troop count in Syria?", 0, refused=True, missing=("Troop numbers", "count")),
]


def test_totals_and_median_latency() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    assert (report.asked, report.answered, report.refused) == (10, 4, 6)
    assert (report.votes_up, report.votes_down) == (2, 2)
    assert report.median_latency_ms == 5.5  # of 2, 3, 4, 5, 5 | 6, 7, 8, 9, 10


def test_unanswered_questions_are_grouped_by_the_missing_concept() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    assert report.unanswered_by_missing == (
        Group("troop numbers", 2, "How many troops are in Syria?"),
        Group("count", 1, "Troop count in Syria?"),
    )


def test_unanswered_questions_without_a_concept_are_grouped_by_their_words() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    gdp, wife = report.unanswered_by_words
    assert gdp.count == 3 and "gdp" in gdp.about and gdp.example == "Syria GDP?"
    assert (wife.count, wife.example) == (1, "Who is Assad's wife?")


def test_the_most_asked_question_counts_its_wordings_as_one() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    top = report.most_asked[0]
    assert (top.question, top.count, top.answered) == ("Who leads Syria?", 3, 3)


def test_answers_voted_down_come_with_their_question_and_citations() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    [down] = report.voted_down
    assert (down.question, down.down, down.up, down.citations) == (
        "What attack was prevented?",
        2,
        1,
        ("¶2, A story",),
    )


def test_every_day_of_the_period_has_a_bar_even_a_quiet_one() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    assert len(report.per_day) == 8 and report.per_day[0].answered == 0
    assert [(d.answered, d.refused) for d in report.per_day[-4:]] == [
        (1, 0),
        (1, 1),
        (2, 1),
        (0, 4),
    ]


def test_the_text_and_json_forms_say_the_same() -> None:
    report = build_report(FIXTURE, NOW - timedelta(days=7), NOW)
    text = "\n".join(report.lines())
    assert "Asked 10: answered 4, refused 6 (60% refused)" in text
    assert "troop numbers: “How many troops are in Syria?”" in text
    found = report.as_json()
    assert found["asked"] == 10 and found["since"] == "2026-11-26T12:00:00+00:00"
    assert found["unanswered_by_missing"][0] == {
        "about": "troop numbers",
        "count": 2,
        "example": "How many troops are in Syria?",
    }


def test_an_empty_period_is_a_report_of_zeros() -> None:
    report = build_report([], NOW - timedelta(days=1), NOW)
    assert (report.asked, report.median_latency_ms, report.most_asked) == (0, None, ())


def test_questions_sharing_no_words_stay_apart() -> None:
    groups = group_by_words(["Who is Assad's wife?", "What is the weather in Damascus?"])
    assert [g.count for g in groups] == [1, 1]


@pytest.mark.parametrize(
    ("text", "period"),
    [("7d", timedelta(days=7)), ("24h", timedelta(hours=24)), (" 2W ", timedelta(weeks=2))],
)
def test_periods(text: str, period: timedelta) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "7", "0d", "a week", "7y"])
def test_a_period_must_be_a_number_and_a_unit(text: str) -> None:
    with pytest.raises(BadPeriod):
        parse_period(text)


def test_the_way_a_question_is_put_does_not_split_a_group() -> None:
    asked = [
        "How did bitcoin come about?",
        "Why does bitcoin matter?",
        "Is bitcoin mentioned anywhere?",
    ]
    [group] = group_by_words(asked)
    assert (group.about, group.count) == ("bitcoin", 3)


def test_citations_name_each_headline_once_on_the_page() -> None:
    from index.questionlog.page import cited

    assert cited(["¶6, A story", "¶8, A story", "¶1, Another"]) == "¶6, ¶8 — A story; ¶1 — Another"


def test_what_was_said_to_the_bot_is_neither_asked_nor_unanswered() -> None:
    said = [
        {**asked("hi", refused=True), "reason": HELLO},
        {**asked("thanks!", refused=True), "reason": WELCOME},
        {**asked("What is Syria's GDP?", refused=True), "reason": "The story doesn't mention"},
    ]
    report = build_report([*said, asked("Who leads Syria?")], NOW - timedelta(days=7), NOW)
    assert (report.asked, report.answered, report.refused) == (2, 1, 1)
    assert [asked.question for asked in report.most_asked] == [
        "What is Syria's GDP?",
        "Who leads Syria?",
    ]
