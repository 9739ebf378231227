"""The bot's settings: Discord's own variable names, the question channels, a hidden token."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import TOKEN
from pydantic import ValidationError

from bot.settings import BotSettings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No variable or .env of the developer's leaks into these tests."""
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_ID", "STORYBOT_CHANNELS", "STORYBOT_TOP_K"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_discord_settings_come_from_their_own_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_GUILD_ID", "123456789012345678")
    monkeypatch.setenv("STORYBOT_CHANNELS", "111, 222 333")
    monkeypatch.setenv("STORYBOT_COOLDOWN_RATE", "5")
    monkeypatch.setenv("STORYBOT_TOP_K", "4")
    settings = BotSettings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN
    assert settings.discord_guild_id == 123456789012345678
    assert settings.channels == {111, 222, 333}
    assert (settings.cooldown_rate, settings.cooldown_seconds, settings.top_k) == (5, 30.0, 4)


def test_settings_are_read_from_dot_env(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\nSTORYBOT_CHANNELS=42\n")
    settings = BotSettings()
    assert settings.discord_token is not None and settings.channels == {42}


def test_without_a_token_there_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    assert BotSettings().discord_token is None
    monkeypatch.setenv("DISCORD_TOKEN", "  ")
    assert BotSettings().discord_token is None
    assert BotSettings().discord_guild_id is None and BotSettings().channels == frozenset()


def test_the_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    settings = BotSettings()
    assert TOKEN not in repr(settings) + str(settings) + settings.model_dump_json()
    monkeypatch.setenv("STORYBOT_CHANNELS", "general")
    with pytest.raises(ValidationError) as invalid:
        BotSettings()
    assert "channels" in str(invalid.value) and TOKEN not in str(invalid.value)


def test_the_cooldown_must_allow_a_question() -> None:
    with pytest.raises(ValidationError):
        BotSettings(cooldown_rate=0)
    with pytest.raises(ValidationError):
        BotSettings(cooldown_seconds=0)


def test_shards_and_operations_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_SHARD_COUNT", "4")
    monkeypatch.setenv("STORYBOT_SHARD_IDS", "2, 3")
    monkeypatch.setenv("STORYBOT_METRICS_PORT", "")  # as .env.example leaves it
    settings = BotSettings()
    assert (settings.shard_count, settings.shard_ids, settings.metrics_port) == (4, (2, 3), None)
    monkeypatch.setenv("STORYBOT_SHARD_IDS", "4")
    with pytest.raises(ValidationError, match=r"must lie in 0\.\.3"):
        BotSettings()
    monkeypatch.delenv("STORYBOT_SHARD_COUNT")
    monkeypatch.setenv("STORYBOT_SHARD_IDS", "1")
    with pytest.raises(ValidationError, match="needs STORYBOT_SHARD_COUNT"):
        BotSettings()
