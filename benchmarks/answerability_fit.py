"""Fit the answerability model: `python -m benchmarks.answerability_fit EVIDENCE`.

EVIDENCE is the JSON Lines dump of `python -m benchmarks.quality --evidence EVIDENCE`: each
question's evidence (`index.answering.answerability.Evidence`)
and whether the story answers it. Only the
tuning half is fitted on: SQuAD 2.0's answerable questions against its unanswerable and
other-article ones (eval/squad/, CC BY-SA 4.0), and the story's paraphrases against its
near-topic and off-topic questions (eval/*.json, ours), each story question weighing as much as
three SQuAD ones, since the story's kinds are few and the bot's purpose. The cut is the
confidence below which at most 1% of the tuning half's answerable questions fall. Writes
index/data/answerability.json: a dozen numbers anyone can read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from index.answering.answerability import FEATURES

OUT = Path(__file__).resolve().parent.parent / "index" / "data" / "answerability.json"
STORY_WEIGHT = 3.0
C = 0.3
"""Inverse regularisation strength; with the story's weight, chosen on the tuning half."""
REFUSED_ANSWERABLE = 0.01
FITTED = ("answerable", "other-article", "near-topic", "off-topic")
"""SQuAD's unanswerable questions are left out of the fit: written to look answerable from a
paragraph that does not answer them, they share every feature with the answerable ones, and
fitting on them flattens the model until it stops refusing questions off the story."""


ABLATION = (
    ("dense score only", ("dense", "dense_below_35", "dense_below_50")),
    ("+ lead over the second, BM25", ("gap", "lexical")),
    ("+ concepts in the passage and the story", ("passage_share", "story_share", "concepts")),
    (
        "+ names, things and verb forms the story lacks",
        ("missing_named", "missing_plain", "missing_verbal", "absent_most"),
    ),
    ("+ kind of answer and thing asked for", ("kind_unmet", "focus_absent")),
    (
        "+ about the article, share × dense (StoryBot)",
        ("about_article", "passage_share_x_dense", "story_share_x_dense"),
    ),
)
"""Signals added in turn for the ablation table (docs/quality.md)."""


def fit(
    rows: list[dict[str, object]], c: float = C, used: tuple[str, ...] = FEATURES
) -> dict[str, object]:
    """The fitted model as index/data/answerability.json holds it; features not `used` get a
    weight of 0."""
    tune = [
        r
        for r in rows
        if r["split"] == "tune" and r["kind"] in FITTED and r["family"] in ("squad", "story")
    ]
    keep = np.array([name in used for name in FEATURES])
    x = np.array([r["features"] for r in tune], dtype=float) * keep
    y = np.array([r["kind"] == "answerable" for r in tune])
    weight = np.array([STORY_WEIGHT if r["family"] == "story" else 1.0 for r in tune])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, y, sample_weight=weight)
    confidence = model.predict_proba((x - mean) / scale)[:, 1]
    answerable = np.sort(confidence[y])
    cut = float(answerable[int(len(answerable) * REFUSED_ANSWERABLE)])
    return {
        "features": list(FEATURES),
        "weights": [round(float(w), 4) for w in model.coef_[0]],
        "mean": [round(float(m), 4) for m in mean],
        "scale": [round(float(s), 4) for s in scale],
        "bias": round(float(model.intercept_[0]), 4),
        "cut": round(cut, 4),
        "fitted_on": {"questions": len(tune), "answerable": int(y.sum())},
    }


def refusals(model: dict[str, Any], rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """How often each family and kind is refused on the reporting half under `model`."""
    w, m, s = (np.array(model[k]) for k in ("weights", "mean", "scale"))
    counts: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        if r["split"] != "report":
            continue
        z = float((np.array(r["features"]) - m) / s @ w) + model["bias"]
        cell = counts.setdefault((r["family"], r["kind"]), [0, 0])
        cell[0] += 1.0 / (1.0 + np.exp(-z)) < model["cut"]
        cell[1] += 1
    return {key: f"{n}/{total}" for key, (n, total) in counts.items()}


def ablation(rows: list[dict[str, Any]]) -> list[str]:
    """The refusal table with the signals added in turn, refitted each time."""
    columns = (
        ("squad", "answerable"),
        ("squad", "other-article"),
        ("squad", "unanswerable"),
        ("story", "answerable"),
        ("story", "near-topic"),
        ("story", "off-topic"),
    )
    lines = [
        "| signals | " + " | ".join(f"{f} {k} refused" for f, k in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    used: tuple[str, ...] = ()
    for name, added in ABLATION:
        used = (*used, *added)
        counts = refusals(fit(rows, used=used), rows)
        lines.append(f"| {name} | " + " | ".join(counts.get(c, "–") for c in columns) + " |")
    return lines


def main(argv: list[str] | None = None) -> None:
    """Fit on the dump and write the model."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.answerability_fit")
    parser.add_argument("evidence", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--ablation", action="store_true", help="print the ablation table only")
    args = parser.parse_args(argv)
    lines = args.evidence.read_text().splitlines()
    rows = [json.loads(line) for line in lines if line]
    if args.ablation:
        print("\n".join(ablation(rows)))
        return
    fitted = fit(rows)
    args.out.write_text(json.dumps(fitted, indent=1) + "\n")
    for name, weight in zip(FEATURES, fitted["weights"], strict=True):  # type: ignore[call-overload]
        print(f"{name:15} {weight:+.3f}")
    print(f"cut {fitted['cut']}")


if __name__ == "__main__":
    main()
