"""A data folder that heals itself: every file StoryBot reads back is checked before use, and a
missing, truncated or garbled one is rebuilt (or the encoder exported again) with its reason."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from index.vectors import store
from index.vectors.embedding import (
    ENCODER_FILE,
    ENCODER_SPEC,
    TOKENIZER_FILE,
    EncoderMissing,
    OnnxEmbedder,
)
from tests.faults import checks
from tests.faults.running import QUESTION, live_build, record, storybot

pytestmark = pytest.mark.slow

EXPECTED = "answer from a rebuilt index; reason on stderr"


@pytest.mark.parametrize(
    ("fault", "damage"),
    [
        ("CURRENT overwritten with random bytes", os.urandom(64)),
        ("CURRENT emptied", b""),
        ("CURRENT naming a build that is gone", b"build-gone"),
        ("CURRENT naming a path outside builds/", b"../../etc"),
    ],
)
def test_a_garbled_pointer_is_rebuilt(
    data_dir: Path, env: dict[str, str], fault: str, damage: bytes
) -> None:
    (data_dir / "CURRENT").write_bytes(damage)
    run = storybot("ask", "--json", QUESTION, env=env)
    record("data folder", fault, EXPECTED, run)
    checks.answered(run, "Building the index")
    assert store.current_build(data_dir).is_dir()


def test_a_pointer_that_is_a_folder_is_replaced(data_dir: Path, env: dict[str, str]) -> None:
    (data_dir / "CURRENT").unlink()
    (data_dir / "CURRENT").mkdir()
    run = storybot("ask", "--json", QUESTION, env=env)
    record("data folder", "CURRENT is a folder", EXPECTED, run)
    checks.answered(run, "Building the index")
    assert (data_dir / "CURRENT").is_file()


DAMAGE = [
    *[(name, "cut in half") for name in (*store.VECTOR_FILES, store.RECORDS, store.MANIFEST)],
    *[(name, "random bytes") for name in ("passages.faiss", store.RECORDS, store.MANIFEST)],
    *[(name, "deleted") for name in ("sentences.npz", store.RECORDS, store.MANIFEST)],
]


@pytest.mark.parametrize(("victim", "how"), DAMAGE)
def test_a_damaged_index_file_is_rebuilt(
    data_dir: Path, env: dict[str, str], victim: str, how: str
) -> None:
    path = live_build(data_dir) / victim
    if how == "deleted":
        path.unlink()
    else:
        size = path.stat().st_size
        path.write_bytes(
            path.read_bytes()[: size // 2] if how == "cut in half" else os.urandom(size)
        )
    run = storybot("ask", "--json", QUESTION, env=env)
    record("data folder", f"{victim} {how}", EXPECTED, run)
    checks.answered(run, "Building the index: the index is unreadable")


@pytest.mark.parametrize(
    "manifest",
    ["[]", "null", '{"files": 3}', '{"model": 1, "files": {}}', '"text"'],
)
def test_a_manifest_of_the_wrong_shape_is_rebuilt(
    data_dir: Path, env: dict[str, str], manifest: str
) -> None:
    (live_build(data_dir) / store.MANIFEST).write_text(manifest)
    run = storybot("ask", "--json", QUESTION, env=env)
    record("data folder", f"manifest.json replaced by `{manifest}`", EXPECTED, run)
    checks.answered(run, "unreadable")


def _damaged_encoder(encoders: Path, to: Path) -> Path:
    shutil.copytree(encoders, to, ignore=shutil.ignore_patterns(".*"))
    [folder] = [p for p in to.iterdir() if p.is_dir()]
    return folder


def test_a_tokenizer_cut_in_half_is_exported_again(
    data_dir: Path, encoders: Path, tmp_path: Path
) -> None:
    folder = _damaged_encoder(encoders, tmp_path / "encoders")
    tokenizer = folder / TOKENIZER_FILE
    tokenizer.write_bytes(tokenizer.read_bytes()[: tokenizer.stat().st_size // 2])
    env = {"STORYBOT_DATA_DIR": str(data_dir), "STORYBOT_ENCODERS": str(tmp_path / "encoders")}
    run = storybot("ask", "--json", QUESTION, env=env)
    record("encoder", "tokenizer.json cut in half", "encoder exported again; answer", run)
    checks.answered(run, "Exporting the encoder again")
    assert OnnxEmbedder(folder).dimension == 384
    assert not [p for p in folder.parent.iterdir() if p.name.startswith((".export-", ".stale-"))]


@pytest.mark.parametrize(
    ("fault", "damage"),
    [
        ("tokenizer.json randomised", lambda f: (f / TOKENIZER_FILE).write_bytes(os.urandom(4096))),
        ("tokenizer.json deleted", lambda f: (f / TOKENIZER_FILE).unlink()),
        ("model.onnx cut in half", lambda f: (f / ENCODER_FILE).write_bytes(b"\0" * 1000)),
        ("encoder.json not JSON", lambda f: (f / ENCODER_SPEC).write_text("{pooling")),
        (
            "encoder.json with an unknown pooling",
            lambda f: (f / ENCODER_SPEC).write_text(
                json.dumps({**json.loads((f / ENCODER_SPEC).read_text()), "pooling": "median"})
            ),
        ),
        (
            "encoder.json with a negative length limit",
            lambda f: (f / ENCODER_SPEC).write_text(
                json.dumps({**json.loads((f / ENCODER_SPEC).read_text()), "max_length": -1})
            ),
        ),
    ],
)
def test_a_damaged_encoder_is_found_before_use(
    encoders: Path, tmp_path: Path, fault: str, damage: object
) -> None:
    folder = _damaged_encoder(encoders, tmp_path / "encoders")
    damage(folder)  # type: ignore[operator]
    with pytest.raises(EncoderMissing) as found:
        OnnxEmbedder(folder)
    record(
        "encoder",
        fault,
        "found before use (EncoderMissing), so exported again as above",
        f"EncoderMissing: “{found.value}”",
    )
