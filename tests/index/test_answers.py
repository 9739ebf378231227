"""Answers from the real model: quality on the development set, refusals, odd input, two sources."""

from __future__ import annotations

import dataclasses
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index import engine as engine_module
from index.answering import spelling
from index.answering.evaluation import evaluate
from index.answering.questions import ENGLISH_ONLY
from index.answering.search import DEFAULT_WEIGHTS
from index.cli.render import answer_json, render_answer
from index.engine import Engine
from index.settings import Settings
from tests.conftest import CORPUS, DEV_QUESTIONS, ROOT, SECOND_ARTICLE

pytestmark = pytest.mark.slow
CALIBRATION = ROOT / "eval" / "calibration.json"
SECOND_QUESTIONS = ROOT / "eval" / "second_article.json"


def _scores(ranking: Engine, asked: str) -> dict[int, float]:
    """The scores of the first five passages the engine ranks for a question, by paragraph."""
    return {h.chunk.paragraph: h.score for h in ranking.rank(asked, 5)}


def test_development_set_meets_the_answer_quality_targets(engine: Engine) -> None:
    report = evaluate(engine, DEV_QUESTIONS)
    assert report.hit_at_3 == report.in_scope == 16, report.lines()
    assert report.hit_at_1 >= 15, report.lines()
    assert report.off_topic_refused == report.off_topic == 5, report.lines()
    assert report.in_scope_refused == 0, report.lines()


def test_calibration_set_keeps_its_measured_figures(engine: Engine) -> None:
    # docs/quality.md: 4 paraphrases whose key word the story never uses are refused.
    report = evaluate(engine, CALIBRATION)
    assert report.hit_at_3 >= 31 and report.in_scope_refused <= 4, report.lines()
    assert report.off_topic_refused == report.off_topic == 30, report.lines()


def test_an_answer_is_cited_and_marks_its_best_sentence(engine: Engine) -> None:
    answer = engine.ask("Who now leads Syria after Assad?")
    assert not answer.refused and len(answer.hits) == 3
    scores = [hit.score for hit in answer.hits]
    assert scores == sorted(scores, reverse=True)
    for hit in answer.hits:
        assert hit.citation.startswith(f"¶{hit.chunk.paragraph}, US initiates")
        assert hit.answer and hit.answer in hit.chunk.text
    assert any("Ahmed al-Sharaa" in hit.answer for hit in answer.hits)


def test_what_a_question_asks_beside_its_names_lifts_the_passages_that_speak_of_it(
    engine: Engine,
) -> None:
    without = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, unnamed=0.0))
    named = "What did al-Sharaa hope Trump would bring?"
    lifted = {hit.chunk.start: hit.score for hit in engine.rank(named, 5)}
    plain = {hit.chunk.start: hit.score for hit in without.rank(named, 5)}
    lifts = [round(lifted[start] - plain[start], 4) for start in lifted.keys() & plain.keys()]
    assert len(lifts) >= 3 and all(0 < lift <= 0.1 for lift in lifts), lifts
    assert len(set(lifts)) > 1, lifts
    unnamed_question = "what did the new leader hope the president would bring?"
    assert engine.rank(unnamed_question, 5) == without.rank(unnamed_question, 5)


def test_a_question_asking_why_ranks_the_passage_giving_the_reason_above_the_headline(
    engine: Engine,
) -> None:
    asked = "Why is the US sharing intelligence with Syria?"
    assert engine.rank(asked, 1)[0].chunk.paragraph == 4  # "a reflection of … concerns"
    without = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, reason=0.0))
    assert without.rank(asked, 1)[0].chunk.kind == "headline"
    told = "Is the US sharing intelligence with Syria?"
    assert engine.rank(told, 5) == without.rank(told, 5)


@pytest.mark.parametrize(
    "asked",
    ["What's the US aim in sharing intel?", "What is the goal of the intelligence sharing?"],
)
def test_asking_the_aim_or_the_goal_asks_why(engine: Engine, asked: str) -> None:
    # The headline, which says only that the US shares intelligence, ranked first.
    assert engine.rank(asked, 1)[0].chunk.paragraph == 4  # "a necessary measure to confront …"


def test_a_story_s_headline_words_choose_the_story_not_its_lead(both_articles: Engine) -> None:
    # "Solar farm" is in the headline and the lead alone; lexically it had lifted them over the
    # paragraph that answers. Read under their headline, all the story's passages hold it.
    asked = "Why was the solar farm put on water?"
    first = both_articles.rank(asked, 1)[0]
    assert (first.chunk.source.id, first.chunk.paragraph) == ("second-article", 2)  # "because"
    plain = both_articles.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, under_headline=False))
    assert plain.rank(asked, 1)[0].chunk.kind == "headline"
    paid = "Who paid for Millbrook's solar farm?"  # ¶3: "Half was paid by a regional … grant"
    gaps = [_scores(ranking, paid) for ranking in (both_articles, plain)]
    assert gaps[0][3] - gaps[0][0] > gaps[1][3] - gaps[1][0]


def test_how_many_lifts_the_passage_counting_the_thing_asked(both_articles: Engine) -> None:
    plain = both_articles.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, count=0.0))
    asked = "how many panels?"
    lifted = _scores(both_articles, asked)
    before = _scores(plain, asked)
    # ¶1 counts them ("with 4,200 panels"); ¶2 names them beside a number that counts nothing
    # of theirs ("roughly eight percent compared with panels on land").
    assert lifted[1] - before[1] == pytest.approx(DEFAULT_WEIGHTS.count, abs=1e-5)
    assert lifted[2] == before[2]
    uncounted = "How many fish live in the quarry lake?"  # no number counts fish
    assert both_articles.rank(uncounted, 5) == plain.rank(uncounted, 5)


def test_k_sets_how_many_passages(engine: Engine) -> None:
    assert len(engine.ask("What attack was foiled?", k=1).hits) == 1
    assert len(engine.ask("What attack was foiled?", k=5).hits) == 5


@pytest.mark.parametrize(
    ("question", "lacking"),
    [
        ("What is the capital of France?", "France"),
        ("Give me a recipe for pancakes.", "pancakes"),
        ("How tall is Mount Everest?", "Everest"),
        ("did the cia pass the tip to damascus", "cia"),
        ("what does hezbollah think of al-sharaa", "hezbollah"),
        ("How old is al-Sharaa?", "age"),
    ],
)
def test_off_topic_questions_are_refused_naming_what_the_story_lacks(
    engine: Engine, question: str, lacking: str
) -> None:
    answer = engine.ask(question)
    assert answer.refused and answer.hits == ()
    assert lacking in answer.missing
    assert answer.message and "doesn't mention" in answer.message
    # quoted with the words of its phrase ("capital of France", "Mount Everest"), a name typed
    # in lower case written as a name ("CIA", "Hezbollah")
    assert re.search(rf"“[^”]*\b{lacking}\b[^”]*”", answer.message, re.I), answer.message


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Please ask a question"),
        (" \t\n", "Please ask a question"),
        ("x" * 2001, "too long"),
        ("🇸🇾🤝🇺🇸", "couldn't find a question"),
        ("\x00\x07\x1b", "Please ask a question"),
    ],
)
def test_input_with_nothing_to_ask_gets_the_reason(engine: Engine, typed: str, reason: str) -> None:
    answer = engine.ask(typed)
    assert answer.refused and answer.hits == () and answer.question == typed
    assert answer.message and reason in answer.message


@pytest.mark.parametrize(
    "typed",
    [
        "# **Who** _leads_ `Syria`?\n> quote",
        "@everyone @here who is the new Syrian leader?",
        "\x00who\x07 leads\x1b[31m Syria now?",
        "Who leads Syria? " * 100,
    ],
)
def test_dressed_up_questions_are_answered_from_the_leaders_paragraph(
    engine: Engine, typed: str
) -> None:
    answer = engine.ask(typed)
    assert not answer.refused
    assert 6 in [hit.chunk.paragraph for hit in answer.hits]


@pytest.mark.parametrize(
    ("misspelt", "spelt"),
    [
        ("Who is the new Syrain leader?", "Who is the new Syrian leader?"),
        ("Which relgious site was targetted?", "Which religious site was targetted?"),
        ("Is the US wary of the new goverment?", "Is the US wary of the new government?"),
    ],
)
def test_a_misspelt_question_is_answered_as_if_spelt_right(
    engine: Engine, misspelt: str, spelt: str
) -> None:
    answer = engine.ask(misspelt)
    assert answer.question == misspelt
    assert [h.chunk for h in answer.hits] == [h.chunk for h in engine.ask(spelt).hits] != []


def test_misspelt_questions_asked_at_once_from_threads_are_each_respelt(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "RESPELT_KEPT", 1)  # forget after every word: the worst case
    typed = ["Who is the new Syrain leader?", "Is the US wary of the new goverment?"] * 20
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(engine.ask, typed))
    assert [a.hits[0].chunk.paragraph for a in answers] == [6, 8] * 20


@pytest.mark.parametrize("typed", ["¿Quién es el nuevo líder de Siria?", "叙利亚的新领导人是谁？"])
def test_questions_in_other_languages_are_refused(engine: Engine, typed: str) -> None:
    answer = engine.ask(typed)
    assert answer.refused and answer.hits == () and answer.message == ENGLISH_ONLY


def test_a_negation_typed_with_a_phone_s_apostrophe_is_answered_as_typed_with_a_plain_one(
    engine: Engine,
) -> None:
    curly = engine.ask("Why doesn’t the US fully accept the new government?")
    plain = engine.ask("Why doesn't the US fully accept the new government?")
    assert not curly.refused and curly.hits[0].chunk.paragraph == 4
    assert [h.chunk for h in curly.hits] == [h.chunk for h in plain.hits]


@pytest.mark.parametrize(
    "dressed",
    [
        "hey, why are both sides willing to trade intel?",
        "can you tell me why are both sides willing to trade intel?",
        "Do you know why both sides are willing to trade intel?",
        "Why are both sides willing to trade intel? thanks!",
        "Why are both sides willing to trdae intel?",
    ],
)
def test_a_greeting_a_request_thanks_or_a_slip_around_a_question_does_not_change_its_answer(
    engine: Engine, dressed: str
) -> None:
    plain = engine.ask("Why are both sides willing to trade intel?")
    answer = engine.ask(dressed)
    assert not answer.refused and answer.hits[0].chunk == plain.hits[0].chunk
    assert plain.hits[0].chunk.paragraph == 4


def test_markdown_and_mentions_do_not_change_the_answer(engine: Engine) -> None:
    plain = engine.ask("who is the new Syrian leader?")
    dressed = engine.ask("@everyone **who** is the _new_ Syrian leader?")
    assert [h.chunk for h in dressed.hits] == [h.chunk for h in plain.hits]


@pytest.mark.parametrize(
    "typed",
    ["hey @StoryBot who is the new Syrian leader?", "StoryBot, who is the new Syrian leader?"],
)
def test_addressing_the_bot_by_name_does_not_change_the_answer(engine: Engine, typed: str) -> None:
    plain = engine.ask("who is the new Syrian leader?")
    addressed = engine.ask(typed)
    assert not addressed.refused
    assert [h.chunk for h in addressed.hits] == [h.chunk for h in plain.hits]


@pytest.mark.parametrize(
    "typed",
    [
        "tl;dr?",
        "what's this about",
        "What’s this article about?",
        "ELI5 this article",
        "sum it up",
        "in a nutshell?",
        "what's the bottom line?",
        "key takeaways?",
        "what's the latest?",
        "give me the short version",  # refused before (0.02)
        "what happened, briefly?",
    ],
)
def test_asking_for_the_gist_in_any_of_the_usual_ways_finds_the_lead(
    engine: Engine, typed: str
) -> None:
    answer = engine.ask(typed)
    assert not answer.refused, answer
    assert 1 in [hit.chunk.paragraph for hit in answer.hits[:2]]


def test_asking_what_the_stories_are_about_finds_their_leads(both_articles: Engine) -> None:
    both = both_articles.ask("what are the two stories about?")
    assert not both.refused, both
    assert {(hit.chunk.source.id, hit.chunk.paragraph) for hit in both.hits[:2]} == {
        ("us-syria-intelligence-sharing", 1),
        ("second-article", 1),
    }
    one = both_articles.ask("what is the syria story about?").hits[0]
    assert (one.chunk.source.id, one.chunk.paragraph) == ("us-syria-intelligence-sharing", 1)


@pytest.mark.parametrize(
    "typed", ["which stories do you have?", "list the articles", "what can I ask you about?"]
)
def test_asking_which_stories_there_are_gets_each_headline(
    both_articles: Engine, typed: str
) -> None:
    answer = both_articles.ask(typed)
    assert not answer.refused, answer
    assert [hit.chunk.kind for hit in answer.hits[:2]] == ["headline", "headline"]


def test_asking_which_story_mentions_something_is_about_that_thing(
    both_articles: Engine,
) -> None:
    best = both_articles.ask("which articles mention ISIS?").hits[0]
    assert best.chunk.kind == "body" and "ISIS" in best.chunk.text


def test_a_chat_opening_set_off_by_punctuation_is_not_part_of_the_question(
    engine: Engine,
) -> None:
    answer = engine.ask("thx! and who reported it first?")
    assert not answer.refused, answer
    assert "Washington Post" in answer.hits[0].chunk.text


def test_questions_about_the_article_itself(engine: Engine) -> None:
    assert "Tamilla Hasanova" in engine.ask("Who wrote this?").hits[0].chunk.text
    # "penned" had been a verb the story lacks: refused (0.16).
    assert "Tamilla Hasanova" in engine.ask("Who penned this piece?").hits[0].chunk.text
    outlet = engine.ask("Which paper reported it?")
    assert any("Washington Post" in hit.chunk.text for hit in outlet.hits)


@pytest.mark.parametrize(
    "typed", ["who published this?", "where was this published?", "who published the story?"]
)
def test_who_published_it_is_asked_of_the_outlet(engine: Engine, typed: str) -> None:
    # "published" was read as a word the story lacks: the first two were refused (0.22, 0.004),
    # the third answered tentatively (0.36) with the byline, which names the writer.
    answer = engine.ask(typed)
    assert not answer.refused, answer
    assert "Washington Post" in answer.hits[0].chunk.text


@pytest.mark.parametrize(
    ("typed", "author"),
    [
        ("who wrote the solar farm story?", "Dana Okafor"),
        ("Who is the author of the Millbrook article?", "Dana Okafor"),
        ("who wrote the piece about intelligence sharing with Syria", "Tamilla Hasanova"),
    ],
)
def test_who_wrote_a_story_named_by_its_headline_finds_that_story_s_byline(
    both_articles: Engine, typed: str, author: str
) -> None:
    best = both_articles.ask(typed).hits[0]
    assert best.chunk.kind == "byline" and author in best.chunk.text


@pytest.mark.parametrize("typed", ["What's the date of the article?", "what's the death toll?"])
def test_a_contraction_does_not_hide_what_the_story_lacks(engine: Engine, typed: str) -> None:
    assert engine.ask(typed).refused


@pytest.mark.parametrize(
    ("typed", "untold"),
    [
        # Each was answered from the paragraph on Assad's fall, which gives no time (0.72, 0.85).
        ("When did Assad fall?", "when"),
        ("What year did Assad's regime collapse?", "when"),
        ("How many times did al-Sharaa talk to Trump?", "how many"),
        # It had been refused as not mentioning “specific”, a word that only presses.
        ("What specific day did Trump take office?", "when"),
        # Answered from ¶6 (0.60): whether a date is set asks for one all the same.
        ("Is there a date set for talks between Damascus and Washington?", "when"),
        # Answered from ¶3 (0.63), whose "the two nations" counts nations, not money.
        ("How much did the operation cost?", "how much"),
        # Answered from ¶0 (0.41): "the two nations" says which nations, not how many times.
        ("How many times has the US shared intelligence with Syria?", "how many"),
    ],
)
def test_a_date_or_count_the_story_never_gives_is_refused_saying_so(
    engine: Engine, typed: str, untold: str
) -> None:
    answer = engine.ask(typed)
    assert answer.refused and answer.hits == ()
    assert answer.message == f"The story doesn't say {untold}, so I can't tell you that."


def test_a_count_of_the_things_asked_is_told_by_the_number_that_names_them(
    engine: Engine,
) -> None:
    # "the two nations" tells how many nations, not how many times (above).
    answer = engine.ask("How many nations were involved in the collaboration?")
    assert not answer.refused and "two nations" in answer.hits[0].chunk.text


def test_the_united_states_is_the_story_s_us(engine: Engine) -> None:
    # Answered tentatively (0.75): "United" was a name the story lacked.
    answer = engine.ask("Does Syria want talks with the United States?")
    assert not answer.refused and not answer.tentative
    assert answer.hits[0].chunk.paragraph == 6


def test_a_name_the_story_never_gives_is_refused_saying_so(engine: Engine) -> None:
    # Answered from ¶2 (0.95), whose "a religious shrine near Damascus" names no shrine.
    answer = engine.ask("What was the name of the shrine near Damascus?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say the shrine's name, so I can't tell you that."
    # ¶3's "The operation was reportedly based on …" points back at it (answered, 0.84).
    operation = engine.ask("What was the name of the operation that thwarted the plot?")
    assert operation.message == (
        "The story doesn't say the operation's name, so I can't tell you that."
    )
    # The outlet that revealed it is named without the word (refused before, 0.07).
    paper = engine.ask("What is the name of the newspaper that revealed the plot?")
    assert not paper.refused and "The Washington Post revealed" in paper.hits[0].chunk.text
    # "An ISIS plot" says whose plot, not which (answered from ¶2, 0.97).
    plot = engine.ask("What was the name of the ISIS plot?")
    assert plot.refused
    assert plot.message == "The story doesn't say the plot's name, so I can't tell you that."
    # Nor the name of someone it never mentions (it had been answered from ¶6, 0.75).
    minister = engine.ask("What is the name of Syria's new foreign minister?")
    assert minister.refused and minister.missing == ("minister",)


def test_who_holds_an_office_the_story_never_names_is_refused(engine: Engine) -> None:
    # Answered from ¶4 (0.98 and 0.81): the story quotes "one official", never by name.
    for question in (
        "Which official said the intelligence exchange was necessary?",
        "Which US official described the exchange as a necessary measure?",
    ):
        answer = engine.ask(question)
        assert answer.refused and answer.hits == ()
        assert answer.message == (
            "The story doesn't say the official's name, so I can't tell you that."
        )
    # Answered from ¶3 (0.87): WordNet's "official" for "officer" is in the story, which
    # names no official.
    officer = engine.ask("Which intelligence officer passed on the information?")
    assert officer.refused
    assert officer.message == "The story doesn't say the officer's name, so I can't tell you that."
    # Answered from ¶2 (0.98): the leader ¶6 names is Syria's, not one of ISIS's.
    leader = engine.ask("Which ISIS leader planned the shrine attack?")
    assert leader.refused
    assert leader.message == "The story doesn't say the leader's name, so I can't tell you that."
    assert not engine.ask("Which Syrian leader congratulated Trump?").refused
    # Answered from ¶6 (0.88): the story has no minister at all.
    minister = engine.ask("Who is Syria's foreign minister?")
    assert minister.refused and minister.missing == ("minister",)
    # Answered from ¶6 (0.65): who serves as an office is who holds it.
    assert engine.ask("Who serves as foreign minister in the new Syrian government?").refused
    # The offices it names are still answered.
    for question in ("Who is the Syrian leader?", "Which president did al-Sharaa congratulate?"):
        answer = engine.ask(question)
        assert not answer.refused and answer.hits[0].chunk.paragraph == 6


def test_a_name_is_read_in_the_article_of_the_best_passage(both_articles: Engine) -> None:
    # Answered (0.85): the other story's "these cooperative steps" had counted as naming it.
    unnamed = both_articles.ask("What is the name of the cooperative?")
    assert unnamed.refused
    assert (
        unnamed.message
        == "None of the stories says the cooperative's name, so I can't tell you that."
    )
    quarry = both_articles.ask("What is the name of the quarry?")
    assert not quarry.refused
    assert any("Hartley quarry" in hit.chunk.text for hit in quarry.hits)


def test_a_name_the_story_gives_is_still_answered(engine: Engine) -> None:
    answer = engine.ask("What is the name of the new Syrian leader?")
    assert not answer.refused
    assert "Ahmed al-Sharaa" in answer.hits[0].answer


def test_whether_a_date_is_set_is_not_answered_by_the_article_s_own_date(
    both_articles: Engine,
) -> None:
    # Answered (0.86) from the solar story, whose headline's date is when it was published.
    planned = both_articles.ask("Is there a date set for the battery store?")
    assert planned.refused
    assert planned.message == "None of the stories says when, so I can't tell you that."
    held = both_articles.ask("Was there a date set for switching on the solar farm?")
    assert not held.refused and "on Tuesday" in held.hits[0].answer


def test_words_of_someone_the_story_never_quotes_are_refused_saying_so(engine: Engine) -> None:
    # Answered from ¶6 (0.91), in which al-Sharaa congratulates Trump and Trump says nothing.
    answer = engine.ask("What did Trump say?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say what Trump said, so I can't tell you that."
    # Typed in lower case, "trump" is read as the story writes it (it had been answered, 0.98).
    assert engine.ask("has trump replied to al-sharaa's congratulations").refused
    # A promise is words too (it had been answered from ¶6, 0.99).
    assert engine.ask("What did Trump promise al-Sharaa?").refused
    # Whether he thanked him asks for his words as well (it had been answered from ¶6, 0.99).
    assert engine.ask("Did Trump thank al-Sharaa?").refused
    # Congratulating and answering are words as well (answered from ¶6, 0.99 and 0.68): the
    # story tells only of al-Sharaa's congratulations.
    assert engine.ask("Did Trump congratulate al-Sharaa back?").refused
    assert engine.ask("did trump answer the message").refused
    assert not engine.ask("Did al-Sharaa congratulate Trump?").refused


def test_words_of_someone_the_story_never_mentions_are_refused_naming_them(
    engine: Engine,
) -> None:
    # Answered from ¶6 (0.82): the story has no minister to quote.
    answer = engine.ask("What did Syria's foreign minister say?")
    assert answer.refused and answer.missing == ("minister",)
    # A body that speaks as one too (it had been answered from ¶6, 0.79).
    ministry = engine.ask("What did the Syrian interior ministry say?")
    assert ministry.refused and ministry.missing == ("ministry",)


def test_officials_of_another_country_do_not_speak_for_those_asked_of(engine: Engine) -> None:
    # Answered from ¶4 (0.95), where US officials speak, never Syrian ones.
    answer = engine.ask("What did Syrian officials say about the plot?")
    assert answer.refused and answer.hits == ()
    assert answer.message == (
        "The story doesn't say what Syrian officials said, so I can't tell you that."
    )
    kept = engine.ask("What did American officials say about the exchange?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 4


def test_how_the_public_reacted_needs_a_passage_that_speaks_of_them(engine: Engine) -> None:
    # Answered from ¶6 (0.94), whose "new Syrian leader" is one Syrian, not the people.
    answer = engine.ask("What did Syrians say about the plot?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say what Syrians said, so I can't tell you that."
    assert engine.ask("How did Syrians react to Trump's inauguration?").refused
    assert engine.ask("What do Americans think about the cooperation?").refused


def test_a_person_named_by_office_or_a_force_asked_which_needs_the_word_itself(
    engine: Engine,
) -> None:
    # "commander" is stemmed "command", which WordNet gives for "statement" (answered, 0.64);
    # "forces" (answered from ¶3, 0.92) is no word of the story.
    assert engine.ask("What is the name of the ISIS commander?").refused
    forces = engine.ask("Which Syrian security forces acted on the intelligence?")
    assert forces.refused and forces.missing == ("forces",)
    # Who holds an office may be said by a synonym: "per Caliber.Az" is the report's source.
    assert not engine.ask("Who was the source of the report?").refused
    assert not engine.ask("What is the name of the Syrian leader?").refused


def test_a_name_of_common_words_typed_in_lower_case_is_refused_as_capitalised(
    engine: Engine,
) -> None:
    # Answered from ¶4 (0.92): "united" and "nations" are common words, and the story says
    # "the two nations".
    typed = engine.ask("what did the united nations say about the intelligence sharing?")
    assert typed.refused
    assert (
        typed.refused
        == engine.ask("What did the United Nations say about the intelligence sharing?").refused
    )


def test_another_name_of_isis_is_read_as_the_story_s(engine: Engine) -> None:
    # Refused before, naming “ISIL” and “Islamic” as missing.
    answer = engine.ask("What did ISIL plan to attack?")
    assert not answer.refused and "religious shrine" in answer.hits[0].answer
    assert answer.question == "What did ISIL plan to attack?"  # quoted as typed
    assert not engine.ask("What is the Islamic State of Iraq and Syria planning?").refused


def test_the_syrian_capital_as_a_place_is_the_story_s_damascus(engine: Engine) -> None:
    # Refused before, naming “capital” as missing: the story names the city, not the capital.
    answer = engine.ask("What did ISIS plan to hit close to the Syrian capital?")
    assert not answer.refused and "religious shrine" in answer.hits[0].answer
    asked = engine.ask("What is the Syrian capital?")
    assert asked.refused and "capital" in asked.missing


def test_an_unnamed_official_is_the_story_s_one_official(engine: Engine) -> None:
    # Refused before (0.20): the story never says "unnamed", it names no one.
    answer = engine.ask("What did the unnamed official call the exchange?")
    assert not answer.refused and "necessary measure" in answer.hits[0].answer
    asked = engine.ask("Who was the anonymous official?")
    assert asked.refused
    assert asked.message == "The story doesn't say the official's name, so I can't tell you that."


def test_chat_s_intel_is_the_story_s_intelligence(engine: Engine) -> None:
    # Refused before (0.16): "intel" held "intelligence" by its stem, but the sentence model
    # and BM25 read a word the story never writes.
    answer = engine.ask("what kind of intel")
    whole = engine.ask("what kind of intelligence")
    assert not answer.refused and answer.hits == whole.hits
    assert answer.question == "what kind of intel"  # quoted as typed


def test_where_a_thing_is_needs_a_story_that_mentions_it(engine: Engine) -> None:
    # Answered from ¶3 (0.80), whose "based on intelligence shared between Washington and the
    # Syrian government" names places; the story never mentions a cell.
    answer = engine.ask("Where is the ISIS cell based?")
    assert answer.refused and answer.missing == ("cell",)
    assert not engine.ask("Where was the shrine located?").refused
    # A word for people may be the story's name for them ("the militants": ISIS).
    assert not engine.ask("Where could the militants resurge?").refused


@pytest.mark.parametrize(
    ("put", "alone"),
    [
        # Answered from ¶5 (0.94) and ¶4 (0.85) where the question alone is refused.
        ("Does the article say when Assad fell?", "When did Assad fall?"),
        ("Does the story explain who leads ISIS?", "Who leads ISIS?"),
        (
            "According to the article, who is Syria's foreign minister?",
            "Who is Syria's foreign minister?",
        ),
    ],
)
def test_a_question_put_to_the_article_is_the_question_inside(
    engine: Engine, put: str, alone: str
) -> None:
    answer, inside = engine.ask(put), engine.ask(alone)
    assert answer.refused and inside.refused
    assert answer.message == inside.message


def test_what_someone_said_about_a_thing_needs_their_words_where_it_is(engine: Engine) -> None:
    # Answered from ¶6 (0.98): al-Sharaa speaks there of Trump, peace and Washington.
    answer = engine.ask("What did al-Sharaa say about ISIS?")
    assert answer.refused
    assert answer.message == (
        "The story doesn't say what al-Sharaa said about ISIS, so I can't tell you that."
    )
    for kept in (
        "What did al-Sharaa say about Trump?",
        "What did Syria say about the cooperation?",
        "What did al-Sharaa tell Trump about his hopes?",  # "hopes" the story never says
    ):
        assert not engine.ask(kept).refused


def test_which_agency_needs_a_story_that_names_one(engine: Engine) -> None:
    # Answered from ¶3 (0.97). WordNet gives "authority" for "agency", stemmed "author" as the
    # byline passage's stems hold it: the story seemed to mention agencies.
    answer = engine.ask("Which US agency shared the intelligence?")
    assert answer.refused
    assert answer.message == "The story doesn't say the agency's name, so I can't tell you that."


def test_who_leads_something_needs_a_passage_naming_its_leader(engine: Engine) -> None:
    # Answered from ¶4 (0.97): the only leader named is Syria's.
    isis = engine.ask("Who leads ISIS now?")
    assert isis.refused
    assert isis.message == "The story doesn't say the leader's name, so I can't tell you that."
    kept = engine.ask("Who heads the new administration?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 6
    assert not engine.ask("Who leads the new Syrian government?").refused


def test_what_the_public_thinks_needs_a_passage_that_speaks_of_them(engine: Engine) -> None:
    # Answered from ¶8 (0.85) and ¶4 (0.95): the story tells what officials think, not people.
    popular = engine.ask("Is the cooperation popular in the US?")
    assert popular.refused and popular.hits == ()
    assert popular.message == "The story doesn't say what people think, so I can't tell you that."
    assert engine.ask("Do Americans approve of the intelligence sharing?").refused
    kept = engine.ask("How do US officials view the cooperation?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 4


def test_a_government_s_words_need_one_of_its_office_holders_speaking(engine: Engine) -> None:
    # Answered from ¶0 (0.94) and ¶4 (0.88): no Syrian official speaks of the report or the plot.
    assert engine.ask("How did the Syrian government respond to the report?").refused
    assert engine.ask("What did the Syrian authorities say about the plot?").refused
    kept = engine.ask("What did the US administration say about the cooperation?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 4  # "US officials indicated"
    assert not engine.ask(
        "How did the new Syrian government react to Trump's inauguration?"
    ).refused


def test_words_of_someone_the_story_quotes_are_still_answered(engine: Engine) -> None:
    answer = engine.ask("What did al-Sharaa say?")
    assert not answer.refused and answer.hits[0].chunk.paragraph == 6
    asked = engine.ask("Did the Syrian leader thank Trump?")
    assert not asked.refused and asked.hits[0].chunk.paragraph == 6


def test_a_country_s_words_need_one_of_its_office_holders_speaking(engine: Engine) -> None:
    # Answered from ¶0 (0.95): only US officials speak in the passages on the sharing.
    answer = engine.ask("Did Syria thank the US for the intelligence?")
    assert answer.refused
    assert answer.message == "The story doesn't say what Syria said, so I can't tell you that."
    kept = engine.ask("What did Syria say about the cooperation?")
    assert not kept.refused  # "The new Syrian leader … congratulated", ¶6


def test_a_word_of_saying_the_story_lacks_is_not_what_a_refusal_names(engine: Engine) -> None:
    # It had said the story doesn't mention “reply”: what it lacks is Trump's words.
    answer = engine.ask("How did Trump reply to al-Sharaa?")
    assert answer.refused and answer.missing == ()
    assert answer.message == "The story doesn't say what Trump said, so I can't tell you that."
    moscow = engine.ask("How did Moscow react to the US-Syria intelligence cooperation?")
    assert moscow.missing == ("Moscow",)  # not “react”


def test_words_of_someone_named_need_passages_that_name_them(engine: Engine) -> None:
    # Answered from ¶0 (0.83): the passages on the sharing never name Trump.
    answer = engine.ask("Has Trump commented on the intelligence sharing?")
    assert answer.refused
    assert answer.message == "The story doesn't say what Trump said, so I can't tell you that."
    kept = engine.ask("What did al-Sharaa say to Trump?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 6
    # He speaks in ¶6 of Trump, peace and Washington, never of the sharing (answered from ¶6
    # before his words had to be about what the question asks).
    assert engine.ask("What did al-Sharaa say about the intelligence sharing?").refused


def test_whether_something_will_happen_needs_a_passage_that_looks_ahead(
    engine: Engine, both_articles: Engine
) -> None:
    # Answered from ¶8 (0.75): the story tells what has happened, not what the US will do.
    answer = engine.ask("Will the US recognize the new government?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say what will happen, so I can't tell you that."
    # Answered from ¶8 (0.77), whose "endorsement" stood for "sanctions".
    assert engine.ask("Will the US lift sanctions on Syria?").refused
    # The "al" of "al-Sharaa" is no word of what will happen (both 0.97 before).
    assert engine.ask("Who will replace al-Sharaa?").refused
    assert engine.ask("Will al-Sharaa visit Washington?").refused
    # What the story says may come is still answered.
    kept = engine.ask("Will the cooperation continue?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 8
    solar = both_articles.ask("Will an ecologist monitor the fish?")
    assert not solar.refused and "will monitor" in (solar.hits[0].answer or "")
    monitor = both_articles.ask("Who will monitor the fish?")
    assert not monitor.refused and "will monitor" in (monitor.hits[0].answer or "")


def test_what_would_follow_from_something_supposed_needs_a_passage_that_says(
    engine: Engine, both_articles: Engine
) -> None:
    # Answered from the headline (0.84): the story never says what would follow from anything.
    answer = engine.ask("What would happen if the US stopped sharing intelligence?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say what would happen, so I can't tell you that."
    # The anglers feared the farm "would harm the lake's fish".
    solar = both_articles.ask("What would happen to the fish if the panels went in?")
    assert not solar.refused and "would harm" in (solar.hits[0].answer or "")


def test_where_someone_went_needs_a_passage_that_says_it(engine: Engine) -> None:
    # Answered from ¶5 (0.97), whose "in Syria" and "al-Assad's regime" say neither.
    answer = engine.ask("Where did Assad go after his regime fell?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say where Assad went, so I can't tell you that."
    assert engine.ask("Where is Bashar al-Assad now?").refused  # 0.99 before
    assert engine.ask("Where did Assad flee to?").refused  # 0.83 before
    assert engine.ask("Which country did Assad flee to?").refused  # 0.79 before, from ¶5
    shrine = engine.ask("Where was the shrine that ISIS wanted to attack?")
    assert not shrine.refused and shrine.hits[0].chunk.paragraph == 2


def test_what_came_before_needs_a_passage_that_tells_of_earlier_times(engine: Engine) -> None:
    # Answered from ¶6 (0.91): the story tells of al-Sharaa only since he took power.
    answer = engine.ask("What group did al-Sharaa lead before taking power?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say what came before, so I can't tell you that."
    # ¶2's "earlier this month" dates the plot, not an attack before it (0.92 before).
    assert engine.ask("Has the shrine been attacked before?").refused
    # A name typed in lower case is a name there too (answered from ¶6 at 0.95): ¶5's
    # "former President Bashar al-Assad" names him, not who ran Syria before him.
    assert engine.ask("who was running syria before assad").refused
    # ¶3's "a rare instance of collaboration" tells it.
    kept = engine.ask("Have the US and Syria cooperated before?")
    assert not kept.refused and any(h.chunk.paragraph == 3 for h in kept.hits)


def test_why_needs_a_passage_that_may_give_a_reason(engine: Engine) -> None:
    # Answered from ¶2 (0.99): it tells of the plot, never of what ISIS wanted by it.
    answer = engine.ask("Why did ISIS want to attack the shrine?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say why, so I can't tell you that."
    assert engine.ask("Why did the Washington Post report this?").refused  # 0.98 before
    # A reason where the passages speak of the question's words, or in the best passage.
    for question, paragraph in (
        ("Why did the US share intelligence with Syria?", 4),
        ("Why is the US working with Syria's new rulers?", 8),
        ("Why does Syria want dialogue with Washington?", 6),
    ):
        kept = engine.ask(question)
        assert not kept.refused and kept.hits[0].chunk.paragraph == paragraph


def test_whether_there_is_a_thing_the_story_never_mentions_is_refused(engine: Engine) -> None:
    # Answered from ¶1 and ¶2 (0.72 and 0.85): the story has no troops and no embassy.
    troops = engine.ask("Are there still US troops in Syria?")
    assert troops.refused and troops.hits == () and troops.missing == ("troops",)
    embassy = engine.ask("Does the US have an embassy in Damascus?")
    assert embassy.refused and embassy.missing == ("embassy",)
    kept = engine.ask("Is there a common interest?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 4


def test_how_much_needs_an_amount_not_things_already_counted(engine: Engine) -> None:
    # Answered from ¶3 (0.78), whose "between the two nations" is no amount of intelligence.
    answer = engine.ask("How much intel did they share?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say how much, so I can't tell you that."


def test_which_ranks_first_needs_a_passage_that_ranks(engine: Engine) -> None:
    # Answered from ¶2 (0.90), which speaks of "a religious shrine" and ranks none.
    answer = engine.ask("What is the most important shrine in Syria?")
    assert answer.refused and answer.hits == ()
    assert answer.message == (
        "The story doesn't say which is the most important, so I can't tell you that."
    )
    assert engine.ask("Which country is Syria's closest ally?").refused  # 0.85 before
    # "most" of a verb asks who, not which ranks first.
    assert not engine.ask("Who benefits most from this cooperation?").refused


def test_what_a_word_means_needs_a_passage_that_says_it(engine: Engine) -> None:
    # Answered from ¶4 (0.94) and ¶8 (0.81): the story writes both, explains neither.
    initials = engine.ask("What does ISIS stand for?")
    assert initials.refused and initials.hits == ()
    assert initials.message == (
        "The story doesn't say what ISIS stands for, so I can't tell you that."
    )
    word = engine.ask("Define counterterrorism.")
    assert word.refused and word.missing == ()  # "Define" asks; it is not missing
    assert word.message == (
        "The story doesn't say what “counterterrorism” means, so I can't tell you that."
    )


def test_who_or_what_a_name_is_needs_a_passage_that_says_it(engine: Engine) -> None:
    # Answered from ¶2 (0.33): "per Caliber.Az" names the source and says nothing of it.
    source = engine.ask("What is Caliber.Az?")
    assert source.refused and source.hits == ()
    assert source.message == "The story doesn't say what Caliber.Az is, so I can't tell you that."
    # Typed as chat types it, named as the story writes it (tentatively answered from ¶2 before).
    for typed in ("what is caliber.az?", "what is caliber az"):
        assert engine.ask(typed).message == source.message
    # Answered from ¶4 (0.98): "ISIS threats", "an ISIS plot".
    assert engine.ask("What is ISIS?").refused
    # Said by a title or a byline: answered.
    assert engine.ask("Who is Donald Trump?").hits[0].chunk.paragraph == 6
    assert not engine.ask("Who was Assad?").refused
    assert engine.ask("Who is Tamilla Hasanova?").hits[0].chunk.paragraph == 9


def test_a_word_the_story_never_writes_may_be_met_by_meaning(engine: Engine) -> None:
    # Refused (0.26) naming “partnership”, which WordNet does not give for "collaboration";
    # read in context it is ¶3's "rare instance of collaboration".
    answer = engine.ask("How uncommon is this partnership?")
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 3
    # What no passage says in any words stays missing.
    assert engine.ask("How many fighters does ISIS have?").missing == ("fighters",)


def test_a_person_s_name_needs_a_passage_that_names_one_of_theirs(engine: Engine) -> None:
    # Answered from ¶2 (0.79): the leader the story names, al-Sharaa, is Syria's.
    answer = engine.ask("What is the name of the ISIS leader behind the plot?")
    assert answer.refused
    assert answer.message == "The story doesn't say the leader's name, so I can't tell you that."
    assert engine.ask("What's the ISIS leader's name?").refused  # 0.84 from ¶6 before
    assert engine.ask("What is the name of the new Syrian leader?").hits[0].chunk.paragraph == 6


def test_someone_asked_without_the_particle_of_their_name_is_the_same_speaker(
    engine: Engine,
) -> None:
    # "Sharaa" for the story's "al-Sharaa" had been read as someone it never quotes: refused
    # (0.09-0.10) with "The story doesn't say what Sharaa said".
    hoped = engine.ask("What did Sharaa say he hoped Trump could bring to the region?")
    assert not hoped.refused and hoped.hits[0].chunk.paragraph == 6
    assert not engine.ask("what did sharaa tell trump").refused
    # What he said of something else is still not said.
    about = engine.ask("What did Sharaa say about ISIS?")
    assert about.refused
    assert about.message == (
        "The story doesn't say what Sharaa said about ISIS, so I can't tell you that."
    )


def test_whether_a_name_is_something_needs_a_sentence_naming_it_so(engine: Engine) -> None:
    # Answered from ¶6 (0.97): the story names Assad only by his regime's fall.
    answer = engine.ask("Was Assad a dictator?")
    assert answer.refused
    assert answer.message == (
        "The story doesn't say whether Assad was a dictator, so I can't tell you that."
    )
    # Said in a sentence that names them, or by the byline: answered.
    assert not engine.ask("Was Assad the former president?").refused
    assert not engine.ask("Is Trump the US president?").refused
    assert engine.ask("Is Tamilla Hasanova a journalist?").hits[0].chunk.paragraph == 9


def test_a_share_asked_for_needs_an_amount(engine: Engine) -> None:
    # Answered from ¶6 (0.48): the story gives no figure of support.
    answer = engine.ask("What percentage of Syrians support al-Sharaa?")
    assert answer.refused and answer.hits == ()


def test_a_name_asked_with_called_needs_one(engine: Engine) -> None:
    # Answered from ¶2 (0.51), whose "a religious shrine near Damascus" names none.
    answer = engine.ask("What's the shrine called?")
    assert answer.refused
    assert answer.message == "The story doesn't say the shrine's name, so I can't tell you that."


def test_what_came_after_needs_a_passage_that_tells_of_later_times(engine: Engine) -> None:
    # Answered from ¶2 (0.93): the story ends with the plot thwarted.
    answer = engine.ask("What did the US do after the plot was foiled?")
    assert answer.refused and answer.hits == ()
    assert answer.message == ("The story doesn't say what happened next, so I can't tell you that.")
    # "in the wake of Assad's fall" tells what came after it.
    kept = engine.ask("What happened after Assad's fall?")
    assert not kept.refused and kept.hits[0].chunk.paragraph == 6


def test_money_the_story_gives_answers_how_much_it_cost(both_articles: Engine) -> None:
    answer = both_articles.ask("How much did the solar farm project cost?")
    assert not answer.refused and "6.8 million euros" in answer.hits[0].answer
    # Not in dollars (answered from the paragraph giving euros, 0.98, before).
    dollars = both_articles.ask("How much did the solar farm cost in dollars?")
    assert dollars.refused and dollars.missing == ("dollars",)


def test_a_date_the_story_gives_in_words_is_still_answered(engine: Engine) -> None:
    answer = engine.ask("When was the shrine plot foiled?")
    assert not answer.refused
    assert "earlier this month" in answer.hits[0].answer


def test_a_report_the_story_speaks_of_is_not_taken_for_the_article(engine: Engine) -> None:
    best = engine.ask("Who wrote the report on the shrine plot?").hits[0]
    assert "The Washington Post revealed" in best.chunk.text


def test_summary_is_short_cited_in_story_order_and_covers_the_main_facts(engine: Engine) -> None:
    summary = engine.summary()
    assert 3 <= len(summary) <= 5
    assert sum(len(s.text) for s in summary) <= 1000
    paragraphs = [s.paragraph for s in summary]
    assert paragraphs == sorted(paragraphs)
    assert all(s.citation.startswith(f"¶{s.paragraph}, ") for s in summary)
    assert len(set(paragraphs)) == len(paragraphs)
    text = " ".join(s.text for s in summary)
    # The exchange, the foiled plot and the new leader; which sentence of ¶4 (the concerns, or
    # "not political acceptance") comes in is a near tie that the int8 encoder can tip.
    for fact in ("intelligence", "ISIS", "shrine", "al-Sharaa"):
        assert fact in text


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real engine over the story and the made-up second article."""
    folder = tmp_path_factory.mktemp("two")
    shutil.copytree(CORPUS, folder / "corpus")
    shutil.copy(SECOND_ARTICLE, folder / "corpus")
    settings = Settings(corpus=folder / "corpus", data_dir=folder / "data", _env_file=None)
    return Engine.open(settings, lambda _: None)


def test_second_article_questions_find_the_right_source(two_articles: Engine) -> None:
    report = evaluate(two_articles, SECOND_QUESTIONS)
    assert report.in_scope == 10
    assert report.hit_at_3 >= 9, report.lines()
    # "How many households will get power?": the article says "homes" (docs/quality.md).
    assert report.in_scope_refused <= 1, report.lines()
    assert report.off_topic_refused == report.off_topic, report.lines()


def test_two_articles_each_answer_cites_its_own_source(two_articles: Engine) -> None:
    engine = two_articles
    solar = engine.ask("How many homes will the floating panels power?").hits[0]
    assert solar.chunk.source.id == "second-article" and "1,600 homes" in solar.chunk.text
    assert solar.citation.startswith("¶1, Millbrook opens its first floating solar farm")
    syria = engine.ask("Who is the new leader of Syria?").hits
    assert all(hit.chunk.source.id == "us-syria-intelligence-sharing" for hit in syria[:2])
    assert {info.source.id: info.passages for info in engine.sources()} == {
        "second-article": 7,
        "us-syria-intelligence-sharing": 10,
    }
    assert {s.source.id for s in engine.summary()} == {
        "second-article",
        "us-syria-intelligence-sharing",
    }


def test_which_paper_published_a_story_is_answered_with_its_publisher(
    both_articles: Engine,
) -> None:
    answer = both_articles.ask("which paper published the solar farm story?")
    assert answer.hits[0].chunk.kind == "headline"
    assert "Courier" not in answer.hits[0].chunk.text, "the front matter names it, not the text"
    assert render_answer(answer).startswith(
        "1. [¶0, Millbrook opens its first floating solar farm on the old quarry lake"
        " · The Millbrook Courier · 2026-03-14]"
    )
    assert answer_json(answer)["passages"][0]["publisher"] == "The Millbrook Courier"


def test_a_number_no_passage_ranked_for_a_question_holds_refuses_it(
    two_articles: Engine,
) -> None:
    # SQuAD's unanswerable questions swap a paragraph's number for another. This was answered
    # tentatively from the ecologist's paragraph (0.62), which says "five years".
    swapped = two_articles.ask("What will the ecologist monitor for 10 years?")
    assert swapped.refused and swapped.missing == ("10",)
    kept = two_articles.ask("What will the ecologist monitor for 5 years?")
    assert not kept.refused and "five years" in kept.hits[0].answer
    unheard = two_articles.ask("How many homes will the 3,000 panels supply?")
    assert unheard.refused
    assert unheard.message == (
        "None of the stories mentions “3,000”, so I can't answer that from them."
    )


def test_a_negated_question_no_passage_answers_with_a_denial_is_refused(
    two_articles: Engine,
) -> None:
    # SQuAD's unanswerable questions often negate an answerable one. This was answered with
    # the solar story's headline (0.97): nothing in it says what the farm does not harm.
    unharmed = two_articles.ask("What did the solar farm not harm?")
    assert unharmed.refused
    # The refusal says why; it had said the stories "cover" none of it.
    assert unharmed.message == (
        "Where the stories tell of this they don't say what isn't so: "
        "I can't answer a question asked with “not”."
    )
    asking_whether = two_articles.ask("Can't the panels be used after dark?")
    assert not asking_whether.refused and "after dark" in asking_whether.hits[0].answer
    denied = two_articles.ask("Is the intelligence sharing not an endorsement?")
    assert not denied.refused
    # The sentence that denies is the answer; it had bolded "… is viewed as a reflection …".
    assert "rather than an endorsement" in denied.hits[0].answer


def test_a_negated_question_needs_a_denial_where_its_words_are(engine: Engine) -> None:
    # Answered from ¶6 (0.99 before), while ¶4 denies ("does not imply"), not of al-Sharaa.
    unexpressed = engine.ask("What did al-Sharaa not express?")
    assert unexpressed.refused
    assert unexpressed.message == (
        "Where the story tells of this it doesn't say what isn't so: "
        "I can't answer a question asked with “not”."
    )
    assert engine.ask("What does Syria not want from Washington?").refused
    # A plot "thwarted" was not carried out; a stance "ambiguous" is not clear.
    assert not engine.ask("What didn't ISIS manage to attack?").refused
    assert not engine.ask("What isn't clear about the US stance?").refused
    assert not engine.ask("What is the intelligence sharing not meant to be?").refused


def test_a_claim_of_always_or_never_no_passage_makes_refuses_the_question(engine: Engine) -> None:
    # SQuAD's unanswerable questions add "always" or "never" to an answerable one. This was
    # answered from ¶1 (0.97), which says what they exchanged, not that they always had.
    always = engine.ask("What have the US and Syria always exchanged?")
    assert always.refused
    assert always.message == (
        "Where the story tells of this it doesn't say “always”: I can't answer that."
    )
    assert engine.ask("What has Washington never given the new Syrian administration?").refused
    kept = engine.ask("What have the US and Syria exchanged?")
    assert not kept.refused and "classified intelligence" in kept.hits[0].answer


def test_a_word_the_best_passage_says_only_the_opposite_of_refuses_the_question(
    two_articles: Engine,
) -> None:
    # SQuAD's unanswerable questions often turn a word into its opposite. This was answered
    # with the paragraph on the lake keeping the panels cool (0.95).
    warm = two_articles.ask("What keeps the panels warm?")
    assert warm.refused
    # The refusal names what the passage says instead.
    assert warm.message == (
        "Where the stories tell of this they say “cool”, not “warm”: I can't answer that as asked."
    )
    assert not two_articles.ask("What keeps the panels cool?").refused
    # Asked yes or no, the passage saying "cool" answers it: no.
    whether = two_articles.ask("Does the water keep the panels warm?")
    assert not whether.refused and "cool" in whether.hits[0].answer


@pytest.mark.parametrize(
    "typed",
    [
        "when was this published?",
        "What date was the article written?",
        "when was this written?",
        "what's the date of this article?",  # these two were refused with both articles
        "what date is the article from?",
        # Answered from the story's headline (0.35), whose "earlier this month" (¶2) tells of
        # the plot: refused since an undated article's own date is ruled untold.
        "When was this article published?",
    ],
)
def test_when_an_article_came_out_is_answered_by_the_headline_of_the_one_with_a_date(
    both_articles: Engine, engine: Engine, typed: str
) -> None:
    answer = both_articles.ask(typed)
    assert not answer.refused, answer
    top = answer.hits[0]
    assert (top.chunk.source.id, top.chunk.kind) == ("second-article", "headline")
    assert answer_json(answer)["passages"][0]["date"] == "2026-03-14"
    undated = engine.ask(typed)
    assert undated.refused, "the story's own file gives no date"
    # The refusal names the gap; it had said the story "doesn't cover that".
    assert (
        undated.message == "The story doesn't say when it was published, so I can't tell you that."
    )


def test_when_an_article_named_by_its_maker_came_out_is_untold_without_a_date(
    engine: Engine,
) -> None:
    # Answered from the headline (0.35): its outlet's name is no subject of the question.
    for typed in (
        "When was the Washington Post report published?",
        "When did the Post publish this?",
    ):
        answer = engine.ask(typed)
        assert answer.refused, typed
        assert answer.message == (
            "The story doesn't say when it was published, so I can't tell you that."
        )


def test_who_wrote_an_unsigned_story_is_refused_saying_so(
    story_settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    # It was refused as a story that "doesn't mention “wrote”", as if that were its subject.
    (tmp_path / "corpus").mkdir()
    [story] = CORPUS.glob("*.txt")
    lines = story.read_text(encoding="utf-8").splitlines()
    (tmp_path / "corpus" / "story.txt").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    encoders = story_settings.encoders or story_settings.data_dir / "encoders"
    settings = Settings(
        corpus=tmp_path / "corpus", data_dir=tmp_path / "data", encoders=encoders, _env_file=None
    )
    unsigned = Engine.open(settings, progress=lambda _: None)
    answer = unsigned.ask("who wrote this?")
    assert answer.refused
    assert answer.message == "The story doesn't say who wrote it, so I can't tell you that."
    assert "Tamilla Hasanova" in engine.ask("who wrote this?").hits[0].chunk.text


def test_a_government_named_by_a_person_speaks_only_by_that_person(engine: Engine) -> None:
    # Answered from ¶6 (0.99): al-Sharaa speaks there, and Trump is only congratulated.
    answer = engine.ask("What did the Trump administration say about al-Sharaa?")
    assert answer.refused
    assert answer.message == (
        "The story doesn't say what the Trump administration said, so I can't tell you that."
    )
    assert not engine.ask("What did the Syrian government say?").refused


def test_the_name_of_anyone_described_is_asked_as_who_they_are(engine: Engine) -> None:
    # Refused (0.06) as if the story had to say "man" to name him.
    answer = engine.ask("What's the name of the man now in charge of Syria?")
    assert not answer.refused
    assert answer.hits[0].chunk.paragraph == 6
    writer = engine.ask("What is the name of the person who wrote the article?")
    assert not writer.refused and writer.hits[0].chunk.paragraph == 9


def test_a_word_wordnet_gives_as_a_kind_of_the_story_s_is_met_in_context(engine: Engine) -> None:
    # Refused (0.32) naming “spy”: the story says "intelligence", which WordNet gives as the
    # kind of work a spy's is, and the model reads them alike here (0.48).
    answer = engine.ask("Which newspaper broke the news about the spy cooperation?")
    assert not answer.refused
    assert "The Washington Post" in answer.hits[0].chunk.text
    # A car bomb is a kind of attack, but the model reads this one unlike the story's (below
    # `LINKED`): still refused.
    assert engine.ask("Was the plot a car bomb?").refused


def test_a_word_of_one_sense_is_met_by_its_kind_wherever_the_story_writes_it(
    engine: Engine,
) -> None:
    # Refused (0.09): "swapped" is a kind of exchanging, but the model reads it nearer "shift"
    # than ¶1's "exchanged" (0.34, under `LINKED`). "Swap" has one sense as a noun.
    answer = engine.ask("was the info the US and syria swapped actually classified?")
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 1
    # "Bomb" has several senses (a kind of attack only as a verb): still refused.
    assert engine.ask("Was the plot a car bomb?").refused


def test_a_question_is_also_read_in_the_story_s_words_met_in_context(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "swap" is met by ¶4's "exchange", but the sentence model reads the question as asked far
    # from ¶4's "the intelligence exchange was a necessary measure": refused (0.27).
    asked = "Why did one official say the swap was needed?"
    answer = engine.examine(asked)[0]
    assert not answer.refused and answer.hits[0].chunk.paragraph == 4
    # A question whose words the story writes is read as asked.
    plain = "Why was the intelligence exchange a necessary measure?"
    question, vector, _ = engine._search(plain)
    assert (vector == engine._vector(question.text)).all()
    monkeypatch.setattr(engine_module, "reworded", lambda question, said: question)
    assert engine.examine(asked)[0].refused


@pytest.mark.parametrize(
    "asked",
    [
        "did anyone see this coming or was it a surprise",  # ¶1: "an unexpected development"
        "Is this a big shift in how Washington deals with Damascus?",  # "a significant shift"
    ],
)
def test_a_question_is_also_read_in_the_synonyms_the_story_says_it_with(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    # Read only as asked, the headline and ¶2 ranked first: the question's words are the
    # story's only by WordNet ("surprise" → "unexpected", "deals" → "relations").
    assert engine.examine(asked)[0].hits[0].chunk.paragraph == 1
    monkeypatch.setattr(engine_module, "said_by", lambda *given: {})
    assert engine.examine(asked)[0].hits[0].chunk.paragraph != 1


def test_what_the_writer_says_is_asked_of_the_story(engine: Engine) -> None:
    # Refused (0.10): "The story doesn't say what writer said" (the writer taken for someone
    # the story never quotes).
    answer = engine.ask("What did the writer say about al-Sharaa's message to Trump?")
    assert not answer.refused
    assert answer.hits[0].chunk.paragraph == 6


def test_adverbs_that_narrow_or_source_what_is_asked_are_never_missing(engine: Engine) -> None:
    # Named as what the story never mentions ("allegedly" 0.91, "mainly" 0.76).
    plot = engine.ask("What was ISIS allegedly planning to attack?")
    assert not plot.refused and plot.missing == () and plot.hits[0].chunk.paragraph == 2
    gist = engine.ask("What is this article mainly about?")
    assert not gist.refused and gist.missing == ()


def test_a_word_met_by_meaning_ranks_the_passage_saying_it(engine: Engine) -> None:
    # Refused (0.31): "scheme" was met as ¶2's "plot" (a hypernym, read alike in context) for
    # judging, but the passages had been ranked before, on the words as typed. (Asked of "the
    # foiled terror scheme", ¶4 now ranks first: "terror" is put as ¶4's "threat", a WordNet
    # synonym the model reads alike here, 0.54.)
    answer = engine.ask("Which paper first disclosed the foiled ISIS scheme?")
    assert not answer.refused
    assert answer.hits[0].chunk.paragraph == 2


def test_a_word_the_story_never_writes_lifts_the_passage_reading_nearest_it(
    engine: Engine,
) -> None:
    # Ranked ¶7, ¶1 and ¶3 first: "backdrop" is met by no word at `meant.MEANT`, but the model
    # reads it at 0.49 to ¶5's "context" in context, and at 0.33 at most elsewhere.
    answer = engine.ask("What is the backdrop to this cooperation?")
    assert not answer.refused
    assert answer.hits[0].chunk.paragraph == 5


def test_a_phrase_is_read_as_the_word_the_story_writes_for_it(engine: Engine) -> None:
    # Refused (0.23): "turn" and "events" were read apart, neither near any passage's word.
    # WordNet gives "turn of events" one step narrower than "development" (¶1).
    answer = engine.ask("How surprising is this turn of events?")
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 1
    # A phrase the story writes no word for is read word by word, and named missing.
    toll = engine.ask("What was the death toll?")
    assert toll.refused and set(toll.missing) == {"death", "toll"}


def test_a_word_for_a_group_the_story_names_is_met_by_its_name(engine: Engine) -> None:
    # Refused (0.17, and 0.19 asked of "the extremists"): "terrorists" is no word of the
    # story, and the model reads no word of it near enough; it reads ¶2's "ISIS" at 0.4 or more.
    for question in (
        "Where was the holy site that the terrorists wanted to hit located?",
        "What kind of place of worship was reportedly the intended target of the extremists?",
    ):
        answer = engine.ask(question)
        assert not answer.refused and answer.missing == ()
        assert answer.hits[0].chunk.paragraph == 2


def test_a_question_opened_with_ok_so_is_judged_as_asked_without_it(engine: Engine) -> None:
    # Answered (0.74): "ok" stayed a word of the question, and the question opened on it, not
    # on "When" (robustness benchmark: 7 of 59 near-topic questions answered opened so).
    answer = engine.ask("ok so When will Trump visit Damascus?")
    assert answer.refused and answer.missing == ("visit",)
    # "ok" is no word the story lacks, and "ok when …" still asks when.
    typed = engine.ask("ok when will Trump visit Damascus?")
    assert typed.refused and typed.missing == ("visit",)


def test_a_question_shouted_in_capitals_reads_names_as_one_typed_in_lower_case(
    engine: Engine,
) -> None:
    # Answered (0.99): in capitals, "TRUMP" was no name (a question in capitals is read in lower
    # case) and "AL-SHARAA" was, so the question was not taken as typed in lower case either.
    answer = engine.ask("HOW DID TRUMP REPLY TO AL-SHARAA?")
    assert answer.refused
    assert answer.message == engine.ask("How did Trump reply to al-Sharaa?").message


def test_what_an_asker_saw_before_a_question_typed_in_lower_case_leaves_it_so(
    engine: Engine,
) -> None:
    # Answered (0.99): the capitals of what was said first ("I", "Syria") made "trump" no name.
    asked = "has trump replied to al-sharaa's message"
    answer = engine.ask(f"I saw the news about Syria, but {asked}")
    assert answer.refused
    assert answer.message == engine.ask(asked).message


def test_the_words_a_byline_is_indexed_with_are_not_the_story_s(engine: Engine) -> None:
    # Answered from ¶3 (0.94): "agency" was heard in the "Author:" the byline is indexed with
    # (an agency is an authority, and so an author, to WordNet).
    answer = engine.ask("What is the name of the Syrian intelligence agency?")
    assert answer.refused
    assert answer.message == "The story doesn't say the agency's name, so I can't tell you that."
    # The report's source is the outlet's, as the paper's name is.
    assert not engine.ask("Who was the source of that report?").refused


def test_a_correspondent_or_columnist_is_who_wrote_the_article(engine: Engine) -> None:
    # Refused (0.07, and 0.02 naming “columnist”).
    for question in ("Who is the correspondent?", "Who is the columnist?"):
        answer = engine.ask(question)
        assert not answer.refused
        assert answer.hits[0].chunk.kind == "byline"


@pytest.mark.parametrize(
    "question", ["Who's behind this story?", "Who is the reporter behind this piece?"]
)
def test_who_is_behind_the_article_is_who_wrote_it(engine: Engine, question: str) -> None:
    # Refused (0.14), and the headline ranked above the byline (0.56).
    answer = engine.ask(question)
    assert not answer.refused
    assert answer.hits[0].chunk.kind == "byline"


def test_who_is_behind_something_else_is_no_question_about_the_article(engine: Engine) -> None:
    # "who was behind it", after a question on the plot, asks who was behind the plot.
    for question in ("Who was behind the plot?", "who was behind it"):
        hits = engine.ask(question).hits
        assert not hits or hits[0].chunk.kind != "byline"


def test_someone_asked_by_office_needs_someone_so_called(engine: Engine) -> None:
    # Answered from ¶2 (0.95) and ¶4 (0.42): "commander" was heard in "statement" and
    # "control" (a command is either), "diplomat" in "political"; the story calls no one so.
    assert engine.ask("Which ISIS commander ordered the attack?").refused
    assert engine.ask("Which diplomat spoke to the Post?").refused
    # Said by an office's own word, or one of its synonyms that is an office too: answered.
    assert not engine.ask("Who is the Syrian leader?").refused


def test_words_of_someone_the_story_never_speaks_of_are_untold(engine: Engine) -> None:
    # Answered from the headline (0.56), as if Washington had posted something, and from ¶7
    # (0.94): the story has no editor and no supporters of Assad, let alone their words.
    editor = engine.ask("What did the Washington Post's editor say?")
    assert editor.refused and editor.missing == ("editor",)
    supporters = engine.ask("What did Assad's supporters say about the cooperation?")
    assert supporters.refused
    assert supporters.message == (
        "The story doesn't say what Assad's supporters said, so I can't tell you that."
    )


def test_what_kind_of_lifts_the_passage_saying_what_kind(engine: Engine) -> None:
    plain = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, sort=0.0))
    asked = "What kind of intelligence changed hands between the US and Syria?"
    # ¶1 says what kind: "exchanged classified intelligence regarding ISIS threats"; ¶4 only
    # names "the intelligence-sharing agreement" and "the intelligence exchange".
    assert engine.rank(asked, 1)[0].chunk.paragraph == 1
    assert plain.rank(asked, 1)[0].chunk.paragraph != 1
    lifted = _scores(engine, asked)
    before = _scores(plain, asked)
    assert lifted[1] - before[1] == pytest.approx(DEFAULT_WEIGHTS.sort, abs=1e-5)
    assert lifted[4] == before[4]
    unsorted = "What did the intelligence sharing change?"
    assert engine.rank(unsorted, 5) == plain.rank(unsorted, 5)


def test_what_kind_of_a_broader_word_lifts_the_passage_saying_what_kind(engine: Engine) -> None:
    # Intelligence is a kind of info (WordNet): "classified intelligence" says what kind of info
    # it was, as it says what kind of intelligence; ¶3's "based on intelligence shared between …"
    # does not.
    plain = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, sort=0.0))
    asked = "What kind of info did the two governments swap?"
    lifted = _scores(engine, asked)
    before = _scores(plain, asked)
    assert lifted[1] - before[1] == pytest.approx(DEFAULT_WEIGHTS.sort, abs=1e-5)
    assert lifted[3] == before[3]


@pytest.mark.parametrize(
    "asked",
    [
        "How often do the US and Syria collaborate like this?",
        "Was this the first time the two countries worked together like this?",
        "Is it common for the two countries to work together like this?",
    ],
)
def test_asking_how_often_lifts_the_passage_telling_how_often(engine: Engine, asked: str) -> None:
    # ¶3: "a rare instance of collaboration between the two nations"; ¶7 ("pragmatic
    # cooperation") ranked first before the lift.
    assert engine.rank(asked, 1)[0].chunk.paragraph == 3
    plain = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, frequency=0.0))
    lifted = _scores(engine, asked)
    before = _scores(plain, asked)
    assert lifted[3] - before[3] == pytest.approx(DEFAULT_WEIGHTS.frequency, abs=1e-5)
    assert all(lifted[p] == before[p] for p in lifted if p != 3 and p in before)


def test_a_question_not_asking_how_often_gets_no_frequency_lift(engine: Engine) -> None:
    plain = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, frequency=0.0))
    asked = "What do the two countries have in common?"  # "common" as shared, not usual
    assert engine.rank(asked, 5) == plain.rank(asked, 5)


def test_asking_what_came_before_lifts_the_passage_telling_of_earlier_times(
    engine: Engine,
) -> None:
    # ¶5: "the collapse of former President Bashar al-Assad's regime"; ¶6 ("The new Syrian
    # leader, Ahmed al-Sharaa") ranked first and, telling nothing earlier, had it refused.
    asked = "Who was the former leader of Syria?"
    answer = engine.ask(asked)
    assert not answer.refused and answer.hits[0].chunk.paragraph == 5
    plain = engine.reweighted(dataclasses.replace(DEFAULT_WEIGHTS, before=0.0))
    assert plain.ask(asked).refused
    now = "Who is the leader of Syria?"
    assert engine.rank(now, 5) == plain.rank(now, 5)


@pytest.mark.parametrize(
    "asked", ["Who was Syria's previous president?", "Who used to be president of Syria?"]
)
def test_a_name_after_an_office_the_question_says_is_a_new_answer(
    engine: Engine, asked: str
) -> None:
    # ¶5 names "former President Bashar al-Assad": "President" is in the question, the name is
    # not. Taken as named by the question, ¶5 lost the lift ¶6 (al-Sharaa, Trump) got.
    assert engine.ask(asked).hits[0].chunk.paragraph == 5


@pytest.mark.parametrize(
    "asked", ["What was the cost of the operation?", "What was the price tag of the operation?"]
)
def test_the_cost_asked_for_needs_an_amount_of_money(engine: Engine, asked: str) -> None:
    # Answered from ¶3 (0.50, 0.55), as "How much did the operation cost?" is not.
    assert engine.ask(asked).refused


def test_a_speaker_named_with_a_capitalised_particle_is_the_story_s(engine: Engine) -> None:
    # "What did Al-Sharaa say?" was refused (0.10) as if he said nothing.
    answer = engine.ask("What did Al-Sharaa say?")
    assert not answer.refused and answer.hits[0].chunk.paragraph == 6


@pytest.mark.parametrize("typed", ["was the plot stopped?", "who stopped the attack?"])
def test_stopping_the_plot_is_told_by_thwarting_it(engine: Engine, typed: str) -> None:
    # "stop" and "thwart" are two of WordNet's five ways to "prevent": before, the first was
    # refused (0.18) and the second answered with ¶2 at 0.49.
    answer = engine.ask(typed)
    assert not answer.refused, answer
    assert "thwarting an ISIS plot" in answer.hits[0].chunk.text


def test_this_one_is_the_article(engine: Engine) -> None:
    # "one" was a concept the byline lacks: refused (0.29).
    answer = engine.ask("whats the byline on this one?")
    assert not answer.refused
    assert "Tamilla Hasanova" in answer.hits[0].chunk.text


def test_a_question_asked_two_ways_is_answered_either_way(engine: Engine) -> None:
    # Whole, it was refused (0.08): "Aleppo" is a place the story never names.
    answer = engine.ask("was the plot near damascus or was it in aleppo")
    assert not answer.refused
    assert answer.question == "was the plot near damascus or was it in aleppo"
    assert "near Damascus" in answer.hits[0].chunk.text
    # A second way leaning on the first is no question of its own.
    refused = engine.ask("is hts still on the us terror list or did they take it off")
    assert refused.refused and "hts" in [m.lower() for m in refused.missing]


def test_a_second_question_after_a_comma_is_answered_too(engine: Engine) -> None:
    # Refused whole (0.28): "how often" and "is it common" ask the one thing "a rare instance"
    # tells.
    answer = engine.ask("how often do the us and syria actually work together, is it common")
    assert not answer.refused
    assert any("rare instance" in hit.chunk.text for hit in answer.hits)


def test_a_name_in_a_passage_never_stands_for_a_word_the_story_lacks(engine: Engine) -> None:
    # "airstrikes" was read as "Syria" (0.5 in context) and never said missing.
    answer = engine.ask("did the us carry out airstrikes in syria")
    assert "airstrikes" in answer.missing


@pytest.mark.parametrize(
    "typed",
    [
        "afaik who leads syria now",
        "who rly leads syria now",
        "who leads syria nowadays",
        "who leads syria fr",
        "who leads syria again?",
        "who leads syria exactly",
    ],
)
def test_chat_hedges_are_never_what_the_story_lacks(engine: Engine, typed: str) -> None:
    # "afaik" and "rly" had been named missing, and the answer hedged (0.80, 0.78); the last
    # four were refused (0.09-0.10) as asking the leader of "nowadays", "fr", "again" or
    # "exactly".
    answer = engine.ask(typed)
    assert not answer.refused and not answer.tentative and answer.missing == ()
    assert "Ahmed al-Sharaa" in answer.hits[0].chunk.text


@pytest.mark.parametrize("typed", ["who leads syria briefly", "who leads syria in one sentence"])
def test_how_short_an_answer_is_wanted_is_no_part_of_the_question(
    engine: Engine, typed: str
) -> None:
    # "briefly" had asked for the gist (¶1 first), and "sentence" was named missing.
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 6


@pytest.mark.parametrize(
    "typed",
    [
        "what is the name of the author?",
        "name of the author",
        "what's the author's name",
        "which journalist put this report together?",
        "who compiled this report",
    ],
)
def test_the_byline_names_the_author(engine: Engine, typed: str) -> None:
    # The first three were refused (0.10) as asking a name the story never gives, where "who
    # is the author?" was answered; the last two ranked the headline first or were refused.
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.kind == "byline"


def test_a_search_for_a_date_the_story_never_gives_is_refused(engine: Engine) -> None:
    # Typed as a search, it had been answered from ¶6, which mentions the inauguration (0.98).
    answer = engine.ask("date of Trump's inauguration")
    assert answer.refused
    assert "when" in answer.message.lower()


def test_initials_opening_a_question_are_a_name_the_story_lacks(engine: Engine) -> None:
    # "UN" was read as any first word, and the question answered from ¶8 (0.92).
    answer = engine.ask("UN stance on Syria's new government")
    assert answer.refused and answer.missing == ("UN",)


def test_a_surprise_is_what_the_story_calls_unexpected(engine: Engine) -> None:
    # Refused (0.32) before WordNet's "also see" linked "surprising" and "unexpected".
    answer = engine.ask("were people surprised by the cooperation?")
    assert not answer.refused and answer.hits[0].chunk.paragraph == 1


@pytest.mark.parametrize("typed", ["whats the gist", "overview of the story", "bottom line?"])
def test_a_request_for_the_gist_names_nothing_missing(engine: Engine, typed: str) -> None:
    # Answered from the lead, but "gist", "overview" and "bottom" had been named as what the
    # story never mentions (`missing` in the JSON).
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 1


@pytest.mark.parametrize(
    "typed",
    [
        "How often do the americans and the syrian government work together like this,"
        " is it usual?",
        "How common is it for these two countries to work together like this?",
    ],
)
def test_how_often_is_answered_by_a_rare_instance(engine: Engine, typed: str) -> None:
    # The first was refused (0.32): asked for a number, ¶7 first had none; the second ranked
    # ¶7 ("work together") above ¶3 ("a rare instance of collaboration").
    answer = engine.ask(typed)
    assert not answer.refused and answer.hits[0].chunk.paragraph == 3


@pytest.mark.parametrize(
    "typed", ["was this expected or a surprise?", "was the cooperation expected?"]
)
def test_a_yes_or_no_question_is_answered_by_the_opposite_the_story_says(
    engine: Engine, typed: str
) -> None:
    # "expected" was read as a word the story never writes (0.14 and 0.67, ¶1 not first);
    # the story's "an unexpected development" answers both, with a no.
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 1


@pytest.mark.parametrize(
    "typed", ["Had anyone anticipated this cooperation?", "Was the cooperation anticipated?"]
)
def test_a_word_made_its_opposite_by_un_answers_as_its_opposite(engine: Engine, typed: str) -> None:
    # "anticipated" has no opposite in WordNet's table, but "unanticipated" is one of the words
    # for "unexpected": refused (0.07), naming "anticipated".
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 1


def test_an_opposite_answers_only_a_question_asked_yes_or_no(engine: Engine) -> None:
    question, _, scored = engine._search("who expected the cooperation?")
    unheard = engine._retriever.unheard(scored.asked)
    assert [c.word for c in unheard] == ["expected"]
    assert engine._retriever.opposed(question, unheard) == {}


@pytest.mark.parametrize(
    "typed",
    [
        "I don't have much time, who leads syria?",
        "English is not my first language, sorry. who leads syria?",
        "Sorry to bother you, who leads syria?",
    ],
)
def test_what_an_asker_says_of_themselves_is_no_part_of_the_question(
    engine: Engine, typed: str
) -> None:
    # The first two were refused (0.09, 0.04); "bother" was named as what the story lacks.
    answer = engine.ask(typed)
    assert not answer.refused and answer.missing == ()
    assert "Ahmed al-Sharaa" in answer.hits[0].chunk.text


def test_what_was_supposed_to_happen_asks_about_the_plan_not_the_word(engine: Engine) -> None:
    # "supposed" had been read as a word the story lacks and the question refused (0.29).
    question = "where was the foiled attack supposed to happen, like which city is it close to"
    answer = engine.ask(question)
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 2


def test_who_is_in_charge_asks_for_the_leader(engine: Engine) -> None:
    # ¶5 had ranked first, "charge" named as what the story lacks.
    answer = engine.ask("Who is now in charge of Syria?")
    assert not answer.refused and answer.missing == ()
    assert answer.hits[0].chunk.paragraph == 6
    # Asked of ISIS, whose leader the story never names, it is refused (0.87 before).
    assert engine.ask("who's in charge of ISIS?").refused


def test_what_an_asker_was_told_before_a_question_standing_alone_is_left_out(
    engine: Engine,
) -> None:
    # The headline had ranked first, drawn by what was read about the intelligence sharing.
    answer = engine.ask("I read that the US and Syria shared intelligence, so who leads Syria now?")
    assert not answer.refused and answer.hits[0].chunk.paragraph == 6
    # A question pointing back at what was told keeps it: "it" is the attack.
    answer = engine.ask("I heard ISIS planned an attack, where was it?")
    assert not answer.refused and answer.hits[0].chunk.paragraph == 2


def test_a_question_pointing_at_the_news_with_this_is_read_with_the_headline(
    engine: Engine,
) -> None:
    # Refused (0.24): nothing in it says what "this" is, and its own vector is near no passage.
    answer = engine.ask("Is this a big change in how the two countries deal with each other?")
    assert not answer.refused
    assert any(hit.chunk.paragraph == 1 for hit in answer.hits)  # "a significant shift"
    retriever = engine._retriever
    head = [i for i, c in enumerate(retriever.chunks) if c.kind == "headline"]

    def pointed(question: str) -> int | None:
        return retriever.pointed_at(question, engine.examine(question)[1].asked)  # type: ignore[union-attr]

    assert pointed("was this cooperation expected?") == head[0]  # the lead says "cooperation"
    assert pointed("did anyone see this coming?") == head[0]  # "this" before a verb's -ing
    # A time, the article itself, or a thing the headline and lead never say: not the news.
    assert pointed("Will the US recognise the new government later this year?") is None
    assert pointed("Who wrote this story?") is None
    assert pointed("Is this fertile soil good for farming?") is None


def test_this_points_at_no_one_article_of_several(two_articles: Engine) -> None:
    question = "Is this a big change?"
    judged = two_articles.examine(question)[1]
    assert judged is not None
    assert two_articles._retriever.pointed_at(question, judged.asked) is None


def test_who_told_the_news_first_is_asked_of_the_headline(engine: Engine) -> None:
    # Refused (0.21 and 0.09): "originally", "organisation" and "original" made them read as
    # questions about something other than the article.
    for question in (
        "wait who broke this story originally",
        "Which news organisation is credited in the title as the original source of this story?",
    ):
        answer = engine.ask(question)
        assert not answer.refused, question
        assert "The Washington Post" in answer.hits[0].chunk.text, question


def test_the_group_someone_leads_needs_a_passage_naming_a_group(
    story_settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    # Answered from ¶6 (0.99): "The new Syrian leader, Ahmed al-Sharaa" holds "lead", and the
    # names beside him are people's and places' only.
    answer = engine.ask("What group does Ahmed al-Sharaa lead?")
    assert answer.refused and answer.hits == ()
    assert answer.message == (
        "The story doesn't say which group Ahmed al-Sharaa leads, so I can't tell you that."
    )
    assert engine.ask("what group does al-Sharaa lead, is it still a terrorist group?").refused
    # "prior" places the group before his rule, which is for the story to tell, not a word it
    # must write: the refusal named "prior" as what the story lacks.
    prior = engine.ask(
        "Identify the insurgent organisation that Ahmed al-Sharaa led prior to power."
    )
    assert prior.refused and prior.missing == ()
    assert "which organisation Ahmed al-Sharaa led" in (prior.message or "")
    # ISIS, named in ¶2 without the word "group", answers a group asked by what it did.
    plotted = engine.ask("Which terror group plotted the attack on the shrine?")
    assert not plotted.refused and plotted.hits[0].chunk.paragraph == 2
    # A story naming his group answers.
    (tmp_path / "corpus").mkdir()
    [story] = CORPUS.glob("*.txt")
    text = story.read_text(encoding="utf-8").replace(
        "Ahmed al-Sharaa, who", "Ahmed al-Sharaa, the head of Hayat Tahrir al-Sham, who"
    )
    (tmp_path / "corpus" / "story.txt").write_text(text, encoding="utf-8")
    encoders = story_settings.encoders or story_settings.data_dir / "encoders"
    settings = Settings(
        corpus=tmp_path / "corpus", data_dir=tmp_path / "data", encoders=encoders, _env_file=None
    )
    named = Engine.open(settings, progress=lambda _: None).ask("What group does al-Sharaa lead?")
    assert not named.refused and named.hits[0].chunk.paragraph == 6


def test_a_writer_for_an_outlet_the_story_cites_is_not_its_byline(engine: Engine) -> None:
    # Answered by the byline (1.00): ¶2 cites the Post ("The Washington Post revealed …", "per
    # Caliber.Az"), so "By Tamilla Hasanova" wrote this article, not the Post's report.
    answer = engine.ask("Which Washington Post reporter wrote the original story?")
    assert answer.refused and answer.hits == ()
    assert answer.message == (
        "The story doesn't say anything of the Washington Post's reporters, so I can't tell you"
        " that."
    )
    assert engine.ask("which Post reporter broke the story").refused
    relayed = engine.ask("Who at Caliber.Az wrote this?")  # ¶2: "…, per Caliber.Az"
    assert relayed.refused
    assert "anything of Caliber.Az's reporters" in (relayed.message or "")
    byline = engine.ask("Which reporter wrote this piece?")
    assert not byline.refused and "Tamilla Hasanova" in byline.hits[0].chunk.text


def test_which_community_asks_a_name_the_story_must_set_beside_the_word(engine: Engine) -> None:
    # Answered from ¶2 (0.57): "a religious shrine" holds "religious" and names no community.
    answer = engine.ask("Which religious community is the targeted shrine sacred to?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say the community's name, so I can't tell you that."


def test_a_meeting_or_call_asked_of_people_named_needs_an_article_telling_of_one(
    engine: Engine,
) -> None:
    # Answered from ¶6 (0.99), which names both and tells only of congratulations.
    answer = engine.ask("Did Trump call al-Sharaa?")
    assert answer.refused and answer.hits == ()
    assert answer.message == "The story doesn't say anything of a call, so I can't tell you that."
    assert engine.ask("did sharaa meet trump in person at any point").refused  # 0.92 before
    talk = engine.ask("Does Syria want to talk with Washington?")  # "engage in dialogue"
    assert not talk.refused and talk.hits[0].chunk.paragraph == 6
