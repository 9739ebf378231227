"""Starting the bot: one clear line and a non-zero exit when it cannot start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import discord
import pytest
from harness import REPO, TOKEN

import bot.__main__ as entry
from index.vectors.embedding import ModelUnavailable


def test_without_a_token_python_m_bot_says_what_to_set(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "STORYBOT_"))}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line == entry.NO_TOKEN
    for hint in ("DISCORD_TOKEN", ".env", "discord.com/developers", "storybot chat"):
        assert hint in line


def test_importing_the_bot_loads_no_model_and_reads_no_settings(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("STORYBOT_TOP_K=not-a-number\n")  # would fail if read
    code = (
        "import sys, bot.__main__, bot.client, bot.cog, bot.render, bot.settings;"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'faiss') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"


def test_an_engine_that_cannot_load_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)

    def unavailable(settings: object) -> None:
        raise ModelUnavailable("The model all-MiniLM-L6-v2 is not installed: run make setup.")

    monkeypatch.setattr(entry, "open_engine", unavailable)
    assert entry.main() == 2
    err = capsys.readouterr().err
    assert err == "The model all-MiniLM-L6-v2 is not installed: run make setup.\n"


def test_an_invalid_setting_is_one_line_without_the_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("STORYBOT_COOLDOWN_RATE", "none")
    assert entry.main() == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("Invalid setting STORYBOT_COOLDOWN_RATE=none:") and TOKEN not in line
    assert "a whole number from 1 to 1000" in line


def test_an_unreachable_discord_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setattr(entry, "open_engine", lambda settings: object())
    with socket.socket() as closed:  # a port that was free a moment ago: nothing listens there
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    assert entry.main() == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("Could not reach Discord (") and TOKEN not in line


def test_a_metrics_port_in_use_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setattr(entry, "open_engine", lambda settings: object())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setenv("STORYBOT_METRICS_PORT", str(taken.getsockname()[1]))
        assert entry.main() == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("Cannot serve metrics on 127.0.0.1:") and "STORYBOT_METRICS_PORT" in line
