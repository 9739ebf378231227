"""One vector set of the index (passages, sentences or clauses): each distinct text's vector once,
searched by FAISS, and which passages hold which rows.

A small set is searched exactly. A large one is split into clusters (an inverted file over
compact codes, with the full-precision rows beside it) and only the clusters nearest a question
are scanned; either way, the passages its nearest rows belong to are then scored exactly, from all
their rows (README, "Scaling").
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import faiss
import numpy as np

EXACT_UP_TO = 4_096
"""Distinct rows up to which a set is searched exhaustively."""
EXACT_CANDIDATES = 256
"""Rows fetched from an exact search: a whole article's passages, with room to spare."""
ROWS_PER_CLUSTER = 39
"""At least this many rows to train each cluster's centre (FAISS warns below it)."""
CLUSTERS_SCANNED = 24
"""Clusters scanned for a question: about a tenth of the 256 a 20,000-passage corpus is split
into. An HNSW graph found as much, but its scattered reads cost 0.15-0.2 ms more a question
here, right after the encoder has filled the caches (README, "Scaling")."""
APPROXIMATE_CANDIDATES = 32
"""Rows fetched from a clustered set. Each is a candidate scored in full from all its rows, so
more cost more; on the 20,000-passage benchmark corpus, 48 found no better answers."""
SCANNED_CODES = "PQ{half}x4fs"
"""How a clustered set's rows are stored for scanning: 4-bit product-quantised codes, one for
each two dimensions (96 bytes a row at 384), which FAISS compares sixteen at a time with SIMD
("fast scan"). Scanning them took 0.12 ms a question after an encoding, against 0.16 ms for
8-bit codes, with the same answers on the benchmark corpus."""
SHARED_BY_MANY = 8
"""A row held by more passages than this (boilerplate such as "the figure may rise")
nominates none of them: every one would tie on it, and scoring thousands costs too much.
They are still scored by it when another row nominates them."""


@dataclass(frozen=True)
class Ragged:
    """A list of ids for each key 0…n-1, stored flat: key i's are `items[starts[i]:starts[i+1]]`."""

    starts: np.ndarray
    items: np.ndarray

    @classmethod
    def grouped(cls, keys: np.ndarray, items: np.ndarray, count: int) -> Ragged:
        """The items grouped by their keys, keeping their order within a key."""
        order = np.argsort(keys, kind="stable")
        starts = np.searchsorted(keys[order], np.arange(count + 1))
        return cls(starts.astype(np.int64), np.asarray(items)[order])

    def sizes(self, keys: np.ndarray) -> np.ndarray:
        """How many items each of the keys has."""
        return np.asarray(self.starts[keys + 1] - self.starts[keys])

    def gathered(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The items of each key, one after another, and where each key's begin."""
        counts = self.sizes(keys)
        offsets = np.cumsum(counts) - counts
        positions = np.repeat(self.starts[keys] - offsets, counts) + np.arange(int(counts.sum()))
        return self.items[positions], offsets


class VectorSet:
    """The rows of one kind of text, and which passages hold each."""

    def __init__(self, index: Any, rows_of: Ragged) -> None:
        self.index = index
        self.rows_of = rows_of
        """Each passage's rows, in the order of its text."""
        self.approximate = isinstance(index, faiss.IndexRefine)
        """Whether the set is searched by its nearest clusters rather than exhaustively."""
        self._flat: Any = index
        self._search: Any = index
        self._wanted = EXACT_CANDIDATES
        if self.approximate:
            # Passages are scored exactly afterwards, so the compact codes' ranking is enough.
            self._flat = faiss.downcast_index(index.refine_index)
            self._search = faiss.downcast_index(index.base_index)
            self._search.nprobe = CLUSTERS_SCANNED
            self._wanted = APPROXIMATE_CANDIDATES

    @cached_property
    def _holders(self) -> Ragged:
        """The passages holding each row; worked out on the first search, since a set that
        only scores (clauses) never needs it."""
        starts = self.rows_of.starts
        holders = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
        return Ragged.grouped(self.rows_of.items, holders, self.index.ntotal)

    @classmethod
    def build(
        cls,
        vectors: np.ndarray,
        row_of_each: Sequence[int],
        passage_of_each: np.ndarray,
        passages: int,
        searched: bool = True,
    ) -> VectorSet:
        """A set of distinct rows; `row_of_each` and `passage_of_each` say, for every text of
        the set in passage order, which row it is and which passage holds it. A set that is
        not `searched` only scores passages, and never needs clusters."""
        rows_of = Ragged.grouped(passage_of_each, np.asarray(row_of_each, np.int64), passages)
        return cls(_searchable(vectors, searched), rows_of)

    def nominate(self, vector: np.ndarray) -> np.ndarray:
        """The passages holding the rows nearest the vector (boilerplate rows aside)."""
        with _one_thread():
            _, ids = self._search.search(
                vector.reshape(1, -1), min(self._wanted, self.index.ntotal)
            )
        rows = ids[0][ids[0] >= 0]
        rows = rows[self._holders.sizes(rows) <= SHARED_BY_MANY]
        return self._holders.gathered(rows)[0]

    def best(self, passages: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Each passage's best similarity to the vector among its own rows."""
        rows, offsets = self.rows_of.gathered(passages)
        return np.asarray(np.maximum.reduceat(self._similarities(rows, vector), offsets))

    def similarities(self, passage: int, vector: np.ndarray) -> np.ndarray:
        """The similarity of each of the passage's rows to the vector, in order."""
        start, end = self.rows_of.starts[passage], self.rows_of.starts[passage + 1]
        return self._similarities(self.rows_of.items[start:end], vector)

    def _similarities(self, rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
        # FAISS reads the rows where they lie; gathering them into numpy first takes longer.
        rows = np.ascontiguousarray(rows, dtype=np.int64).reshape(1, -1)
        similarity = np.empty(rows.shape, np.float32)
        query = np.ascontiguousarray(vector, dtype=np.float32)
        with _one_thread():  # on a busy machine OpenMP's workers cost 50 ms a question, not 4
            self._flat.compute_distance_subset(
                1,
                faiss.swig_ptr(query),
                rows.shape[1],
                faiss.swig_ptr(similarity),
                faiss.swig_ptr(rows),
            )
        return np.asarray(similarity[0])


def distinct(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """Each distinct text once, in first-seen order, and the row of each of `texts`."""
    rows: dict[str, int] = {}
    row_of_each = [rows.setdefault(text, len(rows)) for text in texts]
    return list(rows), row_of_each


@contextmanager
def _one_thread() -> Iterator[None]:
    """Search one question on the calling thread: FAISS's OpenMP workers only add latency for
    a single query (and spin afterwards, taking the core the encoder needs)."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def _searchable(vectors: np.ndarray, searched: bool) -> Any:
    """An exact inner-product index, or a clustered one once exact search would be slow."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    index: Any = faiss.IndexFlatIP(vectors.shape[1])
    if searched and len(vectors) > EXACT_UP_TO:
        rows, dimension = vectors.shape
        half = dimension // 2 if dimension % 2 == 0 else dimension
        factory = f"IVF{clusters(rows)},{SCANNED_CODES.format(half=half)},RFlat"
        index = faiss.index_factory(dimension, factory, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors)
    index.add(vectors)
    return index


def clusters(rows: int) -> int:
    """How many clusters a set of rows is split into: the power of two at or below twice the
    square root of the rows (256 for 20,000), with enough rows to train each."""
    wanted = min(2 * math.sqrt(rows), rows / ROWS_PER_CLUSTER)
    return 2 ** math.floor(math.log2(wanted)) if wanted >= 1 else 1
