"""What the figures were measured on: the machine, the libraries and the code's commit."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from typing import Any

from benchmarks.measure import REPO

LIBRARIES = ("torch", "onnxruntime", "sentence-transformers", "transformers", "faiss-cpu", "numpy")


def machine() -> dict[str, Any]:
    """CPU count, platform, Python, library versions, the git commit and the load."""
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "git": commit(),
        "load_average_before": os.getloadavg(),  # another busy process skews every figure
    }


def commit() -> dict[str, Any]:
    """HEAD, and the files changed or added since: figures from a dirty tree are not HEAD's."""
    head = _git("rev-parse", "HEAD").strip()
    changed = _git("status", "--porcelain").splitlines()
    return {"commit": head or None, "changed": [line[3:] for line in changed]}


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
