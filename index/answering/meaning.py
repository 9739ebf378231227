"""Whether the story says what a word or an initialism means, when a question asks it.

"What does ISIS stand for?" asks the words behind the initials; a story that only writes "ISIS"
mentions it without answering. "What does counterterrorism mean?" asks for a definition; a story
that speaks of "counterterrorism efforts" uses the word without saying what it means. Initials
are spelt out by a run of capitalised words whose first letters they are ("Islamic State of Iraq
and Syria", small words such as "of" and "and" skipped) or by the words their own brackets follow;
a word is defined where it is followed by "means", "refers to", a verb "to be" and an article,
or a comma and an article ("ISIS, a jihadist group").
"""

from __future__ import annotations

import re

STANDS_FOR = re.compile(r"\bwhat\s+(?:does|do|did)\s+(?P<term>[\w.&-]+)\s+stand\s+for\b", re.I)
""""What does ISIS stand for?": the initials asked of."""
MEANS = re.compile(
    r"\bwhat\s+(?:does|do|did)\s+(?:the\s+(?:word|term)\s+)?[\"“']?(?P<term>[\w-]+)[\"”']?\s+mean"
    r"\W*$"
    r"|\bdefine\s+(?:the\s+(?:word|term)\s+)?[\"“']?(?P<defined>[\w-]+)[\"”']?\W*$",
    re.I,
)
""""What does counterterrorism mean?", "Define counterterrorism.": the word asked of, ending
the question ("What does it mean for Syria?" asks something else)."""
POINTING = frozenset({"this", "that", "it", "these", "those", "they", "he", "she", "that's"})
"""Words that point at what was said rather than name a term ("What does this mean?")."""
SMALL = frozenset({"of", "and", "the", "for", "in", "on", "de", "&"})
"""Words an initialism skips ("Islamic State of Iraq and Syria" → ISIS)."""
TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[(),&]", re.UNICODE)
"""A word, or a bracket, comma or ampersand, which no initial stands for."""
DEFINING = re.compile(
    r"^\W*(?:means|meant|refers?\s+to|(?:is|are|was|were)\s+(?:a|an|the|one)\b|,\s*(?:a|an|the)\b"
    r"|\(|stands?\s+for)",
    re.I,
)
"""What follows a word where a sentence says what it means: "means", "refers to", "is a",
", a", a bracket."""


def asks_meaning(question: str) -> tuple[str, bool] | None:
    """The term whose meaning the question asks, and whether it asks what initials stand for;
    the last word of the question ("mean", "stand for", or the word defined) ends it."""
    found = STANDS_FOR.search(question)
    term, initials = (found.group("term").strip("."), True) if found else ("", False)
    if not found:
        found = MEANS.search(question)
        term = (found.group("term") or found.group("defined")) if found else ""
    if not term or term.lower() in POINTING:
        return None
    return term, initials


def spelt_out(initials: str, sentences: list[str]) -> bool:
    """Whether any sentence spells the initials out: capitalised words whose first letters
    they are, or words followed by the initials in brackets, or "ISIS stands for"."""
    wanted = re.sub(r"[^A-Za-z]", "", initials).lower()
    if not wanted:
        return True
    for sentence in sentences:
        if re.search(rf"\b{re.escape(initials)}\s*(?:\)|stands?\s+for|means)", sentence, re.I):
            return True
        words = [t for t in TOKEN.findall(sentence) if t.lower() not in SMALL and t != initials]
        letters = "".join(w[:1] for w in words).lower()
        capitals = [w[:1].isupper() for w in words]
        at = letters.find(wanted)
        while at >= 0:
            if all(capitals[at : at + len(wanted)]):
                return True
            at = letters.find(wanted, at + 1)
    return False


def defined(term: str, sentences: list[str]) -> bool:
    """Whether any sentence says what the term means where it writes it."""
    pattern = re.compile(rf"\b{re.escape(term)}s?\b", re.I)
    return any(
        DEFINING.search(sentence[found.end() :])
        for sentence in sentences
        for found in pattern.finditer(sentence)
    )
