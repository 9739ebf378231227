"""Building, rebuilding on change, and recovering from corrupt or half-written indexes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import Settings
from index.vectors import store
from index.vectors.build import build
from index.vectors.freshness import open_records, stale_reason
from tests.index.conftest import HashingEmbedder


@pytest.fixture()
def settings(corpus_copy: Path, tmp_path: Path) -> Settings:
    return Settings(corpus=corpus_copy, data_dir=tmp_path / "data", model="hashing")


def _open(settings: Settings, embedder: HashingEmbedder) -> tuple[Engine, list[str]]:
    said: list[str] = []
    return Engine.open(settings, progress=said.append, embedder=embedder), said


def test_first_use_builds_and_second_use_reuses(
    settings: Settings, hashing_embedder: HashingEmbedder
) -> None:
    engine, said = _open(settings, hashing_embedder)
    assert any("no index yet" in line for line in said)
    assert engine.sources()[0].passages == 10
    _, said_again = _open(settings, hashing_embedder)
    assert said_again == []
    manifest = store.read_manifest(settings.data_dir)
    assert (manifest.model, manifest.dimension, manifest.max_chars) == ("hashing", 64, 700)


def test_a_changed_corpus_is_rebuilt(settings: Settings, hashing_embedder: HashingEmbedder) -> None:
    _open(settings, hashing_embedder)
    article = settings.corpus / "us-syria-intelligence-sharing.txt"
    article.write_text(article.read_text().replace("Ahmed al-Sharaa", "Ahmed al-Shara"))
    reason = "the corpus changed (changed us-syria-intelligence-sharing.txt)"
    assert stale_reason(settings) == reason
    engine, said = _open(settings, hashing_embedder)
    assert any("changed" in line for line in said)
    assert any(
        "al-Shara," in hit.chunk.text for hit in engine.ask("Ahmed al-Shara leader", k=3).hits
    )


def test_an_index_of_another_format_is_rebuilt(
    settings: Settings, hashing_embedder: HashingEmbedder
) -> None:
    _open(settings, hashing_embedder)
    folder = settings.data_dir / "builds" / (settings.data_dir / "CURRENT").read_text()
    manifest = folder / "manifest.json"
    manifest.write_text(
        manifest.read_text().replace(f'"format": {store.FORMAT_VERSION}', '"format": 4')
    )
    assert stale_reason(settings) == "it was written by another version of StoryBot"
    engine, said = _open(settings, hashing_embedder)
    assert any("another version" in line for line in said)
    assert store.read_manifest(settings.data_dir).format == store.FORMAT_VERSION
    assert len(engine.ask("intelligence sharing ISIS", k=3).hits) == 3


def test_a_changed_model_setting_is_rebuilt(
    settings: Settings, hashing_embedder: HashingEmbedder
) -> None:
    _open(settings, hashing_embedder)
    other = settings.model_copy(update={"model": "another-model"})
    assert stale_reason(other) is not None
    _, said = _open(other, hashing_embedder)
    assert any("changed" in line for line in said)


@pytest.mark.parametrize(
    "victim",
    ["passages.faiss", "sentences.faiss", "clauses.npz", "passages.json", "manifest.json"],
)
def test_a_truncated_file_is_detected_and_rebuilt(
    settings: Settings, hashing_embedder: HashingEmbedder, victim: str
) -> None:
    _open(settings, hashing_embedder)
    folder = settings.data_dir / "builds" / (settings.data_dir / "CURRENT").read_text()
    path = folder / victim
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    engine, said = _open(settings, hashing_embedder)
    assert any("unreadable" in line for line in said)
    assert len(engine.ask("intelligence sharing ISIS", k=3).hits) == 3


def test_a_flipped_byte_is_detected(settings: Settings, hashing_embedder: HashingEmbedder) -> None:
    _open(settings, hashing_embedder)
    folder = settings.data_dir / "builds" / (settings.data_dir / "CURRENT").read_text()
    path = folder / "passages.faiss"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(store.IndexCorrupt):
        store.read_vectors(settings.data_dir)
    _, said = _open(settings, hashing_embedder)
    assert any("unreadable" in line for line in said)


def test_a_build_killed_halfway_leaves_the_previous_index(
    settings: Settings, hashing_embedder: HashingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(settings, hashing_embedder)
    before = store.read_records(settings.data_dir)

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_write_atomically", killed)
    with pytest.raises(KeyboardInterrupt):
        build(settings, hashing_embedder, lambda _: None)
    assert store.read_records(settings.data_dir) == before
    assert stale_reason(settings) is None
    assert len(os.listdir(settings.data_dir / "builds")) == 2  # the half-written one is left over
    monkeypatch.undo()
    build(settings, hashing_embedder, lambda _: None)
    assert len(os.listdir(settings.data_dir / "builds")) == 1  # and cleared by the next build


def test_current_pointing_nowhere_is_rebuilt(
    settings: Settings, hashing_embedder: HashingEmbedder
) -> None:
    _open(settings, hashing_embedder)
    (settings.data_dir / "CURRENT").write_text("build-gone")
    engine, said = _open(settings, hashing_embedder)
    assert said and engine.sources()


def test_summary_reads_a_current_index_without_a_model(
    settings: Settings, hashing_embedder: HashingEmbedder
) -> None:
    _open(settings, hashing_embedder)

    def no_model() -> HashingEmbedder:
        raise AssertionError("the model must not load for a current index")

    records = open_records(settings, no_model, lambda _: None)
    assert 3 <= len(records.summary) <= 5
