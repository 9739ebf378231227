"""Whether the story says where someone went or is (index.answering.whereabouts)."""

from __future__ import annotations

import Stemmer

from index.answering.whereabouts import Asked, Placed, asks_whereabouts, placed_thing, told

STEM = Stemmer.Stemmer("english").stemWord
STORY = [
    "This collaboration comes in the context of a shifting political landscape in Syria,"
    " following the collapse of former President Bashar al-Assad's regime.",
    "Local anglers opposed the plan at first.",
]
PLACES = {"Fresno", "Syria"}


def place(word: str) -> bool:
    return word in PLACES


def test_a_named_someone_s_whereabouts_are_asked() -> None:
    assert asks_whereabouts("Where did Assad flee to?", place) == Asked("Assad", "Assad", True)
    now = asks_whereabouts("Where is Bashar al-Assad now?", place)
    assert now == Asked("al-Assad", "Bashar al-Assad", False)
    assert now.untold == "where Bashar al-Assad is"
    written = {"assad": "Assad"}.get  # typed in lower case, as the corpus writes it
    assert asks_whereabouts("where did assad go", place, written) == Asked("Assad", "Assad", True)


def test_asking_which_country_or_city_asks_where() -> None:
    went = Asked("Assad", "Assad", True)
    assert asks_whereabouts("Which country did Assad flee to?", place) == went
    assert asks_whereabouts("To which country did Assad flee?", place) == went
    assert asks_whereabouts("In what city does Assad live now?", place) == Asked(
        "Assad", "Assad", False
    )
    assert asks_whereabouts("Which country did Trump congratulate?", place) is None
    assert asks_whereabouts("Which country did Syria move closer to?", place) is None


def test_things_places_and_other_where_questions_are_left_to_the_other_signals() -> None:
    assert asks_whereabouts("Where do ctenophora live?", place) is None
    assert asks_whereabouts("Where did Fresno residents move to?", place) is None
    assert asks_whereabouts("Where was the shrine?", place) is None
    assert asks_whereabouts("Where did ISIS plan to strike?", place) is None


def test_a_sentence_naming_someone_tells_where_only_with_a_word_of_going_or_staying() -> None:
    assad = Asked("al-Assad", "Bashar al-Assad", False)
    assert told(assad, STORY, STEM) is False
    fled = ["Bashar al-Assad fled to Moscow after his regime fell."]
    assert told(assad, fled, STEM) is True
    assert told(Asked("Putin", "Putin", False), STORY, STEM) is None


def test_the_thing_a_where_question_asks_the_place_of_is_its_subject_s_last_word() -> None:
    assert placed_thing("Where is the US embassy in Syria located?") == Placed("embassy", "is")
    assert placed_thing("Where is the ISIS cell based?") == Placed("cell", "is")
    assert placed_thing("where was the shrine tho") == Placed("shrine", "was")  # a hedge ends it
    assert placed_thing("Where did the ISIS cell hide its explosives?") == Placed("cell", "was")
    assert placed_thing("where were the shrines") == Placed("shrines", "were")
    assert Placed("embassy", "is").untold == "where the embassy is"


def test_a_where_question_about_someone_named_or_nothing_asks_no_thing_s_place() -> None:
    assert placed_thing("Where could ISIS make a comeback?") is None  # a name
    assert placed_thing("Where did Assad flee to?") is None
    assert placed_thing("Where could they strike?") is None  # a pronoun
    assert placed_thing("What is the embassy?") is None  # no "where?"
