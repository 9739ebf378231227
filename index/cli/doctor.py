"""`storybot doctor`: where the corpus, index, encoder, model, database and config are, and
whether each is healthy. Nothing is built, exported or loaded beyond a check's need."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from index.corpus.articles import read_article
from index.passages import StoryError
from index.settings import Settings, env_files, variable
from index.vectors import store
from index.vectors.changes import corpus_files
from index.vectors.freshness import stale_reason

OK, LATER, PROBLEM = "ok", "later", "PROBLEM"
"""Healthy; not there yet but made when first needed; needs someone to act."""


@dataclass(frozen=True)
class Check:
    """One thing StoryBot depends on: where it is, and how it is."""

    name: str
    where: str
    status: str
    detail: str


def checks(settings: Settings) -> list[Check]:
    """Every check, in the order a question uses them."""
    steps: list[Callable[[Settings], Check]] = [
        corpus_check,
        index_check,
        model_check,
        encoder_check,
        database_check,
        config_check,
    ]
    return [step(settings) for step in steps]


def corpus_check(settings: Settings) -> Check:
    """The corpus folder holds articles, and each one reads."""
    folder = settings.corpus.expanduser().resolve()
    names = sorted(corpus_files(folder).sha256)
    if not folder.is_dir():
        return Check("corpus", str(folder), PROBLEM, f"no such folder (set {variable('corpus')})")
    if not names:
        return Check("corpus", str(folder), PROBLEM, "holds no .txt or .md article")
    for name in names:
        try:
            read_article(folder / name)
        except (StoryError, OSError, UnicodeDecodeError, ValueError) as error:
            return Check("corpus", str(folder), PROBLEM, f"{name} cannot be read: {error}")
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return Check("corpus", str(folder), OK, f"{len(names)} article(s): {shown}")


def index_check(settings: Settings) -> Check:
    """The index is built and current, or will be built by the first question."""
    folder = settings.data_dir.expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        return Check("index", str(folder), PROBLEM, "is a file, not a folder")
    reason = stale_reason(settings)
    if reason == "no index yet":
        return Check("index", str(folder), LATER, "not built yet: the first question builds it")
    if reason is not None:
        return Check("index", str(folder), LATER, f"out of date ({reason}): rebuilt when used")
    try:
        records = store.read_records(settings.data_dir)
    except StoryError as error:
        return Check("index", str(folder), LATER, f"{error} It is rebuilt when used.")
    built = datetime.fromtimestamp((folder / "CURRENT").stat().st_mtime, UTC)
    sources = len({chunk.source.id for chunk in records.chunks})
    detail = f"current: {len(records.chunks)} passages from {sources} article(s)"
    detail += f", built {built:%Y-%m-%d %H:%M} UTC"
    return Check("index", str(folder), OK, detail)


def model_check(settings: Settings) -> Check:
    """The model the index is built with is on this machine."""
    from index.vectors.embedding import ModelUnavailable, model_location

    try:
        location = model_location(settings.model)
    except ModelUnavailable as error:
        return Check("model", settings.model, PROBLEM, str(error))
    return Check("model", settings.model, OK, f"found at {location}")


def encoder_check(settings: Settings) -> Check:
    """The model's int8 ONNX export that answers questions is there and intact."""
    from index.vectors.build import encoder_key, encoders_folder
    from index.vectors.embedding import ModelUnavailable, OnnxEmbedder

    try:
        folder = encoders_folder(settings).expanduser().resolve() / encoder_key(settings.model)
    except ModelUnavailable:
        return Check("encoder", str(encoders_folder(settings)), PROBLEM, "no model to export")
    if not folder.exists():
        return Check("encoder", str(folder), LATER, "not exported yet: the first build does it")
    try:
        OnnxEmbedder(folder)
    except (StoryError, OSError) as error:
        return Check("encoder", str(folder), LATER, f"{error} It is exported again when used.")
    return Check("encoder", str(folder), OK, "exported and intact")


def database_check(settings: Settings) -> Check:
    """The question log's database, where this version of StoryBot keeps one."""
    if "database_url" not in type(settings).model_fields:
        return Check("database", "-", OK, "none: this version keeps no question log")
    url = getattr(settings, "database_url", None)
    return Check("database", url or "SQLite in the data folder", OK, "configured")


def config_check(settings: Settings) -> Check:
    """Which `.env` files exist and which variables the environment sets."""
    found = [str(path.resolve()) for path in env_files() if path.is_file()]
    names = sorted(name for name in os.environ if name.startswith(("STORYBOT_", "DISCORD_")))
    where = "; ".join(found) or "no .env file"
    looked = " and ".join(str(Path(path).expanduser()) for path in env_files())
    detail = f"looked for {looked}; environment sets {', '.join(names) or 'nothing'}"
    return Check("config", where, OK, detail)
