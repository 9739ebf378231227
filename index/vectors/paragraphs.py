"""Whole paragraphs read back from an index's passages, and a short fingerprint of the index, so
that something made from one index (a button under an answer) can tell when it was rebuilt."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.passages import Chunk, Source, cite

FINGERPRINT = 10
"""Hex digits of an index's fingerprint: short enough for a button's id, enough to tell apart."""
SOURCE_KEY = 8
"""Hex digits naming a source in a button's id (its id may be long)."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a source, as the index holds it."""

    source: Source
    number: int
    text: str

    @property
    def citation(self) -> str:
        """How a reader finds the paragraph."""
        return cite(self.source, self.number)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(chunks: Iterable[Chunk]) -> str:
    """A short hash of the passages, their sources and places: it changes when they change."""
    hashed = hashlib.sha256()
    for chunk in chunks:
        place = f"{chunk.source.id}\x1f{chunk.paragraph}\x1f{chunk.start}\x1f"
        hashed.update((place + chunk.text + "\x1e").encode("utf-8", "surrogatepass"))
    return hashed.hexdigest()[:FINGERPRINT]


@lru_cache(maxsize=4096)
def source_key(source: Source) -> str:
    """A short name of a source, the same for every index that holds it."""
    return _digest(source.id)[:SOURCE_KEY]


def paragraph(chunks: Sequence[Chunk], key: str, number: int) -> Paragraph | None:
    """The paragraph `number` of the source named `key`, its passages joined; None if absent."""
    mine = sorted(
        (c for c in chunks if c.paragraph == number and source_key(c.source) == key),
        key=lambda c: c.start,
    )
    if not mine:
        return None
    parts: list[str] = []
    end = mine[0].start
    for chunk in mine:
        parts.append(chunk.text[max(0, end - chunk.start) :])  # overlapping passages: once
        end = max(end, chunk.end)
    return Paragraph(mine[0].source, number, " ".join(p.strip() for p in parts if p.strip()))


def around(chunks: Sequence[Chunk], key: str, number: int) -> tuple[Paragraph, ...]:
    """The paragraph with the one before and the one after, where the source has them."""
    found = (paragraph(chunks, key, n) for n in (number - 1, number, number + 1))
    return tuple(p for p in found if p is not None)
