"""A developing story on Discord: an article added, changed, then made unreadable while the bot
runs; every /ask answers from the right index, including 20 asked during a rebuild."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from discord_payloads import CHANNEL_ID
from fake_discord import FakeDiscord
from harness import bot_settings, running

from bot.metrics import Metrics, Operations
from bot.updates import StoryUpdates
from index.engine import Engine
from index.settings import Settings
from index.vectors.build import build_embedder
from index.vectors.embedding import Embedder
from index.vectors.live import LiveEngine
from tests.conftest import CORPUS, SECOND_ARTICLE

pytestmark = pytest.mark.slow

QUESTION = "How many panels float on the lake?"
ADDED = "Mayor Ines Varga will stand for re-election in May."


class GatedEmbedder:
    """The real encoder, whose builds (many texts at once) wait while the gate is closed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.gate = threading.Event()
        self.gate.set()
        self.building = threading.Event()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1:
            self.building.set()
            assert self.gate.wait(timeout=60)
        return self.inner.encode(texts)


async def ask(discord_api: FakeDiscord, user: int, question: str = QUESTION) -> str:
    token = await discord_api.slash("ask", user, question=question)
    await discord_api.wait_for(lambda: len(discord_api.replies_to(token)) == 2, timeout=30)
    return discord_api.replies_to(token)[1].text


def notices(discord_api: FakeDiscord) -> list[str]:
    path = f"/channels/{CHANNEL_ID}/messages"
    return [call.text for call in discord_api.calls if call.method == "POST" and call.path == path]


async def test_the_bot_follows_a_developing_story(
    discord_api: FakeDiscord,
    engine: Engine,
    story_settings: Settings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    shutil.copytree(CORPUS, tmp_path / "corpus")
    shutil.copytree(story_settings.data_dir, tmp_path / "data")  # the session's built index
    settings = bot_settings(
        corpus=tmp_path / "corpus",
        data_dir=tmp_path / "data",
        updates_channel=CHANNEL_ID,
        cooldown_rate=100,
    )
    embedder = GatedEmbedder(build_embedder(settings, lambda _: None))
    live = LiveEngine(settings, lambda _: None, embedder)
    article = settings.corpus / "second-article.md"
    timeline: list[str] = []
    metrics = Metrics()
    async with running(settings, live) as bot:
        await bot.add_cog(Operations(metrics))
        await bot.add_cog(StoryUpdates(bot, live))
        await asyncio.sleep(1.0)  # the watcher is listening
        assert "can't answer that" in await ask(discord_api, 1)

        # Added: 20 questions while the rebuild is held, all answered from the old index.
        embedder.gate.clear()
        started = time.perf_counter()
        shutil.copy(SECOND_ARTICLE, article)
        assert await asyncio.to_thread(embedder.building.wait, 30)
        timeline.append(f"{time.perf_counter() - started:6.2f} s  rebuild started (v1 → v2)")
        during = await asyncio.gather(*(ask(discord_api, 100 + n) for n in range(20)))
        timeline.append(
            f"{time.perf_counter() - started:6.2f} s  20 questions answered during it, "
            f"{sum('doesn' in text for text in during)} from v1"
        )
        assert all("can't answer that" in text for text in during)
        embedder.gate.set()
        await discord_api.wait_for(lambda: live.version == 2, timeout=60)
        timeline.append(f"{time.perf_counter() - started:6.2f} s  v2 in place")
        assert "4,200 panels" in await ask(discord_api, 2)
        await discord_api.wait_for(lambda: len(notices(discord_api)) == 1)
        assert "new article" in notices(discord_api)[0]

        # Changed: a figure corrected (¶1) and a paragraph added (¶6).
        started = time.perf_counter()
        text = article.read_text().replace("4,200 panels", "5,000 panels")
        article.write_text(text.replace("By Dana", f"{ADDED}\n\nBy Dana"))
        await discord_api.wait_for(lambda: live.version == 3, timeout=60)
        timeline.append(f"{time.perf_counter() - started:6.2f} s  v3 in place after the edit")
        assert "5,000 panels" in await ask(discord_api, 3)
        assert ADDED in await ask(discord_api, 3, "When will the mayor stand for re-election?")
        await discord_api.wait_for(lambda: len(notices(discord_api)) == 2)
        assert "added ¶6; changed ¶1" in notices(discord_api)[1]

        # Unreadable: the old index keeps serving, and the log says why in one line.
        article.write_bytes(b"\xff\xfe\x00not text\x00" * 100)
        await discord_api.wait_for(lambda: "Kept the index in place" in caplog.text, timeout=60)
        assert live.version == 3 and "5,000 panels" in await ask(discord_api, 4)
    sample = metrics.registry.get_sample_value
    counted = [sample("storybot_rebuilds_total", {"outcome": o}) for o in ("ok", "failed")]
    assert counted == [2, 1] and sample("storybot_index_version") == 3
    [failed] = [r for r in caplog.records if "Kept the index in place" in r.getMessage()]
    assert "second-article.md cannot be read" in failed.getMessage()
    assert "\n" not in failed.getMessage() and failed.levelno == logging.WARNING
    rebuilds = [r.getMessage() for r in caplog.records if r.name == "bot.updates"]
    print("\n" + "\n".join(timeline + rebuilds))
