"""Cutting articles into passages along sentence and paragraph boundaries."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache

import numpy as np
import pysbd

from index.corpus.articles import Article, Paragraph
from index.passages import MAX_CHARS, Chunk

CLAUSE_BREAK = re.compile(r"[,;:]")
CLAUSE_MIN_WORDS = 3
PARALLEL_FROM = 2_000
"""Paragraphs from which splitting them into sentences is worth starting worker processes."""


@dataclass(frozen=True)
class Units:
    """What is embedded besides whole passages: their sentences, and the sentences' clauses."""

    sentences: list[str]
    sentence_owner: np.ndarray
    """The passage each sentence row belongs to."""
    clauses: list[str]
    clause_owner: np.ndarray
    """The sentence row each clause row belongs to."""


def corpus_passages(articles: Sequence[Article]) -> tuple[Chunk, ...]:
    """Every article's passages, in order; a large corpus is split across the cores.

    Sentence splitting (pysbd) is pure Python at about a millisecond a paragraph, the one part
    of a build besides encoding that grows with the corpus. The work is shared out by runs of
    paragraphs, so that one very long article is split across the cores too.
    """
    workers = os.cpu_count() or 1
    total = sum(len(a.paragraphs) for a in articles)
    if workers < 2 or total < PARALLEL_FROM:
        return tuple(chunk for article in articles for chunk in passages_for(article))
    size = max(100, total // (workers * 4))
    pieces = [
        (article, first, first + size)
        for article in articles
        for first in range(0, len(_all_paragraphs(article)), size)
    ]
    spawn = multiprocessing.get_context("spawn")  # no fork after onnxruntime's threads started
    with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
        chunked = pool.map(_piece, pieces, chunksize=max(1, len(pieces) // workers // 4))
        return tuple(chunk for chunks in chunked for chunk in chunks)


def passages_for(article: Article, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """The article's passages: whole sentences of one paragraph, at most `max_chars` long."""
    paragraphs = _all_paragraphs(article)
    return [chunk for p in paragraphs for chunk in _paragraph_chunks(article, p, max_chars)]


def _all_paragraphs(article: Article) -> list[Paragraph]:
    return [*article.paragraphs, *([article.byline] if article.byline else [])]


def _piece(piece: tuple[Article, int, int]) -> list[Chunk]:
    """The passages of a run of one article's paragraphs (a worker's share)."""
    article, first, last = piece
    paragraphs = _all_paragraphs(article)[first:last]
    return [chunk for p in paragraphs for chunk in _paragraph_chunks(article, p, MAX_CHARS)]


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


def search_text(chunk: Chunk) -> str:
    """What a passage is indexed as: its text, and for headline and byline what they mean."""
    source = chunk.source
    if chunk.kind == "headline":
        publisher = f" Published by {source.publisher}." if source.publisher else ""
        return f"Headline of the article: {chunk.text}.{publisher}"
    if chunk.kind == "byline" and source.author:
        return (
            f"Written by {source.author}. Author: {source.author}. "
            f"Journalist who wrote the article: {source.author}."
        )
    return chunk.text


def sentence_texts(chunks: tuple[Chunk, ...], texts: tuple[str, ...]) -> list[str]:
    """One text a sentence, in order; a one-sentence passage is indexed as its search text."""
    rows: list[str] = []
    for chunk, text in zip(chunks, texts, strict=True):
        if len(chunk.sentences) < 2:
            rows.append(text)
        else:
            rows += [chunk.text[start:end] for start, end in chunk.sentences]
    return rows


def indexed_units(chunks: tuple[Chunk, ...], texts: tuple[str, ...]) -> Units:
    """Sentence and clause rows, in passage order; the same chunks always give the same rows."""
    sentences = sentence_texts(chunks, texts)
    counts = [max(len(chunk.sentences), 1) for chunk in chunks]
    groups = [clauses(sentence) for sentence in sentences]
    return Units(
        sentences=sentences,
        sentence_owner=np.repeat(np.arange(len(chunks)), counts),
        clauses=[clause for group in groups for clause in group],
        clause_owner=np.repeat(np.arange(len(sentences)), [len(g) for g in groups]),
    )


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses (split at commas, semicolons and colons) of 3 words or more.

    A question often matches one clause of a long sentence far better than the whole of it.
    A sentence without such clauses is its own one clause.
    """
    parts = [part.strip() for part in CLAUSE_BREAK.split(sentence)]
    return [part for part in parts if len(part.split()) >= CLAUSE_MIN_WORDS] or [sentence]
