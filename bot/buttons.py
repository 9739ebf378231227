"""The buttons under an answer, as custom ids that carry what a press needs: pure, no Discord.

A custom id outlives the bot (buttons on old messages still work after a restart), so it holds
everything a press must recompute: the question's key (the question itself is read back from the
answer's first bold line), the index it was answered from, how many passages were shown, the
cited paragraph, or the question log's id of the answer. Each id stays within Discord's 100
characters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from index.passages import Answer
from index.vectors.paragraphs import source_key

CUSTOM_ID = 100
"""Characters in a component's custom id, at most (Discord's limit)."""
MOST_PASSAGES = 12
"""Passages "More passages" goes through before it stops offering more."""
QUESTION_KEY = 8

MORE = re.compile(r"storybot:more:(?P<question>[0-9a-f]{8}):(?P<version>[0-9a-f]+):(?P<offset>\d+)")
PARAGRAPH = re.compile(
    r"storybot:para:(?P<version>[0-9a-f]+):(?P<source>[0-9a-f]+):(?P<paragraph>\d+)"
)
VOTE = re.compile(r"storybot:vote:(?P<vote>up|down):(?P<answer>[0-9A-Za-z-]{1,64})")

OUT_OF_DATE = (
    "The story has been updated since this answer: ask again to get passages from the current"
    " version."
)
NOT_YOURS = "This is someone else's private answer: ask your own with /ask or “Ask StoryBot”."
NO_MORE = "No more passages answer this question."
UNREADABLE = "I can no longer read which question this answer was for: please ask again."
GONE = "That paragraph is no longer in the story: ask again for the current passages."


def question_key(question: str) -> str:
    """A short hash of a question as shown, to check a press against the answer it is under."""
    return hashlib.sha256(" ".join(question.split()).encode()).hexdigest()[:QUESTION_KEY]


@dataclass(frozen=True)
class More:
    """Show the passages after the first `offset`, in place."""

    question: str
    version: str
    offset: int
    label: ClassVar[str | None] = "More passages"
    emoji: ClassVar[str | None] = None

    @property
    def custom_id(self) -> str:
        """The button's id."""
        return f"storybot:more:{self.question}:{self.version}:{self.offset}"

    @classmethod
    def parse(cls, match: re.Match[str]) -> More:
        """The press a matched custom id stands for."""
        return cls(match["question"], match["version"], int(match["offset"]))


@dataclass(frozen=True)
class FullParagraph:
    """Show the cited paragraph with the one before and the one after, privately."""

    version: str
    source: str
    paragraph: int
    label: ClassVar[str | None] = "Full paragraph"
    emoji: ClassVar[str | None] = None

    @property
    def custom_id(self) -> str:
        """The button's id."""
        return f"storybot:para:{self.version}:{self.source}:{self.paragraph}"

    @classmethod
    def parse(cls, match: re.Match[str]) -> FullParagraph:
        """The press a matched custom id stands for."""
        return cls(match["version"], match["source"], int(match["paragraph"]))


@dataclass(frozen=True)
class Vote:
    """👍 or 👎 on a recorded answer; a later vote by the same person replaces theirs."""

    answer: str
    up: bool
    label: ClassVar[str | None] = None

    @property
    def emoji(self) -> str:
        """The button's face, which the thanks repeat."""
        return "👍" if self.up else "👎"

    @property
    def custom_id(self) -> str:
        """The button's id."""
        return f"storybot:vote:{'up' if self.up else 'down'}:{self.answer}"

    @classmethod
    def parse(cls, match: re.Match[str]) -> Vote:
        """The press a matched custom id stands for."""
        return cls(match["answer"], match["vote"] == "up")


Press = More | FullParagraph | Vote


def presses_for(
    answer: Answer, version: str, answer_id: str | None, offset: int = 0, more: bool = True
) -> list[Press]:
    """The buttons under an answer showing passages from `offset` on: more passages while there
    may be more, the first passage's paragraph, and votes when the answer was recorded. A
    refusal gets votes only."""
    made: list[Press] = []
    if not answer.refused and answer.hits:
        shown = offset + len(answer.hits)
        if more and shown < MOST_PASSAGES:
            made.append(More(question_key(answer.question), version, shown))
        first = answer.hits[0].chunk
        made.append(FullParagraph(version, source_key(first.source), first.paragraph))
    if answer_id is not None and VOTE.fullmatch(Vote(answer_id, True).custom_id):
        made += [Vote(answer_id, True), Vote(answer_id, False)]
    return made


def recorded_answer(custom_ids: Iterable[str]) -> str | None:
    """The question log's id of an answer, read from its vote buttons' ids."""
    for custom_id in custom_ids:
        if found := VOTE.fullmatch(custom_id):
            return found["answer"]
    return None


def thanks(vote: Vote) -> str:
    """The private acknowledgement of a vote."""
    return f"Thanks, your {vote.emoji} is noted. Pressing 👍 or 👎 again replaces it."
