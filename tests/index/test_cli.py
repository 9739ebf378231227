"""The `storybot` command line as a user runs it: JSON contract, stdin, summary, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import Settings
from tests.conftest import CORPUS, DEV_QUESTIONS, ROOT

pytestmark = pytest.mark.slow

PASSAGE_KEYS = {
    "text",
    "citation",
    "source",
    "paragraph",
    "start",
    "end",
    "score",
    "answer",
    "publisher",
    "date",
}
ANSWER_KEYS = {
    "question",
    "refused",
    "message",
    "passages",
    "confidence",
    "missing",
    "tentative",
    "unanswered",
    "id",
}


def storybot(
    *args: str, data_dir: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a clean environment, as a user would."""
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "STORYBOT_CORPUS": str(CORPUS),
        "STORYBOT_DATA_DIR": str(data_dir),
        **env,
    }
    command = [sys.executable, "-c", "from index.cli.commands import main; main()", *args]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=300
    )


@pytest.fixture(scope="module")
def data_dir(engine: Engine, story_settings: Settings) -> Path:
    """The session's already-built index, so these runs do not rebuild it."""
    return story_settings.data_dir


def _check_answer_object(answer: dict[str, object]) -> None:
    assert set(answer) == ANSWER_KEYS
    assert isinstance(answer["confidence"], float) and 0.0 <= answer["confidence"] <= 1.0
    passages = answer["passages"]
    assert isinstance(passages, list)
    if answer["refused"]:
        assert passages == [] and isinstance(answer["message"], str)
    for passage in passages:
        assert set(passage) == PASSAGE_KEYS
        assert len(passage["text"]) <= 700 and f"¶{passage['paragraph']}" in passage["citation"]
        assert isinstance(passage["start"], int) and isinstance(passage["score"], float)
        source = (CORPUS / f"{passage['source']}.txt").read_text()
        assert source[passage["start"] : passage["end"]] == passage["text"]
        assert passage["answer"] in passage["text"]
        assert passage["publisher"] is None, "the story's plain-text file names no publisher"
        assert passage["date"] is None


def test_ask_json_prints_one_object_in_the_contract(data_dir: Path) -> None:
    result = storybot("ask", "--json", "-k", "2", "What plot was thwarted?", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    _check_answer_object(answer)
    assert answer["refused"] is False and len(answer["passages"]) == 2


def test_ask_json_reads_json_lines_from_stdin_in_order(data_dir: Path) -> None:
    questions = [
        "Who leads Syria now?",
        "",
        "What is the capital of France?",
        "@everyone ## hi **there**",
    ]
    result = storybot("ask", "--json", "-", data_dir=data_dir, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    for answer in answers:
        _check_answer_object(answer)
    assert [a["refused"] for a in answers[:3]] == [False, True, True]


def test_ask_prints_cited_passages_with_the_answer_marked(data_dir: Path) -> None:
    result = storybot("ask", "Who is the new leader of Syria?", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "[¶6, US initiates intelligence sharing" in result.stdout
    assert "**The new Syrian leader, Ahmed al-Sharaa" in result.stdout
    assert result.stderr == "", "a current index answers without a word on stderr"


def test_summary_json_loads_no_model_numpy_or_faiss(data_dir: Path) -> None:
    probe = (
        "import sys; from index.cli.commands import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('torch', 'sentence_transformers', 'onnxruntime', 'faiss', 'numpy')\n"
        "assert not [name for name in heavy if name in sys.modules], sys.modules.keys()\n"
    )
    environment = {
        "PATH": os.environ["PATH"],
        "STORYBOT_CORPUS": str(CORPUS),
        "STORYBOT_DATA_DIR": str(data_dir),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe, "summary", "--json"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sentences = json.loads(result.stdout)["sentences"]
    assert 3 <= len(sentences) <= 5
    assert all(set(s) == {"text", "citation"} and "¶" in s["citation"] for s in sentences)


def test_a_missing_model_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    result = storybot(
        "ask", "Who leads Syria?", data_dir=tmp_path, STORYBOT_MODEL=str(tmp_path / "no-model")
    )
    assert result.returncode == 2
    progress, error = result.stderr.strip().splitlines()
    assert progress == "Building the index: no index yet."
    assert error.startswith("storybot: Cannot load the model") and "no-model" in error
    assert "STORYBOT_MODEL" in error
    assert "Traceback" not in result.stderr


def test_a_missing_corpus_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    result = storybot("summary", data_dir=tmp_path, STORYBOT_CORPUS=str(tmp_path / "none"))
    assert result.returncode == 2
    assert "STORYBOT_CORPUS" in result.stderr and "Traceback" not in result.stderr


def test_a_corrupt_index_is_rebuilt_and_said_on_stderr(tmp_path: Path, data_dir: Path) -> None:
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    current = copy / "builds" / (copy / "CURRENT").read_text()
    (current / "passages.faiss").write_bytes(b"not a faiss file")
    result = storybot("ask", "--json", "Who leads Syria?", data_dir=copy)
    assert result.returncode == 0
    assert "unreadable" in result.stderr and json.loads(result.stdout)["passages"]


def test_eval_reports_the_development_sets_figures(data_dir: Path) -> None:
    result = storybot("eval", "--json", str(DEV_QUESTIONS), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["in_scope"], report["hit_at_3"], report["in_scope_refused"]) == (16, 16, 0)
    assert report["off_topic_refused"] == report["off_topic"] == 5


def test_chat_answers_until_an_empty_line(data_dir: Path) -> None:
    result = storybot(
        "chat", data_dir=data_dir, stdin="Who wrote the story?\nWhat is the capital of France?\n\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Tamilla Hasanova" in result.stdout
    assert "doesn't mention “capital of France”" in result.stdout


def test_chat_follows_the_corpus_and_answers_from_the_new_index(
    tmp_path: Path, data_dir: Path
) -> None:
    import shutil
    import time

    from tests.conftest import SECOND_ARTICLE

    corpus, copy = tmp_path / "corpus", tmp_path / "data"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(data_dir, copy)
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "STORYBOT_CORPUS": str(corpus),
        "STORYBOT_DATA_DIR": str(copy),
    }
    command = [sys.executable, "-c", "from index.cli.commands import main; main()", "chat"]
    chat = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    assert chat.stdin is not None and chat.stderr is not None
    time.sleep(3)  # loaded and watching
    shutil.copy(SECOND_ARTICLE, corpus)
    said = [chat.stderr.readline()]
    while not said[-1].startswith("Index version") and said[-1]:
        said.append(chat.stderr.readline())
    chat.stdin.write("How many panels float on the lake?\n\n")
    out, _ = chat.communicate(timeout=120)
    assert said[0] == "Building the index: the corpus changed (added second-article.md).\n"
    assert said[-1].startswith("Index version 2 in place after") and "new article" in said[-1]
    assert "4,200 panels" in out and "Millbrook" in out
