"""The summary benchmark's vector cache and its settings parser."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from benchmarks.summary import VectorCache, describe, plan_from
from index.corpus.articles import read_article
from index.summary.extractive import Plan
from tests.index.conftest import HashingEmbedder

TEXT = "A headline\n\nThe council approved the budget on Monday. Residents had asked for more.\n"


def test_an_article_is_encoded_once_and_again_only_when_its_text_changes(tmp_path: Path) -> None:
    embedder = HashingEmbedder()
    cache = VectorCache(tmp_path / "work", "test-model", lambda: embedder)
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    first = cache.vectors(read_article(path))
    again = cache.vectors(read_article(path))
    calls = embedder.calls
    path.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    cache.vectors(read_article(path))
    assert np.array_equal(first, again) and calls == 1
    assert embedder.calls == 2


def test_a_plan_is_read_from_the_command_line_with_each_field_typed() -> None:
    plan = plan_from("learned=True,target_chars=450,more=-1.5")
    assert plan == Plan(learned=True, target_chars=450, more=-1.5)
    assert plan_from("learned=false").learned is False
    assert describe(plan) == "target_chars=450, learned=True, more=-1.5"
    assert describe(Plan()) == "StoryBot"
