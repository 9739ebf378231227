"""What a refusal names as missing: the question's own words for it, as a phrase.

The answerability decision finds the single words the story never mentions ("toll", "GDP",
"Secretary"); a refusal reads better and says more precisely what is missing when it quotes
the phrase of the question they stand in: "death toll", "Syria's GDP", "US Secretary of State",
"population of Damascus". Without a parser, a phrase is grown only where English leaves no
doubt that the words belong together: missing words side by side after a determiner, an owner's
possessive before one ("Syria's"), a title's other capitalised words, and "of" before a name or
another missing word. A name after an auxiliary is the subject of the verb that follows, not one
thing with it ("Did Russia react" names “Russia” and “react”). Anything less sure stays a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.answering.concepts import (
    AUXILIARIES,
    POSSESSIVE,
    STOPWORD_SET,
    place,
    word_set,
)

TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*['’]?", re.UNICODE)
LINK = "of"
"""The word that joins a thing to what it belongs to ("population of Damascus")."""
DETERMINERS = word_set(
    "the a an its their his her our your my this that these those any some no every each whose"
    " what which many much"
)
"""Words that open a noun phrase: two missing words after one are one thing ("the death
toll"); after a verb or a preposition they may be a subject and its verb ("does oxygen
dissolve") or two things ("to customers prior to October")."""


@dataclass(frozen=True)
class Token:
    """One word of the question, where it stands, and whether the story lacks it."""

    text: str
    start: int
    end: int
    missing: bool
    first: bool
    """The question's first word, capitalised whatever it is."""
    spaced: bool
    """Only spaces stand between it and the word before (no comma, quote or bracket)."""

    @property
    def capitalised(self) -> bool:
        """Written with a capital where a common word would not be: a name or a title."""
        return not self.first and any(part[:1].isupper() for part in self.text.split("-"))

    @property
    def possessive(self) -> bool:
        """An owner's name with its "'s" ("Syria's", "Assad’s")."""
        return bool(POSSESSIVE.search(self.text))


def worded(question: str, missing: tuple[str, ...]) -> tuple[str, ...]:
    """The missing words, each as the phrase of the question it belongs to; a phrase holding
    several of them is named once, and a word the question does not spell so (a number put
    back together) is named as it is."""
    tokens = _tokens(question, missing)
    named: list[str] = []
    end = -1
    for at, token in enumerate(tokens):
        if not token.missing or at <= end:
            continue
        start, end = _grown(tokens, at)
        named.append(_base(_placed(question[tokens[start].start : tokens[end].end])))
    found = {_base(t.text).casefold() for t in tokens if t.missing}
    unspelt = [w for w in missing if w.casefold() not in found and not _within(w, tokens)]
    return tuple(dict.fromkeys([*named, *unspelt]))


def _placed(phrase: str) -> str:
    """The phrase with each place typed in lower case written as a name ("capital of france" →
    "capital of France", "turkey" → "Turkey", "uk" → "UK"), as chat leaves them."""
    return TOKEN.sub(_place_cased, phrase)


def _place_cased(token: re.Match[str]) -> str:
    word = _base(token.group())
    owns = token.group()[len(word) :]  # "'s"
    if not word.islower() or not place(word, owning=bool(owns)):
        return token.group()
    return (word.upper() if len(word) <= ACRONYM else word.capitalize()) + owns


ACRONYM = 3
"""A place typed in lower case this short is written in capitals ("uk", "usa", "uae")."""


def _tokens(question: str, missing: tuple[str, ...]) -> list[Token]:
    lacked = {w.casefold() for w in missing}
    tokens: list[Token] = []
    for match in TOKEN.finditer(question):
        text = match.group()
        parts = {_base(text).casefold(), *(p.casefold() for p in _base(text).split("-"))}
        spaced = bool(tokens) and question[tokens[-1].end : match.start()].isspace()
        tokens.append(
            Token(text, match.start(), match.end(), bool(parts & lacked), not tokens, spaced)
        )
    return tokens


def _grown(tokens: list[Token], at: int) -> tuple[int, int]:
    """The first and last token of the phrase around the missing word at `at`."""
    start = end = at
    while start > 0 and _together(tokens, start - 1):
        start -= 1
    while end + 1 < len(tokens):
        if _together(tokens, end):
            end += 1
        elif (after := _owned_by(tokens, end)) is not None:
            end = after
        else:
            break
    return start, end


def _together(tokens: list[Token], at: int) -> bool:
    """Whether the word at `at` and the one after it are one thing: an owner and the missing
    thing it owns ("Syria's GDP"), words of one name or title ("US Secretary"), or two missing
    words of a phrase a determiner opens ("the death toll", "the CIA budget"), but not a name
    and the verb it is the subject of ("Did Russia react"), nor a word and a name after it
    ("the audience BSkyB said")."""
    word, following = tokens[at], tokens[at + 1]
    if not following.spaced:
        return False
    if word.possessive and not word.first:
        return following.missing  # "Syria's GDP"; a missing owner is named alone ("Fermat")
    if word.capitalised and following.capitalised:
        return True
    if not (word.missing and following.missing) or following.capitalised > word.capitalised:
        return False
    if word.capitalised and at > 0 and tokens[at - 1].text.lower() in AUXILIARIES:
        return False
    opener = at - 1
    while opener >= 0 and tokens[opener].missing:
        opener -= 1
    return opener >= 0 and tokens[opener].text.lower() in DETERMINERS


def _owned_by(tokens: list[Token], at: int) -> int | None:
    """Where a phrase ends that "of" joins to the word at `at` ("population of Damascus",
    "symptoms of the flu", "Secretary of State"): at a missing word, or at a name that ends its
    phrase (not "budget of the CIA operation", whose head comes after the name)."""
    link = at + 1
    if tokens[link].text.lower() != LINK:
        return None
    after = link + 1
    if after < len(tokens) and tokens[after].text.lower() == "the":
        after += 1
    if after >= len(tokens) or not all(t.spaced for t in tokens[link : after + 1]):
        return None
    if tokens[after].missing and not tokens[after].capitalised:
        return after
    if not tokens[after].capitalised:
        return None
    end = after
    while end + 1 < len(tokens) and tokens[end + 1].capitalised and tokens[end + 1].spaced:
        end += 1
    ends = end + 1 == len(tokens) or tokens[end + 1].text.lower() in STOPWORD_SET
    return end if ends else None


def _base(text: str) -> str:
    return POSSESSIVE.sub("", text)


def _within(word: str, tokens: list[Token]) -> bool:
    """Whether the word is part of a token named already (a piece of "al-Sharaa")."""
    return any(t.missing and word.casefold() in t.text.casefold() for t in tokens)
