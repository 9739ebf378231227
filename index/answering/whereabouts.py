"""Whether the story says where someone went or is, when a question asks it.

"Where did Assad flee to?" and "Where is Bashar al-Assad now?" ask where a person went or is; a
story that mentions the collapse of Assad's regime "in Syria" names a place and the person
without saying either. A sentence tells someone's whereabouts when it names them and says that
they went, fled, moved, lived, stayed or took refuge somewhere (`MOVING`), in any tense. Only a
name asked so counts ("Where did the water flow?" and "Where do ctenophora live?" are left to the
other signals), and not a place's name ("Where did Fresno residents move to?").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.answering.concepts import (
    CLOSED_CLASS,
    HEDGES,
    HYPHENATED,
    POSSESSIVE,
    STOPWORD_SET,
    word_set,
)

WHERE_ASKED = (
    r"(?:where|(?:(?:to|in|into)\s+)?(?:which|what)\s+(?:country|city|town|place|region|nation))"
)
"""How a question asks where: "where", or the kind of place asked ("Which country did Assad flee
to?", "In what city does he live?")."""
ASKED = re.compile(
    rf"^\W*(?i:{WHERE_ASKED}\s+(?:did|does|do|has|have|had|is|was|are|were))\s+"
    r"(?P<who>(?:[a-z]{1,3}-)?[A-Z][\w’'-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w’'-]*){0,3})"
    r"(?P<rest>.*)$",
    re.S,
)
""""Where did Assad …", "Where is Bashar al-Assad …": a name right after "where" and its verb."""
WHERE = re.compile(rf"^\W*{WHERE_ASKED}\b", re.I)
WENT = word_set(
    "go gone flee fled escape escaped move moved relocate relocated head headed travel travelled"
    " traveled emigrate emigrated migrate migrated"
)
"""What a question asks where someone went with."""
GOING = WENT | word_set(
    "live living lived reside resided stay stayed staying hide hiding hid settle settled now"
    " currently today nowadays"
)
"""What a question asks of someone's whereabouts with: where they went, live or are now."""
MOVING = word_set(
    "go goes going went gone flee flees fleeing fled escape escapes escaping escaped move moves"
    " moving moved relocate relocates relocated relocating live lives living lived reside"
    " resides residing resided stay stays staying stayed hide hides hiding hid hidden head heads"
    " heading headed travel travels travelling traveling travelled traveled settle settles"
    " settling settled emigrate emigrates emigrated migrate migrated exile exiled asylum refuge"
    " arrive arrives arrived return returns returned returning residence"
)
"""Words by which a sentence tells where someone went or is."""
TOKEN = HYPHENATED


@dataclass(frozen=True)
class Asked:
    """Whose whereabouts a question asks: the last word of their name, and the name."""

    word: str
    name: str
    went: bool
    """Whether it asks where they went ("Where did Assad flee?"), not where they are."""

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell: "where Assad went"."""
        return f"where {self.name} {'went' if self.went else 'is'}"


def asks_whereabouts(
    question: str,
    place: Callable[[str], bool],
    written: Callable[[str], str | None] = lambda word: None,
) -> Asked | None:
    """Whose whereabouts the question asks, if it asks a named someone's (`place` tells a
    place's name, which is no one's; `written` gives a word typed in lower case as the corpus
    writes it when it only ever capitalises it: "where is assad now")."""
    if WHERE.match(question) is None:
        return None  # most questions: no need to read their words as the corpus writes them
    question = TOKEN.sub(lambda m: written(m.group()) or m.group(), question.strip())
    match = ASKED.search(question)
    if match is None:
        return None
    rest = {t.lower() for t in TOKEN.findall(match.group("rest"))}
    if rest.isdisjoint(GOING):
        return None
    name = match.group("who")
    word = name.split()[-1]
    if any(place(part) for part in name.split()):
        return None
    return Asked(word, name, not rest.isdisjoint(WENT))


def told(asked: Asked, sentences: list[str], stem: Callable[[str], str]) -> bool | None:
    """Whether a sentence naming them tells where they went or are: None when none names them."""
    wanted = stem(asked.word.lower())
    mentioned = False
    for sentence in sentences:
        tokens = [t.lower() for t in TOKEN.findall(sentence)]
        if not any(stem(POSSESSIVE.sub("", t)) == wanted for t in tokens):
            continue
        mentioned = True
        if not MOVING.isdisjoint(tokens):
            return True
    return False if mentioned else None


THING_ASKED = re.compile(
    r"^\W*where\s+(?P<verb>is|are|was|were|did|does|do|has|have|had|can|could|will|would|might|"
    r"may|should)\s+(?:(?:the|a|an|its|their|his|her|this|that|these|those)\s+)?(?P<rest>.*)$",
    re.I | re.S,
)
"""Where a question asks a thing to be: "Where is the US embassy located?", "Where did the
meeting take place?"."""
BEING = {"is": "is", "are": "are", "was": "was", "were": "were", "did": "was", "had": "was"}
"""How a refusal says where the thing is, after the question's verb ("did" → "was")."""


@dataclass(frozen=True)
class Placed:
    """The thing whose place a question asks, by the last word of its name, and its tense."""

    word: str
    being: str

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell: "where the embassy is"."""
        return f"where the {self.word} {self.being}"


def placed_thing(question: str) -> Placed | None:
    """The thing a "where?" question asks the place of, when it is no name: the last word of
    the words after "where" and its verb, up to a small word ("the US *embassy* in Syria"), and
    for a verb that is not "to be", before the verb they end on ("the ISIS *cell* hide")."""
    match = THING_ASKED.match(question.strip())
    if match is None:
        return None
    run: list[str] = []
    for token in TOKEN.findall(match.group("rest")):
        lower = token.lower()
        if lower in STOPWORD_SET or lower in CLOSED_CLASS or lower in HEDGES:
            break  # "where was the shrine tho": chat's hedge ends it too
        run.append(POSSESSIVE.sub("", token))
    verb = match.group("verb").lower()
    if verb not in ("is", "are", "was", "were") or (run and run[-1].lower().endswith("ed")):
        run = run[:-1]  # the verb the question ends on ("hide", "based", "located")
    if not run or not run[-1].isalpha() or not run[-1].islower():
        return None
    return Placed(run[-1], BEING.get(verb, "is"))
