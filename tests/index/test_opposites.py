"""A question with a word turned into its opposite (index.answering.opposites)."""

from __future__ import annotations

import pytest

from index.answering.concepts import polar
from index.answering.opposites import bases, opposite_words, said_instead, turned

LOWER = "Sea levels were lower during the LGM than at present."


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("higher", {"high"}),
        ("larger", {"large"}),
        ("biggest", {"big"}),
        ("earliest", {"early"}),
        ("small", {"small"}),
        ("panels", set()),
    ],
)
def test_a_word_is_read_in_any_degree(word: str, forms: set[str]) -> None:
    assert bases(word) == forms


def test_a_word_whose_opposite_alone_the_best_passage_says_is_turned() -> None:
    assert turned("What was higher during the LGM than the present?", LOWER, [LOWER]) == ("higher",)
    assert turned("What was lower during the LGM?", LOWER, [LOWER]) == ()


def test_a_word_another_of_the_first_passages_says_is_not_turned() -> None:
    other = "Summer temperatures were higher then."
    assert turned("What was higher during the LGM?", LOWER, [LOWER, other]) == ()


def test_a_question_holding_both_opposites_is_not_turned() -> None:
    assert turned("Were levels higher or lower during the LGM?", LOWER, [LOWER]) == ()


def test_quantities_asked_for_and_prepositions_are_never_turned() -> None:
    few = "Few people lived inside the walls."
    assert turned("How many people lived there?", few, [few]) == ()
    assert turned("Who lived outside the walls?", few, [few]) == ()
    assert turned("Did many people live there?", few, [few]) == ("many",)


@pytest.mark.parametrize(
    ("question", "asks_whether"),
    [
        ("Does the water keep the panels warm?", True),
        ("Isn't al-Sharaa the new leader?", True),
        ("were 5,000 panels installed", True),
        ("What keeps the panels warm?", False),
        ("Issues with the plan?", False),
    ],
)
def test_a_question_asking_yes_or_no(question: str, asks_whether: bool) -> None:
    assert polar(question) is asks_whether


def test_a_word_said_with_another_ending_of_the_same_sense_is_not_turned() -> None:
    passage = (
        "Water on the eastern side flowed toward the Atlantic, while to the west water flowed "
        "toward the Pacific."
    )
    asked = "Where did water to the east of the drainage basin flow towards?"
    assert turned(asked, passage, [passage]) == ()
    assert turned("Where did water to the south flow?", passage, [passage]) == ()  # no opposite
    assert turned("What flowed to the west?", "It flowed east.", ["It flowed east."]) == ("west",)


def test_a_verb_s_opposites_are_its_participle_s() -> None:
    assert "unexpected" in opposite_words("expect")
    assert opposite_words("expect") == opposite_words("expected")
    # The participle's opposite turns no question: a verb is not read in degrees.
    assert bases("expect") == frozenset()


def test_the_passage_s_word_for_the_opposite_is_what_a_refusal_names() -> None:
    question = "What was higher during the LGM than the present?"
    assert said_instead("higher", question, LOWER) == "lower"
    largest = "Among the largest predators are the black caiman and the jaguar."
    assert said_instead("smallest", "Which are among the smallest predators?", largest) == (
        "largest"
    )
    assert said_instead("higher", question, "Sea levels changed during the LGM.") is None
