"""The WordNet tables benchmarks/synonyms.py writes: the kinds of words of one sense."""

from __future__ import annotations

from benchmarks.synonyms import Synset, phrases, sole_kinds


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


def test_a_phrase_is_keyed_by_its_stems_and_stood_for_by_single_words_near_it() -> None:
    found = {
        ("n", "001"): Synset(["turn", "turn_of_events", "twist"], [("@", "n002", 0, 0)], "11"),
        ("n", "002"): Synset(["development"], [], "11"),
        ("n", "003"): Synset(["place_of_worship", "house_of_God"], [], "06"),
        ("n", "004"): Synset(["shrine"], [("@", "n003", 0, 0)], "06"),
        ("r", "005"): Synset(["kind_of", "rather"], [], "02"),
        ("n", "006"): Synset(["car_bomb"], [("@", "n007", 0, 0)], "06"),
        ("n", "007"): Synset(["bomb"], [], "06"),
        ("v", "008"): Synset(["take_over", "assume"], [], "40"),
    }
    known = {"turn", "twist", "development", "shrine", "rather", "bomb", "assume"}
    table = phrases(found, known)
    # Its synset's single words and those one step broader ("development") or narrower
    # ("shrine"); a capitalised lemma ("house_of_God") is none; "kind of" (one word that is no
    # stop word, and an adverb), a phrasal verb, and a phrase whose only single word near it
    # is its own ("bomb" of "car bomb") give no line.
    assert table == {"turn_of_event": {"twist", "develop"}, "place_of_worship": {"shrine"}}
