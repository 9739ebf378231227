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
EMBED = 6000
"""Characters in all the embeds of one message together."""

# A sentence ends at . ! ? or … before a space, or at a CJK full stop, which needs no space.
_SENTENCE = re.compile(r"\S.*?(?:[.!?…]+(?=\s|$)|[。！？]+|$)\s*", re.DOTALL)
_WORD = re.compile(r"\S+\s*")


def sentences(text: str) -> list[str]:
    """The sentences of a text, each with the space after it, so that they join back into it."""
    return _SENTENCE.findall(text)


def words(text: str, limit: int) -> list[str]:
    """The words of a text, each with the space after it; a word longer than `limit` is cut."""
    found: list[str] = []
    for word in _WORD.findall(text):
        core = word.rstrip()
        cuts = [core[start : start + limit] for start in range(0, len(core), limit)]
        found += [*cuts[:-1], cuts[-1] + word[len(core) :]]
    return found


def pieces(text: str, limit: int) -> list[str]:
    """Sentences of at most `limit` characters, a longer sentence cut into its words."""
    return [
        piece
        for sentence in sentences(text)
        for piece in ([sentence] if len(sentence.rstrip()) <= limit else words(sentence, limit))
    ]


def join_within(parts: Iterable[str], limit: int, sep: str = "") -> list[str]:
    """Join parts into as few strings of at most `limit` characters as hold them.

    A part may end with the space that follows it, dropped where a string ends; each part must
    fit, and none is ever cut.
    """
    joined: list[str] = []
    for part in parts:
        if joined and len((joined[-1] + sep + part).rstrip()) <= limit:
            joined[-1] += sep + part
        else:
            joined.append(part)
    return [text.rstrip() for text in joined]


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most `limit` characters between sentences, else between words."""
    return join_within(pieces(text, limit), limit)


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
