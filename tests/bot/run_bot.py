"""`python tests/bot/run_bot.py REST_BASE GATEWAY`: `python -m bot` itself, pointed at a fake
Discord instead of discord.com, so that tests can run whole bot processes."""

from __future__ import annotations

import sys

import discord
import yarl

from bot.__main__ import main

if __name__ == "__main__":
    discord.http.Route.BASE = sys.argv[1]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
    sys.exit(main())
