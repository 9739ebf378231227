"""Reading articles from the corpus folder: headline, byline, metadata and paragraphs."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from index.corpus.reading import NotText, decoded, shown
from index.passages import Source, StoryError

log = logging.getLogger(__name__)

BYLINE = re.compile(r"^\s*By\s+\S", re.IGNORECASE)
SUFFIXES = (".txt", ".md")


class CorpusMissing(StoryError):
    """The corpus folder does not exist or holds no article."""


class ArticleUnreadable(StoryError):
    """One file of the corpus cannot be read as an article; the others still can."""


@dataclass(frozen=True)
class Skipped:
    """A corpus file left out of the index, and why (e.g. "it is binary, not text")."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name} ({self.reason})"


@dataclass(frozen=True)
class Corpus:
    """The articles read from the corpus folder, and the files that could not be."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


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
    """Every readable article of the corpus folder, in file-name order."""
    return list(scan_corpus(folder).articles)


def scan_corpus(folder: Path) -> Corpus:
    """Every article of the corpus folder, in file-name order; a file that cannot be read as one
    is skipped with one warning naming it and why, and the rest are read."""
    articles: dict[str, Article] = {}
    skipped = []
    for path in article_files(folder):
        try:
            article = read_article(path)
            if article.source.id in articles:
                raise ArticleUnreadable(f"another file is also named {article.source.id}")
            articles[article.source.id] = article
        except ArticleUnreadable as reason:
            skipped.append(Skipped(shown(path), str(reason)))
            log.warning("Skipped %s: %s.", shown(path), reason)
    if not articles:
        left_out = f" ({len(skipped)} file(s) skipped, each said above)" if skipped else ""
        where = shown(folder)
        raise CorpusMissing(f"The corpus folder {where} holds no readable article{left_out}.")
    return Corpus(tuple(articles.values()), tuple(skipped))


def article_files(folder: Path) -> list[Path]:
    """The corpus folder's .txt and .md files; raises CorpusMissing when it cannot be listed."""
    where = shown(folder)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except FileNotFoundError:
        raise CorpusMissing(
            f"The corpus folder {where} does not exist (set STORYBOT_CORPUS)."
        ) from None
    except NotADirectoryError:
        raise CorpusMissing(
            f"The corpus {where} is a file, not a folder (set STORYBOT_CORPUS)."
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise CorpusMissing(f"The corpus folder {where} cannot be read ({reason}).") from None
    if not files:
        raise CorpusMissing(f"The corpus folder {where} holds no .txt or .md article.")
    return files


def corpus_hash(folder: Path) -> str:
    """A hash of the corpus files' names and contents, to tell when the index is out of date."""
    digest = hashlib.sha256()
    for path in article_files(folder):
        try:
            content = path.read_bytes()
        except OSError as error:  # unreadable now; it will be skipped, and hashed as such
            content = f"unreadable: {error.strerror}".encode()
        digest.update(os.fsencode(path.name) + b"\0" + content + b"\0")
    return digest.hexdigest()


def read_article(path: Path) -> Article:
    """One article; `.md` files may carry front matter (title, author, publisher, url, date).

    The headline is the front matter's title where there is one, else the first paragraph.
    Raises ArticleUnreadable saying why a file is not an article (binary, empty, bad front matter).
    """
    try:
        text = decoded(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    except NotText as reason:
        raise ArticleUnreadable(str(reason)) from None
    except OSError as error:
        raise ArticleUnreadable(f"it cannot be read ({error.strerror})") from None
    meta: dict[str, object] = {}
    body_start = 0
    if path.suffix == ".md":
        meta, body_start = _front_matter(text)
    blocks = _blocks(text, body_start)
    title = _str(meta.get("title"))
    headline = _span_of(text, title, body_start) if title else None
    if headline is None and blocks:
        headline = blocks.pop(0)
    if headline is None:
        raise ArticleUnreadable("it is empty")
    return _article(path, text, headline, blocks, meta)


def _front_matter(text: str) -> tuple[dict[str, object], int]:
    """The front matter's fields, and where the body starts."""
    try:
        post = frontmatter.loads(text)
    except Exception as error:  # yaml and toml raise their own kinds; all mean the same here
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ArticleUnreadable(f"its front matter is not valid{where}") from None
    body_start = max(text.find(post.content), 0) if post.content else len(text)
    return dict(post.metadata), body_start


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
        id=shown(Path(path.stem)),
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
