"""The question log's fixtures: a real SQLite file, and a real PostgreSQL server when installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.settings import Settings
from tests.index.questionlog.postgres import PostgresServer, binaries

NO_POSTGRES = "PostgreSQL is not installed (apt-get install postgresql; .ci/run does)"


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session, in a temp folder."""
    found = binaries()
    if found is None:
        pytest.skip(NO_POSTGRES)
    server = PostgresServer(found)
    server.start()
    yield server
    server.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each test of the log runs on both databases."""
    return str(request.param)


@pytest.fixture
def log_settings(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings whose log is a new SQLite file, or a new database on the PostgreSQL server."""
    url = None
    if backend == "postgresql":
        url = request.getfixturevalue("postgres").new_database()
    return Settings(data_dir=tmp_path / "data", database_url=url, _env_file=None)
