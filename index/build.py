"""Building the index from the corpus, and rebuilding it whenever it is missing or out of date."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

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
from index.passages import Chunk
from index.search import SEARCHED
from index.settings import Settings
from index.summary import summarise
from index.vectorset import VectorSet, distinct

log = logging.getLogger(__name__)


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
    progress(f"Embedding {len(chunks)} passages from {len(articles)} article(s)…")
    vectors, sentences = vector_sets(embedder, chunks, texts)
    encoder = embedder.folder.name if isinstance(embedder, OnnxEmbedder) else ""
    manifest = replace(expected_manifest(settings), dimension=embedder.dimension, encoder=encoder)
    records = store.Records(chunks, texts, summarise(chunks, sentences))
    store.save(settings.data_dir, manifest, records, vectors)
    progress(f"Index built in {settings.data_dir} ({len(chunks)} passages).")


def vector_sets(
    embedder: Embedder, chunks: tuple[Chunk, ...], texts: tuple[str, ...]
) -> tuple[dict[str, VectorSet], np.ndarray]:
    """The passages', sentences' and clauses' vector sets, and every sentence's vector in order."""
    units = indexed_units(chunks, texts)
    holders = {
        "passages": np.arange(len(chunks)),
        "sentences": units.sentence_owner,
        "clauses": units.sentence_owner[units.clause_owner],
    }
    groups = (texts, units.sentences, units.clauses)
    rows = [distinct(group) for group in groups]
    encoded = encode_once(embedder, [unique for unique, _ in rows])
    sets = {
        name: VectorSet.build(
            matrix, row_of_each, holders[name], len(chunks), searched=name in SEARCHED
        )
        for name, matrix, (_, row_of_each) in zip(holders, encoded, rows, strict=True)
    }
    _, sentence_rows = rows[1]
    return sets, encoded[1][sentence_rows]


def encode_once(embedder: Embedder, groups: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Vectors for each group of texts, encoding each distinct text once.

    A one-sentence passage is also its own sentence, and a sentence without clauses its own
    clause: about a seventh of the rows of a news story repeat another.
    """
    unique, rows = distinct([text for group in groups for text in group])
    vectors = embedder.encode(unique)[rows]
    return np.split(vectors, np.cumsum([len(group) for group in groups])[:-1])
