"""Whether a question asks if something exists, and what.

"Are there still US troops in Syria?", "Is there a US ambassador to Syria?" and "Does the US have
an embassy in Damascus?" ask whether a thing is there at all. A story that never mentions the
thing, by its word or a synonym, does not answer, however close its passages come to the rest of
the question ("US", "Syria"): the passages about the US and Syria tell of other things. A
question that asks of something the story does mention ("Is there an agreement?") is left to the
other signals.
"""

from __future__ import annotations

import re

from index.answering.concepts import ARTICLE_WORDS, HYPHENATED, word_set
from index.answering.naming import PHRASE_ENDS

THERE = re.compile(r"^\W*(?:is|are|was|were|will)\s+there\s+(?:be\s+)?(?P<rest>.+)", re.I | re.S)
""""Is there a …?", "Are there still …?", "Will there be …?"."""
HAVING = re.compile(
    r"^\W*(?:does|do|did)\s+(?:[\w'’.-]+\s+){1,4}?(?:still\s+)?have\s+(?P<rest>.+)", re.I | re.S
)
""""Does the US have an embassy in Damascus?", "Do they still have …?"."""
OPENING = word_set("a an any some still no more many much other new currently now yet")
"""Words before the thing asked of ("Are there *still any* US troops …?")."""
VAGUE = word_set("anything something nothing everything one ones them it this that")
"""Words that stand for no thing of their own ("Is there anything about Russia?")."""


def asks_existence(question: str) -> str | None:
    """The thing whose existence the question asks, if it asks so: the last lower-case word
    of the noun phrase after "is there" or "does … have" ("troops" of "Are there still US
    troops in Syria?"); None when there is none or it is a name."""
    for pattern in (THERE, HAVING):
        found = pattern.search(question)
        if found is None:
            continue
        run: list[str] = []
        for token in HYPHENATED.findall(found.group("rest")):
            lower = token.lower()
            if not run and lower in OPENING:
                continue
            if lower in PHRASE_ENDS or lower in OPENING or lower in VAGUE:
                break
            if run and lower.endswith("ed") and run[-1][:1].islower():
                break  # a participle after the thing: "a writer credited on this piece"
            run.append(token)
        nouns = [w for w in run if w[:1].islower()]
        if not nouns or ARTICLE_WORDS.match(nouns[-1]):
            return None  # "Is there an author listed?" asks who wrote it: not for this rule
        return nouns[-1]
    return None
