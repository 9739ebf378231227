"""StoryBot on the one article: cold start, warm latency, batch throughput and the summary."""

from __future__ import annotations

import json

from benchmarks.figures import Figure, Target
from benchmarks.measure import (
    PYTHON,
    STORYBOT,
    BenchmarkFailed,
    interleaved,
    median,
    percentile,
    progress,
    run,
    spread,
)
from benchmarks.session import Session, unbuilt


def cold(session: Session) -> list[Figure]:
    """`storybot ask` as a whole process against the floor's whole process, one question each."""
    runs = session.cold_runs
    if not all(unbuilt(r).stdout.strip() for r in runs["storybot"]):
        raise BenchmarkFailed("storybot ask printed no answer")
    floor, story = (median([r.seconds for r in runs[n]]) for n in ("floor", "storybot"))
    session.details["cold"] = {n: [r.seconds for r in rs] for n, rs in runs.items()}
    return [Figure("cold `storybot ask`", "s", story, floor, "floor process", Target(1.1))]


def warm(session: Session) -> list[Figure]:
    """Single-question latency with the model loaded: p50 and p99, against the floor's."""
    floor, story = session.floor_warm, session.story_warm
    session.details["warm"] = {"storybot": spread(story), "floor": spread(floor)}
    p50, p99 = ((percentile(story, q), percentile(floor, q)) for q in (50, 99))
    return [
        Figure("warm p50", "s", *p50, "floor warm p50", Target(0.7)),
        Figure("warm p99", "s", *p99, "floor warm p99"),
    ]


def batch(session: Session) -> list[Figure]:
    """`storybot ask --json -` over the 400 questions, per question, against the floor's p50."""
    count = len(session.questions)
    runs = 1 if session.quick else 3
    progress(f"storybot ask --json - with {count} questions, {runs} run(s)")
    stdin = "".join(f"{q}\n" for q in session.questions)
    seconds = []
    for _ in range(runs):
        finished = unbuilt(run([STORYBOT, "ask", "--json", "-"], session.story_env(), stdin))
        answers = [json.loads(line) for line in finished.stdout.splitlines() if line.strip()]
        if len(answers) != count:
            raise BenchmarkFailed(f"storybot ask --json - gave {len(answers)} of {count} answers")
        seconds.append(finished.seconds)
    session.details["batch"] = {"questions": count, "seconds": seconds}
    per_question = median(seconds) / count
    floor = percentile(session.floor_warm, 50)
    name = f"batch, per question ({count})"
    return [Figure(name, "s", per_question, floor, "floor warm p50", Target(0.5))]


def summary(session: Session) -> list[Figure]:
    """`storybot summary` as a whole process against `python -c "import torch"`."""
    progress(f"storybot summary and import torch, {session.repeats} runs each")
    commands = {
        "torch": ([PYTHON, "-c", "import torch"], session.story_env()),
        "storybot": ([STORYBOT, "summary"], session.story_env()),
    }
    runs = interleaved(commands, session.repeats)
    for finished in runs["storybot"]:
        unbuilt(finished)
    torch, story = (median([r.seconds for r in runs[n]]) for n in ("torch", "storybot"))
    session.details["summary"] = {n: [r.seconds for r in rs] for n, rs in runs.items()}
    return [Figure("`storybot summary`", "s", story, torch, "import torch", Target(0.25))]
