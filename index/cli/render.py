"""What the command line prints: an answer as text or in the JSON contract, and the summary."""

from __future__ import annotations

from typing import Any

from index.passages import Answer, SummarySentence


def answer_json(answer: Answer) -> dict[str, Any]:
    """The stable JSON form of an answer (see README, "JSON")."""
    passages = [
        {
            "text": hit.chunk.text,
            "citation": hit.citation,
            "source": hit.chunk.source.id,
            "paragraph": hit.chunk.paragraph,
            "start": hit.chunk.start,
            "end": hit.chunk.end,
            "score": round(hit.score, 4),
            "answer": hit.answer or None,
            "publisher": hit.chunk.source.publisher,
            "date": hit.chunk.source.date,
        }
        for hit in answer.hits
    ]
    return {
        "question": answer.question,
        "refused": answer.refused,
        "message": answer.message,
        "passages": passages,
        "confidence": answer.confidence,
        "missing": list(answer.missing),
        "tentative": answer.tentative,
        "unanswered": list(answer.unanswered),
    }


def render_answer(answer: Answer) -> str:
    """An answer for the terminal: each passage with its citation (and its article's publisher
    and date, when the corpus file gives them), the best sentence in **bold**."""
    if answer.refused:
        return answer.message or ""
    blocks = [answer.hedge] if answer.hedge else []
    for rank, hit in enumerate(answer.hits, start=1):
        text = hit.chunk.text
        if hit.answer:
            text = f"{text[: hit.answer_start]}**{hit.answer}**{text[hit.answer_end :]}"
        source = hit.chunk.source
        cited = " · ".join(filter(None, (hit.citation, source.publisher, source.date)))
        blocks.append(f"{rank}. [{cited}]\n   {text}")
    return "\n".join(blocks)


def summary_json(sentences: tuple[SummarySentence, ...]) -> dict[str, Any]:
    """The JSON form of the summary: each sentence with its citation."""
    return {"sentences": [{"text": s.text, "citation": s.citation} for s in sentences]}


def render_summary(sentences: tuple[SummarySentence, ...]) -> str:
    """The summary for the terminal, one cited sentence a line."""
    return "\n".join(f"- {s.text} [{s.citation}]" for s in sentences)
