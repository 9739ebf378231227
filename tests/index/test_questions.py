"""What people type: blank, huge, control characters, markdown, mentions, emoji."""

from __future__ import annotations

import re

import pytest

from index.answering.questions import (
    BLANK,
    ENGLISH_ONLY,
    HELLO,
    MAX_QUESTION_CHARS,
    NO_WORDS,
    TOO_LONG,
    WELCOME,
    WHAT_I_DO,
    Unaskable,
    asks_for_help,
    parts,
    question_from,
    two_ways,
)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("  Who   leads Syria?\n", "Who leads Syria?"),
        ("**Who** leads _Syria_?", "Who leads Syria?"),
        ("@everyone who leads Syria?", "who leads Syria?"),
        ("<@123456789> who leads <#42> Syria?", "who leads Syria?"),
        ("hey @StoryBot who leads Syria?", "who leads Syria?"),
        ("StoryBot, who leads Syria?", "who leads Syria?"),
        ("@story_bot: who leads Syria?", "who leads Syria?"),
        ("Who emailed press@example.org?", "Who emailed press@example.org?"),
        ("Who is StoryBot?", "Who is StoryBot?"),
        ("thx! and who reported it first?", "and who reported it first?"),
        ("ok, who paid for it", "who paid for it"),
        ("thx who reported it first", "who reported it first"),
        ("btw lol who wrote it", "who wrote it"),
        ("ok who paid for it", "ok who paid for it"),
        ("Tyre's port?", "Tyre's port?"),
        ("Wait, who wrote it?", "who wrote it?"),
        ("Great Britain's role?", "Great Britain's role?"),
        ("Right-wing groups in Syria?", "Right-wing groups in Syria?"),
        ("who\x00leads\x1bSyria\u200b?", "who leads Syria ?"),
        ("\x1b[1;31mwho\x1b[0m leads\x1b]0;title\x07 Syria?", "who leads Syria?"),
        ("see https://example.org who leads Syria", "see who leads Syria"),
        ("Syria new leader name?", "Syria new leader name?"),
        ("hi, who leads Syria?", "who leads Syria?"),
        ("hey who leads Syria?", "who leads Syria?"),
        ("um, who leads Syria?", "who leads Syria?"),
        ("can you tell me why are they sharing intel?", "why are they sharing intel?"),
        ("Could you please tell me who leads Syria?", "who leads Syria?"),
        ("could you tell me, in brief, what the piece is about?", "what the piece is about?"),
        ("do you know if the US trusts him", "the US trusts him"),
        ("I want to know what al-Sharaa said", "what al-Sharaa said"),
        ("Do you know Syria?", "Do you know Syria?"),
        ("Does the article say when Assad fell?", "when Assad fell?"),
        ("does the story explain who leads ISIS", "who leads ISIS"),
        ("Does the article mention Russia?", "Does the article mention Russia?"),
        ("did the post say who helped?", "did the post say who helped?"),  # the Washington Post
        (
            "According to the article, who is Syria's foreign minister?",
            "who is Syria's foreign minister?",
        ),
        ("Where could ISIS strike, per the report?", "Where could ISIS strike?"),
        ("Name the US president mentioned in the report.", "Name the US president."),
        ("Who is mentioned in the story?", "Who is mentioned in the story?"),  # what is asked
        ("What is per capita GDP?", "What is per capita GDP?"),
        ("tell me about the endorsement", "tell me about the endorsement"),
        ("What’s the plot?", "What's the plot?"),
        ("who leads Syria? thanks!", "who leads Syria?"),
        ("<:thinking:123456789> who leads Syria? <t:1733400000:R>", "who leads Syria?"),
        ("</ask:12345> who leads <a:wave:987> Syria :thinking:", "who leads Syria"),
        ("-# who leads Syria?", "who leads Syria?"),
        ("what happened at 10:30:45?", "what happened at 10:30:45?"),
        ("who leads Syria lol", "who leads Syria"),
        ("who leads Syria lol?", "who leads Syria?"),
        ("why is the US cautious tho", "why is the US cautious"),
        ("who stopped the attack imo?", "who stopped the attack?"),
        ("ngl who stopped the attack", "who stopped the attack"),
        ("Is Tho a name?", "Is Tho a name?"),
        ("WHO LEADS SYRIA NOW?", "who leads syria now?"),
        ("ISIS?", "ISIS?"),  # one word in capitals: an acronym, not shouting
        ("WHO LEADS SYRIA? What is its GDP?", "who leads syria? What is its GDP?"),
        ("U.S. POLICY?", "u.s. policy?"),  # abbreviations do not end a sentence
        ("Q: who wrote it?", "who wrote it?"),
        ("Question 2: who leads Syria?", "who leads Syria?"),
        ("Qatar: who leads it?", "Qatar: who leads it?"),
        ('"Who leads Syria?"', "Who leads Syria?"),
        ('"pragmatic" or "practical"?', '"pragmatic" or "practical"?'),
        ("so what did they swap?", "what did they swap?"),
        ("and so who wrote it", "and who wrote it"),
        ("ok so When will Trump visit Damascus?", "When will Trump visit Damascus?"),
        ("so much for that?", "so much for that?"),
        ("can someone explain what the plot was?", "what the plot was?"),
        ("anyone know who wrote it", "who wrote it"),
        ("just wondering who wrote it", "who wrote it"),
        ("im curious who wrote it", "who wrote it"),
        ("I'd like to know who wrote it", "who wrote it"),
        ("quick q: who wrote it", "who wrote it"),
        ("hey guys who wrote it", "who wrote it"),
        ("yo who wrote it", "who wrote it"),
        ("please who wrote it", "who wrote it"),
        ("What was swapped? (asking for a friend)", "What was swapped?"),
        ("who wrote this piece (asking for a friend)", "who wrote this piece"),
        ("who leads syria again?", "who leads syria?"),
        ("who leads syria bro", "who leads syria"),
        ("bro who leads syria", "who leads syria"),
        ("who leads syria i guess", "who leads syria"),
        ("where was the shrine, man?", "where was the shrine?"),
        ("who was the man", "who was the man"),
        ("who leads syria, right?", "who leads syria?"),
        ("is that right?", "is that right?"),
        ("remind me who leads syria", "who leads syria"),
        ("genuinely curious, who leads syria", "who leads syria"),
        ("Sorry to bother you, who leads syria?", "who leads syria?"),
        ("Sorry if this is a dumb question, but who leads syria?", "who leads syria?"),
        ("English is not my first language, sorry. who leads syria?", "who leads syria?"),
        ("I don't have much time, who wrote it?", "who wrote it?"),
        ("Not sure if you know, but who wrote it?", "who wrote it?"),
        ("In 1940, what percentage was Asian?", "In 1940, what percentage was Asian?"),
        ("I read that they work together, so was it expected?", None),
        ("Sorry, Syria, who leads it?", "Syria, who leads it?"),  # only the apology goes
        ("Sorry to bother you, tell me about al-Sharaa", "tell me about al-Sharaa"),
        ("Is this new, or was it done before?", None),
        ("I read that they shared intel, so who leads Syria now?", "who leads Syria now?"),
        ("I saw this on the news, why is the US helping?", "why is the US helping?"),
        ("I heard ISIS planned an attack, where was it?", None),
        ("I heard about the plot, is there a date for talks?", "is there a date for talks?"),
        ("I read about the shrine, who was there?", None),  # "there" points back
        ("I know Assad fell, but who replaced him?", None),
        (
            "I gather the attack was not a Syrian feat; on what was the operation said to rest?",
            "on what was the operation said to rest?",
        ),
        ("I am preparing a lesson on diplomacy; who leads Syria?", "who leads Syria?"),
        ("I am curious about the ending: how does it describe the ties?", None),  # "it"
        ("I think Syria: who leads it?", None),
        (
            "When was the attack planned, as far as the text indicates?",
            "When was the attack planned?",
        ),
        ("How did he take power, as the piece briefly describes it?", "How did he take power?"),
        ("What was planned, according to the reporting?", "What was planned?"),
        ("who leads syria as far as you know", "who leads syria as far as you know"),
        ("real talk, who wrote this piece", "who wrote this piece"),
        ("who leads syria briefly", "who leads syria"),
        ("who leads syria in one sentence", "who leads syria"),
        ("what happened, briefly?", "what happened, briefly?"),  # too short to be cut
        ("who leads syria, do you know?", "who leads syria?"),
        ("did ISIS attack again?", "did ISIS attack again?"),
        ("What is ISIS (the Islamic State)?", "What is ISIS the Islamic State ?"),  # kept
        ("what was it though?", "what was it?"),
        ("Is he curious?", "Is he curious?"),
        ("hey bot did the attack happen", "did the attack happen"),
        ("bot: who wrote it?", "who wrote it?"),
        ("Bot farms in Syria?", "Bot farms in Syria?"),
        ("is the us gonna lift sanctions or nah", "is the us going to lift sanctions"),
        ("what kinda info did they swap", "what kind of info did they swap"),
        ("is the stance still kinda vague", "is the stance still vague"),
        ("was it a bomb or what?", "was it a bomb?"),
        ("who leads Syria?? pls 🙏", "who leads Syria?"),
        ("who said please?", "who said please?"),
        ("Is it a plot?!", "Is it a plot?"),
        ("Is America's poilcy toward post-Assad Syria clear-cut?", None),
        ("Al-Sharaa Trump message?", "Al-Sharaa Trump message?"),
        ("Erdoğan Syria comments?", "Erdoğan Syria comments?"),
        ("Sharaa HTS jihadist past?", "Sharaa HTS jihadist past?"),
        # Statements set before or after what is asked, when it stands alone.
        (
            "My late wife and I once toured the Levant. Where was the holy site?",
            "Where was the holy site?",
        ),
        ("Mr. Trump got a message. What did al-Sharaa say?", "What did al-Sharaa say?"),
        ("Who planned the attack? I forget.", None),  # what follows stays
        ("I read about the plot. Where was it?", None),  # "it" points back
        ("I read about Assad's fall. Who took over after him?", None),
        (
            "Forgive an old man's curiosity, but I should like to know who wrote it.",
            "who wrote it.",
        ),
        ("Pardon my ignorance, but who leads Syria?", "who leads Syria?"),
        ("did trump himself reply to sharaa", "did trump reply to sharaa"),
        ("Has the president himself said so?", "Has the president said so?"),
        ("did he hurt himself?", None),
        ("Has Trump, I wonder, replied?", "Has Trump replied?"),
        ("Who leads Syria? Tell me about his past.", None),  # both ask
        ("The U.S. officials spoke. Who leads Syria?", "Who leads Syria?"),
        ("This is so interesting!! Who leads Syria now?", "Who leads Syria now?"),
        ("This story caught my eye. who wrote this piece", "who wrote this piece"),
        (
            "Having followed the region for decades, I wondered: what has America begun doing?",
            "what has America begun doing?",
        ),
        # Courtesies.
        ("Who, may I enquire, was the Syrian leader?", "Who was the Syrian leader?"),
        ("How did the official put it, if I may ask?", "How did the official put it?"),
        ("Pray tell, what did they trade?", "what did they trade?"),
        ("Please be so kind as to describe the backdrop.", "describe the backdrop."),
        ("kindly tell me who leads syria", "who leads syria"),
        ("Would you kindly tell me who wrote it?", "who wrote it?"),
        (
            "I should be grateful to learn upon what the operation was based.",
            "upon what the operation was based.",
        ),
        ("In your estimation, what do they share?", "what do they share?"),
        ("Is the pray ritual common?", None),
        ("wait so who broke the story?", "who broke the story?"),
    ],
)
def test_typed_text_is_cleaned_for_search(typed: str, searched: str | None) -> None:
    question = question_from(typed)
    assert question.text == (typed if searched is None else searched)
    assert question.asked == typed


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", BLANK),
        ("   \n\t", BLANK),
        ("@everyone", BLANK),
        ("hey @StoryBot", BLANK),
        ("\x00\x01\x02", BLANK),
        ("🔥🔥🔥 🤔", NO_WORDS),
        ("??? !!! 123", NO_WORDS),
        ("a" * (MAX_QUESTION_CHARS + 1), TOO_LONG),
        # Said to the bot, not asked of the story: before, "hi" was refused as a word the
        # story lacks ("The story doesn't mention “hi”") and "help" as off the story.
        ("hi", HELLO),
        ("Hello there!", HELLO),
        ("<@123456789> hey", HELLO),
        ("ok", BLANK),  # chat words alone, punctuated or not: nothing asked
        ("got it", BLANK),
        ("thanks!", WELCOME),
        ("ok thank you so much", WELCOME),
        ("help", WHAT_I_DO),
        ("who are you?", WHAT_I_DO),
        ("What can you do?", WHAT_I_DO),
        # Another language: before, "¿Quién es …?" was refused as not mentioning “Quién”, “es”
        # or “el”, as if they were things to ask about.
        ("¿Quién lidera Siria?", ENGLISH_ONLY),
        ("¿Quién es el nuevo líder de Siria?", ENGLISH_ONLY),
        ("Wer ist der neue Führer Syriens?", ENGLISH_ONLY),
        ("Кто новый лидер Сирии?", ENGLISH_ONLY),
        ("Qui est le nouveau chef de la Syrie?", ENGLISH_ONLY),
        ("Chi è il nuovo leader della Siria?", ENGLISH_ONLY),
        ("叙利亚的新领导人是谁？", ENGLISH_ONLY),
    ],
)
def test_unaskable_input_says_why(typed: str, reason: str) -> None:
    with pytest.raises(Unaskable, match=re.escape(reason)):
        question_from(typed)


def test_only_help_asked_for_is_help() -> None:
    assert asks_for_help("help") and asks_for_help("<@123> who are you?")
    assert not asks_for_help("hi") and not asks_for_help("who leads Syria?")
    assert not asks_for_help("help me understand the plot")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Who is al-Sharaa? What is Syria's GDP?", ("Who is al-Sharaa?", "What is Syria's GDP?")),
        ("who wrote it and what is syria's gdp", ("who wrote it", "what is syria's gdp")),
        ("who leads syria? also, who is assad?", ("who leads syria?", "who is assad?")),
        (
            "what did the US share and did Syria thank them?",
            ("what did the US share", "did Syria thank them?"),
        ),
        ("What do the US and Syria share?", ("What do the US and Syria share?",)),
        ("What did Tesla do and when?", ("What did Tesla do and when?",)),  # "when?" is too short
        ("What was built between 1900 and 1910?", ("What was built between 1900 and 1910?",)),
        ("Who won?", ("Who won?",)),
    ],
)
def test_a_message_asking_several_questions_is_read_as_each(
    text: str, asked: tuple[str, ...]
) -> None:
    assert parts(text) == asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "when did they stop the plot, was it recent?",
            ("when did they stop the plot", "was it recent?"),
        ),
        (
            "how often do they work together, is it common",
            ("how often do they work together", "is it common"),
        ),
        ("If the US helped, did Syria thank them?", ("If the US helped, did Syria thank them?",)),
    ],
)
def test_a_question_added_after_a_comma_is_a_question_of_its_own(
    text: str, asked: tuple[str, ...]
) -> None:
    assert parts(text) == asked


@pytest.mark.parametrize(
    ("text", "ways"),
    [
        (
            "did the plot get stopped or did it go thru",
            ("did the plot get stopped", "did it go thru"),
        ),
        ("was it expected, or was it a surprise?", ("was it expected", "was it a surprise?")),
        ("who started it, the us or damascus?", ("who started it, the us or damascus?",)),
        ("is it cia or dod", ("is it cia or dod",)),
        ("did it happen or did it", ("did it happen or did it",)),  # "did it" asks nothing
    ],
)
def test_a_question_offering_its_other_answer_as_a_question_is_asked_two_ways(
    text: str, ways: tuple[str, ...]
) -> None:
    assert two_ways(text) == ways
