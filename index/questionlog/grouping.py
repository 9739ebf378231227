"""Grouping unanswered questions by what they asked about, without the model.

By the missing concept when the engine named one; otherwise by content words: each question's
stemmed words without stop words, joined to the first group whose seed shares at least half of
the words of both (Jaccard ≥ 0.5), most frequent questions first so that a group's seed is its
most common wording.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

SIMILAR = 0.5
WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP_TEXT = """
a about after again all also am an and any are as at be been before being but by can could did
do does doing done for from had has have having he her here hers him his how i if in into is it
its just know me more most my no not of on or our out please she should so some tell than that
the their them then there these they this those to too us was we were what when where which who
whom whose why will with would you your s t d ll re ve
"""
# Words that say how a question is asked rather than what about ("any details on bitcoin?").
_ASKING_TEXT = """
anything anywhere article background came care come describe described detail details explain
find first get give happen happened happening happens hear heard like link linked make matter
matters mean means mention mentioned much many need play risk role said say says show something
story talk talked talking tell thing things think way
"""
STOP_WORDS = frozenset(_STOP_TEXT.split()) | frozenset(_ASKING_TEXT.split())


@dataclass(frozen=True)
class Group:
    """Unanswered questions about one thing: how many, and the most common wording."""

    about: str
    count: int
    example: str


def normalised(question: str) -> str:
    """A question's words, lower-cased, without punctuation: how repeats are counted."""
    return " ".join(WORD.findall(question.casefold()))


def group_by_missing(rows: Iterable[dict[str, Any]]) -> tuple[Group, ...]:
    """One group per concept the story is missing, with the questions that asked for it."""
    asked: dict[str, Counter[str]] = {}
    for row in rows:
        for concept in dict.fromkeys(c.strip().casefold() for c in row["missing"] if c.strip()):
            asked.setdefault(concept, Counter())[row["question"].strip()] += 1
    return _ranked((concept, wordings) for concept, wordings in asked.items())


def group_by_words(questions: Sequence[str]) -> tuple[Group, ...]:
    """Questions grouped by the content words they share."""
    wordings = Counter(q.strip() for q in questions if q.strip())
    seeds: list[tuple[frozenset[str], Counter[str]]] = []
    for question, count in sorted(wordings.items(), key=lambda item: (-item[1], item[0])):
        words = content_words(question)
        home = next((members for seed, members in seeds if _alike(seed, words)), None)
        if home is None:
            seeds.append((words, home := Counter()))
        home[question] += count
    return _ranked((_about(members), members) for _, members in seeds)


def content_words(question: str) -> frozenset[str]:
    """A question's stemmed words, stop words dropped (all its words if none is left)."""
    words = WORD.findall(question.casefold())
    kept = [word for word in words if word not in STOP_WORDS] or words
    return frozenset(_stem(word) for word in kept)


def _alike(seed: frozenset[str], words: frozenset[str]) -> bool:
    union = seed | words
    return bool(union) and len(seed & words) / len(union) >= SIMILAR


def _about(members: Counter[str]) -> str:
    """The words most of a group's questions share, as typed (not stemmed)."""
    seen: Counter[str] = Counter()
    for question, count in members.items():
        for word in dict.fromkeys(WORD.findall(question.casefold())):
            if word not in STOP_WORDS:
                seen[word] += count
    common = [word for word, _ in seen.most_common(3)]
    return " ".join(common) or normalised(members.most_common(1)[0][0])


def _ranked(groups: Iterable[tuple[str, Counter[str]]]) -> tuple[Group, ...]:
    made = [
        Group(about, wordings.total(), wordings.most_common(1)[0][0]) for about, wordings in groups
    ]
    return tuple(sorted(made, key=lambda group: (-group.count, group.about)))


@cache
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: Snowball, a C extension; no model, no numpy

    return Stemmer.Stemmer("english")


def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))
