"""The extractive summary: a few sentences of each article that tell its distinct points, cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index.passages import Chunk, Source, SummarySentence
from index.summary import salience

MAX_SENTENCES = 5
MIN_SENTENCES = 3
MAX_ROWS = 2_000
"""Sentences of one article weighed against each other; a longer one is sampled evenly, so the
summary of a 30 MB article costs a 2,000 × 2,000 matrix, not one of its every sentence pair."""
MAX_CHARS = 1000
MIN_WORDS = 5
MIN_LOWERCASE_WORDS = 3
"""Running text has function words and verbs; a byline, dateline or label has few or none."""
ENDS_A_SENTENCE = re.compile(r"[.!?][\"'’”)\]]*$")
FURNITURE = re.compile(
    r"^(by\s*\.|scroll down\b|click here\b|read more\b|follow\s+(us\b|@))"
    r"|\b(published|updated)(\s+at)?\s*:|\blast updated\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(EST|EDT|GMT|BST|CET)\s*,\s*\d{1,2}\s+[a-z]+\s+\d{4}",
    re.IGNORECASE,
)
"""A news site's furniture: bylines, time stamps, prompts to scroll, click or follow."""
CAPTION_RUN_IN = re.compile(
    r"[a-z0-9,)] (?!(?:[\w'’-]+ ){0,2}(?:said|says|added|told|wrote|reads|stated|explained"
    r"|continued|asked)\b)[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: [A-Z]"
)
"""A photo caption's label run into the text with no full stop before it ("...from his injuries
Freak coincidence: His brother..."): two pieces glued together, not a sentence. A speaker's
colon ("The PM added: That...") is not one."""
WORD = re.compile(r"[^\W\d_][\w'’-]*")
LEANS_BACK = re.compile(
    r"^[\"'“‘]?(?:(?:he|she|it|they|this|these|those|such|his|her|its|their|both|but|however|"
    r"also|and|yet|still|moreover|meanwhile|furthermore|instead)\b|"
    r"(?:in|on|at|by|with|despite|after|before|under|for) (?:his|her|its|their|this|that|these|"
    r"those|such|the same)\b|that (?!is\b)\w+ (?:was|is|were|are|had|has|will)\b)",
    re.I,
)
"""The opening of a sentence that points back at the one before it."""


@dataclass(frozen=True)
class Plan:
    """How sentences are chosen; tuned on half of a CNN/DailyMail set (benchmarks/summary.py)."""

    redundant: float = 0.75
    """Cosine similarity from which a sentence repeats one already chosen."""
    target_chars: int = 600
    """Stop adding sentences once the summary is this long (ROUGE F1 rewards the right length),
    unless the next one tells a new point (`new_point`)."""
    coverage: float = 1.0
    """Weight of what a sentence adds to the article's coverage, beside its salience."""
    learned: bool = False
    """Salience from the fitted model (index/summary/salience.py) instead of the lead prior
    1 / (1 + rank). Off: on the tuning half it does not beat the lead prior once the story must
    keep its four points (docs/summary.md)."""
    more: float = -99.0
    """Past the third sentence, only one whose salience plus weighted coverage gain reaches this
    is added (-99: length alone decides)."""
    names: float = 0.05
    """Weight of the share of a sentence's names (capitalised words inside it) that no chosen
    sentence has named yet: a new person or place is a new point of the story."""
    new_point: int = 2
    """Past `target_chars`, the best next sentence is still added when it names at least this
    many people or places and the summary has named none of them: a point not yet told
    (0: length alone decides)."""
    leaning: bool = True
    """A sentence that leans on the one before it ("In his statement, …", "He also …") gives
    its place to that one, when it fits: alone, it points at nothing. (Whether to go on is
    still judged by the sentence that leans: its point is the one being added.)"""


@dataclass(frozen=True)
class Candidate:
    """A sentence that may go into the summary: its passage, span and vector row."""

    chunk: Chunk
    start: int
    end: int
    row: int

    @property
    def text(self) -> str:
        """The sentence exactly as it stands in the passage."""
        return self.chunk.text[self.start : self.end]


def summarise(
    chunks: tuple[Chunk, ...],
    vectors: np.ndarray,
    max_chars: int = MAX_CHARS,
    plan: Plan = Plan(),
    model: salience.Model | None = None,
) -> tuple[SummarySentence, ...]:
    """3 to 5 whole sentences a source, in story order, that tell its distinct points.

    `vectors` holds one normalised row per sentence of `chunks`, in order.
    """
    summary: list[SummarySentence] = []
    for found in sentences_by_source(chunks).values():
        picked = _pick(found, vectors, max_chars, plan, model) if found else []
        summary += [SummarySentence(c.text, c.chunk.source, c.chunk.paragraph) for c in picked]
    return tuple(summary)


def sentences_by_source(chunks: tuple[Chunk, ...]) -> dict[Source, list[Candidate]]:
    """Each source's whole sentences of running text, in story order: what a summary draws on."""
    by_source: dict[Source, list[Candidate]] = {c.source: [] for c in chunks}
    for candidate in candidates(chunks):
        by_source[candidate.chunk.source].append(candidate)
    return {
        source: [c for c in found if is_sentence(c.text, found)]
        for source, found in by_source.items()
    }


def candidates(chunks: tuple[Chunk, ...]) -> list[Candidate]:
    """Every body sentence, with a split-off closing quote mark put back on the sentence it ends."""
    found: list[Candidate] = []
    row = 0
    for chunk in chunks:
        for offset, (start, end) in enumerate(chunk.sentences):
            if found and found[-1].chunk is chunk and not _has_word(chunk.text[start:end]):
                found[-1] = Candidate(chunk, found[-1].start, end, found[-1].row)
            elif chunk.kind == "body":
                found.append(Candidate(chunk, start, end, row + offset))
        row += max(len(chunk.sentences), 1)
    return found


def is_sentence(text: str, article: list[Candidate] | None = None) -> bool:
    """A whole sentence of running text: not a fragment, furniture, or a caption run into text."""
    words = WORD.findall(text)
    lowercase = [w for w in words if w[0].islower() and len(w) > 1]
    return (
        len(words) >= MIN_WORDS
        and len(lowercase) >= MIN_LOWERCASE_WORDS
        and ENDS_A_SENTENCE.search(text) is not None
        and not FURNITURE.search(text)
        and not CAPTION_RUN_IN.search(text)
        and not _holds_another(text, article or [])
    )


def _has_word(text: str) -> bool:
    return re.search(r"[^\W_]", text) is not None


def _holds_another(text: str, article: list[Candidate]) -> bool:
    """A photo caption run into a sentence repeats another sentence of the article inside it."""
    for other in article:
        inner = other.text.rstrip(".!?\"'’” ")
        if inner != text.rstrip(".!?\"'’” ") and len(inner.split()) >= 6 and inner in text:
            return True
    return False


def _pick(
    found: list[Candidate],
    vectors: np.ndarray,
    max_chars: int,
    plan: Plan,
    model: salience.Model | None,
) -> list[Candidate]:
    """Greedy choice by salience and new coverage, never a repeat, until the length is right."""
    if len(found) > MAX_ROWS:
        found = [found[i] for i in np.linspace(0, len(found) - 1, MAX_ROWS).round().astype(int)]
    own = vectors[[c.row for c in found]]
    likeness = own @ own.T
    salient = _salience(found, own, plan, model)
    chosen: list[int] = []
    covered = np.zeros(len(found))
    names = [_names(c.text) for c in found]
    while len(chosen) < MAX_SENTENCES:
        adds = np.maximum(likeness, covered[:, None]).mean(axis=0) - covered.mean()
        worth = salient + plan.coverage * adds + plan.names * _new_names(names, chosen)
        fits = [
            i
            for i in map(int, np.argsort(-worth, kind="stable"))
            if _fits(found, chosen, likeness[i], i, max_chars, plan)
        ]
        if not fits or (
            len(chosen) >= MIN_SENTENCES and _enough(found, chosen, names, fits[0], worth, plan)
        ):
            break
        best = _introduced(found, chosen, likeness, fits[0], max_chars, plan)
        chosen.append(best)
        covered = np.maximum(covered, likeness[:, best])
    return [found[i] for i in sorted(chosen)]


def _introduced(
    found: list[Candidate],
    chosen: list[int],
    likeness: np.ndarray,
    best: int,
    max_chars: int,
    plan: Plan,
) -> int:
    """The sentence to add for `best`: the one before it when `best` points back at it ("In his
    statement, …") and it fits, else `best` itself (`Plan.leaning`)."""
    before = best - 1
    leans = plan.leaning and before >= 0 and LEANS_BACK.match(found[best].text) is not None
    if (
        leans
        and before not in chosen
        and _fits(found, chosen, likeness[before], before, max_chars, plan)
    ):
        return before
    return best


def _enough(
    found: list[Candidate],
    chosen: list[int],
    names: list[frozenset[str]],
    best: int,
    worth: np.ndarray,
    plan: Plan,
) -> bool:
    """The summary stops: the best next sentence is not salient enough, or the summary is long
    enough and that sentence does not tell a new point (`Plan.new_point`)."""
    if worth[best] < plan.more:
        return True
    if _length(found, chosen) < plan.target_chars:
        return False
    known = frozenset().union(*(names[c] for c in chosen))
    tells_new = plan.new_point and len(names[best]) >= plan.new_point and not names[best] & known
    return not tells_new


NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]+")
"""A capitalised word inside a sentence (not its first): a name."""


def _names(text: str) -> frozenset[str]:
    return frozenset(m.group().rstrip("’'s").lower() for m in NAME.finditer(text))


def _new_names(names: list[frozenset[str]], chosen: list[int]) -> np.ndarray:
    """Each sentence's share of names that no chosen sentence has."""
    known = frozenset().union(*(names[c] for c in chosen))
    return np.array([len(n - known) / len(n) if n else 0.0 for n in names])


def _salience(
    found: list[Candidate], own: np.ndarray, plan: Plan, model: salience.Model | None
) -> np.ndarray:
    """Each sentence's standing before coverage: the fitted model's log-odds, or the lead prior."""
    if plan.learned:
        return (model or salience.fitted()).scores([c.text for c in found], own)
    return 1.0 / (1.0 + np.arange(len(found)))


def _length(found: list[Candidate], chosen: list[int]) -> int:
    """The summary's length, its sentences joined by spaces."""
    return sum(len(found[c].text) + 1 for c in chosen) - 1


def _fits(
    found: list[Candidate],
    chosen: list[int],
    likeness: np.ndarray,
    i: int,
    max_chars: int,
    plan: Plan,
) -> bool:
    """Not chosen, from a fresh paragraph, no repeat of a chosen sentence, within the budget."""
    fresh = found[i].chunk.paragraph not in {found[c].chunk.paragraph for c in chosen}
    repeats = any(likeness[c] >= plan.redundant for c in chosen)
    return fresh and not repeats and _length(found, [*chosen, i]) <= max_chars
