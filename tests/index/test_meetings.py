"""Whether the story tells of a meeting, call or visit (index.answering.meetings)."""

from __future__ import annotations

from index.answering.meetings import asks_encounter, tells_encounter

NAMES = {"Trump", "al-Sharaa", "Sharaa", "sharaa", "trump", "US", "Washington"}


def named(token: str) -> bool:
    return token in NAMES


def test_a_yes_or_no_question_asks_whether_someone_named_met_called_or_visited() -> None:
    assert asks_encounter("Did Trump call al-Sharaa?", named) == "call"
    assert asks_encounter("did sharaa meet trump in person", named) == "meeting"
    assert asks_encounter("Is Trump planning to meet al-Sharaa?", named) == "meeting"
    assert asks_encounter("Has al-Sharaa visited Washington?", named) == "visit"
    assert asks_encounter("Was al-Sharaa invited to the White House?", named) == "invitation"
    assert asks_encounter("Did Trump call him?", named) == "call"


def test_other_questions_are_left_to_the_other_signals() -> None:
    assert asks_encounter("When did Trump meet al-Sharaa?", named) is None  # not yes or no
    assert asks_encounter("Did the two sides meet?", named) is None  # no one named
    assert asks_encounter("Does Syria want to talk with Washington?", named) is None
    # "call" naming something asks a name for it, not a telephone call.
    assert asks_encounter("Did US officials call the exchange an endorsement?", named) is None


def test_an_article_tells_of_an_encounter_by_its_words() -> None:
    story = ["The new Syrian leader congratulated US President Donald Trump on his inauguration."]
    assert not tells_encounter(story)
    assert tells_encounter(["Trump met al-Sharaa in Riyadh."])
    assert tells_encounter(["The two leaders held talks on Tuesday."])
