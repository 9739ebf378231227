"""Whether the story says what came before, when a question asks about it.

"What group did al-Sharaa lead before taking power?", "Is al-Sharaa a former jihadist?" and "Has
the shrine been attacked before?" ask about a time before the story's events or someone's past;
a story that tells only its own events (the plot thwarted "earlier this month", al-Sharaa's
congratulations) mentions the people without answering. A sentence tells of what came before in
words of earlier times or of how often a thing has been (`TELLS`: "former President …", "a rare
instance of collaboration", "in 1982", "for years", "first"), and answers such a question when
it also speaks of one of the question's own words. "Earlier" is left out of those words: "earlier
this month" dates the story's own events.
"""

from __future__ import annotations

import re

ASKS = re.compile(
    r"\b(?:before|previous|previously|prior|ever|former|formerly|in\s+the\s+past|history|"
    r"(?:years|days|times)\s+(?:gone\s+by|past)|"
    r"historically|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)"
    r"(?<!\bare\s)used\s+to)\b",
    re.I,
)
"""Words by which a question asks about what came before ("before taking power", "ever", "who
used to be president?", "in years gone by"). Not "used to" after a form of "be", which is the
verb "use" ("the intelligence was used to stop the plot"). Not "background", which asks as
often for the setting of what happened ("the background to this cooperation": "the context of
a shifting political landscape")."""
PLACING_EARLIER = frozenset({"prior", "previous", "previously", "former", "formerly"})
"""Words that place something before the story's events ("prior to these developments", "the
former leader"), which no story need write to answer: whether it tells what came before is
for `tells_before` to say, not for the word to be missing."""
TELLS = re.compile(
    r"\b(?:former|formerly|previous|previously|before|prior|once|used\s+to|past|history|historic|"
    r"historically|ago|rare|rarely|never|again|first|initially|originally|long|decades?|years?|"
    r"centur(?:y|ies)|\d{4}s?|since|until|then|early|late)\b",
    re.I,
)
"""Words by which a sentence tells of earlier times, or of how often something has been."""


def asks_before(question: str) -> bool:
    """Whether a question asks about what came before the story's events, or someone's past."""
    return ASKS.search(question) is not None


def tells_before(sentence: str) -> bool:
    """Whether a sentence tells of earlier times, or of how often something has been."""
    return TELLS.search(sentence) is not None


def asking(word: str) -> bool:
    """Whether a question's word is one of those that ask about the past ("previous")."""
    return ASKS.fullmatch(word) is not None
