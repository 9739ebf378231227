"""Settings that do not depend on the folder StoryBot starts in."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.settings import SHIPPED_CORPUS, Settings


@pytest.fixture(autouse=True)
def elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty current folder, and the user's cache and config folders under tmp_path."""
    for name in ("STORYBOT_CORPUS", "STORYBOT_DATA_DIR", "STORYBOT_TOP_K"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    return tmp_path


def test_the_defaults_are_the_shipped_article_and_the_user_cache(elsewhere: Path) -> None:
    settings = Settings()
    assert settings.corpus == SHIPPED_CORPUS
    assert (SHIPPED_CORPUS / "us-syria-intelligence-sharing.txt").is_file()
    assert settings.data_dir == elsewhere / "cache" / "storybot"


def test_dot_env_is_read_from_the_config_folder_and_the_current_one_wins(elsewhere: Path) -> None:
    config = elsewhere / "config" / "storybot"
    config.mkdir(parents=True)
    (config / ".env").write_text("STORYBOT_TOP_K=5\nSTORYBOT_MODEL=from-config\n")
    assert (Settings().top_k, Settings().model) == (5, "from-config")
    Path(".env").write_text("STORYBOT_TOP_K=2\n")
    assert (Settings().top_k, Settings().model) == (2, "from-config")
    assert Settings(_env_file=None).top_k == 3  # tests turn every .env off
