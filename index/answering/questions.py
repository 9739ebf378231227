"""Cleaning what a person typed into a question the engine can search for, or saying why not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUESTION_CHARS = 2000

MENTION = re.compile(r"<[@#][!&]?\d+>|@(?:everyone|here)\b", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
ADDRESS = re.compile(
    r"^\s*(?:(?:hey|hi|hello|yo|ok|okay|dear)\b[\s,!.]*)?(?:@[\w.-]+|story ?bot\b)[\s,:;!.-]*",
    re.IGNORECASE,
)
"""Whom a message is addressed to, typed at its start ("hey @StoryBot who leads Syria?",
"StoryBot, who wrote it?"): not part of the question ("StoryBot" would be a name the story
lacks)."""
CHAT_WORDS = (
    r"ok(?:ay)?|k+|wait|hm+|oh|ah|right|cool|lol|yeah|yes|yep|well|alright|nice|thanks|thx|great"
    r"|huh|btw"
)
"""The words a chat message opens with before its question (a pattern's alternatives)."""
CHAT_ONLY = r"btw|thx|ty|lol|lmao|hm+|tbh|fyi|pls|plz"
"""Chat words that are never part of a question, whatever follows them."""
CHAT_OPENING = re.compile(
    rf"^\s*(?:(?:{CHAT_WORDS})\s*[,.!:;…]+\s*|(?:{CHAT_ONLY})\b[\s,.!:;…]*)+", re.IGNORECASE
)
"""What a chat message opens with before its question, set off by punctuation ("thx! and who
reported it?", "wait, who wrote it?"): it lowered the answer's confidence ("thx! and who
reported it first?" was refused as not mentioning "thx"). Without punctuation ("ok and the
date?") it stays: the conversation rules were measured with it there, and taking it out too
cost two follow-ups at rank 1 in eval/conversations.json; "Great Britain" keeps its name. Words
that are only chat (`CHAT_ONLY`: "btw who wrote it", "thx who reported it first") go without
punctuation too: "thx who reported it first" was refused (0.22) as not mentioning "thx"."""
EMPHASIS = re.compile(r"[*_~`]+")
MARKUP = re.compile(r"[>|#\[\]()]+")
TERMINAL = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)")
"""A terminal's colour, cursor or title sequence pasted from a console ("\x1b[31m"); any other
control character is only a space."""

BLANK = "Please ask a question about the story."
TOO_LONG = f"That question is too long: please keep it under {MAX_QUESTION_CHARS:,} characters."
NO_WORDS = "I couldn't find a question in that. Try asking about the story in words."


@dataclass(frozen=True)
class Question:
    """A question as typed and as searched: printable, plain text, no mentions or markdown."""

    asked: str
    text: str


class Unaskable(ValueError):
    """What was typed is not a question the engine can search for; the message says why."""


def question_from(typed: str) -> Question:
    """The searchable form of what was typed; raises Unaskable with a reason to show."""
    if len(typed) > MAX_QUESTION_CHARS:
        raise Unaskable(TOO_LONG)
    text = TERMINAL.sub(" ", typed)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = unicodedata.normalize("NFKC", text)
    text = EMPHASIS.sub("", MARKUP.sub(" ", URL.sub(" ", MENTION.sub(" ", text))))
    text = CHAT_OPENING.sub(" ", ADDRESS.sub(" ", text))
    text = " ".join(text.split())
    if not text:
        raise Unaskable(BLANK)
    if not any(ch.isalpha() for ch in text):
        raise Unaskable(NO_WORDS)
    return Question(typed, text)
