"""The story's vocabulary: sources, passages, hits, answers and summary sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_CHARS = 700
"""No passage is longer than this."""


def cite(source: Source, paragraph: int) -> str:
    """How a reader finds a passage: paragraph number and the source's headline."""
    return f"¶{paragraph}, {source.title}"


class StoryError(Exception):
    """Base of every error the engine raises on purpose; its message is fit to show a user."""


@dataclass(frozen=True)
class Source:
    """One article of the corpus and what is known about it."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A passage: whole sentences of one paragraph, with its character span in the source text."""

    source: Source
    paragraph: int
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()
    """Spans of the passage's sentences, relative to `text`."""
    kind: str = "body"
    """"headline", "body" or "byline"."""

    @property
    def citation(self) -> str:
        """How a reader finds this passage."""
        return cite(self.source, self.paragraph)

    @property
    def sentence_texts(self) -> tuple[str, ...]:
        """The passage's sentences (the passage itself when it has none marked)."""
        return tuple(self.text[a:b] for a, b in self.sentences) or (self.text,)


@dataclass(frozen=True)
class Hit:
    """A passage retrieved for a question, with its score and the span of its best sentence."""

    chunk: Chunk
    score: float
    answer_start: int = 0
    answer_end: int = 0

    @property
    def answer(self) -> str:
        """The sentence of the passage that best answers the question."""
        return self.chunk.text[self.answer_start : self.answer_end]

    @property
    def citation(self) -> str:
        """The passage's citation."""
        return self.chunk.citation


HEDGE = "The story may not answer this"
"""How every tentative answer opens."""
TENTATIVE_NOTE = f"{HEDGE} exactly; the closest it comes:"


def tentative_note(missing: tuple[str, ...]) -> str:
    """The line a tentative answer opens with: naming what the question asks about that the story
    never mentions, when there is such a word ("Did the US give Syria drones?": "… it never
    mentions “drones”."), so that the reader sees what the passages quoted cannot tell."""
    if not missing:
        return TENTATIVE_NOTE
    return f"{HEDGE}: it never mentions {_listed(missing[:3])}. The closest it comes:"


def not_mentioned(missing: tuple[str, ...], stories: int) -> str:
    """The refusal naming what a question asks about that the stories never mention."""
    named = _listed(missing[:3])
    if stories == 1:
        return f"The story doesn't mention {named}, so I can't answer that from it."
    return f"None of the stories mentions {named}, so I can't answer that from them."


def not_said(what: str, stories: int) -> str:
    """The refusal to a question that asks what no article says: `what` is "when it was
    published" (no date), "who wrote it" (no byline), or what a question asks outright that
    none of its passages tells ("when", "how many", "how much")."""
    if stories == 1:
        return f"The story doesn't say {what}, so I can't tell you that."
    return f"None of the stories says {what}, so I can't tell you that."


def mentioned_apart(name: str, stories: int) -> str:
    """The refusal to a question giving a name that the stories mention, but not where they
    tell of what it asks (`elsewhere.told_elsewhere`)."""
    if stories == 1:
        return f"The story mentions “{name}”, but not where it tells of this: I can't answer that."
    return f"The stories mention “{name}”, but not where they tell of this: I can't answer that."


def said_instead(asked: str, said: str, stories: int) -> str:
    """The refusal to a question with a word turned into its opposite (`opposites.turned`):
    what the story says in its place."""
    return f"{_where(stories)} “{said}”, not “{asked}”: I can't answer that as asked."


def unsaid_here(word: str, stories: int) -> str:
    """The refusal to a question claiming what the passages it ranks first never claim: an
    ordinal ("the third"), or that something always or never happens."""
    return f"{_where(stories, negative=True)} “{word}”: I can't answer that."


def none_chosen(alternatives: tuple[str, ...], stories: int) -> str:
    """The refusal to a question offering a choice none of the passages it ranks first makes
    ("the police or the army?")."""
    quoted = [f"“{w}”" for w in alternatives]
    if len(quoted) == 2:
        return f"{_where(stories)} neither {quoted[0]} nor {quoted[1]}: I can't answer that."
    return f"{_where(stories)} none of {_listed(alternatives)}: I can't answer that."


def nothing_denied(negation: str, stories: int) -> str:
    """The refusal to a question asked with `negation` ("not", "didn't") when none of the
    passages it ranks first says that anything is not so."""
    where = _where(stories, negative=True)
    return f"{where} what isn't so: I can't answer a question asked with “{negation}”."


def _where(stories: int, negative: bool = False) -> str:
    """How a refusal names the passages that tell of what was asked: "Where the story tells of
    this it says" (or "doesn't say")."""
    one = stories == 1
    subject = "the story tells of this it" if one else "the stories tell of this they"
    verb = ("doesn't say" if one else "don't say") if negative else ("says" if one else "say")
    return f"Where {subject} {verb}"


def _listed(words: tuple[str, ...]) -> str:
    """“GDP”, “GDP or Russia”, “GDP, Russia or Iran”."""
    quoted = [f"“{w}”" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


@dataclass(frozen=True)
class Answer:
    """What the engine says to a question: cited passages, or a refusal with its reason."""

    question: str
    refused: bool
    message: str | None = None
    hits: tuple[Hit, ...] = field(default=())
    confidence: float = 0.0
    """How likely (0 to 1) it is that the story answers the question; refusals score low."""
    missing: tuple[str, ...] = ()
    """What the question asks about that the story never mentions: the reason for a refusal,
    and named in the hedge of a tentative answer (`tentative_note`)."""
    tentative: bool = False
    """Answered, but with a confidence at which the story often does not answer: the reply
    says so before quoting the closest passages."""
    refused_parts: tuple[Answer, ...] = ()
    """For a message asking two questions or more, of which the story answers only some: the
    refusals of the others, each with its own question (what the question log keeps as
    unanswered)."""

    @property
    def unanswered(self) -> tuple[str, ...]:
        """The refusals of `refused_parts`, each after its question, as said before the
        passages."""
        return tuple(f"“{part.question}”: {part.message}" for part in self.refused_parts)

    @property
    def hedge(self) -> str | None:
        """The line an answer opens with: the refusals of the questions of the message it does
        not answer, and whether it is tentative."""
        lines = [*self.unanswered, *([tentative_note(self.missing)] if self.tentative else [])]
        return " ".join(lines) or None


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of the extractive summary and the passage it was taken from."""

    text: str
    source: Source
    paragraph: int

    @property
    def citation(self) -> str:
        """The sentence's citation, in the same form as a passage's."""
        return cite(self.source, self.paragraph)


@dataclass(frozen=True)
class SourceInfo:
    """A source as the index holds it: the article and how many passages it gave."""

    source: Source
    passages: int
    changed: float | None = None
    """When the article's file last changed (a Unix time), where known."""
