"""A follow-up is one question in the metrics, however many engine calls reading it takes."""

from __future__ import annotations

from bot.client import StoryBot
from bot.metrics import MeasuredEngine, Metrics
from index.passages import Answer, Chunk, Hit, Source
from tests.bot.harness import bot_settings

STORY = Source("story", "A story")
PASSAGES = tuple(
    Chunk(STORY, n, 100 * n, 100 * n + 40, f"Paragraph {n} of the story, about its subject.")
    for n in range(1, 4)
)


class CountingEngine:
    """Answers every question from the same passages, counting the calls to `ask`."""

    model_name = "fake"

    def __init__(self) -> None:
        self.asked = 0

    def ask(self, question: str, k: int | None = None) -> Answer:
        self.asked += 1
        return Answer(question, refused=False, hits=self.rank(question, k or 3), confidence=0.9)

    def rank(self, question: str, k: int) -> tuple[Hit, ...]:
        return tuple(Hit(chunk, 1.0 - chunk.paragraph / 10) for chunk in PASSAGES[:k])


def count(metrics: Metrics, name: str) -> float:
    """The value of one sample of the metrics' registry."""
    value = metrics.registry.get_sample_value(name)
    assert value is not None, name
    return value


def test_a_follow_up_counts_and_times_one_question() -> None:
    metrics, engine = Metrics(), CountingEngine()
    history = ["Who is the new leader?", "What did he say?", "And then?"]
    answer = MeasuredEngine(engine, metrics).ask_after("Why?", history)
    assert not answer.refused and engine.asked > 1
    assert count(metrics, "storybot_questions_total") == 1
    assert count(metrics, "storybot_answer_seconds_count") == 1


async def test_the_bot_counts_a_follow_up_once() -> None:
    metrics, engine = Metrics(), CountingEngine()
    bot = StoryBot(bot_settings(), MeasuredEngine(engine, metrics))  # never connected
    await bot.ask("What did he say?", None, ["Who is the new leader?"])
    assert engine.asked > 1
    assert count(metrics, "storybot_questions_total") == 1
