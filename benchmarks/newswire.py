"""A generated wire of news articles, for building and searching at scale without downloading.

Articles are `.txt` files in the corpus format (headline line, one paragraph a line, a `By …`
byline last). Every body paragraph is 1-4 sentences with commas and under 700 characters, so it is
exactly one passage; with the headline and byline, an article of P paragraphs gives P + 2.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

SEED = 7
PASSAGES_PER_ARTICLE = 100
PARAGRAPH_LIMIT = 690  # under the engine's 700, so a paragraph is never split


def bank(words: str) -> tuple[str, ...]:
    """A word bank written as one string, entries separated by semicolons."""
    return tuple(word.strip() for word in words.split(";"))


FIRST = bank(
    "Amal; Omar; Lena; Daniel; Sofia; Yusuf; Maria; Karim; Elena; Tomas; Nadia; Samir; Grace;"
    "Victor; Leila; Ivan; Chen; Priya; Jonas; Fatima; Marco; Aisha; Pavel; Rosa; Hassan; Ingrid;"
    "Luis; Mei; Oskar; Zainab"
)
LAST = bank(
    "Haddad; Novak; Rahman; Fischer; Costa; Petrov; Nasser; Lindqvist; Okafor; Moreau; Tanaka;"
    "Alvarez; Kowalski; Mansour; Brennan; Suzuki; Varga; Romero; Aziz; Hansen; Dubois; Kaya;"
    "Ortiz; Bakr; Weiss"
)
ROLES = bank(
    "the foreign minister; a senior official; the defence secretary; a regional governor;"
    "the central bank governor; an army spokesman; the opposition leader; a UN envoy;"
    "the trade commissioner; a veteran diplomat; the interior minister; a union leader"
)
PLACES = bank(
    "Damascus; Washington; Ankara; Beirut; Amman; Baghdad; Cairo; Riyadh; Doha; Geneva; Brussels;"
    "Kyiv; Warsaw; Nairobi; Lagos; Jakarta; Manila; Lima; Bogota; Santiago; Oslo; Vienna; Athens;"
    "Tunis; Algiers; Tbilisi; Baku; Tashkent; Dhaka; Hanoi; Seoul; Canberra; Ottawa; Mexico City;"
    "Kinshasa"
)
ORGS = bank(
    "the United Nations; the European Union; NATO; the World Bank; the IMF; the African Union;"
    "the Red Cross; the finance ministry; the electoral commission; the supreme court; parliament;"
    "the state oil company; the port authority; the health ministry; an aid agency;"
    "the border police; the coast guard"
)
TOPICS = bank(
    "grain exports; the fuel subsidy; a ceasefire; refugee returns; the election; water rights;"
    "a mining licence; the pension reform; counterterrorism; drought relief; the rail link;"
    "power cuts; a cyber attack; the fishing quota; intelligence sharing; vaccine supplies;"
    "the currency; a prisoner exchange; border crossings; the budget; wheat prices;"
    "a hostage release; the new constitution; port congestion; wildfires; the teachers' strike;"
    "a dam project; sanctions relief; arms sales; flood defences"
)
VERBS = bank(
    "criticised; defended; welcomed; questioned; postponed; announced; rejected; backed; reviewed;"
    "warned about; praised; suspended; expanded; investigated"
)
MONTHS = bank(
    "January; February; March; April; May; June; July; August; September; October; November;"
    "December"
)
SENTENCES = (
    "{person}, {role}, {verb} {topic} on {day} {month}, saying the talks in {place} had stalled.",
    "According to {org}, {topic} could cost {number} million dollars, far more than planned.",
    "In {place}, where {topic} has dominated debate, {org} {verb} the plan late on {day} {month}.",
    "{person} told reporters that {topic}, not {topic2}, was the main concern for {org}.",
    "Officials in {place} said {number} people were affected, although the figure may rise.",
    "The decision, which {org} {verb} last week, follows months of pressure over {topic}.",
    "Critics, including {person}, argued that {topic} had been mishandled from the start.",
    "{org} has {verb} {topic} twice since {month}, and analysts expect another review soon.",
    "Speaking in {place}, {role} said {topic} and {topic2} were now linked, at least in part.",
    "A report seen by reporters in {place} put the cost of {topic} at {number} million dollars.",
    "Residents of {place}, many of them farmers, said {topic} had changed little so far.",
    "{person}, who has {verb} {topic} before, is expected to visit {place} in {month}.",
    "The talks on {topic}, held in {place}, ended without agreement after {number} hours.",
    "Both sides, however, agreed to meet again in {place} to discuss {topic2}.",
)
HEADLINES = (
    "{org} {verb} {topic} as talks in {place} stall",
    "{place} faces pressure over {topic}, says {role}",
    "{person} {verb} {topic} in surprise move",
    "Talks on {topic} resume in {place} amid doubts",
)


def write_corpus(folder: Path, passages: int, seed: int = SEED) -> int:
    """Write articles into `folder` that chunk into `passages` passages; returns the file count."""
    if passages < 3:
        raise ValueError("A generated corpus needs at least 3 passages (headline, body, byline).")
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seen: set[str] = set()
    sizes = article_sizes(passages)
    for number, size in enumerate(sizes, start=1):
        text = article(rng, size, seen)
        (folder / f"wire-{number:05d}.txt").write_text(text, encoding="utf-8")
    return len(sizes)


def article_sizes(passages: int) -> list[int]:
    """Body paragraphs per article, so that with headlines and bylines the total is `passages`."""
    articles = max(1, math.ceil(passages / PASSAGES_PER_ARTICLE))
    while passages - 2 * articles < articles:  # every article needs one body paragraph
        articles -= 1
    body, extra = divmod(passages - 2 * articles, articles)
    return [body + (1 if n < extra else 0) for n in range(articles)]


def article(rng: random.Random, paragraphs: int, seen: set[str]) -> str:
    """One article: a headline, `paragraphs` distinct body paragraphs and a byline."""
    body = [paragraph(rng, seen) for _ in range(paragraphs)]
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}"
    return "\n".join([filled(rng, rng.choice(HEADLINES)), *body, byline]) + "\n"


def paragraph(rng: random.Random, seen: set[str]) -> str:
    """A paragraph of 1-4 sentences under the passage limit, different from all in `seen`."""
    while True:
        sentences = [filled(rng, rng.choice(SENTENCES)) for _ in range(rng.randint(1, 4))]
        text = " ".join(sentences)
        while len(text) > PARAGRAPH_LIMIT:
            sentences.pop()
            text = " ".join(sentences)
        if text not in seen:
            seen.add(text)
            return text


def filled(rng: random.Random, template: str) -> str:
    """A template with its slots filled from the word bank, first letter upper case."""
    topic, topic2 = rng.sample(TOPICS, 2)
    text = template.format(
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        role=rng.choice(ROLES),
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        topic=topic,
        topic2=topic2,
        verb=rng.choice(VERBS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        number=rng.randint(2, 950),
    )
    return text[0].upper() + text[1:]
