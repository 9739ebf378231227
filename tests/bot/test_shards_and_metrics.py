"""Two bot processes share the shards; each serves metrics and health; logs can be JSON lines;
the token appears in neither."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from discord_payloads import GUILD_ID, OTHER_GUILD_ID
from fake_discord import FakeDiscord
from harness import REPO, TOKEN

from index.engine import Engine
from index.settings import Settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    """One `python -m bot` process for some shards, and what it answered over HTTP."""

    def __init__(self, process: asyncio.subprocess.Process, port: int) -> None:
        self.process = process
        self.url = f"http://127.0.0.1:{port}"
        self.health: list[int] = []  # /healthz statuses seen, in order

    async def get(self, path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as http, http.get(self.url + path) as response:
            return response.status, await response.text()

    async def wait_ready(self, timeout: float = 120) -> None:
        """Poll /healthz until it says ready, keeping every status it gave."""
        for _ in range(int(timeout / 0.05)):
            try:
                status, _ = await self.get("/healthz")
                self.health.append(status)
                if status == 200:
                    return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.05)
        raise AssertionError(f"not ready in {timeout} s")

    def metric(self, scrape: str, name: str) -> float:
        [line] = [line for line in scrape.splitlines() if line.startswith(name + " ")]
        return float(line.split()[1])


@asynccontextmanager
async def bot_process(
    fake: FakeDiscord, data_dir: Path, home: Path, **env: str
) -> AsyncIterator[BotProcess]:
    port = free_port()
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "PYTHONPATH": str(REPO),
        "DISCORD_TOKEN": TOKEN,
        "STORYBOT_CORPUS": str(CORPUS),
        "STORYBOT_DATA_DIR": str(data_dir),
        "STORYBOT_METRICS_PORT": str(port),
        **env,
    }
    script = str(Path(__file__).with_name("run_bot.py"))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        script,
        fake.rest_base,
        str(fake.gateway_url),
        env=environment,
        cwd=home,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield BotProcess(process, port)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), timeout=20)
            except TimeoutError:
                process.kill()
                await process.wait()


async def ask(fake: FakeDiscord, guild_id: int, user: int) -> str:
    token = await fake.slash("ask", user, guild_id, question="Who is the new leader of Syria?")
    await fake.wait_for(lambda: len(fake.replies_to(token)) == 2, timeout=30)
    return fake.replies_to(token)[1].text


async def test_two_processes_share_the_shards_with_metrics_health_and_json_logs(
    engine: Engine, story_settings: Settings, tmp_path: Path
) -> None:
    fake = FakeDiscord(
        TOKEN, heartbeat_interval=0.5, shard_count=2, guilds=(GUILD_ID, OTHER_GUILD_ID)
    )
    await fake.start()
    shards = {"STORYBOT_SHARD_COUNT": "2", "STORYBOT_LOG_FORMAT": "json"}
    data = story_settings.data_dir  # built once, read by both processes
    try:
        async with (
            bot_process(fake, data, tmp_path, STORYBOT_SHARD_IDS="0", **shards) as zero,
            bot_process(fake, data, tmp_path, STORYBOT_SHARD_IDS="1", **shards) as one,
        ):
            await asyncio.gather(zero.wait_ready(), one.wait_ready())
            identified = sorted(tuple(p["d"]["shard"]) for p in fake.sent_ops(2))
            assert identified == [(0, 2), (1, 2)]
            # GUILD_ID belongs to shard 1, OTHER_GUILD_ID to shard 0.
            answers = await asyncio.gather(
                ask(fake, GUILD_ID, 1), ask(fake, GUILD_ID, 2), ask(fake, OTHER_GUILD_ID, 3)
            )
            assert all("Ahmed al-Sharaa" in answer for answer in answers)
            _, scrape_zero = await zero.get("/metrics")
            _, scrape_one = await one.get("/metrics")
        stderr = [(await p.process.stderr.read()).decode() for p in (zero, one)]  # type: ignore[union-attr]
    finally:
        await fake.stop()
    for process in (zero, one):
        assert process.health[0] == 503 and process.health[-1] == 200  # unready while loading
    assert zero.metric(scrape_zero, "storybot_questions_total") == 1
    assert one.metric(scrape_one, "storybot_questions_total") == 2
    assert one.metric(scrape_one, "storybot_answer_seconds_count") == 2
    assert 'storybot_gateway_latency_seconds{shard="1"}' in scrape_one
    assert 'shard="0"' not in scrape_one
    for log in stderr:
        records = [json.loads(line) for line in log.splitlines()]  # every line is JSON
        assert any("Connected as StoryBot" in r["message"] for r in records)
        assert not any("faiss" in r["message"] or "voice" in r["message"] for r in records)
    assert TOKEN not in "".join(stderr) + scrape_zero + scrape_one
    print("\n" + "\n".join([*stderr, scrape_one]))
