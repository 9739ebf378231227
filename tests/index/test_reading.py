"""Reading a corpus file's bytes as text, and saying why when they are not text."""

from __future__ import annotations

import codecs
import os

import pytest

from index.corpus.reading import NotText, decoded
from index.settings import Settings, SettingsInvalid, load_settings

TEXT = "Café “news”: naïve résumé, 5 € a day.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16", "utf-16be BOM", "utf-32", "cp1252"],
)
def test_text_in_any_usual_encoding_reads_the_same(data: bytes) -> None:
    assert decoded(data).lstrip("\ufeff") == TEXT


def test_latin1_that_guessers_tie_on_is_read_as_western() -> None:
    assert decoded("Café opened, naïve residents said.".encode("latin-1")) == (
        "Café opened, naïve residents said."
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (codecs.BOM_UTF16_LE, "empty"),
        (os.urandom(3000), "binary"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "binary"),
        (b"\xff\xfe\x00garbage\x00" * 50, "binary"),
        (b"\xff\xfe\x00not text\x00" * 100, "binary"),
        (b"\x01\x02\x03\x04\x05 text \x06\x07\x08" * 40, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8" * 4, "UTF-16"),
    ],
)
def test_what_is_not_text_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decoded(data)


@pytest.mark.parametrize(
    ("values", "says"),
    [
        (
            {"top_k": "abc"},
            "Invalid setting STORYBOT_TOP_K=abc: it accepts a whole number from 1 to 10.",
        ),
        ({"top_k": 0}, "STORYBOT_TOP_K=0: it accepts a whole number from 1 to 10"),
        ({"model": " "}, "STORYBOT_MODEL=' ': it accepts a name or path, not blank"),
        ({"record": "maybe"}, "STORYBOT_RECORD=maybe: it accepts true or false"),
        (
            {"retention_days": 0},
            "STORYBOT_RETENTION_DAYS=0: it accepts a whole number of 1 or more",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_its_variable(
    values: dict[str, object], says: str
) -> None:
    with pytest.raises(SettingsInvalid) as invalid:
        load_settings(Settings, _env_file=None, **values)
    assert says in str(invalid.value) and "\n" not in str(invalid.value)


def test_a_data_folder_inside_a_file_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    blocker = Path(str(tmp_path)) / "file"
    blocker.write_text("x")
    with pytest.raises(SettingsInvalid, match=r"STORYBOT_DATA_DIR=.*inside .*which is a file"):
        load_settings(Settings, _env_file=None, data_dir=blocker / "data")
