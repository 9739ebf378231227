"""`python -m benchmarks.quality`: answers and refusals on real questions, beside two baselines.

Every SQuAD 2.0 article of eval/squad/ is its own corpus (and all together once); the story's
sets run over the shipped article, the second article's with both indexed. StoryBot is scored
beside MiniLM + FAISS over whole paragraphs and BM25 over whole paragraphs, computed in the same
run. Tuning and reporting halves are kept apart. Writes docs/quality.md and
benchmarks/results/quality.json; `--evidence FILE` also dumps each question's answerability
evidence for benchmarks/answerability_fit.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.answerability_fit import ablation
from benchmarks.quality_baselines import Paragraphs
from benchmarks.quality_removed import without
from benchmarks.quality_report import write_report
from benchmarks.quality_sets import ROOT, Item, corpora, squad_items, squad_together, story_items
from index.answering.meant import Tokens
from index.engine import Engine
from index.passages import Answer
from index.settings import Settings
from index.vectors.embedding import Embedder

RESULTS = ROOT / "benchmarks" / "results" / "quality.json"


class Remembered:
    """An embedder that encodes each question once across runs (the vectors kept in `work`):
    re-running the benchmark after a change of scoring then costs no encoding."""

    def __init__(self, embedder: Embedder, file: Path) -> None:
        self.name, self.dimension = embedder.name, embedder.dimension
        self._embedder, self._file = embedder, file
        self._known: dict[str, np.ndarray] = {}
        if file.exists():
            with np.load(file) as saved:
                self._known = dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Known vectors from memory, the rest from the model."""
        new = [t for t in dict.fromkeys(texts) if t not in self._known]
        if new:
            self._known.update(zip(new, self._embedder.encode(new), strict=True))
        return np.stack([self._known[t] for t in texts])

    def tokens(self, text: str) -> Tokens:
        """The model's token vectors in context (not remembered: few questions need them)."""
        return self._embedder.tokens(text)  # type: ignore[attr-defined,no-any-return]

    def save(self) -> None:
        """Keep the vectors for the next run."""
        texts = list(self._known)
        np.savez(
            self._file, texts=np.array(texts), vectors=np.stack([self._known[t] for t in texts])
        )


def open_engines(work: Path, names: set[str]) -> dict[str, Engine]:
    """One engine per corpus the items name; the model's encoder is exported once for all, and
    questions are encoded once across runs."""
    engines: dict[str, Engine] = {}
    remembered: Remembered | None = None
    for name, folder in corpora(work):
        if name in names:
            settings = Settings(
                corpus=folder,
                data_dir=work / "data" / name,
                encoders=work / "encoders",
                _env_file=None,  # type: ignore[call-arg]
            )
            engine = Engine.open(settings, progress=lambda _: None)
            remembered = remembered or Remembered(engine._embedder, work / "questions.npz")
            engine._embedder = remembered
            engines[name] = engine
    return engines


def outcome(item: Item, answer: Answer) -> dict[str, Any]:
    """What the engine did with one question, scored."""
    row: dict[str, Any] = {
        "q": item.question,
        "kind": item.kind,
        "family": item.family,
        "split": item.split,
        "corpus": item.corpus,
        "refused": answer.refused,
        "confidence": answer.confidence,
        "missing": list(answer.missing),
        "set": item.collection,
    }
    if item.kind == "answerable":
        found = [
            _answers(item, hit.chunk.paragraph, hit.chunk.text, hit.chunk.source.id)
            for hit in answer.hits[:3]
        ]
        row["rank"] = found.index(True) + 1 if any(found) else None
        if answer.hits and found and found[0]:
            row["bold_has_answer"] = any(g in answer.hits[0].answer for g in item.gold)
    return row


def _answers(item: Item, paragraph: int, text: str, source: str) -> bool:
    if item.source is not None and source != item.source:
        return False
    if item.paragraph is not None:
        return paragraph == item.paragraph
    return any(g in text for g in item.gold)


def run(work: Path, evidence_out: Path | None) -> dict[str, Any]:
    """Ask every question of every set; the scored rows and the baselines' rows."""
    items = [*squad_items(), *squad_together(), *story_items()]
    by_corpus: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_corpus[item.corpus].append(item)
    engines = open_engines(work, set(by_corpus))
    rows, baseline_rows, dumped = [], [], []
    results: dict[str, Any] = {}
    for done, (name, asked) in enumerate(by_corpus.items(), start=1):
        print(f"[{done}/{len(by_corpus)}] {name}: {len(asked)} questions", file=sys.stderr)
        engine = engines[name]
        paragraphs = Paragraphs.of(engine)
        for item in asked:
            answer, judged = engine.examine(item.question, k=3)
            rows.append(outcome(item, answer))
            baseline_rows.append(paragraphs.ranks(item))
            if judged is not None:
                dumped.append({**rows[-1], "features": judged.evidence.features()})
            if item.corpus.startswith("squad/") and item.paragraph is not None:
                with without(engine, item.paragraph) as masked:
                    answer, judged = masked.examine(item.question, k=3)
                rows.append(outcome(dataclasses.replace(item, kind="removed"), answer))
                if judged is not None:
                    dumped.append({**rows[-1], "features": judged.evidence.features()})
    next(iter(engines.values()))._embedder.save()  # type: ignore[attr-defined]
    results["ablation"] = ablation(dumped)
    if evidence_out is not None:
        evidence_out.write_text("\n".join(json.dumps(d) for d in dumped) + "\n")
    return results | {"rows": rows, "baselines": baseline_rows}


def main(argv: list[str] | None = None) -> None:
    """Run, print the tables, write docs/quality.md and the JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--work", type=Path, help="keep corpora and indexes here between runs")
    parser.add_argument("--evidence", type=Path, help="dump answerability evidence (JSON Lines)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        results = run(work, args.evidence)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(write_report(results))


if __name__ == "__main__":
    main()
