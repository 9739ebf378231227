"""One large article: `storybot build` throughput and peak memory beside a plain
`SentenceTransformer.encode` of the same passages, in the same run.

    python -m benchmarks.bigbuild                 # a 30 MB article (tens of minutes on 2 cores)
    python -m benchmarks.bigbuild --mb 3          # a smaller slice of the same kind
    python -m benchmarks.bigbuild --encoders data/encoders --out /tmp/bigbuild.json

The article is generated (benchmarks/newswire.py's sentences, one paragraph a line, each
paragraph one passage), so nothing is downloaded. Both sides are whole processes, timed from
start to exit, with their peak resident memory from wait4; the model's int8 encoder is exported
first (or taken from --encoders), as on any machine after its first build.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.floor import ARTICLE
from benchmarks.measure import PYTHON, STORYBOT, offline_env, progress, run
from benchmarks.newswire import FIRST, LAST, PARAGRAPH_LIMIT, SEED, filled, paragraph
from index.settings import DEFAULT_MODEL

RESULTS = Path(__file__).resolve().parent / "results" / "bigbuild.json"


def write_article(path: Path, megabytes: float, seed: int = SEED) -> list[str]:
    """A one-article corpus file of about `megabytes` MB; the texts of its passages."""
    rng = random.Random(seed)
    seen: set[str] = set()
    headline = filled(rng, "{org} {verb} {topic} as talks in {place} stall")
    paragraphs, size = [], len(headline)
    while size < megabytes * 1_000_000:
        # Two wire paragraphs joined where they fit: about 530 characters a passage, as in the
        # 30 MB article of issue 18 (56,455 passages).
        first, second = paragraph(rng, seen), paragraph(rng, seen)
        joined = f"{first} {second}"
        paragraphs += [joined] if len(joined) <= PARAGRAPH_LIMIT else [first, second]
        size += len(joined) + 1
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}"
    path.write_text("\n".join([headline, *paragraphs, byline]) + "\n", encoding="utf-8")
    return [headline, *paragraphs, byline]


def measure(megabytes: float, encoders: Path | None, work: Path) -> dict[str, Any]:
    """Build the large article's index and encode its passages plainly; both figures."""
    environment = offline_env(STORYBOT_MODEL=DEFAULT_MODEL)
    if encoders is None:
        progress("exporting the model's encoder once (the article's index)")
        article_corpus = work / "article"
        article_corpus.mkdir()
        (article_corpus / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
        data = work / "article-data"
        run([STORYBOT, "build"], environment | _places(article_corpus, data))
        encoders = data / "encoders"
    corpus = work / "big"
    corpus.mkdir()
    texts = write_article(corpus / "big-article.txt", megabytes)
    size = (corpus / "big-article.txt").stat().st_size
    progress(f"storybot build of one {size / 1e6:.1f} MB article ({len(texts)} passages)")
    places = _places(corpus, work / "big-data") | {"STORYBOT_ENCODERS": str(encoders)}
    built = run([STORYBOT, "build"], environment | places)
    found = re.search(r"\((\d+) passages\)", built.stderr)
    passages = int(found[1]) if found else len(texts)
    progress(f"plain SentenceTransformer.encode of the same {len(texts)} passages")
    (work / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    plain = run([PYTHON, "-m", "benchmarks.floor", "encode", str(work / "texts.json")], environment)
    encode_seconds = float(json.loads(plain.stdout)["seconds"])
    return {
        "article_mb": round(size / 1e6, 2),
        "passages": passages,
        "storybot_build": {
            "seconds": round(built.seconds, 1),
            "passages_per_second": round(passages / built.seconds, 1),
            "peak_rss_mb": round(built.peak_rss_mb),
            "progress_lines": sum("Embedded " in line for line in built.stderr.splitlines()),
            "last_lines": built.stderr.strip().splitlines()[-3:],
        },
        "plain_encode": {
            "process_seconds": round(plain.seconds, 1),
            "encode_seconds": round(encode_seconds, 1),
            "passages_per_second": round(len(texts) / encode_seconds, 1),
            "peak_rss_mb": round(plain.peak_rss_mb),
        },
    }


def _places(corpus: Path, data: Path) -> dict[str, str]:
    return {"STORYBOT_CORPUS": str(corpus), "STORYBOT_DATA_DIR": str(data)}


def table(result: dict[str, Any]) -> str:
    """The figures as a markdown table."""
    ours, plain = result["storybot_build"], result["plain_encode"]
    return "\n".join(
        [
            f"One {result['article_mb']} MB article, {result['passages']} passages:",
            "",
            "| | passages/s | seconds | peak RSS |",
            "|---|---|---|---|",
            f"| `storybot build` (whole process) | {ours['passages_per_second']} "
            f"| {ours['seconds']} | {ours['peak_rss_mb']} MB |",
            f"| plain `SentenceTransformer.encode` (encode only) | "
            f"{plain['passages_per_second']} | {plain['encode_seconds']} "
            f"| {plain['peak_rss_mb']} MB |",
        ]
    )


def main(argv: list[str]) -> None:
    """Measure, print the table, and write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bigbuild")
    parser.add_argument("--mb", type=float, default=30.0, help="size of the article (MB)")
    parser.add_argument("--encoders", type=Path, help="an exported encoders folder to reuse")
    parser.add_argument("--out", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storybot-bigbuild-") as work:
        result = measure(options.mb, options.encoders, Path(work))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main(sys.argv[1:])
