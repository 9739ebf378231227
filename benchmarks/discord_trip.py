"""The bot as a process of its own against the tests' loopback fake Discord (run here, in the
benchmark process): the /ask round trip, from INTERACTION_CREATE sent to the follow-up received,
and the bot process's peak resident memory."""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from typing import IO, Any

from benchmarks.figures import Figure, Target
from benchmarks.measure import PYTHON, REPO, median, percentile, progress, reap, spread
from benchmarks.session import Session

TESTS_BOT = REPO / "tests" / "bot"
TOKEN = "MTIzNDU2Nzg5.StoryBotBench.not-a-real-token"
FIRST_USER = 810000000000000000  # one person per question, so no cooldown applies
HEARTBEAT = 41.25  # seconds, as Discord sends it; the tests' fake beats every 0.1 s
STARTUP = 300.0
ANSWER = 60.0


class BotFailed(RuntimeError):
    """The bot process stopped or did not answer in time."""


def discord(session: Session) -> list[Figure]:
    """The /ask round trip p50 and p99, and the bot's peak RSS, against the floor's."""
    progress(f"python -m bot against the fake Discord: {session.discord_asks} /ask round trips")
    trips, (status, peak) = asyncio.run(_drive(session))
    floor, floor_rss = session.floor_warm, [r.peak_rss_mb for r in session.cold_runs["floor"]]
    session.details["discord"] = {
        "round_trip": spread(trips),
        "bot_peak_rss_mb": peak,
        "bot_exit_status": status,
        "floor_peak_rss_mb": floor_rss,
    }
    p50, p99 = ((percentile(trips, q), percentile(floor, q)) for q in (50, 99))
    return [
        Figure("bot process peak RSS", "MB", peak, median(floor_rss), "floor process", Target(1.1)),
        Figure("/ask round trip p50", "s", *p50, "floor warm p50"),
        Figure("/ask round trip p99", "s", *p99, "floor warm p99"),
    ]


def tests_module(name: str) -> Any:
    """A module of tests/bot (the fake Discord and its payloads), imported as the tests do."""
    if str(TESTS_BOT) not in sys.path:
        sys.path.insert(0, str(TESTS_BOT))
    return importlib.import_module(name)


async def _drive(session: Session) -> tuple[list[float], tuple[int, float]]:
    fake = tests_module("fake_discord").FakeDiscord(TOKEN, heartbeat_interval=HEARTBEAT)
    await fake.start()
    try:
        with tempfile.TemporaryFile() as log:
            process = _start_bot(session, fake, log)
            try:
                await _ready(fake, process, log)
                questions = session.questions[: session.discord_asks]
                trips = [
                    await _round_trip(fake, process, log, n, q) for n, q in enumerate(questions)
                ]
            finally:
                stopped = await _stop(process)
    finally:
        await fake.stop()
    return trips, stopped


def _start_bot(session: Session, fake: Any, log: IO[bytes]) -> subprocess.Popen[bytes]:
    guild = tests_module("discord_payloads").GUILD_ID
    env = session.story_env() | {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_GUILD_ID": str(guild),
        "STORYBOT_CHANNELS": "",
    }
    args = [PYTHON, "-m", "benchmarks.discord_bot", fake.rest_base, str(fake.gateway_url)]
    return subprocess.Popen(
        args, stdout=log, stderr=log, stdin=subprocess.DEVNULL, env=env, cwd=REPO
    )


async def _ready(fake: Any, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Wait until the bot has identified and answers /help."""
    await _until(lambda: bool(fake.sent_ops(2)), process, log, STARTUP)
    for attempt in range(int(STARTUP // 5)):
        token = await fake.slash("help", FIRST_USER - 1 - attempt)
        try:
            await _until(partial(_replied, fake, token, 1), process, log, 5.0)
            return
        except TimeoutError:
            continue
    raise BotFailed("the bot never answered /help")


async def _round_trip(
    fake: Any, process: subprocess.Popen[bytes], log: IO[bytes], n: int, question: str
) -> float:
    token = await fake.slash("ask", FIRST_USER + n, question=question)
    await _until(partial(_replied, fake, token, 2), process, log, ANSWER)
    follow_up = fake.replies_to(token)[1]  # the first is the deferral ("thinking…")
    return float(follow_up.at - fake.dispatched[token])


def _replied(fake: Any, token: str, calls: int) -> bool:
    """Whether the bot has made `calls` REST calls answering this interaction."""
    return len(fake.replies_to(token)) >= calls


async def _until(
    condition: Callable[[], bool], process: subprocess.Popen[bytes], log: IO[bytes], timeout: float
) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if not _running(process):
            log.seek(0)
            tail = log.read().decode(errors="replace")[-2000:]
            raise BotFailed(f"the bot process stopped:\n{tail}")
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the bot did not reply within {timeout:g} s")
        await asyncio.sleep(0.002)


def _running(process: subprocess.Popen[bytes]) -> bool:
    """Whether the child still runs, without reaping it (wait4 must read its rusage later)."""
    flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
    return os.waitid(os.P_PID, process.pid, flags) is None


async def _stop(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Stop the bot as Ctrl-C would; its exit status and peak RSS in MiB."""
    process.send_signal(signal.SIGINT)
    deadline = time.perf_counter() + 30
    while _running(process) and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    if _running(process):
        process.kill()
    return reap(process)
