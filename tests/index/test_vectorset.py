"""Vector sets: each distinct text a row once, which passages hold it, and how the nearest rows
nominate passages, exactly or through their nearest clusters."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.answering.search import _top_positive
from index.corpus.articles import read_corpus
from index.corpus.chunking import indexed_units, passages_for, search_text
from index.vectors import vectorset
from index.vectors.build import vector_sets
from index.vectors.vectorset import SHARED_BY_MANY, Ragged, VectorSet, distinct
from tests.index.conftest import HashingEmbedder


def _unit(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_ragged_lists_keep_their_order_within_a_key() -> None:
    ragged = Ragged.grouped(np.array([0, 0, 2, 1]), np.array([10, 11, 12, 13]), 3)
    assert ragged.starts.tolist() == [0, 2, 3, 4]
    items, offsets = ragged.gathered(np.array([2, 0]))
    assert items.tolist() == [12, 10, 11] and offsets.tolist() == [0, 1]
    assert ragged.sizes(np.array([0, 1, 2])).tolist() == [2, 1, 1]


def test_each_distinct_text_is_one_row() -> None:
    assert distinct(["a", "b", "a", "c", "b"]) == (["a", "b", "c"], [0, 1, 0, 2, 1])


def test_a_row_shared_by_many_passages_nominates_none_but_still_scores_them() -> None:
    shared = SHARED_BY_MANY + 1
    vectors = _unit([1, 0], [0.6, 0.8])
    # passages 0…shared-1 hold row 0 (boilerplate); passage `shared` holds row 1
    rows = VectorSet.build(vectors, [0] * shared + [1], np.arange(shared + 1), shared + 1)
    question = np.array([1, 0], np.float32)
    assert rows.nominate(question).tolist() == [shared]
    assert rows.best(np.array([0, shared]), question) == pytest.approx([1.0, 0.6])


def test_a_passage_is_scored_by_its_best_row() -> None:
    vectors = _unit([1, 0], [0, 1], [1, 1])
    rows = VectorSet.build(vectors, [0, 1, 2, 1], np.array([0, 0, 1, 1]), 2)
    question = np.array([0, 1], np.float32)
    assert rows.best(np.array([1, 0]), question) == pytest.approx([1.0, 1.0])
    assert rows.similarities(1, question) == pytest.approx([np.sqrt(0.5), 1.0])


def test_a_large_set_is_clustered_and_still_finds_the_nearest_rows() -> None:
    generator = np.random.default_rng(7)
    vectors = _unit(*generator.normal(size=(vectorset.EXACT_UP_TO + 500, 32)).tolist())
    rows = VectorSet.build(vectors, range(len(vectors)), np.arange(len(vectors)), len(vectors))
    assert rows.approximate
    assert rows.index.ntotal == len(vectors)
    found = [i in rows.nominate(vectors[i]) for i in range(0, len(vectors), 97)]
    assert all(found)


@pytest.mark.parametrize(
    ("rows", "expected"), [(1, 1), (100, 2), (4_097, 64), (20_000, 256), (1_000_000, 1_024)]
)
def test_clusters_grow_with_the_square_root_of_the_rows(rows: int, expected: int) -> None:
    assert vectorset.clusters(rows) == expected


def test_a_sentence_two_articles_share_is_stored_once(tmp_path: Path) -> None:
    shared = "Officials said the figure may rise."
    for name in ("first", "second"):
        text = f"The {name} headline\n\nThe {name} story began today. {shared}\n"
        (tmp_path / f"{name}.txt").write_text(text)
    articles = read_corpus(tmp_path)
    chunks = tuple(chunk for article in articles for chunk in passages_for(article))
    texts = tuple(search_text(chunk) for chunk in chunks)
    sets, sentence_vectors = vector_sets(HashingEmbedder(), chunks, texts)
    occurrences = len(indexed_units(chunks, texts).sentences)
    assert sets["sentences"].index.ntotal == occurrences - 1
    assert len(sentence_vectors) == occurrences
    question = HashingEmbedder().encode([shared])[0]
    holders = [i for i, chunk in enumerate(chunks) if shared in chunk.text]
    assert sets["sentences"].best(np.array(holders), question) == pytest.approx([1.0, 1.0])


def test_only_positive_lexical_scores_make_candidates() -> None:
    scores = np.array([0, 3, 1, 5, 0, 0], np.float32)
    assert sorted(_top_positive(scores, 2).tolist()) == [1, 3]
    assert sorted(_top_positive(scores, 4).tolist()) == [1, 2, 3]
    assert sorted(_top_positive(scores[:3], 4).tolist()) == [1, 2]


@pytest.mark.parametrize("seed", range(20))
def test_the_best_lexical_scores_are_found_however_they_spread(seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores = rng.exponential(1.0, 5_000).astype(np.float32)
    scores[rng.random(5_000) < rng.random()] = 0  # anything from a few to all positive
    if seed % 4 == 0:
        scores[rng.integers(0, 5_000, 3)] = scores.max() * 10  # a few far ahead of the rest
    expected = np.sort(scores[scores > 0])[::-1][:8]
    assert np.array_equal(np.sort(scores[_top_positive(scores, 8)])[::-1], expected)
