"""The slash commands: each parses what was typed, asks the engine, and sends what render made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from index.answering.questions import asks_for_help
from index.questionlog.interface import PRIVATE, Asker

if TYPE_CHECKING:
    from bot.client import StoryBot

QUESTION_LENGTH = 500


def counts_as_question(interaction: discord.Interaction[StoryBot]) -> bool:
    """Count the question against its asker's cooldown; raises CommandOnCooldown when too fast."""
    interaction.client.cooldown.count(interaction.user.id)
    return True


def interaction_asker(interaction: discord.Interaction[StoryBot], private: bool = False) -> Asker:
    """Who ran a slash command, and in which server and channel (for the question log); a
    private /ask is logged as such, so that it is never offered to other readers."""
    via = PRIVATE if private else "slash"
    return Asker(interaction.user.id, via, interaction.guild_id, interaction.channel_id)


async def respond(
    interaction: discord.Interaction[StoryBot],
    pages: Sequence[render.Page],
    *,
    ephemeral: bool = False,
) -> None:
    """Send pages in reply to an interaction, the first answering it unless it was deferred."""
    for page in pages:
        if interaction.response.is_done():
            await interaction.followup.send(**page.as_kwargs(), ephemeral=ephemeral)
        else:
            await interaction.response.send_message(**page.as_kwargs(), ephemeral=ephemeral)


class Story(commands.Cog):
    """Questions about the story, its summary, its sources, and how to ask."""

    def __init__(self, bot: StoryBot) -> None:
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(
        question="What you want to know about the story",
        private="Only you see the answer (default: everyone in the channel does)",
    )
    @app_commands.check(counts_as_question)
    async def ask(
        self,
        interaction: discord.Interaction[StoryBot],
        question: app_commands.Range[str, 1, QUESTION_LENGTH],
        private: bool = False,
    ) -> None:
        """Ask about the story; the answer quotes the passages it comes from."""
        if asks_for_help(question):  # "/ask help", "/ask who are you?": /help's pages, to you
            await respond(interaction, self.bot.help_pages(), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        asker = interaction_asker(interaction, private)
        pages = await self.bot.answer_with_buttons(question, asker)
        await respond(interaction, pages, ephemeral=private)

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction[StoryBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """Questions the story answers that match what has been typed so far."""
        return self.bot.suggestions.choices(current, interaction.guild_id)

    @app_commands.command()
    async def summary(self, interaction: discord.Interaction[StoryBot]) -> None:
        """The story in a few sentences, each with its citation."""
        await respond(interaction, render.summary(self.bot.engine.summary()))

    @app_commands.command()
    async def source(self, interaction: discord.Interaction[StoryBot]) -> None:
        """The articles the answers come from, and the model that finds them."""
        engine = self.bot.engine
        await respond(interaction, render.sources(engine.sources(), engine.model_name))

    @app_commands.command(name="help")
    async def help_(self, interaction: discord.Interaction[StoryBot]) -> None:
        """How to ask, with examples."""
        await respond(interaction, self.bot.help_pages(), ephemeral=True)
