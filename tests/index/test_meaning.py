"""Whether the story says what a word or initialism means (index.answering.meaning)."""

from __future__ import annotations

from index.answering.meaning import (
    as_written,
    asks_identity,
    asks_is_a,
    asks_meaning,
    defined,
    described,
    spelt_out,
)


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


def test_a_question_that_is_only_a_name_asks_who_or_what_it_is() -> None:
    nothing_capitalised = lambda _: False  # noqa: E731
    assert asks_identity("Who is Ahmed al-Sharaa?", nothing_capitalised) == (
        "Ahmed al-Sharaa",
        "Ahmed al-Sharaa",
    )
    assert asks_identity("What is the Washington Post?", nothing_capitalised) == (
        "Washington Post",
        "the Washington Post",
    )
    assert asks_identity("What's Caliber.Az?", nothing_capitalised) == ("Caliber.Az", "Caliber.Az")
    # Typed in lower case, a name is read as the corpus writes it.
    assert asks_identity("what is caliber.az", lambda w: w in {"caliber", "az"}) is not None
    assert asks_identity("what is caliber.az", nothing_capitalised) is None
    # Anything more than the name asks something else.
    assert asks_identity("Who is al-Sharaa's ally?", nothing_capitalised) is None
    assert asks_identity("What was ISIS planning?", nothing_capitalised) is None
    assert asks_identity("Who is the new leader?", nothing_capitalised) is None
    assert asks_identity("What is the Islamic State of?", nothing_capitalised) is None


def test_a_name_is_described_by_a_title_a_definition_or_a_byline() -> None:
    assert described("Donald Trump", ["He congratulated US President Donald Trump."])
    assert described("Ahmed al-Sharaa", ["The new Syrian leader, Ahmed al-Sharaa, spoke."])
    assert described("Assad", ["It followed former President Bashar al-Assad’s fall."])
    assert described("Damascus", ["They met in the city of Damascus."])
    assert described("HTS", ["HTS, a rebel group, took Damascus."])
    assert described("Tamilla Hasanova", ["By Tamilla Hasanova"])
    # Named only as a source, a place or a modifier: not described.
    assert described("Caliber.Az", ["The Post revealed it, per Caliber.Az."]) is False
    assert described("Damascus", ["a religious shrine near Damascus"]) is False
    assert described("ISIS", ["US intelligence thwarted an ISIS plot."]) is False
    assert described("Damascus", ["Washington and Damascus met."]) is False
    # Not named at all: not for this rule to say.
    assert described("Russia", ["US intelligence thwarted an ISIS plot."]) is None


def test_a_name_typed_as_chat_types_it_is_found_as_the_story_writes_it() -> None:
    cited = ["The Post revealed it, per Caliber.Az."]
    assert described("caliber az", cited) is False  # named, and said nothing of
    assert as_written("caliber az", cited) == as_written("caliber.az", cited) == "Caliber.Az"
    assert described("al sharaa", ["The new Syrian leader, Ahmed al-Sharaa, spoke."])
    assert as_written("calibre", cited) is None


def test_a_yes_or_no_question_may_ask_what_a_name_is() -> None:
    claimed = asks_is_a("Was al-Sharaa a rebel commander?")
    assert claimed is not None and claimed.untold == "whether al-Sharaa was a rebel commander"
    assert asks_is_a("Is the Washington Post a newspaper?") is not None
    # Not a name and what it is: something else is asked.
    assert asks_is_a("Is it a full endorsement?") is None
    assert asks_is_a("Is the US treating this as a narrow effort?") is None
    assert asks_is_a("Is al-Sharaa Syria's new leader?") is None


def test_the_sentences_naming_it_and_whether_as_an_article_s_maker() -> None:
    assessed = asks_is_a("Was Assad a dictator?")
    assert assessed is not None
    story = ["It followed former President Bashar al-Assad’s fall.", "Damascus is calm."]
    assert assessed.naming(story) == [(story[0], False)]
    # The question's particle or the sentence's, either way ("al-Assad" as "Assad's").
    particle = asks_is_a("Was al-Assad a dictator?")
    assert particle is not None and particle.naming(["After Assad's fall, it changed."]) == [
        ("After Assad's fall, it changed.", False)
    ]
    writer = asks_is_a("Is Tamilla Hasanova a journalist?")
    assert writer is not None and writer.naming(["By Tamilla Hasanova"]) == [
        ("By Tamilla Hasanova", True)
    ]
    outlet = asks_is_a("Is the Washington Post a newspaper?")
    headline = "US initiates intelligence sharing Report by The Washington Post"
    assert outlet is not None and outlet.naming([headline]) == [(headline, True)]
