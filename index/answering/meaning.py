"""Whether the story says what a word or an initialism means, when a question asks it.

"What does ISIS stand for?" asks the words behind the initials; a story that only writes "ISIS"
mentions it without answering. "What does counterterrorism mean?" asks for a definition; a story
that speaks of "counterterrorism efforts" uses the word without saying what it means. Initials
are spelt out by a run of capitalised words whose first letters they are ("Islamic State of Iraq
and Syria", small words such as "of" and "and" skipped) or by the words their own brackets follow;
a word is defined where it is followed by "means", "refers to", a verb "to be" and an article,
or a comma and an article ("ISIS, a jihadist group").

"Was al-Sharaa a rebel commander?" asks whether the story says so: a sentence that names him
must hold the words it asks him to be ("rebel", "commander"), or a byline or "Report by" must
name him for what makes an article ("Is Tamilla Hasanova a journalist?").

"Who is Ahmed al-Sharaa?" and "What is Caliber.Az?" ask what a name is: a story that names
someone only as a source ("per Caliber.Az") or a thing only as a modifier ("an ISIS plot") does
not say. A name is described where a word for people, groups or places stands before it or in its
run of capitalised words ("US President Donald Trump", "the new Syrian leader, Ahmed al-Sharaa",
"the city of Damascus"), where it is defined as a word is, or where a byline names the author.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.answering.concepts import PLACE_HEADS, STOPWORD_SET, is_person, unprefixed, word_set

STANDS_FOR = re.compile(r"\bwhat\s+(?:does|do|did)\s+(?P<term>[\w.&-]+)\s+stand\s+for\b", re.I)
""""What does ISIS stand for?": the initials asked of."""
MEANS = re.compile(
    r"\bwhat\s+(?:does|do|did)\s+(?:the\s+(?:word|term)\s+)?[\"“']?(?P<term>[\w-]+)[\"”']?\s+mean"
    r"\W*$"
    r"|\bdefine\s+(?:the\s+(?:word|term)\s+)?[\"“']?(?P<defined>[\w-]+)[\"”']?\W*$",
    re.I,
)
""""What does counterterrorism mean?", "Define counterterrorism.": the word asked of, ending
the question ("What does it mean for Syria?" asks something else)."""
POINTING = frozenset({"this", "that", "it", "these", "those", "they", "he", "she", "that's"})
"""Words that point at what was said rather than name a term ("What does this mean?")."""
SMALL = frozenset({"of", "and", "the", "for", "in", "on", "de", "&"})
"""Words an initialism skips ("Islamic State of Iraq and Syria" → ISIS)."""
TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[(),&]", re.UNICODE)
"""A word, or a bracket, comma or ampersand, which no initial stands for."""
DEFINING = re.compile(
    r"^\W*(?:means|meant|refers?\s+to|(?:is|are|was|were)\s+(?:a|an|the|one)\b|,\s*(?:a|an|the)\b"
    r"|\(|stands?\s+for)",
    re.I,
)
"""What follows a word where a sentence says what it means: "means", "refers to", "is a",
", a", a bracket."""


def asks_meaning(question: str) -> tuple[str, bool] | None:
    """The term whose meaning the question asks, and whether it asks what initials stand for;
    the last word of the question ("mean", "stand for", or the word defined) ends it."""
    found = STANDS_FOR.search(question)
    term, initials = (found.group("term").strip("."), True) if found else ("", False)
    if not found:
        found = MEANS.search(question)
        term = (found.group("term") or found.group("defined")) if found else ""
    if not term or term.lower() in POINTING:
        return None
    return term, initials


def spelt_out(initials: str, sentences: list[str]) -> bool:
    """Whether any sentence spells the initials out: capitalised words whose first letters
    they are, or words followed by the initials in brackets, or "ISIS stands for"."""
    wanted = re.sub(r"[^A-Za-z]", "", initials).lower()
    if not wanted:
        return True
    for sentence in sentences:
        if re.search(rf"\b{re.escape(initials)}\s*(?:\)|stands?\s+for|means)", sentence, re.I):
            return True
        words = [t for t in TOKEN.findall(sentence) if t.lower() not in SMALL and t != initials]
        letters = "".join(w[:1] for w in words).lower()
        capitals = [w[:1].isupper() for w in words]
        at = letters.find(wanted)
        while at >= 0:
            if all(capitals[at : at + len(wanted)]):
                return True
            at = letters.find(wanted, at + 1)
    return False


def defined(term: str, sentences: list[str]) -> bool:
    """Whether any sentence says what the term means where it writes it."""
    pattern = re.compile(rf"\b{re.escape(term)}s?\b", re.I)
    return any(
        DEFINING.search(sentence[found.end() :])
        for sentence in sentences
        for found in pattern.finditer(sentence)
    )


IDENTITY = re.compile(
    r"^\W*(?:who|what)\s*(?:is|was|are|were|['’]s)\s+(?P<the>the\s+)?(?P<name>[^?!]+?)\s*[?!.]*\s*$",
    re.I,
)
""""Who is Ahmed al-Sharaa?", "What was the Washington Post?": the whole question asks what the
name is (anything after the name asks something else: "Who is al-Sharaa's ally?")."""
NAME_PART = r"(?:[a-z]{1,3}-)?[A-Z][\w.’'-]*"
"""A word of a name: capitalised, perhaps after a particle ("al-Sharaa", "Caliber.Az")."""
NAME_WORD = re.compile(rf"^{NAME_PART}$")
NAME_JOINERS = frozenset({"of", "the", "and", "de"})
"""Small words inside a name ("Islamic State of Iraq and Syria")."""
KIND_WORDS = PLACE_HEADS | word_set(
    "group groups organisation organization movement militia network agency newspaper outlet"
    " site website company firm party country state nation capital region province"
)
"""Words that say what kind of thing a name is, as "president" says who someone is."""
PARTICLE = re.compile(r"^[a-z]{1,3}-$")
"""A particle joined to the name after it ("al-" of "al-Assad")."""
BYLINE = re.compile(r"^\W*by\s", re.I)


def asks_identity(question: str, capitalised: Callable[[str], bool]) -> tuple[str, str] | None:
    """The name whose identity the whole question asks and the name as the question puts it
    ("What is the Washington Post?" → "Washington Post", "the Washington Post"), or None. A
    word typed in lower case is part of a name when the corpus only capitalises it
    (`capitalised`, given it in lower case), as chat types names."""
    found = IDENTITY.match(question)
    if found is None:
        return None
    words = found.group("name").split()
    if not words or words[-1].lower() in NAME_JOINERS:
        return None
    for word in words:
        bare = word.strip("’'")
        lower = bare.lower()
        if lower in NAME_JOINERS:
            continue
        if not (NAME_WORD.match(bare) or all(capitalised(p) for p in lower.split(".") if p)):
            return None
    return found.group("name"), (found.group("the") or "") + found.group("name")


def described(name: str, sentences: list[str]) -> bool | None:
    """Whether any sentence says what or who the name is; None when none of them names it."""
    pattern = _name_pattern(name)
    seen = False
    for sentence in sentences:
        for found in pattern.finditer(sentence):
            seen = True
            if BYLINE.match(sentence) or DEFINING.search(sentence[found.end() :]):
                return True
            if _titled(sentence[: found.start()]):
                return True
    return False if seen else None


JOINED = r"[\s.-]+"
"""What joins the words of a name: a space, a full stop, a hyphen."""


def as_written(name: str, sentences: list[str]) -> str | None:
    """The name as the first sentence naming it writes it ("Caliber.Az" for "caliber az")."""
    pattern = _name_pattern(name)
    return next((found.group() for s in sentences if (found := pattern.search(s))), None)


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name in any case, its words joined by a space, a full stop or a hyphen, as chat types
    them ("caliber az", "al sharaa") or the corpus writes them ("Caliber.Az", "al-Sharaa")."""
    words = [re.escape(w) for w in re.split(JOINED, name.strip(" .-")) if w]
    return re.compile(r"(?<!\w)" + JOINED.join(words) + r"(?![\w-])", re.I)


def _titled(before: str) -> bool:
    """Whether the words before a name, back over its run of capitalised words and a comma or
    "of", hold a word for people or for a kind of place or group ("US President", "the Syrian
    leader,", "the city of")."""
    words = re.findall(r"[\w’'-]+|,", before)
    while words:
        word = words.pop()
        if word == ",":
            continue
        lower = word.lower().strip("’'")
        if is_person(lower) or lower in KIND_WORDS:
            return True
        within = word[:1].isupper() and lower not in STOPWORD_SET  # the name's run
        if within or lower == "of" or PARTICLE.match(word):
            continue
        return False
    return False


NAME_RUN = rf"{NAME_PART}(?:\s+{NAME_PART}){{0,3}}"
RUN_ENDING = re.compile(rf"(?:{NAME_PART}\s+)*$")
"""The capitalised words that end a text, up to a name that follows it."""
IS_A = re.compile(
    rf"^\W*(?P<verb>(?i:is|was|are|were))\s+(?P<name>(?:(?i:the)\s+)?{NAME_RUN})\s+"
    r"(?P<what>(?i:a|an|the)\s+[^?!.]+?)\s*[?!.]*\s*$"
)
""""Was al-Sharaa a rebel commander?": a name, and what the question asks whether it is."""
MADE_BY = re.compile(r"(?:^|\s)(?i:by)\s+(?:(?i:the)\s+)?$")
"""What stands before a name a byline or a headline's "Report by" gives as its maker."""


@dataclass(frozen=True)
class Claimed:
    """What a yes-or-no question asks a name to be: "whether al-Sharaa was a rebel commander"."""

    name: str
    verb: str
    what: str

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell."""
        return f"whether {self.name} {self.verb.lower()} {self.what}"

    def naming(self, sentences: list[str]) -> list[tuple[str, bool]]:
        """The sentences that name it (by the last word of its name, with or without a
        particle), each with whether it names it as an article's maker ("By Tamilla
        Hasanova", "Report by The Washington Post")."""
        last = unprefixed(self.name.split()[-1])  # "al-Assad" as "Assad"
        pattern = re.compile(rf"(?<!\w)(?:[a-z]{{1,3}}-)?{re.escape(last)}(?:['’]s?)?(?![\w-])")
        found = []
        for sentence in sentences:
            spots = [m.start() for m in pattern.finditer(sentence)]
            if spots:
                made = BYLINE.match(sentence) is not None or any(
                    MADE_BY.search(_before_name(sentence[:at])) for at in spots
                )
                found.append((sentence, made))
        return found


def asks_is_a(question: str) -> Claimed | None:
    """What the whole question asks a name to be, when it asks yes or no ("Is Trump the US
    president?"), or None."""
    found = IS_A.match(question.strip())
    if found is None:
        return None
    return Claimed(found.group("name"), found.group("verb"), found.group("what"))


def _before_name(text: str) -> str:
    """The text before a name's run of capitalised words ("Report by " of "Report by The
    Washington")."""
    return RUN_ENDING.sub("", text)
