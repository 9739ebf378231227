"""`storybot` from any folder: flags, settings in --help, doctor, and an installed wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import __version__
from index.cli.commands import cli
from index.engine import Engine
from index.settings import Settings
from tests.conftest import CORPUS, ROOT


@pytest.fixture(autouse=True)
def elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An empty current folder; the user's cache and config folders under tmp_path."""
    for name in [n for n in os.environ if n.startswith("STORYBOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")


def test_help_lists_every_setting_and_run_help_the_bots() -> None:
    shown = CliRunner().invoke(cli, ["--help"]).output
    for name in Settings.model_fields:
        assert f"STORYBOT_{name.upper()}" in shown
    assert "--corpus" in shown and "--data-dir" in shown and "storybot doctor" in shown
    bot = CliRunner().invoke(cli, ["run", "--help"]).output
    for variable in ("DISCORD_TOKEN", "STORYBOT_METRICS_PORT", "STORYBOT_SHARD_IDS"):
        assert variable in bot


def test_version() -> None:
    assert CliRunner().invoke(cli, ["--version"]).output == f"storybot, version {__version__}\n"


def test_doctor_names_a_missing_corpus_and_exits_1(tmp_path: Path) -> None:
    done = CliRunner().invoke(cli, ["--corpus", str(tmp_path / "nowhere"), "doctor"])
    assert done.exit_code == 1
    assert f"corpus    PROBLEM  {tmp_path / 'nowhere'}" in done.output
    assert "STORYBOT_CORPUS" in done.output
    assert f"index     later    {tmp_path / 'cache' / 'storybot'}" in done.output


@pytest.mark.slow
def test_doctor_reports_a_built_index_and_encoder(engine: Engine, story_settings: Settings) -> None:
    data = str(story_settings.data_dir)
    done = CliRunner().invoke(cli, ["--corpus", str(CORPUS), "--data-dir", data, "doctor"])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[0] == f"storybot {__version__}"
    for name in ("corpus", "index", "model", "encoder"):
        assert any(line.startswith(f"{name:<9} ok ") for line in lines), name
    assert "current: 10 passages from 1 article(s)" in done.output
    assert os.listdir(".") == []


@pytest.mark.slow
def test_an_installed_wheel_answers_from_an_empty_folder(tmp_path: Path) -> None:
    """pip-built wheel, fresh venv (the dependencies borrowed from this one), an empty folder."""
    source = tmp_path / "source"
    source.mkdir()
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / part, source)
    for package in ("index", "bot"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__py*"))
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, source], check=True
    )
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    [site] = list(venv.glob("lib/python*/site-packages"))
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    [wheel] = list(wheels.glob("storybot-*.whl"))
    subprocess.run(
        [*pip, "--python", venv / "bin" / "python", "install", "--no-deps", wheel], check=True
    )
    empty, home = tmp_path / "empty", tmp_path / "home"
    empty.mkdir()
    environment = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(home)}
    run = {"cwd": empty, "env": environment, "capture_output": True, "text": True, "timeout": 600}
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import index; print(index.__file__)"], **run
    )
    assert where.stdout.startswith(str(site))  # the wheel's copy, not this checkout
    done = subprocess.run(["storybot", "ask", "Who is the new leader of Syria?"], **run)
    assert done.returncode == 0, done.stderr
    assert "[¶6, US initiates intelligence sharing" in done.stdout
    assert list(empty.iterdir()) == []
    assert (home / ".cache" / "storybot" / "CURRENT").is_file()
