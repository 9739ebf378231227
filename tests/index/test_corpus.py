"""Reading articles: headline, byline, front matter, paragraphs as a reader counts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.corpus.articles import CorpusMissing, read_article, read_corpus
from tests.conftest import CORPUS, SECOND_ARTICLE


def test_txt_article_has_headline_byline_and_numbered_paragraphs() -> None:
    article = read_article(CORPUS / "us-syria-intelligence-sharing.txt")
    text = article.text
    assert article.source.title.startswith("US initiates intelligence sharing")
    assert article.source.author == "Tamilla Hasanova"
    assert [p.number for p in article.paragraphs] == list(range(9))
    first = article.paragraphs[1]
    assert text[first.start : first.end].startswith("In a significant shift")
    assert article.byline is not None
    assert text[article.byline.start : article.byline.end] == "By Tamilla Hasanova"
    assert article.byline.number == 9


def test_md_front_matter_gives_metadata_and_title_span() -> None:
    article = read_article(SECOND_ARTICLE)
    source = article.source
    assert source.author == "Dana Okafor"
    assert source.publisher == "The Millbrook Courier"
    assert source.url == "https://example.org/millbrook-floating-solar"
    headline = article.paragraphs[0]
    assert article.text[headline.start : headline.end] == source.title
    body = article.paragraphs[1]
    assert article.text[body.start : body.end].startswith("The town of Millbrook")


def test_blank_line_paragraphs_join_wrapped_lines(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("Headline here\n\nFirst line\nstill first.\n\nSecond.\n\nBy A. Writer\n")
    article = read_article(path)
    spans = [article.text[p.start : p.end] for p in article.paragraphs]
    assert spans == ["Headline here", "First line\nstill first.", "Second."]
    assert article.source.author == "A. Writer"


def test_a_body_paragraph_starting_with_by_is_not_a_byline_unless_last(tmp_path: Path) -> None:
    path = tmp_path / "by.txt"
    path.write_text("Headline\nBy contrast, the council said no.\nThe end came later.\n")
    article = read_article(path)
    assert article.byline is None
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize("files", [{}, {"notes.csv": "a,b"}])
def test_a_corpus_without_articles_is_a_clear_error(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(CorpusMissing, match=r"no \.txt or \.md"):
        read_corpus(tmp_path)


def test_a_missing_corpus_folder_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissing, match="STORYBOT_CORPUS"):
        read_corpus(tmp_path / "nowhere")
