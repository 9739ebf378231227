"""`python -m benchmarks.discord_bot REST_BASE GATEWAY_URL`: the real `python -m bot`, pointed
at a fake Discord instead of discord.com; everything else is the bot as it ships."""

from __future__ import annotations

import sys


def main(rest_base: str, gateway_url: str) -> int:
    """Point discord.py at the given REST base and gateway, then run the bot's own main."""
    import discord
    import yarl

    discord.http.Route.BASE = rest_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    from bot.__main__ import main as bot_main

    return bot_main()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
