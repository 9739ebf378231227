"""Conversations on Discord: the earlier questions of a reply chain or a thread, and threads
opened for answers.

Each answer StoryBot sends shows its question as the first bold line of its embed, so the
questions of a conversation are read back from the bot's own answers: they survive a restart
and a deleted question. Reading stops after `MAX_MESSAGES` messages, at a deleted one, or where
the bot may not read.
"""

from __future__ import annotations

import logging
import re

import discord

from bot.limits import shorten

log = logging.getLogger(__name__)

MAX_MESSAGES = 20
"""Messages read back for a conversation's earlier questions (a reply chain or a thread)."""
THREAD_NAME = 100
"""Characters in a thread's name (Discord's limit)."""
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$", re.MULTILINE)
_ESCAPED = re.compile(r"\\(.)")


def question_shown(message: discord.Message, me: discord.abc.Snowflake) -> str | None:
    """The question one of the bot's answers shows, or None for any other message."""
    if message.author.id != me.id or not message.embeds:
        return None
    description = message.embeds[0].description or ""
    first = description.split("\n", 1)[0]
    shown = _BOLD_LINE.match(first)
    return _ESCAPED.sub(r"\1", shown.group(1)) if shown else None


def replies_to_bot(message: discord.Message, me: discord.abc.Snowflake) -> bool:
    """Whether a message is a reply to one of the bot's messages."""
    resolved = message.reference.resolved if message.reference else None
    return isinstance(resolved, discord.Message) and resolved.author.id == me.id


def post_question(message: discord.Message, text: str) -> str:
    """The question of a message in a forum post: a post's first message is read with its title."""
    channel = message.channel
    if isinstance(channel, discord.Thread) and message.id == channel.id and channel.name:
        return text if channel.name.strip() in text else f"{channel.name.strip()} {text}".strip()
    return text


def in_forum_post(message: discord.Message, forums: frozenset[int]) -> bool:
    """Whether a message is in a post (a thread) of one of these forum channels."""
    channel = message.channel
    return isinstance(channel, discord.Thread) and channel.parent_id in forums


def thread_name(question: str) -> str:
    """A thread's name: the question, shortened to whole words within Discord's limit."""
    return shorten(question, THREAD_NAME) or "Question"


async def earlier_questions(message: discord.Message, me: discord.abc.Snowflake) -> list[str]:
    """The questions asked before this message in its thread or reply chain, oldest first."""
    if isinstance(message.channel, discord.Thread):
        return await thread_questions(message, me)
    return await chain_questions(message, me)


async def thread_questions(message: discord.Message, me: discord.abc.Snowflake) -> list[str]:
    """The questions the bot answered earlier in the message's thread, oldest first."""
    found: list[str] = []
    try:
        async for earlier in message.channel.history(limit=MAX_MESSAGES, before=message):
            if (question := question_shown(earlier, me)) is not None:
                found.append(question)
    except discord.HTTPException as error:
        log.info("Could not read thread %s (%s): answering alone", message.channel.id, error)
    return found[::-1]


async def chain_questions(message: discord.Message, me: discord.abc.Snowflake) -> list[str]:
    """The questions the bot answered up the message's reply chain, oldest first."""
    found: list[str] = []
    current = message
    for _ in range(MAX_MESSAGES):
        earlier = await referenced(current)
        if earlier is None:
            break
        if (question := question_shown(earlier, me)) is not None:
            found.append(question)
        current = earlier
    return found[::-1]


async def referenced(message: discord.Message) -> discord.Message | None:
    """The message this one replies to, when it still exists and may be read."""
    reference = message.reference
    if reference is None or reference.message_id is None:
        return None
    if isinstance(reference.resolved, discord.Message):
        return reference.resolved
    if isinstance(reference.resolved, discord.DeletedReferencedMessage):
        return None
    try:
        return await message.channel.fetch_message(reference.message_id)
    except discord.HTTPException as error:
        log.info("Reply chain of %s ends at %s (%s)", message.id, reference.message_id, error)
        return None


async def open_thread(message: discord.Message, question: str) -> discord.Thread | None:
    """A thread started from the question's message, or None when one cannot be made here."""
    if message.guild is None or not isinstance(message.channel, discord.TextChannel):
        return None
    try:
        return await message.create_thread(name=thread_name(question))
    except discord.HTTPException as error:
        log.info("Could not open a thread for %s (%s): replying instead", message.id, error)
        return None
