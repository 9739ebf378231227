"""The newsroom's report: how many asked, what was answered, and above all what was not.

Built from the rows alone, without the model: unanswered questions are grouped by the concept the
story is missing when the engine named one, and otherwise by the words they share (stemmed,
stop words dropped), so "What is Syria's GDP?" and "Syria GDP?" count as one thing asked.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from index.answering.questions import NOT_ASKED
from index.questionlog.grouping import Group, group_by_missing, group_by_words, normalised

TOP = 10
PERIOD = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class BadPeriod(ValueError):
    """A period that is not a number and a unit, such as 7d."""


def parse_period(text: str) -> timedelta:
    """A period such as 30m, 24h, 7d or 2w."""
    match = PERIOD.match(text)
    if not match or int(match[1]) == 0:
        raise BadPeriod(f"A period is a number and m, h, d or w (such as 7d), not {text!r}.")
    return timedelta(**{UNITS[match[2].lower()]: int(match[1])})


@dataclass(frozen=True)
class VotedDown:
    """An answer readers voted down, with its question and what it cited."""

    question: str
    down: int
    up: int
    asked_at: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class Asked:
    """A question asked again and again (as worded, give or take case and punctuation)."""

    question: str
    count: int
    answered: int


@dataclass(frozen=True)
class Day:
    """Questions answered and refused on one day (UTC)."""

    day: str
    answered: int
    refused: int


@dataclass(frozen=True)
class Report:
    """What readers asked over a period, and what they were told."""

    since: datetime
    until: datetime
    asked: int
    answered: int
    refused: int
    votes_up: int
    votes_down: int
    median_latency_ms: float | None
    unanswered_by_missing: tuple[Group, ...]
    unanswered_by_words: tuple[Group, ...]
    voted_down: tuple[VotedDown, ...]
    most_asked: tuple[Asked, ...]
    per_day: tuple[Day, ...]

    def as_json(self) -> dict[str, Any]:
        """The report for tooling: every field, times in ISO 8601."""
        found = asdict(self)
        found["since"], found["until"] = self.since.isoformat(), self.until.isoformat()
        return found

    def lines(self) -> list[str]:
        """The report as text for a terminal or a Discord message."""
        share = f" ({self.refused / self.asked:.0%} refused)" if self.asked else ""
        latency = "–" if self.median_latency_ms is None else f"{self.median_latency_ms:.1f} ms"
        lines = [
            f"Questions from {self.since:%Y-%m-%d %H:%M} to {self.until:%Y-%m-%d %H:%M} UTC",
            f"Asked {self.asked}: answered {self.answered}, refused {self.refused}{share}",
            f"Median latency {latency}; votes 👍 {self.votes_up} 👎 {self.votes_down}",
        ]
        lines += _section("Unanswered, by what the story is missing", self.unanswered_by_missing)
        lines += _section("Unanswered, by the words they share", self.unanswered_by_words)
        lines += _titled(
            "Voted down",
            [
                f"👎 {v.down} 👍 {v.up}  {v.question}  [{', '.join(v.citations[:1])}]"
                for v in self.voted_down
            ],
        )
        lines += _titled(
            "Most asked",
            [f"{a.count:>4}×  {a.question}  ({a.answered} answered)" for a in self.most_asked],
        )
        return lines


def _section(title: str, groups: Sequence[Group]) -> list[str]:
    return _titled(title, [f"{g.count:>4}×  {g.about}: “{g.example}”" for g in groups])


def _titled(title: str, rows: list[str]) -> list[str]:
    return ["", title, *(rows or ["  (none)"])]


def build_report(
    rows: Sequence[dict[str, Any]],
    since: datetime,
    until: datetime,
    listed: Sequence[dict[str, Any]] | None = None,
) -> Report:
    """The report over these rows (each a logged question with its votes). Every row counts;
    only the `listed` ones (all, when not given) are quoted in its lists of questions. What
    was said to the bot rather than asked ("hi", "thanks!", "help": `questions.NOT_ASKED`) is
    left out: it is neither a question asked nor one the story failed."""
    rows = [row for row in rows if not _chat(row)]
    listed = rows if listed is None else [row for row in listed if not _chat(row)]
    refused = [row for row in rows if row["refused"]]
    quoted = [row for row in listed if row["refused"]]
    latencies = [float(row["latency_ms"]) for row in rows]
    return Report(
        since=since,
        until=until,
        asked=len(rows),
        answered=len(rows) - len(refused),
        refused=len(refused),
        votes_up=sum(row["up"] for row in rows),
        votes_down=sum(row["down"] for row in rows),
        median_latency_ms=round(statistics.median(latencies), 2) if latencies else None,
        unanswered_by_missing=group_by_missing(quoted)[:TOP],
        unanswered_by_words=group_by_words([r["question"] for r in quoted if not r["missing"]])[
            :TOP
        ],
        voted_down=_voted_down(listed),
        most_asked=_most_asked(listed),
        per_day=_per_day(rows, since.date(), until.date()),
    )


def _chat(row: dict[str, Any]) -> bool:
    return bool(row["refused"]) and row.get("reason") in NOT_ASKED


def _voted_down(rows: Iterable[dict[str, Any]]) -> tuple[VotedDown, ...]:
    down = sorted((r for r in rows if r["down"]), key=lambda r: (-r["down"], r["asked_at"]))
    return tuple(
        VotedDown(
            r["question"],
            r["down"],
            r["up"],
            r["asked_at"].isoformat(timespec="seconds"),
            tuple(p["citation"] for p in r["passages"]),
        )
        for r in down[:TOP]
    )


def _most_asked(rows: Iterable[dict[str, Any]]) -> tuple[Asked, ...]:
    worded: dict[str, Counter[str]] = defaultdict(Counter)
    answered: Counter[str] = Counter()
    for row in rows:
        key = normalised(row["question"])
        worded[key][row["question"].strip()] += 1
        answered[key] += not row["refused"]
    ranked = sorted(worded, key=lambda key: (-worded[key].total(), key))
    return tuple(
        Asked(worded[key].most_common(1)[0][0], worded[key].total(), answered[key])
        for key in ranked[:TOP]
    )


def _per_day(rows: Iterable[dict[str, Any]], first: date, last: date) -> tuple[Day, ...]:
    answered: Counter[date] = Counter()
    refused: Counter[date] = Counter()
    for row in rows:
        (refused if row["refused"] else answered)[row["asked_at"].date()] += 1
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return tuple(Day(day.isoformat(), answered[day], refused[day]) for day in days)
