"""Fixtures shared by the engine and bot tests: paths, the real engine, settings in a temp dir."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import SHIPPED_CORPUS, Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = SHIPPED_CORPUS
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
DEV_QUESTIONS = ROOT / "eval" / "story_questions.json"


@pytest.fixture(scope="session")
def story_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over the shipped corpus, with the index in a session temp folder."""
    return Settings(corpus=CORPUS, data_dir=tmp_path_factory.mktemp("data"), _env_file=None)


@pytest.fixture(scope="session")
def engine(story_settings: Settings) -> Engine:
    """The real engine with the real model over the shipped article, built once a session."""
    return Engine.open(story_settings, progress=lambda _: None)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the shipped corpus."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    yield folder
