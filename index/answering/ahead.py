"""Whether the story says what will happen, when a question asks whether something will.

"Will the US lift sanctions on Syria?" asks about what is to come; a story that tells only what
has happened ("the intelligence exchange signifies a shift") does not answer it, however close
its passages come. A passage looks ahead in a sentence that says what will, may, could or is
planned to happen ("counterterrorism cooperation may be one of the few areas …", "Syria seeks to
engage in dialogue", "the farm will power 2,000 homes", "next winter"), and such a sentence
answers the question when it speaks of what the question asks beyond its names: of "lifting" or
"sanctions" for the question above, of "cooperation" for "Will the cooperation continue?".
Questions asked yes or no count, and those asking who, where or which will: "What will happen
next?" is left to the other signals.

"What would happen if the US stopped sharing intelligence?" asks what would follow from what has
not happened; only a passage that speaks of such things ("if", "unless", "would", "otherwise",
"when") can answer it, and a story that says none of them in its passages ranked first does not.
"""

from __future__ import annotations

import re

from index.answering.concepts import times_ahead

ASKS_AHEAD = re.compile(
    r"^\W*(?:will|won[’']?t|shall)\s+[\w’'-]+"
    r"|^\W*(?:is|are|was|were)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:going|planning|expected|set|due|likely|about)\s+to\b"
    r"|^\W*(?:does|do|did)\s+(?:[\w’'-]+\s+){1,6}?(?:plan|intend|expect)\s+to\b"
    r"|^\W*(?:who|where|which\s+[\w’'-]+)\s+will\b",
    re.I,
)
"""A question asking yes or no whether something is to happen: "Will the US lift sanctions?",
"Is the US planning to send troops?", "Does Syria plan to hold elections?"; and who, where or
which will do it ("Who will replace al-Sharaa?"). "What will …" and "how will …" are left out:
"What will a society with more equality have?" asks of what is so, in the present tense."""
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


SUPPOSED = re.compile(r"\bwhat\s+if\b|\b(?:suppose|supposing|imagine)\b", re.I)
"""A question about what would follow from something supposed: "What if the cooperation ends?"."""
IF = re.compile(r"\bif\b", re.I)
MODAL = re.compile(r"\b(?:would|might|could|will)\b", re.I)
"""The same asked with a condition and a modal: "What would happen if the US stopped sharing
intelligence?", "If the attack had not been stopped, how bad would it have been?"."""
WHETHER = re.compile(
    r"\b(?:decid\w*|know\w*|ask\w*|see|check\w*|tell|wonder\w*|sure|determin\w*|clear)\s+if\b",
    re.I,
)
""""If" for "whether" ("decide if", "know if"), which supposes nothing."""
CONDITIONAL = re.compile(
    r"\b(?:if|unless|otherwise|would|wouldn['’]t|when|whenever|in\s+case|in\s+the\s+event|"
    r"provided|as\s+long\s+as)\b|['’]d\b",
    re.I,
)
"""Words by which a sentence says what would follow from something, or when it does."""


def supposes(question: str) -> bool:
    """Whether a question asks what would follow from something supposed."""
    question = WHETHER.sub(" ", question)
    if SUPPOSED.search(question) is not None:
        return True
    return IF.search(question) is not None and MODAL.search(question) is not None


def conditional(sentence: str) -> bool:
    """Whether a sentence says what would follow from something, or when it does."""
    return CONDITIONAL.search(sentence) is not None
