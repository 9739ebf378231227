"""A message asking several questions ("who wrote this and when was it published?"), answered by
those of them that the story answers.

Each question is asked in turn (`asked_in_turn`): one leaning on the question before it ("what
was the plot and who stopped it?") is read as that one's follow-up, and is refused with it when
the story does not answer that one ("what's the capital of France and who is its president?":
alone, "who is its president?" was answered with the president the story names). The answer
(`answered_in_parts`) gives each answered question's best passage first, at the lowest of their
confidences, and says before the passages why the others are not answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from index.answering.answerability import TENTATIVE
from index.passages import Answer, Hit


def asked_in_turn(
    asked: Sequence[str],
    ask: Callable[[str, Sequence[str]], Answer],
    leans: Callable[[str], bool],
) -> list[Answer]:
    """The answer to each question of a message, `ask` given it and the questions before it;
    one that `leans` on the question before it is refused with that one when that one is."""
    answers: list[Answer] = []
    for n, part in enumerate(asked):
        if answers and answers[-1].refused and leans(part):
            leant_on = answers.pop()
            folded = f"{leant_on.question.rstrip(' ?')}, {part}"
            answers.append(replace(leant_on, question=folded))
        else:
            answers.append(ask(part, asked[:n]))
    return answers


def answered_in_parts(
    typed: str, answers: Sequence[Answer], top_k: int | None = None
) -> Answer | None:
    """One answer to the message `typed` from its questions' answers: the answered ones' passages,
    each one's best first, `top_k` of them (as many as any one gives when not said), and the
    others' refusals (`Answer.refused_parts`); None when the story answers none of them."""
    answered = [a for a in answers if not a.refused]
    if not answered:
        return None
    most = max(len(a.hits) for a in answered)
    hits: list[Hit] = []
    for rank in range(most):
        for a in answered:
            if rank < len(a.hits) and all(h.chunk != a.hits[rank].chunk for h in hits):
                hits.append(a.hits[rank])
    confidence = min(a.confidence for a in answered)
    return Answer(
        typed,
        False,
        hits=tuple(hits[: top_k or most]),
        confidence=confidence,
        missing=tuple(dict.fromkeys(m for a in answered for m in a.missing)),
        tentative=confidence < TENTATIVE,
        refused_parts=tuple(a for a in answers if a.refused),
    )
