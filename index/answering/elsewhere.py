"""Names told elsewhere: a question naming someone or something its story mentions, but not
where the passage that would answer it is.

SQuAD 2.0's unanswerable questions often swap one of a paragraph's names for another name of the
same article ("When was Berlin's first stock exchange established?" of an article on Warsaw, whose
stock exchange paragraph never names Berlin), and a question whose paragraph is gone is answered
from one that never names what it asks about. Either way the passage ranked first tells of
something else. A name counts as said where its paragraph, the paragraph before it (which may
have introduced it: "The operation …" continues a paragraph on an ISIS plot) or its article's
headline says it, as the corpus would (another spelling, initials, another name of the place),
or where a capital stands for its country ("Damascus" for the Syrian government, as news writes).
"""

from __future__ import annotations

import re

from index.answering.concepts import Concept
from index.answering.vocabulary import (
    Vocabulary,
    alias_stems,
    aliases,
    capitals,
    fold,
    stemmer,
)

PEOPLE_ENDINGS = ("ish", "ese", "an", "ans", "ic", "ch", "i", "is")
"""How a people's or a language's name ends ("British", "Polish", "Japanese", "Syrian",
"French", "Iraqi"; "-an" holds "-ian"): such a word describes ("British children", "the Saxon
Garden in Polish") more often than it names what a passage must tell of."""
PEOPLE_SUFFIXES = ("ian", "ese", "an", "i", "er", "ite")
"""What a place's name takes to name its people ("Iran" → "Iranian", "Japan" → "Japanese"): a
name whose other name adds one is the place ("Iran", "Paris"), not its people's ("Syrian")."""
PREFIXED = r"\b[a-z]+-{}\b"
"""A name inside a prefixed word ("post-Assad", "counter-ISIS"), which dates or places what is
asked rather than asking about the name."""


def told_elsewhere(
    question: str, asked: tuple[Concept, ...], corpus: Vocabulary, around: Vocabulary
) -> tuple[str, ...]:
    """The question's names that the corpus mentions and `around` (the best passage's paragraph,
    the one before it and its headline) does not: only names the corpus always capitalises (not
    "Mark", also a common word), and no people's name nor a prefixed one."""
    return tuple(
        c.word
        for c in asked
        if c.named
        and not c.word[0].isdigit()
        and not around.mentions(c)
        and corpus.mentions(c)
        and corpus.only_capitalised(fold(c.word).lower()) is not None
        and not _capital_of(c.word, around)
        and not _describes(c.word, question)
    )


def _capital_of(word: str, around: Vocabulary) -> bool:
    """Whether the word is a capital whose country `around` says ("Damascus": "Syria" or
    "Syrian")."""
    countries = [c.lower() for c in capitals().get(word.lower(), ())]
    said = set(stemmer().stemWords(countries)).union(*map(alias_stems, countries))
    return not around.stems.isdisjoint(said)


def _describes(word: str, question: str) -> bool:
    """Whether the word is a people's or language's name, or the question prefixes it."""
    lower = fold(word).lower()
    others = [a.lower() for a in aliases(lower)]
    place = any(o.startswith(lower) and o[len(lower) :] in PEOPLE_SUFFIXES for o in others)
    if lower.endswith(PEOPLE_ENDINGS) and others and not place:
        return True
    return re.search(PREFIXED.format(re.escape(word)), question) is not None
