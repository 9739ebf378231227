"""Questions the story answers, to suggest as someone types one (Discord's autocomplete on /ask).

They are made from the corpus itself, once per index: the names it mentions ("Who is Ahmed
al-Sharaa?") and its key phrases ("What does the story say about the religious shrine?"), the
headline's first. Each is then put to the engine, and only those it answers are kept, so a
suggestion is never refused. Matching what was typed is a cheap string ranking, fit for every
keystroke.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index.answering.concepts import (
    NAME_TOKEN,
    POSSESSIVE,
    STOPWORD_SET,
    names_in,
    specificity,
    word_set,
)
from index.passages import Chunk

LIMIT = 25
"""Choices Discord shows at most."""
LENGTH = 100
"""Characters in a choice's name and value, at most (Discord's limit)."""
MAX_CANDIDATES = 120
"""Candidates put to the engine, best first: each costs one question's time at load."""
GENERAL = ("What is the story about?", "Who wrote the story?")
"""Asked of any story; kept only where the engine answers them."""


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_LOWER = r"[a-z][a-z-]+"
_PHRASE = re.compile(
    rf"(?:\b(?:the|a|an|its|their|his|her)\s+|(?P<owner>\b{NAME_TOKEN}['’]s)\s+)"
    rf"(?P<words>{_LOWER}(?:\s+{_LOWER}){{0,2}})"
)
SPECIFIC = 2.0
"""A one-word phrase is kept when its word is at least this specific ("shrine", not "role")."""
NOT_A_SUBJECT = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ese|ish)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February"
    r"|March|April|May|June|July|August|September|October|November|December)$"
)
"""A demonym ("Syrian"), a day or a month: no subject to ask about on its own."""
LINKS = word_set("near because toward towards next despite while across within amid per")
"""Small words that end a noun phrase, beside the stop words."""
TITLES = word_set(
    "president mr mrs ms dr minister mayor secretary general prime king queen prince sir"
)
ORG_WORDS = word_set(
    "post times news government administration department ministry state states council "
    "house agency university union nations forces army party court office church company "
    "bank committee association institute east west north south middle republic"
)
"""Words that make a capitalised run the name of an organisation or a place, not a person."""


@dataclass(frozen=True)
class Suggestions:
    """The questions the engine answers, best first, and how many candidates it was asked."""

    questions: tuple[str, ...]
    considered: int

    @property
    def refused(self) -> int:
        """Candidates the engine would have refused (left out)."""
        return self.considered - len(self.questions)

    def led_by(self, first: Sequence[str]) -> Suggestions:
        """These suggestions after `first` (readers' questions), each question once: at an
        equal match, the first are offered before the rest."""
        return Suggestions(tuple(_distinct([*first, *self.questions])), self.considered)

    def matching(self, typed: str, limit: int = LIMIT) -> list[str]:
        """Up to `limit` suggestions for what has been typed so far, best match first."""
        words = _words(typed)
        if not words:
            return list(self.questions[:limit])
        scored = [(match_score(typed, words, q), i, q) for i, q in enumerate(self.questions)]
        return [q for score, _, q in sorted(scored, key=lambda s: (-s[0], s[1])) if score][:limit]


def match_score(typed: str, words: Sequence[str], question: str) -> int:
    """3: the question starts as typed; 2: every typed word begins one of its words; 1: some
    typed word of substance does; 0: no match."""
    if question.casefold().startswith(" ".join(typed.casefold().split())):
        return 3
    own = _words(question)
    found = [any(w.startswith(t) for w in own) for t in words]
    if all(found):
        return 2
    weighty = [f for t, f in zip(words, found, strict=True) if len(t) > 2 and t not in STOPWORD_SET]
    return 1 if any(weighty) else 0


def suggestions(chunks: Sequence[Chunk], answers: Callable[[str], bool]) -> Suggestions:
    """The candidate questions of the passages that `answers` (the engine, not refusing) keeps."""
    asked = candidates(chunks)
    return Suggestions(tuple(q for q in asked if answers(q)), len(asked))


def candidates(chunks: Sequence[Chunk], most: int = MAX_CANDIDATES) -> list[str]:
    """Questions about the passages' names and key phrases, the headline's first, each once."""
    headline = [c.text for c in chunks if c.kind == "headline"]
    body = [c.text for c in chunks if c.kind == "body"]
    people, things = names(body)
    made = [f"Who is {n}?" for n in people]
    made += [about(p) for p in key_phrases(headline) + things + key_phrases(body)]
    return _distinct([*made, *GENERAL])[:most]


def about(subject: str) -> str:
    """The question that asks what the story says about a subject."""
    return f"What does the story say about {subject}?"


def names(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """The capitalised names of the texts, most mentioned first: people, then everything else."""
    counted: Counter[str] = Counter()
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            counted.update(names_in(sentence))
    ranked = [n for n, _ in counted.most_common() if not NOT_A_SUBJECT.search(n)]
    people = _distinct(person for n in ranked if is_person(person := untitled(n)))
    return people, [n for n in ranked if not is_person(untitled(n))]


def untitled(name: str) -> str:
    """A name without the titles and acronyms before it ("US President Donald Trump")."""
    tokens = name.split()
    while len(tokens) > 2 and (tokens[0].isupper() or tokens[0].lower() in TITLES):
        tokens = tokens[1:]
    return " ".join(tokens)


def is_person(name: str) -> bool:
    """Whether a name reads as a person's: two to four words, none an acronym or institution."""
    tokens = name.split()
    return 2 <= len(tokens) <= 4 and not any(t.isupper() or t.lower() in ORG_WORDS for t in tokens)


def key_phrases(texts: Iterable[str]) -> list[str]:
    """Noun phrases ("the religious shrine", "a floating solar farm", "Syria's new government"),
    read as the words after a determiner or a possessive: the most repeated and specific first."""
    counted: Counter[str] = Counter()
    for text in texts:
        for match in _PHRASE.finditer(text):
            words = noun_words(match.group("words").split())
            if words and (match.group("owner") or len(words) > 1 or _specific(words[0])):
                owner = POSSESSIVE.sub("", match.group("owner") or "")
                counted[f"{owner}’s {' '.join(words)}" if owner else " ".join(words)] += 1
    weight = {p: n * sum(specificity(w.lower()) for w in p.split()) for p, n in counted.items()}
    ranked = sorted((p for p in weight if weight[p] > 0), key=lambda p: -weight[p])
    return [p if "’s " in p else f"the {p}" for p in ranked]


def noun_words(words: list[str]) -> list[str]:
    """The words of a phrase up to its first small word, without adverbs or a trailing verb."""
    cut = next((i for i, w in enumerate(words) if w in STOPWORD_SET | LINKS), len(words))
    kept = [w for w in words[:cut] if not w.endswith("ly")]
    while kept and kept[-1].endswith("ed"):
        kept.pop()
    return kept


def _specific(word: str) -> bool:
    return specificity(word.lower()) >= SPECIFIC


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _distinct(questions: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for q in questions:
        if len(q) <= LENGTH and q.casefold() not in seen:
            seen.add(q.casefold())
            kept.append(q)
    return kept
