"""What changed between two builds: which files, the model, the chunking, and which paragraphs.

Pure functions over manifests and passages, kept free of numpy, FAISS and the model, so that
saying why an index is rebuilt costs nothing.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from index.corpus.articles import SUFFIXES
from index.passages import Chunk, Source
from index.vectors.store import Manifest


@dataclass(frozen=True)
class CorpusFiles:
    """Each article file of a corpus folder: its content hash and when it last changed."""

    sha256: dict[str, str]
    modified: dict[str, float]


def corpus_files(folder: Path) -> CorpusFiles:
    """The article files of a folder, by name (an absent folder has none)."""
    if not folder.is_dir():
        return CorpusFiles({}, {})
    paths = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    return CorpusFiles(
        {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths},
        {p.name: p.stat().st_mtime for p in paths},
    )


def files_changed(before: dict[str, str], after: dict[str, str]) -> str:
    """Which files were added, changed and removed, e.g. "added b.md; changed a.txt"."""
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    parts = [
        f"{verb} {', '.join(names)}"
        for verb, names in (("added", added), ("changed", changed), ("removed", removed))
        if names
    ]
    return "; ".join(parts)


def rebuild_reason(built: Manifest, now: Manifest) -> str:
    """Why an index built as `built` is rebuilt now: the model, the chunking, which files."""
    reasons = []
    if built.model != now.model:
        reasons.append(f"the model changed ({built.model} → {now.model})")
    if built.max_chars != now.max_chars:
        reasons.append(
            f"the chunking changed (passages of at most {built.max_chars} → {now.max_chars}"
            " characters)"
        )
    if built.corpus_hash != now.corpus_hash:
        # An index built before files were recorded can only say that something changed.
        which = files_changed(built.corpus_files, now.corpus_files) if built.corpus_files else ""
        reasons.append(f"the corpus changed ({which})" if which else "the corpus changed")
    return "; ".join(reasons) or "the corpus changed"


@dataclass(frozen=True)
class StoryChange:
    """How one article differs between two indexes, by paragraph number in the newer one."""

    source: Source
    added: tuple[int, ...] = ()
    changed: tuple[int, ...] = ()
    removed: int = 0
    """Paragraphs of the older version that are gone."""
    new: bool = False
    """The article was not in the older index."""
    gone: bool = False
    """The article is not in the newer index."""

    def describe(self) -> str:
        """One line, e.g. "“Headline”: added ¶5; changed ¶2, ¶3"."""
        title = f"“{self.source.title}”"
        if self.new:
            return f"{title}: new article, {len(self.added)} paragraphs"
        if self.gone:
            return f"{title}: removed"
        parts = [
            f"{verb} {', '.join(f'¶{n}' for n in numbers)}"
            for verb, numbers in (("added", self.added), ("changed", self.changed))
            if numbers
        ]
        if self.removed:
            parts.append(f"removed {self.removed} paragraph{'s' if self.removed > 1 else ''}")
        return f"{title}: {'; '.join(parts)}"


def story_changes(before: Iterable[Chunk], after: Iterable[Chunk]) -> tuple[StoryChange, ...]:
    """The articles whose paragraphs differ between two sets of passages, in source order."""
    old, new = paragraphs(before), paragraphs(after)
    changes = []
    for source_id, (source, numbered) in new.items():
        if source_id not in old:
            changes.append(StoryChange(source, added=tuple(n for n, _ in numbered), new=True))
        elif (change := _paragraph_diff(source, old[source_id][1], numbered)) is not None:
            changes.append(change)
    changes += [StoryChange(old[i][0], gone=True) for i in old if i not in new]
    return tuple(changes)


def paragraphs(chunks: Iterable[Chunk]) -> dict[str, tuple[Source, list[tuple[int, str]]]]:
    """Each source's paragraphs, as (number, text) in order, from its passages."""
    texts: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    sources: dict[str, Source] = {}
    for chunk in chunks:
        sources[chunk.source.id] = chunk.source
        texts[chunk.source.id][chunk.paragraph].append(chunk.text)
    return {
        key: (sources[key], [(n, " ".join(parts)) for n, parts in sorted(texts[key].items())])
        for key in sources
    }


def _paragraph_diff(
    source: Source, before: list[tuple[int, str]], after: list[tuple[int, str]]
) -> StoryChange | None:
    """Paragraphs inserted, replaced or deleted, matched as a sequence of texts."""
    matcher = difflib.SequenceMatcher(None, [t for _, t in before], [t for _, t in after])
    added: list[int] = []
    changed: list[int] = []
    removed = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        numbers = [after[j][0] for j in range(j1, j2)]
        if op == "insert":
            added += numbers
        elif op == "replace":
            changed += numbers[: i2 - i1]
            added += numbers[i2 - i1 :]
            removed += max(0, (i2 - i1) - (j2 - j1))
        elif op == "delete":
            removed += i2 - i1
    if not (added or changed or removed):
        return None
    return StoryChange(source, tuple(sorted(added)), tuple(sorted(changed)), removed)
