"""Whether a question asks if something exists, and what (index.answering.existence)."""

from __future__ import annotations

from index.answering.existence import asks_existence


def test_the_thing_asked_of_ends_the_noun_phrase_after_is_there_or_have() -> None:
    assert asks_existence("Are there still US troops in Syria?") == "troops"
    assert asks_existence("Is there a US ambassador to Syria?") == "ambassador"
    assert asks_existence("Does the US have an embassy in Damascus?") == "embassy"
    assert asks_existence("Were there any casualties in the foiled plot?") == "casualties"
    assert asks_existence("Is there an agreement between them?") == "agreement"
    assert asks_existence("Will there be peace?") == "peace"


def test_a_question_asking_no_existence_or_of_no_thing_asks_none() -> None:
    assert asks_existence("Is ISIS still active?") is None
    assert asks_existence("Is there anything about Russia?") is None
    assert asks_existence("Where is there a shrine?") is None
    assert asks_existence("Is there ISIS in Iraq?") is None  # a name is for the concepts


def test_a_participle_after_the_thing_ends_its_noun_phrase() -> None:
    # "credited" had been taken for the thing asked of, which the story never says.
    assert asks_existence("are there troops stationed in syria") == "troops"
    assert asks_existence("Is there a meeting planned?") == "meeting"


def test_whether_the_article_has_an_author_is_asked_of_the_article() -> None:
    # Refused before: "whether there is any “credited”"; the byline answers it.
    assert asks_existence("is there a writer credited on this piece") is None
    assert asks_existence("Is there an author listed?") is None
