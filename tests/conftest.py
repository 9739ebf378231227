"""Fixtures shared by the engine and bot tests: paths, the real engine, settings in a temp dir."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import SHIPPED_CORPUS, Settings
from tests.index.questionlog.postgres import PostgresServer, binaries

ROOT = Path(__file__).resolve().parent.parent
CORPUS = SHIPPED_CORPUS
SECOND_ARTICLE = ROOT / "tests" / "fixtures" / "second-article.md"
DEV_QUESTIONS = ROOT / "eval" / "story_questions.json"
NO_POSTGRES = "PostgreSQL is not installed (apt-get install postgresql; .ci/run does)"


def pytest_configure(config: pytest.Config) -> None:
    """The suite checks StoryBot's defaults: a developer's STORYBOT_* or Discord variables
    (a model, a top-k, a token) must not change what it checks."""
    for name in [n for n in os.environ if n.startswith(("STORYBOT_", "DISCORD_"))]:
        del os.environ[name]


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


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of the session's own, in a temp folder (the question log's tests)."""
    found = binaries()
    if found is None:
        pytest.skip(NO_POSTGRES)
    server = PostgresServer(found)
    server.start()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def both_articles(
    story_settings: Settings, engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> Engine:
    """The real engine over the story and the made-up second article, built once a session
    (with the story engine's exported encoder)."""
    folder = tmp_path_factory.mktemp("both")
    shutil.copytree(CORPUS, folder / "corpus")
    shutil.copy(SECOND_ARTICLE, folder / "corpus")
    encoders = story_settings.encoders or story_settings.data_dir / "encoders"
    settings = Settings(
        corpus=folder / "corpus", data_dir=folder / "data", encoders=encoders, _env_file=None
    )
    return Engine.open(settings, progress=lambda _: None)
