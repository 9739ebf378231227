"""The bot's log lines: JSON when asked for, and the token hidden whatever carries it."""

from __future__ import annotations

import json
import logging
import sys

from harness import TOKEN

from bot.logs import HIDDEN, JsonLines, Redacting


def record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    info = None
    if exc:
        try:
            raise RuntimeError(f"refused {TOKEN}")
        except RuntimeError:
            info = sys.exc_info()
    return logging.LogRecord("bot.test", logging.WARNING, __file__, 1, message, args, info)


def test_json_lines_carry_level_logger_message_and_traceback() -> None:
    line = JsonLines().format(record("Connected as %s", "StoryBot", exc=True))
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"]) == (
        "WARNING",
        "bot.test",
        "Connected as StoryBot",
    )
    assert "RuntimeError" in entry["exception"] and "\n" not in line


def test_the_token_is_hidden_in_messages_arguments_and_tracebacks() -> None:
    for inner in (JsonLines(), logging.Formatter("%(message)s")):
        line = Redacting(inner, [TOKEN]).format(record("token %s", TOKEN, exc=True))
        assert TOKEN not in line and HIDDEN in line
