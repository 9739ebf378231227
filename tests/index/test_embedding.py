"""The real model: the packaged official weights, normalised vectors, clear failure."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from index.embedding import ModelUnavailable, SentenceTransformerEmbedder, model_location
from index.engine import Engine

OFFICIAL_WEIGHTS = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def test_the_default_model_is_the_packaged_official_weights() -> None:
    weights = Path(model_location("all-MiniLM-L6-v2")) / "model.safetensors"
    assert hashlib.sha256(weights.read_bytes()).hexdigest() == OFFICIAL_WEIGHTS


@pytest.mark.slow
def test_vectors_are_normalised_and_meaningful(engine: Engine) -> None:
    vectors = engine._embedder.encode(["Syria's new leader", "the new Syrian president", "cake"])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_a_model_that_cannot_load_says_which_and_what_to_set(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    with pytest.raises(ModelUnavailable) as raised:
        SentenceTransformerEmbedder(str(tmp_path / "broken"))
    message = str(raised.value)
    assert "broken" in message and "STORYBOT_MODEL" in message
    assert "\n" not in message


def test_an_unknown_model_id_is_not_downloaded() -> None:
    with pytest.raises(ModelUnavailable, match="STORYBOT_MODEL"):
        SentenceTransformerEmbedder("sentence-transformers/no-such-model-here")
