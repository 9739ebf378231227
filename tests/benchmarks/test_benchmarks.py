"""The benchmark suite's own logic: its questions, generated corpus and table (no timings)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks.__main__ import Outcome, arguments
from benchmarks.figures import Figure, Target, table
from benchmarks.followups import timed_turns
from benchmarks.measure import Clock
from benchmarks.newswire import write_corpus
from benchmarks.quality_sets import REPORT_ONLY, TUNING_ONLY, story_items
from benchmarks.questions import questions
from benchmarks.robustness import SEED, changes
from index.answering.vocabulary import apart
from index.corpus.articles import read_corpus
from index.corpus.chunking import passages_for
from index.passages import Answer

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("count", [400, 410])  # the benchmarks time 400 after 10 to warm up
def test_distinct_questions_the_same_every_time(count: int) -> None:
    asked = questions(count)
    assert len(set(asked)) == count
    assert asked == questions(count)
    assert sum("Syria" in q or "al-Sharaa" in q or "ISIS" in q for q in asked) > count // 10


def test_no_question_is_copied_from_the_evaluation_sets() -> None:
    written = set()
    for path in (ROOT / "eval").glob("*.json"):
        for rows in json.loads(path.read_text(encoding="utf-8")).values():
            if isinstance(rows, list):
                turns = [
                    turn for row in rows if isinstance(row, dict) for turn in row.get("turns", [])
                ]
                rows = [row for row in rows if not (isinstance(row, dict) and "turns" in row)]
                written |= {(row["q"] if isinstance(row, dict) else row).lower() for row in rows}
                written |= {turn["q"].lower() for turn in turns}
    assert written and not written & {q.lower() for q in questions(410)}


@pytest.mark.parametrize("passages", [3, 7, 200])
def test_the_generated_corpus_chunks_into_the_passages_asked_for(
    tmp_path: Path, passages: int
) -> None:
    write_corpus(tmp_path, passages)
    chunks = [chunk for article in read_corpus(tmp_path) for chunk in passages_for(article)]
    assert len(chunks) == passages
    body = [chunk.text for chunk in chunks if chunk.kind == "body"]
    assert len(set(body)) == len(body)
    assert any("," in text for text in body)


def test_the_generated_corpus_is_the_same_every_time(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 150)
    write_corpus(tmp_path / "b", 150)
    first, second = (sorted((tmp_path / n).iterdir()) for n in "ab")
    assert [p.read_text() for p in first] == [p.read_text() for p in second]


def test_ratios_and_verdicts() -> None:
    faster = Figure("warm p50", "s", 0.006, 0.010, "floor warm p50", Target(0.7))
    slower = Figure("cold", "s", 12.0, 10.0, "floor process", Target(1.1))
    build = Figure("build", "passages/s", 90.0, 100.0, "raw", Target(0.8, at_least=True))
    untargeted = Figure("warm p99", "s", 0.02, 0.01, "floor warm p99")
    assert faster.ratio == pytest.approx(0.6) and faster.ok is True
    assert slower.ratio == pytest.approx(1.2) and slower.ok is False
    assert build.ratio == pytest.approx(0.9) and build.ok is True
    assert untargeted.ok is None and untargeted.as_json()["target"] is None
    assert faster.as_json()["ratio"] == 0.6 and faster.as_json()["target"] == "≤ 0.7"


def test_the_table_has_a_row_a_figure_with_its_verdict() -> None:
    rows = table(
        [
            Figure("warm p50", "s", 0.006, 0.010, "floor warm p50", Target(0.7)),
            Figure("cold", "s", 12.0, 10.0, "floor process", Target(1.1)),
            Figure("bot RSS", "MB", 500.0, 550.0, "floor process"),
        ]
    ).splitlines()
    assert rows[0].split() == ["figure", "StoryBot", "reference", "ratio", "target"]
    assert "6.0 ms" in rows[2] and "10.0 ms (floor warm p50)" in rows[2]
    assert rows[2].endswith("≤ 0.7   ok") and rows[3].endswith("MISS")
    assert "12.00 s" in rows[3]
    assert rows[4].split()[-4:] == ["MB", "(floor", "process)", "0.91"]  # no target, no verdict


def test_the_command_line_defaults_and_stages() -> None:
    assert arguments([]).scale == 20_000 and arguments(["--quick"]).scale == 2_000
    assert arguments(["--quick", "--scale", "500"]).scale == 500
    assert arguments(["--only", "warm,scale"]).only == ["warm", "scale"]
    with pytest.raises(SystemExit):
        arguments(["--only", "warm,speed"])


def test_the_noise_of_other_processes_is_their_share_of_the_cpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    start, end = Clock(wall=0.0, machine=100.0, own=5.0), Clock(wall=10.0, machine=115.0, own=10.0)
    assert end.others_since(start) == pytest.approx(0.5)  # 10 of 20 CPU-seconds were others'
    quiet = Outcome(others_cpu_share={"warm": 0.02, "scale": 0.5})
    assert quiet.noise_note() == (
        "Other processes used the CPUs during: scale 50%. Re-run when quiet."
    )
    assert Outcome(others_cpu_share={"warm": 0.02}).noise_note() == ""


def test_a_conversation_is_timed_turn_by_turn_after_its_first_question() -> None:
    asked: list[tuple[str, int | None]] = []

    class Engine:
        def ask(self, typed: str, k: int | None = None) -> Answer:
            asked.append((typed, k))
            return Answer(typed, refused=True, message="no")

        def rank(self, typed: str, k: int) -> tuple[()]:
            return ()

    seconds = timed_turns(Engine(), ["Who leads Syria?", "What did he say?", "When?"])
    assert len(seconds) == 2
    assert all(s >= 0 for s in seconds)
    assert asked[0] == ("Who leads Syria?", 3)  # answered alone before the first follow-up
    assert ("What did he say?", 3) in asked and ("When?", 3) in asked


def test_the_robustness_benchmark_changes_each_question_one_habit_at_a_time() -> None:
    question = "Why are both sides willing to trade intel?"
    made = {name: change(question) for name, change in changes(random.Random(SEED)).items()}
    again = {name: change(question) for name, change in changes(random.Random(SEED)).items()}

    assert made == again  # seeded: the same slips every run
    assert made['greeting ("hey, …")'] == f"hey, {question}"
    assert made['no "?"'] == question[:-1] and made['"??"'] == f"{question[:-1]}??"
    after = made['a filler after it ("… i guess?", "… bro?")']
    assert after.startswith(question[:-1] + " ") and after.endswith("?") and after != question
    before = made['a word to the reader before it ("bro …", "remind me …")']
    assert before.endswith(" why are both sides willing to trade intel?")
    typed, meant = made["one slip in a word"].split(), question.split()
    changed = [(a, b) for a, b in zip(typed, meant, strict=True) if a != b]
    assert len(changed) == 1 and apart(*changed[0], 1) == 1


def test_every_gold_phrase_of_the_conversation_sets_is_in_the_story_it_names() -> None:
    # A miss must mean the engine missed, never that the gold phrase is nowhere to be found.
    stories = {
        "us-syria-intelligence-sharing": read_corpus(ROOT / "corpus")[0].text,
        "second-article": (ROOT / "tests" / "fixtures" / "second-article.md").read_text(),
    }
    for name in ("conversations.json", "conversations_probe.json"):
        data = json.loads((ROOT / "eval" / name).read_text(encoding="utf-8"))
        turns = [turn for c in data["conversations"] for turn in c["turns"]]
        asked = [turn for turn in turns if not turn.get("off_topic")]
        assert len(asked) > 40, name
        for turn in asked:
            assert turn["gold"], turn["q"]
            assert all(gold in stories[turn["source"]] for gold in turn["gold"]), turn["q"]


def test_every_gold_phrase_of_the_story_sets_is_in_the_story() -> None:
    story = read_corpus(ROOT / "corpus")[0].text
    for path in [*sorted((ROOT / "eval").glob("story_*.json")), ROOT / "eval" / "calibration.json"]:
        answerable = json.loads(path.read_text(encoding="utf-8"))["in_scope"]
        assert answerable, path.name
        for entry in answerable:
            assert entry["gold"] and all(gold in story for gold in entry["gold"]), entry["q"]


def test_no_reported_story_question_is_also_in_a_set_tuned_on() -> None:
    # A question read or tuned on is no measure of what carries over, however it is worded.
    def asked(name: str) -> set[str]:
        data = json.loads((ROOT / "eval" / f"{name}.json").read_text(encoding="utf-8"))
        rows = [*data.get("in_scope", []), *data.get("near_topic", [])]
        return {(row["q"] if isinstance(row, dict) else row).lower() for row in rows}

    tuned = {item.question.lower() for item in story_items() if item.split == "tune"}
    tuned |= set().union(*map(asked, TUNING_ONLY))
    for name in sorted(REPORT_ONLY):
        assert asked(name), name
        assert not asked(name) & tuned, name
