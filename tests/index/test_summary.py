"""The extractive summary: whole sentences only, no repeats, within budget, the story's points."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index.corpus.articles import read_article
from index.corpus.chunking import passages_for, search_text, sentence_texts
from index.engine import Engine
from index.passages import SummarySentence
from index.summary.extractive import LEANS_BACK, MAX_CHARS, Plan, is_sentence, summarise
from tests.index.conftest import HashingEmbedder

FILLER = (
    "The council approved the new budget for the harbour district on Monday evening.",
    "Residents had asked for more money for the ferry service and the schools.",
    "The mayor said the plan would be reviewed again in the spring by the committee.",
    "Local businesses welcomed the decision but warned that rents were still rising.",
    "Officials expect the first repairs to the old pier to begin before the summer.",
    "A public meeting about the ferry timetable will be held in the town hall next week.",
)


def summary_of(
    tmp_path: Path, paragraphs: list[str], embedder: HashingEmbedder, **plan: Any
) -> tuple[SummarySentence, ...]:
    """The summary of an article with these body paragraphs, as a build would make it."""
    path = tmp_path / "article.txt"
    path.write_text("A made-up headline\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    chunks = tuple(passages_for(read_article(path)))
    vectors = embedder.encode(sentence_texts(chunks, tuple(search_text(c) for c in chunks)))
    return summarise(chunks, vectors, plan=Plan(**plan))


def test_a_closing_quote_split_off_by_the_splitter_is_never_a_sentence(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    quoted = "So it was definitely, just, I don't know, just not good at all today.'"
    summary = summary_of(tmp_path, [quoted, *FILLER], hashing_embedder, target_chars=MAX_CHARS)
    assert all(re.search(r"[A-Za-z]", s.text) for s in summary)
    assert quoted in [s.text for s in summary]  # put back whole, quote mark and all


def test_a_photo_caption_run_into_a_sentence_is_not_chosen(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    lead = "A fisherman rescued two swimmers from the harbour after their boat capsized"
    caption = f"{lead} The pair were taken to hospital by ambulance."
    paragraphs = [caption, *FILLER[:3], f"{lead}."]
    summary = summary_of(tmp_path, paragraphs, hashing_embedder, target_chars=MAX_CHARS)
    assert caption not in [s.text for s in summary]
    assert f"{lead}." in [s.text for s in summary]


def test_bylines_and_time_stamps_are_not_sentences(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    junk = [
        "By . Daily Mail Reporter . PUBLISHED: 12:01 EST, 1 January 2014 .",
        "Last updated at 10:15 GMT on 2 May 2013.",
        "CLICK HERE for all the latest news from the harbour.",
    ]
    summary = summary_of(tmp_path, [*junk, *FILLER], hashing_embedder, target_chars=MAX_CHARS)
    assert not {s.text for s in summary} & set(junk)
    assert len(summary) == 5


@pytest.mark.parametrize(
    "text",
    [
        "'",
        '"...',
        "Pictured above.",
        "By Tamilla Hasanova",
        "Updated: 12:01 EST, 1 January 2014.",
        "A Rescue At The Harbour",  # a heading: no verb-like words, no full stop
        "Pictured: Daily Mail Reporter Jane Smith In London.",  # a label: no running text
        "The council approved the new budget for the harbour district",  # no full stop
        "He died in hospital Freak coincidence: His brother had died at the same junction.",
    ],
)
def test_fragments_are_told_from_sentences(text: str) -> None:
    assert not is_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new budget on Monday.",
        "By the time police arrived, the suspect had fled.",
        "The plane landed at 10.30 GMT on Sunday, officials said.",
        "'I know something's not right,' she said after the match.",
        "The PM added: That destroyed aspiration for millions of families.",
    ],
)
def test_sentences_are_not_taken_for_fragments(text: str) -> None:
    assert is_sentence(text)


def test_the_same_fact_is_never_told_twice(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    fact = "The council approved the new budget for the harbour district on Monday evening."
    again = "On Monday evening the council approved the new budget for the harbour district."
    summary = summary_of(tmp_path, [fact, again, *FILLER[1:]], hashing_embedder)
    texts = [s.text for s in summary]
    assert fact in texts and again not in texts
    vectors = hashing_embedder.encode(texts)
    likeness = vectors @ vectors.T - np.eye(len(texts))
    assert likeness.max() < Plan().redundant


def test_the_budget_holds_on_long_sentences(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    long = [f"{sentence[:-1]}, and {FILLER[-1 - n].lower()}" for n, sentence in enumerate(FILLER)]
    summary = summary_of(tmp_path, long * 2, hashing_embedder, target_chars=MAX_CHARS)
    assert 3 <= len(summary) <= 5
    assert len(" ".join(s.text for s in summary)) <= MAX_CHARS


def test_a_summary_is_in_story_order_one_sentence_a_paragraph(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    paragraphs = [f"{a} {b}" for a, b in zip(FILLER[::2], FILLER[1::2], strict=True)]
    summary = summary_of(tmp_path, paragraphs, hashing_embedder, target_chars=MAX_CHARS)
    numbers = [s.paragraph for s in summary]
    assert numbers == sorted(set(numbers)) and len(numbers) == 3


@pytest.mark.slow
def test_the_story_summary_tells_its_four_points(engine: Engine) -> None:
    summary = engine.summary()
    text = " ".join(s.text for s in summary)
    assert 3 <= len(summary) <= 5 and len(text) <= MAX_CHARS
    assert "exchanged classified intelligence regarding ISIS" in text  # 1: the exchange
    assert "shrine near Damascus" in text  # 2: the foiled plot
    assert re.search(r"not imply full political acceptance|rather than an endorsement", text)
    assert "al-Sharaa" in text  # 4: the new leader reaching out to Trump
    story = (Path(__file__).parents[2] / "corpus" / "us-syria-intelligence-sharing.txt").read_text()
    assert all(s.text in story and s.citation.startswith(f"¶{s.paragraph}, ") for s in summary)


def test_the_story_summary_introduces_the_new_leader_before_quoting_his_statement(
    engine: Engine,
) -> None:
    # "In his statement, al-Sharaa expressed confidence …" points back at the sentence before it,
    # which names him and says what the statement was; that sentence is told instead.
    text = " ".join(s.text for s in engine.summary())
    assert "The new Syrian leader, Ahmed al-Sharaa" in text
    assert "In his statement" not in text


@pytest.mark.parametrize(
    "sentence",
    [
        "In his statement, al-Sharaa expressed confidence in Trump.",
        "He also stressed that Syria seeks dialogue.",
        "They asked to image his laptop.",
        "But she added it was another matter.",
        "Despite these steps, officials remain cautious.",
        "“It was a shock,” she said.",
    ],
)
def test_sentences_that_point_back_are_told_from_those_that_stand_alone(sentence: str) -> None:
    assert LEANS_BACK.match(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "There are few things more beautiful than lightning.",
        "The operation was reportedly based on shared intelligence.",
        "Heavy rain closed the road.",
        "Italy won the match.",
        "That is the question the council must answer.",
    ],
)
def test_sentences_that_stand_alone_are_not_taken_to_point_back(sentence: str) -> None:
    assert not LEANS_BACK.match(sentence)


def test_past_the_third_sentence_only_salient_enough_ones_are_added(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    loose = summary_of(tmp_path, list(FILLER), hashing_embedder, target_chars=MAX_CHARS)
    strict = summary_of(tmp_path, list(FILLER), hashing_embedder, target_chars=MAX_CHARS, more=0.4)
    assert len(loose) == 5
    assert len(strict) == 3  # the lead prior of the 4th sentence, 1 / (1 + 3), is below 0.4


LONG = (
    "The council approved the new budget for the harbour district on Monday evening after a "
    "long debate, and the residents who had waited outside the town hall for hours cheered "
    "when the result of the vote was read out.",
    "The money will pay for repairs to the old pier, a larger ferry service and new classrooms at "
    "the two primary schools, which have been crowded ever since the new housing estate on the "
    "northern edge of the town was finished.",
    "Local businesses welcomed the decision but warned that rents were still rising faster than "
    "wages, and several shop owners said that they would need more help before the summer if "
    "the old pier stayed closed for the season.",
)
NEW_POINT = (
    "The harbour master, Maria Lopez, and the ferry captain, Tom Okafor, said the first crossings "
    "would start in spring."
)
NAMED = LONG[0].replace("the residents", "Maria Lopez and the residents")


@pytest.mark.parametrize(
    ("first", "plan", "told"),
    [
        (LONG[0], {}, True),  # two people the summary has not named: a new point
        (LONG[0], {"new_point": 0}, False),  # length alone decides
        (NAMED, {}, False),  # Maria Lopez is named already
    ],
)
def test_past_its_target_length_a_summary_adds_only_a_new_point(
    tmp_path: Path, hashing_embedder: HashingEmbedder, first: str, plan: dict[str, int], told: bool
) -> None:
    # The fake embedder's hashed words find these long sentences alike; repeats are not the point.
    article = [first, *LONG[1:], NEW_POINT]
    summary = summary_of(tmp_path, article, hashing_embedder, redundant=0.95, **plan)
    assert len(" ".join(s.text for s in summary[:3])) >= Plan().target_chars
    assert (NEW_POINT in [s.text for s in summary]) is told
    assert len(summary) == 3 + told


@pytest.mark.parametrize("coverage", [0.0, 3.0])
def test_the_learned_plan_keeps_whole_sentences_in_story_order_within_budget(
    tmp_path: Path, hashing_embedder: HashingEmbedder, coverage: float
) -> None:
    junk = ["'", "By . Daily Mail Reporter .", "Pictured above."]
    article = [junk[0], FILLER[0], junk[1], *FILLER[1:4], junk[2], *FILLER[4:]]
    summary = summary_of(
        tmp_path, article, hashing_embedder, learned=True, coverage=coverage, target_chars=1000
    )
    texts = [s.text for s in summary]
    assert 3 <= len(texts) <= 5 and len(" ".join(texts)) <= MAX_CHARS
    assert all(is_sentence(t) for t in texts) and not set(texts) & set(junk)
    assert texts == sorted(texts, key=FILLER.index)
