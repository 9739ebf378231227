"""Fixtures of the fault suite: one built index for the session, copies of it to damage, and
the fault table written at the end when FAULT_TABLE names a file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import Settings
from tests.faults.running import TABLE, copy_index, write_table

# The fake Discord lives beside the bot's tests, which import it by its bare name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bot"))


@pytest.fixture(scope="session")
def built(engine: Engine, story_settings: Settings) -> Path:
    """The session's data folder, with the real model's index and exported encoder."""
    return story_settings.data_dir


@pytest.fixture(scope="session")
def encoders(built: Path) -> Path:
    """The session's exported encoder; runs that must not export again share it (read only)."""
    return built / "encoders"


@pytest.fixture
def data_dir(built: Path, tmp_path: Path) -> Path:
    """A copy of the session's index, for a test to damage."""
    return copy_index(built, tmp_path / "data")


@pytest.fixture
def env(data_dir: Path, encoders: Path) -> dict[str, str]:
    """The environment of a run over the damaged copy, with the shared encoder."""
    return {"STORYBOT_DATA_DIR": str(data_dir), "STORYBOT_ENCODERS": str(encoders)}


@pytest.fixture(scope="session", autouse=True)
def fault_table() -> Iterator[None]:
    """Write the fault table at the end of the session when asked to (`make faults`)."""
    yield
    target = os.environ.get("FAULT_TABLE")
    if target and TABLE:
        write_table(Path(target))
