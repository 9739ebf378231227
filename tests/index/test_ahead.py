"""Whether a question asks what will happen, and whether a sentence says (index.answering.ahead)."""

from __future__ import annotations

from index.answering.ahead import asks_ahead, conditional, looks_ahead, supposes


def test_a_question_asking_yes_or_no_whether_something_will_happen_asks_ahead() -> None:
    assert asks_ahead("Will the US lift sanctions on Syria?")
    assert asks_ahead("won't the cooperation last?")
    assert asks_ahead("Is the US planning to send troops?")
    assert asks_ahead("Are the two countries expected to sign a deal?")
    assert asks_ahead("Does Syria plan to hold elections?")
    assert asks_ahead("Who will replace al-Sharaa?")
    assert asks_ahead("Which country will lift sanctions?")


def test_questions_about_what_is_or_was_do_not_ask_ahead() -> None:
    assert not asks_ahead("What will happen next?")  # left to the other signals
    assert not asks_ahead("Did the US share intelligence with Syria?")
    assert not asks_ahead("Does Syria want talks with the United States?")
    assert not asks_ahead("Who is the new Syrian leader?")


def test_a_sentence_looks_ahead_when_it_says_what_will_or_may_come() -> None:
    assert looks_ahead("The council says the array will supply about 1,600 homes.")
    assert looks_ahead("Cooperation may be one of the few areas of common ground.")
    assert looks_ahead("Syria seeks to engage in dialogue with Washington.")
    assert looks_ahead("The town wants a battery store next winter.")
    assert not looks_ahead("The US and Syria have exchanged classified intelligence.")
    assert not looks_ahead("The plot was thwarted earlier this month.")


def test_a_question_about_what_would_follow_from_something_supposes_it() -> None:
    assert supposes("What would happen if the US stopped sharing intelligence?")
    assert supposes("What if the cooperation ends?")
    assert supposes("If the attack had not been stopped, how bad would it have been?")
    assert not supposes("What group needs to decide if they should make a plea?")
    assert not supposes("Do you know if the US will lift sanctions?")  # "if" for "whether"
    assert not supposes("Will the US lift sanctions?")


def test_a_sentence_is_conditional_when_it_says_what_follows_from_what() -> None:
    assert conditional("Anglers opposed the plan, fearing it would harm the lake's fish.")
    assert conditional("If the force is doubled, the acceleration doubles.")
    assert conditional("When a force acts on a body, it accelerates.")
    assert not conditional("Trump could lead efforts toward peace.")
