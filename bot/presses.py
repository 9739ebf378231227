"""Presses of the buttons under an answer: persistent items that read their state from their
custom ids (bot/buttons.py), so they work on messages sent before a restart."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeAlias, cast

import discord

from bot import buttons, render, threads
from bot.buttons import FullParagraph, More, Press, Vote
from index.passages import Answer, Chunk
from index.vectors.paragraphs import Paragraph, around, fingerprint

if TYPE_CHECKING:
    from bot.client import StoryBot

log = logging.getLogger(__name__)

Interaction: TypeAlias = "discord.Interaction[StoryBot]"
NO_PRESS = re.compile(r"(?!)")
"""Matches no custom id: the template of the kinds' common class, which is never registered."""


class IndexVersion:
    """The fingerprint of the index in place, worked out once per index (off the event loop)."""

    def __init__(self) -> None:
        self._for: tuple[Chunk, ...] | None = None
        self._version = ""

    async def of(self, passages: tuple[Chunk, ...]) -> str:
        """The fingerprint of these passages (the engine's current ones)."""
        if passages is not self._for:
            self._version = await asyncio.to_thread(fingerprint, passages)
            self._for = passages
        return self._version


def view_of(presses: Sequence[Press]) -> discord.ui.View | None:
    """The buttons for these presses, or None for none."""
    if not presses:
        return None
    view = discord.ui.View(timeout=None)
    for press in presses:
        view.add_item(item_for(press))
    return view


def item_for(press: Press) -> PressButton:
    """The button of one press."""
    return next(item(press) for item in ITEMS if isinstance(press, item.kind))


def custom_ids(message: discord.Message | None) -> Iterator[str]:
    """The custom ids of a message's buttons."""
    for row in message.components if message else ():
        for child in getattr(row, "children", ()):
            if isinstance(custom_id := getattr(child, "custom_id", None), str):
                yield custom_id


def private_to_another(interaction: Interaction) -> bool:
    """Whether the pressed button is on a private answer someone else asked for."""
    message = interaction.message
    if message is None or not message.flags.ephemeral:
        return False
    owner = message.interaction_metadata.user if message.interaction_metadata else None
    return owner is None or owner.id != interaction.user.id


async def tell(interaction: Interaction, text: str) -> None:
    """One private line in answer to a press."""
    await interaction.response.send_message(**render.plain(text)[0].as_kwargs(), ephemeral=True)


async def handled(
    interaction: Interaction, act: Callable[[Interaction, Any], Awaitable[None]], press: Press
) -> None:
    """Run a press: another's private answer is refused, a failure told and never raised."""
    if private_to_another(interaction):
        await tell(interaction, buttons.NOT_YOURS)
        return
    try:
        await act(interaction, press)
    except Exception as error:
        from bot.client import reason  # the client imports this module

        text = reason(error, f"Button {interaction.data and interaction.data.get('custom_id')}")
        try:
            if interaction.response.is_done():
                await interaction.followup.send(**render.plain(text)[0].as_kwargs(), ephemeral=True)
            else:
                await tell(interaction, text)
        except discord.HTTPException:
            log.warning("Could not tell the user that a button failed", exc_info=True)


async def current(interaction: Interaction, version: str) -> bool:
    """Whether the answer's index is still the one in place; tells the person when not."""
    bot = interaction.client
    if await bot.index_version.of(bot.engine.passages()) == version:
        return True
    await tell(interaction, buttons.OUT_OF_DATE)
    return False


def question_under(interaction: Interaction, press: More) -> str | None:
    """The question the answer shows (its first bold line), if it is the one pressed for."""
    message, me = interaction.message, interaction.client.user
    question = threads.question_shown(message, me) if message and me else None
    return question if question and buttons.question_key(question) == press.question else None


async def conversation_of(interaction: Interaction) -> list[str]:
    """The earlier questions of the conversation the pressed answer belongs to (its thread or
    reply chain), read back as the answer read them: a follow-up's next passages are those of
    the follow-up read in its conversation ("What did he say?" alone means nothing). None for
    an answer to /ask or the Apps menu, which was read alone, wherever it stands."""
    message, me = interaction.message, interaction.client.user
    if message is None or me is None or message.interaction_metadata is not None:
        return []
    return await threads.earlier_questions(message, me)


async def show_more(interaction: Interaction, press: More) -> None:
    """Replace the passages shown with the next ones, in place."""
    question = question_under(interaction, press)
    if question is None:
        await tell(interaction, buttons.UNREADABLE)
        return
    if not await current(interaction, press.version):
        return
    await interaction.response.defer()  # DEFERRED_UPDATE_MESSAGE: the engine may take a while
    bot, start = interaction.client, press.offset
    end = start + bot.settings.top_k
    history = await conversation_of(interaction)
    wanted = end + 1  # one more: any left?
    answer = await asyncio.to_thread(bot.answered, question, history, wanted)
    following = answer.hits[start:end]
    if answer.refused or not following:
        await interaction.followup.send(
            **render.plain(buttons.NO_MORE)[0].as_kwargs(), ephemeral=True
        )
        return
    shown = Answer(question, False, hits=following, confidence=answer.confidence)
    answer_id = buttons.recorded_answer(custom_ids(interaction.message))
    made = buttons.presses_for(shown, press.version, answer_id, start, len(answer.hits) > end)
    [first, *_] = render.answer(shown)
    await interaction.edit_original_response(embed=first.embed, view=view_of(made))


def paragraph_pages(paragraphs: Sequence[Paragraph], number: int) -> list[render.Page]:
    """The paragraph and its neighbours, each quoted with its citation, the cited one in bold."""
    blocks = [
        [*render.quote([(p.text, p.number == number)]), render.attribution(p.citation)]
        for p in paragraphs
    ]
    return render.embeds(blocks, title=f"¶{number} in full, with its neighbours")


async def show_paragraph(interaction: Interaction, press: FullParagraph) -> None:
    """The cited paragraph with the one before and after, privately."""
    if not await current(interaction, press.version):
        return
    passages = interaction.client.engine.passages()
    found = await asyncio.to_thread(around, passages, press.source, press.paragraph)
    if not any(p.number == press.paragraph for p in found):
        await tell(interaction, buttons.GONE)
        return
    pages = paragraph_pages(found, press.paragraph)
    await interaction.response.send_message(**pages[0].as_kwargs(), ephemeral=True)
    for page in pages[1:]:
        await interaction.followup.send(**page.as_kwargs(), ephemeral=True)


async def vote(interaction: Interaction, press: Vote) -> None:
    """Record the vote (the log's writer thread does the writing) and thank the person."""
    direction = "up" if press.up else "down"
    interaction.client.questions.feedback(press.answer, direction, interaction.user.id)
    await tell(interaction, buttons.thanks(press))


class PressButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=NO_PRESS):
    """A grey button whose custom id carries its press, so that it is heard on messages sent
    before a restart; each kind below names its press and what pressing it does."""

    kind: ClassVar[type[More] | type[FullParagraph] | type[Vote]]
    act: Callable[[Interaction, Any], Awaitable[None]]

    def __init__(self, press: Press) -> None:
        style = discord.ButtonStyle.secondary
        face: discord.ui.Button[Any] = discord.ui.Button(
            style=style, label=press.label, emoji=press.emoji, custom_id=press.custom_id
        )
        super().__init__(face)
        self.press = press

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """The button of a pressed custom id."""
        return cls(cls.kind.parse(match))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Act on the press."""
        await handled(cast(Interaction, interaction), self.act, self.press)


class MoreButton(PressButton, template=buttons.MORE):
    """“More passages”: the next passages, in place."""

    kind, act = More, staticmethod(show_more)


class ParagraphButton(PressButton, template=buttons.PARAGRAPH):
    """“Full paragraph”: the cited paragraph in context, privately."""

    kind, act = FullParagraph, staticmethod(show_paragraph)


class VoteButton(PressButton, template=buttons.VOTE):
    """👍 or 👎 on the answer, kept in the question log."""

    kind, act = Vote, staticmethod(vote)


ITEMS = (MoreButton, ParagraphButton, VoteButton)
"""What `StoryBot.setup_hook` registers, so presses on any message are heard."""
