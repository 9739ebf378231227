"""Timing whole processes (wall time and peak resident memory) and summarising samples."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STORYBOT = str(Path(sys.executable).parent / "storybot")


class BenchmarkFailed(RuntimeError):
    """A measured process exited with an error."""


@dataclass(frozen=True)
class Finished:
    """A whole process that ran: wall time, peak resident memory and what it printed."""

    seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def offline_env(**extra: str) -> dict[str, str]:
    """This environment, told never to reach the Hugging Face hub, plus `extra`."""
    return os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"} | extra


def storybot_env(corpus: Path, data_dir: Path, model: str) -> dict[str, str]:
    """The environment for a `storybot` process over this corpus and index."""
    return offline_env(
        STORYBOT_CORPUS=str(corpus), STORYBOT_DATA_DIR=str(data_dir), STORYBOT_MODEL=model
    )


def run(args: Sequence[str], env: Mapping[str, str], stdin: str = "") -> Finished:
    """Run a process to the end; its peak RSS comes from wait4, the kernel's own account."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp, name) for name in ("stdin", "stdout", "stderr")]
        paths[0].write_text(stdin, encoding="utf-8")
        # Files, not pipes: nothing can block, and the child is reaped by wait4 alone.
        with paths[0].open("rb") as i, paths[1].open("wb") as o, paths[2].open("wb") as e:
            started = time.perf_counter()
            process = subprocess.Popen(args, stdin=i, stdout=o, stderr=e, env=env, cwd=REPO)
            status, peak = reap(process)
            seconds = time.perf_counter() - started
        out, err = (p.read_text(encoding="utf-8", errors="replace") for p in paths[1:])
    if status != 0:
        raise BenchmarkFailed(f"{' '.join(args[:4])} exited with {status}:\n{err[-2000:]}")
    return Finished(seconds, peak, out, err)


def reap(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for a child; its exit status and peak resident memory in MiB."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def interleaved(
    commands: Mapping[str, tuple[Sequence[str], Mapping[str, str]]], repeats: int
) -> dict[str, list[Finished]]:
    """Each command run once untimed, then `repeats` times in turn, so drift hits all alike."""
    for args, env in commands.values():
        run(args, env)
    runs: dict[str, list[Finished]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (args, env) in commands.items():
            runs[name].append(run(args, env))
    return runs


def median(samples: Sequence[float]) -> float:
    """The median."""
    return float(statistics.median(samples))


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linearly interpolated."""
    return float(np.percentile(np.asarray(samples, dtype=float), q))


def progress(message: str) -> None:
    """A progress line on stderr, so stdout stays the table."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def spread(samples: Sequence[float]) -> dict[str, float]:
    """How samples are spread (count, mean, min, p50, p90, p99, max), for the results file."""
    values = {"n": float(len(samples)), "mean": statistics.fmean(samples), "min": min(samples)}
    values |= {f"p{q}": percentile(samples, q) for q in (50, 90, 99)}
    return values | {"max": max(samples)}


@dataclass(frozen=True)
class Clock:
    """Wall time, the CPU time the whole machine was busy, and the CPU time this run used."""

    wall: float
    machine: float
    own: float

    @classmethod
    def now(cls) -> Clock:
        """The clocks now; `machine` is 0 where /proc/stat cannot be read."""
        times = os.times()
        own = times.user + times.system + times.children_user + times.children_system
        return cls(time.perf_counter(), _machine_busy(), own)

    def others_since(self, start: Clock) -> float:
        """The share of all CPUs others used since `start`: other processes, other VMs' steal."""
        wall = (self.wall - start.wall) * (os.cpu_count() or 1)
        others = (self.machine - start.machine) - (self.own - start.own)
        return max(0.0, others / wall) if wall > 0 and self.machine else 0.0


def _machine_busy() -> float:
    try:
        first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, first[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
