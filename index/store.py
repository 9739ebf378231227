"""The index on disk: the passages, the summary, for each vector set a FAISS file and which
passages hold its rows, and a manifest; written atomically.

Each build goes to a folder of its own under `builds/`; the file `CURRENT` names the live one and
is replaced in one rename, so a build killed halfway leaves the previous index in place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.passages import Chunk, Source, StoryError, SummarySentence

if TYPE_CHECKING:
    from index.vectorset import VectorSet

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
"""5: a large passage set is clustered (IVF) and the others are never searched; 4 had HNSW graphs
for passages and sentences, which this version cannot search."""
VECTOR_SETS = ("passages", "sentences", "clauses")
VECTOR_FILES = tuple(f"{name}.{kind}" for name in VECTOR_SETS for kind in ("faiss", "npz"))
RECORDS = "passages.json"
MANIFEST = "manifest.json"


class IndexMissing(StoryError):
    """No index has been built in the data folder."""


class IndexCorrupt(StoryError):
    """The index files are truncated, altered or unreadable."""


@dataclass(frozen=True)
class Manifest:
    """What an index was built from; an index is current when this matches the settings."""

    model: str
    corpus_hash: str
    max_chars: int
    dimension: int = 0
    format: int = FORMAT_VERSION
    encoder: str = ""
    """The exported encoder (a folder under encoders/) the vectors came from; "" for torch."""
    corpus_files: dict[str, str] = field(default_factory=dict)
    """Each article file's sha256, to say which files a rebuild is for."""
    corpus_modified: dict[str, float] = field(default_factory=dict)
    """When each article file last changed (its modification time), for `/source`."""

    def matches(self, other: Manifest) -> bool:
        """Whether both describe the same corpus, model, chunking and format."""
        keys = ("model", "corpus_hash", "max_chars", "format")
        return all(getattr(self, key) == getattr(other, key) for key in keys)


@dataclass(frozen=True)
class Records:
    """Everything but the vectors: passages, the texts they were indexed as, and the summary."""

    chunks: tuple[Chunk, ...]
    search_texts: tuple[str, ...]
    summary: tuple[SummarySentence, ...]


def save(
    data_dir: Path, manifest: Manifest, records: Records, vectors: dict[str, VectorSet]
) -> None:
    """Write a complete new index and make it the current one in a single rename."""
    import faiss
    import numpy as np

    builds = data_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    for name in VECTOR_SETS:
        faiss.write_index(vectors[name].index, str(folder / f"{name}.faiss"))
        rows_of = vectors[name].rows_of
        np.savez(folder / f"{name}.npz", starts=rows_of.starts, items=rows_of.items)
    (folder / RECORDS).write_text(json.dumps(_records_json(records), ensure_ascii=False))
    files = {name: file_sha256(folder / name) for name in (RECORDS, *VECTOR_FILES)}
    (folder / MANIFEST).write_text(json.dumps({**asdict(manifest), "files": files}, indent=2))
    _write_atomically(data_dir / "CURRENT", folder.name)
    _remove_old_builds(builds, keep=folder.name)


def read_manifest(data_dir: Path) -> Manifest:
    """The current index's manifest; raises IndexMissing or IndexCorrupt."""
    return _manifest_and_files(_current(data_dir))[0]


def read_records(data_dir: Path) -> Records:
    """The current index's passages and summary, checked against the manifest."""
    folder = _current(data_dir)
    _verified(folder, [RECORDS])
    try:
        return _records_from_json(json.loads((folder / RECORDS).read_text()))
    except (ValueError, KeyError, TypeError) as error:
        raise IndexCorrupt(f"The passages file in {folder} is unreadable: {error}") from error


def read_vectors(data_dir: Path) -> dict[str, VectorSet]:
    """The current index's vector sets, checked against the manifest."""
    folder = _current(data_dir)
    _verified(folder, list(VECTOR_FILES))
    return {name: _vector_set(folder, name) for name in VECTOR_SETS}


def _vector_set(folder: Path, name: str) -> VectorSet:
    import faiss
    import numpy as np

    from index.vectorset import Ragged, VectorSet

    try:
        index = faiss.read_index(str(folder / f"{name}.faiss"))
        with np.load(folder / f"{name}.npz", allow_pickle=False) as rows_of:
            return VectorSet(index, Ragged(rows_of["starts"], rows_of["items"]))
    except (RuntimeError, ValueError, KeyError, OSError, zipfile.BadZipFile) as error:
        raise IndexCorrupt(f"The {name} vectors in {folder} are unreadable.") from error


def _current(data_dir: Path) -> Path:
    pointer = data_dir / "CURRENT"
    if not pointer.is_file():
        raise IndexMissing(f"No index has been built in {data_dir}.")
    folder = data_dir / "builds" / pointer.read_text().strip()
    if not folder.is_dir():
        raise IndexCorrupt(f"The index folder {folder} named by {pointer} is missing.")
    return folder


def _manifest_and_files(folder: Path) -> tuple[Manifest, dict[str, str]]:
    try:
        raw = json.loads((folder / MANIFEST).read_text())
        files = raw.pop("files")
        return Manifest(**raw), files
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IndexCorrupt(f"The manifest in {folder} is unreadable.") from error


def _verified(folder: Path, names: list[str]) -> None:
    expected = _manifest_and_files(folder)[1]
    for name in names:
        path = folder / name
        if not path.is_file() or file_sha256(path) != expected.get(name):
            raise IndexCorrupt(f"The index file {path} is missing, truncated or altered.")


def file_sha256(path: Path) -> str:
    """The file's SHA-256, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _remove_old_builds(builds: Path, keep: str) -> None:
    for folder in builds.iterdir():
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)


def _records_json(records: Records) -> dict[str, Any]:
    sources = {c.source.id: asdict(c.source) for c in records.chunks}
    return {
        "sources": sources,
        "chunks": [
            {**asdict(c), "source": c.source.id, "search_text": t}
            for c, t in zip(records.chunks, records.search_texts, strict=True)
        ],
        "summary": [{**asdict(s), "source": s.source.id} for s in records.summary],
    }


def _records_from_json(raw: dict[str, Any]) -> Records:
    sources = {key: Source(**value) for key, value in raw["sources"].items()}
    chunks = []
    for item in raw["chunks"]:
        item = dict(item, source=sources[item["source"]])
        item["sentences"] = tuple(tuple(span) for span in item["sentences"])
        item.pop("search_text")
        chunks.append(Chunk(**item))
    summary = [SummarySentence(**dict(s, source=sources[s["source"]])) for s in raw["summary"]]
    texts = tuple(item["search_text"] for item in raw["chunks"])
    return Records(tuple(chunks), texts, tuple(summary))
