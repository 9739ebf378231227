"""At scale: a generated corpus (the article plus generated wire stories) of N passages; the
index build's throughput against raw batched encoding, and query latency on that index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, Target
from benchmarks.floor import ARTICLE
from benchmarks.measure import PYTHON, STORYBOT, Finished, percentile, progress, run, spread
from benchmarks.newswire import write_corpus
from benchmarks.session import CORPUS, Index, Session, interleaved_latencies


def scale(session: Session) -> list[Figure]:
    """Build throughput against raw encoding, and query p50 against the one-article p50."""
    corpus, data_dir = session.work / "wire", session.work / "wire-data"
    texts = _generate(corpus, session.scale)
    n = len(texts)
    # The model's int8 encoder is exported once a model (README, "The index"), when the
    # one-article index was built; this build reuses it, as any later build on the machine would.
    encoders = session.article_index / "encoders"
    environment = session.story_env(corpus, data_dir) | {"STORYBOT_ENCODERS": str(encoders)}
    progress(f"storybot build over {n} passages (several minutes at 20,000)")
    built = run([STORYBOT, "build"], environment)
    progress(f"floor: raw batched encoding of the same {n} passages")
    encoded = _raw_encode(session, texts)
    progress(
        f"storybot: {len(session.timed)} questions one at a time on {n} passages and on the"
        " article, taking turns"
    )
    indexes = {
        "scale": Index(data_dir, corpus, encoders),
        "article": Index(session.article_index, CORPUS),
    }
    seconds = interleaved_latencies(indexes, session.model, session.timed, session.warmup)
    session.details["scale"] = _details(n, built, encoded, seconds)
    build = Figure(
        "build at scale",
        "passages/s",
        n / built.seconds,
        n / encoded,
        "raw batched encode",
        Target(0.8, at_least=True),
    )
    # The one-article reference is timed here, in turns with the large index, rather than taken
    # from the warm stage minutes earlier: the machine's speed drifts more than the gap measured.
    query = Figure(
        f"query p50 at {n} passages",
        "s",
        percentile(seconds["scale"], 50),
        percentile(seconds["article"], 50),
        "StoryBot 1-article p50, in turns",
        Target(1.2),
    )
    return [build, query]


def _generate(folder: Path, passages: int) -> list[str]:
    """Write the article and enough wire stories for `passages` passages in all; their texts."""
    from index.corpus.articles import read_article, read_corpus
    from index.corpus.chunking import passages_for

    progress(f"generating a corpus of {passages} passages")
    article = len(passages_for(read_article(ARTICLE)))
    write_corpus(folder, max(3, passages - article))
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    return [chunk.text for a in read_corpus(folder) for chunk in passages_for(a)]


def _details(
    passages: int, built: Finished, encoded: float, seconds: dict[str, list[float]]
) -> dict[str, Any]:
    reported = re.search(r"\((\d+) passages\)", built.stderr)
    return {
        "passages": passages,
        "passages_reported_by_build": int(reported[1]) if reported else None,
        "build_seconds": built.seconds,
        "build_peak_rss_mb": built.peak_rss_mb,
        "raw_encode_seconds": encoded,
        "query": spread(seconds["scale"]),
        "article_query_in_turns": spread(seconds["article"]),
    }


def _raw_encode(session: Session, texts: list[str]) -> float:
    """Seconds the floor takes to encode the texts in batches, model already loaded."""
    path = session.work / "wire-passages.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    finished = run([PYTHON, "-m", "benchmarks.floor", "encode", str(path)], session.story_env())
    seconds: float = json.loads(finished.stdout)["seconds"]
    return seconds
