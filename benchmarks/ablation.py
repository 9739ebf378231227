"""What each retrieval signal adds: `storybot eval` figures with the signals switched on in turn.

Run `python -m benchmarks.ablation`; it prints a Markdown table and writes docs/ablation.md.
The story's own questions run over the shipped corpus; the second article's run with both
articles in the index, and count a hit only when it comes from the right source.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.answering.evaluation import Report, evaluate
from index.answering.search import Weights
from index.engine import Engine
from index.settings import SHIPPED_CORPUS, Settings

ROOT = Path(__file__).resolve().parent.parent
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
OUT = ROOT / "docs" / "ablation.md"
LATER: dict[str, Any] = {"count": 0.0, "under_headline": False}
"""The signals added last, off until their step."""
EXTRAS: dict[str, Any] = {
    "about_article": False,
    "new_answer": 0.0,
    "unnamed": 0.0,
    "reason": 0.0,
    **LATER,
}
"""Every signal beyond the dense and lexical scores and the concepts held, off."""
STEPS = (
    (
        "dense, whole passages only",
        Weights(0.0, 0.0, 0.0, 0.0, **EXTRAS),
    ),
    (
        "+ best sentence (half the score)",
        Weights(0.5, 0.0, 0.0, 0.0, **EXTRAS),
    ),
    (
        "+ clause lift",
        Weights(0.5, 0.5, 0.0, 0.0, **EXTRAS),
    ),
    (
        "+ BM25 at 0.07",
        Weights(0.5, 0.5, 0.07, 0.0, **EXTRAS),
    ),
    (
        "+ the question's concepts held, synonyms included",
        Weights(**EXTRAS),
    ),
    ("+ headline and byline words", Weights(new_answer=0.0, unnamed=0.0, reason=0.0, **LATER)),
    ("+ who/where: a name the question lacks", Weights(unnamed=0.0, reason=0.0, **LATER)),
    ("+ what it asks beside its names", Weights(reason=0.0, **LATER)),
    ("+ why: a passage giving a reason", Weights(**LATER)),
    ("+ how many: a number counting the thing", Weights(under_headline=False)),
    ("+ BM25 reads passages under their headline (StoryBot)", Weights()),
)
SETS = (
    ("development", "story", ROOT / "eval" / "story_questions.json"),
    ("calibration", "story", ROOT / "eval" / "calibration.json"),
    ("second article", "both", ROOT / "eval" / "second_article.json"),
)


@dataclass(frozen=True)
class Row:
    """One step of the ablation and its report on each question set."""

    step: str
    reports: tuple[Report, ...]


def engines(work: Path) -> dict[str, Engine]:
    """The real engine over the shipped story, and over the story plus the second article."""
    both = work / "both"
    shutil.copytree(SHIPPED_CORPUS, both)
    shutil.copy(SECOND_ARTICLE, both)
    story = Settings(corpus=SHIPPED_CORPUS, data_dir=work / "d1")
    two = Settings(corpus=both, data_dir=work / "d2")
    return {
        "story": Engine.open(story, progress=lambda _: None),
        "both": Engine.open(two, progress=lambda _: None),
    }


def measure(opened: dict[str, Engine]) -> list[Row]:
    """Every question set under every step."""
    rows = []
    for step, weights in STEPS:
        reports = [evaluate(opened[corpus].reweighted(weights), path) for _, corpus, path in SETS]
        rows.append(Row(step, tuple(reports)))
    return rows


def table(rows: list[Row]) -> str:
    """A Markdown table: hit@1, hit@3, off-topic refused, in-scope refused for each set."""
    head = "| step | " + " | ".join(f"{name}: @1 / @3 / off / wrong" for name, *_ in SETS) + " |"
    lines = [head, "|" + "---|" * (len(SETS) + 1)]
    for row in rows:
        cells = [_cell(report) for report in row.reports]
        lines.append(f"| {row.step} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(report: Report) -> str:
    n = report.in_scope
    return (
        f"{report.hit_at_1}/{n} / {report.hit_at_3}/{n} / "
        f"{report.off_topic_refused}/{report.off_topic} / {report.in_scope_refused}"
    )


def main() -> None:
    """Measure, print and write docs/ablation.md."""
    with tempfile.TemporaryDirectory() as work:
        rows = measure(engines(Path(work)))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    text = "\n".join(
        [
            "# What each retrieval step adds",
            "",
            f"Measured by `python -m benchmarks.ablation` at commit {commit or 'unknown'}, with",
            "all-MiniLM-L6-v2 (its int8 ONNX export). Each cell: hit@1 / hit@3 / off-topic",
            "questions refused / in-scope questions refused. Steps are cumulative; refusal uses",
            "the same rule throughout (README, 'How refusal works').",
            "",
            table(rows),
            "",
        ]
    )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
