"""Chunking invariants: whole sentences, spans that match the source, the length limit."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from index.corpus.articles import read_article, read_corpus
from index.corpus.chunking import MAX_CHARS, passages_for, sentence_spans
from tests.conftest import CORPUS, SECOND_ARTICLE


def _check_invariants(path: Path, max_chars: int = MAX_CHARS) -> None:
    article = read_article(path)
    chunks = passages_for(article, max_chars)
    assert chunks
    for chunk in chunks:
        assert article.text[chunk.start : chunk.end] == chunk.text
        assert 0 < len(chunk.text) <= max_chars
        paragraph = next(
            p for p in (*article.paragraphs, article.byline) if p and p.number == chunk.paragraph
        )
        assert paragraph.start <= chunk.start and chunk.end <= paragraph.end
        for start, end in chunk.sentences:
            assert chunk.text[start:end].strip() == chunk.text[start:end]


def test_shipped_corpus_chunks_keep_every_invariant() -> None:
    for article in read_corpus(CORPUS):
        _check_invariants(CORPUS / f"{article.source.id}.txt")
    _check_invariants(SECOND_ARTICLE)


def test_no_sentence_is_cut_when_sentences_fit() -> None:
    article = read_article(CORPUS / "us-syria-intelligence-sharing.txt")
    whole = {
        article.text[s:e]
        for p in (*article.paragraphs, article.byline)
        if p is not None
        for s, e in sentence_spans(article.text, p.start, p.end)
    }
    longest = max(len(sentence) for sentence in whole)
    chunks = passages_for(article, max_chars=longest)
    assert len(chunks) > len(article.paragraphs) + 1  # the limit did split paragraphs
    for chunk in chunks:
        for start, end in chunk.sentences:
            assert chunk.text[start:end] in whole


def test_paragraph_numbers_follow_the_reader() -> None:
    article = read_article(CORPUS / "us-syria-intelligence-sharing.txt")
    chunks = passages_for(article)
    assert [c.kind for c in chunks[:2]] == ["headline", "body"]
    assert chunks[-1].kind == "byline" and chunks[-1].text == "By Tamilla Hasanova"
    shrine = next(c for c in chunks if "religious shrine" in c.text)
    assert shrine.paragraph == 2 and shrine.citation.startswith("¶2, US initiates")


words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)
sentence = st.lists(words, min_size=1, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=5), st.integers(min_value=40, max_value=700))
def test_generated_articles_keep_the_invariants(paragraphs: list[str], limit: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.txt"
        path.write_text("A headline\n" + "\n".join(paragraphs) + "\nBy Someone\n")
        _check_invariants(path, limit)
