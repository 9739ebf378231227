"""`python -m benchmarks.recording`: what recording costs a question, with and without, same run.

Warm `engine.ask` one question at a time, in turns over blocks of 50 questions: plain, then
answered and recorded (the record built, its asker hashed, and queued for the log's thread),
so drift hits both alike. Also: one `record()` call alone (what the caller pays), and what the
log's thread still had to write after the last answer (it writes beside the answers, not in
their way), on SQLite or the database given.

python -m benchmarks.recording                       # SQLite in a temp folder, 400 questions
python -m benchmarks.recording --database-url postgresql://...   # a PostgreSQL server instead
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import REPO, percentile, progress
from benchmarks.questions import questions
from index.settings import SHIPPED_CORPUS

BLOCK = 50
DEFAULT_OUT = REPO / "benchmarks" / "results" / "recording.json"


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.recording", description=__doc__)
    parser.add_argument("--questions", type=int, default=400, help="questions timed each way")
    parser.add_argument("--rounds", type=int, default=2, help="times each question is asked")
    parser.add_argument("--data-dir", type=Path, help="a built index (default: build one)")
    parser.add_argument("--database-url", help="record here instead of a temp SQLite file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Both ways, in turns; then the writer's time to drain."""
    from index.engine import Engine
    from index.questionlog.interface import Asker, answer_and_record
    from index.questionlog.recorder import QuestionLog, open_log
    from index.settings import Settings

    data_dir = args.data_dir or work / "data"
    settings = Settings(
        corpus=SHIPPED_CORPUS,
        data_dir=data_dir,
        database_url=args.database_url or f"sqlite:///{work / 'log' / 'questions.sqlite'}",
        record=True,
    )
    progress("opening the engine (building the index when there is none)")
    engine = Engine.open(settings, progress=progress)
    engine.keep(0)  # each question is timed twice, plain and recorded: both worked out in full
    log = open_log(settings, "benchmark")
    assert isinstance(log, QuestionLog)
    asked = questions(args.questions)
    for question in asked[:10]:
        engine.ask(question)
    plain: list[float] = []
    recorded: list[float] = []
    started = time.perf_counter()
    for round_ in range(args.rounds):
        progress(f"round {round_ + 1} of {args.rounds}: {len(asked)} questions each way")
        for start in range(0, len(asked), BLOCK):
            block = asked[start : start + BLOCK]
            for question in block:
                tick = time.perf_counter()
                engine.ask(question)
                plain.append(time.perf_counter() - tick)
            for n, question in enumerate(block):
                tick = time.perf_counter()
                answer_and_record(engine.ask, question, log, Asker(10**17 + n, "slash", 1, 2))
                recorded.append(time.perf_counter() - tick)
    asking = time.perf_counter() - started
    calls = _record_calls(log, engine.ask(asked[0]), Asker(10**17, "slash", 1, 2))
    tick = time.perf_counter()
    log.close(timeout=600)
    drained = time.perf_counter() - tick
    found = _figures(plain, recorded, asking, drained, settings.database_url or "")
    return found | {"record_call_p50_us": percentile(calls, 50) * 1e6}


def _record_calls(log: Any, answer: Any, asker: Any, count: int = 1000) -> list[float]:
    """The caller's side of recording alone: build the row, hash the asker, queue it."""
    calls = []
    for _ in range(count):
        tick = time.perf_counter()
        log.record(answer, asker, 0.001)
        calls.append(time.perf_counter() - tick)
    return calls


def _figures(
    plain: list[float], recorded: list[float], asking: float, drained: float, url: str
) -> dict[str, Any]:
    p50 = percentile(plain, 50), percentile(recorded, 50)
    p99 = percentile(plain, 99), percentile(recorded, 99)
    return {
        "database": url.split(":", 1)[0],
        "questions_each_way": len(plain),
        "warm_p50_ms": {"without": p50[0] * 1e3, "with": p50[1] * 1e3},
        "warm_p99_ms": {"without": p99[0] * 1e3, "with": p99[1] * 1e3},
        "p50_ratio": p50[1] / p50[0],
        "p50_added_ms": (p50[1] - p50[0]) * 1e3,
        "records_written": len(recorded),
        "left_to_write_after_asking_s": drained,
        "asking_wall_s": asking,
    }


def table(found: dict[str, Any]) -> str:
    """The figures as a small table."""
    p50, p99 = found["warm_p50_ms"], found["warm_p99_ms"]
    return "\n".join(
        [
            f"recording to {found['database']}, {found['questions_each_way']} questions each way",
            "| figure | without recording | with recording | ratio |",
            "|---|---|---|---|",
            f"| warm p50 | {p50['without']:.3f} ms | {p50['with']:.3f} ms | "
            f"{found['p50_ratio']:.3f} |",
            f"| warm p99 | {p99['without']:.3f} ms | {p99['with']:.3f} ms | "
            f"{p99['with'] / p99['without']:.3f} |",
            f"p50 added by recording: {found['p50_added_ms']:.3f} ms; one record() call, p50: "
            f"{found.get('record_call_p50_us', float('nan')):.1f} µs; "
            f"{found['records_written']} records, {found['left_to_write_after_asking_s']:.2f} s "
            "still to write when the last answer was given",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    """Measure, print the table, write the JSON."""
    args = arguments(argv)
    with tempfile.TemporaryDirectory(prefix="storybot-recording-") as work:
        found = measure(args, Path(work))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(found, indent=2))
    print(table(found))


if __name__ == "__main__":
    main()
