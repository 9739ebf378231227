"""The question log on Discord: who asked where, and `/report` for the server's editors."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.cog import respond
from index.questionlog.interface import Asker
from index.settings import Settings

if TYPE_CHECKING:
    from bot.client import StoryBot


def message_asker(message: discord.Message) -> Asker:
    """Who asked in a message, and in which server and channel."""
    guild_id = message.guild.id if message.guild else None
    return Asker(message.author.id, "message", guild_id, message.channel.id)


IN_A_SERVER = "/report shows what a server's readers asked: use it in that server."


def report_pages(settings: Settings, period: str, server: int) -> list[render.Page]:
    """The report over `period` of one server's questions, as embeds (reads the database: call
    it off the event loop). A manager of one server never sees another server's readers."""
    from index.questionlog.recorder import report
    from index.questionlog.report import BadPeriod, parse_period

    try:
        since = parse_period(period)
    except BadPeriod as error:
        return render.plain(str(error))
    lines = report(settings, since, server=server).lines()
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(render.escape_within(line, render.LINE))
        else:
            blocks.append([])
    blocks = [[f"**{block[0]}**", *block[1:]] if i else block for i, block in enumerate(blocks)]
    return render.embeds(blocks, title="What readers asked")


class Newsroom(commands.Cog):
    """What readers asked, for members who manage the server."""

    def __init__(self, bot: StoryBot) -> None:
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(since="How far back: 30m, 24h, 7d or 2w (default 7d)")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def report(self, interaction: discord.Interaction[StoryBot], since: str = "7d") -> None:
        """What readers asked, what went unanswered, and answers voted down (only you see it)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        server = interaction.guild_id
        # Manage Server already stops a direct message; were one to come, it has no readers.
        if server is None:
            await respond(interaction, render.plain(IN_A_SERVER), ephemeral=True)
            return
        pages = await asyncio.to_thread(report_pages, self.bot.settings, since, server)
        await respond(interaction, pages, ephemeral=True)
