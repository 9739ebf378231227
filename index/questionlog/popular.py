"""Readers' questions worth offering to other readers as they type /ask: asked in one server by
several people in the same words, answered with confidence, not voted down.

Only a question that at least `MIN_ASKERS` different people of a server asked where others could
see it is ever offered, and only in that server: one person's wording, which may say something
about them, is never shown to anyone else, nor is a question asked privately (`/ask private`,
the Apps menu), in a direct message or on the command line. The bot asks each again before
offering it, so one the index no longer answers is left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from index.answering.questions import Unaskable, question_from
from index.questionlog.grouping import normalised

MIN_ASKERS = 2
"""Different people who must have asked a question, in the same words, before it is offered."""
CONFIDENT = 0.8
"""The confidence above which an answer is given without a hedge
(`index.answering.answerability.TENTATIVE`); a tentative answer is not "answered well"."""
SINCE = timedelta(days=30)
"""How far back the log is read: what readers ask follows the news."""
MOST = 25
"""Questions kept for each server, at most: Discord shows 25 choices."""
LONGEST = 100
"""Characters in a choice, at most (Discord's limit)."""

PUBLIC = frozenset(["slash", "message"])
"""How a question was asked (the log's `via`) where the channel saw it: a public /ask, an
@mention or a question channel's message; not "private", "menu" or "cli"."""

Guild = int | None
"""A server's id; None for questions asked outside one (the command line, direct messages)."""


@dataclass
class _Asked:
    """One wording's record in one server."""

    askers: set[str] = field(default_factory=set)
    wordings: Counter[str] = field(default_factory=Counter)
    votes: int = 0
    last: float = 0.0


def well_answered(rows: Iterable[Mapping[str, Any]]) -> dict[Guild, tuple[str, ...]]:
    """For each server, the questions of `rows` (the log's, with their votes up and down) that at
    least `MIN_ASKERS` of its readers asked in public and had answered with confidence, and that
    were voted down no more than up; the most askers first, each in its commonest wording,
    cleaned as the engine cleans it (no mentions, links or markdown)."""
    found: dict[tuple[Guild, str], _Asked] = defaultdict(_Asked)
    for row in rows:
        if row["guild_id"] is None or row["via"] not in PUBLIC:
            continue
        try:
            text = question_from(str(row["question"])).text
        except Unaskable:
            continue
        asked = found[(row["guild_id"], normalised(text))]
        asked.votes += (row["up"] or 0) - (row["down"] or 0)
        if not row["refused"] and row["confidence"] >= CONFIDENT:
            asked.askers.add(str(row["asker"]))
            asked.wordings[text] += 1
            asked.last = max(asked.last, row["asked_at"].timestamp())
    kept: dict[Guild, list[_Asked]] = defaultdict(list)
    for (guild, _), asked in found.items():
        if len(asked.askers) >= MIN_ASKERS and asked.votes >= 0:
            kept[guild].append(asked)
    return {
        guild: tuple(
            wording
            for asked in sorted(these, key=lambda a: (-len(a.askers), -a.last))
            if len(wording := asked.wordings.most_common(1)[0][0]) <= LONGEST
        )[:MOST]
        for guild, these in kept.items()
    }
