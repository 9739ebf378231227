"""Follow-up questions: hit@1 and hit@3 of the follow-up turns of eval/conversations.json with
their history, against the same turns asked alone, and whether every standalone turn is answered
exactly as without history.

Run `python -m benchmarks.conversations` (both articles are indexed in a temporary folder, or in
`--data-dir` to keep the index between runs). `--file` scores another set of conversations in the
same form: eval/conversations_probe.json holds 71 follow-ups of ours, written in a later round
before they were run and read to find what was missed (split "probe"), kept apart from the splits
above so that their figures stay comparable from round to round.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from index.answering.conversation import Asks, answer_in_context
from index.passages import Answer

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = ROOT / "eval" / "conversations.json"
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
SPLITS = ("dev", "test", "test2", "test3", "test4", "test5", "all")


@dataclass
class Tally:
    """Counts over the turns of one split."""

    follow_ups: int = 0
    hit_at_1: int = 0
    hit_at_3: int = 0
    alone_hit_at_1: int = 0
    alone_hit_at_3: int = 0
    standalone: int = 0
    standalone_same: int = 0
    off_topic: int = 0
    off_topic_refused: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def asked(self) -> int:
        """How many turns were tallied here."""
        return self.follow_ups + self.standalone + self.off_topic

    def row(self, name: str) -> str:
        """One line of the table."""
        n = self.follow_ups
        return (
            f"| {name} | {n} | {self.hit_at_1}/{n} ({_pct(self.hit_at_1, n)}) | "
            f"{self.hit_at_3}/{n} ({_pct(self.hit_at_3, n)}) | {self.alone_hit_at_1}/{n} | "
            f"{self.alone_hit_at_3}/{n} | {self.standalone_same}/{self.standalone} | "
            f"{self.off_topic_refused}/{self.off_topic} |"
        )


def found(answer: Answer, turn: dict[str, Any]) -> list[bool]:
    """For each of the top three passages: does it hold a gold substring, from the right story?"""
    return [
        any(gold in hit.chunk.text for gold in turn["gold"])
        and hit.chunk.source.id == turn["source"]
        for hit in answer.hits[:3]
    ]


def same(one: Answer, other: Answer) -> bool:
    """Whether two answers say the same: refusal, message, passages, scores and best sentences."""
    return one == replace(other, question=one.question)


def score(engine: Asks, conversations: Sequence[dict[str, Any]]) -> dict[str, Tally]:
    """Ask every turn with its history and alone; tally each split and all together (a split
    other than `SPLITS`, such as the probe's, gets a tally of its own after them)."""
    tallies = {name: Tally() for name in SPLITS}
    for conversation in conversations:
        history: list[str] = []
        for turn in conversation["turns"]:
            with_history = answer_in_context(engine, turn["q"], history, 3)
            alone = engine.ask(turn["q"], 3)
            for name in (conversation["split"], "all"):
                tally = tallies.setdefault(name, Tally())
                _tally(tally, conversation["id"], turn, with_history, alone)
            history.append(turn["q"])
    return tallies


def _tally(tally: Tally, name: str, turn: dict[str, Any], answer: Answer, alone: Answer) -> None:
    if turn.get("off_topic"):
        tally.off_topic += 1
        tally.off_topic_refused += answer.refused
        if not answer.refused:
            tally.misses.append(f"off-topic answered: {name}: {turn['q']!r}")
        return
    if not turn["follow_up"]:
        tally.standalone += 1
        tally.standalone_same += same(answer, alone)
        if not same(answer, alone):
            tally.misses.append(f"standalone changed: {name}: {turn['q']!r}")
        return
    hits, alone_hits = found(answer, turn), found(alone, turn)
    tally.follow_ups += 1
    tally.hit_at_1 += bool(hits[:1] == [True])
    tally.hit_at_3 += any(hits)
    tally.alone_hit_at_1 += bool(alone_hits[:1] == [True])
    tally.alone_hit_at_3 += any(alone_hits)
    if hits[:1] != [True]:
        got = "refused" if answer.refused else ", ".join(_where(h) for h in answer.hits[:3])
        tally.misses.append(f"follow-up {name}: {turn['q']!r} (got {got})")


def _where(hit: Any) -> str:
    return f"{hit.chunk.source.id[:12]} ¶{hit.chunk.paragraph}"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(tallies: dict[str, Tally], misses: str = "dev") -> str:
    """The report: one row per split, then each miss of the turns of split `misses`."""
    lines = [
        "| split | follow-ups | hit@1 | hit@3 | alone hit@1 | alone hit@3 | standalone same"
        " | off-topic refused |",
        "|---|---|---|---|---|---|---|---|",
        *(tally.row(name) for name, tally in tallies.items() if tally.asked),
        "",
        *(tallies[misses].misses if misses in tallies else ()),
    ]
    return "\n".join(lines)


def open_engine(data_dir: Path, work: Path) -> Any:
    """The real engine over both articles (the story and the second article)."""
    from index.engine import Engine
    from index.settings import Settings

    both = work / "both"
    both.mkdir(exist_ok=True)
    for article in (*sorted((ROOT / "corpus").glob("*.txt")), SECOND_ARTICLE):
        shutil.copy(article, both)
    settings = Settings(corpus=both, data_dir=data_dir)
    return Engine.open(settings, progress=lambda _: None)


def main(argv: list[str] | None = None) -> None:
    """Index both articles, score every conversation, print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.conversations")
    parser.add_argument("--data-dir", type=Path, help="Keep the index here between runs.")
    parser.add_argument("--json", action="store_true", help="Print the counts as JSON.")
    parser.add_argument(
        "--misses",
        default="dev",
        help="List the misses of this split (default dev: the others are for reporting).",
    )
    parser.add_argument(
        "--file",
        type=Path,
        default=CONVERSATIONS,
        help="The conversations to score (default eval/conversations.json).",
    )
    args = parser.parse_args(argv)
    conversations = json.loads(args.file.read_text(encoding="utf-8"))["conversations"]
    with tempfile.TemporaryDirectory() as work:
        engine = open_engine(args.data_dir or Path(work) / "data", Path(work))
        tallies = score(engine, conversations)
    if args.json:
        sys.stdout.write(json.dumps({k: vars(v) for k, v in tallies.items()}, indent=1) + "\n")
    else:
        sys.stdout.write(table(tallies, args.misses) + "\n")


if __name__ == "__main__":
    main()
