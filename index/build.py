"""Building the index from the corpus, and rebuilding it whenever it is missing or out of date."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from index import store
from index.chunking import MAX_CHARS, indexed_units, passages_for, search_text
from index.corpus import corpus_hash, read_corpus
from index.embedding import Embedder
from index.settings import Settings
from index.summary import summarise

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def expected_manifest(settings: Settings) -> store.Manifest:
    """The manifest an index built now from these settings would carry."""
    return store.Manifest(settings.model, corpus_hash(settings.corpus), MAX_CHARS)


def stale_reason(settings: Settings) -> str | None:
    """Why the index must be (re)built, or None when it is current and readable."""
    try:
        built = store.read_manifest(settings.data_dir)
    except store.IndexMissing:
        return "no index yet"
    except store.IndexCorrupt as error:
        return f"the index is unreadable ({error})"
    if not built.matches(expected_manifest(settings)):
        return "the corpus, model or chunking settings changed"
    return None


def build(settings: Settings, embedder: Embedder, progress: Progress) -> None:
    """Read, chunk, embed and summarise the corpus, then store it all atomically."""
    import faiss

    articles = read_corpus(settings.corpus)
    chunks = tuple(c for article in articles for c in passages_for(article))
    texts = tuple(search_text(c) for c in chunks)
    progress(f"Embedding {len(chunks)} passages from {len(articles)} article(s)…")
    passages = embedder.encode(texts)
    units = indexed_units(chunks, texts)
    sentences = embedder.encode(units.sentences)
    clauses = embedder.encode(units.clauses)
    summary = summarise(chunks, sentences)
    vectors = {
        "passages": _flat(faiss, passages),
        "sentences": _flat(faiss, sentences),
        "clauses": _flat(faiss, clauses),
    }
    manifest = replace(expected_manifest(settings), dimension=embedder.dimension)
    store.save(settings.data_dir, manifest, store.Records(chunks, texts, summary), vectors)
    progress(f"Index built in {settings.data_dir} ({len(chunks)} passages).")


def _flat(faiss: Any, vectors: np.ndarray) -> Any:
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index
