"""A refusal names what the story lacks as the question words it (`gaps.worded`)."""

from __future__ import annotations

import pytest

from index.answering.gaps import worded


@pytest.mark.parametrize(
    ("question", "missing", "named"),
    [
        ("What is Syria's GDP?", ("GDP",), ("Syria's GDP",)),
        ("What was the death toll of the attack?", ("toll", "death"), ("death toll",)),
        ("Who is the US Secretary of State?", ("Secretary",), ("US Secretary of State",)),
        ("What is the population of Damascus?", ("population",), ("population of Damascus",)),
        ("What is the capital of France?", ("capital", "France"), ("capital of France",)),
        ("Who is Ahmed al-Sharaa's wife?", ("wife",), ("Ahmed al-Sharaa's wife",)),
        ("What did the United Nations say?", ("United",), ("United Nations",)),
        ("what was the CIA budget", ("CIA", "budget"), ("CIA budget",)),
        ("What are the symptoms of the flu?", ("symptoms", "flu"), ("symptoms of the flu",)),
    ],
)
def test_a_missing_word_is_named_with_the_words_of_its_phrase(
    question: str, missing: tuple[str, ...], named: tuple[str, ...]
) -> None:
    assert worded(question, missing) == named


@pytest.mark.parametrize(
    ("question", "missing", "named"),
    [
        # a subject and its verb are two gaps, not one thing
        ("Did Russia react to the cooperation?", ("Russia", "react"), ("Russia", "react")),
        # "of the CIA" would name the CIA's budget, not its operation's
        ("what was the budget of the CIA operation", ("budget", "CIA"), ("budget", "CIA")),
        # a missing owner is named alone, not with what it owns
        ("What did Fermat's little theorem prove?", ("Fermat",), ("Fermat",)),
        # nor are missing words that open the question one thing ("Ciliary rosettes pump …")
        (
            "Ciliary rosettes pump water into what?",
            ("Ciliary", "rosettes", "pump"),
            ("Ciliary", "rosettes", "pump"),
        ),
        # words split by punctuation are not one phrase
        (
            'When was the Policy "Indigenization" defunded?',
            ("Indigenization",),
            ("Indigenization",),
        ),
        # two missing words after a verb may be its subject and a verb
        (
            "In what water does oxygen dissolve slowly?",
            ("oxygen", "dissolve"),
            ("oxygen", "dissolve"),
        ),
        # nor is a word one thing with a name after it
        ("How large was the audience BSkyB said?", ("audience", "BSkyB"), ("audience", "BSkyB")),
        # a sentence's first word is capitalised whatever it is
        ("Sanctions on Syria?", ("Sanctions",), ("Sanctions",)),
    ],
)
def test_words_that_do_not_make_one_phrase_are_named_apart(
    question: str, missing: tuple[str, ...], named: tuple[str, ...]
) -> None:
    assert worded(question, missing) == named


def test_a_word_the_question_does_not_spell_so_is_named_as_it_is() -> None:
    """A number put back together ("3,000") is no single word of the question."""
    assert worded("Did 3,000 people die near Damascus?", ("3,000",)) == ("3,000",)


def test_nothing_missing_names_nothing() -> None:
    assert worded("Who is the new Syrian leader?", ()) == ()


@pytest.mark.parametrize(
    ("question", "missing", "named"),
    [
        ("what is the capital of france", ("capital", "france"), ("capital of France",)),
        ("whats turkey's take on this", ("turkey",), ("Turkey",)),
        ("what is syria's gdp", ("gdp",), ("Syria's gdp",)),
        ("what did the usa say about it", ("usa",), ("USA",)),
        ("is the turkey cooked", ("turkey", "cooked"), ("turkey cooked",)),  # a bird, alone
    ],
)
def test_a_place_typed_in_lower_case_is_named_as_a_name(
    question: str, missing: tuple[str, ...], named: tuple[str, ...]
) -> None:
    assert worded(question, missing) == named
