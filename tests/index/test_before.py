"""Whether a question asks what came before, and a sentence tells it (index.answering.before)."""

from __future__ import annotations

from index.answering.before import asking, asks_before, tells_before


def test_a_question_about_someone_s_past_or_earlier_times_asks_before() -> None:
    assert asks_before("What group did al-Sharaa lead before taking power?")
    assert asks_before("Is al-Sharaa a former jihadist?")
    assert asks_before("Has the shrine ever been attacked?")
    assert asks_before("Has the Islamic State struck this shrine in years gone by?")
    assert not asks_before("What is the background to this cooperation?")  # its setting
    assert not asks_before("When was the plot thwarted?")
    assert asking("previous") and not asking("power")


def test_used_to_asks_before_unless_it_is_the_verb_use() -> None:
    assert asks_before("Who used to be president of Syria?")
    assert asks_before("Who used to run Syria?")
    assert not asks_before("What was used to stop the plot?")
    assert not asks_before("What intelligence is being used to fight ISIS?")


def test_a_sentence_tells_of_earlier_times_in_words_of_the_past_not_in_earlier_this_month() -> None:
    assert tells_before("It follows the collapse of former President Bashar al-Assad's regime.")
    assert tells_before("It marks a rare instance of collaboration between the two nations.")
    assert tells_before("The shrine was built in 1893.")
    assert not tells_before("The plot was thwarted earlier this month.")
