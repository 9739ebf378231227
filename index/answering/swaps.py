"""What SQuAD 2.0's unanswerable questions change in an answerable one, read against the
passages a question ranks first: a number or an ordinal swapped for another, a negation added, a
claim made to hold always or never, a word turned into its opposite. A passage that looks as if
it answered such a question does not bear it out; the question is then refused
(`answerability.Judgement`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.answering.concepts import WORD, Concept, denies, polar
from index.answering.opposites import turned
from index.answering.vocabulary import share_held
from index.passages import Chunk

NUMERAL = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
"""A number written in digits ("1850", "1,600", "3.5"), not an ordinal ("5th" may be written
"fifth") nor part of a word ("1850s", "G7")."""
SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {str(n): w for n, w in enumerate(SMALL_NUMBERS.split())} | {
    str(n): w for n, w in zip(range(30, 100, 10), TENS.split(), strict=True)
}
"""Numbers a story may write in words ("five years" for a question's "5 years")."""


def unheld_numbers(question: str, passages: list[Chunk]) -> tuple[str, ...]:
    """The numbers the question gives in digits that none of the passages holds, in digits
    (commas aside: "1600" is held by "1,600 homes") or in words ("5" by "five years")."""
    texts = [p.text.replace(",", "") for p in passages]

    def held(number: str) -> bool:
        digits = re.compile(rf"(?<![\d.]){re.escape(number.replace(',', ''))}(?![\d]|[.,]\d)")
        word = NUMBER_WORDS.get(number)
        spelt = re.compile(rf"\b{word}\b", re.I) if word else None
        return any(digits.search(t) or (spelt and spelt.search(t)) for t in texts)

    return tuple(n for n in dict.fromkeys(NUMERAL.findall(question)) if not held(n))


ORDINAL_WORDS = (
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
ORDINALS = tuple(ORDINAL_WORDS.split())
"""Ordinals past "first", which is too common to swap ("the first to…")."""
ORDINAL = re.compile(rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))\b", re.I)


def unheld_ordinals(question: str, passages: list[Chunk]) -> tuple[str, ...]:
    """The ordinals past "first" the question gives ("Newton's Third Law", "the 5th
    president") that none of the passages holds, in words or digits."""

    def forms(ordinal: str) -> set[str]:
        lower = ordinal.lower()
        if lower in ORDINALS:
            n = ORDINALS.index(lower) + 2
            return {lower, f"{n}{'nd' if n == 2 else 'rd' if n == 3 else 'th'}"}
        n = int(re.sub(r"\D", "", lower))
        return {lower} | ({ORDINALS[n - 2]} if 2 <= n <= len(ORDINALS) + 1 else set())

    texts = [{m.lower() for m in ORDINAL.findall(p.text)} for p in passages]
    return tuple(
        o for o in dict.fromkeys(ORDINAL.findall(question)) if not any(forms(o) & t for t in texts)
    )


UNIVERSAL = re.compile(r"\b(?:always|never)\b", re.I)
"""Words that make a claim hold at every time: SQuAD's unanswerable questions add them to an
answerable one ("Which manufacturer never had supply issues …?", "What channels were always
available?"), and only a passage that says them too bears the claim out."""


def unheld_universals(question: str, passages: list[Chunk]) -> tuple[str, ...]:
    """The words of the question that claim something always or never happens (`UNIVERSAL`)
    that none of the passages says."""
    said = {w.lower() for p in passages for w in UNIVERSAL.findall(p.text)}
    asked = dict.fromkeys(w.lower() for w in UNIVERSAL.findall(question))
    return tuple(w for w in asked if w not in said)


def whole_numbers(question: str, missing: tuple[str, ...]) -> tuple[str, ...]:
    """`missing` with the pieces of a number the question writes with a comma or a point
    ("000" of "3,000": words split there) put back together as the question wrote it."""
    for number in NUMERAL.findall(question):
        pieces = re.split(r"[.,]", number)
        if len(pieces) > 1 and any(p in missing for p in pieces):
            at = min(missing.index(p) for p in pieces if p in missing)
            rest = [m for m in missing if m not in pieces]
            missing = (*rest[:at], number, *rest[at:])
    return missing


CONTRASTED = re.compile(
    r"\b(?:(?:do|does|did|is|are|was|were|has|have|had|ca|can|could|wo|would|should)n['’]?t"
    r"|(?:do|does|did|can|could|will|would)\s+not|cannot)\W*$",
    re.I,
)
"""A negation that ends the question, its verb left out: "What right do private schools have
that public schools don't?" sets one thing against another, and is answered where the first
is said, with or without a denial."""


def contrasted(question: str) -> bool:
    """Whether the question's negation only sets something against another (`CONTRASTED`)."""
    return CONTRASTED.search(question) is not None


FIT_SHARE = 0.5
"""The part of the most that a sentence's share of the question's concepts must reach to be
read as where the best passage answers it (`denied_where_asked`): at 0.5 "What is the
intelligence sharing not meant to be?" finds ¶4's "rather than an endorsement" (0.35 of the
question, against 0.69 for its first sentence); within 0.1 of the most, on the quality
benchmark's tuning half, 3 more SQuAD unanswerable questions were refused and no other."""


def denied_where_asked(
    best: Chunk, asked: tuple[Concept, ...], stem: Callable[[list[str]], list[str]]
) -> bool:
    """Whether the sentences of the best passage that hold most of the question's concepts (at
    least `FIT_SHARE` of the most) say that something is not so. A negated question ("Which
    company was not concerned about retaining new rights?") is answered where its words are:
    a denial elsewhere in the passage ("it did not launch until …") does not bear it out."""
    shares = [
        share_held(asked, set(stem([w.lower() for w in WORD.findall(s)])))
        for s in best.sentence_texts
    ]
    if not shares:
        return False
    most = max(shares)
    return any(
        denies(s)
        for s, share in zip(best.sentence_texts, shares, strict=True)
        if share >= FIT_SHARE * most
    )


def unsupported(
    question: str, first: list[Chunk], negative: bool
) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """What in the question the passages ranked `first` do not bear out, as SQuAD's
    unanswerable questions are made: its numbers and ordinals they do not hold; whether it is
    `negative` (`concepts.negated`) and none of them denies anything; its words whose opposite
    alone the best one says. A question asked yes or no is answered by another number or the
    opposite too (with a no)."""
    undenied = negative and not any(denies(c.text) for c in first)
    if polar(question):
        return (), undenied, ()
    texts = [c.text for c in first]
    unheld = (
        unheld_numbers(question, first)
        + unheld_ordinals(question, first)
        + unheld_universals(question, first)
    )
    return unheld, undenied, turned(question, texts[0], texts)
