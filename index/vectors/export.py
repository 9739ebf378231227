"""Exporting a sentence-transformers model to a small int8 ONNX encoder, once per model.

Answering needs only that encoder: onnxruntime and a tokenizer start in a fraction of the time
and memory torch takes, and int8 weights encode about twice as fast with the same rankings
(README, "Performance"). Exporting needs torch, so this module is imported only to build an index.
"""

from __future__ import annotations

import io
import json
import logging
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

from index.passages import StoryError
from index.vectors.embedding import (
    ENCODER_FILE,
    ENCODER_SPEC,
    TOKENIZER_FILE,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
)
from index.vectors.store import file_sha256

log = logging.getLogger(__name__)

POOLING = ("mean", "cls", "max")
SELF_CHECK = (
    "Who leads the country now?",
    "The two governments exchanged classified intelligence about threats.",
    "A recipe for chocolate cake",
)
SELF_CHECK_COSINE = 0.97


class ExportFailed(StoryError):
    """The model cannot be turned into an ONNX encoder; the engine uses torch instead."""


def export_encoder(model: SentenceTransformerEmbedder, folder: Path) -> OnnxEmbedder:
    """Write an int8 ONNX encoder of `model` to `folder` (atomically) and load it."""
    transformer, pooling = _parts(model.model)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=folder.parent))
    try:
        try:
            inputs = _export_onnx(transformer, work)
        except Exception as error:  # torch.onnx and onnxruntime raise many kinds; all mean this
            raise ExportFailed(f"torch.onnx could not export it: {error}") from error
        transformer.tokenizer.backend_tokenizer.save(str(work / TOKENIZER_FILE))
        _write_spec(model, transformer, pooling, inputs, work)
        _check_against(model, OnnxEmbedder(work))
        _put_in_place(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return OnnxEmbedder(folder)


def _write_spec(
    model: SentenceTransformerEmbedder,
    transformer: Any,
    pooling: str,
    inputs: list[str],
    work: Path,
) -> None:
    """What OnnxEmbedder needs to run the export as the model runs, with its files' digests."""
    spec = {
        "model": model.name,
        "pooling": pooling,
        "max_length": int(transformer.max_seq_length),
        "pad_id": int(transformer.tokenizer.pad_token_id or 0),
        "inputs": inputs,
        "dimension": model.dimension,
        "sha256": file_sha256(work / ENCODER_FILE),
        "tokenizer_sha256": file_sha256(work / TOKENIZER_FILE),
    }
    (work / ENCODER_SPEC).write_text(json.dumps(spec, indent=2))


def _put_in_place(work: Path, folder: Path) -> None:
    """Move the checked export to `folder` in one rename, setting aside whatever was there."""
    if folder.exists():  # an altered or half-written encoder
        stale = folder.rename(work.with_name(f".stale-{work.name}"))
        shutil.rmtree(stale, ignore_errors=True)
    work.rename(folder)


def _parts(model: Any) -> tuple[Any, str]:
    """The model's transformer and pooling mode, when it is a plain transformer + pooling."""
    modules = list(model)
    names = [type(m).__name__ for m in modules]
    if names[:2] != ["Transformer", "Pooling"] or any(n != "Normalize" for n in names[2:]):
        raise ExportFailed(f"modules {names} are not a transformer, pooling and normalisation")
    mode = modules[1].get_config_dict().get("pooling_mode")
    if isinstance(mode, list | tuple) and len(mode) == 1:
        mode = mode[0]
    if mode not in POOLING:
        raise ExportFailed(f"pooling mode {mode!r} is not one of {POOLING}")
    return modules[0], mode


def _export_onnx(transformer: Any, work: Path) -> list[str]:
    """Export the transformer with torch.onnx, then quantise its weights to int8."""
    names = ["input_ids", "attention_mask"]
    if "token_type_ids" in transformer.tokenizer.model_input_names:
        names.append("token_type_ids")
    wrapped = HiddenStates(transformer.auto_model).eval()
    example = transformer.tokenizer(
        ["a short example", "and another one"], return_tensors="pt", padding=True
    )
    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "hidden"]}
    fp32 = work / "fp32.onnx"
    with _quiet(), torch.inference_mode():
        torch.onnx.export(
            wrapped,
            tuple(example[n] for n in names),
            str(fp32),
            input_names=names,
            output_names=["hidden"],
            dynamic_axes=axes,
            opset_version=18,
            dynamo=True,
            verbose=False,
        )
        # Per-channel scales keep vectors within a cosine of 0.99 of torch's; per-tensor, 0.95.
        quantize_dynamic(
            onnx.load(str(fp32)), work / ENCODER_FILE, weight_type=QuantType.QInt8, per_channel=True
        )
    for path in work.glob("fp32.onnx*"):
        path.unlink()
    return names


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep torch.onnx's and onnxruntime's advice to developers out of the user's terminal."""
    loggers = [logging.getLogger(), logging.getLogger("torch")]
    levels = [logger.level for logger in loggers]
    with warnings.catch_warnings(), redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        for logger in loggers:
            logger.setLevel(logging.ERROR)
        try:
            yield
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)


def _check_against(model: SentenceTransformerEmbedder, encoder: OnnxEmbedder) -> None:
    """The exported encoder must agree with the model it came from."""
    cosine = np.sum(model.encode(SELF_CHECK) * encoder.encode(SELF_CHECK), axis=1)
    if float(cosine.min()) < SELF_CHECK_COSINE:
        raise ExportFailed(
            f"the exported encoder disagrees with the model (cosine {cosine.min():.3f})"
        )


class HiddenStates(torch.nn.Module):
    """The transformer's last hidden states, from positional inputs that ONNX can name."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any = None) -> Any:
        """Hidden states of the last layer, one row a token."""
        given = {"input_ids": input_ids, "attention_mask": attention_mask}
        if token_type_ids is not None:
            given["token_type_ids"] = token_type_ids
        return self.model(**given).last_hidden_state
