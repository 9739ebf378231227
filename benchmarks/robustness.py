"""`python -m benchmarks.robustness`: the story's questions typed as people type them in a chat.

Each tuning-half question about the story (the quality benchmark's, with eval/story_tune2.json's)
is asked as written, then again with one change a chat brings: a greeting before it ("hey, "), a
request around it ("can you tell me "), thanks or "lol" after it, "tho" before its question mark,
"ngl" before it, a phone's apostrophe, all in lower case or in capitals, opened with "so",
labelled "Q:", between quote marks, asked of anyone, with an aside after it, without its
question mark, with "??", with a filler after it ("i guess", "bro", "or smth") or a word to the
reader before it ("remind me", "genuinely curious,"), with a letter of a word typed three times,
or with one slip in a word
of five letters or more (neighbours swapped, a letter dropped or doubled; seeded). For the
questions the story answers, a change should leave the answer alone: the share whose first
passage stays the same, and how many are refused instead. For the near-topic ones, the share
still refused. Only the tuning half is asked: these are the questions a rule may be fitted on.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.quality import open_engines
from benchmarks.quality_sets import ROOT, story_items
from index.engine import Engine
from index.passages import Answer

SEED = 7
SLIPS = 3
"""Slipped copies of each question."""


def _in_a_long_word(rng: random.Random, edit: Callable[[str], str]) -> Callable[[str], str]:
    """The question with one of its words of five letters or more, chosen by `rng`, edited."""

    def changed(question: str) -> str:
        words = question.split()
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if not long:
            return question
        at = rng.choice(long)
        words[at] = edit(words[at])
        return " ".join(words)

    return changed


def _slip(rng: random.Random) -> Callable[[str], str]:
    def slipped(word: str) -> str:
        i = rng.randrange(1, len(word) - 2)
        return rng.choice(
            [
                word[:i] + word[i + 1] + word[i] + word[i + 2 :],
                word[:i] + word[i + 1 :],
                word[:i] + word[i] + word[i:],
            ]
        )

    return _in_a_long_word(rng, slipped)


def _held(rng: random.Random) -> Callable[[str], str]:
    def held(word: str) -> str:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i] * 2 + word[i:]

    return _in_a_long_word(rng, held)


FILLERS_AFTER = ("i guess", "bro", "fr", "or smth", "and stuff", "exactly", "lmk", "i think")
"""What chat puts after a question (one of them, chosen by a seeded draw, before its mark)."""
FILLERS_BEFORE = ("bro", "dude", "remind me", "genuinely curious,", "real talk,", "ok so")
"""What chat puts before a question, to the reader (one of them, a seeded draw)."""
PREFACES = (
    "Sorry to bother you,",
    "Sorry if this is a dumb question, but",
    "English is not my first language, sorry.",
    "I don't have much time,",
    "Not sure if you know, but",
    "Excuse me,",
)
"""What an asker says of themselves or of asking before a question (a seeded draw)."""


TOLD = (
    "I read about this story, so",
    "I saw the news about Syria, but",
    "I heard about the foiled plot,",
    "I know a bit about the war, but",
)
"""What an asker says they read or heard before a question (a seeded draw)."""


STATEMENTS = (
    "This story caught my eye.",
    "My friend sent me this article.",
    "I was reading the news this morning.",
    "I have followed the Middle East for years.",
)
"""A sentence an asker writes before their question (a seeded draw)."""
COURTESIES = (
    lambda q: f"{q.rstrip('?')}, if I may ask?",
    lambda q: f"Would you kindly tell me {q[:1].lower()}{q[1:]}",
    lambda q: f"Forgive my curiosity, but {q[:1].lower()}{q[1:]}",
)
"""How a courteous asker wraps a question (a seeded draw)."""


def _stated(rng: random.Random) -> Callable[[str], str]:
    return lambda question: f"{rng.choice(STATEMENTS)} {question}"


def _courteous(rng: random.Random) -> Callable[[str], str]:
    return lambda question: rng.choice(COURTESIES)(question)


def _prefaced(rng: random.Random, openings: tuple[str, ...]) -> Callable[[str], str]:
    return lambda question: f"{rng.choice(openings)} {question[:1].lower()}{question[1:]}"


def _filled(rng: random.Random) -> Callable[[str], str]:
    return lambda question: f"{question.rstrip('?')} {rng.choice(FILLERS_AFTER)}?"


def changes(rng: random.Random) -> dict[str, Callable[[str], str]]:
    """Each kind of change, as a function of the question."""
    return {
        'greeting ("hey, …")': lambda q: f"hey, {q}",
        'request ("can you tell me …")': lambda q: f"can you tell me {q[:1].lower()}{q[1:]}",
        'thanks after ("… thanks!")': lambda q: f"{q} thanks!",
        'chat after ("… lol")': lambda q: f"{q} lol",
        'chat word before its mark ("… tho?")': lambda q: f"{q.rstrip('?')} tho?",
        'chat word before it ("ngl …")': lambda q: f"ngl {q[:1].lower()}{q[1:]}",
        "phone apostrophe (’)": lambda q: q.replace("'", "’"),
        "lower case": str.lower,
        "all in capitals": str.upper,
        'opened with "so"': lambda q: f"so {q[:1].lower()}{q[1:]}",
        'labelled ("Q: …")': lambda q: f"Q: {q}",
        "between quote marks": lambda q: f'"{q}"',
        'asked of anyone ("anyone know …")': lambda q: f"anyone know {q[:1].lower()}{q[1:]}",
        'an aside after it ("… (asking for a friend)")': lambda q: f"{q} (asking for a friend)",
        'no "?"': lambda q: q.rstrip("?"),
        '"??"': lambda q: q.rstrip("?") + "??",
        'a filler after it ("… i guess?", "… bro?")': _filled(random.Random(SEED)),
        'a word to the reader before it ("bro …", "remind me …")': _prefaced(
            random.Random(SEED), FILLERS_BEFORE
        ),
        'a word of the asker\'s own before it ("Sorry to bother you, …")': _prefaced(
            random.Random(SEED), PREFACES
        ),
        'what the asker heard before it ("I read about this story, so …")': _prefaced(
            random.Random(SEED), TOLD
        ),
        'a sentence before it ("This story caught my eye. …")': _stated(random.Random(SEED)),
        'a courtesy ("…, if I may ask?", "Would you kindly tell me …")': _courteous(
            random.Random(SEED)
        ),
        'a key held down ("Syyyria")': _held(random.Random(SEED)),
        "one slip in a word": _slip(rng),
    }


def questions() -> tuple[list[str], list[str]]:
    """The story's tuning-half questions: those it answers, and the near-topic ones."""
    items = [i for i in story_items() if i.split == "tune" and i.corpus == "story"]
    answerable = [i.question for i in items if i.kind == "answerable"]
    near = [i.question for i in items if i.kind == "near-topic"]
    extra = json.loads((ROOT / "eval" / "story_tune2.json").read_text(encoding="utf-8"))
    answerable += [entry["q"] for entry in extra["in_scope"]]
    near += [entry if isinstance(entry, str) else entry["q"] for entry in extra["near_topic"]]
    return answerable, near


def _first(answer: Answer) -> object:
    return None if answer.refused or not answer.hits else answer.hits[0].chunk


def run(engine: Engine) -> list[dict[str, object]]:
    """One row a kind of change: how the answers and refusals held."""
    answerable, near = questions()
    answered = [(q, _first(engine.ask(q))) for q in answerable]
    answered = [(q, first) for q, first in answered if first is not None]
    refused = [q for q in near if engine.ask(q).refused]
    rows = []
    for name, change in changes(random.Random(SEED)).items():
        copies = SLIPS if name == "one slip in a word" else 1
        asked = [(engine.ask(change(q)), first) for q, first in answered for _ in range(copies)]
        same = sum(_first(answer) == first for answer, first in asked)
        lost = sum(answer.refused for answer, _ in asked)
        kept = sum(engine.ask(change(q)).refused for q in refused)
        rows.append(
            {"change": name, "asked": len(asked), "same": same, "refused": lost,
             "near_refused": len(refused), "near_kept": kept}
        )  # fmt: skip
    return rows


def table(rows: list[dict[str, object]]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| change | answered questions asked | same first passage | refused instead |"
        " near-topic refusals kept |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        asked, same = int(str(r["asked"])), int(str(r["same"]))
        lines.append(
            f"| {r['change']} | {asked} | {same} ({same / asked:.0%}) | {r['refused']} |"
            f" {r['near_kept']}/{r['near_refused']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.robustness", description=__doc__)
    parser.add_argument("--work", type=Path, help="keep the index here between runs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        engine = open_engines(work, {"story"})["story"]
        print(table(run(engine)))
    print(f"\nSlips seeded with {SEED}; {SLIPS} slipped copies of each question.")


if __name__ == "__main__":
    main()
