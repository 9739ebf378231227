"""The quality benchmark's tables: retrieval and refusal by set and half, baselines, calibration."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from benchmarks.quality_sets import REPORT_ONLY, ROOT

DOC = ROOT / "docs" / "quality.md"
Row = dict[str, Any]
BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
BASELINE_REFUSAL = 0.01
"""The baselines refuse below the dense score that refuses this share of tuning answerables."""


def share(rows: list[Row], test: Callable[[Row], bool]) -> str:
    """`n/N (p%)` of the rows passing `test`."""
    if not rows:
        return "–"
    n = sum(1 for r in rows if test(r))
    return f"{n}/{len(rows)} ({100 * n / len(rows):.1f}%)"


def _of(rows: list[Row], family: str, split: str, kind: str) -> list[Row]:
    return [r for r in rows if r["family"] == family and r["split"] == split and r["kind"] == kind]


def squad_table(results: dict[str, Any]) -> list[str]:
    """SQuAD, each article its own corpus: StoryBot and the two baselines, by half."""
    lines = [
        "| SQuAD 2.0, each article its own corpus | half | hit@1 | hit@3 | answerable refused "
        "| other-article refused | unanswerable refused | bold sentence holds the answer |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows, base = results["rows"], results["baselines"]
    cut = _baseline_cut(base)
    for split in ("tune", "report"):
        ans = _of(rows, "squad", split, "answerable")
        top = [r for r in ans if r.get("rank") == 1]
        lines.append(
            f"| StoryBot | {split} | {share(ans, lambda r: r.get('rank') == 1)} "
            f"| {share(ans, lambda r: r.get('rank') in (1, 2, 3))} "
            f"| {share(ans, lambda r: r['refused'])} "
            f"| {share(_of(rows, 'squad', split, 'other-article'), lambda r: r['refused'])} "
            f"| {share(_of(rows, 'squad', split, 'unanswerable'), lambda r: r['refused'])} "
            f"| {share(top, lambda r: r.get('bold_has_answer', False))} |"
        )
        lines += _baseline_rows(base, split, cut)
    lines.append("")
    lines.append(
        f"The dense baseline refuses below a cosine of {cut:.3f}: the score under which "
        f"{BASELINE_REFUSAL:.0%} of the tuning half's answerable questions fall."
    )
    return lines


def removed_table(results: dict[str, Any]) -> list[str]:
    """Near-topic questions at scale: SQuAD questions with their answering paragraph taken out."""
    lines = [
        "| SQuAD 2.0, answering paragraph taken out | half | refused |",
        "|---|---|---|",
    ]
    for split in ("tune", "report"):
        removed = _of(results["rows"], "squad", split, "removed")
        lines.append(f"| StoryBot | {split} | {share(removed, lambda r: r['refused'])} |")
    return lines


def _baseline_rows(base: list[Row], split: str, cut: float) -> list[str]:
    answerable = _of(base, "squad", split, "answerable")

    def refused(kind: str) -> str:
        return share(_of(base, "squad", split, kind), lambda r: bool(r["dense_top"] < cut))

    def ranked(key: str, test: Callable[[Any], bool]) -> str:
        return share(answerable, lambda r: test(r[key]))

    dense = (
        f"| MiniLM + FAISS, paragraphs | {split} | {ranked('dense_rank', lambda n: n == 1)} "
        f"| {ranked('dense_rank', lambda n: n is not None)} | {refused('answerable')} "
        f"| {refused('other-article')} | {refused('unanswerable')} | – |"
    )
    lexical = (
        f"| BM25, paragraphs | {split} | {ranked('bm25_rank', lambda n: n == 1)} "
        f"| {ranked('bm25_rank', lambda n: n is not None)} | – | – | – | – |"
    )
    return [dense, lexical]


def together_table(results: dict[str, Any]) -> list[str]:
    """SQuAD with all 23 articles in one corpus: the right article and paragraph, by half."""
    rows, base = results["rows"], results["baselines"]
    lines = [
        "| SQuAD 2.0, all 23 articles in one corpus | half | hit@1 | hit@3 | answerable refused "
        "| unanswerable refused |",
        "|---|---|---|---|---|---|",
    ]
    for split in ("tune", "report"):
        ans = _of(rows, "squad-all", split, "answerable")
        unanswerable = _of(rows, "squad-all", split, "unanswerable")
        lines.append(
            f"| StoryBot | {split} | {_answered(ans)} "
            f"| {share(unanswerable, lambda r: r['refused'])} |"
        )
        b = _of(base, "squad-all", split, "answerable")
        for name, key in (("MiniLM + FAISS, paragraphs", "dense"), ("BM25, paragraphs", "bm25")):
            lines.append(f"| {name} | {split} | {_ranked(b, key)} | – | – |")
    return lines


def _answered(rows: list[Row]) -> str:
    """StoryBot's hit@1, hit@3 and answerable-refused cells."""
    first = share(rows, lambda r: r.get("rank") == 1)
    within = share(rows, lambda r: r.get("rank") in (1, 2, 3))
    return f"{first} | {within} | {share(rows, lambda r: r['refused'])}"


def _ranked(rows: list[Row], key: str) -> str:
    """A baseline's hit@1 and hit@3 cells."""
    first = share(rows, lambda r: bool(r[f"{key}_rank"] == 1))
    within = share(rows, lambda r: r[f"{key}_rank"] is not None)
    return f"{first} | {within}"


def story_table(results: dict[str, Any]) -> list[str]:
    """The story's questions: paraphrases found and refused, near-topic and off-topic refused."""
    rows = results["rows"]
    lines = [
        "| story sets | half | hit@1 | hit@3 | answerable refused | near-topic refused "
        "| off-topic refused |",
        "|---|---|---|---|---|---|---|",
    ]
    for split in ("tune", "report"):
        ans = _of(rows, "story", split, "answerable")
        lines.append(
            f"| StoryBot | {split} | {_answered(ans)} "
            f"| {share(_of(rows, 'story', split, 'near-topic'), lambda r: r['refused'])} "
            f"| {share(_of(rows, 'story', split, 'off-topic'), lambda r: r['refused'])} |"
        )
    for name in sorted(REPORT_ONLY):
        held = [r for r in rows if r.get("set") == name]
        ans = [r for r in held if r["kind"] == "answerable"]
        near = [r for r in held if r["kind"] == "near-topic"]
        lines.append(
            f"| of which eval/{name}.json | report | {_answered(ans)} "
            f"| {share(near, lambda r: r['refused'])} | – |"
        )
    return lines


def calibration_table(results: dict[str, Any], adversarial: bool) -> list[str]:
    """Reliability on the reporting half: confidence bins against how often the story answers;
    with or without SQuAD's unanswerable questions, which the model is not fitted on."""
    rows = [
        r
        for r in results["rows"]
        if r["split"] == "report"
        and r["kind"] != "removed"
        and (adversarial or r["kind"] != "unanswerable")
    ]
    lines = ["| confidence | questions | answerable share | mean confidence |", "|---|---|---|---|"]
    for low, high in itertools.pairwise(BINS):
        inside = [r for r in rows if low <= r["confidence"] < high]
        if not inside:
            continue
        real = sum(r["kind"] == "answerable" for r in inside) / len(inside)
        mean = sum(r["confidence"] for r in inside) / len(inside)
        lines.append(f"| {low:.1f}–{min(high, 1):.1f} | {len(inside)} | {real:.2f} | {mean:.2f} |")
    return lines


def write_report(results: dict[str, Any]) -> str:
    """The tables as Markdown, also written to docs/quality.md."""
    text = "\n".join(
        [
            "# Answer quality on real questions",
            "",
            "Generated by `python -m benchmarks.quality`. Tuning half: SQuAD articles at even",
            "positions in title order and even positions of each story list; reporting half: the",
            "rest, never fitted on.",
            "",
            *squad_table(results),
            "",
            *together_table(results),
            "",
            "Near the subject but not answered: each SQuAD question asked of its own article",
            "with the paragraph that answers it taken out of the search (benchmarks/",
            "quality_removed.py). Not fitted on: as negatives in the fit they raised their own",
            "refusals on the reporting half from 42/440 to 134/440, but the story's near-topic",
            "refusals fell from 8/22 to 2/22 and other articles' from 159/165 to 142/165.",
            "",
            *removed_table(results),
            "",
            *story_table(results),
            "",
            "What each signal adds: the answerability model refitted on the tuning half with the",
            "signals added in turn, refusals counted on the reporting half (answerable refused is",
            "an error; the rest should be refused):",
            "",
            *results.get("ablation", []),
            "",
            "Calibration on the reporting half, SQuAD and story together, without SQuAD's",
            "unanswerable questions (the kinds the model is fitted on):",
            "",
            *calibration_table(results, adversarial=False),
            "",
            "The same with SQuAD's unanswerable questions, written to look answerable from a",
            "paragraph that does not answer them: most get a high confidence.",
            "",
            *calibration_table(results, adversarial=True),
            "",
        ]
    )
    DOC.write_text(text)
    return text


def _baseline_cut(base: list[Row]) -> float:
    scores = sorted(r["dense_top"] for r in _of(base, "squad", "tune", "answerable"))
    return scores[int(len(scores) * BASELINE_REFUSAL)] if scores else 0.0
