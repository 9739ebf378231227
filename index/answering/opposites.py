"""A question with a word turned into its opposite: "What was *higher* during the LGM than the
present?" of a paragraph that says only "lower". SQuAD 2.0's unanswerable questions are often
made so, and the passage then looks as if it answered them. The opposites are WordNet's direct
antonyms of adjectives and adverbs (index/data/antonyms.txt.gz, written by
benchmarks/antonyms.py), read with their comparative and superlative ("higher", "smallest",
"earliest").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from index.answering.concepts import CLOSED_CLASS, packaged

WORD = re.compile(r"[a-z]+")
ASKING_QUANTITY = re.compile(r"\bhow (?:many|much)\b")
""""How many" and "how much" ask for a number; "many" and "much" there are no opposites of
"few" and "little"."""
DEGREES = ("est", "er")
DERIVED = ("ern", "erly", "ward", "wards", "ly", "ness")
"""Endings that make another word of the same sense: a passage saying "eastern" says "east"
("Where did water to the east … flow?" of "Water on the eastern side flowed toward the
Atlantic, while to the west …" is no turned question)."""
QUANTITIES = frozenset(["more", "most", "few", "fewer", "fewest", "many", "much"])
UNTURNED = CLOSED_CLASS - QUANTITIES
"""Prepositions and the like ("inside", "before", "over") are never read as turned: a question
asks about one side of what a passage tells of both ("The inside of a ctenophore is lined with
what?" of a paragraph on its outer and inner layers). Quantities are ("more" for "less")."""


def turned(question: str, best: str, first: Sequence[str]) -> tuple[str, ...]:
    """The question's words whose opposite the best passage says while none of the `first`
    passages says the word itself, in any degree ("higher" of a passage saying "lower")."""
    asked = _asked(question)
    if not asked:
        return ()
    in_question = set().union(*asked.values())
    words = set(WORD.findall(" ".join(first).lower()))
    said = {form for w in words for form in bases(w)}
    in_best = _bases_in(best)
    return tuple(
        word
        for word, forms in asked.items()
        if not forms & said
        and not _derived(word) & words
        and _opposed(forms, in_question) & in_best
    )


def said_instead(word: str, question: str, best: str) -> str | None:
    """The word of the best passage that says the opposite of the question's turned `word`
    ("lower" for "higher"), as the passage writes it, lowercased: what a refusal names."""
    opposite = _opposed(bases(word), set().union(*_asked(question).values()))
    return next((w for w in WORD.findall(best.lower()) if bases(w) & opposite), None)


def _asked(question: str) -> dict[str, frozenset[str]]:
    """The question's words that may be turned, each with its forms that have an opposite."""
    return {
        w: forms
        for w in WORD.findall(ASKING_QUANTITY.sub(" ", question.lower()))
        if w not in UNTURNED and (forms := bases(w))
    }


def _opposed(forms: frozenset[str], in_question: set[str]) -> set[str]:
    """The opposites of a word's forms that the question does not itself ask."""
    return set().union(*(_opposites().get(form, frozenset()) for form in forms)) - in_question


def _derived(word: str) -> set[str]:
    """The word with a `DERIVED` ending, and without one."""
    found = {word + ending for ending in DERIVED}
    found |= {word[: -len(e)] for e in DERIVED if word.endswith(e) and len(word) > len(e) + 2}
    return found


def bases(word: str) -> frozenset[str]:
    """The word's forms that have an opposite: itself, or what its comparative or superlative
    ending comes from ("higher" → "high", "larger" → "large", "biggest" → "big",
    "earliest" → "early")."""
    found = {word}
    for ending in DEGREES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            found |= {stem, f"{stem}e"}
            if stem[-1] == stem[-2]:
                found.add(stem[:-1])
            if stem.endswith("i"):
                found.add(f"{stem[:-1]}y")
    return frozenset(f for f in found if f in _opposites())


def opposite_words(word: str) -> frozenset[str]:
    """The lowercased word's opposites, in the degree the table holds them ("expected" →
    "unexpected", "higher" → "low"), and a verb's those of its participle ("did anyone
    *expect* it?" → "unexpected")."""
    table = _opposites()
    forms = bases(word) | {f for f in (f"{word}ed", f"{word}d") if f in table}
    return frozenset().union(*(table[form] for form in forms))


def _bases_in(text: str) -> set[str]:
    return {form for w in set(WORD.findall(text.lower())) for form in bases(w)}


@cache
def _opposites() -> dict[str, frozenset[str]]:
    """word → its opposites, from the table benchmarks/antonyms.py writes."""
    table = {}
    for line in packaged("antonyms.txt.gz").splitlines():
        word, *opposite = line.split()
        table[word] = frozenset(opposite)
    return table
