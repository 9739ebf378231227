"""Scoring the engine on a question file: hit@1, hit@3 and how often it refuses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from index.passages import Answer


class Asks(Protocol):
    """Anything that answers a question the way the engine does."""

    def ask(self, typed: str, k: int | None = None) -> Answer:
        """Answer one question."""
        ...


@dataclass
class Report:
    """Counts over a question file, and the questions that missed."""

    in_scope: int = 0
    hit_at_1: int = 0
    hit_at_3: int = 0
    in_scope_refused: int = 0
    off_topic: int = 0
    off_topic_refused: int = 0
    near_topic: int = 0
    near_topic_refused: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as a reader wants it: the four figures, then each miss."""
        return [
            f"hit@1               {self.hit_at_1}/{self.in_scope}",
            f"hit@3               {self.hit_at_3}/{self.in_scope}",
            f"off-topic refused   {self.off_topic_refused}/{self.off_topic}",
            f"in-scope refused    {self.in_scope_refused}/{self.in_scope}",
            *(
                [f"near-topic refused  {self.near_topic_refused}/{self.near_topic}"]
                if self.near_topic
                else []
            ),
            *(f"miss: {miss}" for miss in self.misses),
        ]

    def as_json(self) -> dict[str, Any]:
        """The report as one JSON object."""
        return {key: getattr(self, key) for key in self.__dataclass_fields__}


def evaluate(engine: Asks, questions: Path) -> Report:
    """Ask every question of the file and count hits and refusals."""
    data = json.loads(questions.read_text(encoding="utf-8"))
    report = Report()
    for item in data.get("in_scope", []):
        _score_in_scope(report, engine.ask(item["q"], k=3), item)
    for question in data.get("out_of_scope", []):
        report.off_topic += 1
        report.off_topic_refused += _refused(report, engine.ask(question, k=3), "off-topic")
    for question in data.get("near_topic", []):
        report.near_topic += 1
        report.near_topic_refused += _refused(report, engine.ask(question, k=3), "near-topic")
    return report


def _refused(report: Report, answer: Answer, kind: str) -> bool:
    """Whether a question the story does not answer was refused; a miss is noted."""
    if not answer.refused:
        top = answer.hits[0].citation if answer.hits else "?"
        report.misses.append(f"{kind} answered: {answer.question!r} (top: {top})")
    return answer.refused


def _score_in_scope(report: Report, answer: Answer, item: dict[str, Any]) -> None:
    report.in_scope += 1
    if answer.refused:
        report.in_scope_refused += 1
        report.misses.append(f"refused: {item['q']!r} ({answer.message})")
        return
    found = [any(gold in hit.chunk.text for gold in item["gold"]) for hit in answer.hits[:3]]
    wanted = item.get("source")
    if wanted is not None:
        found = [
            f and h.chunk.source.id == wanted for f, h in zip(found, answer.hits, strict=False)
        ]
    report.hit_at_1 += bool(found and found[0])
    report.hit_at_3 += any(found)
    if not (found and found[0]):
        ranks = ", ".join(h.citation.split(",")[0] for h in answer.hits[:3])
        where = f"rank {found.index(True) + 1}" if any(found) else "not in top 3"
        report.misses.append(f"{where}: {item['q']!r} (got {ranks})")
