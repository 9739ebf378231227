"""The systemd unit in deploy/ is one systemd accepts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

UNIT = ROOT / "deploy" / "storybot@.service"
INSTALLED = "/opt/storybot/venv/bin/storybot"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    # verify checks that ExecStart exists: stand in for StoryBot installed where the unit says.
    storybot = tmp_path / "storybot"
    storybot.write_text("#!/bin/sh\n")
    storybot.chmod(0o755)
    unit = tmp_path / "storybot@a.service"
    text = UNIT.read_text()
    assert f"ExecStart={INSTALLED} run" in text
    unit.write_text(text.replace(INSTALLED, str(storybot)))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
