"""Cutting articles into passages along sentence and paragraph boundaries."""

from __future__ import annotations

from functools import cache

import pysbd

from index.corpus import Article, Paragraph
from index.passages import Chunk

MAX_CHARS = 700


def passages_for(article: Article, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """The article's passages: whole sentences of one paragraph, at most `max_chars` long."""
    paragraphs = [*article.paragraphs, *([article.byline] if article.byline else [])]
    return [chunk for p in paragraphs for chunk in _paragraph_chunks(article, p, max_chars)]


def _kind(article: Article, paragraph: Paragraph) -> str:
    if paragraph.number == 0:
        return "headline"
    return "byline" if paragraph == article.byline else "body"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of `text[start:end]`, trimmed of surrounding white space."""
    end = len(text) if end is None else end
    spans = []
    for sentence in _segmenter().segment(text[start:end]):
        stripped = sentence.sent.strip()
        if stripped:
            first = start + sentence.start + sentence.sent.index(stripped)
            spans.append((first, first + len(stripped)))
    return spans


def _paragraph_chunks(article: Article, paragraph: Paragraph, max_chars: int) -> list[Chunk]:
    groups: list[list[tuple[int, int]]] = []
    spans = sentence_spans(article.text, paragraph.start, paragraph.end)
    for span in _fitting(article.text, spans, max_chars):
        if groups and span[1] - groups[-1][0][0] <= max_chars:
            groups[-1].append(span)
        else:
            groups.append([span])
    kind = _kind(article, paragraph)
    return [_chunk(article, paragraph.number, group, kind) for group in groups]


def _chunk(article: Article, number: int, group: list[tuple[int, int]], kind: str) -> Chunk:
    start, end = group[0][0], group[-1][1]
    relative = tuple((s - start, e - start) for s, e in group)
    return Chunk(article.source, number, start, end, article.text[start:end], relative, kind)


def _fitting(text: str, spans: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Sentences longer than `max_chars` are split at the last word boundary that fits.

    This is the one place a sentence is cut: a passage must stay within the limit.
    """
    return [piece for span in spans for piece in _split_long(text, span, max_chars)]


def _split_long(text: str, span: tuple[int, int], max_chars: int) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    while end - start > max_chars:
        space = text.rfind(" ", start + 1, start + max_chars + 1)
        cut = space if space > start else start + max_chars
        pieces.append((start, cut))
        start = cut + 1 if space > start else cut
    pieces.append((start, end))
    return pieces


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)
