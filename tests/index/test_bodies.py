"""Whether the story names the body someone named leads or belongs to (index.answering.bodies)."""

from __future__ import annotations

from index.answering.bodies import Asked, asks_body, named_body
from index.answering.concepts import people_marked

PLACES = {"syria", "syrian", "washington", "east", "us"}
ARTICLE = [
    "This collaboration comes in the context of a shifting political landscape in Syria,"
    " following the collapse of former President Bashar al-Assad's regime.",
    "The new Syrian leader, Ahmed al-Sharaa, who has assumed control in the wake of Assad's"
    " fall, congratulated US President Donald Trump on his inauguration.",
    "In his statement, al-Sharaa expressed confidence that Trump could lead efforts toward peace"
    " and stability in the Middle East.",
]
LEADS = Asked("group", "Ahmed al-Sharaa", "sharaa", "leads")


def place(word: str) -> bool:
    return word in PLACES


def test_a_body_asked_by_what_a_named_someone_does_with_it() -> None:
    assert asks_body("What group does Ahmed al-Sharaa lead?", place) == LEADS
    assert LEADS.untold == "which group Ahmed al-Sharaa leads"
    party = asks_body("What political party does al-Sharaa belong to?", place)
    assert party is not None and party.untold == "which party al-Sharaa belongs to"
    led = asks_body("Which armed group did Ahmed al-Sharaa lead before taking power?", place)
    assert led is not None and led.untold == "which group Ahmed al-Sharaa led"
    that = asks_body("Identify the insurgent organisation that Ahmed al-Sharaa led.", place)
    assert that is not None and that.untold == "which organisation Ahmed al-Sharaa led"
    written = {"sharaa": "al-Sharaa"}.get  # typed in lower case, as the corpus writes it
    typed = asks_body("what group does sharaa lead", place, written)
    assert typed is not None and typed.word == "sharaa"


def test_a_body_asked_with_a_thing_or_a_place_as_subject_is_left_to_the_other_signals() -> None:
    assert asks_body("Which terror group plotted the attack on the shrine?", place) is None
    assert asks_body("Which terrorist group was the secret information about?", place) is None
    assert asks_body("What party does Syria's president lead?", place) is None
    assert asks_body("What did al-Sharaa say to Trump?", place) is None
    written = {"he": "He"}.get  # a pronoun the corpus opens a sentence with is no name
    assert asks_body("what group does he lead", place, written) is None


def test_only_a_name_that_is_no_person_s_and_no_place_s_names_a_body() -> None:
    # Assad is a person by ¶5's "former President Bashar al-Assad", the Middle East a place.
    asked = "What group does Ahmed al-Sharaa lead?"
    assert named_body(LEADS, ARTICLE[1:], ARTICLE, people_marked, place, asked) is False
    told = ["Ahmed al-Sharaa, the leader of Hayat Tahrir al-Sham, took power in December."]
    assert named_body(LEADS, told, ARTICLE + told, people_marked, place, asked) is True
    # A name the question gives is not the answer to it.
    hts = "Does Ahmed al-Sharaa lead Hayat Tahrir al-Sham?"
    assert named_body(LEADS, told, ARTICLE + told, people_marked, place, hts) is False


def test_sentences_that_never_name_them_say_nothing_either_way() -> None:
    assert named_body(LEADS, ARTICLE[:1], ARTICLE, people_marked, place, "") is None
