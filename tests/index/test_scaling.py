"""What lets a build and a question scale: encoding each text once, splitting sentences on every
core, batching across cores, and clustered search with exact rescoring for large vector sets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np
import pytest

from index.answering.evaluation import evaluate
from index.corpus import chunking
from index.corpus.articles import read_corpus
from index.engine import Engine
from index.vectors import build, vectorset
from tests.conftest import CORPUS, DEV_QUESTIONS, SECOND_ARTICLE
from tests.index.conftest import HashingEmbedder


class Recording(HashingEmbedder):
    """A hashing embedder that remembers every text it was asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Record, then encode as the hashing embedder does."""
        self.seen += texts
        return super().encode(texts)


def test_each_distinct_text_is_encoded_once() -> None:
    embedder = Recording()
    chunks = chunking.corpus_passages(read_corpus(CORPUS))
    texts = tuple(chunking.search_text(chunk) for chunk in chunks)
    units = chunking.indexed_units(chunks, texts)
    sets, sentences = build.vector_sets(embedder, chunks, texts)
    assert sorted(embedder.seen) == sorted({*texts, *units.sentences, *units.clauses})
    assert np.allclose(sentences, embedder.encode(units.sentences))
    passages = sets["passages"]
    assert passages.index.ntotal == len(set(texts))


def test_sentences_split_on_every_core_give_the_same_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    for article in (*CORPUS.iterdir(), SECOND_ARTICLE):
        (tmp_path / "corpus" / article.name).write_text(article.read_text())
    articles = read_corpus(tmp_path / "corpus")
    serial = chunking.corpus_passages(articles)
    monkeypatch.setattr(chunking, "PARALLEL_FROM", 0)
    monkeypatch.setattr(chunking.os, "cpu_count", lambda: 2)
    assert chunking.corpus_passages(articles) == serial


@pytest.mark.slow
def test_batches_spread_over_cores_agree_with_one_text_at_a_time(engine: Engine) -> None:
    texts = [f"Question number {i} about Syria and the United States?" for i in range(70)]
    together = engine._embedder.encode(texts)
    alone = np.vstack([engine._embedder.encode([text]) for text in texts])
    # int8 activations are scaled per batch, so rows move a little with their batch-mates.
    assert np.sum(together * alone, axis=1).min() > 0.98


@pytest.mark.slow
def test_clustered_search_answers_like_exact_search(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The article's 10 passages are split into 4 clusters; a question scans the nearest 2.
    monkeypatch.setattr(vectorset, "EXACT_UP_TO", 8)
    monkeypatch.setattr(vectorset, "ROWS_PER_CLUSTER", 2)
    monkeypatch.setattr(vectorset, "CLUSTERS_SCANNED", 2)
    # Ten rows are too few to train 4-bit codes (16 centres each); the scan is the same.
    monkeypatch.setattr(vectorset, "SCANNED_CODES", "SQ8")
    encoders = engine.settings.data_dir / "encoders"
    settings = engine.settings.model_copy(
        update={"data_dir": tmp_path / "data", "encoders": encoders}
    )
    clustered = Engine.open(settings, progress=lambda _: None)
    # Only passages are searched; sentences and clauses only score what the search nominates.
    approximate_sets = [name for name, vectors in clustered._vectors.items() if vectors.approximate]
    assert approximate_sets == ["passages"]
    assert faiss.extract_index_ivf(clustered._vectors["passages"].index).nlist == 4
    exact, approximate = evaluate(engine, DEV_QUESTIONS), evaluate(clustered, DEV_QUESTIONS)
    assert approximate.as_json() == exact.as_json()
