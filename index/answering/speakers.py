"""Whether the story gives what someone said, when a question asks it.

"What did Trump say?" and "How did Trump reply to al-Sharaa?" ask for words of Trump's; a story
in which Trump is only congratulated ("al-Sharaa congratulated US President Donald Trump")
mentions him without answering. Someone speaks in a sentence when they are named before a word
of saying, thinking or reacting in it ("US officials indicated", "In his statement, al-Sharaa
expressed", "As one official put it") and may be the subject of its clause (no preposition
nor verb form just before their name: not "congratulated US President Donald Trump"), or just
after "according to", "per" or "said" ("per Caliber.Az"). Without a parser this is read
loosely, toward answering: such a word anywhere in the next fifteen counts. The public, or a
place's people, speak as many, and their opinion is asked as their words ("Do Americans approve
of …?", "Is the cooperation popular?"): a passage that speaks of them at all may answer it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from index.answering import naming
from index.answering.concepts import POSSESSIVE, STOPWORD_SET, is_person, unprefixed, word_set
from index.answering.vocabulary import aliases, capitals

TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
SAYING = (
    r"say|said|says|tell|told|think|claim|claimed|announce|announced|state|stated|"
    r"reply|replied|respond|responded|react|reacted|comment|commented|argue|argued|believe|"
    r"believed|feel|felt|write|wrote|suggest|suggested|warn|warned|describe|described|"
    r"characteri[sz]e|characteri[sz]ed|promise|promised|pledge|pledged|admit|admitted|deny|"
    r"denied|confirm|confirmed|reveal|revealed|urge|urged|demand|demanded|propose|proposed|"
    r"ask|asked|thank|thanked|praise|praised|critici[sz]e|critici[sz]ed|condemn|condemned|"
    r"welcome|welcomed|tweet|tweeted|post|posted|congratulate|congratulated|answer|answered|"
    r"acknowledge|acknowledged|greet|greeted"
)
"""Verbs of saying a question asks someone's words with ("What did Trump promise?", "Did Trump
congratulate al-Sharaa back?": whoever said it, the story tells only of al-Sharaa's)."""
WHO = r"(?P<who>(?:(?:the|a|an|this|that|his|her|its|their)\s+)*(?!(?:the|a|an)\b)\S.*?)"
"""Who a question asks the words of: at least one word past an article, so that "the State
Department" is not "the" before "State" read as a verb of saying."""
ASKED = (
    re.compile(
        rf"\b(?:what|how)\s+(?:did|does|do|has|have|had|will|would)\s+{WHO}\s+(?-i:{SAYING})\b",
        re.I | re.S,
    ),
    re.compile(
        r"\b(?:what|how)\s+(?:is|was|are|were)\s+(?P<who>[^?]+?)['’]s?\s+"
        r"(?:reaction|response|comment|statement|view|position|stance|opinion)s?\b",
        re.I | re.S,
    ),
    re.compile(
        rf"^\W*(?:has|have|did|does|do|will|would)\s+{WHO}\s+(?-i:{SAYING})\b",
        re.I | re.S,
    ),
)
""""What did X say …?", "How did X react …?", "What was X's response?", "Has X replied?", "Did X
thank Y?" (any word of saying: whether someone thanked, praised or promised is their words too).
The word of saying is written in lower case: "What did the Washington Post's editor say?" asks
the editor's words, not what Washington posted."""
OPINION = (
    r"approve|approved|support|supported|back|backed|view|viewed|see|saw|like|liked|favou?r|"
    r"favou?red|oppose|opposed|trust|trusted|want|wanted|feel|felt|welcome|welcomed"
)
"""Verbs of holding an opinion, which ask the public's words when the public holds it ("Do
Americans approve of …?", "How do ordinary Syrians view …?"); of one person they ask a stance a
story may tell without their words ("Does the US support …?")."""
HELD = (
    re.compile(
        rf"\b(?:what|how)\s+(?:did|does|do|have|had|will|would)\s+{WHO}\s+(?:{OPINION})\b",
        re.I | re.S,
    ),
    re.compile(rf"^\W*(?:has|have|did|does|do|will|would)\s+{WHO}\s+(?:{OPINION})\b", re.I | re.S),
)
""""How do ordinary Syrians view …?", "Do Americans approve of …?": an opinion asked of whoever
holds it, read as someone's words are (`ASKED`), for the public only."""
POPULARITY = re.compile(
    r"\b(?:(?:un)?popular(?:ity)?|approval\s+ratings?|polls?|polling|public\s+opinion)\b", re.I
)
"""Words asking what the public thinks of something ("Is the cooperation popular in the US?",
"What do polls say?")."""
LOCAL = word_set("local ordinary")
"""Words before a plural that make it the public's people ("local anglers", "ordinary
workers")."""
POLLED = word_set("popular popularity unpopular poll polls polling polled survey surveys surveyed")
"""Words of a passage that tells what the public thinks, besides the public itself."""
SPEAKING = word_set(
    "say said says saying tell told tells think thinks thought claim claims claimed announce"
    " announced announces announcement state states stated statement statements declare"
    " declared reply replied replies respond responded responds response react reacted"
    " reaction comment commented comments remark remarks remarked argue argued argues believe"
    " believes believed feel feels felt write writes wrote written suggest suggested suggests"
    " warn warned warns describe described describes characterised characterized call called"
    " calls express expressed expresses stress stressed stresses emphasise emphasised"
    " emphasising emphasize emphasized emphasizing indicate indicated indicates note noted"
    " notes add added explain explained insist insisted assert asserted reveal revealed"
    " reveals report reported reports confirm confirmed deny denied acknowledge acknowledged"
    " admit admitted promise promised pledge pledged urge urged congratulate congratulated"
    " congratulates praise praised criticise criticised criticize criticized condemn condemned"
    " welcome welcomed denounce denounced consider considered deem deemed view viewed regard"
    " regarded hope hoped fear feared expect expected want wanted ask asked demand demanded"
    " propose proposed recommend recommended predict predicted conclude concluded agree agreed"
    " accuse accused blame blamed thank thanked hail hailed signal signalled signaled"
    " signalling signaling put message letter words views opinion concern concerns concerned"
    " quoted cautious wary stating telling claiming announcing declaring replying responding"
    " reacting commenting arguing writing suggesting warning describing calling expressing"
    " stressing noting adding explaining insisting revealing reporting confirming denying"
    " urging email emailed emails tweet tweeted interview promising pledging admitting"
    " proposing asking thanking praising criticising criticizing condemning welcoming"
    " tweeting posted posting demanding"
)
"""Words of saying, thinking or reacting: someone named before one of them in a sentence
speaks there ("officials remain cautious", "put it", "his statement")."""
BODIES = word_set(
    "ministry ministries department departments agency agencies office bureau council committee"
    " parliament congress senate commission court embassy police"
)
"""Words for bodies that speak in news as a person does ("the ministry said"); a government
speaks through its officials too (`GOVERNMENTS`)."""
GOVERNMENTS = word_set("government administration authorities regime leadership")
"""Words for a government, whose words a question may ask ("How did the Syrian government
respond?"): they are said by it or by anyone holding an office of it ("The new Syrian leader …
congratulated", "US officials indicated"), as a country's are (`Speaker.nation`)."""
PUBLIC = word_set(
    "people public citizens residents locals inhabitants civilians voters crowds protesters"
    " population villagers townspeople neighbours neighbors taxpayers consumers customers"
    " shoppers commuters fans families parents"
)
"""Words for the public, whose reaction a question may ask ("How did people react?"): many
speak in news as many, in a poll, a protest or "the public welcomed …", not as the subject of
one verb of saying."""
PEOPLES = ("ns", "is")
"""How the plural of a place's people ends ("Syrians", "Americans", "Israelis")."""
PEOPLE_ADJECTIVES = ("an", "ese", "ish", "i")
"""How the word for a country's people ends ("Syrian", "Chinese", "Turkish", "Israeli")."""
WHOSE_REACH = 3
"""How many words before an office may say whose it is ("the new Syrian leader")."""
REACH = 15
"""How many words after a speaker their word of saying may come ("The new Syrian leader, Ahmed
al-Sharaa, who has assumed control in the wake of Assad's fall, congratulated")."""
PREPOSITIONS = naming.PREPOSITIONS | word_set("of in on to with for by from at into onto")
"""Words after which a name is no clause's subject ("the collapse of … al-Assad's regime")."""
ATTRIBUTING = word_set("according per said says told")
"""Words just before a speaker named after what they said ("per Caliber.Az")."""
PRONOUNS = word_set("he she it they")
"""Who speaks later in a sentence that named them ("…, as it claimed")."""


@dataclass(frozen=True)
class Speaker:
    """Whose words a question asks for: the last word naming them ("Trump", "leader")."""

    word: str
    phrase: str
    group: bool = False
    """The public or a place's people ("people", "ordinary Syrians"), not one who speaks."""
    verb: str = "said"
    """What a refusal says the story does not tell of them: "said", or "think" of the public's
    opinion."""
    nation: str | None = None
    """For a country or its capital asked as one that speaks ("What did Damascus say?"), the
    country, whose office holders speak for it ("Syria": "the new Syrian leader … said")."""

    @property
    def whose(self) -> tuple[str, ...]:
        """The country or people the question sets before a word for someone by office
        ("Syrian" of "Syrian officials", "Syria" of "Syria's new leader"), or the country asked
        as one (`nation`): whose officials they are. A city standing for its government
        ("Washington officials") is left out: the story's "US officials" are theirs."""
        if self.nation is not None:
            return (self.nation,)
        if self.word[:1].isupper():
            return ()
        bare = [(w, POSSESSIVE.sub("", w)) for w in TOKEN.findall(self.phrase)[:-1]]
        return tuple(
            name
            for w, name in bare
            if w[:1].isupper()
            and aliases(name.lower())
            and (w != name or w.lower().endswith(PEOPLE_ADJECTIVES))
        )

    @property
    def untold(self) -> str:
        """What a refusal says the story does not tell: "what Trump said"."""
        return f"what {self.phrase} {self.verb}"


def asks_words_of(
    question: str, written: Callable[[str], str | None] = lambda word: None
) -> Speaker | None:
    """Whose words the question asks for, if it asks someone's ("What did Trump say?").
    `written` gives a word typed in lower case as the corpus writes it when the corpus only
    ever capitalises it ("trump" → "Trump"), so that a name typed so is still a name; a word
    for someone's office is taken as typed."""
    readings = [(pattern, False) for pattern in ASKED] + [(pattern, True) for pattern in HELD]
    for pattern, opinion in readings:
        match = pattern.search(question)
        if match is None:
            continue
        words = [w for w in TOKEN.findall(match.group("who")) if w.lower() not in STOPWORD_SET]
        if not words:
            continue
        word = POSSESSIVE.sub("", words[-1])
        if word.lower() in STORY_VOICE:
            continue
        if word.islower() and not naming.role(word):
            word = written(word) or word
        who = match.group("who").strip()
        if word.lower() in GOVERNMENTS and (head := _heading(words)) is not None:
            return Speaker(head, who)  # "the Trump administration": Trump's own words, or theirs
        group = _public(word, who)
        phrase = re.sub(r"^(?:the|a|an)\s+", "", who[: who.rfind(words[-1])] + word, flags=re.I)
        if group or (_someone(word) and not opinion):
            return Speaker(word, phrase, group, "think" if opinion else "said")
        if not opinion and (country := _nation(word)) is not None:
            return Speaker(word, phrase, nation=country)
    if POPULARITY.search(question):
        return Speaker("people", "people", group=True, verb="think")
    return None


STORY_VOICE = word_set("writer writers author authors journalist reporter correspondent columnist")
"""Who speaks in the story itself: what the writer says or suggests is what the story says, told
or not, never the words of someone it does not quote ("what does the writer suggest might be
among the only areas in which the two nations can agree?" was refused as "The story doesn't say
what writer said")."""


def _heading(words: list[str]) -> str | None:
    """The person whose name is set before a word for a government ("Trump" of "Trump
    administration", "Assad" of "the Assad regime" or "Assad's regime"), if a person's is: they
    speak for it, and a story in which they are only spoken of gives no words of theirs. A
    place's name ("the Syrian government", "the US administration") is left to `Speaker.whose`."""
    if len(words) < 2:
        return None
    name = unprefixed(POSSESSIVE.sub("", words[-2]))
    return name if _someone(name) and name[:1].isupper() else None


def _public(word: str, who: str) -> bool:
    """Whether a word names the public (`PUBLIC`) or a place's people in the plural
    ("Syrians", not "Syrian" nor "Syria"). "The Americans" are the nation, as news writes
    sides ("the Americans and the Russians agreed"), and speak through their officials."""
    lower = word.lower()
    if lower in PUBLIC:
        return True
    nation = re.match(r"the\s", who, re.I) is not None
    return not nation and lower.endswith(PEOPLES) and bool(aliases(lower))


def mentions_public(speaker: Speaker, sentences: list[str]) -> bool:
    """Whether any of the sentences mentions the public a question asks the reaction or the
    opinion of: for the public, any word for it (`PUBLIC`) or for its local people ("Local
    anglers opposed the plan"); for a place's people, them as the question names them
    ("Syrians"; "the new Syrian leader" is one Syrian); for either, a poll or what is popular
    (`POLLED`). However they are said to react, they are spoken of."""
    lower = speaker.word.lower()
    public = lower in PUBLIC
    wanted = (PUBLIC if public else frozenset({lower})) | POLLED
    for sentence in sentences:
        words = [POSSESSIVE.sub("", t.lower()) for t in TOKEN.findall(sentence)]
        if any(w in wanted for w in words):
            return True
        if public and any(a in LOCAL and b.endswith("s") for a, b in pairwise(words)):
            return True
    return False


def _nation(word: str) -> str | None:
    """The country a capitalised place's name stands for when it speaks: a country itself (a
    name with other names: "Syria", "US"), its people as a nation ("the Americans", whose
    office holders are American), or the country a capital is of ("Damascus" → "Syria",
    "Washington" → "US": `capitals`)."""
    if not word[:1].isupper():
        return None
    lower = word.lower()
    countries = capitals().get(lower)
    if countries:
        return countries[0]
    if not aliases(lower):
        return None
    return word[:-1] if lower.endswith(PEOPLES) else word  # "the Americans": American ones


def _someone(word: str) -> bool:
    """Whether a word names someone who speaks for themself: a name that is not a place's or
    its people's nor initials ("Trump", not "Washington", "Syrians" or "UN", whose officials
    speak for them), a word for someone by office or work ("official", `naming.ROLES`), for
    a body that speaks as one ("ministry", `BODIES`), or for people of a kind, in the plural,
    who speak as many ("Assad's supporters", "critics": WordNet's words for people)."""
    if any(part[:1].isupper() for part in word.split("-")):  # "Trump", "al-Assad"
        return not word.isupper() and not aliases(word.lower())
    lower = word.lower()
    many = lower.endswith("s") and is_person(lower)  # "supporters", "critics", "analysts"
    return naming.role(word) or lower in BODIES | GOVERNMENTS or many


ABOUT = re.compile(
    r"\b([a-z]+)(?=\s+(?:(?:to|of)\s+)?(?:[\w-]+\s+)?(?:about|on|regarding|concerning)\s+"
    r"(?P<about>[^?!.]+))",
    re.I,
)
""""What did al-Sharaa say about ISIS?": what the words asked are about, after a word of saying
(`SPEAKING`), perhaps whom they were said to ("tell Trump about …", "say to Trump about …"),
and "about", "on", "regarding" or "concerning"."""


def spoken_about(question: str) -> str | None:
    """What the words a question asks are about ("ISIS" of "What did al-Sharaa say about
    ISIS?"), if it says."""
    for match in ABOUT.finditer(question):
        if match.group(1).lower() in SPEAKING:
            return match.group("about")
    return None


def speaks(speaker: Speaker, sentences: list[str], stem: Callable[[str], str]) -> bool | None:
    """Whether the speaker speaks in any of the sentences: None when none mentions them."""
    wanted = stem(unprefixed(speaker.word).lower())
    offices = speaker.word.lower() in GOVERNMENTS or speaker.nation is not None
    mentioned = False
    for sentence in sentences:
        tokens = TOKEN.findall(sentence)
        lower = [t.lower() for t in tokens]
        for at, token in enumerate(lower):
            owner = POSSESSIVE.search(token) is not None
            bare = POSSESSIVE.sub("", token)
            itself = stem(unprefixed(POSSESSIVE.sub("", tokens[at])).lower()) == wanted
            if not itself and not (offices and naming.role(bare)):
                continue
            mentioned = True
            whose = speaker.whose and not (itself and speaker.nation is not None)
            if whose and not _whose(speaker.whose, tokens[max(0, at - WHOSE_REACH) : at]):
                continue  # "US officials indicated" are not the Syrian officials asked of
            if any(t in ATTRIBUTING for t in lower[max(0, at - 3) : at]):
                return True
            if any(a in PRONOUNS and b in SPEAKING for a, b in pairwise(lower[at + 1 :])):
                return True  # "the benefits agency was checking bills – as, it claimed, …"
            after = lower[at + 1 : at + 1 + REACH]
            if owner:
                if after[:1] and after[0] in SPEAKING:
                    return True
                continue
            if _subject(tokens, at) and any(t in SPEAKING for t in after):
                return True
    return False if mentioned else None


def _whose(asked: tuple[str, ...], before: list[str]) -> bool:
    """Whether the words before a mention of an office name whose it is as the question does
    ("US officials" for "American officials"; not "one official" nor "US officials" for
    "Syrian officials")."""
    said = {t.lower() for t in before if t[:1].isupper()}
    said |= {a.lower() for t in said for a in aliases(t)}
    return all(w.lower() in said for w in asked)


def _subject(tokens: list[str], at: int) -> bool:
    """Whether the mention at `at` may be a clause's subject: the word before its name or
    phrase (capitalised words skipped) is no preposition nor a verb's -ed or -ing form
    ("congratulated US President Donald Trump", "the collapse of Bashar al-Assad's regime")."""
    back = at - 1
    while back >= 0 and tokens[back][:1].isupper():
        back -= 1
    if back < 0:
        return True
    word = tokens[back].lower()
    return word not in PREPOSITIONS and not word.endswith(("ed", "ing"))
