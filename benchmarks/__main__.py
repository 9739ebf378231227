"""`python -m benchmarks`: every figure against its floor from the same run, a table and JSON.

python -m benchmarks                 # everything, 20,000 passages at scale (~10 minutes)
python -m benchmarks --quick         # fewer runs, 2,000 passages: to try it out
python -m benchmarks --only cold,warm --out /tmp/bench.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import discord_trip, followups, scale, story
from benchmarks.figures import Figure, table
from benchmarks.machine import machine
from benchmarks.measure import REPO, Clock, progress
from benchmarks.session import Session

Stage = Callable[[Session], list[Figure]]
STAGES: dict[str, Stage] = {
    "cold": story.cold,
    "warm": story.warm,
    "batch": story.batch,
    "follow-up": followups.follow_ups,
    "summary": story.summary,
    "discord": discord_trip.discord,
    "scale": scale.scale,
}
NOISY = 0.1  # other processes' share of the CPUs above which a stage's figures are suspect
DEFAULT_OUT = REPO / "benchmarks" / "results" / "latest.json"


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="StoryBot against its floor, in the same run."
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and 2,000 passages")
    parser.add_argument("--scale", type=int, help="passages in the generated corpus (20,000)")
    parser.add_argument("--only", help=f"comma-separated stages: {', '.join(STAGES)}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    args = parser.parse_args(argv)
    if args.scale is None:
        args.scale = 2_000 if args.quick else 20_000
    args.only = args.only.split(",") if args.only else list(STAGES)
    unknown = set(args.only) - set(STAGES)
    if unknown:
        parser.error(
            f"unknown stage(s) {', '.join(sorted(unknown))}: choose from {', '.join(STAGES)}"
        )
    return args


@dataclass
class Outcome:
    """What the stages gave: figures, the tracebacks of those that failed, and the noise."""

    figures: list[Figure] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    others_cpu_share: dict[str, float] = field(default_factory=dict)
    """Per stage, the share of the CPUs other processes used meanwhile (0 on a quiet machine)."""

    def noise_note(self) -> str:
        """A line naming the stages that other processes disturbed, or "" when none were."""
        noisy = [f"{n} {v:.0%}" for n, v in self.others_cpu_share.items() if v > NOISY]
        if not noisy:
            return ""
        return f"Other processes used the CPUs during: {', '.join(noisy)}. Re-run when quiet."


def measure(session: Session, names: list[str]) -> Outcome:
    """Run the named stages in order; a stage that fails is reported and the rest still run."""
    outcome = Outcome()
    for name in names:
        progress(f"stage {name}")
        started = Clock.now()
        try:
            outcome.figures += STAGES[name](session)
        except Exception as error:
            progress(f"stage {name} failed: {error}")
            outcome.errors[name] = "".join(traceback.format_exception(error))
        outcome.others_cpu_share[name] = round(Clock.now().others_since(started), 3)
    return outcome


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, write the JSON; exit 1 when a stage failed (not on a MISS)."""
    args = arguments(argv)
    results: dict[str, Any] = {"machine": machine(), "run": vars(args) | {"out": str(args.out)}}
    with tempfile.TemporaryDirectory(prefix="storybot-bench-") as work:
        session = Session(Path(work), quick=args.quick, scale=args.scale)
        outcome = measure(session, args.only)
    print("\n\n".join(filter(None, [table(outcome.figures), outcome.noise_note()])))
    results |= {
        "load_average_after": os.getloadavg(),
        "others_cpu_share": outcome.others_cpu_share,
        "figures": [figure.as_json() for figure in outcome.figures],
        "details": session.details,
        "errors": outcome.errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    progress(f"results written to {args.out}")
    return 1 if outcome.errors else 0


if __name__ == "__main__":
    sys.exit(main())
