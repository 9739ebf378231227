"""A word the corpus never writes, met by meaning in context (index.answering.meant)."""

from __future__ import annotations

import re

import numpy as np

from index.answering.concepts import Concept
from index.answering.meant import (
    KIND,
    LINKED,
    MEANT,
    NAMED,
    NEAR,
    TokenEncoder,
    Tokens,
    Words,
    met_by,
    nearness,
    reworded,
    said_by,
    word_vector,
)
from index.answering.vocabulary import broader, sole_kinds
from index.engine import Engine


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_a_passage_keeps_its_words_not_its_stop_words_or_marks() -> None:
    text = "The partnership was rare."
    spans = ((0, 3), (4, 11), (11, 15), (16, 19), (20, 24), (24, 25))  # "partner" + "##ship"
    vectors = np.stack([_unit(1, 0, i) for i in range(6)])
    words = Words.of(text, Tokens(spans, vectors))
    assert words.words == ("partnership", "partnership", "rare")
    assert np.array_equal(words.vectors, vectors[[1, 2, 4]])


def test_a_passage_keeps_its_names_apart_and_a_name_stands_for_a_word_only_if_no_place() -> None:
    text = "Officials said ISIS threatened the shrine in Syria’s capital."
    found = [(m.start(), m.end()) for m in re.finditer(r"[\w’]+", text)]
    spans = tuple(found)
    vectors = np.stack([_unit(1.0, float(i), 0.0) for i in range(len(spans))])
    words = Words.of(text, Tokens(spans, vectors))
    assert words.words == ("Officials", "said", "threatened", "shrine", "capital")
    assert words.names is not None and words.names.words == ("ISIS", "Syria")
    # "militants", no word of the passage near it, is met by the name read nearest it in
    # context at `NAMED` or more; never by a place's.
    question = "What was the militants' target?"
    spans = ((0, 4), (5, 8), (9, 12), (13, 22), (22, 24), (25, 31))
    militants = _unit(0.0, 0.0, 1.0)
    far = _unit(1.0, 0.0, 0.0)
    tokens = Tokens(spans, np.stack([far, far, far, militants, far, far]))
    concept = Concept("militants", "milit", 3.0, named=False)
    isis = _unit(0.0, 0.6, 1.0)
    assert float(isis @ militants) >= NAMED
    names = Words(("ISIS", "Syria"), np.stack([isis, militants]))
    passage = Words(("shrine",), np.stack([far]), names)
    assert met_by(question, [concept], tokens, [passage], lambda w: w) == {"militants": "isis"}
    placed = Words(("shrine",), np.stack([far]), Words(("Syria",), np.stack([militants])))
    assert met_by(question, [concept], tokens, [placed], lambda w: w) == {}
    # A question's word that is no English word is a name typed in lower case: not met so.
    typed = "What does the beroe eat?"
    spans = ((0, 4), (5, 9), (10, 13), (14, 19), (20, 23))
    tokens = Tokens(spans, np.stack([far, far, far, militants, far]))
    beroe = Concept("beroe", "bero", 4.5, named=False)
    assert met_by(typed, [beroe], tokens, [passage], lambda w: w) == {}


def test_a_word_of_several_tokens_is_their_mean() -> None:
    tokens = Tokens(((0, 3), (4, 11), (11, 15)), np.stack([_unit(1, 0), _unit(0, 1), _unit(0, 1)]))
    vector = word_vector("How partnership", "partnership", tokens)
    assert vector is not None and np.allclose(vector, _unit(0, 1))
    assert word_vector("How partnership", "alliance", tokens) is None


def test_a_word_is_met_only_by_a_passage_word_near_enough_in_context() -> None:
    question = "How uncommon is this partnership?"
    spans = ((0, 3), (4, 12), (13, 15), (16, 20), (21, 32))
    near = _unit(1.0, 0.2, 0.0)  # "partnership" in the question
    far = _unit(0.0, 0.0, 1.0)  # "uncommon"
    tokens = Tokens(spans, np.stack([far, far, far, far, near]))
    passage = Words(("collaboration", "nations"), np.stack([_unit(1.0, 0.0, 0.0), far]))
    partnership = Concept("partnership", "partnership", 2.0, named=False)
    said = met_by(question, [partnership], tokens, [passage], lambda w: w[:8])
    assert said == {"partnership": "collaboration"}
    # Below the cut nothing stands for it.
    unrelated = Words(("nations",), np.stack([_unit(-1.0, 1.0, 0.2)]))
    assert float(unrelated.vectors[0] @ near) < MEANT
    assert met_by(question, [partnership], tokens, [unrelated], lambda w: w) == {}
    assert met_by(question, [partnership], tokens, [], lambda w: w) == {}
    # The question put in the passage's words.
    assert reworded(question, said) == "How uncommon is this collaboration?"


def test_a_passage_is_as_near_as_its_nearest_word_to_each_unheard_word_above_a_floor() -> None:
    question = "What is the backdrop to this cooperation?"
    spans = ((0, 4), (5, 7), (8, 11), (12, 20), (21, 23), (24, 28), (29, 40))
    backdrop = _unit(1.0, 0.5, 0.0)
    far = _unit(0.0, 0.0, 1.0)
    tokens = Tokens(spans, np.stack([far, far, far, backdrop, far, far, far]))
    unheard = [Concept("backdrop", "backdrop", 3.0, named=False)]
    context = Words(("context", "collaboration"), np.stack([_unit(1.0, 0.4, 0.0), far]))
    landscape = Words(("landscape",), np.stack([_unit(0.3, 1.0, 0.8)]))
    unrelated = Words(("nations",), np.stack([_unit(0.0, -1.0, 1.0)]))
    near = nearness(question, unheard, tokens, {5: context, 6: landscape, 7: unrelated})
    assert set(near) == {5, 6, 7}
    assert np.isclose(near[5], float(context.vectors[0] @ backdrop) - NEAR)
    assert 0.0 < near[6] < near[5]
    assert near[7] == 0.0  # below the floor, nothing
    assert nearness(question, [], tokens, {5: context}) == {}
    # A word turned against the question's is not near it: "counterterrorism" for "terrorists".
    asked = "Who were the terrorists?"
    spans = ((0, 3), (4, 8), (9, 12), (13, 23))
    terrorists = _unit(1.0, 0.0, 0.0)
    tokens = Tokens(spans, np.stack([far, far, far, terrorists]))
    countering = Words(("counterterrorism",), np.stack([terrorists]))
    concept = Concept("terrorists", "terrorist", 3.0, named=False)
    assert nearness(asked, [concept], tokens, {1: countering}) == {1: 0.0}


def test_a_word_the_story_says_by_a_synonym_is_put_as_the_nearest_in_context() -> None:
    question = "Was the plan stopped?"
    spans = ((0, 3), (4, 7), (8, 12), (13, 20))
    plan = _unit(1.0, 0.3, 0.0)
    tokens = Tokens(spans, np.stack([_unit(0, 0, 1), _unit(0, 0, 1), plan, _unit(0, 1, 0)]))
    passage = Words(
        ("plot", "programme", "thwarted"),
        np.stack([_unit(1.0, 0.2, 0.0), _unit(0.2, 1.0, 0.0), _unit(0.0, 1.0, 0.2)]),
    )
    synonymous = {"plan": frozenset({"plot", "programme"})}
    assert said_by(question, synonymous, tokens, [passage], lambda w: w) == {"plan": "plot"}
    # Below `SAID` in context, no synonym stands for it.
    far = Words(("plot",), np.stack([_unit(0.0, 0.0, 1.0)]))
    assert said_by(question, synonymous, tokens, [far], lambda w: w) == {}


def test_a_question_reworded_replaces_whole_words_only() -> None:
    said = {"swap": "exchange", "info": "intelligence"}
    assert reworded("Was the info swap needed? Swapped info?", said) == (
        "Was the intelligence exchange needed? Swapped intelligence?"
    )
    assert reworded("Why the swap?", {}) == "Why the swap?"


def test_a_word_wordnet_gives_as_a_kind_of_it_is_met_at_a_lower_cosine() -> None:
    question = "What did they swap?"
    spans = ((0, 4), (5, 8), (9, 13), (14, 18))
    swap = _unit(1.0, 2.0, 0.0)
    tokens = Tokens(spans, np.stack([_unit(0, 0, 1)] * 3 + [swap]))
    concept = Concept("swap", "swap", 2.6, named=False)
    assert "exchang" in broader("swap")  # swapping is a kind of exchanging
    exchanged = _unit(1.0, 0.0, 0.0)
    likeness = float(exchanged @ swap)
    assert LINKED <= likeness < MEANT
    stem = {"exchanged": "exchang", "shifted": "shift"}.get
    passage = Words(("exchanged",), np.stack([exchanged]))
    assert met_by(question, [concept], tokens, [passage], lambda w: stem(w) or w) == {
        "swap": "exchanged"
    }
    # A word as near that WordNet does not link is not met; a linked one further off is not.
    other = Words(("shifted",), np.stack([exchanged]))
    assert met_by(question, [concept], tokens, [other], lambda w: stem(w) or w) == {}
    far = Words(("exchanged",), np.stack([_unit(1.0, -0.3, 1.2)]))
    assert float(far.vectors[0] @ swap) < LINKED
    assert met_by(question, [concept], tokens, [far], lambda w: stem(w) or w) == {}


def test_a_word_of_one_sense_is_met_by_its_kind_in_any_passage_at_a_lower_cosine() -> None:
    question = "What did they swap?"
    spans = ((0, 4), (5, 8), (9, 13), (14, 18))
    swap = _unit(1.0, 2.0, 0.0)
    tokens = Tokens(spans, np.stack([_unit(0, 0, 1)] * 3 + [swap]))
    concept = Concept("swap", "swap", 2.6, named=False)
    assert "exchange" in sole_kinds("swap")  # one sense as a noun: a kind of exchange
    exchanged = _unit(1.0, 0.2, 2.0)
    assert KIND <= float(exchanged @ swap) < LINKED
    stem = {"exchanged": "exchang", "openness": "open"}.get
    first = Words(("shift",), np.stack([_unit(0.0, 0.0, 1.0)]))
    elsewhere = Words(("exchanged",), np.stack([exchanged]))
    # Not among the passages read first, but in the corpus: met.
    assert met_by(question, [concept], tokens, [first], lambda w: stem(w) or w, [elsewhere]) == {
        "swap": "exchanged"
    }
    # Only where the corpus is read whole, and only above the cut.
    assert met_by(question, [concept], tokens, [first], lambda w: stem(w) or w) == {}
    far = Words(("exchanged",), np.stack([_unit(1.0, -0.3, 2.5)]))
    assert float(far.vectors[0] @ swap) < KIND
    assert met_by(question, [concept], tokens, [first], lambda w: stem(w) or w, [far]) == {}


def test_a_kind_is_met_by_its_forms_only_and_a_word_of_several_senses_by_none() -> None:
    question = "Did they reopen it?"
    spans = ((0, 3), (4, 8), (9, 15), (16, 18))
    reopen = _unit(1.0, 2.0, 0.0)
    tokens = Tokens(spans, np.stack([_unit(0, 0, 1)] * 2 + [reopen, _unit(0, 1, 0)]))
    alike = _unit(1.0, 0.2, 2.0)  # a cosine of KIND or more, under LINKED
    assert KIND <= float(alike @ reopen) < LINKED
    concept = Concept("reopen", "reopen", 2.6, named=False)
    assert sole_kinds("reopen") == {"open"}
    # "openness" stems as "open" does, but is no form of it.
    openness = Words(("openness",), np.stack([alike]))
    assert met_by(question, [concept], tokens, [openness], lambda w: w[:4], [openness]) == {}
    opened = Words(("opened",), np.stack([alike]))
    assert met_by(question, [concept], tokens, [opened], lambda w: w[:4], [opened]) == {
        "reopen": "opened"
    }
    # "bomb" has several senses (a kind of "attack" only as a verb): it has no kind to meet.
    assert sole_kinds("bomb") == frozenset()


def test_the_encoder_gives_each_token_of_a_text_in_context(engine: Engine) -> None:
    text = "Partnership, not endorsement."
    encoder = engine._embedder
    assert isinstance(encoder, TokenEncoder)
    tokens = encoder.tokens(text)
    assert "".join(text[a:b] for a, b in tokens.spans) == text.replace(" ", "")
    assert tokens.vectors.shape == (len(tokens.spans), encoder.dimension)  # type: ignore[attr-defined]
    assert np.allclose(np.linalg.norm(tokens.vectors, axis=1), 1.0, atol=1e-4)
    # In context: the same word reads differently in another sentence.
    other = encoder.tokens("Endorsement, not partnership.")
    first = word_vector(text, "not", tokens)
    second = word_vector("Endorsement, not partnership.", "not", other)
    assert first is not None and second is not None and float(first @ second) < 0.99


def test_a_name_of_a_passage_stands_for_no_question_word() -> None:
    text = "The US helped Syria’s leaders. Syria agreed."
    found = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]
    vectors = np.stack([_unit(1, 0, i) for i in range(len(found))])
    words = Words.of(text, Tokens(tuple(found), vectors))
    # "US" and "Syria’s" inside a sentence are names; "Syria" opening one may be any word.
    assert words.words == ("helped", "leaders", "Syria", "agreed")


def test_a_word_turned_against_the_question_s_word_never_stands_for_it() -> None:
    question = "Where did the terrorists strike?"
    spans = ((0, 5), (6, 9), (10, 13), (14, 24), (25, 31))
    asked = _unit(1.0, 0.1, 0.0)  # "terrorists" in the question
    tokens = Tokens(spans, np.stack([asked, asked, asked, asked, _unit(0.0, 0.0, 1.0)]))
    # "counterterrorism" is read nearest, as MiniLM read it in context: no match for all that.
    passage = Words(("counterterrorism",), np.stack([_unit(1.0, 0.0, 0.0)]))
    terrorists = Concept("terrorists", "terrorist", 2.3, named=False)
    assert met_by(question, [terrorists], tokens, [passage], lambda w: w[:10]) == {}
    shrine = Words(("shrine",), np.stack([_unit(1.0, 0.0, 0.0)]))
    assert met_by(question, [terrorists], tokens, [shrine], lambda w: w) == {"terrorists": "shrine"}


def test_an_adverb_made_from_a_linked_word_stands_for_nothing() -> None:
    question = "What info did they trade?"
    spans = ((0, 4), (5, 9), (10, 13), (14, 18), (19, 24))
    info = _unit(1.0, 2.0, 0.0)
    tokens = Tokens(spans, np.stack([_unit(0, 0, 1), info] + [_unit(0, 0, 1)] * 3))
    concept = Concept("info", "info", 2.0, named=False)
    assert "report" in broader("info")  # a report is a kind of information
    alike = _unit(1.0, 0.2, 1.0)
    assert LINKED <= float(alike @ info) < MEANT
    stem = {"reportedly": "report", "report": "report"}.get
    adverb = Words(("reportedly",), np.stack([alike]))
    assert met_by(question, [concept], tokens, [adverb], lambda w: stem(w) or w) == {}
    noun = Words(("report",), np.stack([alike]))
    assert met_by(question, [concept], tokens, [noun], lambda w: stem(w) or w) == {"info": "report"}
