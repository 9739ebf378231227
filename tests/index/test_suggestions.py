"""Suggested questions: made from the corpus, never one the engine refuses, within Discord's
limits, matched against what is typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.answering.suggestions import LENGTH, LIMIT, Suggestions, candidates, suggestions
from index.corpus.articles import read_article
from index.corpus.chunking import corpus_passages
from index.engine import Engine
from index.passages import Chunk, Source
from index.vectors.paragraphs import around, fingerprint, source_key
from tests.conftest import CORPUS, SECOND_ARTICLE


@pytest.fixture(scope="module")
def passages() -> tuple[Chunk, ...]:
    """The story's and the second article's passages (no model needed)."""
    files = [*sorted(Path(CORPUS).iterdir()), SECOND_ARTICLE]
    return corpus_passages([read_article(path) for path in files])


def test_candidates_name_the_people_and_things_of_every_article(
    passages: tuple[Chunk, ...],
) -> None:
    made = candidates(passages)
    assert "Who is Ahmed al-Sharaa?" in made and "Who is Ines Varga?" in made
    assert any("shrine" in q for q in made) and any("solar" in q for q in made)
    assert all(q.endswith("?") and 0 < len(q) <= LENGTH for q in made)
    assert len({q.casefold() for q in made}) == len(made)


def test_only_what_the_engine_answers_is_kept(passages: tuple[Chunk, ...]) -> None:
    made = suggestions(passages, lambda question: "solar" in question)
    assert made.questions and all("solar" in q for q in made.questions)
    assert made.refused == made.considered - len(made.questions) > 0


def test_matching_keeps_discords_limits_and_ranks_what_starts_as_typed_first() -> None:
    found = Suggestions(tuple(f"What about the shrine {n}?" for n in range(40)), 40)
    assert len(found.matching("")) == LIMIT and len(found.matching("shr")) == LIMIT
    ranked = Suggestions(("What does it say about Assad?", "Who is Ahmed al-Sharaa?"), 2)
    assert ranked.matching("who is") == ["Who is Ahmed al-Sharaa?"]
    assert ranked.matching("al-sh") == ["Who is Ahmed al-Sharaa?"]
    assert ranked.matching("assad")[0] == "What does it say about Assad?"
    assert ranked.matching("zzz") == []


def test_a_paragraph_is_shown_with_its_neighbours(passages: tuple[Chunk, ...]) -> None:
    source = passages[0].source
    numbers = sorted({c.paragraph for c in passages if c.source == source})
    middle = numbers[len(numbers) // 2]
    shown = around(passages, source_key(source), middle)
    assert [p.number for p in shown] == [middle - 1, middle, middle + 1]
    assert all(p.text for p in shown)
    assert around(passages, source_key(Source("elsewhere", "Other")), middle) == ()


def test_the_fingerprint_changes_when_a_passage_does(passages: tuple[Chunk, ...]) -> None:
    assert fingerprint(passages) == fingerprint(tuple(passages))
    assert fingerprint(passages) != fingerprint(passages[:-1])


@pytest.mark.slow
def test_no_suggestion_of_the_story_is_refused(engine: Engine) -> None:
    made = suggestions(engine.passages(), lambda q: not engine.ask(q).refused)
    assert len(made.questions) >= 10
    assert not [q for q in made.questions if engine.ask(q).refused]
