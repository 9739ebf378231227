"""Whether the story names what a question asks the name of (index.answering.naming)."""

from __future__ import annotations

from index.answering.naming import Asked, asks_name_of, holds_whose, named, noun_forms


def test_the_thing_whose_name_is_asked_is_the_head_of_its_phrase() -> None:
    assert asks_name_of("What is the name of the shrine ISIS wanted to bomb?") == Asked(
        "shrine", False
    )
    assert asks_name_of("What is the name of the French colony established in 1564?") == Asked(
        "colony", False
    )
    assert asks_name_of("What was the name of the shrine near Damascus?") == Asked("shrine", False)
    assert asks_name_of("what's the official's name") == Asked("official", True)
    assert asks_name_of("whats the shrines name") == Asked("shrine", False)
    assert asks_name_of("What's the shrine called?") == Asked("shrine", False)
    assert asks_name_of("whats the shrine called") == Asked("shrine", False)
    assert asks_name_of("Tell me the name of the US officials quoted") == Asked(
        "officials", True, whose=frozenset({"us"})
    )


def test_a_person_s_name_asked_outright_keeps_whose_they_are() -> None:
    isis = frozenset({"isis"})
    assert asks_name_of("What is the name of the ISIS leader behind the plot?") == Asked(
        "leader", True, whose=isis
    )
    assert asks_name_of("What's the ISIS leader's name?") == Asked("leader", True, whose=isis)
    assert asks_name_of("Tell me the name of the Syrian leader") == Asked(
        "leader", True, whose=frozenset({"syrian"})
    )
    # A thing's name, or a person named by nobody's: nothing to keep.
    assert asks_name_of("What is the name of the ISIS plot?") == Asked("plot", False)
    assert asks_name_of("What's the leader's name?") == Asked("leader", True)


def test_the_name_of_anyone_described_asks_who_they_are_not_a_name_of_a_word() -> None:
    # "man" need not be in the story to name the man in charge: the question is "who?"
    assert asks_name_of("What's the name of the man now in charge of Syria?") is None
    assert asks_name_of("What is the name of the person who wrote the article?") is None
    assert asks_name_of("Tell me the name of the woman who leads the agency") is None
    assert asks_name_of("What is the name of the shrine?") == Asked("shrine", False)


def test_who_holds_an_office_asks_their_name() -> None:
    official = Asked("official", True, by_office=True)
    us_official = Asked("official", True, by_office=True, whose=frozenset({"us"}))
    assert asks_name_of("Which US official described the exchange as necessary?") == us_official
    assert asks_name_of("Which official said the exchange was necessary?") == official
    assert asks_name_of("Who was the US official who spoke?") == us_official
    assert asks_name_of("Who is Syria's current defense minister?") == Asked(
        "minister", True, by_office=True, whose=frozenset({"syria"})
    )
    assert asks_name_of("Which American officials were involved?") == Asked(
        "officials", True, by_office=True, whose=frozenset({"american"})
    )
    # Asking something else of them, or which of many the story's words already answer.
    assert asks_name_of("What did one official call it?") is None
    assert asks_name_of("What are US officials cautious about?") is None
    assert asks_name_of("Which officials remain cautious?") is None
    assert asks_name_of("Who is the new Syrian leader?", roles=False) is None


def test_who_leads_something_asks_the_name_of_a_leader_of_it() -> None:
    leader = asks_name_of("Who leads ISIS now?")
    assert leader == Asked("leader", True, by_office=True, led=frozenset({"isis"}))
    cell = asks_name_of("Who commands the ISIS cell?")
    assert cell is not None and cell.led == frozenset({"cell"})
    # A government is led as its place is; with no place, by any leader named.
    syria = asks_name_of("Who heads Syria's new government?")
    assert syria is not None and syria.led == frozenset({"syria"})
    administration = asks_name_of("Who heads the new administration?")
    assert administration is not None and administration.led == frozenset()
    # Who did something once, or runs something a body may run, is no office asked of.
    assert asks_name_of("Who led the attack of the French colony in 1565?") is None
    assert asks_name_of("Who runs the University of Chicago?") is None


def test_a_leader_is_named_only_in_a_sentence_that_speaks_of_what_they_lead() -> None:
    story = ["The new Syrian leader, Ahmed al-Sharaa, who has assumed control, spoke."]
    isis = Asked("leader", True, by_office=True, led=frozenset({"isis"}))
    assert named(isis, story) is False
    assert named(isis, ["Abu Hafs, the ISIS leader, was killed."]) is True
    syria = Asked("leader", True, by_office=True, led=frozenset({"syria"}))
    assert named(syria, story) is True  # "Syrian" says Syria
    anyone = Asked("leader", True, by_office=True, led=frozenset())
    assert named(anyone, story) is True
    assert named(anyone, ["The plot was foiled."]) is False


def test_which_agency_asks_a_body_s_name() -> None:
    assert asks_name_of("Which US agency shared the intelligence?") == Asked(
        "agency", False, by_office=True, whose=frozenset({"us"})
    )
    assert asks_name_of("Which ministry did he lead?") == Asked("ministry", False, by_office=True)
    assert asks_name_of("Which agencies remain cautious?") is None  # many, whose unsaid
    agency = Asked("agency", False, by_office=True)
    assert named(agency, ["The Central Intelligence Agency shared it."]) is True
    assert named(agency, ["An agency shared it."]) is False
    community = asks_name_of("Which religious community is the shrine sacred to?")
    assert community == Asked("community", False, by_office=True)
    assert named(community, ["The Alawite community reveres the shrine."]) is True


def test_a_question_asking_no_name_or_a_name_s_other_name_asks_none() -> None:
    assert asks_name_of("What is Warsaw's name in the Polish language?") is None
    assert asks_name_of("Which shrine did ISIS plan to attack?") is None
    # "called" inside the question asks which group, not its name.
    assert asks_name_of("What is the group called that does not agree with government?") is None


def test_a_thing_brought_in_with_a_and_no_name_is_unnamed() -> None:
    shrine = Asked("shrine", False)
    story = [
        "US intelligence helped thwart an ISIS plot to attack a religious shrine near Damascus"
    ]
    assert named(shrine, story) is False
    assert named(shrine, ["They attacked the shrine of Sayyida Zeinab."]) is True
    assert named(shrine, ["They attacked the Sayyida Zeinab shrine."]) is True
    assert named(shrine, ["They attacked a shrine called Sayyida Zeinab."]) is True
    assert named(shrine, ["They attacked a shrine (Sayyida Zeinab) at dawn."]) is True


def test_a_name_after_a_says_whose_thing_it_is_not_which() -> None:
    plot = Asked("plot", False)
    story = ["US intelligence helped thwart an ISIS plot to attack a religious shrine."]
    assert named(plot, story) is False  # whose plot, not its name
    assert named(plot, ["They foiled the Ramadan plot."]) is True
    assert named(plot, ["They foiled an ISIS plot called Operation Dawn."]) is True


def test_a_definite_mention_may_be_the_name_itself_as_a_term_is() -> None:
    force = Asked("force", False)
    assert named(force, ["Nucleons are bound by the strong force."]) is True
    assert named(force, ["Nucleons are bound by a strong force."]) is False
    # "The operation" alone points back at one told of; it names none.
    operation = Asked("operation", False)
    assert named(operation, ["The operation was based on intelligence."]) is False
    assert named(operation, ["The Operation was based on intelligence."]) is True


def test_a_person_s_word_is_named_only_by_a_name() -> None:
    official = Asked("official", True)
    story = ["US officials indicated support.", "As one official put it, it is a measure."]
    assert named(official, story) is False
    assert named(official, ["Jane Doe, a US official, called it a measure."]) is True
    assert named(official, ["It is a measure, said US official Jane Doe."]) is True
    assert named(official, ["Jane Doe was the official who spoke."]) is True
    assert named(official, ["The official in charge was Jane Doe."]) is False
    assert named(official, ["The official was Jane Doe."]) is True


def test_a_definite_office_may_say_who_holds_it_in_its_own_words() -> None:
    judge = Asked("judge", True, by_office=True)
    assert named(judge, ["The individual is the final judge of right and wrong."]) is True
    assert named(judge, ["A judge ruled on it."]) is False
    assert named(Asked("judge", True), ["The individual is the final judge."]) is False


def test_a_thing_the_passages_never_mention_is_left_to_the_concepts() -> None:
    assert named(Asked("embassy", False), ["The US and Syria shared intelligence."]) is None


def test_a_noun_is_matched_in_the_singular_or_the_plural_not_by_its_stem() -> None:
    assert noun_forms("agency") == {"agency", "agencies"}
    assert noun_forms("officials") == {"officials", "official"}
    assert noun_forms("churches") == {"churches", "church"}
    cooperative = Asked("cooperative", False)
    # The story's "this cooperation" is another word: the cooperative is unnamed.
    story = ["It was paid by a cooperative of 900 residents.", "This cooperation is rare."]
    assert named(cooperative, story) is False


def test_an_office_asked_as_someone_s_keeps_whose_it_is() -> None:
    asked = asks_name_of("Which ISIS leader planned the attack?")
    assert asked is not None and asked.whose == frozenset({"isis"})
    minister = asks_name_of("Who is Syria's foreign minister?")
    assert minister is not None and minister.whose == frozenset({"syria"})
    assert holds_whose(frozenset({"syria"}), "The new Syrian leader spoke.")
    assert not holds_whose(frozenset({"isis"}), "The new Syrian leader spoke.")
