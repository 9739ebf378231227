"""`python -m bot`: load the model and index, then answer questions about the story on Discord."""

from __future__ import annotations

import asyncio
import logging
import sys
from contextlib import suppress

import aiohttp
import discord

from bot.client import StoryBot, StoryEngine
from bot.settings import BotSettings
from index.passages import StoryError
from index.settings import load_settings

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
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_settings(BotSettings)
    except StoryError as error:
        return fail(str(error))
    if settings.discord_token is None:
        return fail(NO_TOKEN)
    try:
        bot = StoryBot(settings, open_engine(settings))
        asyncio.run(serve(bot, settings.discord_token.get_secret_value()))
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
    """The engine with its model and index loaded, so the first question is as quick as any."""
    # Imported here: torch takes seconds to import, and a missing token should fail at once.
    from index import store
    from index.engine import Engine

    engine = Engine.open(settings, progress=log.info)
    with suppress(StoryError):  # the operator hears which corpus files the answers leave out
        for skipped in store.read_manifest(settings.data_dir).skipped:
            log.warning("Left out of the index: %s", skipped)
    return engine


async def serve(bot: StoryBot, token: str) -> None:
    """Connect and answer until the process is stopped, closing the connection on the way out."""
    async with bot:
        await bot.start(token)


def fail(message: str) -> int:
    """Print one line saying what to do, and return the exit status for a setup problem."""
    print(message, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
