"""Paths and settings fail in one line with exit 2 before any model loads; a folder that cannot
be written answers from the index that is there, or says in one line that there is none."""

from __future__ import annotations

import os
import resource
import shutil
import signal
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.faults import checks
from tests.faults.running import QUESTION, record, storybot

pytestmark = pytest.mark.slow

BEFORE_MODEL = "one line naming it, exit 2, before any model loads"
QUICK = 30.0
"""Seconds: far less than loading the model and building, even on a busy machine."""


@pytest.mark.parametrize(
    ("variable", "value", "accepts"),
    [
        ("STORYBOT_TOP_K", "abc", "a whole number from 1 to 10"),
        ("STORYBOT_TOP_K", "0", "a whole number from 1 to 10"),
        ("STORYBOT_TOP_K", "-1", "a whole number from 1 to 10"),
        ("STORYBOT_TOP_K", "100000", "a whole number from 1 to 10"),
        ("STORYBOT_TOP_K", "2.5", "a whole number from 1 to 10"),
        ("STORYBOT_MODEL", "  ", "not blank"),
        ("STORYBOT_CORPUS", "", "a folder path"),
        ("STORYBOT_DATA_DIR", " ", "a folder path"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(
    env: dict[str, str], variable: str, value: str, accepts: str
) -> None:
    run = storybot("ask", "--json", QUESTION, env=env | {variable: value})
    record("settings", f"{variable}={value!r} (CLI)", BEFORE_MODEL, run)
    checks.stopped(run, variable, accepts)
    assert run.seconds < QUICK


def test_a_bad_line_in_dot_env_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / ".env").write_bytes(b"STORYBOT_TOP_K=seven\n")
    run = storybot("ask", QUESTION, env=env, cwd=tmp_path)
    record("settings", "STORYBOT_TOP_K=seven in .env", BEFORE_MODEL, run)
    checks.stopped(run, "STORYBOT_TOP_K", "from 1 to 10")


def test_a_dot_env_that_is_not_utf8_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / ".env").write_bytes(b"STORYBOT_MODEL=caf\xe9\n")
    run = storybot("ask", QUESTION, env=env, cwd=tmp_path)
    record("settings", ".env file in latin-1", BEFORE_MODEL, run)
    checks.stopped(run, ".env", "UTF-8")


@pytest.mark.parametrize(
    ("variable", "place"),
    [
        ("STORYBOT_DATA_DIR", "file"),
        ("STORYBOT_DATA_DIR", "file/inside"),
        ("STORYBOT_CORPUS", "file"),
        ("STORYBOT_ENCODERS", "file"),
    ],
)
def test_a_path_that_names_a_file_is_one_line(
    env: dict[str, str], tmp_path: Path, variable: str, place: str
) -> None:
    (tmp_path / "file").write_text("not a folder")
    run = storybot("ask", "--json", QUESTION, env=env | {variable: str(tmp_path / place)})
    record("paths", f"{variable} names a regular file ({place})", BEFORE_MODEL, run)
    checks.stopped(run, variable, "is a file" if place == "file" else "which is a file")
    assert run.seconds < QUICK and not run.said("Loading the model")


def _bot_env(env: dict[str, str]) -> dict[str, str]:
    return env | {"DISCORD_TOKEN": "not-a-real-token", "PYTHONPATH": str(CORPUS.parent)}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("STORYBOT_TOP_K", "abc"),
        ("STORYBOT_COOLDOWN_SECONDS", "nan"),
        ("STORYBOT_COOLDOWN_RATE", "0"),
        ("DISCORD_GUILD_ID", "my-server"),
        ("STORYBOT_CHANNELS", "general"),
        ("STORYBOT_LOG_FORMAT", "xml"),
        ("STORYBOT_METRICS_PORT", "99999"),
        ("STORYBOT_RECORD", "maybe"),
    ],
)
def test_the_bot_says_a_bad_setting_in_one_line(
    env: dict[str, str], variable: str, value: str
) -> None:
    run = storybot_bot(_bot_env(env) | {variable: value})
    record("settings", f"{variable}={value!r} (`python -m bot`)", BEFORE_MODEL, run)
    checks.stopped(run, variable)
    assert "not-a-real-token" not in run.stderr


def test_the_bot_says_a_data_folder_that_is_a_file_in_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    run = storybot_bot(_bot_env(env) | {"STORYBOT_DATA_DIR": str(tmp_path / "file")})
    record("paths", "STORYBOT_DATA_DIR names a file (`python -m bot`)", BEFORE_MODEL, run)
    checks.stopped(run, "STORYBOT_DATA_DIR", "is a file")


def storybot_bot(env: dict[str, str]) -> object:
    """`python -m bot` with this environment."""
    from tests.faults.running import python_m_bot

    return python_m_bot(env)


def read_only(folder: Path) -> Sequence[str]:
    """A command prefix under which `folder` is read-only: a private read-only bind mount
    (root ignores file modes), or the folder's write bits taken away."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        return ()
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to make a read-only folder as root")
    script = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
    )
    return ("unshare", "-m", "sh", "-c", script, "sh")


def test_a_read_only_folder_with_an_old_index_answers_and_warns(
    env: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with (corpus / "us-syria-intelligence-sharing.txt").open("a") as article:
        article.write("\nA late paragraph the index has not seen.\n")
    run = storybot(
        "ask",
        "--json",
        QUESTION,
        env=env | {"STORYBOT_CORPUS": str(corpus)},
        wrap=read_only(data_dir),
    )
    record(
        "paths",
        "read-only data folder, index out of date",
        "answer from it; one warning (and the question log's note that it cannot record)",
        run,
    )
    checks.answered(run)
    [warning] = [line for line in run.lines if "out of date" in line]
    assert "Read-only file system" in warning
    assert [line for line in run.lines if line != warning] == [
        line for line in run.lines if "Not recording questions" in line
    ]


def test_a_read_only_folder_without_an_index_is_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = storybot(
        "ask",
        "--json",
        QUESTION,
        env=env | {"STORYBOT_DATA_DIR": str(empty)},
        wrap=read_only(empty),
    )
    record("paths", "read-only data folder, no index", "one line, exit 2", run)
    checks.stopped(run, "no index", "STORYBOT_DATA_DIR")


def _disk_full() -> None:
    """Writes past 4 KB fail (EFBIG), as on a full disk, instead of killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_disk_keeps_the_old_index_answering(
    env: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "note.txt").write_text("A second note\n\nThe harbour reopened on Monday.\n")
    run = storybot(
        "ask", "--json", QUESTION, env=env | {"STORYBOT_CORPUS": str(corpus)}, preexec=_disk_full
    )
    record(
        "disk", "disk full during a rebuild", "old index answers; one warning; no leftovers", run
    )
    checks.answered(run, "Could not write the index", "out of date")
    assert len(list((data_dir / "builds").iterdir())) == 1


def test_a_full_disk_without_an_index_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    run = storybot(
        "ask",
        "--json",
        QUESTION,
        env=env | {"STORYBOT_DATA_DIR": str(tmp_path / "new")},
        preexec=_disk_full,
    )
    record("disk", "disk full during the first build", "one line, exit 2, no leftovers", run)
    checks.stopped(run, "Could not write the index", lines=len(run.lines))
    assert not list((tmp_path / "new" / "builds").iterdir())
