"""Questions asked again are not worked out again: the engine keeps recent answers and vectors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.answering.conversation import answer_in_context
from index.engine import Engine
from index.recent import Recent
from index.settings import Settings
from tests.index.conftest import HashingEmbedder


class TextsSeen(HashingEmbedder):
    """The fake embedder, noting every text it is asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().encode(texts)


@pytest.fixture()
def embedder() -> TextsSeen:
    return TextsSeen()


@pytest.fixture()
def engine(corpus_copy: Path, tmp_path: Path, embedder: TextsSeen) -> Engine:
    settings = Settings(corpus=corpus_copy, data_dir=tmp_path / "data", model="hashing")
    opened = Engine.open(settings, progress=lambda _: None, embedder=embedder)
    embedder.texts.clear()  # what the build encoded
    return opened


def test_recent_keeps_the_last_asked_and_lets_the_oldest_go() -> None:
    recent: Recent[str, int] = Recent(2)
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    for key in ["a", "b", "a", "c", "a", "b"]:
        recent.get(key, lambda key=key: make(key))  # type: ignore[misc]
    # "a" is asked again before "c" arrives, so "b" is the one let go, and made again at the end
    assert made == ["a", "b", "c", "b"]
    assert len(recent) == 2


def test_recent_of_size_zero_keeps_nothing() -> None:
    recent: Recent[str, object] = Recent(0)
    first, second = recent.get("a", object), recent.get("a", object)
    assert first is not second
    assert len(recent) == 0


def test_a_question_asked_again_is_answered_without_encoding_it_again(
    engine: Engine, embedder: TextsSeen
) -> None:
    first = engine.ask("Who leads Syria now?")
    encoded = len(embedder.texts)
    again = engine.ask("Who leads Syria now?")
    assert encoded >= 1
    assert len(embedder.texts) == encoded
    assert again == first


def test_a_kept_vector_cannot_be_changed_by_whoever_got_it(engine: Engine) -> None:
    vector = engine._vector("Who leads Syria now?")
    with pytest.raises(ValueError, match="read-only"):
        vector[0] = 1.0


def test_an_engine_keeping_nothing_works_each_question_out_afresh(
    engine: Engine, embedder: TextsSeen
) -> None:
    engine.keep(0)
    engine.ask("Who leads Syria now?")
    encoded = len(embedder.texts)
    engine.ask("Who leads Syria now?")
    assert encoded >= 1
    assert embedder.texts[encoded:] == embedder.texts[:encoded]


def test_a_conversation_encodes_its_earlier_questions_once(
    engine: Engine, embedder: TextsSeen
) -> None:
    history = ["Who is the new leader of Syria?", "What did he say to Trump?"]
    answer_in_context(engine, "And how did the US react?", history)
    before = len(embedder.texts)
    answer_in_context(engine, "When was that?", [*history, "And how did the US react?"])
    later = embedder.texts[before:]
    assert later  # the new question is encoded …
    assert not set(later) & {*history, "And how did the US react?"}  # … the earlier ones are not
