"""Whether the story names what a question asks the name of.

"What is the name of the shrine ISIS wanted to bomb?" asks which shrine exactly; a story that
speaks only of "a religious shrine near Damascus" mentions it without answering. A mention names
what it mentions when a name stands beside it as English writes names: after it ("President
Donald Trump", "the leader, Ahmed al-Sharaa", "the colony of Fort Caroline", "a router (Sky Q
Hub)", "a festival called …"), or before it with a comma or a verb "to be" ("Jane Doe, a US
official", "ITV were the rights holders"); a thing's name may also stand just before it ("the
Solimões Basin"). A thing the story brings in with "a" or "one" and no such name is unnamed; a
definite one ("the strong force", "the mesoglea") may be the name itself, as terms are, and
counts as named. A person's word is named only by a name: "US officials" says whose officials,
not who they are. Asking who holds an office ("Which official said …?", "Who is Syria's foreign
minister?") asks their name too; there a definite mention ("the final judge") may answer in its
own words, and only "a"/"one" or many unnamed leave it untold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from index.answering.concepts import (
    AUXILIARIES,
    HEDGES,
    POSSESSIVE,
    PRESSING,
    STOPWORD_SET,
    word_set,
)
from index.answering.vocabulary import aliases

TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|[,(“\"‘:]", re.UNICODE)
NAME_OF = re.compile(
    r"\bname\s+of\s+(?:(?:the|this|that|these|those|a|an|its|their|his|her)\s+)?(?P<rest>.+)",
    re.I | re.S,
)
""""What is the name of the shrine …?", "tell me the name of the official"."""
OWNERS_NAME = re.compile(r"\b(?P<rest>[^\W\d_]+)['’]s\s+(?:(?:full|real|official)\s+)?name\b")
""""What is the official's name?"."""
TYPED_OWNERS_NAME = re.compile(
    r"\bthe\s+(?P<rest>[^\W\d_]{3,}?)s\s+(?:(?:full|real|official)\s+)?name\b", re.I
)
""""whats the shrines name": the owner's "s" as chat types it, without its apostrophe."""
CALLED = re.compile(
    r"\bwhat(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+"
    r"(?:(?:the|this|that|these|those|its|their|his|her)\s+)?(?P<rest>.+?)\s+called\W*$",
    re.I | re.S,
)
""""What's the shrine called?": the name asked at the question's end ("What is the group
called that does not agree …?" asks which group, and is left to the other signals)."""
WHICH_ROLE = re.compile(r"\b(?:which|what)\s+(?P<rest>.+)", re.I | re.S)
""""Which US official said …?": which person holding an office asks for their name."""
LEADS = re.compile(
    r"^\W*who(?:\s+|(?=['’]s))(?:(?:now|currently|really)\s+)?(?:leads|heads|commands|chairs|"
    r"rules|(?:is|was|['’]s)\s+(?:(?:now|currently|really)\s+)?in\s+(?:charge|control)\s+of)\s+"
    r"(?P<rest>[^?]+)",
    re.I | re.S,
)
""""Who leads ISIS now?", "Who heads the new administration?", "Who is in charge of ISIS?":
who holds the office at the head of something asks their name, and a passage answers it where
it names a leader of that thing. Only in the present: "Who led the attack …?" asks who did
something once, and "Who runs the University of Chicago?" is answered by "a board of trustees",
no person."""
LEADERS = word_set(
    "leader head chief president commander director chairman chairwoman chair ruler king queen"
    " premier chancellor mayor governor emir boss control"
)
"""Words for whoever is at the head of something ("The new Syrian leader, Ahmed al-Sharaa",
"US President Donald Trump"), and the control they have taken ("who has assumed control")."""
POLITIES = word_set(
    "government governments administration regime leadership country nation state people"
)
"""What a place's leader leads as the place: "the new Syrian government" is led by "the new
Syrian leader", "the new administration" by whichever leader the passages name."""
UNLEADING = word_set("new current now today currently really former old") | HEDGES | PRESSING
"""Words of what is led that say nothing of what it is ("the new Syrian government"), and chat's
hedges or a pressing word after it ("who leads syria fr", "… nowadays", "… exactly":
`concepts.HEDGES`, `PRESSING`)."""
OFFICE_REACH = 4
"""How many words may open such a question's noun phrase before its office ("Which senior US
defense official …")."""
WHO_ROLE = re.compile(
    r"^\W*who(?:['’]s|\s+(?:is|was|are|were)|\s+(?:serves|served|acts|acted|works|worked)\s+as)\s+"
    r"(?:(?:the|this|that|these|those|its|their|his|her)\s+)?(?P<rest>.+)",
    re.I | re.S,
)
""""Who is Syria's foreign minister?", "Who was the official who spoke?", "Who serves as foreign
minister?": asking who holds an office is asking their name."""
PREPOSITIONS = word_set(
    "about above across after against along among around before behind below beneath beside"
    " between beyond during except from inside near outside over past per since through"
    " throughout toward towards under until upon via within without"
)
"""Prepositions that are not among the stop words."""
PHRASE_ENDS = STOPWORD_SET | PREPOSITIONS
"""Words that end a noun phrase ("the shrine near Damascus", "the official who spoke")."""
OPENERS = frozenset(',(“"‘:')
"""What may stand between a thing and its name ("the leader, Ahmed al-Sharaa")."""
NAMING_WORDS = word_set("called named dubbed known titled nicknamed such including like")
"""Words after a thing that go on to its name ("a festival called …", "actors such as …")."""
ROLES = word_set(
    "official spokesman spokeswoman spokesperson minister secretary president senator governor"
    " mayor ambassador envoy diplomat general commander officer agent leader chief director"
    " adviser advisor aide reporter journalist correspondent editor author writer columnist"
    " analyst expert source negotiator mediator representative lawmaker judge prosecutor"
)
"""Words for people by the office or work that news sets beside their names ("US President
Donald Trump", "a spokesman, Ned Price"), whose name is a person's. (WordNet's words for
people are too many for this: "satellite", "private" and "power" are among them.)"""
ANYONE = word_set("man woman person guy individual men women people persons guys")
"""Words for anyone at all: "the name of the man now in charge of Syria" asks who is in
charge, as "Who is in charge …?" does, and no story need say "man" to name him."""
THE_ARTICLE = word_set("article story piece report")
"""Words for the article itself, whose name is its headline: "what is the article called?" is
answered there, not refused as a thing the story never names."""
INDEFINITE = word_set("a an one some another certain")
"""Words that bring a thing in without saying which ("a religious shrine", "one official")."""
POINTING = word_set("the this that these those")
"""Words before a bare mention that point back at a thing told of ("the operation") rather than
name it, as "the strong force" does."""
COPULAS = word_set("is was are were became becomes")
"""A name before one of these and a thing's word names it ("ITV were the rights holders")."""
ARTICLES = word_set("a an the")
"""Words that may stand between such a verb or a comma and the thing's word."""


@dataclass(frozen=True)
class Asked:
    """The word for the thing whose name a question asks, and whether it is a person's."""

    word: str
    person: bool
    by_office: bool = False
    """Asked as who holds an office ("Which official …?"): a definite mention of one ("the
    final judge") may say who in its own words; only one brought in with "a" or "one", or
    many ("US officials"), leaves them unnamed."""
    led: frozenset[str] | None = None
    """For who leads something ("Who leads ISIS?"), the words that say what, lower case, any of
    which a sentence naming a leader must hold, or another name of it ("Syria" by "Syrian");
    empty for a government named by no name ("the new administration"), which any leader the
    passages name may head."""

    whose: frozenset[str] = frozenset()
    """For someone asked by office or by their word's name, the names the question sets before
    it, lower case ("isis" of "Which ISIS leader …?" and of "the name of the ISIS leader", "us"
    of "Which US official …?"): a passage naming one must speak of them, or of another name of
    theirs."""

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell: "the shrine's name"."""
        return f"the {self.word}'s name"


def asks_name_of(question: str, roles: bool = True) -> Asked | None:
    """The thing whose name the question asks, if it asks one outright: "the name of the
    shrine …", "the official's name"; with `roles`, also the person it asks for by their
    office ("Which official …?", "Who is Syria's foreign minister?": `ROLES`)."""
    for pattern in (NAME_OF, OWNERS_NAME, TYPED_OWNERS_NAME, CALLED):
        for match in pattern.finditer(question):
            asked = _head(match.group("rest"))
            if asked is not None and asked.person and pattern is not NAME_OF:
                owners = _names_before(question[: match.start("rest")])  # "the ISIS leader's"
                asked = replace(asked, whose=asked.whose | owners)
            if asked is not None:
                return asked
    if not roles:
        return None
    leads = LEADS.search(question)
    if leads is not None and (led := _led(leads.group("rest"))) is not None:
        return Asked("leader", True, by_office=True, led=led)
    for pattern in (WHO_ROLE, WHICH_ROLE):
        found = pattern.search(question)
        if found is None:
            continue
        office = _office(found.group("rest"))
        if office is not None:
            whose = _whose(found.group("rest"), office)
            return Asked(office, role(office), by_office=True, whose=whose)
    return None


def _names_before(text: str) -> frozenset[str]:
    """The capitalised words that end the text, lower case ("isis" of "What's the ISIS")."""
    names: list[str] = []
    for token in reversed(TOKEN.findall(text)[-OFFICE_REACH:]):
        if not token[:1].isupper() or POSSESSIVE.sub("", token).lower() in STOPWORD_SET:
            break
        names.append(POSSESSIVE.sub("", token).lower())
    return frozenset(names)


def _whose(rest: str, office: str) -> frozenset[str]:
    """The names before the office in the words opening `rest`, lower case ("isis" of "ISIS
    leader planned …", "syria" of "Syria's foreign minister")."""
    tokens = TOKEN.findall(rest)[:OFFICE_REACH]
    return _names(tokens[: tokens.index(office)] if office in tokens else [])


def _names(tokens: list[str]) -> frozenset[str]:
    """The capitalised tokens, lower case and without an owner's "'s"."""
    return frozenset(POSSESSIVE.sub("", t).lower() for t in tokens if t[:1].isupper())


def holds_whose(whose: frozenset[str], text: str) -> bool:
    """Whether a text speaks of any of the names, or another name of one ("Syria" by
    "Syrian", "US" by "American")."""
    return _says_any(TOKEN.findall(text), whose)


def _says_any(tokens: list[str], names: frozenset[str]) -> bool:
    """Whether the tokens say any of the lower-case names, or another name of one."""
    said = {POSSESSIVE.sub("", t).lower() for t in tokens}
    said |= {a.lower() for t in said for a in aliases(t)}
    return not said.isdisjoint(names)


def _led(rest: str) -> frozenset[str] | None:
    """The words a sentence must hold to speak of what a question asks the leader of, from the
    words after its verb of leading: their head (the last word before a stop word: "ISIS" of
    "ISIS now", "cell" of "the ISIS cell"), or for a government (`POLITIES`) the names of
    whose it is ("Syria" of "Syria's new government")."""
    words: list[str] = []
    for token in TOKEN.findall(rest):
        lower = POSSESSIVE.sub("", token).lower()
        if token in OPENERS or (lower in PHRASE_ENDS and words):
            break
        if token[:1].isalnum() and lower not in STOPWORD_SET | UNLEADING:
            words.append(token)
    if not words:
        return None
    head = POSSESSIVE.sub("", words[-1]).lower()
    if head not in POLITIES:
        return frozenset({head})
    return frozenset(POSSESSIVE.sub("", w).lower() for w in words if w[:1].isupper())


def _head(rest: str) -> Asked | None:
    """The head of the noun phrase `rest` opens: its last lower-case word before a stop word,
    a preposition, a comma or a name, leaving out a verb's participle ("the French colony
    established …", "the shrine ISIS wanted …"); None when it is a name ("Warsaw's name")."""
    run: list[str] = []
    for token in TOKEN.findall(rest):
        if token in OPENERS or token.lower() in PHRASE_ENDS:
            break
        if run and token[:1].isupper() and run[-1][:1].islower():
            break
        run.append(token)
    nouns = [w for w in run if w[:1].islower() and not w.endswith(("ed", "ing"))]
    if not nouns:
        return None
    head = nouns[-1]
    if head.lower() in ANYONE | THE_ARTICLE:
        return None
    if not role(head):
        return Asked(head, False)
    # A person by the names set before their word ("the ISIS leader"): see `Asked.whose`.
    return Asked(head, True, whose=_names(run[: run.index(head)]))


def _office(rest: str) -> str | None:
    """The word for someone by their office that ends the words opening `rest`, if they are
    its modifiers ("official" of "US official said …", "minister" of "Syria's foreign
    minister"; not of "did one official call …", which asks something else). A plural office
    asks which people only when the question names whose they are ("Which US officials …?"):
    "Which officials remain cautious?" is answered by "US officials"."""
    tokens = TOKEN.findall(rest)[:OFFICE_REACH]
    for at, token in enumerate(tokens):
        lower = token.lower()
        if token in OPENERS or lower in PHRASE_ENDS or lower in AUXILIARIES:
            return None
        if token[:1].islower() and (role(token) or _agency(lower)):
            plural = lower not in ROLES | AGENCIES
            whose = any(t[:1].isupper() for t in tokens[:at])
            return token if whose or not plural else None
    return None


AGENCIES = word_set("agency ministry department bureau service force community sect denomination")
"""Bodies a question may ask which one of ("Which US agency shared the intelligence?", "Which
Syrian security forces acted on it?", "Which religious community is the shrine sacred to?"),
whose names say what they are ("the Central Intelligence Agency", "the State Department", "the
Syrian Democratic Forces", "the Filipino community"): a passage names one where a name stands
beside the word. A group of people by its faith or origin is one ("community", "sect",
"denomination"): "a religious shrine" names none, and had answered the question (0.43-0.66)."""


def _agency(word: str) -> bool:
    """Whether a lower-case word is one of `AGENCIES`, or its plural."""
    return any(form in AGENCIES for form in noun_forms(word))


def role(word: str) -> bool:
    """Whether a lower-case word is one of `ROLES`, or its plural."""
    return word in ROLES or (word.endswith("s") and word[:-1] in ROLES)


def named(asked: Asked, sentences: list[str]) -> bool | None:
    """Whether the sentences name what is asked where they mention it, in the singular or the
    plural (not by a stem: "cooperative" is not "cooperation"): None when they never mention
    it (what is missing is then for the concepts to say)."""
    forms = noun_forms(asked.word.lower())
    if asked.led is not None:
        forms = _leader_forms()
    mentioned = False
    for sentence in sentences:
        tokens = TOKEN.findall(sentence)
        if asked.led is not None and not _holds_led(tokens, asked.led):
            continue
        for at, token in enumerate(tokens):
            word = POSSESSIVE.sub("", token.lower())
            if word not in forms:
                continue
            mentioned = True
            if _named_at(tokens, at, asked.person):
                return True
            if asked.by_office and word in ROLES and not _indefinite(tokens, at):
                return True
    return False if mentioned or asked.led is not None else None


@cache
def _leader_forms() -> frozenset[str]:
    """Every `LEADERS` word in the singular and the plural, gathered once."""
    return frozenset().union(*(noun_forms(w) for w in LEADERS))


def _holds_led(tokens: list[str], led: frozenset[str]) -> bool:
    """Whether a sentence's tokens say what a question asks the leader of, by one of its words
    or another name of it ("Syrian" for "Syria", "US" for "America")."""
    return not led or _says_any(tokens, led)


def noun_forms(noun: str) -> frozenset[str]:
    """A noun's singular and plural as English mostly writes them ("shrine", "shrines";
    "agency", "agencies"; "officials", "official")."""
    singular = noun
    if noun.endswith("ies") and len(noun) > 4:
        singular = noun[:-3] + "y"
    elif noun.endswith(("ches", "shes", "sses", "xes")):
        singular = noun[:-2]
    elif noun.endswith("s") and not noun.endswith("ss"):
        singular = noun[:-1]
    plural = (
        singular[:-1] + "ies"
        if singular.endswith("y") and singular[-2:-1] not in "aeiou"
        else singular + ("es" if singular.endswith(("ch", "sh", "ss", "x")) else "s")
    )
    return frozenset({noun, singular, plural})


def _named_at(tokens: list[str], at: int, person: bool) -> bool:
    """Whether the mention at `at` is named, or for a thing, may be."""
    after = at + 1
    if after < len(tokens) and tokens[after] in OPENERS:
        after += 1
    if after < len(tokens):
        following = tokens[after]
        if _is_name(following) or following.lower() in NAMING_WORDS:
            return True
        linking = following.lower() in COPULAS or (not person and following.lower() == "of")
        if linking:  # "the official was Jane Doe", "the colony of Fort Caroline"
            rest = [t for t in tokens[after + 1 : after + 3] if t.lower() != "the"]
            if rest and _is_name(rest[0]):
                return True
    if _named_before(tokens, at):
        return True
    if person:
        return False
    owner = at > 1 and _is_name(tokens[at - 1])
    if owner and _indefinite(tokens, at - 1):  # "an ISIS plot" says whose, not which
        return False
    beside = owner or (at > 0 and _is_name(tokens[at]))
    if not beside and at > 0 and tokens[at - 1].lower() in POINTING:
        return False  # "The operation was based on …": the one told of, not a term
    return beside or not _indefinite(tokens, at)


def _named_before(tokens: list[str], at: int) -> bool:
    """A name set before the mention with a comma or a verb "to be": "Jane Doe, a US
    official", "ITV were the current rights holders"."""
    for back in range(at - 1, max(at - 6, 0), -1):
        word = tokens[back].lower()
        if word == "," or word in COPULAS:
            return back > 0 and _is_name(tokens[back - 1])
        if tokens[back] in OPENERS or (word in STOPWORD_SET and word not in ARTICLES):
            return False
    return False


def _indefinite(tokens: list[str], at: int) -> bool:
    """Whether the mention at `at` opens with "a", "one" or the like ("a religious shrine")."""
    for back in range(at - 1, max(at - 4, -1), -1):
        word = tokens[back].lower()
        if word in INDEFINITE:
            return True
        if word in STOPWORD_SET or tokens[back] in OPENERS or _is_name(tokens[back]):
            return False
    return False


def _is_name(token: str) -> bool:
    """A capitalised word that is not a stop word ("The", "In") nor a scrap of one letter."""
    return token[:1].isupper() and token.lower() not in STOPWORD_SET and len(token) > 1
