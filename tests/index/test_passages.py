"""How refusals word what a question asks that the story does not bear out (index.passages)."""

from __future__ import annotations

from index.passages import none_chosen, nothing_denied, said_instead, unsaid_here


def test_a_turned_word_is_refused_naming_what_the_story_says_instead() -> None:
    assert said_instead("higher", "lower", 1) == (
        "Where the story tells of this it says “lower”, not “higher”: I can't answer that as asked."
    )
    assert said_instead("warm", "cool", 2) == (
        "Where the stories tell of this they say “cool”, not “warm”: I can't answer that as asked."
    )


def test_a_claim_the_story_never_makes_is_refused_naming_its_word() -> None:
    assert unsaid_here("always", 1) == (
        "Where the story tells of this it doesn't say “always”: I can't answer that."
    )
    assert unsaid_here("third", 3) == (
        "Where the stories tell of this they don't say “third”: I can't answer that."
    )


def test_a_choice_the_story_never_makes_is_refused_naming_each_alternative() -> None:
    assert none_chosen(("the police", "the army"), 1) == (
        "Where the story tells of this it says neither “the police” nor “the army”: "
        "I can't answer that."
    )
    assert none_chosen(("predators", "vegetarian", "parasitic"), 1) == (
        "Where the story tells of this it says none of “predators”, “vegetarian” or "
        "“parasitic”: I can't answer that."
    )


def test_a_negated_question_nothing_denies_is_refused_naming_its_negation() -> None:
    assert nothing_denied("didn't", 1) == (
        "Where the story tells of this it doesn't say what isn't so: "
        "I can't answer a question asked with “didn't”."
    )
