"""The question sets the quality benchmark asks, and the corpora they are asked against.

SQuAD 2.0 (eval/squad/, CC BY-SA 4.0, see its README): each article is its own corpus, with its
answerable, unanswerable and other-article questions; the articles are split by position in
title order into a tuning half (even positions, 12 articles) and a reporting half (odd, 11).
The story: the development set, the calibration set and eval/story_probe.json (paraphrases,
near-topic and far off-topic), split the same way within each list; the second article is asked
with both articles indexed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from index.settings import SHIPPED_CORPUS

ROOT = Path(__file__).resolve().parent.parent
SQUAD = ROOT / "eval" / "squad"
STORY_CORPUS = SHIPPED_CORPUS
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
HELDOUT = (
    "story_heldout",
    "story_heldout2",
    "story_heldout3",
    "story_heldout4",
    "story_heldout5",
    "story_heldout6",
    "story_heldout7",
    "story_heldout8",
    "story_heldout9",
    "story_heldout10",
)
"""The story's reporting sets, written by people who had seen only the article and never read
once scored (README, "How refusal works")."""
STORY_SETS = ("story_questions", "calibration", "story_probe", *HELDOUT)
REPORT_ONLY = frozenset(HELDOUT)
"""Sets whose every question is in the reporting half: never fitted or tuned on."""
TUNING_ONLY = (
    "story_tune2",
    "story_tune3",
    "story_tune4",
    "story_tune5",
    "story_tune6",
    "story_tune7",
    "story_tune8",
    "story_tune9",
    "story_tune10",
)
"""Story sets of ours that are tuned on and not asked by this benchmark (README, "How refusal
works"): a reporting set shares no question with them."""


@dataclass(frozen=True)
class Item:
    """One question, what it should get, and where it belongs in the report."""

    question: str
    kind: str
    """"answerable", "unanswerable", "other-article", "near-topic" or "off-topic"."""
    family: str
    """"squad" or "story"."""
    split: str
    """"tune" or "report"."""
    corpus: str
    paragraph: int | None = None
    gold: tuple[str, ...] = ()
    """Substrings of a passage that answers it (story sets) or SQuAD's answer texts."""
    source: str | None = None
    collection: str = ""
    """The question file it comes from (story sets)."""


def squad_articles(squad: Path = SQUAD) -> list[str]:
    """SQuAD article titles, sorted."""
    return sorted(p.stem for p in (squad / "articles").glob("*.txt"))


def squad_items(squad: Path = SQUAD) -> list[Item]:
    """Every SQuAD question, each asked against its own article's corpus."""
    split = {t: ("tune" if i % 2 == 0 else "report") for i, t in enumerate(squad_articles(squad))}
    items = []
    for line in (squad / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append(
            Item(
                row["q"],
                row["kind"],
                "squad",
                split[row["article"]],
                f"squad/{row['article']}",
                row.get("paragraph") if row["kind"] == "answerable" else None,
                tuple(row.get("answers", ())),
            )
        )
    return items


def squad_together(squad: Path = SQUAD) -> list[Item]:
    """SQuAD's answerable and unanswerable questions again, all 23 articles in one corpus: an
    answer must now also come from the right article."""
    return [
        Item(
            i.question,
            i.kind,
            "squad-all",
            i.split,
            "squad-all",
            i.paragraph,
            i.gold,
            i.corpus.removeprefix("squad/") if i.kind == "answerable" else None,
        )
        for i in squad_items(squad)
        if i.kind in ("answerable", "unanswerable")
    ]


def story_items() -> list[Item]:
    """The story's sets, tuning and reporting halves alternating within each list."""
    items = []
    for name in STORY_SETS:
        data = json.loads((ROOT / "eval" / f"{name}.json").read_text(encoding="utf-8"))
        for kind, key in (("answerable", "in_scope"), ("near-topic", "near_topic")):
            for i, entry in enumerate(data.get(key, [])):
                q, gold = (
                    (entry["q"], tuple(entry["gold"]))
                    if isinstance(entry, dict)
                    else (
                        entry,
                        (),
                    )
                )
                split = "report" if name in REPORT_ONLY else _half(i)
                items.append(Item(q, kind, "story", split, "story", gold=gold, collection=name))
        for i, q in enumerate(data.get("out_of_scope", [])):
            items.append(Item(q, "off-topic", "story", _half(i), "story"))
    second = json.loads((ROOT / "eval" / "second_article.json").read_text(encoding="utf-8"))
    for i, entry in enumerate(second["in_scope"]):
        items.append(
            Item(
                entry["q"],
                "answerable",
                "story",
                _half(i),
                "both",
                gold=tuple(entry["gold"]),
                source=entry["source"],
            )
        )
    for i, q in enumerate(second["out_of_scope"]):
        items.append(Item(q, "off-topic", "story", _half(i), "both"))
    return items


def corpora(work: Path, squad: Path = SQUAD) -> Iterator[tuple[str, Path]]:
    """Each corpus the items name, laid out as a corpus folder under `work`."""
    yield "story", STORY_CORPUS
    both = work / "corpus-both"
    if not both.exists():
        shutil.copytree(STORY_CORPUS, both)
        shutil.copy(SECOND_ARTICLE, both)
    yield "both", both
    together = work / "corpus-squad-all"
    if not together.exists():
        shutil.copytree(squad / "articles", together, ignore=shutil.ignore_patterns("*.md"))
    yield "squad-all", together
    for title in squad_articles(squad):
        folder = work / "corpus-squad" / title
        if not folder.exists():
            folder.mkdir(parents=True)
            shutil.copy(squad / "articles" / f"{title}.txt", folder)
        yield f"squad/{title}", folder


def _half(position: int) -> str:
    return "tune" if position % 2 == 0 else "report"
