"""What the bot says, as Discord messages: pure functions from the engine's results to pages."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import discord
from discord.utils import escape_markdown

from bot.limits import CONTENT, DESCRIPTION, join_within, pack, pieces, shorten, split_text
from index.passages import Answer, Hit, Source, SourceInfo, SummarySentence

APOLOGY = "Sorry, something went wrong while answering that. It has been logged; please try again."
NOT_IN_STORY = "I can only answer questions about the story."
COLOUR = discord.Colour.blurple()
LINE = 1000
"""Characters in one line of a description, so that long passages run on between sentences."""

_NUMBERED = re.compile(r"^(\d+)\.(?=\s|$)")

Unit = tuple[str, bool]
"""A run of text and whether it is emphasised."""


@dataclass(frozen=True)
class Page:
    """One message of a reply: a plain sentence or one embed."""

    content: str | None = None
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None
    """The buttons under the page (bot/presses.py), on an answer's first page."""

    def as_kwargs(self) -> dict[str, Any]:
        """The page as keyword arguments of discord.py's send methods."""
        shown = {"embed": self.embed} if self.embed is not None else {"content": self.content}
        return shown | ({"view": self.view} if self.view is not None else {})


def answer(reply: Answer) -> list[Page]:
    """An answer: the question and its cited passages, or one plain sentence when refused."""
    if reply.refused or not reply.hits:
        return plain(reply.message or NOT_IN_STORY)
    question = [f"**{escape_within(reply.question, LINE)}**"]
    if reply.hedge:
        question.append(f"_{escape_markdown(reply.hedge)}_")
    return embeds([question, *(passage(hit) for hit in reply.hits)])


def passage(hit: Hit) -> list[str]:
    """A passage quoted with its best sentence in bold, then its citation, source and link."""
    text = hit.chunk.text
    start, end = hit.answer_start, hit.answer_end
    if end <= start:
        start = end = len(text)
    units = [(text[:start], False), (text[start:end], True), (text[end:], False)]
    return [*quote(units), attribution(hit.citation, hit.chunk.source)]


def summary(sentences: Sequence[SummarySentence]) -> list[Page]:
    """The extractive summary, each sentence quoted with its citation."""
    blocks = [[*quote([(s.text, False)]), attribution(s.citation)] for s in sentences]
    return embeds(blocks or [["The story has no summary yet."]], title="Summary")


def sources(known: Sequence[SourceInfo], model_name: str) -> list[Page]:
    """The sources the bot knows, with their bylines, links and passage counts, and the model."""
    blocks = [byline(info.source, info.passages, info.changed) for info in known]
    footer = f"Answers are found with {shorten(model_name, LINE // 4)}."
    return embeds(blocks or [["No sources are indexed."]], title="Sources", footer=footer)


def help_text(name: str, titles: Iterable[str], channel_ids: Iterable[int]) -> list[Page]:
    """How to ask, with examples, naming the story the bot knows."""
    story = " · ".join(f"**{escape_within(title, LINE)}**" for title in titles) or "the story"
    where = "".join(f" <#{channel}>" for channel in sorted(channel_ids))
    blocks = [
        [f"I answer questions about {story}, quoting the passages that answer each one."],
        [
            "**Ask**",
            "`/ask question: Who is involved?` shows the passages, the answering sentence in bold,"
            " each with its `¶` citation.",
            "`/ask question: What happened next? private: True` answers only you.",
            f"`@{shorten(name.replace('`', ''), 100)} why does it matter?` answers in the channel,"
            " as a reply." + (f" In{where} every message is a question." if where else ""),
            "On any message, **Apps → Ask StoryBot** answers its text, only to you.",
            "Under an answer: **More passages**, **Full paragraph** (only you see it), 👍 / 👎.",
        ],
        [
            "**More**",
            "`/summary` tells the story in a few cited sentences.",
            "`/source` names the articles I know and the model I use.",
            "Questions the story does not answer get one short sentence saying so.",
        ],
    ]
    return embeds(blocks, title="How to ask")


def cooldown_note(retry_after: float) -> str:
    """The friendly note for someone asking faster than the cooldown allows."""
    return f"You're asking quickly! Please wait {math.ceil(retry_after)} s, then ask again."


def plain(text: str) -> list[Page]:
    """Plain text, its markdown escaped, cut into messages at sentence boundaries."""
    return [Page(content=piece) for piece in split_text(escape(text), CONTENT)]


def embeds(
    blocks: Sequence[Sequence[str]], *, title: str | None = None, footer: str | None = None
) -> list[Page]:
    """Blocks of lines laid out on as many embeds as they need, one embed per message."""
    pages = pack(blocks, DESCRIPTION)
    last = len(pages) - 1
    return [
        Page(embed=embed(text, title if i == 0 else None, footer if i == last else None))
        for i, text in enumerate(pages)
    ]


def embed(description: str, title: str | None, footer: str | None) -> discord.Embed:
    """One embed in the bot's colour."""
    made = discord.Embed(description=description, title=title, colour=COLOUR)
    return made.set_footer(text=footer) if footer else made


def quote(units: Sequence[Unit]) -> list[str]:
    """Lines of a block quote, escaped, emphasised runs in bold, cut between sentences."""
    # Escaping can double a run's length; half a line, less "> " and "****", always fits.
    budget = (LINE - 6) // 2
    marked: list[str] = []
    for text, bold in units:
        if marked and text[:1].isspace():
            marked[-1] = marked[-1].rstrip() + " "
        for piece in pieces(text, budget):
            core = piece.rstrip()
            shown = f"**{escape(core)}**" if bold else escape(core)
            marked.append(shown + (" " if piece != core else ""))
    return [f"> {line}" for line in join_within(marked, LINE - 2)]


def attribution(citation: str, source: Source | None = None) -> str:
    """The line under a quote: its citation, and the source's publisher, date and link when
    known."""
    parts = [f"*{escape_within(citation, LINE // 2)}*"]
    if source is not None and source.publisher:
        parts.append(escape_within(source.publisher, LINE // 4))
    if source is not None and source.date:
        parts.append(escape_within(source.date, LINE // 4))
    if source is not None and (url := link(source.url)):
        parts.append(url)
    return "— " + " · ".join(parts)


def byline(source: Source, passages: int, changed: float | None = None) -> list[str]:
    """A source's headline, byline, publisher, date, link, passage count and last change."""
    facts = [f"By {source.author}" if source.author else None, source.publisher, source.date]
    lines = [f"**{escape_within(source.title, LINE)}**"]
    if known := [fact for fact in facts if fact]:
        lines.append(escape_within(" · ".join(known), LINE))
    if url := link(source.url):
        lines.append(url)
    count = f"{passages} passage{'' if passages == 1 else 's'}"
    # A Discord timestamp: each reader sees it in their own time zone.
    lines.append(count + (f" · last changed <t:{int(changed)}:f>" if changed else ""))
    return lines


def link(url: str | None) -> str | None:
    """A web link in angle brackets, so Discord shows no preview; None for anything else."""
    url = (url or "").strip()
    plausible = url.startswith(("https://", "http://")) and len(url) <= LINE - 2
    return f"<{url}>" if plausible and not any(c.isspace() or c in "<>" for c in url) else None


def escape_within(text: str, limit: int) -> str:
    """Text shortened to whole words and escaped for markdown, within `limit` characters."""
    fitted = escape(shorten(text, limit))
    return fitted if len(fitted) <= limit else escape(shorten(text, limit // 2))


def escape(text: str) -> str:
    """Text on one line, its markdown shown as typed rather than interpreted."""
    text = escape_markdown(" ".join(text.split()))
    return _NUMBERED.sub(r"\1\\.", text)  # "1. " would start a list; escape_markdown misses it
