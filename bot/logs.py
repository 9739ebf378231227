"""The bot's log: what an operator needs, as text or JSON lines, and never the token."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime

import discord

TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HIDDEN = "[hidden]"
QUIET = {
    "faiss.loader": logging.WARNING,  # "Loading faiss with AVX2 support." twice at every start
    "sentence_transformers": logging.ERROR,
}


class JsonLines(logging.Formatter):
    """One JSON object a line: time, level, logger, message, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class Redacting(logging.Formatter):
    """Another formatter's lines with every secret replaced, whatever a library put in them."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        """The inner formatter's line, secrets hidden."""
        line = self.inner.format(record)
        for secret in self.secrets:
            line = line.replace(secret, HIDDEN)
        return line


def configure(log_format: str, secrets: Iterable[str] = ()) -> None:
    """Log INFO and up to stderr as text or JSON lines; quiet the libraries' start-up chatter.

    Called again (once the token is known), it replaces its own handler; a root logger that
    something else configured (pytest, an application embedding the bot) is left alone.
    """
    root = logging.getLogger()
    if all(isinstance(h.formatter, Redacting) for h in root.handlers):
        handler = logging.StreamHandler()
        inner = JsonLines() if log_format == "json" else logging.Formatter(TEXT)
        handler.setFormatter(Redacting(inner, secrets))
        root.handlers[:] = [handler]
        root.setLevel(logging.INFO)
    for name, level in QUIET.items():
        logging.getLogger(name).setLevel(level)
    # StoryBot never joins a voice channel: the warnings that voice libraries are missing alarm
    # operators for nothing.
    discord.VoiceClient.warn_nacl = False
    if hasattr(discord.VoiceClient, "warn_dave"):
        discord.VoiceClient.warn_dave = False
