"""Follow-up turns: a conversation's questions answered with their history, as a thread is.

Every turn reads the conversation's earlier questions again (`conversation.topic_of`), so without
the engine keeping recent answers a turn costs more the longer the conversation. The engine as
it runs is timed against one that keeps nothing, over the same turns, taking turns conversation
by conversation so that the machine's drift hits both alike.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from benchmarks.figures import Figure, Target
from benchmarks.floor import ARTICLE
from benchmarks.measure import percentile, progress, spread
from benchmarks.session import CORPUS, Session

if TYPE_CHECKING:
    from index.answering.conversation import Asks


def follow_ups(session: Session) -> list[Figure]:
    """Follow-up p50 with recent answers kept, against the same turns with nothing kept."""
    from benchmarks.conversations import CONVERSATIONS
    from index.engine import Engine
    from index.settings import Settings

    conversations = [  # those wholly about the story, the one article the benchmark indexes
        [turn["q"] for turn in c["turns"]]
        for c in json.loads(CONVERSATIONS.read_text(encoding="utf-8"))["conversations"]
        if all(turn["source"] == ARTICLE.stem for turn in c["turns"])
    ]
    settings = Settings(corpus=CORPUS, data_dir=session.article_index, model=session.model)
    engines = {"kept": Engine.open(settings), "nothing kept": Engine.open(settings)}
    engines["nothing kept"].keep(0)
    for engine in engines.values():
        for question in session.warmup:
            engine.ask(question, k=3)
    turns = sum(len(c) - 1 for c in conversations)
    progress(f"{len(conversations)} conversations, {turns} follow-up turns, each engine in turn")
    seconds: dict[str, list[float]] = {name: [] for name in engines}
    for n, conversation in enumerate(conversations):
        for name in sorted(engines, reverse=n % 2 == 1):
            seconds[name] += timed_turns(engines[name], conversation)
    session.details["follow_ups"] = {name: spread(s) for name, s in seconds.items()}
    kept, fresh = (percentile(seconds[name], 50) for name in ("kept", "nothing kept"))
    name = f"follow-up p50 ({turns} turns)"
    return [Figure(name, "s", kept, fresh, "same turns, nothing kept", Target(0.8))]


def timed_turns(engine: Asks, questions: list[str]) -> list[float]:
    """Seconds for each turn after the first, answered with the questions before it."""
    from index.answering.conversation import answer_in_context

    engine.ask(questions[0], k=3)  # the first turn, answered alone before any follow-up
    seconds = []
    for at in range(1, len(questions)):
        started = time.perf_counter()
        answer_in_context(engine, questions[at], questions[:at], k=3)
        seconds.append(time.perf_counter() - started)
    return seconds
