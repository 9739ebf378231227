"""Follow-up questions: what reads as one, and answers found with the earlier questions."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from benchmarks.conversations import CONVERSATIONS, score
from index.answering.answerability import TENTATIVE
from index.answering.concepts import concepts
from index.answering.conversation import (
    Conversation,
    answer_in_context,
    kind_fit,
    leans_on_context,
    names_new,
    own_words,
    reacts_elsewhere,
    refusal_for,
    resumed,
)
from index.answering.topic import Topic, name_stems, named_elsewhere, normalised
from index.answering.vocabulary import stemmer
from index.engine import Engine
from index.passages import Answer, Chunk, Hit, Source

SYRIA_STORY = "us-syria-intelligence-sharing"


@pytest.mark.parametrize(
    "question",
    [
        "What did he say to Trump?",
        "When was it stopped?",
        "And the US?",
        "what about the anglers",
        "When?",
        "Why exactly?",
        "Who is in charge there now?",
        "How many of them?",
        "Where else besides Syria?",
        "ok and the cost?",  # a chat opening does not hide the "and"
        "theyre from which uni",  # nor a pronoun typed without its apostrophe
        "says who?",  # who said it asks about what the conversation reached
    ],
)
def test_questions_that_refer_back_read_as_follow_ups(question: str) -> None:
    assert leans_on_context(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who is the new leader of Syria?",
        "How much did the solar project cost?",
        "What did the US and Syria exchange?",
        "Andrew Smith wrote what?",  # "and" inside a word opens nothing
        "Who wrote this article?",  # the article being read, not something said before
    ],
)
def test_questions_with_their_own_subject_stand_alone(question: str) -> None:
    assert not leans_on_context(question)


def test_own_words_keep_the_subject_and_drop_pronouns() -> None:
    assert own_words("What did he promise the US about Syria's future?") == [
        "promise",
        "us",
        "syria",
        "future",
    ]


def test_chat_openings_and_contractions_are_not_words_of_the_question_s_own() -> None:
    assert own_words("ok whats he want from the us") == ["want", "us"]


def test_the_bot_addressed_is_not_a_word_of_the_question_s_own() -> None:
    for typed in ("@StoryBot what did he say?", "StoryBot, what did he say?", "<@42> **what**?"):
        assert not own_words(typed), typed
    assert leans_on_context("@StoryBot what did he say?")


def test_words_of_saying_are_not_words_of_the_question_s_own() -> None:
    assert own_words("according to whom, and who said so?") == []


SYRIA, SOLAR = Source("syria", "Syria"), Source("solar", "Solar")
STORIES = (
    Hit(Chunk(SYRIA, 1, 0, 30, "A plot against a shrine near Damascus"), 0.5),
    Hit(Chunk(SOLAR, 1, 0, 52, "Millbrook switched on its solar farm; anglers opposed it"), 0.4),
)


def test_words_only_another_story_holds_name_that_story() -> None:
    assert named_elsewhere("millbrook solar", STORIES, "syria")


def test_a_word_the_conversation_s_story_holds_keeps_it() -> None:
    assert not named_elsewhere("millbrook shrine", STORIES, "syria")


def test_words_about_an_article_itself_do_not_keep_the_conversation_s_story() -> None:
    assert named_elsewhere("wrote millbrook solar story", STORIES, "syria")


def test_one_common_word_of_another_story_does_not_carry_the_conversation_there() -> None:
    assert not named_elsewhere("opposed", STORIES, "syria")


def test_a_word_no_story_holds_does_not_keep_the_conversation_s_story() -> None:
    assert named_elsewhere("millbrook solar big", STORIES, "syria")  # "how big is it?"
    assert not named_elsewhere("big", STORIES, "syria")


def test_vague_nouns_are_not_words_of_the_question_s_own() -> None:
    assert own_words("ok and the solar farm thing, who paid for it?") == ["solar", "farm", "paid"]


def test_words_for_an_event_taking_place_are_not_words_of_the_question_s_own() -> None:
    assert own_words("when did that happen?") == own_words("when did it occur?") == []


STORY = Source("story", "A story")
FIRST, SECOND, THIRD = (Chunk(STORY, n, 100 * n, 100 * n + 9, f"Passage {n}") for n in (1, 2, 3))


def topic_on(chunk: Chunk, before: Topic | None = None) -> Topic:
    """A topic whose best passage is `chunk`."""
    return replace(normalised([Hit(chunk, 0.9), Hit(THIRD, 0.1)]), before=before)


def test_a_follow_up_returns_to_the_topic_its_own_words_point_at() -> None:
    topic = topic_on(SECOND, before=topic_on(FIRST))
    own = (Hit(FIRST, 0.6), Hit(SECOND, 0.2))
    assert resumed(topic, "Which city was it near?", own).ranked(1)[0].chunk == FIRST


def test_a_follow_up_without_words_of_its_own_stays_on_the_topic() -> None:
    topic = topic_on(SECOND, before=topic_on(FIRST))
    own = (Hit(FIRST, 0.6), Hit(SECOND, 0.2))
    assert resumed(topic, "What for?", own) is topic


slow = pytest.mark.slow


def syria_hit(engine: Engine, paragraph: int) -> Hit:
    """The Syria story's passage at `paragraph`, as a hit."""
    [chunk] = [
        c for c in engine.passages() if (c.source.id, c.paragraph) == (SYRIA_STORY, paragraph)
    ]
    return Hit(chunk, 1.0, 0, 0)


@slow
def test_what_did_he_say_after_the_new_leader_finds_paragraph_6(engine: Engine) -> None:
    answer = answer_in_context(engine, "What did he say?", ["Who is the new leader of Syria?"])
    assert not answer.refused and answer.question == "What did he say?"
    assert answer.hits[0].chunk.paragraph == 6


@slow
def test_when_was_it_stopped_after_the_shrine_plot_finds_paragraph_2(engine: Engine) -> None:
    history = ["What ISIS plot against a shrine was foiled?"]
    answer = answer_in_context(engine, "When was it stopped?", history)
    assert answer.hits[0].chunk.paragraph == 2
    assert "earlier this month" in answer.hits[0].chunk.text


@slow
def test_when_did_that_happen_after_what_happened_near_damascus_finds_paragraph_2(
    engine: Engine,
) -> None:
    answer = answer_in_context(engine, "when did that happen?", ["what happened near damascus"])
    assert answer.hits[0].chunk.paragraph == 2


@slow
@pytest.mark.parametrize("why", ["why?", "how come?"])
def test_why_after_a_question_finds_the_passage_giving_a_reason(engine: Engine, why: str) -> None:
    answer = answer_in_context(engine, why, ["Did the US share intelligence with Syria?"])
    assert answer.hits[0].chunk.paragraph == 4  # "a reflection of both sides' concerns"


@slow
@pytest.mark.parametrize(
    "reaction", ["And how did the US react?", "how did the americans respond?"]
)
def test_how_someone_else_took_what_was_told_is_answered_from_another_passage(
    engine: Engine, reaction: str
) -> None:
    history = ["Who is the new leader of Syria?", "What did he say to Trump?"]
    assert answer_in_context(engine, history[1], history[:1]).hits[0].chunk.paragraph == 6
    answer = answer_in_context(engine, reaction, history)
    assert answer.hits[0].chunk.paragraph in (7, 8)  # "remains somewhat ambiguous", "cautious"


@slow
def test_a_follow_up_about_the_previous_guy_is_answered_not_refused(engine: Engine) -> None:
    answer = answer_in_context(
        engine, "what happened to the previous guy", ["who is ahmed al-sharaa"]
    )
    assert not answer.refused
    assert "Assad" in answer.hits[0].chunk.text  # "in the wake of Assad's fall"


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("And how did the US react?", True),
        ("hmm and does the us trust him", True),
        ("did anyone respond?", True),
        ("and why does he trust trump?", False),  # "he" is who the conversation is about
        ("do you think it will work?", False),
        ("What did he say to Trump?", False),
    ],
)
def test_a_reaction_by_someone_named_moves_on(question: str, elsewhere: bool) -> None:
    assert reacts_elsewhere(question) is elsewhere


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("what are us officials worried about?", "what did the US say about it?"),
        ("what did the washington post reveal?", "did the post say who helped?"),
    ],
)
def test_what_the_party_asked_about_said_stays_where_it_said_it(
    previous: str, question: str
) -> None:
    assert not reacts_elsewhere(question, previous)
    assert reacts_elsewhere("and does the us trust him?", "ok whats he want from the us")


@slow
def test_what_the_post_said_after_what_it_revealed_stays_on_its_report(engine: Engine) -> None:
    history = ["what did the washington post reveal?"]
    answer = answer_in_context(engine, "did the post say who helped?", history)
    assert answer.hits[0].chunk.paragraph == 2  # "US intelligence played a crucial role"


@slow
def test_a_new_topic_is_answered_exactly_as_alone(both_articles: Engine) -> None:
    history = ["Who is the new leader of Syria?", "What did he say to Trump?"]
    question = "How much did the floating solar farm cost?"
    assert answer_in_context(both_articles, question, history) == both_articles.ask(question)


@slow
def test_a_follow_up_stays_in_the_story_of_the_conversation(both_articles: Engine) -> None:
    conversation = Conversation(both_articles)
    conversation.ask("Who is the mayor of Millbrook?")
    answer = conversation.ask("What does she want to add?")
    assert all(hit.chunk.source.id == "second-article" for hit in answer.hits)
    assert "battery store" in answer.hits[0].chunk.text
    conversation.reset()
    assert conversation.ask("When?") == both_articles.ask("When?")


@slow
def test_a_short_question_answered_only_tentatively_alone_follows_the_conversation(
    both_articles: Engine,
) -> None:
    history = ["did us intelligence help foil an attack?"]
    alone = both_articles.ask("what was the target?")
    assert alone.tentative and {h.chunk.source.id for h in alone.hits} != {SYRIA_STORY}
    answer = answer_in_context(both_articles, "what was the target?", history)
    assert all(hit.chunk.source.id == SYRIA_STORY for hit in answer.hits)
    assert 2 in [hit.chunk.paragraph for hit in answer.hits], "the shrine the plot targeted"


@slow
def test_a_follow_up_answered_though_read_with_the_conversation_it_is_refused_is_tentative(
    both_articles: Engine,
) -> None:
    # Answered from the solar story's cost paragraph, with the confidence of the question read
    # with the conversation (0.10, under the cut): it had not been marked tentative.
    history = ["millbrook solar farm how many panels"]
    answer = answer_in_context(both_articles, "and how much did they cost", history)
    assert not answer.refused and answer.confidence < TENTATIVE
    assert answer.tentative


@slow
@pytest.mark.parametrize(
    ("history", "typed", "plain"),
    [
        (["What was it based on?"], "WHO WROTE THE ARTICLE?", "Who wrote the article?"),
        (
            ["did us intelligence help thwart the shrine attack"],
            "who reported that lol?",
            "who reported that?",
        ),
    ],
)
def test_a_follow_up_typed_as_a_chat_types_it_follows_as_the_plain_one(
    both_articles: Engine, history: list[str], typed: str, plain: str
) -> None:
    # The conversation's rules read the question as the engine searches it; they had read it
    # as typed, so shouting or "lol" changed which passages followed the conversation.
    answer = answer_in_context(both_articles, typed, history)
    expected = answer_in_context(both_articles, plain, history)
    assert answer.question == typed
    assert [h.chunk for h in answer.hits] == [h.chunk for h in expected.hits]


@slow
def test_a_follow_up_pointing_elsewhere_does_not_return_to_the_topic_before(
    both_articles: Engine,
) -> None:
    history = ["whats going on with syria and the us", "who paid"]
    answer = answer_in_context(both_articles, "lol and the fish?", history)
    top = answer.hits[0].chunk
    assert (top.source.id, top.paragraph) == ("second-article", 4), "the anglers and the fish"


@slow
@pytest.mark.parametrize(
    ("earlier", "question", "phrase"),
    [
        # ¶5 ("the collapse of former President Bashar al-Assad's regime") ranked first: "who?"
        # asks for someone the conversation has not named.
        ("what became of bashar al-assad?", "and who replaced him?", "Ahmed al-Sharaa"),
        # The lead's "The council says …" offers someone too; with the topic spread over the
        # lead and ¶4 it was the answer: the sentence about the permit is.
        (
            "What condition did the solar farm's permit set?",
            "Who will do it?",
            "An ecologist from Northfield University",
        ),
        # ¶2 speaks of panels most ("keeps the panels cool", "panels on land") and was first.
        ("how many homes will the solar farm power?", "and how many panels?", "4,200 panels"),
        # "Mayor Ines Varga said the town hopes to add …" had offered a place: a person's name.
        ("when did the solar farm open?", "where is it?", "Hartley quarry"),
        # Refused as not mentioning "much" (nor "extra"): the story never says "much", but "how
        # much" asks for an amount, not about one.
        (
            "how do the panels stay in place?",
            "how much extra power does the cooling give?",
            "roughly eight percent",
        ),
    ],
)
def test_a_follow_up_finds_the_sentence_that_answers_what_it_asks(
    both_articles: Engine, earlier: str, question: str, phrase: str
) -> None:
    answer = answer_in_context(both_articles, question, [earlier])
    assert phrase in answer.hits[0].chunk.text


@slow
def test_a_name_is_new_when_neither_the_conversation_nor_the_headline_names_it(
    both_articles: Engine,
) -> None:
    def new(paragraph: int, kind: str, said: str) -> bool:
        return names_new(syria_hit(both_articles, paragraph), kind, name_stems(said))

    assert new(6, "person", "what became of assad?")  # Ahmed al-Sharaa, Donald Trump
    assert new(9, "person", "who wrote it?") and not new(9, "person", "is it tamilla hasanova's?")
    assert not new(5, "person", "what became of bashar al-assad?")  # Syria: the headline's
    assert new(2, "place", "where was the plot?")  # "near Damascus"
    assert not new(3, "place", "where was it?")  # Washington, Syrian: the headline's


@slow
@pytest.mark.parametrize(
    ("earlier", "question", "story"),
    [
        ("who leads syria now?", "and who wrote this article?", SYRIA_STORY),
        ("who paid for the solar farm", "and who wrote this article?", "second-article"),
        ("who leads syria now?", "and who is the author of this story?", SYRIA_STORY),
        # No "and", no "this": "the article" is the one the conversation is about, and alone
        # the solar farm's byline ranked first.
        ("Is cooperation between the US and Syria common?", "Who wrote the article?", SYRIA_STORY),
        ("what role did the washington post play", "who wrote the article", SYRIA_STORY),
        ("who paid for the solar farm", "who wrote the article?", "second-article"),
    ],
)
def test_who_wrote_it_in_a_conversation_is_the_conversation_s_story_s_byline(
    both_articles: Engine, earlier: str, question: str, story: str
) -> None:
    # Its words ("wrote", "article") are in no story's text, so it was read as asking what the
    # stories never speak of and answered alone: the solar farm's byline ranked first.
    first = answer_in_context(both_articles, question, [earlier]).hits[0].chunk
    assert (first.source.id, first.kind) == (story, "byline")


@slow
def test_a_follow_up_naming_the_other_story_moves_there_even_when_refused_alone(
    both_articles: Engine,
) -> None:
    history = ["whats going on with syria and the us"]
    switched = answer_in_context(
        both_articles, "and the solar farm thing, who paid for it?", history
    )
    assert switched.hits and {h.chunk.source.id for h in switched.hits} == {"second-article"}
    history.append("ok and the solar farm thing, how big is it?")
    assert both_articles.ask(history[-1]).refused
    answer = answer_in_context(both_articles, "how much did it cost", history)
    top = answer.hits[0].chunk
    assert (top.source.id, top.paragraph) == ("second-article", 3), "6.8 million euros"


@slow
def test_off_topic_questions_mid_conversation_are_still_refused(engine: Engine) -> None:
    history = ["Who is the new leader of Syria?"]
    for question in ("What is the capital of France?", "Give me a recipe for pancakes."):
        assert answer_in_context(engine, question, history).refused


@slow
@pytest.mark.parametrize(
    ("earlier", "question"),
    [
        ("What does Mayor Ines Varga hope to add?", "is she married?"),
        ("Who is the new leader of Syria?", "does he have children?"),
        ("Where is the floating solar farm?", "what's the population there?"),
        # Held by a synonym alone ("born" is a form of "bear", WordNet's for "assume": "assumed
        # control"), it was answered with ¶6 (0.50).
        ("Who is the new leader of Syria?", "where was he born?"),
        # "How old" asks the age in other words; it was answered with ¶6.
        ("Who is the mayor of Millbrook?", "how old is she?"),
        # A politician's election is part of her career; it was answered with ¶5.
        ("Who is the mayor of Millbrook?", "when was she elected?"),
        # The present moment is no attribute a story tells; it was answered with ¶1 ("on
        # Tuesday").
        ("Where is the floating solar farm?", "what time is it there now?"),
        # Where someone lives: the first was answered with the other story's byline, the second
        # with ¶1 ("about 1,600 homes").
        ("Who is the mayor of Millbrook?", "where does she live?"),
        ("Where is the floating solar farm?", "how many people live there?"),
        # What a travel guide tells of a place; it was answered with ¶2 (the plot near Damascus).
        ("Where was the plot?", "what's the best hotel there?"),
        ("Where was the plot?", "is it safe to travel there?"),
    ],
)
def test_a_follow_up_asking_an_attribute_no_story_mentions_is_refused(
    both_articles: Engine, earlier: str, question: str
) -> None:
    # One word of its own, which would have been answered from the topic: an attribute of the
    # person or place the conversation reached that neither story mentions.
    answer = answer_in_context(both_articles, question, [earlier])
    assert answer.refused and answer.hits == ()


@slow
def test_a_bare_when_finds_the_topic_s_time_not_the_engine_s_guess(both_articles: Engine) -> None:
    # The engine alone ranks al-Sharaa's message (¶6) first for "when"; it was the answer.
    history = ["what happened near damascus", "who found out about it"]
    answer = answer_in_context(both_articles, "when", history)
    assert "earlier this month" in answer.hits[0].chunk.text


@slow
def test_a_sentence_offering_the_kind_asked_fits_by_what_the_last_question_asked(
    both_articles: Engine,
) -> None:
    def fit(paragraph: int, asked: str) -> float:
        held = tuple(c for c in concepts(asked, stemmer()) if c.specificity > 0)
        return kind_fit(syria_hit(both_articles, paragraph), "place", held)

    attack = "Did the US help Syria stop an attack?"
    # ¶2: "an ISIS plot to attack a religious shrine near Damascus"; ¶7: "the potential
    # resurgence of ISIS in Syria and the broader region" (its headline says US and Syria).
    assert fit(2, attack) > fit(7, attack) > 0
    assert fit(2, "") == fit(7, "") == 1.0  # nothing asked before: any place fits


@slow
@pytest.mark.parametrize("question", ["what about russia", "and Iran?"])
def test_a_follow_up_naming_a_place_no_story_mentions_is_refused_naming_it(
    both_articles: Engine, question: str
) -> None:
    # Its one word of its own was taken for the topic's: the answer was ¶6 on al-Sharaa.
    answer = answer_in_context(both_articles, question, ["who is al-sharaa?", "does he want peace"])
    assert answer.refused and answer.missing and answer.missing[0].lower() in question.lower()


@slow
def test_a_one_word_follow_up_capitalised_as_a_sentence_is_not_a_name(
    both_articles: Engine,
) -> None:
    answer = answer_in_context(both_articles, "Timeline?", ["who is al-sharaa?"])
    assert not answer.refused and answer.hits


@slow
def test_a_follow_up_about_what_no_story_mentions_is_refused(both_articles: Engine) -> None:
    history = ["What did Millbrook switch on?"]
    for question in ("Can it mine bitcoin?", "What is its favourite football team?"):
        assert answer_in_context(both_articles, question, history).refused


@slow
@pytest.mark.parametrize(
    ("history", "question", "found"),
    [
        (["What did the mayor say?", "What's the capital of France?"], "Why?", "after dark"),
        (["Who paid for the solar farm?", "did anyone object?"], "why did they object?", "anglers"),
        (["who is the mayor?", "is she married?"], "what does she want?", "battery store"),
    ],
)
def test_a_question_refused_mid_conversation_leaves_the_topic_where_it_was(
    both_articles: Engine, history: list[str], question: str, found: str
) -> None:
    # A refused question says nothing of where the conversation is. Its own ranking (of passages
    # that do not answer it) had become the topic, or moved it: the next follow-up went to the
    # other story, or to the byline ("By Dana Okafor" for "what does she want?").
    answer = answer_in_context(both_articles, question, history)
    assert found in answer.hits[0].chunk.text


@slow
@pytest.mark.parametrize(
    ("history", "question", "found"),
    [
        (["Who wrote the Millbrook article?"], "and the other one?", "Tamilla Hasanova"),
        (["What is the Syria story about?"], "and the solar one?", "switched on a floating"),
        (["Which outlet reported the Syria story?"], "what about the Millbrook one?", "Millbrook"),
        (["Who wrote the Millbrook article?", "and the other one?"], "and the solar one?", "Dana"),
    ],
)
def test_a_follow_up_naming_only_another_story_asks_it_the_same(
    both_articles: Engine, history: list[str], question: str, found: str
) -> None:
    # Who wrote it, which outlet, what it is about: every story answers these in the same place
    # (its byline, headline or lead), so "and the other one?" asks it of the other story.
    answer = answer_in_context(both_articles, question, history)
    assert found in answer.hits[0].chunk.text
    assert (
        answer.hits[0].chunk.kind in ("byline", "headline") or answer.hits[0].chunk.paragraph == 1
    )


@slow
def test_a_word_of_another_story_s_headline_carries_the_follow_up_there(
    both_articles: Engine,
) -> None:
    history = ["How many homes will the solar farm power?"]
    answer = answer_in_context(both_articles, "and the syria story, who wrote it?", history)
    assert "Tamilla Hasanova" in answer.hits[0].chunk.text


@slow
def test_a_common_word_of_a_headline_does_not_name_its_story(both_articles: Engine) -> None:
    history = ["Who wrote the Millbrook article?"]
    answer = answer_in_context(both_articles, "and the government?", history)
    assert answer.hits[0].chunk.source.id == "second-article"


@slow
def test_a_follow_up_is_answered_from_the_body_rather_than_the_headline(
    both_articles: Engine,
) -> None:
    history = ["Where is the new floating solar farm?"]
    answer = answer_in_context(both_articles, "When did it start running?", history)
    assert "on Tuesday" in answer.hits[0].chunk.text


@slow
def test_the_conversation_set_meets_the_follow_up_targets(both_articles: Engine) -> None:
    # The targets hold on the conversations the rules were tuned on; the others ('test', 'test2',
    # 'test3', 'test4') are reported by `python -m benchmarks.conversations`, not pinned here.
    conversations = json.loads(CONVERSATIONS.read_text(encoding="utf-8"))["conversations"]
    tallies = score(both_articles, conversations)
    dev = tallies["dev"]
    assert dev.follow_ups >= 40
    assert dev.hit_at_3 >= 0.9 * dev.follow_ups, dev.misses
    assert dev.hit_at_1 >= 0.8 * dev.follow_ups, dev.misses
    assert dev.standalone_same == dev.standalone, dev.misses
    every = tallies["all"]  # history must find what the follow-up alone misses
    assert every.hit_at_1 >= every.alone_hit_at_1 + 0.25 * every.follow_ups, every.misses


@slow
def test_a_follow_up_two_questions_back_returns_across_a_change_of_story(
    both_articles: Engine,
) -> None:
    history = ["Which shrine did ISIS plan to attack?", "Who wrote the story about the solar farm?"]
    answer = answer_in_context(both_articles, "Which city was it near?", history)
    assert "near Damascus" in answer.hits[0].chunk.text


@slow
def test_an_elliptical_follow_up_after_a_change_of_story_stays_with_the_new_one(
    both_articles: Engine,
) -> None:
    history = ["Which shrine did ISIS plan to attack?", "When will Millbrook add a battery store?"]
    answer = answer_in_context(both_articles, "What for?", history)
    assert "after dark" in answer.hits[0].chunk.text


@slow
def test_a_pronoun_after_a_change_of_story_means_the_new_story_s_person(
    both_articles: Engine,
) -> None:
    history = ["How many panels float on the Millbrook lake?", "Who is Syria's new leader?"]
    answer = answer_in_context(both_articles, "What did he tell Trump?", history)
    assert answer.hits[0].chunk.source.id == "us-syria-intelligence-sharing"
    assert answer.hits[0].chunk.paragraph == 6


@slow
def test_a_follow_up_typed_as_chat_finds_its_passage(both_articles: Engine) -> None:
    history = ["why were the anglers against it", "ok so whos checking on the fish"]
    answer = answer_in_context(both_articles, "theyre from which uni", history)
    assert "Northfield University" in answer.hits[0].chunk.text


@slow
def test_says_who_finds_the_source_of_what_was_answered(both_articles: Engine) -> None:
    history = ["how many homes will the millbrook array supply"]
    answer = answer_in_context(both_articles, "says who?", history)
    assert "The council says" in answer.hits[0].chunk.text


@slow
def test_and_naming_the_other_story_is_answered_exactly_as_alone(both_articles: Engine) -> None:
    question = "and what did al-sharaa say to trump"
    history = ["who paid for the solar farm"]
    assert answer_in_context(both_articles, question, history) == both_articles.ask(question)


@slow
def test_and_asking_who_wrote_the_other_story_is_answered_exactly_as_alone(
    both_articles: Engine,
) -> None:
    question = "and who is the author of the floating solar article?"
    history = ["which newspaper reported the intelligence sharing"]
    answer = answer_in_context(both_articles, question, history)
    assert answer == both_articles.ask(question)
    assert "Dana Okafor" in answer.hits[0].chunk.text


@slow
def test_after_a_change_of_story_a_follow_up_stays_in_the_new_story(
    both_articles: Engine,
) -> None:
    history = ["who paid for the solar farm", "and what did al-sharaa say to trump"]
    answer = answer_in_context(both_articles, "why him", history)
    assert answer.hits[0].chunk.source.id == "us-syria-intelligence-sharing"


@slow
def test_a_follow_up_refused_for_an_unsaid_attribute_names_it_and_leaves_the_topic(
    both_articles: Engine,
) -> None:
    history = ["Who is the new leader of Syria?"]
    refused = answer_in_context(both_articles, "where was he born?", history)
    assert refused.missing == ("born",) and "“born”" in (refused.message or "")
    after = answer_in_context(both_articles, "what did he say?", [*history, "where was he born?"])
    assert after.hits[0].chunk.paragraph == 6


@slow
def test_a_follow_up_asking_two_questions_answers_the_one_the_story_answers(
    engine: Engine,
) -> None:
    history = ["Who is the new leader of Syria?"]
    # Refused whole before, for "married" (an attribute the story never mentions).
    both = answer_in_context(engine, "what did he say and is he married?", history)
    assert not both.refused and both.hits[0].chunk.paragraph == 6
    [unanswered] = both.unanswered
    assert unanswered.startswith("“is he married?”: The story doesn't mention “married”")
    # Leaning on a question the story does not answer, "its" is France, not the conversation's
    # Syria: refused with it.
    france = "what's the capital of france and who is its president?"
    assert answer_in_context(engine, france, history).refused


def test_a_refusal_for_an_unsaid_attribute_keeps_no_other_question_s_refusal() -> None:
    chunk = Chunk(Source("story", "A story"), 6, 0, 20, "The leader spoke.")
    gdp = Answer("what is its gdp?", True, "The story doesn't mention “gdp”.")
    alone = Answer(
        "who is he? is he married?", False, hits=(Hit(chunk, 0.9),), refused_parts=(gdp,)
    )
    refused = refusal_for(alone, "married", (Hit(chunk, 0.9),))
    assert refused.refused and refused.unanswered == () and refused.hedge is None
