"""The thing a question asks for: "What was the death toll of the plot?" asks for a toll, "What is
Syria's GDP?" for a GDP, "How many fighters were arrested?" for fighters. "Which newspaper
revealed it?" names the answer's type instead, which a passage need not say ("The Washington
Post revealed"), so "which" and "what" count only before "is the … of" or a possessive.

A passage that lacks the asked-for thing rarely answers, even when it holds every other concept
of the question: a story about a foiled plot that never gives a toll holds "plot" and "foiled"
but not "toll". Other words of a question may be paraphrased away ("spies" for "intelligence");
the thing asked for seldom is, so its absence weighs apart.
"""

from __future__ import annotations

import re

from index.answering.concepts import POSSESSIVE, Concept, written_out

ASKING = re.compile(r"\b(?:what|which|how many|how much)\b", re.I)
LINKING = re.compile(
    r"(is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|might|may|must|be|"
    r"been|to|in|on|for|from|with|by|at|about|that|as|into)$"
)
"""Words that end the phrase after a question word: "how many fighters | were arrested"."""
OPENING = re.compile(
    r"^\s*(?:is|was|are|were)\s+(?:(?:the|a|an)\s+(.+?)\s+of\b|[\w-]+['’]s\s+(.+))", re.I
)
"""After "what": "is the death toll of …" and "is Syria's GDP" name the thing asked for."""
LONGEST = 3
"""Words kept after the question word: past three, the phrase has run into its verb."""
VAGUE = frozenset(
    ["kind", "type", "sort", "form", "part", "piece", "one", "ones", "of", "the", "a", "an"]
)
"""Words that say how the thing is asked for, not what it is ("what kind of information")."""
WORD = re.compile(r"[\w’'-]+")


def asked_for(question: str, asked: tuple[Concept, ...]) -> tuple[Concept, ...]:
    """The question's concepts that name the thing it asks for, if it says one."""
    question = written_out(question)
    match = ASKING.search(question)
    if match is None:
        return ()
    rest = question[match.end() :]
    opening = OPENING.match(rest)
    if opening is None and not match.group().lower().startswith("how"):
        return ()  # "which newspaper": the type of the answer, which the passage need not say
    words = WORD.findall(next(filter(None, opening.groups())) if opening else rest)
    phrase: list[str] = []
    for word in words:
        lower = word.lower()
        if LINKING.match(lower):
            break
        if lower not in VAGUE:
            phrase.append(lower)
        if len(phrase) == LONGEST:
            break
    wanted = {POSSESSIVE.sub("", w) for w in phrase}
    return tuple(c for c in asked if c.word.lower() in wanted)
