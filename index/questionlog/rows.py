"""The rows the log keeps: one for each answer, one for each vote (no SQLAlchemy here)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from index.passages import Answer, StoryError
from index.questionlog.interface import Asker, vote_value
from index.questionlog.spool import Row


def question_rows(
    answer_id: str, answer: Answer, asker: Asker, hashed: str, latency: float, version: str
) -> list[Row]:
    """An answer as the log keeps it (`hashed` is the asker's salted hash), then each question
    of the same message that the story does not answer (`Answer.refused_parts`) as a refused
    one of its own, so that the newsroom's report lists it with the other unanswered questions
    ("… and when was it published?")."""
    rows = [question_row(answer_id, answer, asker, hashed, latency, version)]
    for n, part in enumerate(answer.refused_parts, start=1):
        part_id = uuid.uuid5(uuid.NAMESPACE_OID, f"{answer_id}:part:{n}").hex
        rows.append(question_row(part_id, part, asker, hashed, latency, version))
    return rows


def question_row(
    answer_id: str, answer: Answer, asker: Asker, hashed: str, latency: float, version: str
) -> Row:
    """An answer as the log keeps it; `hashed` is the asker's salted hash."""
    passages = [
        {"citation": hit.citation, "source": hit.chunk.source.id, "score": round(hit.score, 4)}
        for hit in answer.hits
    ]
    return {
        "id": answer_id,
        "asked_at": datetime.now(UTC).isoformat(),
        "via": asker.via,
        "guild_id": asker.guild_id,
        "channel_id": asker.channel_id,
        "asker": hashed,
        "question": answer.question,
        "refused": answer.refused,
        "reason": answer.message if answer.refused else None,
        "missing": list(answer.missing),
        "passages": passages,
        "confidence": float(answer.confidence),
        "latency_ms": round(latency * 1000, 3),
        "index_version": version,
    }


def vote_row(answer_id: str, voter: str, vote: int | str) -> Row:
    """A 👍 (+1) or 👎 (-1) on an answer; `voter` is the voter's salted hash. One per voter and
    answer: a later vote has the same id, and replaces theirs."""
    return {
        "id": uuid.uuid5(uuid.NAMESPACE_OID, f"{answer_id}:{voter}").hex,
        "question_id": answer_id,
        "voter": voter,
        "vote": vote_value(vote),
        "voted_at": datetime.now(UTC).isoformat(),
    }


def index_version(data_dir: Path) -> str:
    """The index answers came from: its format and corpus hash, from the manifest."""
    from index.vectors.store import read_manifest

    try:
        manifest = read_manifest(data_dir)
    except StoryError:
        return "unknown"
    return f"{manifest.format}:{manifest.corpus_hash[:12]}"
