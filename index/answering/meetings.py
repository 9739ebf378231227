"""Whether the story tells of a meeting, a call or a visit, when a question asks yes or no
whether someone named had one.

"Did Trump call al-Sharaa?", "did sharaa meet trump in person" and "Is Trump planning to meet
al-Sharaa?" ask whether people the story names met, spoke by telephone, visited or invited one
another; a story in which one only congratulated the other names them both and had answered
(0.92-0.99 from the paragraph naming both). Such a question is answered only by an article with
a word of meeting, calling, visiting or inviting (`TOLD`) somewhere in it. Talking is left out:
"Does Syria want to talk with Washington?" is answered by "seeks to engage in dialogue".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from index.answering.concepts import HYPHENATED, polar, word_set

ENCOUNTERS = {
    **dict.fromkeys(word_set("meet meets met meeting meetings summit"), "meeting"),
    **dict.fromkeys(
        word_set("call calls called calling phone phoned telephone telephoned"), "call"
    ),
    **dict.fromkeys(word_set("visit visits visited visiting host hosts hosted hosting"), "visit"),
    **dict.fromkeys(word_set("invite invites invited inviting invitation"), "invitation"),
}
"""The words by which a question asks whether someone met, called, visited or invited another,
each with what a refusal names."""
TOLD = frozenset(ENCOUNTERS) | word_set("talks summits visitor visitors guest guests invitations")
"""Words by which an article tells of such an encounter."""
CALLED = word_set("him her them each one anyone")
"""Whom a call is made to, after "call", when no name is ("did he call her?"): else "call" names
something ("call it a success")."""
TOKEN = HYPHENATED


def asks_encounter(question: str, named: Callable[[str], bool]) -> str | None:
    """The encounter a question asks yes or no whether someone had ("meeting", "call", "visit",
    "invitation"), when it names someone (`named`: a word the corpus writes as a name)."""
    if not polar(question):
        return None
    tokens = TOKEN.findall(question)
    for at, token in enumerate(tokens):
        asked = ENCOUNTERS.get(token.lower())
        if asked is None:
            continue
        after = tokens[at + 1] if at + 1 < len(tokens) else ""
        if asked == "call" and not (named(after) or after.lower() in CALLED):
            continue  # "Did US officials call the exchange an endorsement?" asks a name for it
        return asked if any(named(t) for t in tokens) else None
    return None


def tells_encounter(sentences: Iterable[str]) -> bool:
    """Whether any of the sentences tells of a meeting, call, visit or invitation."""
    return any(not TOLD.isdisjoint(w.lower() for w in TOKEN.findall(s)) for s in sentences)
