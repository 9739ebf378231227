"""The buttons' custom ids and which buttons an answer gets, as plain functions."""

from __future__ import annotations

import pytest

from bot import buttons
from bot.buttons import CUSTOM_ID, FullParagraph, More, Vote
from index.passages import Answer, Chunk, Hit, Source
from index.vectors.paragraphs import source_key

SOURCE = Source(id="a-very-long-file-name-" * 6, title="A headline")
VERSION = "0123456789"


def answer_with(hits: int, paragraph: int = 4) -> Answer:
    """An answer quoting `hits` passages, the first from `paragraph`."""
    chunks = [Chunk(SOURCE, paragraph + n, 0, 5, "Text.") for n in range(hits)]
    return Answer("Who leads?", refused=False, hits=tuple(Hit(c, 0.5) for c in chunks))


@pytest.mark.parametrize(
    ("press", "template"),
    [
        (More(buttons.question_key("Who leads Syria?"), VERSION, 3), buttons.MORE),
        (FullParagraph(VERSION, source_key(SOURCE), 12), buttons.PARAGRAPH),
        (Vote("f" * 32, True), buttons.VOTE),
        (Vote("0" * 32, False), buttons.VOTE),
    ],
)
def test_a_custom_id_fits_discord_and_reads_back_as_the_same_press(
    press: buttons.Press, template: object
) -> None:
    assert len(press.custom_id) <= CUSTOM_ID
    match = buttons.MORE.fullmatch(press.custom_id) or buttons.PARAGRAPH.fullmatch(press.custom_id)
    match = match or buttons.VOTE.fullmatch(press.custom_id)
    assert match is not None and match.re is template
    assert type(press).parse(match) == press


def test_an_answer_gets_more_passages_its_paragraph_and_votes_when_recorded() -> None:
    made = buttons.presses_for(answer_with(3), VERSION, "a" * 32)
    assert made == [
        More(buttons.question_key("Who leads?"), VERSION, 3),
        FullParagraph(VERSION, source_key(SOURCE), 4),
        Vote("a" * 32, True),
        Vote("a" * 32, False),
    ]


def test_an_unrecorded_answer_gets_no_votes_and_the_last_page_no_more() -> None:
    made = buttons.presses_for(answer_with(3), VERSION, None, offset=3, more=False)
    assert made == [FullParagraph(VERSION, source_key(SOURCE), 4)]


def test_more_passages_stops_being_offered_after_the_most() -> None:
    made = buttons.presses_for(answer_with(3), VERSION, None, offset=buttons.MOST_PASSAGES - 3)
    assert not [p for p in made if isinstance(p, More)]


def test_a_refusal_gets_votes_only() -> None:
    refusal = Answer("What is the GDP?", refused=True, message="The story doesn't mention GDP.")
    assert buttons.presses_for(refusal, VERSION, "b" * 32) == [
        Vote("b" * 32, True),
        Vote("b" * 32, False),
    ]
    assert buttons.presses_for(refusal, VERSION, None) == []


def test_an_answer_id_that_would_not_fit_gets_no_votes() -> None:
    assert buttons.presses_for(answer_with(1), VERSION, "x" * 200)[-1] == FullParagraph(
        VERSION, source_key(SOURCE), 4
    )


def test_the_recorded_answer_is_read_back_from_the_vote_buttons() -> None:
    ids = [More("0" * 8, VERSION, 3).custom_id, Vote("c" * 32, True).custom_id]
    assert buttons.recorded_answer(ids) == "c" * 32
    assert buttons.recorded_answer(ids[:1]) is None


def test_the_question_key_ignores_spacing_only() -> None:
    assert buttons.question_key("Who  leads?") == buttons.question_key(" Who leads? ")
    assert buttons.question_key("Who leads?") != buttons.question_key("Who led?")


async def test_more_under_an_answer_to_a_command_reads_no_conversation() -> None:
    # /ask and the Apps menu answer a question alone, even inside a thread of earlier answers:
    # their "More passages" must not read the thread back as a conversation.
    from types import SimpleNamespace

    from bot.presses import conversation_of

    async def unread(*_: object) -> None:
        raise AssertionError("the conversation was read")

    channel = SimpleNamespace(history=unread, fetch_message=unread)
    reference = SimpleNamespace(message_id=1, resolved=None)  # as if it replied to a message
    message = SimpleNamespace(interaction_metadata=object(), channel=channel, reference=reference)
    interaction = SimpleNamespace(message=message, client=SimpleNamespace(user=object()))
    assert await conversation_of(interaction) == []  # type: ignore[arg-type]
