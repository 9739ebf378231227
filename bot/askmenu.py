"""“Ask StoryBot” in a message's Apps menu: the message's text asked as a question, privately."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.cog import QUESTION_LENGTH, counts_as_question, respond
from bot.limits import shorten
from index.answering.questions import MENTION
from index.questionlog.interface import Asker

if TYPE_CHECKING:
    from bot.client import StoryBot

MENU_NAME = "Ask StoryBot"
EMPTY = "That message has no text to ask about: pick a message with a question in it."


def question_of(content: str) -> str:
    """A message's text as a question: mentions, custom emoji and the like left out (as the
    engine leaves them out), within /ask's length."""
    return shorten(" ".join(MENTION.sub(" ", content).split()), QUESTION_LENGTH)


class AskMenu(commands.Cog):
    """The message context-menu command, added to the tree while the cog is loaded."""

    def __init__(self, bot: StoryBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.ask_about)
        self.menu.add_check(counts_as_question)

    async def cog_load(self) -> None:
        """Add the menu command to the tree (context menus cannot live inside a cog)."""
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Take the menu command off the tree."""
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def ask_about(
        self, interaction: discord.Interaction[StoryBot], message: discord.Message
    ) -> None:
        """Answer the message's text as a question, seen only by the person who asked."""
        question = question_of(message.content)
        if not question:
            await respond(interaction, render.plain(EMPTY), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        asker = Asker(interaction.user.id, "menu", interaction.guild_id, interaction.channel_id)
        pages = await self.bot.answer_with_buttons(question, asker)
        await respond(interaction, pages, ephemeral=True)
