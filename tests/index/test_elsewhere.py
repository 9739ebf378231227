"""A question's names must be where its passage is (`elsewhere.told_elsewhere`)."""

from __future__ import annotations

import pytest

from index.answering.concepts import WORD, concepts
from index.answering.elsewhere import told_elsewhere
from index.answering.vocabulary import Vocabulary, stemmer

EXCHANGE = "Warsaw's first stock exchange was established in 1817 and reopened in 1991."
BERLIN = "Trains to Berlin leave every hour; the British embassy and the Syrian mission are near."
LOWER = "Students mark the exams in June, and Assad fell in December."


def vocabulary(*texts: str) -> Vocabulary:
    words = [w.lower() for text in texts for w in WORD.findall(text)]
    return Vocabulary.of(list(texts), frozenset(stemmer().stemWords(words)))


CORPUS = vocabulary(EXCHANGE, BERLIN, LOWER)


def elsewhere(question: str, *around: str) -> tuple[str, ...]:
    asked = concepts(question, stemmer())
    return told_elsewhere(question, asked, CORPUS, vocabulary(*around))


def test_a_name_the_story_gives_elsewhere_is_named() -> None:
    question = "When was Berlin's first stock exchange established?"
    assert elsewhere(question, EXCHANGE) == ("Berlin",)
    assert elsewhere(question, EXCHANGE, BERLIN) == ()


def test_a_name_the_story_never_gives_is_left_to_the_missing_words() -> None:
    assert elsewhere("When was Munich's first stock exchange established?", EXCHANGE) == ()


@pytest.mark.parametrize(
    "question",
    [
        "What do British students call Warsaw's stock exchange?",  # a people's name describes
        "When did the post-Assad stock exchange reopen?",  # a prefixed name dates
        "Which Mark was on Warsaw's stock exchange in 1817?",  # also a common word ("mark")
    ],
)
def test_a_name_that_describes_or_is_a_common_word_is_not_asked_about(question: str) -> None:
    assert elsewhere(question, EXCHANGE) == ()


def test_a_capital_stands_for_its_country() -> None:
    capital = vocabulary(EXCHANGE, BERLIN, "Damascus is old.")
    question = "What does Damascus want?"
    asked = concepts(question, stemmer())
    assert told_elsewhere(question, asked, capital, vocabulary(BERLIN)) == ()
    assert told_elsewhere(question, asked, capital, vocabulary(EXCHANGE)) == ("Damascus",)


def test_a_place_named_like_its_people_is_still_a_name() -> None:
    """A place's name may end as a people's does ("Iran", "Syrian"); its other name "Iranian"
    makes it the place."""
    corpus = vocabulary(EXCHANGE, "Iranian traders shipped oil from Iran.")
    for question, elsewhere_named in [
        ("When did Iran's stock exchange open?", ("Iran",)),
        ("When did Iranian traders open the stock exchange?", ()),
    ]:
        asked = concepts(question, stemmer())
        assert told_elsewhere(question, asked, corpus, vocabulary(EXCHANGE)) == elsewhere_named
