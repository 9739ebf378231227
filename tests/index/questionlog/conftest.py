"""The question log's fixtures: a real SQLite file, or a database on the session's PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.settings import Settings


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
