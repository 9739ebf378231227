"""Builds that cannot collide, leftovers that the next build clears, and progress and bounded
memory for a large article."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index.settings import Settings
from index.summary import extractive as summary
from index.vectors import build, store
from tests.conftest import ROOT
from tests.faults import checks
from tests.faults.running import QUESTION, Run, live_build, record, storybot
from tests.index.conftest import HashingEmbedder


def _together(count: int, args: list[str], env: dict[str, str]) -> list[Run]:
    """`count` storybot processes started at once."""
    entry = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from index.cli.commands import main; main()"
    )
    environment = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", **env}
    environment.setdefault("STORYBOT_CORPUS", str(ROOT / "corpus"))
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", entry, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            cwd=ROOT,
        )
        for _ in range(count)
    ]
    runs = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        runs.append(Run(process.returncode, out, err.decode("utf-8", "replace"), 0.0))
    return runs


@pytest.mark.slow
def test_first_asks_at_once_on_an_empty_folder_all_answer_alike(
    tmp_path: Path, encoders: Path
) -> None:
    env = {"STORYBOT_DATA_DIR": str(tmp_path / "data"), "STORYBOT_ENCODERS": str(encoders)}
    runs = _together(4, ["ask", "--json", QUESTION], env)
    built = sum(run.said("Building the index") for run in runs)
    # The same answer but for its id in the question log, which is each process's own.
    answers = {json.dumps({**run.answers()[0], "id": None}) for run in runs if run.json_valid()}
    observed = f"exits {[r.status for r in runs]}; {built} built, the others waited; " + (
        "same answers" if len(answers) == 1 else "DIFFERENT ANSWERS"
    )
    record(
        "builds", "4 first asks at once on an empty folder", "all answer alike; one build", observed
    )
    for run in runs:
        checks.answered(run)
    assert len(answers) == 1 and built == 1
    assert len(list((tmp_path / "data" / "builds").iterdir())) == 1


@pytest.mark.slow
def test_builds_at_once_on_one_folder_all_succeed(data_dir: Path, env: dict[str, str]) -> None:
    runs = _together(3, ["build"], env)
    folders = list((data_dir / "builds").iterdir())
    observed = f"exits {[r.status for r in runs]}; {len(folders)} build folder(s) left"
    record(
        "builds",
        "3 `storybot build` at once on one folder",
        "all succeed; one index left",
        observed,
    )
    assert [run.status for run in runs] == [0, 0, 0] and not any(r.traceback for r in runs)
    assert folders == [live_build(data_dir)]
    checks.answered(storybot("ask", "--json", QUESTION, env=env))


@pytest.mark.slow
def test_leftovers_of_killed_builds_and_exports_are_cleared(
    data_dir: Path, env: dict[str, str], encoders: Path, tmp_path: Path
) -> None:
    import shutil

    mine = tmp_path / "encoders"
    shutil.copytree(encoders, mine, ignore=shutil.ignore_patterns(".*"))
    leftovers = [
        data_dir / "builds" / "build-killed1" / "passages.faiss",
        data_dir / ".CURRENT-abc123",
        mine / ".export-k1ll3d" / "fp32.onnx",
        mine / ".stale-.export-old" / "model.onnx",
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * 100_000)
    run = storybot("build", env=env | {"STORYBOT_ENCODERS": str(mine)})
    left = [path for path in leftovers if path.exists()]
    observed = f"exit {run.status}; {len(left)} of {len(leftovers)} leftovers remain"
    record(
        "builds", "leftovers of killed builds and exports", "cleared by the next build", observed
    )
    assert run.status == 0 and not left, run.stderr
    assert list((data_dir / "builds").iterdir()) == [live_build(data_dir)]


def test_a_build_killed_mid_write_leaves_the_old_index(tmp_path: Path) -> None:
    """A build killed -9 while writing: the old index still answers, and the next build clears
    the half-written folder."""
    settings = Settings(corpus=ROOT / "corpus", data_dir=tmp_path / "data", model="hashing")
    embedder = HashingEmbedder()
    build.build(settings, embedder, lambda _: None)
    before = store.read_records(settings.data_dir)
    script = (
        "import os, faiss, sys\n"
        "from index.vectors import build, store\n"
        "from index.settings import Settings\n"
        "from tests.index.conftest import HashingEmbedder\n"
        "real = faiss.write_index\n"
        "def dying(index, path):\n"
        "    real(index, path)\n"
        "    if path.endswith('sentences.faiss'): os.kill(os.getpid(), 9)\n"
        "faiss.write_index = dying\n"
        f"settings = Settings(corpus={str(ROOT / 'corpus')!r}, data_dir={str(settings.data_dir)!r},"
        " model='hashing')\n"
        "build.build(settings, HashingEmbedder(), print)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    half = len(list((settings.data_dir / "builds").iterdir()))
    intact = store.read_records(settings.data_dir) == before
    record(
        "builds",
        "build killed -9 while writing its files",
        "old index kept; half-written folder cleared next time",
        f"killed ({killed.returncode}); old index {'intact' if intact else 'LOST'}; "
        f"{half} build folders until the next build",
    )
    assert killed.returncode == -9 and intact and half == 2
    from index.vectors.freshness import rebuild

    rebuild(settings, lambda: embedder, lambda _: None)
    assert len(list((settings.data_dir / "builds").iterdir())) == 1


class SlowEmbedder(HashingEmbedder):
    """The hashing embedder, a little slower a text, as a large article's encoding is."""

    def encode(self, texts: list[str]) -> np.ndarray:  # type: ignore[override]
        """Encode after a pause."""
        time.sleep(0.0005 * len(texts))
        return super().encode(texts)


def test_a_long_encoding_says_how_far_it_has_got(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "ENCODE_SLICE", 100)
    monkeypatch.setattr(build, "PROGRESS_EVERY", 0.01)
    said: list[str] = []
    texts = [f"text number {n} about the story" for n in range(1000)]
    vectors = build.encode_in_batches(SlowEmbedder(), texts, said.append)
    record(
        "large input",
        "a long encoding",
        "progress: texts done, rate, time left",
        f"{len(said)} progress lines, e.g. “{said[0]}”" if said else "NO PROGRESS",
    )
    assert vectors.shape == (1000, 64) and np.allclose(vectors, HashingEmbedder().encode(texts))
    assert said and all(
        "of 1,000 texts" in line and "a second" in line and "left" in line for line in said
    )


def test_a_long_article_is_summarised_within_bounded_memory() -> None:
    """The summary weighs at most MAX_ROWS sentences against each other, not every pair: 5,000
    sentences would otherwise need a float32 and a float64 5,000 × 5,000 matrix (300 MB)."""
    import tracemalloc

    from index.passages import Chunk, Source

    source = Source("long", "A long article")
    texts = [f"Sentence {n} of the long article about topic {n % 97}." for n in range(5000)]
    chunks = tuple(
        Chunk(source, n + 1, 0, len(t), t, ((0, len(t)),), "body") for n, t in enumerate(texts)
    )
    vectors = HashingEmbedder().encode(texts)
    tracemalloc.start()
    picked = summary.summarise(chunks, vectors)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    record(
        "large input",
        "summary of a 5,000-sentence article",
        "bounded memory (a sample of 2,000)",
        f"{len(picked)} sentences; peak {peak / 1e6:.0f} MB traced",
    )
    assert 1 <= len(picked) <= summary.MAX_SENTENCES
    assert peak < 12 * 5000**2 / 3  # a third of what every pair of the 5,000 would take
