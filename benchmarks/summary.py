"""The summary on CNN/DailyMail news it was not written for: ROUGE beside two lead baselines.

Run `python -m benchmarks.summary`; it prints a Markdown table and writes docs/summary.md.
The articles and reference highlights are read at run time from ../shared/eval/summ (its
README says how to score; the data is for evaluation only and is never copied here). Each
article is its own corpus, summarised exactly as `storybot build` does: the same chunking, the
same int8 encoder (exported once into data/encoders) and the same `summarise`. The articles are
split into a tuning half and a reporting half by a fixed hash of their id; the summariser's
settings were chosen on the tuning half only, so the reporting half shows what carries over.

Encoding is most of the time. Encoding only the sentences, not the passages and clauses a build
encodes with them, takes half as long but is not faithful: the int8 encoder scales activations
per batch, so the vectors move (by up to 0.07) and 5 of the 150 summaries came out different.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rouge_score.rouge_scorer import RougeScorer

from index.corpus.articles import Article, read_article
from index.corpus.chunking import passages_for, search_text
from index.passages import Chunk
from index.settings import DEFAULT_MODEL, Settings
from index.summary import salience
from index.summary.extractive import MAX_CHARS, MAX_SENTENCES, Plan, summarise
from index.vectors.build import build_embedder, vector_sets
from index.vectors.embedding import Embedder

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "summ"
OUT = ROOT / "docs" / "summary.md"
STORY = ROOT / "corpus" / "us-syria-intelligence-sharing.txt"
SYSTEMS = ("StoryBot", "learned (opt-in)", "lead-3", "length-matched lead")
LEARNED = Plan(learned=True, target_chars=1000, more=-1.5, coverage=3.0)
"""The opt-in plan with the fitted salience model: the best of those cross-validated on the
tuning half by `python -m benchmarks.summary_fit` (docs/summary.md)."""
HALVES = ("tune", "report", "all")
RESAMPLES = 10_000
TARGETS = (450, 600, 750, 900)
SWEEP = (
    *(Plan(target_chars=t) for t in TARGETS if t != Plan().target_chars),
    Plan(new_point=0),
    Plan(new_point=3),
    Plan(target_chars=750, new_point=0),
)
"""Plans scored on the tuning half beside the shipped one: how its settings were chosen (the
last is the plan shipped before `new_point`)."""
WORK = ROOT / "data" / "summary-vectors"


@dataclass(frozen=True)
class Case:
    """One article of the set, its reference highlights, and the half it belongs to."""

    id: str
    article: Article
    reference: str

    @property
    def half(self) -> str:
        """'tune' or 'report', fixed by the id's hash so the split never moves."""
        return "tune" if hashlib.sha256(self.id.encode()).digest()[0] % 2 == 0 else "report"


@dataclass(frozen=True)
class Scored:
    """One system's summary of one article: its ROUGE F1 (x100), length and faults."""

    rouge: tuple[float, float, float]
    chars: int
    sentences: int
    empty: int
    """Sentences with no letter or digit."""
    not_verbatim: int
    """Sentences that are not exactly in the article."""


def cases(folder: Path = DATA) -> list[Case]:
    """Every article of the set with its reference, in the set's order."""
    references = json.loads((folder / "references.json").read_text(encoding="utf-8"))
    return [
        Case(
            entry["id"],
            read_article(folder / "articles" / f"{entry['id']}.txt"),
            entry["reference"],
        )
        for entry in references["articles"]
    ]


def chunked(article: Article) -> tuple[tuple[Chunk, ...], tuple[str, ...]]:
    """The article's passages and the texts they are indexed as, as a build makes them."""
    chunks = tuple(passages_for(article))
    return chunks, tuple(search_text(chunk) for chunk in chunks)


def sentence_vectors(embedder: Embedder, article: Article) -> np.ndarray:
    """Every sentence's vector, encoded exactly as `storybot build` encodes a one-article corpus."""
    chunks, texts = chunked(article)
    return vector_sets(embedder, chunks, texts)[1]


@dataclass(frozen=True)
class VectorCache:
    """Sentence vectors kept in `folder`, one .npz an article, keyed by the model and the texts
    encoded, so a second run (a tuning loop) encodes nothing that has not changed."""

    folder: Path
    model: str
    embedder: Callable[[], Embedder]

    def vectors(self, article: Article) -> np.ndarray:
        """The article's sentence vectors, from the cache or freshly encoded and kept."""
        chunks, texts = chunked(article)
        key = hashlib.sha256("\x00".join([self.model, *texts]).encode()).hexdigest()[:32]
        path = self.folder / f"{key}.npz"
        if path.exists():
            with np.load(path) as kept:
                return np.asarray(kept["vectors"])
        rows = vector_sets(self.embedder(), chunks, texts)[1]
        self.folder.mkdir(parents=True, exist_ok=True)
        np.savez(path, vectors=rows)
        return rows


def storybot(
    article: Article,
    vectors: np.ndarray,
    plan: Plan | None = None,
    model: salience.Model | None = None,
) -> list[str]:
    """StoryBot's summary sentences, as the index would store them."""
    chunks = chunked(article)[0]
    return [s.text for s in summarise(chunks, vectors, plan=plan or Plan(), model=model)]


def body_sentences(article: Article) -> list[str]:
    """The body's sentences in order, as the chunker splits them."""
    chunks = chunked(article)[0]
    return [c.text[s:e] for c in chunks if c.kind == "body" for s, e in c.sentences]


def lead(sentences: Sequence[str], count: int = MAX_SENTENCES, chars: int = MAX_CHARS) -> list[str]:
    """The first sentences, at most `count` of them and `chars` characters joined."""
    taken: list[str] = []
    for sentence in sentences[:count]:
        if len(" ".join([*taken, sentence])) > chars:
            break
        taken.append(sentence)
    return taken or list(sentences[:1])


def matched_lead(sentences: Sequence[str], length: int) -> list[str]:
    """The lead within the budget whose joined length is nearest `length`."""
    prefixes = [lead(sentences, count) for count in range(1, MAX_SENTENCES + 1)]
    return min(prefixes, key=lambda p: (abs(len(" ".join(p)) - length), len(p)))


def score(scorer: RougeScorer, case: Case, sentences: list[str]) -> Scored:
    """ROUGE-1/2/L F1 of the joined sentences against the reference, and the summary's faults."""
    joined = " ".join(sentences)
    result = scorer.score(case.reference, joined)
    return Scored(
        rouge=tuple(100 * result[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")),
        chars=len(joined),
        sentences=len(sentences),
        empty=sum(not re.search(r"[^\W_]", s) for s in sentences),
        not_verbatim=sum(s not in case.article.text for s in sentences),
    )


def run(
    all_cases: Sequence[Case], vectors: Sequence[np.ndarray], summary: Callable[..., list[str]]
) -> dict[str, list[Scored]]:
    """Every system's scores on every article, in the same order as `all_cases`; the
    length-matched lead matches StoryBot's shipped summary."""
    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scored: dict[str, list[Scored]] = {name: [] for name in SYSTEMS}
    for case, rows in zip(all_cases, vectors, strict=True):
        ours = summary(case.article, rows)
        leading = body_sentences(case.article)
        learned = summary(case.article, rows, LEARNED)
        matched = matched_lead(leading, len(" ".join(ours)))
        systems = (ours, learned, lead(leading, 3), matched)
        for name, sentences in zip(SYSTEMS, systems, strict=True):
            scored[name].append(score(scorer, case, sentences))
    return scored


def interval(ours: Sequence[Scored], theirs: Sequence[Scored], seed: int = 0) -> tuple[float, ...]:
    """Mean ROUGE-2 difference and its paired bootstrap 95% interval (articles resampled)."""
    diffs = np.array([a.rouge[1] - b.rouge[1] for a, b in zip(ours, theirs, strict=True)])
    draws = np.random.default_rng(seed).integers(0, len(diffs), (RESAMPLES, len(diffs)))
    means = diffs[draws].mean(axis=1)
    return float(diffs.mean()), *np.percentile(means, [2.5, 97.5]).tolist()


def table(all_cases: Sequence[Case], scored: dict[str, list[Scored]]) -> str:
    """The Markdown results table: each half, each system, with lengths and faults."""
    lines = [
        "| half | articles | system | ROUGE-1 | ROUGE-2 | ROUGE-L | chars | sentences "
        "| no letter | not verbatim |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for half in HALVES:
        picked = [i for i, c in enumerate(all_cases) if half in ("all", c.half)]
        for name in SYSTEMS:
            rows = [scored[name][i] for i in picked]
            r1, r2, rl = np.mean([r.rouge for r in rows], axis=0)
            lines.append(
                f"| {half} | {len(rows)} | {name} | {r1:.1f} | {r2:.1f} | {rl:.1f} "
                f"| {np.mean([r.chars for r in rows]):.0f} "
                f"| {np.mean([r.sentences for r in rows]):.2f} "
                f"| {sum(r.empty for r in rows)} | {sum(r.not_verbatim for r in rows)} |"
            )
    return "\n".join(lines)


def differences(all_cases: Sequence[Case], scored: dict[str, list[Scored]]) -> str:
    """Each StoryBot plan − lead-3 on ROUGE-2, each half, with the paired bootstrap 95% interval."""
    lines = ["| half | system | − lead-3, ROUGE-2 F1 | 95% interval |", "|---|---|---|---|"]
    for half in HALVES:
        picked = [i for i, c in enumerate(all_cases) if half in ("all", c.half)]
        for name in SYSTEMS[:2]:
            mean, low, high = interval(
                [scored[name][i] for i in picked], [scored["lead-3"][i] for i in picked]
            )
            lines.append(f"| {half} | {name} | {mean:+.2f} | {low:+.2f} to {high:+.2f} |")
    return "\n".join(lines)


def sweep(all_cases: Sequence[Case], vectors: Sequence[np.ndarray], plans: Sequence[Plan]) -> str:
    """StoryBot's ROUGE on the tuning half under each plan: how the settings were chosen."""
    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    tune = [(c, v) for c, v in zip(all_cases, vectors, strict=True) if c.half == "tune"]
    lines = [
        "| plan (tuning half) | ROUGE-1 | ROUGE-2 | ROUGE-L | chars | sentences |",
        "|---|---|---|---|---|---|",
    ]
    for plan in plans:
        rows = [score(scorer, c, storybot(c.article, v, plan)) for c, v in tune]
        r1, r2, rl = np.mean([r.rouge for r in rows], axis=0)
        lines.append(
            f"| {describe(plan)} | {r1:.2f} | {r2:.2f} | {rl:.2f} "
            f"| {np.mean([r.chars for r in rows]):.0f} "
            f"| {np.mean([r.sentences for r in rows]):.2f} |"
        )
    return "\n".join(lines)


def describe(plan: Plan) -> str:
    """The plan's settings that differ from the shipped one, or "StoryBot"."""
    shipped = Plan()
    changed = [
        f"{f.name}={getattr(plan, f.name)}"
        for f in dataclasses.fields(plan)
        if getattr(plan, f.name) != getattr(shipped, f.name)
    ]
    return ", ".join(changed) or "StoryBot"


def story_summary(cache: VectorCache, plan: Plan | None = None) -> str:
    """The shipped story's summary, one cited sentence a line."""
    article = read_article(STORY)
    chunks = chunked(article)[0]
    return "\n".join(
        f"- {s.text} [¶{s.paragraph}]"
        for s in summarise(chunks, cache.vectors(article), plan=plan or Plan())
    )


def arguments(argv: list[str] | None) -> argparse.Namespace:
    """--data, --out, --limit, --work (the vector cache) and --plan (settings to compare)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="the CNN/DailyMail set's folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the Markdown")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--work", type=Path, default=WORK, help="where sentence vectors are kept between runs"
    )
    parser.add_argument(
        "--plan",
        action="append",
        default=[],
        metavar="NAME=VALUE,...",
        help="a Plan to score on the tuning half beside the shipped one (repeatable); "
        "with --plan the tables are printed, not written",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Summarise every article, score all three systems, print and write the tables."""
    args = arguments(argv)
    all_cases = cases(args.data)[: args.limit or None]
    settings = Settings(data_dir=ROOT / "data", model=DEFAULT_MODEL)  # whatever .env says
    cache = VectorCache(
        args.work, settings.model, functools.cache(lambda: build_embedder(settings, _say))
    )
    _say(f"Encoding {len(all_cases)} articles (or reading them from {args.work})…")
    vectors = [cache.vectors(case.article) for case in all_cases]
    plans = [Plan(), *(plan_from(text) for text in args.plan)]
    if args.plan:
        print(sweep(all_cases, vectors, plans))
        for plan in plans:
            print(f"\n{describe(plan)}:\n{story_summary(cache, plan)}")
        return
    scored = run(all_cases, vectors, storybot)
    report = "\n\n".join(
        [
            table(all_cases, scored),
            differences(all_cases, scored),
            sweep(all_cases, vectors, [Plan(), *SWEEP]),
            story_summary(cache),
            f"With the learned plan ({describe(LEARNED)}):\n\n{story_summary(cache, LEARNED)}",
        ]
    )
    print(report)
    args.out.write_text(document(report), encoding="utf-8")


def plan_from(text: str) -> Plan:
    """A Plan from "name=value,name=value", each value of the field's own type."""
    values: dict[str, object] = {}
    for pair in filter(None, text.split(",")):
        name, _, value = pair.partition("=")
        kind = type(getattr(Plan(), name.strip()))
        values[name.strip()] = (
            value.strip() in ("1", "true", "True") if kind is bool else kind(value)
        )
    return Plan(**values)  # type: ignore[arg-type]


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def document(report: str) -> str:
    """docs/summary.md: how the figures were made, then the tables."""
    return f"{HEADER}\n{report}\n"


HEADER = """# The summary on news it was not written for

Written by `python -m benchmarks.summary`: about 10 minutes on 2 busy cores the first time, most
of it encoding, then about a minute, since each article's sentence vectors are kept in
`data/summary-vectors/` (`--work`; one .npz an article, keyed by the model and the texts
encoded). `--plan NAME=VALUE,...` (repeatable) scores other
`index.summary.extractive.Plan` settings on the tuning half in the same run and
prints the story's summary under each.
150 CNN/DailyMail test articles with their reference highlights, read from `../shared/eval/summ`
(evaluation only, never copied here). Each article is its own corpus and is summarised exactly as
`storybot build` does it (same chunking, int8 encoder and
`index.summary.extractive.summarise`). Scores are
ROUGE F1 x100 from `rouge-score` (stemmed, reference first), mean over articles; the budget is
the same for all: at most 5 sentences and 1,000 characters joined.

- **StoryBot**: the shipped plan (`Plan()`): a lead prior 1 / (1 + rank) plus the coverage gain,
  sentences added until there are 3 and they reach 600 characters; past that the best next
  sentence is still added when it names at least two people or places (capitalised words inside
  it) and the summary has named none of them (`Plan.new_point`): a point not yet told.
- **learned (opt-in)**: `Plan(learned=True, target_chars=1000, more=-1.5, coverage=3.0)`: the
  sentence's salience from a logistic model over ten signals (`index/summary/salience.py`: position,
  length, centrality, closeness to the opening, numbers, names, quotation, attribution), fitted
  by `python -m benchmarks.summary_fit` on the tuning half only (labels: the greedy ROUGE-2 oracle
  sentences; its 31 numbers are in `index/data/salience.json`), plus 3 × the coverage gain; past
  the third sentence only one of log-odds -1.5 or more is added.
- **lead-3**: the first three sentences of the body (fewer if they pass 1,000 characters).
- **length-matched lead**: the first sentences of the body whose joined length is nearest
  StoryBot's summary of that article, within the same budget.
- **halves**: an article is in the tuning half when the first byte of sha256(id) is even. All
  settings and the learned model were chosen and fitted on the tuning half only; the reporting
  half shows what carries over.
- **no letter**: sentences with no letter or digit; **not verbatim**: sentences that are not
  exactly in the article. Both must be 0.
- The interval is a paired bootstrap (10,000 resamples of the articles, seed 0) of the mean
  per-article difference against lead-3 in ROUGE-2 F1.

**The target (ROUGE-2 above lead-3 on the reporting half, interval above 0) is not met.** The
shipped plan is 1.0 ROUGE-2 above lead-3 on the tuning half and 1.8 below it on the reporting half
(tables below). Against the plan it replaces (a 750-character target, no `new_point`; main at
00891e2: 19.5 and 17.9, −1.99 (−3.33 to −0.65) against lead-3 on the reporting half), it gains 0.57
(0.20 to 0.97, paired bootstrap) on the tuning half and 0.23 (−0.42 to +0.89) on the reporting half,
and it keeps the story's four points in five sentences. What holds on both halves is the length:
lead-3 averages 470 characters (the tuning half's highlights 340), but a summary that stops near
600-700 characters scores higher on ROUGE-2, its recall gaining more than its precision loses (a
lead cut near 600 characters, measured in an earlier round, was above lead-3 on both halves). What
does not hold is leaving the lead: on the reporting half the length-matched lead is 1.0 above the
summary, on the tuning half 0.2 below it, and 58 of the 74 tuning summaries are the lead's first
sentences anyway. A 600-character target alone (`new_point=0`, 20.09 on the tuning half) stops the
story after four sentences without the new leader's message to Trump; with `new_point` the story's
fifth sentence is that message, which names three people and places the summary has not (Trump, the
Middle East). It is a near tie there: its worth is 0.2215 against 0.2211 for ¶6's first sentence
(al-Sharaa as well, but naming the US) and 0.2187 for ¶5 (Assad's fall, naming Syria); the int8
encoder can tip it.

Reporting-half looks in this round, each a full run of this benchmark: (1) the 600-character target
with `new_point=2`: ROUGE-2 18.3, −1.59 (−2.77 to −0.43) against lead-3; (2) the same with a photo
caption's label run into a sentence no longer taken for a sentence (shipped): 18.2, −1.76 (−2.93 to
−0.61). Run-in captions are glued fragments ("…from his injuries Freak coincidence: His brother…");
3 of the tuning half's summaries had one, and the rule changes ROUGE-2 by +0.08 on the tuning half
and −0.17 on the reporting half, within noise.

Tried in this round and not kept (tuning half, ROUGE-2 against the shipped plan's 20.06 or the 20.0
of its first version): a target set per article from its length, 550-700 characters times (sentences
/ 25 or characters / 3,000) to the power 0.15-0.5 (−0.6 to +0.2, the two folds of the tuning half
disagreeing in sign); past the target, adding any sentence that names only new people rather than
only the best next one (−0.7), or one naming at least three new ones (−0.2); stopping at the length
nearest the target instead of on reaching it (19.6-20.1, and below 700 characters the story loses a
point); the pure lead order up to the target, coverage only past it (−0.1 to −0.3 where the story
keeps its points); a penalty on sentences opening with a pronoun or connective (0.02-0.1: −0.2 to
−1.0); leaving out sentences with neither a name nor a number ("hooks", −1.3), questions (+0.04),
sentences opening with a quotation (+0.02), caption sentences with a label ("Tragic: The man…",
−0.12), and sentences past the 8th, 12th or 20th (0 to −0.04; past the 8th loses the story); the
learned salience with this stop (coverage 1-6, targets 600 and 750: 19.1-19.4, and the story loses
the new leader); lead weights 0.7 and 1.5 (−0.4 and −0.05) and coverage weights 0.5, 2 and 3 (0 to
−0.4), each losing a story point; a redundancy threshold of 0.7 (+0.15, noise; 0.75 kept). The
headline line is not used: in this set it is made from the words of the article's URL, which its
README says no summary should rely on.

A later round (shipped, `Plan.leaning`): a sentence that points back at the one before it ("In his
statement, …", "He also …", "But she added …", "Despite these steps, …": `LEANS_BACK`) gives its
place to that one when it fits (a fresh paragraph, no repeat, within budget); whether to go on is
still judged by the sentence that points back. Summaries holding a sentence whose predecessor they
lack (the article's first sentence aside) 11 → 8 of 74 on the tuning half and 15 → 12 of 76 on the
reporting half; ROUGE-2 20.06 → 20.05 and 18.2 either way (−1.76 → −1.75 against lead-3). On the
story ¶6's first sentence, which names the new leader and says what his statement was, takes the
place of "In his statement, al-Sharaa expressed confidence …". Judging the stop by the sentence
taken instead, with the new-point rule reading "at least two names the summary lacks" (so that
"The new Syrian leader, Ahmed al-Sharaa, … US President Donald Trump" counts as new although it
names the US), cost 0.25-0.33 on the tuning half and was dropped.

Earlier rounds: the learned plan is the best of those cross-validated inside the tuning half (two
folds by the second hash byte: fitted on one, scored on the other): ROUGE-2 20.17 against 19.96
without the coverage term, 19.73 with exactly three sentences, and 19.09-19.12 with a 600-character
target, lead-3 being 19.0 there. On the reporting half it is no better than the shipped plan, and on
the story it loses the new leader's message to Trump (below): it is not shipped. Its coefficients
were fitted before the run-in caption rule. For the lead prior, on the tuning half: a weight of 1.0
beside the coverage gain (0.1-0.3 scored 0.5-2.3 ROUGE-2 points lower); a redundancy threshold of
0.75 (0.6-0.9 tried); and a bonus of 0.05 times the share of a sentence's names that no chosen
sentence has named (`Plan.names`; neutral, 0.1-0.3 scored 0.3-1.7 lower), which the story needs:
without it ¶5 (Assad's fall) displaces the new leader. Tried and dropped, since each lowered ROUGE-2
on the tuning half: an MMR penalty on the similarity to chosen sentences (−0.9 to −4.8), a larger
bonus for names the summary lacks (−0.5 to −5.0), penalties for quotations and for long sentences
(−0.05 to −0.8); for the learned model, labels from each sentence's own ROUGE-2 (its top three, or
above 0.15: 0.6-1.6 lower in cross-validation) and a signal for five words repeated from another
sentence (no gain).

Before the quote-mark fix (main at 244962f, same benchmark): StoryBot ROUGE-2 17.7 (tuning) and 17.9
(reporting) against lead-3 at 19.0 and 19.9; 30 of its sentences had no letter (a closing quote
mark split off by the sentence splitter); StoryBot − lead-3 was -1.34 (-3.03 to +0.43) on the
tuning half and -2.05 (-3.66 to -0.46) on the reporting half.
"""


if __name__ == "__main__":
    main()
