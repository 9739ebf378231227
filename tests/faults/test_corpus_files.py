"""A corpus that survives one bad file: text in any usual encoding is read, and a binary, empty
or broken file is skipped by name while the story is still indexed and answered."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from index.vectors import store
from tests.conftest import CORPUS
from tests.faults import checks
from tests.faults.running import QUESTION, record, storybot

pytestmark = pytest.mark.slow

CAFE = "The café in Beyrouth reopened on Tuesday, naïve visitors said, after the long siege."
READ = "read and indexed; the story still answered"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the shipped corpus, for a test to add a bad file to."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def _env(corpus: Path, tmp_path: Path, encoders: Path) -> dict[str, str]:
    return {
        "STORYBOT_CORPUS": str(corpus),
        "STORYBOT_DATA_DIR": str(tmp_path / "data"),
        "STORYBOT_ENCODERS": str(encoders),
    }


BAD_FILES = [
    ("x.md", os.urandom(4000), "binary x.md", "it is binary, not text"),
    ("report.txt", b"PK\x03\x04" + os.urandom(2000), "a Word/zip export named .txt", "binary"),
    ("empty.txt", b"", "an empty file", "it is empty"),
    ("blank.md", b"  \n\n\t\n", "a file of blank lines", "it is empty"),
    ("only-meta.md", b"---\nauthor: A\n---\n", "front matter and no text", "it is empty"),
    (
        "quote.md",
        b'---\ntitle: "Unterminated\nauthor: X\n---\nBody text.\n',
        "front matter with an unterminated quote",
        "front matter is not valid",
    ),
    (
        "tabs.md",
        b"---\ntitle: [a\n---\nBody.\n",
        "front matter with an open bracket",
        "front matter",
    ),
    (
        "bad16.txt",
        b"\xff\xfe" + b"\x00\xd8" * 10,
        "a UTF-16 mark before broken UTF-16",
        "UTF-16",
    ),
]


def test_bad_files_are_skipped_by_name_and_the_story_answered(
    corpus: Path, tmp_path: Path, encoders: Path
) -> None:
    for name, content, _, _ in BAD_FILES:
        (corpus / name).write_bytes(content)
    env = _env(corpus, tmp_path, encoders)
    build = storybot("build", env=env)
    for name, _, fault, reason in BAD_FILES:
        skip = next((line for line in build.lines if f"{name}:" in line), "not mentioned")
        record(
            "corpus", f"{fault} beside the story", f"skipped: one line naming it ({reason})", skip
        )
    assert build.status == 0 and not build.traceback, build.stderr
    for name, _, _, reason in BAD_FILES:
        checks.skipped(build, name, reason)
    checks.answered(storybot("ask", "--json", QUESTION, env=env))


ENCODINGS = [
    ("latin-1 .txt", "latin.txt", "latin-1"),
    ("cp1252 .txt with curly quotes", "curly.txt", "cp1252"),
    ("UTF-16 .txt with its BOM", "utf16.txt", "utf-16"),
    ("UTF-16BE .txt with its BOM", "utf16be.txt", "utf-16-be"),
    ("UTF-8 .md with a BOM", "bom.md", "utf-8-sig"),
    ("Windows line endings", "windows.txt", "crlf"),
    ("old Mac line endings", "mac.txt", "cr"),
    ("a file name that is not UTF-8", "caf\udce9.txt", "utf-8"),
]


def _article(fault: str, codec: str) -> tuple[str, bytes]:
    quoted = f"“{fault}”" if codec == "cp1252" else f"({fault})"
    body = f"{CAFE} {quoted} was how it came."
    text = f"Café reopens\n\n{body}\n"
    if codec in ("crlf", "cr"):
        return body, text.replace("\n", "\r\n" if codec == "crlf" else "\r").encode()
    if codec == "utf-16-be":
        return body, b"\xfe\xff" + text.encode(codec)
    return body, text.encode(codec)


def test_text_in_other_encodings_is_read(corpus: Path, tmp_path: Path, encoders: Path) -> None:
    for fault, name, codec in ENCODINGS:
        path = corpus / os.fsencode(name).decode("utf-8", "surrogateescape")
        path.write_bytes(_article(fault, codec)[1])
    env = _env(corpus, tmp_path, encoders)
    questions = f"{QUESTION}\nWhich café story had a file name that is not UTF-8?\n"
    run = storybot("ask", "--json", "-k", "10", "-", env=env, stdin=questions.encode())
    indexed = {chunk.text for chunk in store.read_records(tmp_path / "data").chunks}
    for fault, _, codec in ENCODINGS:
        found = _article(fault, codec)[0] in indexed
        record(
            "corpus",
            fault,
            READ,
            f"{'read and indexed' if found else 'NOT INDEXED'}; {run.observed()}",
        )
    checks.answered(run)
    assert all(_article(fault, codec)[0] in indexed for fault, _, codec in ENCODINGS)
    sources = [p["source"] for p in run.answers()[1]["passages"]]  # type: ignore[union-attr]
    assert "caf\ufffd" in sources  # the name's bad byte replaced, and the JSON valid UTF-8


def test_a_corpus_of_only_bad_files_is_one_line(tmp_path: Path, encoders: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_bytes(os.urandom(500))
    (corpus / "b.txt").write_bytes(b"")
    run = storybot("ask", "--json", QUESTION, env=_env(corpus, tmp_path, encoders))
    record("corpus", "every file bad, no index", "one warning each, one closing line, exit 2", run)
    checks.stopped(run, "no readable article", "2 file(s) skipped", lines=4)
    assert "a.md: it is binary" in run.lines[1] and "b.txt: it is empty" in run.lines[2]


def test_a_missing_corpus_answers_from_the_index_and_warns_once(
    env: dict[str, str], tmp_path: Path
) -> None:
    run = storybot("ask", "--json", QUESTION, env=env | {"STORYBOT_CORPUS": str(tmp_path / "gone")})
    record("corpus", "corpus folder gone, index there", "answer from the index; one warning", run)
    checks.answered(run)
    assert len(run.lines) == 1 and "does not exist" in run.lines[0], run.lines


def test_a_corpus_without_articles_answers_from_the_index(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "empty-corpus").mkdir()
    run = storybot(
        "ask", "--json", QUESTION, env=env | {"STORYBOT_CORPUS": str(tmp_path / "empty-corpus")}
    )
    record(
        "corpus", "corpus folder emptied, index there", "answer from the index; one warning", run
    )
    checks.answered(run)
    assert len(run.lines) == 1 and "no .txt or .md" in run.lines[0], run.lines


def test_a_missing_corpus_without_an_index_is_one_line(tmp_path: Path, encoders: Path) -> None:
    env = _env(tmp_path / "gone", tmp_path, encoders)
    run = storybot("ask", "--json", QUESTION, env=env)
    record("corpus", "corpus folder gone, no index", "one line, exit 2", run)
    checks.stopped(run, "does not exist", "STORYBOT_CORPUS")


def test_build_without_a_corpus_says_why_in_one_line(env: dict[str, str], tmp_path: Path) -> None:
    run = storybot("build", env=env | {"STORYBOT_CORPUS": str(tmp_path / "gone")})
    record("corpus", "`storybot build` with the corpus gone", "one line, exit 2, index kept", run)
    checks.stopped(run, "does not exist")
    checks.answered(storybot("ask", "--json", QUESTION, env=env))
