"""`python -m bot`: load the model and index, then answer questions about the story on Discord."""

from __future__ import annotations

import asyncio
import logging
import sys
from contextlib import suppress

import aiohttp
import discord

from bot import logs
from bot.client import StoryBot, StoryEngine
from bot.metrics import MeasuredEngine, Metrics, MetricsServer, Operations
from bot.settings import BotSettings
from bot.updates import StoryUpdates
from index.passages import StoryError
from index.questionlog.interface import Recorder
from index.questionlog.interface import recording as question_log
from index.settings import load_settings
from index.vectors.live import LiveEngine

log = logging.getLogger(__name__)

NO_TOKEN = (
    "Set DISCORD_TOKEN in the environment or in .env: it is the token on your application's Bot"
    " page at https://discord.com/developers/applications (README, 'Discord', walks through it);"
    " `storybot chat` answers questions without one."
)
TOKEN_REFUSED = (
    "Discord refused DISCORD_TOKEN: copy it again from your application's Bot page"
    " (Reset Token) at https://discord.com/developers/applications."
)
UNREACHABLE = "Could not reach Discord ({}): check the network connection and try again."
NO_CONTENT_INTENT = (
    "STORYBOT_CHANNELS needs the Message Content intent: turn it on under Bot > Privileged"
    " Gateway Intents at https://discord.com/developers/applications, or unset STORYBOT_CHANNELS."
)


def main() -> int:
    """Run the bot until it is stopped; returns the exit status."""
    logs.configure("text")
    try:
        settings = load_settings(BotSettings)
    except StoryError as error:
        return fail(str(error))
    if settings.discord_token is None:
        return fail(NO_TOKEN)
    token = settings.discord_token.get_secret_value()
    logs.configure(settings.log_format, secrets=[token])
    try:
        with question_log(settings) as questions:
            asyncio.run(serve(settings, token, questions))
    except StoryError as error:
        return fail(str(error))
    except discord.LoginFailure:
        return fail(TOKEN_REFUSED)
    except discord.PrivilegedIntentsRequired:
        return fail(NO_CONTENT_INTENT)
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound) as error:
        return fail(UNREACHABLE.format(error))
    except KeyboardInterrupt:
        log.info("Stopped")
    return 0


def open_engine(settings: BotSettings) -> StoryEngine:
    """The engine with its model and index loaded, so the first question is as quick as any.

    It follows the corpus: a changed article is indexed in the background and swapped in.
    """
    from index.vectors import store

    engine = LiveEngine(settings, progress=log.info)
    with suppress(StoryError):  # the operator hears which corpus files the answers leave out
        for skipped in store.read_manifest(settings.data_dir).skipped:
            log.warning("Left out of the index: %s", skipped)
    return engine


async def serve(settings: BotSettings, token: str, questions: Recorder | None = None) -> None:
    """Load the engine, connect, and answer until stopped, closing the connection on the way out.

    The metrics server starts first, so /healthz says "starting" while the engine loads.
    """
    metrics = Metrics()
    server = MetricsServer(metrics)
    if settings.metrics_port is not None:
        port = await server.start(settings.metrics_host, settings.metrics_port)
        log.info("Metrics on http://%s:%d/metrics, health on /healthz", settings.metrics_host, port)
    try:
        engine = await asyncio.to_thread(open_engine, settings)
        bot = StoryBot(settings, MeasuredEngine(engine, metrics), questions)
        server.bot = bot
        async with bot:
            await bot.add_cog(Operations(metrics))
            if isinstance(engine, LiveEngine):
                await bot.add_cog(StoryUpdates(bot, engine))
            await bot.start(token)
    finally:
        await server.stop()


def fail(message: str) -> int:
    """Print one line saying what to do, and return the exit status for a setup problem."""
    print(message, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
