"""The real model: the packaged official weights, normalised vectors, clear failure."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.engine import Engine
from index.vectors.embedding import (
    ModelUnavailable,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    model_location,
)
from index.vectors.export import ExportFailed
from index.vectors.export import _parts as export_parts

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


@pytest.mark.slow
def test_the_exported_encoder_agrees_with_the_model(engine: Engine) -> None:
    assert isinstance(engine._embedder, OnnxEmbedder)
    texts = [
        "Who runs Syria now?",
        "US intelligence played a crucial role in thwarting an ISIS plot to attack a shrine.",
        "¿Quién dirige Siria?",
        "x",
    ]
    model = SentenceTransformerEmbedder("all-MiniLM-L6-v2")
    cosine = np.sum(model.encode(texts) * engine._embedder.encode(texts), axis=1)
    assert cosine.min() > 0.97


def test_answering_from_a_built_index_loads_no_torch(engine: Engine) -> None:
    settings = engine.settings
    script = (
        "import sys; from pathlib import Path; from index.engine import Engine; "
        "from index.settings import Settings; "
        f"e = Engine.open(Settings(corpus=Path({str(settings.corpus)!r}), "
        f"data_dir=Path({str(settings.data_dir)!r}), _env_file=None)); "
        "assert not e.ask('Who leads Syria?').refused; "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_an_altered_encoder_is_exported_again(engine: Engine, tmp_path: Path) -> None:
    shutil.copytree(engine.settings.data_dir, tmp_path / "data")
    settings = engine.settings.model_copy(update={"data_dir": tmp_path / "data"})
    (encoder,) = [p for p in (tmp_path / "data" / "encoders").iterdir() if p.is_dir()]
    with (encoder / "model.onnx").open("r+b") as model:
        model.seek(1000)
        model.write(b"\0" * 16)
    said: list[str] = []
    reopened = Engine.open(settings, progress=said.append)
    assert any("truncated or altered" in line for line in said)
    assert any(line.startswith("Exporting") for line in said)
    assert not reopened.ask("Who leads Syria?").refused


def test_a_model_beyond_transformer_and_pooling_is_not_exported() -> None:
    modules = [type(name, (), {})() for name in ("Transformer", "Pooling", "Dense")]
    with pytest.raises(ExportFailed, match="Dense"):
        export_parts(modules)
