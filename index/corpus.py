"""Reading articles from the corpus folder: headline, byline, metadata and paragraphs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from index.passages import Source, StoryError

BYLINE = re.compile(r"^\s*By\s+\S", re.IGNORECASE)
SUFFIXES = (".txt", ".md")


class CorpusMissing(StoryError):
    """The corpus folder does not exist or holds no article."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as a reader sees it: its number and character span in the source text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A source with its full text and the paragraphs of that text.

    Paragraph 0 is the headline and, when the article has one, the byline is the last paragraph.
    """

    source: Source
    text: str
    paragraphs: tuple[Paragraph, ...]
    byline: Paragraph | None


def read_corpus(folder: Path) -> list[Article]:
    """Every article of the corpus folder, in file-name order."""
    if not folder.is_dir():
        raise CorpusMissing(f"The corpus folder {folder} does not exist (set STORYBOT_CORPUS).")
    files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    if not files:
        raise CorpusMissing(f"The corpus folder {folder} holds no .txt or .md article.")
    return [read_article(path) for path in files]


def corpus_hash(folder: Path) -> str:
    """A hash of the corpus files' names and contents, to tell when the index is out of date."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_article(path: Path) -> Article:
    """One article; `.md` files may carry front matter (title, author, publisher, url, date).

    The headline is the front matter's title where there is one, else the first paragraph.
    """
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    meta: dict[str, object] = {}
    body_start = 0
    if path.suffix == ".md":
        post = frontmatter.loads(text)
        meta = dict(post.metadata)
        body_start = max(text.find(post.content), 0) if post.content else len(text)
    blocks = _blocks(text, body_start)
    title = _str(meta.get("title"))
    headline = _span_of(text, title, body_start) if title else None
    if headline is None and blocks:
        headline = blocks.pop(0)
    if headline is None:
        raise CorpusMissing(f"The article {path.name} is empty.")
    return _article(path, text, headline, blocks, meta)


def _article(
    path: Path,
    text: str,
    headline: tuple[int, int],
    body: list[tuple[int, int]],
    meta: dict[str, object],
) -> Article:
    author = _str(meta.get("author"))
    byline_span = body.pop() if body and BYLINE.match(text[body[-1][0] : body[-1][1]]) else None
    if byline_span is not None:
        byline_text = text[byline_span[0] : byline_span[1]]
        author = author or re.sub(r"^\s*By\s+", "", byline_text, flags=re.IGNORECASE)
    paragraphs = [Paragraph(0, *headline)]
    paragraphs += [Paragraph(n, s, e) for n, (s, e) in enumerate(body, start=1)]
    byline = Paragraph(len(paragraphs), *byline_span) if byline_span else None
    source = Source(
        id=path.stem,
        title=text[headline[0] : headline[1]].lstrip("#").strip(),
        author=author,
        publisher=_str(meta.get("publisher")),
        url=_str(meta.get("url")),
        date=_str(meta.get("date")),
    )
    return Article(source, text, tuple(paragraphs), byline)


def _span_of(text: str, title: str, before: int) -> tuple[int, int] | None:
    """Where the front matter spells out the title, so the headline has a real span too."""
    start = text.find(title, 0, before)
    return (start, start + len(title)) if start >= 0 else None


def _blocks(text: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the paragraphs from `offset` on: blank-line separated, else one a line."""
    body = text[offset:]
    separator = r"\n[ \t]*\n" if re.search(r"\S[ \t]*\n[ \t]*\n\s*\S", body) else r"\n"
    spans = []
    position = offset
    for piece in re.split(f"({separator})", body):
        stripped = piece.strip()
        if stripped and not re.fullmatch(separator, piece):
            start = position + piece.index(stripped)
            spans.append((start, start + len(stripped)))
        position += len(piece)
    return spans


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
