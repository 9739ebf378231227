"""What SQuAD's unanswerable questions change, read against the passages (index.answering.swaps)."""

from __future__ import annotations

import Stemmer

from index.answering.concepts import concepts, negated
from index.answering.swaps import (
    contrasted,
    denied_where_asked,
    unheld_numbers,
    unheld_ordinals,
    unheld_universals,
    unsupported,
    whole_numbers,
)
from index.passages import Chunk, Source


def _passages(*texts: str) -> list[Chunk]:
    source = Source("story", "A story")
    return [Chunk(source, n, 0, len(t), t) for n, t in enumerate(texts, start=1)]


def _sentences(*sentences: str) -> Chunk:
    """One passage of these sentences, each marked as one."""
    text = " ".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Chunk(Source("story", "A story"), 1, 0, len(text), text, tuple(spans))


def test_a_number_a_question_gives_is_held_in_digits_or_in_words() -> None:
    passages = _passages("The array will supply about 1,600 homes.", "It runs for five years.")
    assert unheld_numbers("How many homes do 1600 panels power in 2026?", passages) == ("2026",)
    assert unheld_numbers("What happens after 5 years?", passages) == ()
    assert unheld_numbers("What happens after 15 years?", passages) == ("15",)
    # "16" is not held by "1,600", nor "1.6" by it; an ordinal or a decade is not read at all.
    assert unheld_numbers("Which 16 homes, or 1.6?", passages) == ("16", "1.6")
    assert unheld_numbers("Who was the 5th mayor, in the 1990s?", passages) == ()


def test_an_ordinal_a_question_gives_is_held_in_words_or_in_digits() -> None:
    passages = _passages("Newton's Second Law asserts it.", "The 18th-century palace.")
    # SQuAD's "Newton's Third Law asserts the direct proportionality of acceleration to what?"
    assert unheld_ordinals("What does Newton's Third Law assert?", passages) == ("Third",)
    assert unheld_ordinals("What does Newton's 2nd law assert?", passages) == ()
    assert unheld_ordinals("Which eighteenth-century palace?", passages) == ()
    assert unheld_ordinals("Which 19th-century palace?", passages) == ("19th",)
    assert unheld_ordinals("Who was the first to assert it?", passages) == ()  # too common


def test_always_or_never_a_question_claims_is_held_only_when_a_passage_says_it() -> None:
    passages = _passages("Sky never had an HD channel.", "The panels keep cool in summer.")
    # SQuAD's "What channels were always available on the network?" adds "always".
    assert unheld_universals("What channels were always available?", passages) == ("always",)
    assert unheld_universals("Which channel never had an HD version?", passages) == ()
    assert unheld_universals("Do the panels NEVER keep cool, or Always?", passages[1:]) == (
        "never",
        "always",
    )
    assert unheld_universals("Which channels were available?", passages) == ()


def test_a_number_written_with_a_comma_is_named_whole() -> None:
    # Words split at the comma, and the refusal had named “000”.
    assert whole_numbers("How many homes will 3,000 panels power?", ("000",)) == ("3,000",)
    assert whole_numbers("Did 3,000 Romans see it?", ("3", "000", "Romans")) == ("3,000", "Romans")
    assert whole_numbers("How many homes?", ("homes",)) == ("homes",)


def _read(question: str, passages: list[Chunk]) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    return unsupported(question, passages, negated(question))


def test_what_the_first_passages_do_not_bear_out() -> None:
    cool = _passages("The water keeps the panels cool.", "It opened in 2026.")
    assert _read("What keeps the panels warm in 2025?", cool) == (("2025",), False, ("warm",))
    assert _read("What does the water not cool?", cool) == ((), True, ())
    # Asked yes or no, another number or the opposite answers it: no.
    assert _read("Does the water keep the panels warm in 2025?", cool) == ((), False, ())
    assert _read("What does the water always keep cool?", cool) == (("always",), False, ())


def test_a_negated_question_is_answered_where_its_words_are() -> None:
    stemmer = Stemmer.Stemmer("english")
    stem = stemmer.stemWords
    rights = _sentences(
        "ITV were the current rights holders, and fought hard to retain the new rights.",
        "The channel did not launch until 2002.",
    )
    # SQuAD's "What company was not concerned about retaining new rights?": the passage denies
    # only where the question's words are not.
    asked = concepts("What company was not concerned about retaining new rights?", stemmer)
    assert not denied_where_asked(rights, asked, stem)
    endorsed = _sentences(
        "The intelligence-sharing agreement is viewed as a reflection of concerns.",
        "The intelligence exchange was a necessary measure, rather than an endorsement.",
    )
    # Half the question's words in the sentence that denies are enough.
    asked = concepts("What is the intelligence sharing not meant to be?", stemmer)
    assert denied_where_asked(endorsed, asked, stem)


def test_a_negation_ending_the_question_only_sets_one_thing_against_another() -> None:
    assert contrasted("What right do private schools have that public schools don't?")
    assert contrasted("Which panels float where others do not ?")
    assert not contrasted("What did the solar farm not harm?")
    assert not contrasted("Cypiddids are not what?")
