"""Benchmark figures: StoryBot's value, its reference from the same run, the ratio and target."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """A bound on StoryBot / reference: at most `limit`, or at least it when `at_least`."""

    limit: float
    at_least: bool = False

    def met(self, ratio: float) -> bool:
        """Whether a ratio meets the target."""
        return ratio >= self.limit if self.at_least else ratio <= self.limit

    def __str__(self) -> str:
        return f"{'≥' if self.at_least else '≤'} {self.limit:g}"


@dataclass(frozen=True)
class Figure:
    """One figure: StoryBot's value and the reference it is divided by, in the same unit."""

    name: str
    unit: str
    value: float
    reference: float
    reference_name: str
    target: Target | None = None

    @property
    def ratio(self) -> float:
        """StoryBot / reference."""
        return self.value / self.reference if self.reference else float("inf")

    @property
    def ok(self) -> bool | None:
        """Whether the target is met; None when the figure has no target."""
        return None if self.target is None else self.target.met(self.ratio)

    def as_json(self) -> dict[str, Any]:
        """The figure with its ratio and verdict, for the results file."""
        return {
            "name": self.name,
            "unit": self.unit,
            "storybot": self.value,
            "reference": self.reference,
            "reference_name": self.reference_name,
            "ratio": round(self.ratio, 4),
            "target": None if self.target is None else str(self.target),
            "ok": self.ok,
        }


COLUMNS = ("figure", "StoryBot", "reference", "ratio", "target", "")


def table(figures: list[Figure]) -> str:
    """The figures as an aligned plain-text table, one row each."""
    rows = [COLUMNS, *(_row(f) for f in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _row(figure: Figure) -> tuple[str, ...]:
    verdict = {None: "", True: "ok", False: "MISS"}[figure.ok]
    reference = f"{amount(figure.reference, figure.unit)} ({figure.reference_name})"
    return (
        figure.name,
        amount(figure.value, figure.unit),
        reference,
        f"{figure.ratio:.2f}",
        "" if figure.target is None else str(figure.target),
        verdict,
    )


def amount(value: float, unit: str) -> str:
    """A value with its unit, seconds shown in ms below one second."""
    if unit == "s" and value < 1:
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} {unit}"
