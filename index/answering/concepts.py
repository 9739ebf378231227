"""What a question asks about: its concepts, how specific each is, and the kind of answer it wants.

A concept is a content word of the question, stemmed the way the BM25 index stems ("thwarted",
"thwarting" → "thwart"). How specific it is comes from how common the word is in English
(wordfreq's Zipf scale, shipped as a small table): "GDP" or "Russia" say what is asked, "happen"
or "kind" do not. Whether the story mentions a concept is then a lookup in the corpus's stems.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

import bm25s
import Stemmer

STOPWORDS = sorted(
    set(bm25s.stopwords.STOPWORDS_EN)
    | {"what", "who", "whom", "why", "how", "when", "where", "which", "do", "does", "did", "tell"}
    | {"me", "about", "s", "can", "could", "would", "should", "has", "have", "had", "any", "this"}
    | {"whose", "here", "there", "now", "also", "please", "like", "just", "really", "ve", "ll"}
)
"""Words that never make a concept, and that BM25 ignores."""
STOPWORD_SET = frozenset(STOPWORDS)
COMMON_ZIPF = 6.5
"""Words this common (Zipf ≥ 6.5: "said", "new", "people") carry no specificity at all."""
MOST_SPECIFIC = 5.0
RARE_ZIPF = 2.0
"""Words missing from the table are rarer than this (the table stops at 2.5)."""
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
POSSESSIVE = re.compile(r"['’]s?$")
STEM_PREFIX = 5
"""Two stems that share their first five letters, and most of the shorter one, are one concept
("economy" → "economi", "economic" → "econom")."""

NUMBER = re.compile(
    r"\b(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|half|percent)\b",
    re.I,
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
TIME = re.compile(
    rf"\b(1[0-9]{{3}}|20[0-9]{{2}}|{MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|yesterday|tomorrow|tonight|week|weeks|month|months|year|years|decade|decades|"
    r"century|centuries|ago|earlier|later|since|until|during|after|before|recently|"
    r"\d+(st|nd|rd|th)|[0-9]{1,2}:[0-9]{2}|era|age|period|season|spring|summer|autumn|winter)\b",
    re.I,
)
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")
PLACE = re.compile(r"\b(in|at|near|from|to|across|between|inside|outside|north|south|east|west)\b")

ARTICLE_WORDS = re.compile(
    r"^(article|story|piece|report|reported|news|headline|title|paper|newspaper|outlet|"
    r"publication|publish|published|publisher|author|wrote|written|write|writer|byline|"
    r"journalist|reporter|reveal|revealed|broke|break|cover|covered|source|site|name|it)$",
    re.I,
)
"""Words of a question about the article itself; a question with any other concept is about
something else ("What is the title of the first Beatles album?")."""

ASKS = (
    (
        "number",
        re.compile(
            r"\bhow (many|much|long|old|far|large|big|tall|high|often|fast)\b|"
            r"\bwhat (number|percentage|percent|amount|proportion|size)\b",
            re.I,
        ),
    ),
    (
        "time",
        re.compile(
            r"\bwhen\b|\bwhat (year|date|time|day|month|century|decade|period)\b|"
            r"\bwhich (year|date|day|month|century|decade)\b|\bhow long ago\b",
            re.I,
        ),
    ),
    ("person", re.compile(r"\bwho(m|se)?\b", re.I)),
    (
        "place",
        re.compile(
            r"\bwhere\b|\bwhat (country|city|place|region|state|town)\b|"
            r"\bwhich (country|city|place|region|state|town)\b",
            re.I,
        ),
    ),
)
"""What kind of answer a question asks for, by its question words, first match wins."""
OFFERS = {"number": NUMBER, "time": TIME, "person": NAME, "place": NAME}
"""What a sentence must hold to offer each kind of answer."""


@dataclass(frozen=True)
class Concept:
    """One content word of a question: as written, its stem, and how specific it is (0 to 4)."""

    word: str
    stem: str
    specificity: float
    named: bool
    """Capitalised inside the question, or a number: a name, which has no synonyms."""

    @property
    def verbal(self) -> bool:
        """A verb form ("foiled", "hiding"): the kind of word a paraphrase swaps for another."""
        return not self.named and self.word.lower().endswith(("ed", "ing"))


def concepts(question: str, stemmer: Stemmer.Stemmer) -> tuple[Concept, ...]:
    """The question's content words, each once, in the order asked."""
    found: dict[str, Concept] = {}
    for match in WORD.finditer(question):
        word = POSSESSIVE.sub("", match.group())
        lower = word.lower()
        if len(lower) < 2 or lower in STOPWORD_SET:
            continue
        stem = stemmer.stemWord(lower)
        named = word[0].isdigit() or (match.start() > 0 and word[0].isupper())
        found.setdefault(stem, Concept(word, stem, specificity(lower), named))
    return tuple(found.values())


def specificity(word: str) -> float:
    """How much a word says about what is asked: 0 for the commonest words, 5 for rare ones."""
    zipf = _zipf().get(word, RARE_ZIPF)
    return max(0.0, min(MOST_SPECIFIC, COMMON_ZIPF - zipf))


def holds(concept: Concept, stems: frozenset[str] | set[str]) -> bool:
    """Whether a text whose stems are `stems` says the concept: its own stem, or for a word
    that is not a name, a word WordNet gives for it ("swap" → "exchang")."""
    if mentions(concept.stem, stems):
        return True
    return not concept.named and not synonyms(concept.stem).isdisjoint(stems)


def share_held(asked: tuple[Concept, ...], stems: frozenset[str] | set[str]) -> float:
    """The share of the question's specificity that a text whose stems are `stems` holds."""
    total = sum(c.specificity for c in asked) or 1.0
    return sum(c.specificity for c in asked if holds(c, stems)) / total


@lru_cache(maxsize=4096)
def synonyms(stem: str) -> frozenset[str]:
    """The stems of the words that can stand for the word whose stem is `stem`."""
    return frozenset(_synonyms().get(stem, "").split())


def mentions(stem: str, stems: frozenset[str] | set[str]) -> bool:
    """Whether a text whose stems are `stems` mentions the concept `stem`."""
    if stem in stems:
        return True
    if len(stem) < STEM_PREFIX:
        return False
    head = stem[:STEM_PREFIX]
    return any(
        s.startswith(head) and _shared(stem, s) >= 0.8 * min(len(stem), len(s)) for s in stems
    )


@dataclass(frozen=True)
class Vocabulary:
    """What a corpus mentions: its stems, and for names its words (accents folded) and the
    initials of its runs of capitalised words ("United Nations" → "un"). The words and initials
    are gathered the first time a name misses every stem: at 20,000 passages that takes
    seconds, which most questions never need."""

    stems: frozenset[str]
    texts: tuple[str, ...]

    @classmethod
    def of(cls, texts: list[str], stems: frozenset[str]) -> Vocabulary:
        """The vocabulary of a corpus's texts, whose stems are `stems`."""
        return cls(stems, tuple(texts))

    @cached_property
    def words(self) -> dict[str, tuple[str, ...]]:
        """Folded lowercase words by first letter, for close spellings of names."""
        return self._names[0]

    @cached_property
    def initials(self) -> frozenset[str]:
        """The initials of each run of two to five capitalised words."""
        return self._names[1]

    @cached_property
    def _names(self) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
        words: dict[str, set[str]] = {}
        initials: set[str] = set()
        for text in self.texts:
            found = WORD.findall(fold(text))
            for word in found:
                words.setdefault(word[0].lower(), set()).add(word.lower())
            initials.update(_initials(found))
        return {k: tuple(v) for k, v in words.items()}, frozenset(initials)

    def mentions(self, concept: Concept) -> bool:
        """Whether the corpus mentions the concept: its stem, a synonym, or for a name a spelling
        one or two letters off ("Dusquesne"), without accents, or as initials ("UN")."""
        if holds(concept, self.stems):
            return True
        if not concept.named:
            return False
        word = fold(concept.word).lower()
        if word in self.initials:
            return True
        slack = 1 if len(word) >= 5 else 0
        slack += len(word) >= 9
        return any(
            abs(len(w) - len(word)) <= slack and _within(word, w, slack)
            for w in self.words.get(word[0], ())
        )


def fold(text: str) -> str:
    """The text without accents ("Beauséjour" → "Beausejour")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _initials(words: list[str]) -> set[str]:
    found: set[str] = set()
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper():
            run.append(word[0].lower())
            continue
        for size in range(2, min(len(run), 5) + 1):
            found.update("".join(run[i : i + size]) for i in range(len(run) - size + 1))
        run = []
    return found


def _within(a: str, b: str, most: int) -> bool:
    """Whether `a` and `b` are at most `most` edits apart."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > most:
            return False
        previous = current
    return previous[-1] <= most


def asked_kind(question: str) -> str | None:
    """The kind of answer the question asks for ("number", "time", "person", "place"), if any."""
    return next((kind for kind, pattern in ASKS if pattern.search(question)), None)


def offers(sentence: str, kind: str) -> bool:
    """Whether a sentence holds the kind of answer asked for."""
    if kind == "place" and not PLACE.search(sentence):
        return False
    return bool(OFFERS[kind].search(sentence))


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@cache
def _zipf() -> dict[str, float]:
    """word → Zipf frequency, from the table benchmarks/specificity.py writes."""
    packed = resources.files("index").joinpath("data/zipf-en.txt.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(packed).decode().splitlines():
        zipf, *words = line.split()
        table.update(dict.fromkeys(words, float(zipf)))
    return table


@cache
def _synonyms() -> dict[str, str]:
    """stem → its related stems, space-separated, from the table benchmarks/synonyms.py writes
    from WordNet (split only when asked: a cold `storybot ask` asks for a few)."""
    packed = resources.files("index").joinpath("data/synonyms.txt.gz").read_bytes()
    lines = gzip.decompress(packed).decode().splitlines()
    return dict(line.partition(" ")[::2] for line in lines)
