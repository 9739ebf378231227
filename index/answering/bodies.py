"""Whether the story names the body someone named leads or belongs to, when a question asks it.

"What group does Ahmed al-Sharaa lead?" and "What political party does al-Sharaa belong to?" ask
for the name of a group, party or movement (`BODIES`) by what a named someone does with it. A
story that calls him "the new Syrian leader, Ahmed al-Sharaa" mentions him, and "leader" holds
"lead", but names no group: its sentences naming him name only people (Assad, Trump) and places
(the Middle East). Such a question is answered by a name standing in a sentence that names them
and that is no person's, no place's and not one the question says already ("al-Sharaa, the
leader of Hayat Tahrir al-Sham, …"). Asked with a thing as its subject ("Which terror group
plotted the attack?"), a question is left to the other signals: the story's "an ISIS plot"
answers it without naming the group beside the shrine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.answering.concepts import HYPHENATED, POSSESSIVE, PRONOUNS, STOPWORD_SET, TIME, word_set

BODIES = word_set(
    "group organisation organization faction movement militia party outfit network coalition"
    " alliance"
)
"""Bodies a question may ask which one of, whose names need not say what they are ("ISIS",
"Hayat Tahrir al-Sham")."""
BODY = r"(?i:" + "|".join(sorted(BODIES)) + r")"
ASKED = re.compile(
    r"\b(?i:what|which|the)\s+(?:[^\W\d_][\w’'-]*\s+){0,2}?"
    rf"(?P<body>{BODY})s?\s+(?:(?i:or|and)\s+{BODY}s?\s+)?"
    r"(?:(?P<aux>(?i:does|did|do|is|was|has|had))\s+|(?i:that|which)\s+)"
    r"(?P<who>(?:[a-z]{1,3}[-\s])?[A-Z][\w’'-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w’'-]*){0,3})"
    r"(?:\s+(?P<verb>[a-z]+)(?:\s+(?P<particle>to|for|with|of|in)\b)?)?",
    re.S,
)
""""What group does Ahmed al-Sharaa lead", "Which party did Assad belong to", "Which group or
movement did …", "the insurgent organisation that Ahmed al-Sharaa led": a body asked, a name as
the subject of a verb, and what they do with it."""
PAST = {"lead": "led", "run": "ran", "build": "built", "set": "set", "begin": "began"}
"""Past forms of verbs a question may ask what someone did with a body with, not made by "-ed"."""
AUXILIARIES = word_set("is was has had")
TOKEN = HYPHENATED


@dataclass(frozen=True)
class Asked:
    """The body a question asks the name of, and whose it is: their name and its last word."""

    body: str
    name: str
    word: str
    doing: str
    """What the question says they do with it, as a refusal tells it ("leads", "belonged to")."""

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell: "which group Ahmed al-Sharaa leads"."""
        return f"which {self.body} {self.name} {self.doing}".rstrip()


def asks_body(
    question: str,
    place: Callable[[str], bool],
    written: Callable[[str], str | None] = lambda word: None,
) -> Asked | None:
    """The body the question asks the name of, when a named someone leads it, belongs to it or
    does something else with it (`place` tells a place's name, which leads nothing; `written`
    gives a word typed in lower case as the corpus writes it: "what group does sharaa lead")."""
    if not any(word in BODIES for word in _words(question)):
        return None  # most questions: no need to read their words as the corpus writes them
    question = TOKEN.sub(lambda m: written(m.group()) or m.group(), question.strip())
    match = ASKED.search(question)
    if match is None:
        return None
    name = match.group("who")
    if name.lower() in PRONOUNS | STOPWORD_SET:
        return None  # "what group does he lead": whom "he" is, a conversation tells
    if any(place(_key(part)) for part in name.split()):
        return None  # "Which party does Syria …" asks of a country, as other signals read
    doing = _doing((match["aux"] or "").lower(), match["verb"], match["particle"])
    return Asked(match.group("body").lower(), name, _last(name), doing)


def _doing(aux: str, verb: str | None, particle: str | None) -> str:
    """The question's verb as a refusal tells it: "does … lead" → "leads", "did … lead" →
    "led", "is … part of" → "is part of"; with no auxiliary, as it stands ("that … led")."""
    if verb is None:
        return ""
    if aux in AUXILIARIES:
        said = f"{aux} {verb}"
    elif aux == "did":
        said = PAST.get(verb) or (f"{verb}d" if verb.endswith("e") else f"{verb}ed")
    elif aux == "does":
        said = f"{verb}es" if verb.endswith(("s", "sh", "ch", "x", "o")) else f"{verb}s"
    else:
        said = verb
    return f"{said} {particle}" if particle else said


def named_body(
    asked: Asked,
    sentences: list[str],
    article: Iterable[str],
    names: Callable[[str], Iterable[tuple[str, bool]]],
    place: Callable[[str], bool],
    question: str,
) -> bool | None:
    """Whether a sentence naming them names a body: a name (`names`: each with whether it is a
    person's) that is no person's, nor the last word of one the article's sentences give as a
    person's ("Assad" of "former President Bashar al-Assad"), no place's, no time's ("December")
    and none the question says. None when no sentence names them."""
    people = {_last(name) for s in article for name, person in names(s) if person}
    said = {_key(t) for t in TOKEN.findall(question)}
    mentioned = False
    for sentence in sentences:
        if asked.word not in {_key(t) for t in TOKEN.findall(sentence)}:
            continue
        mentioned = True
        for name, person in names(sentence):
            last = _last(name)
            if (
                person
                or last in people
                or last in said
                or _placed(name, place)
                or TIME.search(name)
            ):
                continue
            return True
    return False if mentioned else None


def _placed(name: str, place: Callable[[str], bool]) -> bool:
    """Whether a name is a place's: its last word one ("the Middle East"), or each part of it
    ("US-Syria")."""
    parts = [p for p in re.split(r"[\s-]+", name.lower()) if p]
    return bool(parts) and (place(parts[-1]) or all(place(p) for p in parts))


def _last(name: str) -> str:
    """A name's last word as a key: lower case, without an owner's "'s" or an "al-" before it
    ("al-Assad" and "Assad's" are both "assad")."""
    return _key(name.split()[-1])


def _key(token: str) -> str:
    return re.sub(r"^[a-z]{1,3}-", "", POSSESSIVE.sub("", token).lower())


def _words(text: str) -> list[str]:
    return [w.lower().removesuffix("s") for w in TOKEN.findall(text)]
