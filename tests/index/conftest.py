"""Engine-test fixtures: a tiny deterministic embedder where the model is beside the point."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest


class HashingEmbedder:
    """Bag of hashed words: deterministic, instant, and similar texts get similar vectors."""

    name = "hashing-test-embedder"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        self.calls += 1
        rows = np.zeros((len(texts), self.dimension), np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                bucket = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension
                rows[row, bucket] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)


@pytest.fixture()
def hashing_embedder() -> HashingEmbedder:
    """A fresh fake embedder that counts its calls."""
    return HashingEmbedder()
