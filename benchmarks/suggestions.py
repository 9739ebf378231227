"""What /ask's autocomplete costs: making the suggestions at load against loading the engine in the
same run (a ratio), how many the story yields, the share the engine refuses (left out), and one
keystroke's matching against one answered question.

Run `python -m benchmarks.suggestions` (the story alone, and with the second article, indexed in
a temporary folder, or in `--data-dir` to keep the index between runs).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from statistics import median
from typing import TypeVar

from index.answering.suggestions import candidates, suggestions
from index.engine import Engine
from index.settings import SHIPPED_CORPUS, Settings

ROOT = Path(__file__).resolve().parent.parent
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
T = TypeVar("T")
REPEATS = 20
TYPED = ("", "w", "who", "al-Sh", "shrine", "what does the story say about the", "zzzz")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    """What `work()` returns and the seconds it took."""
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def measure(name: str, corpus: Path, data_dir: Path) -> None:
    """Print one corpus's figures."""
    settings = Settings(corpus=corpus, data_dir=data_dir)
    build = (
        "from index.engine import Engine; from index.settings import Settings; "
        f"Engine.open(Settings(corpus={str(corpus)!r}, data_dir={str(data_dir)!r}),"
        " progress=lambda _: None)"
    )
    subprocess.run([sys.executable, "-c", build], check=True)  # built apart: the load is cold
    engine, load = timed(lambda: Engine.open(settings, progress=lambda _: None))
    asked = candidates(engine.passages())
    made, making = timed(
        lambda: suggestions(engine.passages(), lambda q: not engine.ask(q).refused)
    )
    answers = [timed(partial(engine.ask, q))[1] for q in made.questions[:REPEATS]]
    keystrokes = [timed(lambda: [made.matching(t) for t in TYPED])[1] for _ in range(REPEATS)]
    one_answer, one_keystroke = median(answers), median(keystrokes) / len(TYPED)
    kept = len(made.questions)
    print(f"## {name}: {len(engine.passages())} passages")
    print(
        f"engine load {load:.2f} s; suggestions made in {making:.2f} s: ratio {making / load:.2f}"
    )
    print(
        f"candidates {len(asked)}; kept {kept}; refused (left out) {len(asked) - kept}"
        f" = {(len(asked) - kept) / max(1, len(asked)):.0%}"
    )
    print(f"one keystroke's matching / one answered question: {one_keystroke / one_answer:.4f}")
    for question in made.questions[:12]:
        print(f"  {question}")


def main(argv: list[str] | None = None) -> int:
    """Measure the story alone, then with the second article."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.suggestions")
    parser.add_argument("--data-dir", type=Path, help="keep the indexes here between runs")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="storybot-suggestions-"))
    base = args.data_dir or work
    try:
        both = work / "both"
        shutil.copytree(SHIPPED_CORPUS, both)
        shutil.copy(SECOND_ARTICLE, both)
        measure("the story", SHIPPED_CORPUS, base / "story")
        measure("the story and the second article", both, base / "both")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
