"""What a rebuild says changed: the files, the model, the chunking, and which paragraphs."""

from __future__ import annotations

from index.passages import Chunk, Source
from index.vectors.changes import rebuild_reason, story_changes
from index.vectors.store import Manifest

STORY = Source("story", "Floods close the valley road")


def manifest(model: str = "m", chars: int = 700, **files: str) -> Manifest:
    return Manifest(model, "hash-" + "".join(files.values()), chars, corpus_files=files)


def test_a_rebuild_names_the_files_added_changed_and_removed() -> None:
    before = manifest(**{"a.txt": "1", "b.md": "2", "c.txt": "3"})
    after = manifest(**{"a.txt": "1", "b.md": "9", "d.md": "4"})
    assert (
        rebuild_reason(before, after)
        == "the corpus changed (added d.md; changed b.md; removed c.txt)"
    )


def test_a_rebuild_names_the_model_and_the_chunking() -> None:
    reason = rebuild_reason(manifest("old-model", 700, a="1"), manifest("new-model", 500, a="1"))
    assert reason == (
        "the model changed (old-model → new-model); "
        "the chunking changed (passages of at most 700 → 500 characters)"
    )


def chunks(source: Source, *paragraphs: str) -> list[Chunk]:
    return [Chunk(source, n, 0, len(text), text) for n, text in enumerate(paragraphs)]


def test_an_inserted_paragraph_is_added_and_an_edited_one_changed() -> None:
    before = chunks(STORY, "Headline", "The road closed.", "Rain fell all week.", "By A")
    after = chunks(
        STORY,
        "Headline",
        "The road closed on Monday.",
        "Rain fell all week.",
        "It reopens Friday.",
        "By A",
    )
    [change] = story_changes(before, after)
    assert (change.added, change.changed, change.removed) == ((3,), (1,), 0)
    assert change.describe() == "“Floods close the valley road”: added ¶3; changed ¶1"


def test_new_and_removed_articles_and_unchanged_ones() -> None:
    other = Source("other", "Second story")
    before = chunks(STORY, "Headline", "Body") + chunks(other, "Second story", "Gone soon")
    after = chunks(STORY, "Headline", "Body") + chunks(Source("third", "Third"), "Third", "New")
    assert [c.describe() for c in story_changes(before, after)] == [
        "“Third”: new article, 2 paragraphs",
        "“Second story”: removed",
    ]
    assert story_changes(before, before) == ()
