"""Building the index from the corpus, and rebuilding it whenever it is missing or out of date."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from index import store
from index.chunking import corpus_passages, indexed_units, search_text
from index.corpus import read_corpus
from index.embedding import (
    ENCODER_FORMAT,
    Embedder,
    EncoderMissing,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    model_location,
)
from index.freshness import Progress, expected_manifest
from index.settings import Settings
from index.summary import summarise

log = logging.getLogger(__name__)

# Above this many rows a vector set is searched by HNSW graph rather than exhaustively, so a
# question costs about the same with 20,000 passages as with one article (README, "Scaling").
EXACT_UP_TO = 4_096
HNSW_LINKS = 16
HNSW_SEARCH_DEPTH = 64


def encoders_folder(settings: Settings) -> Path:
    """Where exported encoders are kept, one folder a model."""
    return settings.encoders or settings.data_dir / "encoders"


def encoder_key(name: str) -> str:
    """A name for the model's exported encoder that changes whenever the model's files do."""
    digest = hashlib.sha256(f"{ENCODER_FORMAT}\0{name}".encode())
    location = Path(model_location(name))
    if location.is_dir():
        for path in sorted(p for p in location.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(
                f"\0{path.relative_to(location)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
            )
    return digest.hexdigest()[:20]


def build_embedder(settings: Settings, progress: Progress) -> Embedder:
    """The model's int8 ONNX encoder, exported the first time; torch if it cannot be exported."""
    folder = encoders_folder(settings) / encoder_key(settings.model)
    with suppress(EncoderMissing):
        return OnnxEmbedder(folder)
    progress(f"Loading the model {settings.model}…")
    model = SentenceTransformerEmbedder(settings.model)
    progress("Exporting it to a fast int8 encoder (once for each model)…")
    from index.export import ExportFailed, export_encoder

    try:
        return export_encoder(model, folder)
    except ExportFailed as error:
        log.warning("encoding with torch, since the model could not be exported: %s", error)
        return model


def query_embedder(settings: Settings, manifest: store.Manifest, progress: Progress) -> Embedder:
    """The embedder the index was built with; raises EncoderMissing when it is gone."""
    if manifest.encoder:
        return OnnxEmbedder(encoders_folder(settings) / manifest.encoder)
    progress(f"Loading the model {settings.model}…")
    return SentenceTransformerEmbedder(settings.model)


def build(settings: Settings, embedder: Embedder, progress: Progress) -> None:
    """Read, chunk, embed and summarise the corpus, then store it all atomically."""
    articles = read_corpus(settings.corpus)
    chunks = corpus_passages(articles)
    texts = tuple(search_text(c) for c in chunks)
    units = indexed_units(chunks, texts)
    progress(f"Embedding {len(chunks)} passages from {len(articles)} article(s)…")
    passages, sentences, clauses = encode_once(embedder, [texts, units.sentences, units.clauses])
    vectors = {
        "passages": _searchable(passages),
        "sentences": _searchable(sentences),
        "clauses": _searchable(clauses),
    }
    encoder = embedder.folder.name if isinstance(embedder, OnnxEmbedder) else ""
    manifest = replace(expected_manifest(settings), dimension=embedder.dimension, encoder=encoder)
    records = store.Records(chunks, texts, summarise(chunks, sentences))
    store.save(settings.data_dir, manifest, records, vectors)
    progress(f"Index built in {settings.data_dir} ({len(chunks)} passages).")


def encode_once(embedder: Embedder, groups: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Vectors for each group of texts, encoding each distinct text once.

    A one-sentence passage is also its own sentence, and a sentence without clauses its own
    clause: about a seventh of the rows of a news story repeat another.
    """
    distinct = list(dict.fromkeys(text for group in groups for text in group))
    row = {text: i for i, text in enumerate(distinct)}
    vectors = embedder.encode(distinct)
    return [vectors[[row[text] for text in group]] for group in groups]


def _searchable(vectors: np.ndarray) -> Any:
    """An exact inner-product index, or an HNSW graph once exact search would be slow."""
    import faiss

    index: Any = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors) > EXACT_UP_TO:
        index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_SEARCH_DEPTH
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index
