"""Misspelt question words, searched as the corpus spells them ("Syrain" → "Syrian").

A word of five letters or more that the corpus lacks and English rarely uses, a slip away from
the corpus's nearest words (all of one stem), is searched as that word; a four-letter one, as
the one word that drops a letter to give it ("Sria" → "Syria"); the answer still quotes the
question as typed. BM25, the concepts and the sentence model then see the word meant.
Names are also respelt where English words would not be: two words that the corpus writes as one
("Sky Drive" → "SkyDrive"), and a word of a name a slip away from the corpus's word beside the
same neighbour ("Primer League" → "Premier League"), however common the word typed.
"""

from __future__ import annotations

import re
from functools import cache, partial
from importlib import resources
from itertools import pairwise

import Stemmer

from index.answering.concepts import STOPWORD_SET, WORD, _zipf, known, packaged, place, specificity
from index.answering.vocabulary import Vocabulary, aliases, apart, capital_of, fold

TYPED_WORD = re.compile(r"(?<![’'])\b[^\W\d_]{4,}\b(?![’']t\b)")
"""A word that could be misspelt: four letters or more, not the first part of a negation
("couldn't" was once respelt "could't", its negation lost); a possessive's word may be."""
SHORT = 4
"""A word this long is only read as a longer one with a letter dropped ("Sria" → "Syria",
"aout" → "about"): a slip of any other kind turns it into too many words."""
CLEARLY_COMMONER = 1.0
"""English words one slip from a typed word, of different stems, are told apart by how common
they are only when one is this much commoner on the Zipf scale ("americnas" → "americans",
4.8, not "americas", 3.7)."""
TYPED_PAIR = re.compile(r"(?<![\w’'-])([^\W\d_]{2,}) ([^\W\d_]{2,})\b")
"""Two words with one space between them: perhaps one word typed apart ("Sky Drive")."""
NAME_PAIR = re.compile(r"\b([A-Z][^\W\d_]{3,}) ([A-Z][^\W\d_]+)\b")
"""Two capitalised words: a name, whose first word may be a slip ("Primer League")."""
LETTERS = "abcdefghijklmnopqrstuvwxyz"
"""The letters a slip adds or changes."""
AT_A_PLACE = (
    r"near|in|to|from|outside|around|at|into|toward|towards|across|through|within|inside|beyond"
    r"|by|on|of"
)
"""Words after which a capital is where something is, not what is asked ("close to the Syrian
capital", against "What is the Syrian capital?")."""
CAPITAL = re.compile(
    rf"\b(?P<at>{AT_A_PLACE})\s+(?:the\s+(?P<people>[^\W\d_][\w.]*)|(?P<owner>[^\W\d_][\w.]*)['’]s)"
    rf"\s+capital(?:\s+city)?\b(?!\s+of\b)"
    rf"|\b(?P<at_of>{AT_A_PLACE})\s+the\s+capital(?:\s+city)?\s+of\s+(?P<country>[^\W\d_][\w.]*)",
    re.I,
)
"""A country's capital as a place: "near the Syrian capital", "in Syria's capital", "outside the
capital of Syria"."""
CLIPPED = {
    "intel": "intelligence", "info": "information", "govt": "government",
    "admin": "administration", "dept": "department", "ppl": "people", "msg": "message",
    "convo": "conversation", "econ": "economy", "intl": "international", "natl": "national",
    "prez": "president", "yr": "year", "yrs": "years", "approx": "approximately", "rn": "now",
    "abt": "about", "thru": "through", "cuz": "because", "coz": "because", "bcuz": "because",
    "wat": "what", "wut": "what", "collab": "collaboration", "collabs": "collaborations",
    "coop": "cooperation", "op": "operation", "ops": "operations", "gov": "government",
    "govs": "governments", "pres": "president", "org": "organization", "orgs": "organizations",
    "b4": "before", "bc": "because", "smth": "something", "sth": "something",
    "congrats": "congratulations", "congratz": "congratulations",
}  # fmt: skip
"""Words as chat clips them ("intel" for "intelligence", "govt" for "government", "op" for
"operation", "b4" for "before"), read as the whole word where the corpus writes that and not
the clipping: the sentence model and BM25 then see the word meant ("what kind of intel" had
been refused, 0.16, its vector far from any passage's; "what was the op to stop the attack
based on" ranked ¶2 above ¶3, "The operation was reportedly based on intelligence …")."""
UNMARKED_POSSESSIVE = re.compile(r"(?<![\w'’-])[^\W\d_]{3,}s\b(?!['’])")
"""A word ending in "s" that may be a possessive typed without its apostrophe ("Syrias")."""
STUTTER = re.compile(r"([^\W\d_])\1{2,}")
"""A letter typed three times or more, as a key held down does ("Syyyria", "atttack"): no English
word has one (`Respeller._unstuttered`)."""
COMMON = 1.0
"""A clipped word stands for a word this common (`concepts.specificity`: "about", "because",
"now") whether or not the corpus writes it: such words ask nothing of their own, and the
clipping read as a word the story lacks ("abt") had cost answers."""
CLIPPING = re.compile(rf"\b(?:{'|'.join(CLIPPED)})\b", re.I)
RESPELT_PER_QUESTION = 4
"""How many words of one question are looked up as possible misspellings, at most."""
RESPELT_KEPT = 10_000
"""How many looked-up words are remembered (then forgotten all at once)."""


def spellings(vocabulary: Vocabulary, word: str) -> tuple[str, ...]:
    """The corpus words nearest a word that no dictionary knows, when they are a letter off
    (two for words of nine letters or more; a swap of neighbours counts as one): "susbtance" →
    ("substance",), "discoverd" → ("discovered", "discovers"). Empty for words the corpus or
    English has ("serf"), words under five letters, and words with nothing that near."""
    lower = fold(word).lower()
    if not _unknown(vocabulary, lower):
        return ()
    slack = 1 + (len(lower) >= 9)
    near = (w for w in vocabulary.words.get(lower[0], ()) if abs(len(w) - len(lower)) <= slack)
    edits = sorted((apart(lower, w, slack), w) for w in near if w.isalpha())
    if not edits or edits[0][0] == 0 or edits[0][0] > slack:
        return ()
    return tuple(w for n, w in edits if n == edits[0][0])


def english_spellings(vocabulary: Vocabulary, word: str) -> tuple[str, ...]:
    """The English words in common use one slip from a word that no dictionary knows and the
    corpus lacks: a question's own words are misspelt too, not only the story's ("informatoin"
    → ("information",), "apporval" → ("approval",)). Two slips are too many ("rebranded" is
    none for "remanded"); names are not looked up here (`Respeller`: "Fermat" is no slip for
    "format")."""
    lower = fold(word).lower()
    return slips_of_known(lower) if _unknown(vocabulary, lower) else ()


def is_name(word: str) -> bool:
    """Whether a lowercase English word is a name: of a place or its people, of the names table
    ("american", "russia") or one WordNet only ever capitalises ("moscow"). A name typed a slip
    off is respelt only as such a name ("Ameriican" → "American"), never as a common word
    ("Fermat" is no slip for "format")."""
    return place(word) or bool(aliases(word))


def _country(word: str) -> bool:
    """Whether a lowercase word names a country or its people, one of its other names being
    its people's ("turkey" → "Turkish", "china" → "Chinese"; not "fish" → "Pisces")."""
    return any(a.lower().startswith(word[:4]) and a.lower() != word for a in aliases(word))


def _unknown(vocabulary: Vocabulary, lower: str) -> bool:
    """Whether a folded lowercase word could be a slip: five letters or more, letters only, and
    neither English in common use nor a stem of the corpus."""
    return (
        len(lower) >= 5 and lower.isalpha() and not known(lower) and lower not in vocabulary.stems
    )


def slips_of_known(word: str) -> tuple[str, ...]:
    """The English words in common use one slip from a lowercase word, in order."""
    return tuple(sorted(w for w in _one_slip(word) if w in _english()))


def _added(word: str) -> set[str]:
    """Every string a letter longer than `word` that drops one letter to give it."""
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}


def _one_slip(word: str) -> set[str]:
    """Every string a letter added, dropped or changed, or two neighbours swapped, from `word`
    (a few hundred: looking each up is quicker than measuring the distance to every word)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    return dropped | swapped | changed | _added(word)


@cache
def _english() -> frozenset[str]:
    """The words in common use (`known`)."""
    return frozenset(w for w in _zipf() if w.isalpha() and known(w))


ACRONYM = re.compile(r"^[A-Z]{2,5}$")
"""A name written in capitals ("ISIS", "HTS"), matched only as written: "hts" may be a word."""


@cache
def other_names() -> tuple[tuple[str, ...], ...]:
    """The other names of organisations, bodies and states, one tuple an entity, from
    index/data/other_names.txt (written by hand: names a corpus's initials do not give,
    "Islamic State" for "ISIS", "Burma" for "Myanmar")."""
    text = resources.files("index").joinpath("data/other_names.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(
        tuple(name.strip() for name in line.split("|"))
        for line in lines
        if line and not line.startswith("#")
    )


@cache
def _name_patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    """Each entity's names with the pattern that finds each in a question: an acronym as
    written, any other name in any case, its words apart by a space or a hyphen."""

    def pattern(name: str) -> re.Pattern[str]:
        words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name))
        return re.compile(rf"(?<![\w-]){words}(?![\w-])", 0 if ACRONYM.match(name) else re.I)

    return tuple(tuple((name, pattern(name)) for name in names) for names in other_names())


def _other(match: re.Match[str], name: str, written: str) -> str:
    """A name found in a question as the corpus writes it, unless it opens the question and is
    a stop word in capitals ("IS it true …?" asks whether)."""
    opening = match.start() == 0 and name.lower() in STOPWORD_SET
    return match.group() if opening else written


PHRASE_SIZES = (3, 2)
"""How many words a name of several words has (`_proper_phrases`), longest tried first."""


@cache
def _proper_phrases() -> dict[str, str]:
    """Names of two or three words WordNet writes capitalised, by their lower-case form, from
    the table benchmarks/names.py writes ("united nations" → "United Nations")."""
    return {line.lower(): line for line in packaged("proper_phrases.txt.gz").splitlines() if line}


def _phrases_capitalised(text: str) -> str:
    """A question typed in lower case with its names of several words capitalised ("what did
    the united nations say" → "… United Nations say"): each of their words is common, and
    only together are they a name."""
    tokens = list(WORD.finditer(text))
    phrases = _proper_phrases()
    out: list[str] = []
    at = done = 0
    while at < len(tokens):
        for size in PHRASE_SIZES:
            run = tokens[at : at + size]
            key = " ".join(t.group().lower() for t in run)
            spaced = all(text[a.end() : b.start()] == " " for a, b in pairwise(run))
            if len(run) == size and spaced and key in phrases:
                out += [text[done : run[0].start()], phrases[key]]
                done, at = run[-1].end(), at + size
                break
        else:
            at += 1
    return "".join([*out, text[done:]])


class Respeller:
    """Respells a corpus's questions, remembering each word it looked up."""

    def __init__(self, vocabulary: Vocabulary, stemmer: Stemmer.Stemmer) -> None:
        self._vocabulary = vocabulary
        self._stemmer = stemmer
        self._memory: dict[str, str | None] = {}

    def corrected(self, text: str) -> str:
        """The question with each misspelt word as the corpus spells it ("How strong is the
        strenght?" → "... strength?"), or else as English does one slip off ("informatoin" →
        "information"; a name only as a name, `is_name`). Only the first few words that need a
        look are looked up, so a long run of gibberish costs no more than a short question."""
        looked = 0

        def respelt(match: re.Match[str]) -> str:
            nonlocal looked
            word = self._unstuttered(match.group())
            lower = word.lower()
            if self._stemmer.stemWord(lower) in self._vocabulary.stems or known(lower):
                return word
            named = match.start() > 0 and word[0].isupper()
            key = f"{lower}:{named}"
            found = self._memory.get(key, word)
            if found == word:  # not looked up yet (another thread may clear the memory)
                if looked >= RESPELT_PER_QUESTION:
                    return word
                looked += 1
                if len(lower) == SHORT:
                    found = self._short(fold(lower), named)
                else:
                    found = self._one_stem(spellings(self._vocabulary, lower))
                if found is None and len(lower) > SHORT:
                    english = english_spellings(self._vocabulary, lower)
                    found = self._likeliest(tuple(filter(is_name, english)) if named else english)
                if len(self._memory) >= RESPELT_KEPT:
                    self._memory.clear()
                self._memory[key] = found
            if found is None:
                return word
            return found.capitalize() if word[0].isupper() else found

        respelt_text = TYPED_WORD.sub(respelt, self._possessives(self._unclipped(text)))
        renamed = self._capitals(self._renamed(respelt_text))  # "Isalmic State" too
        return self._cased(self._named(self._joined(renamed)))

    def _renamed(self, text: str) -> str:
        """The question with a name the corpus never writes put as another name of the same
        entity that it does (`other_names`): "Where could the Islamic State make a comeback?"
        of a story that writes "ISIS"."""
        shouted = text.isupper()  # "WHAT IS IT": capitals say nothing of acronyms
        for names in _name_patterns():
            typed = [
                (n, found)
                for n, found in names
                if found.search(text) and not (shouted and ACRONYM.match(n))
            ]
            if not typed:  # the corpus is read only for a name the question gives
                continue
            written = next((n for n, _ in names if self._writes(n)), None)
            if written is None:
                continue
            for name, found in sorted(typed, key=lambda pair: -len(pair[0])):  # longest first
                if name != written and not self._writes(name):
                    text = found.sub(partial(_other, name=name, written=written), text)
        return text

    def _unstuttered(self, word: str) -> str:
        """The word with each letter typed three times or more (`STUTTER`) read twice when
        that makes a word of the corpus or of English ("atttack" → "attack"), or else once
        ("Syyyria" → "Syria", "whooo" → "who")."""
        if not STUTTER.search(word):
            return word
        twice, once = STUTTER.sub(r"\1\1", word), STUTTER.sub(r"\1", word)
        for form in (twice, once):
            if self._said(form) or known(form.lower()):
                return form
        return twice

    def _possessives(self, text: str) -> str:
        """The question with a name's possessive typed without its apostrophe put with it
        ("Who is Syrias new leader?" → "Syria's"; "assads" → "assad's"): a word the corpus
        never writes and English does not know, which is a name of the corpus with an "s".
        "Syrias" had been read as asking the name of a leader the story leaves unnamed."""

        def possessive(match: re.Match[str]) -> str:
            word = match.group()
            lower = fold(word).lower()
            if lower in self._vocabulary.written or known(lower):
                return word
            if self._vocabulary.only_capitalised(lower[:-1]) is None:
                return word
            return f"{word[:-1]}'{word[-1]}"

        return UNMARKED_POSSESSIVE.sub(possessive, text)

    def _unclipped(self, text: str) -> str:
        """The question with chat's clipped words whole (`CLIPPED`) where the corpus writes the
        whole word and never the clipping ("Intel" the company, in a corpus that names it,
        stays), and the clipping is no name (capitalised inside the question) nor shouted."""

        def whole(match: re.Match[str]) -> str:
            clipped = match.group()
            named = match.start() > 0 and clipped[0].isupper()
            full = CLIPPED[clipped.lower()]
            said = self._said(full) or specificity(full) < COMMON
            if named or clipped.isupper() or self._said(clipped) or not said:
                return clipped
            return full.capitalize() if clipped[0].isupper() else full

        return CLIPPING.sub(whole, text)

    def _capitals(self, text: str) -> str:
        """The question with a country's capital, where it is a place, put as the city's name
        when the corpus writes it ("near the Syrian capital" → "near Damascus", "in the US
        capital" → "in Washington", from WordNet's capitals: `capital_of`). A news story names
        the city and a reader names the country's capital; asked for ("What is the Syrian
        capital?"), the capital is left as typed, since the story never says the city is one."""

        def city(match: re.Match[str]) -> str:
            country = match.group("people") or match.group("owner") or match.group("country")
            found = capital_of(fold(country).lower())
            if found is None or not self._writes(found.capitalize()):
                return match.group()
            return f"{match.group('at') or match.group('at_of')} {found.capitalize()}"

        return CAPITAL.sub(city, text)

    def _writes(self, name: str) -> bool:
        """Whether the corpus writes a name: every word of it, and each two capitalised words
        side by side as it does ("Islamic State", not "Islamic" and "State" apart)."""
        if ACRONYM.match(name) and name.lower() in STOPWORD_SET:  # "IS", not "is"
            return name in self._vocabulary.capitals
        words = re.split(r"[\s-]+", name)
        if not all(self._said(word) for word in words):
            return False
        before = self._vocabulary.before
        return all(
            first in before.get(fold(second).lower(), ())
            for first, second in pairwise(words)
            if first[:1].isupper() and second[:1].isupper()
        )

    def _cased(self, text: str) -> str:
        """A question typed all in lower case with its names capitalised, as the corpus writes
        them ("what does the millbrook mayor want" → "… Millbrook mayor …"), or as a country
        is written when the corpus never mentions it ("did turkey help" → "did Turkey help"):
        typed so, its capitals tell nothing of what is a name, and a name is read as one
        (no synonyms: "turkey" is not "flop"; not what a "who?" question's answer may be)."""
        if any(ch.isupper() for ch in text[1:]):
            return text
        return WORD.sub(self._capital, _phrases_capitalised(text))

    def _capital(self, match: re.Match[str]) -> str:
        word = match.group()
        lower = fold(word).lower()
        if lower in STOPWORD_SET or len(lower) < 3:
            return word
        # A word in common use is left as typed before the corpus's capitals are read: they are
        # gathered once, on the first other word (seconds at 20,000 passages).
        if place(lower) or not known(lower):
            written = self._vocabulary.only_capitalised(lower)
            if written is not None:
                return written
        if self._stemmer.stemWord(lower) not in self._vocabulary.stems and _country(lower):
            return word.capitalize()
        return word

    def _joined(self, text: str) -> str:
        """Two words the corpus writes as one word, or as one of the same stem, when it lacks one
        of them ("Sky Drive" → "SkyDrive", "Le grand" → "LeGrande"); stop words count as said,
        so "in to" stays apart. Joining a slip off was tried: "schools in" became "schooling"."""

        def joined(match: re.Match[str]) -> str:
            first, second = match.group(1), match.group(2)
            if self._said(first) and self._said(second):
                return match.group()
            found = self._as_written(fold(first + second).lower())
            return match.group() if found is None else self._vocabulary.written.get(found, found)

        return TYPED_PAIR.sub(joined, text)

    def _named(self, text: str) -> str:
        """A name's first word respelt as the corpus writes it before the same second word,
        when the corpus lacks the word typed and has one a slip off ("Primer League" →
        "Premier League")."""

        def named(match: re.Match[str]) -> str:
            first, second = match.group(1), match.group(2)
            if self._said(first):
                return match.group()
            lower = fold(first).lower()
            slack = 1 + (len(lower) >= 6)
            before = self._vocabulary.before.get(fold(second).lower(), ())
            near = sorted(
                {w for w in before if w[0] == first[0] and apart(lower, w.lower(), slack) <= slack}
            )
            if len(near) != 1:
                return match.group()
            return f"{near[0]} {second}"

        return NAME_PAIR.sub(named, text)

    def _as_written(self, word: str) -> str | None:
        """The corpus's word of the same stem as `word` ("legrand" → "legrande"), if any."""
        if word in self._vocabulary.word_set:
            return word
        stem = self._stemmer.stemWord(word)
        if stem not in self._vocabulary.stems:
            return None
        same = (w for w in self._vocabulary.words.get(word[0], ()) if w.startswith(stem))
        return next((w for w in sorted(same) if self._stemmer.stemWord(w) == stem), None)

    def _said(self, word: str) -> bool:
        """Whether the corpus says the word, or it is a stop word, which every corpus may."""
        lower = fold(word).lower()
        return lower in STOPWORD_SET or self._stemmer.stemWord(lower) in self._vocabulary.stems

    def _short(self, lower: str, named: bool) -> str | None:
        """A four-letter word no dictionary knows read as the one word of the corpus, or else of
        English or its stop words, that drops a letter to give it ("sria" → "syria", "trmp" →
        "trump", "whch" → "which"); a name only as a word the corpus capitalises or a place."""
        if not lower.isalpha() or lower in STOPWORD_SET:
            return None
        added = _added(lower)
        stems = self._vocabulary.stems
        corpus = tuple(sorted(w for w in added if self._stemmer.stemWord(w) in stems))
        if named:
            corpus = tuple(w for w in corpus if w in self._vocabulary.written or is_name(w))
        if corpus or named:
            return self._one_stem(corpus)
        return self._one_stem(
            tuple(sorted(w for w in added if w in _english() or w in STOPWORD_SET))
        )

    def _likeliest(self, nearest: tuple[str, ...]) -> str | None:
        """The one word of the nearest English words, by stem (`_one_stem`), or else the one
        clearly commoner than the others (`CLEARLY_COMMONER`)."""
        found = self._one_stem(nearest)
        if found is not None or len(nearest) < 2:
            return found
        zipf = _zipf()
        ranked = sorted(nearest, key=lambda w: -zipf.get(w, 0.0))
        lead = zipf.get(ranked[0], 0.0) - zipf.get(ranked[1], 0.0)
        return ranked[0] if lead >= CLEARLY_COMMONER else None

    def _one_stem(self, nearest: tuple[str, ...]) -> str | None:
        """The first of the nearest words when they are all one word to BM25 ("atom",
        "atomic"); None when none is near or they differ."""
        one = len({self._stemmer.stemWord(w) for w in nearest}) == 1
        return nearest[0] if one else None
