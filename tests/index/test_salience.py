"""The summary's learned sentence model: its signals, and a file anyone can read and refit."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from index.summary import salience

OPENING = "The council approved the new budget for the harbour district on Monday evening."
LATER = (
    "Residents had asked for more money for the ferry service and the schools.",
    "The mayor said the plan would be reviewed again in the spring by the committee.",
    "Officials expect the first repairs to the old pier to begin before the summer.",
)


def test_the_fitted_model_is_a_few_named_numbers_with_their_source() -> None:
    data = json.loads(resources.files("index").joinpath("data/salience.json").read_text())
    assert tuple(data["features"]) == salience.FEATURES
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(salience.FEATURES)
    assert "CNN/DailyMail" in data["fitted_on"] and "tuning half" in data["fitted_on"]
    assert "summary_fit" in data["fitted_on"]  # how to refit it


def test_news_puts_its_point_first_so_the_opening_outranks_the_same_words_later() -> None:
    texts = [OPENING, *LATER, OPENING.replace("Monday", "Tuesday")]
    vectors = np.ones((len(texts), 8)) / np.sqrt(8)  # alike in meaning: only place differs
    scores = salience.fitted().scores(texts, vectors)
    assert scores[0] > scores[-1]


def test_signals_count_numbers_names_and_quotations() -> None:
    texts = [
        OPENING,
        "'We will build it,' Mayor Ann Smith told 300 people in Leeds on 4 May 2014.",
    ]
    rows = dict(zip(salience.FEATURES, salience.features(texts, np.eye(2, 4)).T, strict=True))
    assert rows["numbers"][1] > rows["numbers"][0] == 0
    assert rows["names"][1] > rows["names"][0]
    assert list(rows["quoted"]) == [0, 1] and list(rows["attributed"]) == [0, 1]
    assert rows["lead"][0] > rows["lead"][1] and list(rows["first"]) == [1, 0]
