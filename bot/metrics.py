"""Operations: Prometheus metrics and a readiness check on STORYBOT_METRICS_PORT.

`/metrics` counts questions, refusals and errors, times answers, counts rebuilds, and gives the
index version and each shard's gateway latency; `/healthz` answers 200 only once the engine is
loaded and every shard is connected, 503 before. Nothing here ever sees the token.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from aiohttp import web
from discord.ext import commands
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

from index.answering.conversation import answer_in_context
from index.passages import Answer, Chunk, Hit, SourceInfo, StoryError, SummarySentence

if TYPE_CHECKING:
    from bot.client import StoryBot, StoryEngine
    from index.vectors.live import Update


class MetricsUnavailable(StoryError):
    """The metrics server cannot listen where it was told to."""


LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The bot's metrics, in a registry of their own (so several bots can run in one process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.questions = Counter("storybot_questions", "Questions asked.", registry=r)
        self.refusals = Counter(
            "storybot_refusals", "Questions the story does not answer.", registry=r
        )
        self.errors = Counter("storybot_errors", "Questions that failed with an error.", registry=r)
        self.latency = Histogram(
            "storybot_answer_seconds",
            "Time to answer a question.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.rebuilds = Counter(
            "storybot_rebuilds", "Index rebuilds after a change.", ["outcome"], registry=r
        )
        self.index_version = Gauge(
            "storybot_index_version", "Index version in place (1 at start-up).", registry=r
        )
        self.gateway_latency = Gauge(
            "storybot_gateway_latency_seconds", "Heartbeat latency by shard.", ["shard"], registry=r
        )
        self.engine_loaded = Gauge(
            "storybot_engine_loaded", "1 once the engine is loaded.", registry=r
        )
        self.connected = Gauge(
            "storybot_gateway_connected", "1 once every shard is ready.", registry=r
        )
        self.index_version.set(0)
        self.engine_ready = False
        for outcome in ("ok", "failed"):
            self.rebuilds.labels(outcome)

    def rebuilt(self, update: Update | None) -> None:
        """Count a rebuild: an update put in place, or None for one that failed."""
        self.rebuilds.labels("failed" if update is None else "ok").inc()
        if update is not None:
            self.index_version.set(update.version)


class MeasuredEngine:
    """The engine, each question counted and timed (a StoryEngine itself)."""

    def __init__(self, engine: StoryEngine, metrics: Metrics) -> None:
        self.engine = engine
        self.metrics = metrics
        metrics.engine_loaded.set(1)
        metrics.engine_ready = True
        metrics.index_version.set(getattr(engine, "version", 1))

    @property
    def model_name(self) -> str:
        """The engine's model."""
        return self.engine.model_name

    def ask(self, question: str, k: int | None = None) -> Answer:
        """The engine's answer, counted and timed; an error is counted and raised again."""
        return self._measured(lambda: self.engine.ask(question, k))

    def ask_after(self, question: str, history: Sequence[str], k: int | None = None) -> Answer:
        """A follow-up's answer (index.answering.conversation), counted and timed as one question:
        reading it asks the engine several times, once for each earlier question among others."""
        return self._measured(lambda: answer_in_context(self.engine, question, history, k))

    def _measured(self, answering: Callable[[], Answer]) -> Answer:
        self.metrics.questions.inc()
        started = time.perf_counter()
        try:
            answer = answering()
        except Exception:
            self.metrics.errors.inc()
            raise
        finally:
            self.metrics.latency.observe(time.perf_counter() - started)
        if answer.refused:
            self.metrics.refusals.inc()
        return answer

    def rank(self, question: str, k: int) -> tuple[Hit, ...]:
        """The engine's best passages for a question, refused or not (not counted)."""
        return self.engine.rank(question, k)

    def passages(self) -> tuple[Chunk, ...]:
        """The engine's passages."""
        return self.engine.passages()

    def unmeasured(self) -> StoryEngine:
        """The engine itself, for the bot's own look-ups (suggestions), which no reader asked."""
        return self.engine

    def summary(self) -> tuple[SummarySentence, ...]:
        """The engine's summary."""
        return self.engine.summary()

    def sources(self) -> tuple[SourceInfo, ...]:
        """The engine's sources."""
        return self.engine.sources()


class Operations(commands.Cog):
    """Keeps the rebuild metrics as the story updates."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    @commands.Cog.listener()
    async def on_story_rebuild(self, update: Update | None) -> None:
        """Count each rebuild, and the version it put in place."""
        self.metrics.rebuilt(update)


class MetricsServer:
    """`/metrics` and `/healthz` over HTTP; the bot is attached once it exists."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self.bot: StoryBot | None = None
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> int:
        """Listen on host:port (port 0 picks a free one); returns the port."""
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._health)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, host, port).start()
        except OSError as error:
            await self._runner.cleanup()
            raise MetricsUnavailable(
                f"Cannot serve metrics on {host}:{port} ({error.strerror or error}): set"
                " STORYBOT_METRICS_PORT to a free port, or unset it."
            ) from error
        return int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()

    def ready(self) -> dict[str, bool]:
        """Whether the engine is loaded and the gateway connected."""
        bot = self.bot
        gateway = (
            bot is not None
            and bot.is_ready()
            and not bot.is_closed()
            and not any(shard.is_closed() for shard in bot.shards.values())
        )
        engine = self.metrics.engine_ready
        self.metrics.connected.set(int(gateway))
        return {"engine": engine, "gateway": gateway}

    async def _health(self, _: web.Request) -> web.Response:
        state = self.ready()
        ready = all(state.values())
        body: dict[str, Any] = {"status": "ready" if ready else "starting", **state}
        return web.json_response(body, status=200 if ready else 503)

    async def _metrics(self, _: web.Request) -> web.Response:
        self.ready()
        if self.bot is not None:
            for shard, latency in self.bot.latencies:
                if math.isfinite(latency):
                    self.metrics.gateway_latency.labels(str(shard)).set(latency)
        body = generate_latest(self.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
