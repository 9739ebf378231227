"""The story engine: questions in, cited passages (or a plain refusal) out."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property

import numpy as np

from index.answering import answerability
from index.answering.answerability import Judgement, asked_whether
from index.answering.concepts import negation, unnamed
from index.answering.conversation import answer_in_context, leans_on_another
from index.answering.gaps import worded
from index.answering.meant import TokenEncoder, Words, met_by, nearness, reworded, said_by
from index.answering.questions import Question, Unaskable, parts, question_from, two_ways
from index.answering.search import (
    DEFAULT_WEIGHTS,
    Retriever,
    Scored,
    Weights,
    asks_when_published,
    asks_who_wrote,
)
from index.answering.several import answered_in_parts, asked_in_turn
from index.passages import (
    Answer,
    Chunk,
    Hit,
    Source,
    SourceInfo,
    SummarySentence,
    mentioned_apart,
    none_chosen,
    not_mentioned,
    not_said,
    nothing_denied,
    said_instead,
    unsaid_here,
)
from index.recent import Recent
from index.settings import Settings
from index.vectors import build, store
from index.vectors.embedding import Embedder
from index.vectors.freshness import Progress, read_or_build, stderr_progress
from index.vectors.vectorset import VectorSet

log = logging.getLogger(__name__)
RECENT = 512
"""Questions whose answers (and twice as many texts whose vectors) an engine keeps: a
conversation reads its earlier questions again at every turn (`conversation.topic_of`), and the
bot rebuilds a thread's history from its messages each time."""
WORDS_READ_AHEAD = 30
"""A corpus of at most this many passages has their words read in context (`meant`) on a spare
core as it opens (a 10-passage story in about 60 ms), so that no question waits for them;
larger ones read a passage's when a question first needs it. A process that asks one question
and ends waits for the reading to finish (a daemon thread stopped inside onnxruntime aborts
the process), so the read-ahead stays small."""
_BESIDE = ThreadPoolExecutor(thread_name_prefix="storybot-unnamed")
"""Encodes a question's unnamed reading (`concepts.unnamed`) while the question is encoded (as
many at once as questions are asked at once, up to the pool's default)."""


class Engine:
    """Answers questions and summarises from one loaded index and model."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        records: store.Records,
        vectors: dict[str, VectorSet],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.settings = settings
        self.model_name = settings.model
        self._embedder = embedder
        self._records = records
        self._vectors = vectors
        self._retriever = Retriever(records.chunks, records.search_texts, vectors, weights)
        self.keep(RECENT)
        if isinstance(embedder, TokenEncoder) and len(records.chunks) <= WORDS_READ_AHEAD:
            _BESIDE.submit(self._read_words_ahead, embedder)

    @classmethod
    def open(
        cls,
        settings: Settings,
        progress: Progress | None = None,
        embedder: Embedder | None = None,
    ) -> Engine:
        """Load the index and its encoder, building the index first when it must.

        `embedder` replaces the model's own encoder (tests use a tiny fake).
        """
        shown = progress or stderr_progress
        return read_or_build(
            settings,
            lambda: embedder or build.build_embedder(settings, shown),
            shown,
            lambda built_with: cls._load(settings, shown, embedder or built_with),
        )

    @classmethod
    def _load(cls, settings: Settings, progress: Progress, embedder: Embedder | None) -> Engine:
        manifest, records, vectors = store.read_index(settings.data_dir)
        embedder = embedder or build.query_embedder(settings, manifest, progress)
        return cls(settings, embedder, records, vectors)

    def keep(self, questions: int) -> None:
        """Keep the answers to this many of the questions asked last, and the vectors of twice
        as many texts (0 works every question out afresh: for timing one question twice)."""
        self._vectors_of: Recent[str, np.ndarray] = Recent(2 * questions)
        self._asked: Recent[tuple[str, int | None], Answer] = Recent(questions)
        self._ranked: Recent[tuple[str, int], tuple[Hit, ...]] = Recent(questions)
        self._words_of: Recent[int, Words] = Recent(2 * questions)

    def reweighted(self, weights: Weights) -> Engine:
        """The same index and model with other weights (for measuring what each signal adds)."""
        return Engine(self.settings, self._embedder, self._records, self._vectors, weights)

    def ask(self, typed: str, k: int | None = None) -> Answer:
        """The best passages for a question, or a refusal that says why."""
        return self._asked.get((typed, k), lambda: self.examine(typed, k)[0])

    def examine(
        self, typed: str, k: int | None = None, whole: bool = True
    ) -> tuple[Answer, Judgement | None]:
        """The answer, and the evidence it was decided on (None when nothing could be asked):
        what the answerability model is fitted on. A refused message asking several questions
        is answered in parts (`_in_parts`) unless `whole` is false."""
        try:
            question, vector, scored = self._search(typed)
        except Unaskable as reason:
            return Answer(typed, refused=True, message=str(reason)), None
        judged = self._retriever.judge(question, scored)
        model = answerability.fitted()
        confidence = round(judged.confidence(model), 4)
        if confidence < model.cut:
            message = self._refusal(question, judged)
            answer = Answer(typed, True, message, confidence=confidence, missing=judged.missing)
            return (whole and self._in_parts(answer, question.text, k)) or answer, judged
        hits = self._retriever.hits(scored, vector, k or self.settings.top_k, judged)
        tentative = confidence < answerability.TENTATIVE
        answer = Answer(
            typed,
            False,
            hits=hits,
            confidence=confidence,
            missing=judged.missing,
            tentative=tentative,
        )
        return answer, judged

    def _in_parts(self, refused: Answer, text: str, k: int | None) -> Answer | None:
        """A `refused` message that asks two questions or more (`questions.parts`), answered
        by those of them that the story answers (`several`). When it answers none and the
        message was refused as off the story's subject, the first of them refused for a
        reason gives it ("what is caliber.az and where is it based?": the story doesn't say
        what Caliber.Az is). None when the message asks one question or opens leaning on one
        asked before it, or its questions tell nothing more. One asking about the article
        itself ("… and when was it published?") stands alone: "it" is the article. A question
        asked two ways is answered either way (`_either_way`)."""
        asked = parts(text)
        if len(asked) < 2 and len(ways := two_ways(text)) == 2:
            return self._either_way(refused, ways, k)
        if len(asked) < 2 or leans_on_another(asked[0]):
            return None

        def ask(part: str, before: Sequence[str]) -> Answer:
            if leans_on_another(part):
                return answer_in_context(self, part, before, k)
            return self.examine(part, k, whole=False)[0]

        answers = asked_in_turn(asked, ask, leans_on_another)
        answered = answered_in_parts(refused.question, answers, k or self.settings.top_k)
        if answered is not None or refused.message != self._off_topic:
            return answered
        reason = next((a for a in answers if a.message != self._off_topic), None)
        return reason and dataclasses.replace(
            refused, message=reason.message, missing=reason.missing
        )

    def _either_way(self, refused: Answer, ways: Sequence[str], k: int | None) -> Answer | None:
        """A `refused` question asked two ways (`questions.two_ways`: "did the plot get stopped
        or did it go thru"), answered as its first way is, or else as its second when that
        one does not lean on the first; None when the story answers neither. A second way
        leaning on the first ("… or did they take it off") is no question of its own: read
        as the first one's follow-up, "is hts still on the us terror list or did they take
        it off" was answered (0.999) with passages about the intelligence sharing."""
        for n, way in enumerate(ways):
            if n and leans_on_another(way):
                break
            answer = self.examine(way, k, whole=False)[0]
            if not answer.refused:
                return dataclasses.replace(answer, question=refused.question)
        return None

    def rank(self, typed: str, k: int) -> tuple[Hit, ...]:
        """The `k` best passages for a question whether or not it would be refused (none
        when nothing in it can be asked):
        what a follow-up's own words point at (index.answering.conversation)."""
        return self._ranked.get((typed, k), lambda: self._rank(typed, k))

    def _rank(self, typed: str, k: int) -> tuple[Hit, ...]:
        try:
            question, vector, scored = self._search(typed)
        except Unaskable:
            return ()
        return self._retriever.hits(scored, vector, k, self._retriever.judge(question, scored))

    def _search(self, typed: str) -> tuple[Question, np.ndarray, Scored]:
        """The cleaned question, its vector and its scored candidates; raises Unaskable."""
        question = question_from(typed)
        text = self._retriever.corrected(question.text)
        if text != question.text:
            question = dataclasses.replace(question, text=text)
        rest = unnamed(question.text)
        # The question without its names is encoded beside it, on another core (onnxruntime
        # lets go of the GIL): warm p50 3.4 ms against 3.8 ms when encoded after it.
        pending = None if rest is None else _BESIDE.submit(self._vector, rest)
        vector = self._vector(question.text)
        residual = None if pending is None else pending.result()
        scored, said, near = self._meant(
            question, self._retriever.score(question, vector, residual)
        )
        head = self._retriever.pointed_at(question.text, scored.asked)
        if head is not None:
            vector = _pointed(vector, self._vector(self._retriever.chunks[head].text))
            scored, said, near = self._meant(
                question, self._retriever.score(question, vector, residual)
            )
        if said and (text := reworded(question.text, said)) != question.text:
            vector = _in_story_words(vector, self._vector(text))
            rescored = self._retriever.score(question, vector, residual)
            scored = self._retriever.reread(question, rescored, scored.asked)
        return question, vector, self._retriever.nearer(scored, near)

    def _meant(
        self, question: Question, scored: Scored
    ) -> tuple[Scored, dict[str, str], dict[int, float]]:
        """The scores with each of the question's words that the corpus never writes read as
        the word of the passages ranked first that stands for it in context, if one does
        (`meant`: "partnership" as "collaboration"; for a word of one sense, the word of any
        passage naming what it is a kind of, when the corpus is small enough for every
        passage's words to be read ahead), or in a question asked yes or no as its opposite
        that the corpus writes (`Retriever.opposed`); and the passage words met so, with those
        the corpus says a question's word with by WordNet (`meant.said_by`: "plan" as "plot"),
        by the question's word: what the question is put in (`meant.reworded`). Opposites are
        not among them: a question is not put as its opposite. Last, by passage row, how near
        the words of the passages read (all of a corpus read ahead, else the first ones) come
        to the unheard words (`meant.nearness`)."""
        unsaid = self._retriever.unheard(scored.asked)
        stems = self._retriever.opposed(question, unsaid)
        unheard = tuple(c for c in unsaid if c.word not in stems)
        synonymous = self._retriever.synonymous(scored.asked)
        encoder = self._embedder
        said: dict[str, str] = {}
        near: dict[int, float] = {}
        if (unsaid or synonymous) and isinstance(encoder, TokenEncoder) and len(scored.ranked):
            stem = self._retriever.stem
            rows = self._retriever.first_read(scored)
            passages = [self._passage_words(row, encoder) for row in rows]
            tokens = encoder.tokens(question.text)
            count = len(self._retriever.chunks)
            every = count <= WORDS_READ_AHEAD
            read = range(count) if every else rows
            anywhere = {row: self._passage_words(row, encoder) for row in read} if unsaid else {}
            if every:  # lifting only the passages read would sink those not read
                near = nearness(question.text, unsaid, tokens, anywhere)
            if unheard:
                said = met_by(
                    question.text, unheard, tokens, passages, stem, list(anywhere.values())
                )
                stems |= {word: stem(found) for word, found in said.items()}
            said = said_by(question.text, synonymous, tokens, passages, stem) | said
        if not stems:
            return scored, said, near
        asked = tuple(
            dataclasses.replace(c, stem=stems[c.word], phrase=None) if c.word in stems else c
            for c in scored.asked
        )
        return self._retriever.reread(question, scored, asked), said, near

    def _read_words_ahead(self, encoder: TokenEncoder) -> None:
        """Every passage's words in context, worked out before any question needs them."""
        for row in range(len(self._retriever.chunks)):
            self._passage_words(row, encoder)

    def _passage_words(self, row: int, encoder: TokenEncoder) -> Words:
        """A passage's words and their vectors in context, worked out once while it is among
        those read last."""
        text = self._retriever.chunks[row].text
        return self._words_of.get(row, lambda: Words.of(text, encoder.tokens(text)))

    def _vector(self, text: str) -> np.ndarray:
        """The text's vector (read-only), encoded once while it is among those asked last."""
        return self._vectors_of.get(text, lambda: _read_only(self._embedder.encode([text])[0]))

    def passages(self) -> tuple[Chunk, ...]:
        """Every passage of the index, in corpus order (whole paragraphs, suggestions)."""
        return self._records.chunks

    def summary(self) -> tuple[SummarySentence, ...]:
        """The cited summary computed when the index was built."""
        return self._records.summary

    def sources(self) -> tuple[SourceInfo, ...]:
        """The articles the index holds and how many passages each gave."""
        counts = Counter(chunk.source for chunk in self._records.chunks)
        return tuple(SourceInfo(source, n) for source, n in counts.items())

    def _refusal(self, question: Question, judged: Judgement) -> str:
        """The refusal, naming what the question asks about that the story never mentions, or
        what it does not say of itself (when it came out, who wrote it)."""
        stories = len(self._sources)
        if not judged.missing and asks_when_published(question.text, judged.asked):
            return not_said("when it was published", stories)
        if not self._retriever.signed and asks_who_wrote(question.text, judged.asked):
            return not_said("who wrote it", stories)
        if not judged.missing and judged.untold:
            return not_said(judged.untold, stories)
        events = judged.untold_event and set(judged.missing) <= set(judged.untold_event)
        if events and (clause := asked_whether(question.text)) is not None:
            return not_said(clause, stories)  # "whether Trump has met al-Sharaa"
        if judged.missing:
            return not_mentioned(worded(question.text, judged.missing), stories)
        if judged.elsewhere:
            return mentioned_apart(worded(question.text, judged.elsewhere)[0], stories)
        if numbers := [n for n in judged.unheld if n[0].isdigit()]:
            return mentioned_apart(numbers[0], stories)  # one the stories lack would be missing
        if judged.turned:
            return said_instead(judged.turned[0], judged.opposed[0], stories)
        if judged.unchosen:
            return none_chosen(worded(question.text, judged.unchosen), stories)
        if judged.unheld:
            return unsaid_here(judged.unheld[0], stories)
        if judged.undenied and (word := negation(question.text)):
            return nothing_denied(word, stories)
        return self._off_topic

    @cached_property
    def _sources(self) -> frozenset[Source]:
        """The stories, gathered once: at 20,000 passages that costs about as much as a search,
        and every refusal asks how many there are."""
        return frozenset(c.source for c in self._records.chunks)

    @cached_property
    def _off_topic(self) -> str:
        """The refusal to a question no story covers."""
        titles = sorted({source.title for source in self._sources})
        if len(titles) == 1:
            return (
                f"Sorry, “{titles[0]}” doesn't cover that, so I can't answer it from the article."
            )
        return f"Sorry, none of these {len(titles)} stories covers that, so I can't answer it."


POINTED = 0.3
"""How much of the headline's vector a question pointing at the story's news with "this" is read
with (`Retriever.pointed_at`): "Is this a big change in how the two countries deal with each
other?" says nothing of what "this" is, and its own vector is near no passage (0.24, refused).
Chosen on the story's tuning questions (eval/story_tune2-8.json, then with three of its sets
unmerged): at 0.2, 0.3 and 0.4 paraphrases refused 58 → 50, 46 and 45 of 772, found first
610 → 615, 615 and 611, near-topic questions refused 642 → 641, 641 and 638 of 768."""


def _pointed(vector: np.ndarray, headline: np.ndarray) -> np.ndarray:
    """The question's vector read with the headline's (`POINTED`)."""
    return _read_with(vector, headline, POINTED)


def _in_story_words(vector: np.ndarray, reworded: np.ndarray) -> np.ndarray:
    """The question's vector read with that of the question put in the story's words
    (`meant.reworded`), each counting the same: the sentence model reads "what did one official
    say the swap was needed for" far from ¶4's "the intelligence exchange was a necessary
    measure" (0.21, refused) however well "swap" is met in context by "exchange"."""
    return _read_with(vector, reworded, 1.0)


def _read_with(vector: np.ndarray, other: np.ndarray, weight: float) -> np.ndarray:
    """The unit vector of `vector` plus `weight` times `other`."""
    blended = vector + weight * other
    return _read_only((blended / np.linalg.norm(blended)).astype(vector.dtype))


def _read_only(vector: np.ndarray) -> np.ndarray:
    vector.setflags(write=False)
    return vector
