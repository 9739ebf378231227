"""Whether the story says what will happen, when a question asks whether something will.

"Will the US lift sanctions on Syria?" asks about what is to come; a story that tells only what
has happened ("the intelligence exchange signifies a shift") does not answer it, however close
its passages come. A passage looks ahead in a sentence that says what will, may, could or is
planned to happen ("counterterrorism cooperation may be one of the few areas …", "Syria seeks to
engage in dialogue", "the farm will power 2,000 homes", "next winter"), and such a sentence
answers the question when it speaks of what the question asks beyond its names: of "lifting" or
"sanctions" for the question above, of "cooperation" for "Will the cooperation continue?".
Only questions asked yes or no count: "What will happen next?" is left to the other signals.
"""

from __future__ import annotations

import re

from index.answering.concepts import times_ahead

ASKS_AHEAD = re.compile(
    r"^\W*(?:will|won[’']?t|shall)\s+[\w’'-]+"
    r"|^\W*(?:is|are|was|were)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:going|planning|expected|set|due|likely|about)\s+to\b"
    r"|^\W*(?:does|do|did)\s+(?:[\w’'-]+\s+){1,6}?(?:plan|intend|expect)\s+to\b",
    re.I,
)
"""A question asking yes or no whether something is to happen: "Will the US lift sanctions?",
"Is the US planning to send troops?", "Does Syria plan to hold elections?"."""
LOOKS_AHEAD = re.compile(
    r"\b(?:will|won[’']?t|shall|would|could|may|might|can|going\s+to|plans?|planned|planning|"
    r"intends?|intended|intending|expects?|expected|expecting|aims?|aimed|aiming|seeks?|seeking|"
    r"sought|hopes?|hoped|hoping|set\s+to|future|next|upcoming|soon|later|prospects?|"
    r"potential|potentially|likely|eventually|yet\s+to|remains?\s+to)\b|['’]ll\b",
    re.I,
)
"""Words by which a sentence says what is to come, or may."""


def asks_ahead(question: str) -> bool:
    """Whether a question asks yes or no whether something will happen."""
    return ASKS_AHEAD.search(question) is not None


def looks_ahead(sentence: str) -> bool:
    """Whether a sentence says what will or may happen, or gives a time to come."""
    return LOOKS_AHEAD.search(sentence) is not None or times_ahead(sentence)
