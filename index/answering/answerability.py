"""Whether the story answers a question: the evidence, and one calibrated decision over it.

A passage answers a question when it grounds it: the question's specific concepts are in the
passage (or its article's headline), and it offers the kind of answer asked for (how many → a
number, when → a time). The signals, with the retrievers' scores, go through one logistic model
fitted on SQuAD 2.0 and story questions of ours (`benchmarks/answerability_fit.py`; its
coefficients are in `index/data/answerability.json`), whose output is the answer's `confidence`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from functools import cache

import numpy as np
import Stemmer

from index.answering.before import PLACING_EARLIER
from index.answering.concepts import (
    ATTRIBUTES,
    CLOSED_CLASS,
    MOST_SPECIFIC,
    NAME_TOKEN,
    PRESSING,
    REQUESTING,
    WORD,
    Concept,
    denies,
    implied_attributes,
    is_person,
    names_in,
    offers,
    place_names,
    polar,
    verb_specificity,
)
from index.answering.speakers import SPEAKING
from index.answering.vocabulary import (
    Vocabulary,
    aliases,
    broader,
    holds,
    share_held,
    stemmer,
    synonyms,
)
from index.logistic import Logistic, parameters, stored

MISSING_NAMED = 1.5
"""A concept the story never mentions is named in a refusal when at least this specific."""
UNKNOWN_NAME = 1.3
"""A name in the question (a capitalised word, not a number) at least this specific that the
corpus never mentions, even spelt a letter or two off, makes an answer far less likely: a name
has no synonyms. On the quality benchmark's tuning half, 4 of 480 SQuAD answerable questions
hold one (mostly misspellings), against 86 of 180 other articles' questions, 6 of the story's
22 near-topic ones and none of its 52 paraphrases. At 1.5, "China" (1.4) slipped through; lower
than 1.2, story paraphrases start to hold one ("American")."""
TENTATIVE = 0.8
"""Below this confidence an answer is tentative and says so: on the quality benchmark's
reporting half, the story answered 27 of the 49 questions answered between the cut and 0.8,
against 924 of the 937 above it (docs/quality.md, calibration)."""
UNKNOWN_NAME_FACTOR = 0.1
"""What such a name multiplies the confidence by; so does a word for a person's or place's
attribute that the corpus never mentions (`concepts.ATTRIBUTES`) or a made thing it never
mentions (`concepts.made_thing`), a date or count asked outright
that the passages ranked first do not give, a number or ordinal of the question they do not
hold, a choice it offers that none of them makes, a negated question none of them answers with
a denial, a name asked of a thing they mention but never name, words asked of someone they
never quote, a word turned into its opposite, and a name the corpus mentions only away from the
best passage (`Judgement`)."""


@dataclass(frozen=True)
class Evidence:
    """What the answerability model weighs for one question and its best passage."""

    dense: float
    """The best passage's dense score."""
    gap: float
    """How far it leads the second passage (combined scores)."""
    lexical: float
    """The best passage's BM25 score, squashed to 0–1."""
    passage_share: float
    """Share of the question's specificity that the best passage (or its headline) mentions."""
    story_share: float
    """Share of the question's specificity that the corpus mentions anywhere."""
    missing_named: float
    """Specificity of the most specific name or number in the question that the corpus lacks."""
    missing_plain: float
    """Specificity of the most specific other word (a thing, not an action) the corpus lacks."""
    missing_verbal: float
    """Specificity of the most specific verb form ("foiled") the corpus lacks: a paraphrase
    often swaps these for synonyms, so they weigh apart."""
    absent_most: float
    """Specificity of the most specific concept the corpus has but the best passage lacks."""
    kind_unmet: float
    """1 when the question asks for a number, time, person or place the best passage lacks."""
    focus_absent: float
    """Specificity of the most specific word naming the thing asked for ("the death *toll*
    of", "Syria's *GDP*", "how many *fighters*") that the best passage (or its headline) lacks."""
    concepts: float
    """How many concepts the question has (at most 8)."""
    about_article: float
    """1 when the question asks about the article itself (author, outlet, headline)."""

    def features(self) -> list[float]:
        """The evidence as the model's inputs: the fields in order, then a few bends and
        products that let a linear model say "a low dense score counts more below 0.35 and
        0.5" and "concepts found count for more in a passage that is also similar"."""
        return [
            *(float(x) for x in astuple(self)),
            max(0.0, 0.35 - self.dense),
            max(0.0, 0.5 - self.dense),
            self.passage_share * self.dense,
            self.story_share * self.dense,
        ]


DERIVED = ("dense_below_35", "dense_below_50", "passage_share_x_dense", "story_share_x_dense")
FEATURES = (*(f.name for f in fields(Evidence)), *DERIVED)


@dataclass(frozen=True)
class Grounds:
    """What a passage offers a question: the stems it holds and its sentences' texts."""

    stems: frozenset[str]
    headline: frozenset[str]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Judgement:
    """A question's evidence, the concepts it asks about and the kind of answer it wants."""

    evidence: Evidence
    missing: tuple[str, ...]
    """Its specific concepts that the corpus never mentions."""
    asked: tuple[Concept, ...]
    kind: str | None
    unknown_names: tuple[str, ...] = ()
    """Its specific names (not numbers) that the corpus never mentions."""
    unknown_attributes: tuple[str, ...] = ()
    """Its words for a person's or place's attributes that the corpus never mentions."""
    unknown_things: tuple[str, ...] = ()
    """Its words the corpus never mentions whose commonest sense is a made thing ("weapons",
    "embassy": `concepts.made_thing`): a paraphrase calls a weapon a weapon, so a story that
    never names one does not tell of it. On the quality benchmark's tuning half no SQuAD
    answerable question holds one, nor any of the story's; on our probes 8 near-topic
    questions did and no paraphrase."""
    unheld: tuple[str, ...] = ()
    """The numbers it gives ("in 1850", "the 3 parks") and its ordinals past "first" ("Newton's
    Third Law") that none of the passages it ranks first holds, and its "always" or "never"
    that none of them says: SQuAD's unanswerable questions swap a paragraph's number for another
    or make its claim universal."""
    undenied: bool = False
    """It asks about what is not so ("Friction is not caused by what?") and none of the
    passages it ranks first says that anything is not so: SQuAD's unanswerable questions often
    negate an answerable one."""
    turned: tuple[str, ...] = ()
    """Its words whose opposite its best passage says, while none of the passages it ranks
    first says the word ("higher" of a passage saying "lower": `opposites.turned`)."""
    opposed: tuple[str, ...] = ()
    """What its best passage says in place of each of the `turned` words, in their order
    ("lower" for "higher"): what a refusal names."""
    negative: bool = False
    """It asks about what is not so (`concepts.negated`): a sentence that denies answers it."""
    unchosen: tuple[str, ...] = ()
    """The alternatives it offers ("police or the army") when none of the passages it ranks
    first says either: a choice the story never speaks of (`concepts.alternatives`)."""
    untold_event: tuple[str, ...] = ()
    """Its verbs, asked yes or no, that the corpus never says in any form or synonym ("Was the
    shrine evacuated?", "Has the US lifted sanctions?": `unsaid_events`): whether that happened
    is the question, and a story that never tells of it does not answer it."""
    elsewhere: tuple[str, ...] = ()
    """Its names that the corpus mentions but not around its best passage ("Berlin" of a
    paragraph on Warsaw's stock exchange: `elsewhere.told_elsewhere`)."""
    untold: str | None = None
    """What it asks outright ("when", "how many": `concepts.asked_outright`) when none of the
    passages it ranks first tells it (no time, or no number), the name it asks ("the shrine's
    name": `naming.asks_name_of`) when they mention the thing but never name it, or the words
    of someone they mention but never quote ("what Trump said": `speakers.asks_words_of`)."""

    def confidence(self, model: Model) -> float:
        """How likely the story answers the question, 0 to 1."""
        ungrounded = (
            self.unknown_names,
            self.unknown_attributes,
            self.unknown_things,
            self.unheld,
            self.undenied,
            self.turned,
            self.unchosen,
            self.untold_event,
            self.elsewhere,
        )
        weight = UNKNOWN_NAME_FACTOR if any(ungrounded) or self.untold else 1.0
        return model.confidence(self.evidence) * weight


def weigh(
    asked: tuple[Concept, ...],
    kind: str | None,
    focus: tuple[Concept, ...],
    vocabulary: Vocabulary,
    best: Grounds,
    scores: tuple[float, float, float],
    about_article: bool,
) -> Evidence:
    """The evidence for one question; `scores` are the best dense, the combined lead, and BM25."""
    total = sum(c.specificity for c in asked) or 1.0
    held = best.stems | best.headline
    framed = bool(best.headline)
    story = [c for c in asked if vocabulary.mentions(c) or (framed and framing(c))]
    passage = [c for c in asked if holds(c, held) or (framed and framing(c))]
    lacked = [c for c in asked if c not in story and c.word.lower() not in PLACING_EARLIER]
    unmet = kind is not None and not any(offers(s, kind) for s in best.sentences)
    dense, gap, bm25 = scores
    return Evidence(
        dense=dense,
        gap=gap,
        lexical=bm25 / (bm25 + 5.0),
        passage_share=sum(c.specificity for c in passage) / total,
        story_share=sum(c.specificity for c in story) / total,
        missing_named=_most(c for c in lacked if c.named),
        missing_plain=_most(c for c in lacked if not (c.named or c.verbal)),
        missing_verbal=_most(c for c in lacked if c.verbal),
        absent_most=_most(c for c in story if c not in passage),
        kind_unmet=float(unmet),
        focus_absent=_most(c for c in focus if c not in passage),
        concepts=float(min(len(asked), 8)),
        about_article=float(about_article),
    )


def _most(concepts: Iterable[Concept]) -> float:
    return max((c.specificity for c in concepts), default=0.0)


FRAMING = re.compile(
    r"^(articles?|stor(y|ies)|pieces?|headlines?|papers?|newspapers?|outlets?|publications?|"
    r"publish(?:ers?|es|ed|ing)?|authors?|writers?|bylines?|journalists?|reporters?|"
    r"correspondents?|columnists?|mention(s|ed|ing)?|"
    r"discuss(es|ed|ing)?|info|information|details?|texts?)$",
    re.I,
)
"""What an article is and who made it, and what it tells: "which outlet first reported the
story?" asks for the article's outlet, which every article has, whether or not its text says
"outlet"; "does the article mention (discuss) Russia?" and "any info (details) on Turkey?" ask
about Russia and Turkey, not about the words "mention" or "info". Such a word counts as said
by the story and by any passage of an article with a headline, and is never named in a refusal.
("Title" is left out: "the title of the first Beatles album" is not the article's.)"""


def framing(concept: Concept) -> bool:
    """Whether the concept is what an article is or who made it (`FRAMING`)."""
    return bool(FRAMING.match(concept.word))


EVENT_SPECIFIC = 2.0
"""How specific a verb of a yes-or-no question must be for the story's silence on it to answer
the question: "evacuated", "lifted", "injured"; not "make", "take" or "get", which a story says in
other words. A form is as specific as its verb (`concepts.verb_specificity`): "Did US
intelligence matter in stopping the shrine attack?" had been refused naming "stopping" (2.2 as
written, "stop" 1.0), though ¶2 tells of the thwarted plot."""


def unsaid_events(
    asked: tuple[Concept, ...], vocabulary: Vocabulary, question: str
) -> tuple[str, ...]:
    """The verbs of a question asked yes or no (`concepts.polar`) that are specific enough
    (`EVENT_SPECIFIC`; after a named subject, `DONE_BY_NAME`) and that the corpus never says,
    by any form or synonym. Words of saying are left to whose words are asked ("Has Trump
    commented …?": `speakers.asks_words_of`)."""
    if not polar(question):
        return ()
    main = _named_subjects_verb(question)
    return tuple(
        c.word
        for c in asked
        if (
            (c.verbal and verb_specificity(c.word) >= EVENT_SPECIFIC)
            or (c.word == main and verb_specificity(c.word) >= DONE_BY_NAME)
        )
        and c.word.lower() not in SPEAKING
        and not vocabulary.mentions(c)
        and (c.verbal or broader(c.stem).isdisjoint(vocabulary.stems))
    )


DONE_BY_NAME = 1.4
"""How specific the verb after a named subject of a yes-or-no question must be, in any form,
for the story's silence on it to answer the question (`_named_subjects_verb`): "Has Trump met
al-Sharaa?" (1.4) had been answered from ¶6 (0.98), "Did Syrian forces kill any of the
attackers?" from ¶2. Such a verb is not left unsaid when WordNet's word one step broader or
narrower is the corpus's ("swap" of "exchanged"). On our tuning questions 4 more near-topic
questions of 655 refused and no paraphrase lost; at 1.2, 2 more and one paraphrase lost; the
quality benchmark's tuning half did not move."""
INTENDING = r"(?:planning|going|trying|hoping|expected|set|likely|about|due|scheduled)"
"""What a named subject is asked to mean to do, before "to" and the verb asked about ("is
al-Sharaa planning to *visit* Washington?": answered from ¶6, 0.96, before)."""
NAMED = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}"
"""A named subject: up to three capitalised words of a name ("Trump", "al-Sharaa", "Bashar
al-Assad")."""
BEING = frozenset({"is", "was", "are", "were"})
"""Auxiliaries after which a named subject's verb is asked only with `INTENDING` ("is Trump
planning to visit …?"; "Is the US treating …?" asks no event)."""
NAMED_SUBJECT = re.compile(
    r"^\W*(?P<aux>(?i:did|does|do|has|have|had|will|would|can|could|should|is|was|are|were))"
    rf"\s+(?:the\s+)?{NAMED}\s+(?P<intending>{INTENDING}\s+to\s+)?(?P<verb>[a-z]+)\b"
)


ASKED_WHETHER = re.compile(
    r"^\W*(?P<aux>(?i:has|have|had|is|was|are|were|will|would|can|could|should))\s+"
    rf"(?P<subject>(?:(?i:the)\s+)?{NAMED})\s+"
    r"(?P<rest>[a-z][^?!.]*?)\s*[?!.]*\s*$"
)
"""A yes-or-no question about a named subject, as a clause ("Has Trump met al-Sharaa?": whether
Trump has met al-Sharaa); "did"/"does" questions are left out, their verb's tense unknown."""


def asked_whether(question: str) -> str | None:
    """The question as the clause a refusal says the story does not tell ("whether Trump has
    met al-Sharaa"), when it asks yes or no about a named subject (`ASKED_WHETHER`)."""
    found = ASKED_WHETHER.match(question)
    if found is None:
        return None
    return f"whether {found['subject']} {found['aux'].lower()} {found['rest']}"


def _named_subjects_verb(question: str) -> str | None:
    """The word after a named subject of a question asked yes or no, which is its verb, in
    any form ("Has Trump *met* al-Sharaa?", "Did the US *lift* …?", "has al-Sharaa *met* …":
    a name as `concepts.NAME_TOKEN` writes one)."""
    found = NAMED_SUBJECT.match(question)
    if found is None or (found["aux"].lower() in BEING and not found["intending"]):
        return None
    return found["verb"]


def missing_concepts(asked: tuple[Concept, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The question's specific names and things that the corpus never mentions, as the question
    words them (verb forms left out: the story may say the same with another verb; words that
    name nothing, "via" or "despite", which no story need say; and words of saying, "respond"
    or "react", by which a question asks someone's words: what it lacks then is those words,
    `speakers.asks_words_of`)."""
    return tuple(
        c.word
        for c in asked
        if (c.specificity >= MISSING_NAMED or c.named)
        and not c.verbal
        and not framing(c)
        and c.word.lower() not in CLOSED_CLASS | PRESSING | REQUESTING | SPEAKING | PLACING_EARLIER
        and not vocabulary.mentions(c)
    )


def unknown_attributes(
    asked: tuple[Concept, ...], vocabulary: Vocabulary, question: str
) -> tuple[str, ...]:
    """The question's words for what an encyclopedia tells of a person or place (`ATTRIBUTES`:
    "born", "married", "population") that the corpus never says (`says_attribute`), unless
    the question only places something by it ("near the Syrian capital" is where the
    plot was, a paraphrase of "near Damascus"; "What is Syria's capital?" asks for it)."""
    for word in implied_attributes(question):  # "how old?" asks the age, as "what age?" does
        stem = "_".join(stemmer().stemWords(word.split()))
        asked = (*asked, Concept(word, stem, MOST_SPECIFIC, named=False))
    return tuple(
        c.word
        for c in asked
        if not c.named
        and c.word.lower() in ATTRIBUTES
        and not any(says_attribute(c.stem, form) for form in vocabulary.forms(c))
        and not _placing(c.word, question)
    )


def says_attribute(stem: str, form: str) -> bool:
    """Whether a stem of the corpus says the attribute whose stem is `stem`: its own, one
    beginning with it ("rainfall" for "rain"), or a synonym that is an attribute too ("birth"
    for "born"), not every sense WordNet gives ("born" → "bear" → "assumed")."""
    return form.startswith(stem) or form in synonyms(stem) & _attribute_stems()


@cache
def _attribute_stems() -> frozenset[str]:
    return frozenset(stemmer().stemWords(sorted(ATTRIBUTES)))


LOCATIVE = r"\b(?:near|in|at|from|to|into|inside|outside|around|across|toward|towards|beyond)\s+"
LOCATIVE_TAIL = r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w’'-]+\s+)?"


def _placing(word: str, question: str) -> bool:
    """Whether the word follows a preposition of place, as a landmark ("near the capital")."""
    pattern = rf"{LOCATIVE}{LOCATIVE_TAIL}{re.escape(word)}\b"
    return re.search(pattern, question, re.I) is not None


def unknown_names(asked: tuple[Concept, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The question's specific names (not numbers) that the corpus never mentions, and the
    words of a name of several words none of which it mentions, however common each word is
    ("White House": "Has al-Sharaa visited the White House?" of a story naming neither)."""
    unheard = [c for c in asked if c.named and c.word[0].isalpha() and not vocabulary.mentions(c)]
    runs: dict[str, list[Concept]] = {}
    for c in asked:
        if c.initials:
            runs.setdefault(c.initials, []).append(c)
    whole = {
        c.word
        for run in runs.values()
        if len(run) > 1 and all(c in unheard for c in run)
        for c in run
    }
    return tuple(c.word for c in unheard if c.specificity >= UNKNOWN_NAME or c.word in whole)


def offered(sentence: str, kind: str, stemmer: Stemmer.Stemmer) -> tuple[frozenset[str], ...]:
    """The names a sentence offers as the answer to "who?" or "where?" (`kind` "person" or
    "place"), each as its stems: its names (`names_in`); for "who?" not a place or its people
    ("Syria", "Americans"), and also lowercase words for people ("leader"); for "where?" those
    beside a word of place that are not a person's (`place_names`)."""
    found: list[list[str]] = []
    if kind == "person":
        found += [[w] for w in WORD.findall(sentence) if w.islower() and is_person(w)]
    for name in place_names(sentence) if kind == "place" else names_in(sentence):
        words = [w.lower() for w in WORD.findall(name)]
        if not (kind == "person" and all(aliases(w) for w in words)):
            found.append(words)
    return tuple(frozenset(stemmer.stemWords(words)) for words in found)


def answer_fit(
    sentence: str,
    asked: tuple[Concept, ...],
    kind: str | None,
    stemmer: Stemmer.Stemmer,
    negative: bool = False,
) -> float:
    """How well a sentence fits what is asked: the share of the question's specificity it
    mentions, plus one when it holds the kind of answer asked for, and one when the question
    is negated and the sentence denies ("Is the sharing not an endorsement?": "it does not
    imply full political acceptance")."""
    stems = set(stemmer.stemWords([w.lower() for w in WORD.findall(sentence)]))
    offered = kind is not None and offers(sentence, kind)
    return share_held(asked, stems) + float(offered) + float(negative and denies(sentence))


@dataclass(frozen=True)
class Model(Logistic):
    """The answerability model: confidence = σ(log-odds), answered at `cut` or above."""

    cut: float

    def confidence(self, evidence: Evidence) -> float:
        """How likely the story answers the question, 0 to 1."""
        z = float(self.log_odds(np.asarray(evidence.features())))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def fitted() -> Model:
    """The model in index/data/answerability.json."""
    data = stored("answerability.json", FEATURES)
    return Model(**parameters(data), cut=data["cut"])
