"""One benchmark run: its scratch folder, its questions, and measurements several stages share."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from benchmarks.measure import (
    PYTHON,
    STORYBOT,
    BenchmarkFailed,
    Finished,
    interleaved,
    progress,
    run,
    storybot_env,
)
from benchmarks.questions import COLD_QUESTION, questions
from index.settings import SHIPPED_CORPUS

CORPUS = SHIPPED_CORPUS
QUESTIONS = 400
WARMUP = 10


class Session:
    """The settings of one run and what its stages measure once and share."""

    def __init__(self, work: Path, *, quick: bool, scale: int) -> None:
        from index.settings import DEFAULT_MODEL

        self.work = work
        self.quick = quick
        self.scale = scale
        self.model = DEFAULT_MODEL  # the floor loads the same packaged model
        asked = questions(QUESTIONS + WARMUP)
        self.questions, self.warmup = asked[:QUESTIONS], asked[QUESTIONS:]
        self.timed = self.questions[:100] if quick else self.questions
        self.repeats = 3 if quick else 7
        self.discord_asks = 40 if quick else 200
        self.details: dict[str, Any] = {}

    def story_env(self, corpus: Path = CORPUS, data_dir: Path | None = None) -> dict[str, str]:
        """The environment of a `storybot` process over the article's index (by default)."""
        return storybot_env(corpus, data_dir or self.article_index, self.model)

    @cached_property
    def article_index(self) -> Path:
        """The shipped article's index, built once (untimed) in the scratch folder."""
        data_dir = self.work / "article-data"
        progress("building the article's index (untimed)")
        built = run([STORYBOT, "build"], storybot_env(CORPUS, data_dir, self.model))
        # Nearly all of it is fixed cost (imports, model, encoder): context for the scale build.
        self.details["article_build_seconds"] = built.seconds
        return data_dir

    @cached_property
    def cold_runs(self) -> dict[str, list[Finished]]:
        """Whole processes answering one question: the floor and `storybot ask`, in turn."""
        progress(f"cold processes: floor and storybot ask, {self.repeats} runs each")
        commands = {
            "floor": ([PYTHON, "-m", "benchmarks.floor", "cold", COLD_QUESTION], self.story_env()),
            "storybot": ([STORYBOT, "ask", COLD_QUESTION], self.story_env()),
        }
        return interleaved(commands, self.repeats)

    @cached_property
    def floor_warm(self) -> list[float]:
        """The floor's seconds per question, one at a time, in its own warm process."""
        progress(f"floor: {len(self.timed)} questions one at a time, warm")
        plan = self.work / "floor-questions.json"
        plan.write_text(json.dumps({"warmup": self.warmup, "questions": self.timed}))
        finished = run([PYTHON, "-m", "benchmarks.floor", "warm", str(plan)], self.story_env())
        seconds: list[float] = json.loads(finished.stdout)["seconds"]
        return seconds

    @cached_property
    def story_warm(self) -> list[float]:
        """StoryBot's seconds per question, one at a time, with the engine open in this process."""
        progress(f"storybot: {len(self.timed)} questions one at a time, warm, in process")
        return latencies(self.article_index, CORPUS, self.model, self.timed, self.warmup)


def unbuilt(finished: Finished) -> Finished:
    """The process, unless it rebuilt the index: then it timed something else than asked."""
    if "Building the index" in finished.stderr:
        raise BenchmarkFailed(f"a timed storybot process rebuilt the index:\n{finished.stderr}")
    return finished


def latencies(
    data_dir: Path,
    corpus: Path,
    model: str,
    timed: list[str],
    warmup: list[str],
    encoders: Path | None = None,
) -> list[float]:
    """Seconds per `engine.ask`, after a warm-up, with the engine opened on a built index."""
    index = Index(data_dir, corpus, encoders)
    return interleaved_latencies({"": index}, model, timed, warmup)[""]


@dataclass(frozen=True)
class Index:
    """A built index to open an engine on."""

    data_dir: Path
    corpus: Path
    encoders: Path | None = None


BLOCK = 50
"""Questions each engine answers in turn when several are timed together."""


def interleaved_latencies(
    indexes: dict[str, Index], model: str, timed: list[str], warmup: list[str]
) -> dict[str, list[float]]:
    """Seconds per `engine.ask` for each index's engine, all open in this process, taking
    turns over blocks of questions so that a slower spell of the machine hits them alike."""
    from index.engine import Engine
    from index.settings import Settings

    engines = {
        name: Engine.open(
            Settings(corpus=i.corpus, data_dir=i.data_dir, model=model, encoders=i.encoders),
            progress=progress,
        )
        for name, i in indexes.items()
    }
    for engine in engines.values():
        for question in warmup:
            engine.ask(question, k=3)
    seconds: dict[str, list[float]] = {name: [] for name in engines}
    for start in range(0, len(timed), BLOCK):
        for name, engine in engines.items():
            for question in timed[start : start + BLOCK]:
                started = time.perf_counter()
                engine.ask(question, k=3)
                seconds[name].append(time.perf_counter() - started)
    return seconds
