"""The WordNet tables benchmarks/synonyms.py writes: the kinds of words of one sense."""

from __future__ import annotations

from benchmarks.synonyms import Synset, sole_kinds


def test_a_word_of_one_sense_as_a_noun_or_verb_keeps_what_that_sense_is_a_kind_of() -> None:
    found = {
        ("n", "001"): Synset(["swap", "barter"], [("@", "n002", 0, 0)], "04"),
        ("n", "002"): Synset(["exchange", "interchange"], [], "04"),
        ("v", "003"): Synset(["bomb"], [("@", "v004", 0, 0)], "33"),
        ("v", "004"): Synset(["attack"], [], "33"),
        ("n", "005"): Synset(["bomb"], [("@", "n006", 0, 0)], "06"),
        ("n", "006"): Synset(["explosive_device"], [], "06"),
    }
    ranks = {
        ("n", "swap"): ["n001"],
        ("n", "barter"): ["n001"],
        ("v", "bomb"): ["v003", "v007"],
        ("n", "bomb"): ["n005", "n008", "n009"],
    }
    known = {"swap", "barter", "exchange", "interchange", "bomb", "attack"}
    table = sole_kinds(found, known, ranks)
    # Words, not stems, so that "exchanged" can be told a form of "exchange" ("openness" of
    # "open" is not); "bomb" has several senses as a verb and as a noun: no line.
    assert table == {"swap": {"exchange", "interchange"}, "barter": {"exchange", "interchange"}}
