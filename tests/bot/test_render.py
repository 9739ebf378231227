"""Rendering answers, the summary, the sources and help as Discord messages, within its limits."""

from __future__ import annotations

import re

import discord

from bot import limits, render
from index.passages import (
    TENTATIVE_NOTE,
    Answer,
    Chunk,
    Hit,
    Source,
    SourceInfo,
    SummarySentence,
)

SOURCE = Source(
    id="story",
    title="A *starred* headline_with_underscores",
    author="Ann Writer",
    publisher="The Daily Paper",
    url="https://example.com/news/story_1",
    date="2025-02-01",
)


def hit_on(text: str, best: str, paragraph: int = 3, source: Source = SOURCE) -> Hit:
    """A hit on a passage whose best sentence is `best`."""
    start = text.index(best)
    chunk = Chunk(source, paragraph, 0, len(text), text)
    return Hit(chunk, score=0.5, answer_start=start, answer_end=start + len(best))


def answered(question: str, *hits: Hit) -> Answer:
    """An answer with these hits."""
    return Answer(question, refused=False, hits=hits)


def descriptions(pages: list[render.Page]) -> list[str]:
    """Each page's embed description."""
    return [page.embed.description or "" for page in pages if page.embed is not None]


def within_limits(pages: list[render.Page]) -> bool:
    """Whether every message keeps to Discord's limits."""
    for page in pages:
        if page.embed is not None:
            assert len(page.embed.description or "") <= limits.DESCRIPTION
            assert len(page.embed.title or "") <= limits.TITLE
            assert len(page.embed) <= limits.EMBED
        assert len(page.content or "") <= limits.CONTENT
    return True


def words_read(pages: list[render.Page]) -> list[str]:
    """The words a person reads, with quote marks, bold and escapes taken away."""
    text = "\n".join(descriptions(pages) + [page.content or "" for page in pages])
    text = re.sub(r"^> ", "", text, flags=re.MULTILINE).replace("**", "").replace("\\", "")
    return text.split()


def test_an_answer_quotes_each_passage_with_its_citation_source_and_link() -> None:
    text = "Officials met on Monday. They agreed to share intelligence. Talks continue."
    [page] = render.answer(answered("What did they agree?", hit_on(text, "They agreed to share")))
    [description] = descriptions([page])
    question, passage = description.split("\n\n")
    quote, credit = passage.split("\n")
    assert question == "**What did they agree?**"
    assert (
        quote == "> Officials met on Monday. **They agreed to share** intelligence. Talks continue."
    )
    assert credit == (
        r"— *¶3, A \*starred\* headline\_with\_underscores* · The Daily Paper · 2025-02-01"
        " · <https://example.com/news/story_1>"
    )


def test_passages_come_in_the_engines_order_each_with_its_paragraph() -> None:
    hits = [hit_on(f"Paragraph {n} says something.", "says", paragraph=n) for n in (7, 2, 9)]
    [description] = descriptions(render.answer(answered("Which?", *hits)))
    assert re.findall(r"¶(\d+)", description) == ["7", "2", "9"]


def test_a_refusal_is_one_plain_sentence_without_citations() -> None:
    refusal = Answer(
        "What is lasagna?", refused=True, message="Sorry, the story doesn't cover that."
    )
    assert render.answer(refusal) == [render.Page(content="Sorry, the story doesn't cover that.")]


def test_markdown_in_the_question_and_article_is_shown_as_typed() -> None:
    question = "@everyone is **this** ||hidden|| or `code`? # Big"
    text = "1. A _quiet_ ~~struck~~ `tick` line. > Not a quote. [a link](https://x.y) here."
    [description] = descriptions(render.answer(answered(question, hit_on(text, "> Not a quote."))))
    assert r"@everyone is \*\*this\*\* \|\|hidden\|\| or \`code\`? # Big" in description
    assert r"> 1\. A \_quiet\_ \~\~struck\~\~ \`tick\` line." in description
    assert r"line. **\> Not a quote.** \[a link](https://x.y) here." in description


def test_a_refusal_from_the_engine_is_escaped_too() -> None:
    [page] = render.answer(Answer("q", refused=True, message="Sorry, “*Big* news” has no answer."))
    assert page.content == r"Sorry, “\*Big\* news” has no answer."


def test_a_huge_answer_is_split_between_passages_within_every_limit() -> None:
    sentences = [f"Sentence{n} tells part{n} of the story." for n in range(100)]
    text = " ".join(sentences)  # nearly 4,000 characters a passage
    hits = [hit_on(text, sentences[n * 10], paragraph=n) for n in range(10)]
    pages = render.answer(answered("Tell me everything? " * 100, *hits))
    assert len(pages) >= 10 and within_limits(pages)
    assert words_read(pages).count("Sentence57") == 10  # every passage whole, no word cut
    assert all(d.splitlines()[-1].startswith("— *¶") for d in descriptions(pages)[1:])


def test_one_sentence_longer_than_a_page_is_split_between_words() -> None:
    words = [f"w{n}" for n in range(2500)]  # one 12,000-character sentence
    pages = render.answer(answered("Long?", hit_on(" ".join(words) + ".", words[0])))
    assert len(pages) >= 3 and within_limits(pages)
    read = words_read(pages)
    assert read[read.index("w0") : read.index("w0") + 2500] == [*words[:-1], "w2499."]


def test_only_a_word_longer_than_a_line_is_ever_cut() -> None:
    word = "x" * 5000
    pages = render.answer(answered("Why?", hit_on(f"Before. {word} after.", "Before.")))
    assert within_limits(pages)
    assert "".join(piece for piece in words_read(pages) if set(piece) == {"x"}) == word


def test_text_in_other_scripts_is_kept_and_split_at_its_own_full_stops() -> None:
    chinese = "".join(f"第{n}句话讲述了这个故事的一部分。" for n in range(400))
    arabic = "تبادلت الولايات المتحدة وسوريا معلومات استخباراتية سرية."
    hits = [hit_on(chinese, "第1句话讲述了这个故事的一部分。"), hit_on(arabic, arabic)]
    pages = render.answer(answered("ماذا حدث؟ 发生了什么？", *hits))
    assert within_limits(pages) and len(pages) >= 2
    joined = "".join(descriptions(pages))
    assert f"> **{arabic}**" in joined and "ماذا حدث؟ 发生了什么？" in joined
    assert all(line.rstrip("*").endswith("。") for line in joined.splitlines() if "句话" in line)


def test_a_long_plain_reply_is_cut_between_sentences() -> None:
    pages = render.plain("This sentence is forty characters long!! " * 120)
    assert len(pages) == 3 and within_limits(pages)
    assert all(page.content and page.content.endswith("!!") for page in pages)


def test_the_summary_cites_every_sentence() -> None:
    summary = [SummarySentence(f"Event {n} happened.", SOURCE, n) for n in (1, 4)]
    [page] = render.summary(summary)
    assert page.embed is not None and page.embed.title == "Summary"
    assert "> Event 1 happened.\n— *¶1, A" in (page.embed.description or "")
    assert "> Event 4 happened.\n— *¶4, A" in (page.embed.description or "")


def test_sources_give_headline_byline_link_and_passages_and_the_model() -> None:
    [page] = render.sources([SourceInfo(SOURCE, 12)], "all-MiniLM-L6-v2")
    assert page.embed is not None and page.embed.footer.text is not None
    assert (page.embed.description or "").splitlines() == [
        r"**A \*starred\* headline\_with\_underscores**",
        "By Ann Writer · The Daily Paper · 2025-02-01",
        "<https://example.com/news/story_1>",
        "12 passages",
    ]
    assert "all-MiniLM-L6-v2" in page.embed.footer.text


def test_sources_show_when_each_article_last_changed() -> None:
    [page] = render.sources([SourceInfo(SOURCE, 1, changed=1767225600.5)], "m")
    assert page.embed is not None
    assert (page.embed.description or "").endswith("1 passage · last changed <t:1767225600:f>")


def test_many_sources_spread_over_pages_with_the_model_on_the_last() -> None:
    many = [SourceInfo(Source(f"s{n}", f"Headline {n} " * 40), 1) for n in range(40)]
    pages = render.sources(many, "model-x")
    assert len(pages) > 1 and within_limits(pages)
    assert [bool(page.embed and page.embed.footer.text) for page in pages][-2:] == [False, True]
    assert words_read(pages).count("1 passage") == 0 and "1 passage" in "".join(descriptions(pages))


def test_a_link_is_shown_only_when_it_is_a_plain_web_address() -> None:
    assert render.link("https://example.com/a_b") == "<https://example.com/a_b>"
    assert render.link("javascript:alert(1)") is None
    assert render.link("https://example.com/a b") is None
    assert render.link(None) is None


def test_help_names_the_story_the_bot_and_its_question_channels() -> None:
    [page] = render.help_text("StoryBot", ["Syria *news*"], [42, 7])
    text = page.embed.description if page.embed else ""
    assert text is not None and r"**Syria \*news\***" in text
    assert "`/ask question:" in text and "`@StoryBot " in text and "In <#7> <#42> every" in text


def test_the_cooldown_note_rounds_the_wait_up() -> None:
    assert "wait 1 s" in render.cooldown_note(0.2)
    assert "wait 30 s" in render.cooldown_note(29.01)


def test_a_tentative_answer_names_what_the_story_never_mentions_escaped() -> None:
    hit = hit_on("Officials met on Monday. They agreed to share intelligence.", "They agreed")
    unsure = Answer(
        "Did they share drone_feeds?",
        refused=False,
        hits=(hit,),
        tentative=True,
        missing=("drone_feeds",),
    )
    [description] = descriptions(render.answer(unsure))
    hedge = "it never mentions “drone\\_feeds”. The closest it comes:"
    assert hedge in description
    assert description.index(hedge) < description.index("They agreed")


def test_the_questions_of_a_message_the_story_does_not_answer_are_said_before_its_passages() -> (
    None
):
    hit = hit_on("Officials met on Monday. They agreed to share intelligence.", "They agreed")
    gdp = Answer("What is Syria's GDP?", True, "The story doesn't mention “Syria's GDP”.")
    asked = "Who met? What is Syria's GDP?"
    both = Answer(asked, refused=False, hits=(hit,), refused_parts=(gdp,))
    [description] = descriptions(render.answer(both))
    assert "What is Syria's GDP?”: The story doesn't mention" in description
    assert description.index("GDP”.") < description.index("They agreed")


def test_a_page_becomes_the_arguments_of_a_send() -> None:
    embed = discord.Embed(description="x")
    assert render.Page(embed=embed).as_kwargs() == {"embed": embed}
    assert render.Page(content="hi").as_kwargs() == {"content": "hi"}


def test_a_tentative_answer_says_so_before_the_passages() -> None:
    text = "Officials met on Monday. They agreed to share intelligence. Talks continue."
    hit = hit_on(text, "They agreed to share")
    sure = render.answer(answered("What did they agree?", hit))
    unsure = render.answer(
        Answer("What did they sign?", refused=False, hits=(hit,), tentative=True)
    )
    assert TENTATIVE_NOTE not in descriptions(sure)[0]
    [description] = descriptions(unsure)
    assert description.index(TENTATIVE_NOTE) < description.index("They agreed to share")
