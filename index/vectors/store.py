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
import re
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.passages import Chunk, Source, StoryError, SummarySentence

if TYPE_CHECKING:
    from index.vectors.vectorset import VectorSet

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
"""5: a large passage set is clustered (IVF) and the others are never searched; 4 had HNSW graphs
for passages and sentences, which this version cannot search."""
VECTOR_SETS = ("passages", "sentences", "clauses")
VECTOR_FILES = tuple(f"{name}.{kind}" for name in VECTOR_SETS for kind in ("faiss", "npz"))
RECORDS = "passages.json"
MANIFEST = "manifest.json"
POINTER = "CURRENT"
BUILD_PREFIX = "build-"
BUILD_NAME = re.compile(r"build-[A-Za-z0-9_]{1,64}")
"""What CURRENT may hold: the name of a folder under builds/ and nothing else."""


class IndexMissing(StoryError):
    """No index has been built in the data folder."""


class IndexCorrupt(StoryError):
    """The index files are truncated, altered or unreadable."""


class IndexUnwritable(StoryError):
    """The data folder cannot be written (read-only, full, not permitted); says why."""


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
    skipped: tuple[str, ...] = ()
    """Corpus files left out of the index, each with why ("x.md (it is binary, not text)")."""

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
    folder: Path | None = None
    try:
        builds.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=builds))
        for name in VECTOR_SETS:
            faiss.write_index(vectors[name].index, str(folder / f"{name}.faiss"))
            rows_of = vectors[name].rows_of
            np.savez(folder / f"{name}.npz", starts=rows_of.starts, items=rows_of.items)
        (folder / RECORDS).write_text(
            json.dumps(_records_json(records), ensure_ascii=False), encoding="utf-8"
        )
        files = {name: file_sha256(folder / name) for name in (RECORDS, *VECTOR_FILES)}
        (folder / MANIFEST).write_text(json.dumps({**asdict(manifest), "files": files}, indent=2))
        _write_atomically(data_dir / POINTER, folder.name)
    except (OSError, RuntimeError) as error:  # FAISS reports a failed write as RuntimeError
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise IndexUnwritable(f"Could not write the index in {data_dir}: {_why(error)}.") from None
    remove_other_builds(data_dir, keep=folder.name)


def read_manifest(data_dir: Path) -> Manifest:
    """The current index's manifest; raises IndexMissing or IndexCorrupt."""
    return _manifest_and_files(current_build(data_dir))[0]


def read_records(data_dir: Path, folder: Path | None = None) -> Records:
    """The current index's passages and summary (or those of one build folder), checked against
    the manifest."""
    folder = folder or current_build(data_dir)
    _verified(folder, [RECORDS])
    try:
        return _records_from_json(json.loads((folder / RECORDS).read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexCorrupt(f"The passages file in {folder} is unreadable: {error}") from error


def read_vectors(data_dir: Path, folder: Path | None = None) -> dict[str, VectorSet]:
    """The current index's vector sets (or those of one build folder), checked against the
    manifest."""
    folder = folder or current_build(data_dir)
    _verified(folder, list(VECTOR_FILES))
    return {name: _vector_set(folder, name) for name in VECTOR_SETS}


def read_index(data_dir: Path) -> tuple[Manifest, Records, dict[str, VectorSet]]:
    """Manifest, passages and vectors, all of one build even if another is switched in meanwhile."""
    folder = current_build(data_dir)
    manifest = _manifest_and_files(folder)[0]
    return manifest, read_records(data_dir, folder), read_vectors(data_dir, folder)


def _vector_set(folder: Path, name: str) -> VectorSet:
    import faiss
    import numpy as np

    from index.vectors.vectorset import Ragged, VectorSet

    try:
        index = faiss.read_index(str(folder / f"{name}.faiss"))
        with np.load(folder / f"{name}.npz", allow_pickle=False) as rows_of:
            return VectorSet(index, Ragged(rows_of["starts"], rows_of["items"]))
    except (RuntimeError, ValueError, KeyError, OSError, zipfile.BadZipFile) as error:
        raise IndexCorrupt(f"The {name} vectors in {folder} are unreadable.") from error


def current_build(data_dir: Path) -> Path:
    """The live build's folder, as CURRENT names it; raises IndexMissing or IndexCorrupt."""
    pointer = data_dir / POINTER
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        raise IndexMissing(f"No index has been built in {data_dir}.") from None
    except OSError as error:
        raise IndexCorrupt(f"The pointer {pointer} cannot be read ({_why(error)}).") from None
    name = raw.decode("ascii", "replace").strip()
    if not BUILD_NAME.fullmatch(name):
        raise IndexCorrupt(f"The pointer {pointer} is garbled.")
    folder = data_dir / "builds" / name
    if not folder.is_dir():
        raise IndexCorrupt(f"The index folder {folder} named by {pointer} is missing.")
    return folder


def _manifest_and_files(folder: Path) -> tuple[Manifest, dict[str, str]]:
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = raw.pop("files")
        manifest = Manifest(**{**raw, "skipped": tuple(raw.get("skipped", ()))})
        fields = (manifest.model, manifest.corpus_hash, manifest.encoder, *manifest.skipped)
        numbers = (manifest.max_chars, manifest.dimension, manifest.format)
        texts = (*fields, *files, *files.values(), *manifest.corpus_files.values())
        if not all(isinstance(v, str) for v in texts) or not all(
            isinstance(n, int) for n in numbers
        ):
            raise TypeError("a field of the wrong type")
        return manifest, files
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexCorrupt(f"The manifest in {folder} is unreadable.") from error


def _verified(folder: Path, names: list[str]) -> None:
    expected = _manifest_and_files(folder)[1]
    for name in names:
        path = folder / name
        try:
            intact = path.is_file() and file_sha256(path) == expected.get(name)
        except OSError:
            intact = False
        if not intact:
            raise IndexCorrupt(f"The index file {path} is missing, truncated or altered.")


def file_sha256(path: Path) -> str:
    """The file's SHA-256, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomically(path: Path, text: str) -> None:
    """Write a whole new file beside `path`, sync it, then rename it over `path`."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.is_dir() and not path.is_symlink():  # something made a folder of that name
            shutil.rmtree(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def clear_leftovers(data_dir: Path) -> None:
    """Remove what killed builds left behind, keeping the live build; only under the build lock
    (index/vectors/upkeep.py), when no other process can be writing one."""
    try:
        keep: str | None = current_build(data_dir).name
    except (IndexMissing, IndexCorrupt):
        keep = None
    remove_other_builds(data_dir, keep)


def remove_other_builds(data_dir: Path, keep: str | None) -> None:
    """Remove every build folder but `keep`, and half-written pointers; only under the build
    lock, when no other process can be writing one (index/vectors/upkeep.py)."""
    builds = data_dir / "builds"
    for folder in builds.iterdir() if builds.is_dir() else ():
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)
    for temporary in data_dir.glob(f".{POINTER}-*"):
        temporary.unlink(missing_ok=True)


def _why(error: BaseException) -> str:
    """An OS error's reason in a few words ("Read-only file system"), also from FAISS's long
    messages, which end with it in brackets."""
    if isinstance(error, OSError):
        return error.strerror or str(error)
    found = re.search(r"\(([^()]+)\)\s*$", str(error))
    return found[1] if found else "a write failed"


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
