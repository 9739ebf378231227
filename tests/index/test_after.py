"""Whether the story says what came after something (index.answering.after)."""

from __future__ import annotations

from index.answering.after import asking, asks_after, tells_after


def test_what_happened_or_was_done_after_something_asks_what_came_after() -> None:
    assert asks_after("What did the US do after the plot was foiled?")
    assert asks_after("What happened to the ISIS cell afterwards?")
    assert asks_after("What has happened since the report?")
    # "after" naming the time of what is asked asks something else.
    assert not asks_after("What policy did Stalin implement shortly after Lenin's death?")
    assert not asks_after("What historical figure was Jacksonville named after?")


def test_a_sentence_tells_what_came_after_in_words_of_later_times() -> None:
    assert tells_after("Al-Sharaa has assumed control in the wake of Assad's fall.")
    assert tells_after("It comes following the collapse of the regime.")
    assert not tells_after("US intelligence helped thwart a plot earlier this month.")
    assert asking("afterwards") and asking("happened") and not asking("plot")
