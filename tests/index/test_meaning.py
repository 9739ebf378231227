"""Whether the story says what a word or initialism means (index.answering.meaning)."""

from __future__ import annotations

from index.answering.meaning import asks_meaning, defined, spelt_out


def test_the_term_asked_of_ends_the_question() -> None:
    assert asks_meaning("What does ISIS stand for?") == ("ISIS", True)
    assert asks_meaning("What does counterterrorism mean?") == ("counterterrorism", False)
    assert asks_meaning("Define counterterrorism.") == ("counterterrorism", False)
    assert asks_meaning("what does the word pragmatic mean") == ("pragmatic", False)
    # Pointing at what was said, or asking what something means for someone, is not a term.
    assert asks_meaning("What does this mean?") is None
    assert asks_meaning("What does it mean for Syria?") is None
    assert asks_meaning("What does the cooperation mean for Syria?") is None


def test_initials_are_spelt_out_by_capitalised_words_or_brackets() -> None:
    assert spelt_out("ISIS", ["The Islamic State of Iraq and Syria struck again."])
    assert spelt_out("HTS", ["Its group (HTS) took Damascus."])
    assert not spelt_out("ISIS", ["US intelligence thwarted an ISIS plot."])
    assert not spelt_out("US", ["the US and Syria"])


def test_a_word_is_defined_where_the_sentence_says_what_it_is() -> None:
    assert defined("ctenophora", ["Ctenophora are a phylum of marine animals."])
    assert defined("HTS", ["HTS, a rebel group, took Damascus."])
    assert defined("jihad", ["Jihad means struggle."])
    assert not defined("counterterrorism", ["They work together on counterterrorism efforts."])
