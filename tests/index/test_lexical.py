"""BM25 in NumPy alone scores exactly as bm25s, which it replaces at run time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from index.answering.concepts import LUCENE, STOPWORD_SET, STOPWORDS
from index.answering.lexical import BM25, tokenize

SQUAD = Path(__file__).resolve().parents[2] / "eval" / "squad"
STEMMER = Stemmer.Stemmer("english")


def _reference_tokens(texts: list[str]) -> list[list[str]]:
    tokenized = bm25s.tokenize(
        texts, stopwords=STOPWORDS, stemmer=STEMMER, return_ids=False, show_progress=False
    )
    return [list(tokens) for tokens in tokenized]


def _articles() -> list[str]:
    paths = sorted((SQUAD / "articles").glob("*.txt"))[:6]
    return [line for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line]


def _questions() -> list[str]:
    lines = (SQUAD / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["q"] for line in lines[::5]]


def test_tokens_are_bm25s_tokens() -> None:
    texts = [*_articles(), "", "A  b", "Ünïcode naïve café 2024 x1 co-operate don't", "the and"]
    assert tokenize(texts, STOPWORD_SET, STEMMER) == _reference_tokens(texts)


def test_scores_are_bm25s_scores_to_the_bit() -> None:
    passages = tokenize(_articles(), STOPWORD_SET, STEMMER)
    reference = bm25s.BM25()
    reference.index(passages, show_progress=False)
    ours = BM25(passages)
    asked = [tokenize([q], STOPWORD_SET, STEMMER)[0] for q in _questions()]
    asked = [tokens for tokens in asked if tokens]
    assert len(asked) > 400
    for tokens in [*asked, ["zzzunheard"], ["war", "war", "unheardofword"]]:
        expected = np.asarray(reference.get_scores(tokens), np.float32)
        assert np.array_equal(ours.scores(tokens), expected), tokens


def test_unknown_and_empty_questions_score_nothing() -> None:
    ours = BM25([["syria", "intellig"], ["solar", "farm"], []])
    assert not ours.scores([]).any()
    assert not ours.scores(["bitcoin"]).any()
    scores = ours.scores(["solar"])
    assert scores[1] > 0 and scores[0] == 0 and scores[2] == 0


def test_an_empty_corpus_scores_nothing() -> None:
    assert BM25([]).scores(["syria"]).shape == (0,)


def test_answering_does_not_import_scipy() -> None:
    """What this module is for: bm25s imported SciPy's sparse matrices at every start."""
    code = "import sys, index.engine, index.answering.conversation; print('scipy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_stopwords_left_out_are_bm25s_english_ones() -> None:
    assert set(LUCENE.split()) == set(bm25s.stopwords.STOPWORDS_EN)
