"""A corpus file's bytes as text, or a few words saying why they are not text.

UTF-8 (with or without its byte-order mark) and UTF-16 or UTF-32 by their marks are read as
such; anything else that is plainly text is decoded by charset-normalizer's best guess, or as
cp1252 (what Word and older Windows tools write); a binary file is refused.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from index.passages import StoryError

MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's."""
SAMPLE = 1 << 16
"""Bytes looked at to tell text from binary."""
CONTROL_SHARE = 0.005
"""Text has almost no control characters besides tabs and line breaks; binary has many."""
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
NOT_TEXT = frozenset({"Cc", "Cs", "Cn", "Co"})
BYTE_ORDER_MARK = "\ufeff"
"""Past the start of a file, a byte-order mark is bytes decoded in the wrong way."""
"""Unicode categories of what text hardly ever holds: controls, surrogates, unassigned, private."""


class NotText(StoryError):
    """A file that cannot be read as an article; the message is the reason, e.g. "it is empty"."""


def decoded(data: bytes) -> str:
    """The text the bytes hold; raises NotText saying why when they hold none."""
    text = _by_mark(data)
    if text is None:
        if b"\0" in data[:SAMPLE]:
            raise NotText("it is binary, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guessed(data)
    if text is None or not plainly_text(text[:SAMPLE]):
        raise NotText("it is binary, not text")
    if not text.strip():
        raise NotText("it is empty")
    return text


def plainly_text(text: str) -> bool:
    """Whether hardly any characters are controls (besides tabs and line breaks), unassigned
    code points or private ones, as bytes decoded in the wrong way give."""
    controls = sum(
        1
        for c in text
        if c == BYTE_ORDER_MARK
        or (c not in ALLOWED_CONTROLS and unicodedata.category(c) in NOT_TEXT)
    )
    return controls <= CONTROL_SHARE * max(len(text), 1)


def shown(path: Path) -> str:
    """A path as text that can be printed and written as UTF-8 (undecodable bytes replaced)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _guessed(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: SAMPLE * 16]))
    if matches:
        best = matches[0]
        # Short texts often read equally well in several code pages; a newsroom's are Western.
        tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
        western = [m for m in tied if "cp1252" in m.could_be_from_charset]
        try:
            return data.decode((western or [best])[0].encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _by_mark(data: bytes) -> str | None:
    for mark, codec in MARKS:
        if data.startswith(mark):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise NotText(f"it starts with a {codec.upper()} mark but is not {codec}") from None
    return None
