"""Discord's length limits, and cutting text to fit them at sentence or word boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

CONTENT = 2000
"""Characters in a message's content."""
TITLE = 256
"""Characters in an embed's title."""
DESCRIPTION = 4096
"""Characters in an embed's description."""
FIELD = 1024
"""Characters in an embed field's value."""
EMBED = 6000
"""Characters in all the embeds of one message together."""

_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a text, cut after end punctuation followed by whitespace."""
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


def words(text: str, limit: int) -> list[str]:
    """The words of a text, a word longer than `limit` cut into pieces that fit."""
    return [
        word[start : start + limit] for word in text.split() for start in range(0, len(word), limit)
    ]


def join_within(pieces: Iterable[str], limit: int, sep: str = " ") -> list[str]:
    """Join pieces with `sep` into as few strings of at most `limit` characters as hold them.

    Each piece must itself fit; a piece is never cut.
    """
    joined: list[str] = []
    for piece in pieces:
        if joined and len(joined[-1]) + len(sep) + len(piece) <= limit:
            joined[-1] += sep + piece
        else:
            joined.append(piece)
    return joined


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most `limit` characters between sentences, else between words."""
    pieces = (
        piece
        for sentence in sentences(text)
        for piece in ([sentence] if len(sentence) <= limit else words(sentence, limit))
    )
    return join_within(pieces, limit)


def shorten(text: str, limit: int) -> str:
    """The text if it fits, else as many whole words as fit followed by an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    # A single word longer than the limit is the one place a word is cut.
    kept = head.rsplit(" ", 1)[0] if " " in head else head[: limit - 1]
    return kept + "…"


def pack(blocks: Sequence[Sequence[str]], limit: int) -> list[str]:
    """Lay blocks of lines out on pages of at most `limit` characters.

    Blocks are separated by a blank line and kept whole on one page when they fit on one;
    a longer block runs on to the next page between its lines. Each line must fit.
    """
    pages: list[str] = []
    for lines in blocks:
        block = "\n".join(lines)
        if pages and len(pages[-1]) + 2 + len(block) <= limit:
            pages[-1] += "\n\n" + block
        elif len(block) <= limit:
            pages.append(block)
        else:
            pages.extend(join_within(lines, limit, sep="\n"))
    return pages
