"""This checkout's answer times against another checkout's (main, say), in one run, taking turns.

    python -m benchmarks.versus /work/main                 # cold and warm, both checkouts
    python -m benchmarks.versus /work/main --cold 21 --blocks 6 --out /tmp/versus.json

Both run on this interpreter with their own `index` package (each process's working folder is
its checkout), over one article, each with its own data folder and one shared exported encoder.
Cold: whole `storybot ask` processes, alternating. Warm: a process per checkout opens the engine
and times questions one at a time; the checkouts take turns over several such blocks, so the
machine's drift hits both alike. Ratios are this checkout's median over the other's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.floor import ARTICLE
from benchmarks.measure import offline_env, progress
from benchmarks.questions import questions as timed_questions

HERE = Path(__file__).resolve().parent.parent
ASK = """
try:
    from index.cli.commands import main
except ImportError:  # a checkout from before index/ was grouped into folders
    from index.cli import main
main()
"""
QUESTION = "Who is the new leader of Syria?"
WARM = """
import json, sys, time
from index.engine import Engine
from index.settings import Settings
engine = Engine.open(Settings(), progress=lambda _: None)
questions = json.load(open(sys.argv[1]))
for question in questions[:10]:
    engine.ask(question)
seconds = []
for question in questions[10:]:  # not those asked to warm up: an engine may keep their answers
    started = time.perf_counter()
    engine.ask(question)
    seconds.append(time.perf_counter() - started)
print(json.dumps(seconds))
"""


def _python(checkout: Path, code: str, env: dict[str, str], *args: str) -> tuple[float, str]:
    """Run `python -c code` in the checkout; wall seconds and stdout."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=checkout, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{checkout}: {done.stderr[-1500:]}")
    return time.perf_counter() - started, done.stdout


def compare(
    other: Path, cold_runs: int, blocks: int, work: Path, encoders: Path | None = None
) -> dict[str, Any]:
    """Cold and warm medians of both checkouts, taken in turns, and their ratios."""
    checkouts = {"this": HERE, "other": other}
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    encoders = encoders or work / "encoders"
    envs = {
        name: offline_env(
            STORYBOT_CORPUS=str(corpus),
            STORYBOT_DATA_DIR=str(work / f"data-{name}"),
            STORYBOT_ENCODERS=str(encoders),
        )
        for name in checkouts
    }
    ask = ASK
    for name, checkout in checkouts.items():  # builds each index (the first also exports)
        progress(f"building the {name} checkout's index")
        _python(checkout, ask, envs[name], "ask", QUESTION)
    questions = work / "questions.json"
    questions.write_text(json.dumps(timed_questions(200)), encoding="utf-8")
    cold: dict[str, list[float]] = {name: [] for name in checkouts}
    progress(f"cold: {cold_runs} `storybot ask` processes each, alternating")
    for _ in range(cold_runs):
        for name, checkout in checkouts.items():
            cold[name].append(_python(checkout, ask, envs[name], "ask", QUESTION)[0])
    warm: dict[str, list[float]] = {name: [] for name in checkouts}
    progress(f"warm: {blocks} blocks of 200 questions each (10 to warm up), alternating")
    for _ in range(blocks):
        for name, checkout in checkouts.items():
            block = json.loads(_python(checkout, WARM, envs[name], str(questions))[1])
            warm[name].append(statistics.median(block))
    medians = {
        kind: {name: statistics.median(samples[name]) for name in checkouts}
        for kind, samples in (("cold", cold), ("warm_p50", warm))
    }
    return {
        "other": str(other),
        "medians_seconds": medians,
        "ratio_this_over_other": {k: v["this"] / v["other"] for k, v in medians.items()},
        "samples": {"cold": cold, "warm_p50_per_block": warm},
    }


def main(argv: list[str]) -> None:
    """Measure, print the figures, and write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.versus")
    parser.add_argument("other", type=Path, help="the other checkout (e.g. main's worktree)")
    parser.add_argument("--cold", type=int, default=15, help="cold processes per checkout")
    parser.add_argument("--blocks", type=int, default=5, help="warm blocks per checkout")
    parser.add_argument("--encoders", type=Path, help="an exported encoders folder to share")
    parser.add_argument("--out", type=Path, default=HERE / "benchmarks/results/versus.json")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storybot-versus-") as work:
        other = options.other.resolve()
        result = compare(other, options.cold, options.blocks, Path(work), options.encoders)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for kind, ratio in result["ratio_this_over_other"].items():
        this, other = (result["medians_seconds"][kind][n] * 1000 for n in ("this", "other"))
        print(f"{kind}: this {this:.1f} ms, other {other:.1f} ms, ratio {ratio:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
