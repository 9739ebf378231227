"""The extractive summary: a few central sentences of each article, in story order, cited."""

from __future__ import annotations

import numpy as np

from index.passages import Chunk, Source, SummarySentence

MAX_SENTENCES = 5
MAX_ROWS = 2_000
"""Sentences of one article weighed against each other; a longer one is sampled evenly, so the
summary of a 30 MB article costs a 2,000 × 2,000 matrix, not one of its every sentence pair."""
MAX_CHARS = 1000
LEAD_BONUS = 0.1  # news puts its main facts first


def summarise(
    chunks: tuple[Chunk, ...], vectors: np.ndarray, max_chars: int = MAX_CHARS
) -> tuple[SummarySentence, ...]:
    """Up to 5 sentences a source, at most one a paragraph, that together stand for the whole.

    Sentences are picked greedily by how much they add to the article's coverage (each sentence
    of the article counts as covered by its most similar pick), plus a small bonus for coming
    early. `vectors` holds one normalised row per sentence of `chunks`, in order.
    """
    by_source: dict[Source, list[tuple[Chunk, str, int]]] = {c.source: [] for c in chunks}
    for row in _sentence_rows(chunks):
        if row[0].kind == "body":
            by_source[row[0].source].append(row)
    summary: list[SummarySentence] = []
    for rows in by_source.values():
        picked = _pick(rows, vectors, max_chars)
        summary += [
            SummarySentence(text, chunk.source, chunk.paragraph) for chunk, text, _ in picked
        ]
    return tuple(summary)


def _sentence_rows(chunks: tuple[Chunk, ...]) -> list[tuple[Chunk, str, int]]:
    rows, row = [], 0
    for chunk in chunks:
        for start, end in chunk.sentences:
            rows.append((chunk, chunk.text[start:end], row))
            row += 1
    return rows


def _pick(
    rows: list[tuple[Chunk, str, int]], vectors: np.ndarray, max_chars: int
) -> list[tuple[Chunk, str, int]]:
    if not rows:
        return []
    if len(rows) > MAX_ROWS:
        rows = [rows[i] for i in np.linspace(0, len(rows) - 1, MAX_ROWS).round().astype(int)]
    own = vectors[[row for _, _, row in rows]]
    likeness = own @ own.T
    lead = LEAD_BONUS / np.sqrt(1 + np.arange(len(rows)))
    chosen: list[int] = []
    covered = np.zeros(len(rows))
    used = 0
    while len(chosen) < MAX_SENTENCES:
        gains = np.maximum(likeness, covered[:, None]).mean(axis=0) - covered.mean() + lead
        allowed = [i for i in np.argsort(-gains) if _allowed(rows, chosen, int(i), used, max_chars)]
        if not allowed:
            break
        best = int(allowed[0])
        chosen.append(best)
        covered = np.maximum(covered, likeness[:, best])
        used += len(rows[best][1]) + 1
    return [rows[i] for i in sorted(chosen)]


def _allowed(
    rows: list[tuple[Chunk, str, int]], chosen: list[int], i: int, used: int, max_chars: int
) -> bool:
    """Not yet chosen, from a paragraph not yet used, and within the length budget."""
    paragraphs = {(rows[c][0].source, rows[c][0].paragraph) for c in chosen}
    fresh = (rows[i][0].source, rows[i][0].paragraph) not in paragraphs
    return fresh and used + len(rows[i][1]) <= max_chars
