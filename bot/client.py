"""StoryBot on Discord: the client, its command tree, and questions asked by @mention."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

import discord
from discord import app_commands
from discord.ext import commands

from bot import buttons, presses, render, threads
from bot.askmenu import AskMenu
from bot.cog import Story, respond
from bot.metrics import MeasuredEngine
from bot.newsroom import Newsroom, message_asker
from bot.settings import BotSettings
from bot.suggest import SuggestionCache
from index.answering.conversation import answer_in_context
from index.answering.questions import asks_for_help, said_in_passing
from index.passages import Answer, Chunk, Hit, SourceInfo, StoryError, SummarySentence
from index.questionlog.interface import Asker, NoLog, Recorder, answer_and_record

log = logging.getLogger(__name__)

INVITE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,  # a reply quotes the message it answers; follow-ups read back
    create_public_threads=True,  # STORYBOT_THREADS: an answer opens a thread
)


class StoryEngine(Protocol):
    """What the bot needs of the engine; `index.engine.Engine` is the real one."""

    @property
    def model_name(self) -> str:
        """The sentence-transformers model that embeds questions and passages."""
        ...

    def ask(self, question: str, k: int | None = None) -> Answer:
        """Cited passages that answer the question, or a refusal; CPU-bound and thread-safe."""
        ...

    def rank(self, question: str, k: int) -> tuple[Hit, ...]:
        """The best passages for a question, refused or not (to read follow-ups)."""
        ...

    def passages(self) -> tuple[Chunk, ...]:
        """Every passage of the index in place (the same tuple until it is rebuilt)."""
        ...

    def summary(self) -> tuple[SummarySentence, ...]:
        """The cited extractive summary, made when the index was built: quick to read."""
        ...

    def sources(self) -> tuple[SourceInfo, ...]:
        """The indexed sources and their passage counts: quick to read."""
        ...


class QuestionCooldown:
    """How often one person may ask: `rate` questions in any `per` seconds."""

    def __init__(self, rate: int, per: float) -> None:
        self._buckets: commands.CooldownMapping[int] = commands.CooldownMapping.from_cooldown(
            rate, per, lambda user_id: user_id
        )

    def count(self, user_id: int) -> None:
        """Count a question by this person; raise CommandOnCooldown when they ask too fast."""
        bucket = self._buckets.get_bucket(user_id)
        if bucket is not None and (retry_after := bucket.update_rate_limit()):
            raise app_commands.CommandOnCooldown(bucket, retry_after)


def reason(error: Exception, context: str) -> str:
    """What to tell someone whose question failed; the unexpected is logged with its traceback."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return render.cooldown_note(error.retry_after)
    cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(cause, StoryError | app_commands.MissingPermissions):
        return str(cause)
    log.error("%s failed", context, exc_info=error)
    return render.APOLOGY


class StoryTree(app_commands.CommandTree["StoryBot"]):
    """The slash command tree, with the one place a failed command becomes a reply."""

    async def on_error(
        self, interaction: discord.Interaction[StoryBot], error: app_commands.AppCommandError
    ) -> None:
        """Tell the person what went wrong, privately, and log what was unexpected."""
        name = interaction.command.qualified_name if interaction.command else "?"
        pages = render.plain(reason(error, f"/{name} (interaction {interaction.id})"))
        try:
            await respond(interaction, pages, ephemeral=True)
        except discord.HTTPException:
            log.warning("Could not tell the user that /%s failed", name, exc_info=True)


class StoryBot(commands.AutoShardedBot):
    """Answers questions about the story from slash commands, @mentions and question channels.

    Sharded as Discord asks (`GET /gateway/bot`), or as STORYBOT_SHARD_COUNT and
    STORYBOT_SHARD_IDS say when the shards are spread over several processes.
    """

    def __init__(
        self,
        settings: BotSettings,
        engine: StoryEngine,
        questions: Recorder | None = None,
        **options: Any,
    ) -> None:
        intents = discord.Intents.default()
        # Reading every message is a privileged intent: ask for it only where it is needed.
        intents.message_content = bool(settings.channels)
        if settings.shard_ids:
            options["shard_ids"] = list(settings.shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=StoryTree,
            shard_count=settings.shard_count,
            **options,
        )
        self.settings = settings
        self.engine = engine
        self.questions = questions or NoLog()
        self.cooldown = QuestionCooldown(settings.cooldown_rate, settings.cooldown_seconds)
        self.suggestions = SuggestionCache(engine, getattr(self.questions, "well_answered", None))
        self.index_version = presses.IndexVersion()

    async def setup_hook(self) -> None:
        """Add the commands and sync them, to the test server when one is set; hear presses of
        the answers' buttons, old ones too; start making /ask's suggestions."""
        await self.add_cog(Story(self))
        await self.add_cog(Newsroom(self))
        await self.add_cog(AskMenu(self))
        self.add_dynamic_items(*presses.ITEMS)
        self.suggestions.refresh()
        guild_id = self.settings.discord_guild_id
        guild = None if guild_id is None else discord.Object(guild_id)
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        synced = await self.tree.sync(guild=guild)
        where = "globally (new ones take up to an hour)" if guild is None else f"to {guild_id}"
        log.info("Synced %d commands %s", len(synced), where)

    async def on_ready(self) -> None:
        """Say who the bot is, where, and how to invite it to another server."""
        shards = ", ".join(str(shard) for shard in sorted(self.shards))
        log.info(
            "Connected as %s in %d servers (shards %s of %s)",
            self.user,
            len(self.guilds),
            shards,
            self.shard_count,
        )
        if self.application_id is not None:
            invite = discord.utils.oauth_url(self.application_id, permissions=INVITE_PERMISSIONS)
            log.info("Invite link: %s", invite)

    async def ask(
        self, question: str, asker: Asker | None = None, history: Sequence[str] = ()
    ) -> Answer:
        """The engine's answer, worked out in a thread so the event loop keeps its heartbeat."""
        return (await self.ask_recorded(question, asker, history))[0]

    async def ask_recorded(
        self, question: str, asker: Asker | None, history: Sequence[str] = ()
    ) -> tuple[Answer, str | None]:
        """The answer, read after the earlier questions of its conversation (`history`, oldest
        first) and, when `asker` is given and recording is on, its id in the log (which
        feedback buttons vote on). The record is queued from the worker thread; the database is
        written by the log's own thread, never waited on here."""

        def answer(typed: str) -> Answer:
            return self.answered(typed, history)

        if asker is None:
            return await asyncio.to_thread(answer, question), None
        return await asyncio.to_thread(answer_and_record, answer, question, self.questions, asker)

    def answered(self, question: str, history: Sequence[str] = (), k: int | None = None) -> Answer:
        """The engine's answer to a question read after its conversation's earlier questions
        (`history`, oldest first; none: alone). Blocks: call it in a worker thread."""
        if not history:
            return self.engine.ask(question, k)
        if isinstance(self.engine, MeasuredEngine):  # one question, however many engine calls
            return self.engine.ask_after(question, history, k)
        return answer_in_context(self.engine, question, history, k)

    async def answer_with_buttons(
        self, question: str, asker: Asker, history: Sequence[str] = ()
    ) -> list[render.Page]:
        """The answer's pages, its buttons under the first. A follow-up's "More passages" reads
        its conversation back from Discord as the answer did (`presses.show_more`)."""
        answer, answer_id = await self.ask_recorded(question, asker, history)
        more = len(answer.hits) >= self.settings.top_k
        return await self.with_buttons(answer, answer_id, render.answer(answer), more)

    async def with_buttons(
        self, answer: Answer, answer_id: str | None, pages: list[render.Page], more: bool
    ) -> list[render.Page]:
        """The pages with the answer's buttons under the first; without them if they cannot be
        made (the answer matters more than its buttons)."""
        try:
            version = await self.index_version.of(self.engine.passages())
        except Exception:
            log.warning("Answering without buttons", exc_info=True)
            return pages
        view = presses.view_of(buttons.presses_for(answer, version, answer_id, 0, more))
        # Under the first page, which shows the question the buttons read back.
        return [replace(pages[0], view=view), *pages[1:]] if pages and view else pages

    def help_pages(self) -> list[render.Page]:
        """How to ask this bot about its story."""
        titles = [info.source.title for info in self.engine.sources()]
        name = self.user.name if self.user else "StoryBot"
        return render.help_text(name, titles, self.settings.channels)

    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that asks the bot something, as a reply to it."""
        question = self.question_in(message)
        if question is None or self.user is None:
            return
        history = await threads.earlier_questions(message, self.user)
        pages = await self.answer_pages(message_asker(message), question, message.id, history)
        thread = None
        if self.settings.threads and question and not history:
            thread = await threads.open_thread(message, question)
        for page in pages:
            if thread is not None:
                await thread.send(**page.as_kwargs())
            else:
                await message.reply(**page.as_kwargs())

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks, or None when it is not addressed to the bot, or in a
        question channel asks nothing of anyone ("thanks!", "ok", "👍": each got a reply)."""
        me = self.user
        if me is None or message.author.bot:
            return None
        text = " ".join(re.sub(rf"<@!?{me.id}>", " ", message.content).split())
        addressed = me in message.mentions or threads.replies_to_bot(message, me)
        question: str | None = None
        if threads.in_forum_post(message, self.settings.channels) and text:
            question = threads.post_question(message, text)
        elif addressed:
            return text
        elif message.channel.id in self.settings.channels and message.content.strip():
            question = message.content.strip()
        if question is None or (not addressed and said_in_passing(question)):
            return None  # "thanks!", "ok", "👍" in a question channel: said to the others there
        return question

    async def answer_pages(
        self, asker: Asker, question: str, message_id: int, history: Sequence[str] = ()
    ) -> list[render.Page]:
        """The reply to a question in a message: the answer, help when empty or asked for
        ("help", "who are you?"), or what went wrong."""
        if not question or asks_for_help(question):
            return self.help_pages()
        try:
            self.cooldown.count(int(asker.user))
            return await self.answer_with_buttons(question, asker, history)
        except Exception as error:
            return render.plain(reason(error, f"Answering message {message_id}"))
