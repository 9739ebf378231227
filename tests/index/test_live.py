"""Following a developing story: rebuild on change, swap between questions, keep a good index."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.settings import Settings
from index.vectors.build import build
from index.vectors.live import LiveEngine, RebuildFailed, Update, follow
from tests.conftest import SECOND_ARTICLE
from tests.index.conftest import HashingEmbedder

QUESTION = "How many panels float on the quarry lake?"


class GatedEmbedder(HashingEmbedder):
    """The hashing embedder, whose builds (many texts at once) wait until the gate opens."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.building = threading.Event()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1:
            self.building.set()
            assert self.gate.wait(timeout=30)
        return super().encode(texts)


@pytest.fixture()
def live(corpus_copy: Path, tmp_path: Path) -> LiveEngine:
    settings = Settings(corpus=corpus_copy, data_dir=tmp_path / "data", model="hashing")
    return LiveEngine(settings, progress=lambda _: None, embedder=GatedEmbedder())


def cites_second(live: LiveEngine) -> bool:
    answer = live.ask(QUESTION, 1)
    return not answer.refused and answer.hits[0].chunk.source.id == "second-article"


def test_an_added_then_changed_article_is_swapped_in_with_what_changed(live: LiveEngine) -> None:
    assert live.refresh() is None  # nothing changed yet
    shutil.copy(SECOND_ARTICLE, live.settings.corpus)
    added = live.refresh()
    assert added is not None and added.version == 2 and cites_second(live)
    assert "added second-article.md" in added.reason
    [new] = added.changes
    assert new.new and new.describe().endswith("quarry lake”: new article, 7 paragraphs")
    article = live.settings.corpus / "second-article.md"
    text = article.read_text().replace("4,200 panels", "5,000 panels")
    article.write_text(text.replace("By Dana", "A second lake follows in 2027.\n\nBy Dana"))
    changed = live.refresh()
    assert changed is not None and changed.version == 3
    [change] = changed.changes
    assert (change.changed, change.added) == ((1,), (6,))
    assert any("5,000 panels" in hit.chunk.text for hit in live.ask(QUESTION, 3).hits)
    [info] = [i for i in live.sources() if i.source.id == "second-article"]
    assert info.changed == pytest.approx(article.stat().st_mtime)


def test_an_unreadable_article_keeps_the_index_in_place(live: LiveEngine) -> None:
    shutil.copy(SECOND_ARTICLE, live.settings.corpus)
    assert live.refresh() is not None
    (live.settings.corpus / "second-article.md").write_bytes(b"\xff\xfe\x00garbage\x00" * 50)
    with pytest.raises(RebuildFailed, match=r"^Kept the index in place: second-article\.md"):
        live.refresh()
    assert live.version == 2 and cites_second(live)


def test_questions_during_a_rebuild_are_answered_from_the_old_index(live: LiveEngine) -> None:
    embedder = live.engine._embedder
    assert isinstance(embedder, GatedEmbedder)
    embedder.gate.clear()
    shutil.copy(SECOND_ARTICLE, live.settings.corpus)
    rebuilt: list[Update | None] = []
    worker = threading.Thread(target=lambda: rebuilt.append(live.refresh()))
    worker.start()
    assert embedder.building.wait(timeout=30)
    during = [live.ask(QUESTION, 1) for _ in range(20)]
    embedder.gate.set()
    worker.join(timeout=30)
    assert all(a.refused or a.hits[0].chunk.source.id != "second-article" for a in during)
    assert rebuilt[0] is not None and cites_second(live)


def test_follow_rebuilds_when_a_file_is_saved(live: LiveEngine) -> None:
    stop = threading.Event()
    events: list[Update | RebuildFailed] = []

    def watch() -> None:
        for event in follow(live, stop):
            events.append(event)
            stop.set()

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        threading.Event().wait(0.5)  # the watcher is listening
        shutil.copy(SECOND_ARTICLE, live.settings.corpus)
        watcher.join(timeout=30)
    finally:
        stop.set()
    assert [type(e) for e in events] == [Update] and cites_second(live)


def test_an_index_built_by_storybot_build_meanwhile_is_loaded(live: LiveEngine) -> None:
    shutil.copy(SECOND_ARTICLE, live.settings.corpus)
    build(live.settings, HashingEmbedder(), lambda _: None)  # as `storybot build` would
    update = live.refresh()
    assert update is not None and update.reason == "the index was rebuilt on disk"
    assert cites_second(live) and live.refresh() is None
