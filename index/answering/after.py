"""Whether the story says what came after something, when a question asks it.

"What did the US do after the plot was foiled?", "What happened to the ISIS cell afterwards?"
and "What has happened since the report?" ask what followed one of the story's events; a story
that ends with the event (the plot thwarted "earlier this month") mentions it without answering.
A sentence tells what came after in words of later times (`TELLS`: "following the collapse of
…", "in the wake of Assad's fall", "since", "later", "then"), and answers such a question when
it also speaks of one of the question's own words: "What happened after Assad's fall?" is
answered by "who has assumed control in the wake of Assad's fall".
"""

from __future__ import annotations

import re

ASKS = re.compile(
    r"^\W*what\s+(?:(?:has|had|have)\s+)?(?:happened|happens|did\s+.+?\s+do|do(?:es)?\s+.+?\s+do"
    r"|ha(?:s|ve)\s+.+?\s+done|changed)\b.*\b(?:after|afterwards|since|following|next)\b",
    re.I | re.S,
)
"""What happened, what someone did or what changed after, since or following something ("What
did the US do after the plot was foiled?"). Other questions with "after" ask what the passage
tells of a time it names ("What policy did Stalin implement shortly after Lenin's death?")."""
TELLS = re.compile(
    r"\b(?:after|afterwards|following|since|later|then|subsequently|wake|aftermath|next|until"
    r"|once|when|thereafter|eventually|soon)\b",
    re.I,
)
"""Words by which a sentence tells of what came after something."""
ASKING = re.compile(
    r"after|afterwards|since|following|next|happen|happened|happens|changed|do|did|does|done",
    re.I,
)
"""The question's words that ask what came after, and none of what."""


def asks_after(question: str) -> bool:
    """Whether a question asks what came after one of the story's events."""
    return ASKS.search(question) is not None


def tells_after(sentence: str) -> bool:
    """Whether a sentence tells of what came after something."""
    return TELLS.search(sentence) is not None


def asking(word: str) -> bool:
    """Whether a question's word is one of those that ask what came after ("afterwards")."""
    return ASKING.fullmatch(word) is not None
