"""Cutting text to Discord's limits between sentences, else between words, else inside a word."""

from __future__ import annotations

import pytest

from bot.limits import join_within, pack, sentences, shorten, split_text, words


def test_sentences_join_back_into_the_text() -> None:
    text = "The U.S. acted.  Syria agreed!\nWhy? Nobody knows… 第一句。第二句。 Tail"
    found = sentences(text)
    assert "".join(found) == text
    assert found == [
        "The U.S. ",  # an abbreviation is a sentence end too: a cut there is still between words
        "acted.  ",
        "Syria agreed!\n",
        "Why? ",
        "Nobody knows… ",
        "第一句。",
        "第二句。 ",
        "Tail",
    ]


def test_words_keep_their_spaces_and_only_an_overlong_word_is_cut() -> None:
    assert words("one two  three", 10) == ["one ", "two  ", "three"]
    assert words("ab abcdefgh c", 3) == ["ab ", "abc", "def", "gh ", "c"]


@pytest.mark.parametrize("limit", [12, 20, 45, 200])
def test_split_text_fits_the_limit_and_loses_no_word(limit: int) -> None:
    text = "Short one. A rather longer sentence follows it here. End."
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert " ".join(pieces).split() == text.split()


def test_split_text_prefers_sentence_boundaries() -> None:
    assert split_text("One two three. Four five six seven. Eight.", 16) == [
        "One two three.",
        "Four five six",
        "seven. Eight.",
    ]


def test_join_within_never_cuts_a_part() -> None:
    assert join_within(["aa ", "bb ", "cc"], 5) == ["aa bb", "cc"]
    assert join_within(["a", "b", "c"], 3, sep="\n") == ["a\nb", "c"]


def test_shorten_keeps_whole_words_and_marks_the_cut() -> None:
    assert shorten("short  enough", 20) == "short enough"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("x" * 30, 10) == "x" * 9 + "…"
    assert len(shorten("word " * 100, 50)) <= 50


def test_pack_keeps_blocks_together_and_runs_long_ones_on() -> None:
    blocks = [["a" * 4, "b" * 4], ["c" * 4], ["d" * 4, "e" * 4, "f" * 4]]
    assert pack(blocks, 12) == ["aaaa\nbbbb", "cccc", "dddd\neeee", "ffff"]
    assert pack(blocks, 20) == ["aaaa\nbbbb\n\ncccc", "dddd\neeee\nffff"]
