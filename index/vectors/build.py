"""Building the index from the corpus, and rebuilding it whenever it is missing or out of date."""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

import numpy as np

from index.answering.search import SEARCHED
from index.corpus.articles import Corpus, scan_corpus
from index.corpus.chunking import PARALLEL_FROM, corpus_passages, indexed_units, search_text
from index.passages import Chunk
from index.settings import Settings
from index.summary.extractive import summarise
from index.vectors import store
from index.vectors.embedding import (
    ENCODER_FORMAT,
    Embedder,
    EncoderMissing,
    ModelUnavailable,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    model_location,
)
from index.vectors.freshness import Progress, expected_manifest
from index.vectors.upkeep import EXPORT_LOCK_FILE, build_lock
from index.vectors.vectorset import VectorSet, distinct

log = logging.getLogger(__name__)

ENCODE_SLICE = 2048
"""Texts encoded between two looks at the clock."""
PROGRESS_EVERY = 5.0
"""Seconds between two progress lines of a long encoding (none for a shorter one)."""


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
    """The model's int8 ONNX encoder, exported the first time; torch if it cannot be exported.

    Exports are serialised by the encoders folder's lock: a second process waits and then loads
    the first one's export, and whatever a killed export left behind is cleared first.
    """
    folder = encoders_folder(settings) / encoder_key(settings.model)
    with suppress(EncoderMissing):
        return OnnxEmbedder(folder)
    try:
        with build_lock(folder.parent, progress, EXPORT_LOCK_FILE):
            return _export_once(settings, folder, progress)
    except store.IndexUnwritable as error:
        raise ModelUnavailable(f"Cannot export the model's encoder: {error}") from None


def _export_once(settings: Settings, folder: Path, progress: Progress) -> Embedder:
    """Under the encoders' lock: load another process's fresh export, or make one."""
    with suppress(EncoderMissing):
        return OnnxEmbedder(folder)
    for leftover in [*folder.parent.glob(".export-*"), *folder.parent.glob(".stale-*")]:
        shutil.rmtree(leftover, ignore_errors=True)  # a killed export's: this one holds the lock
    progress(f"Loading the model {settings.model}…")
    model = SentenceTransformerEmbedder(settings.model)
    progress("Exporting it to a fast int8 encoder (once for each model)…")
    from index.vectors.export import ExportFailed, export_encoder

    try:
        return export_encoder(model, folder)
    except ExportFailed as error:
        log.warning("encoding with torch, since the model could not be exported: %s", error)
        return model
    except OSError as error:
        raise store.IndexUnwritable(f"Cannot write the encoder in {folder}: {error}") from None


def query_embedder(settings: Settings, manifest: store.Manifest, progress: Progress) -> Embedder:
    """The embedder the index was built with, exported again when its files were damaged;
    raises EncoderMissing when it is gone and cannot be made again as it was."""
    if not manifest.encoder:
        progress(f"Loading the model {settings.model}…")
        return SentenceTransformerEmbedder(settings.model)
    folder = encoders_folder(settings) / manifest.encoder
    try:
        return OnnxEmbedder(folder)
    except EncoderMissing as error:
        if manifest.encoder != encoder_key(settings.model):
            raise
        progress(f"Exporting the encoder again: {error}")
        again = build_embedder(settings, progress)
        if not isinstance(again, OnnxEmbedder):
            raise
        return again


def build(
    settings: Settings, embedder: Embedder, progress: Progress, corpus: Corpus | None = None
) -> None:
    """Read, chunk, embed and summarise the corpus, then store it all atomically."""
    corpus = corpus or scan_corpus(settings.corpus)
    paragraphs = sum(len(article.paragraphs) for article in corpus.articles)
    if paragraphs >= PARALLEL_FROM:
        progress(f"Splitting {paragraphs:,} paragraphs into sentences…")
    chunks = corpus_passages(corpus.articles)
    texts = tuple(search_text(c) for c in chunks)
    progress(f"Embedding {len(chunks)} passages from {len(corpus.articles)} article(s)…")
    vectors, sentences = vector_sets(embedder, chunks, texts, progress)
    encoder = embedder.folder.name if isinstance(embedder, OnnxEmbedder) else ""
    skipped = tuple(str(s) for s in corpus.skipped)
    manifest = replace(
        expected_manifest(settings), dimension=embedder.dimension, encoder=encoder, skipped=skipped
    )
    records = store.Records(chunks, texts, summarise(chunks, sentences))
    store.save(settings.data_dir, manifest, records, vectors)
    left_out = f" Skipped {len(skipped)} file(s): {'; '.join(skipped)}." if skipped else ""
    progress(f"Index built in {settings.data_dir} ({len(chunks)} passages).{left_out}")


def vector_sets(
    embedder: Embedder,
    chunks: tuple[Chunk, ...],
    texts: tuple[str, ...],
    progress: Progress | None = None,
) -> tuple[dict[str, VectorSet], np.ndarray]:
    """The passages', sentences' and clauses' vector sets, and every sentence's vector in order.

    Each distinct text is encoded once: a one-sentence passage is also its own sentence, and a
    sentence without clauses its own clause (about a seventh of a news story's rows). The sets
    are made one at a time from the one matrix, so no second copy of every vector is held.
    """
    units = indexed_units(chunks, texts)
    holders = {
        "passages": np.arange(len(chunks)),
        "sentences": units.sentence_owner,
        "clauses": units.sentence_owner[units.clause_owner],
    }
    rows = [distinct(group) for group in (texts, units.sentences, units.clauses)]
    unique, row_of = distinct([text for group, _ in rows for text in group])
    where = np.asarray(row_of, dtype=np.int64)
    vectors = encode_in_batches(embedder, unique, progress or (lambda _: None))
    ends = np.cumsum([len(group) for group, _ in rows])
    sets = {}
    for (name, held), (_, row_of_each), end, size in zip(
        holders.items(), rows, ends, (len(g) for g, _ in rows), strict=True
    ):
        matrix = vectors[where[end - size : end]]
        sets[name] = VectorSet.build(
            matrix, row_of_each, held, len(chunks), searched=name in SEARCHED
        )
    sentence_rows = where[ends[0] : ends[1]][np.asarray(rows[1][1], dtype=np.int64)]
    return sets, vectors[sentence_rows]


def encode_in_batches(embedder: Embedder, texts: Sequence[str], progress: Progress) -> np.ndarray:
    """One row per text, encoded a slice at a time into one matrix (shortest texts first, so a
    slice pads little), saying how far it has got when it takes more than a few seconds."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), embedder.dimension), np.float32)
    shown = Pace(len(texts), progress)
    for first in range(0, len(order), ENCODE_SLICE):
        rows = order[first : first + ENCODE_SLICE]
        vectors[rows] = embedder.encode([texts[i] for i in rows])
        shown.done(first + len(rows))
    return vectors


class Pace:
    """Progress of a long encoding: texts done, texts a second, and about how long is left."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total = total
        self.progress = progress
        self.started = self.said = time.perf_counter()

    def done(self, count: int) -> None:
        """Say how far it has got, at most every few seconds and only once it takes a while."""
        now = time.perf_counter()
        if now - self.said < PROGRESS_EVERY or count >= self.total:
            return
        self.said = now
        rate = count / max(now - self.started, 1e-9)
        left = round((self.total - count) / max(rate, 1e-9))
        self.progress(
            f"Embedded {count:,} of {self.total:,} texts (passages, sentences, clauses): "
            f"{rate:,.0f} a second, about {left // 60} min {left % 60:02d} s left."
        )
