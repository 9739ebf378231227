"""A small fitted logistic model, as index/data/answerability.json and salience.json keep it:
a few weights over standardised features, readable in review and refitted by a script in
benchmarks/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Logistic:
    """log-odds = w · (x − mean) / scale + bias."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    bias: float

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        """The log-odds of each row of `x` (or of `x` itself, one vector of features)."""
        standard = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        return np.asarray(standard @ np.asarray(self.weights) + self.bias)


def stored(name: str, features: tuple[str, ...]) -> dict[str, Any]:
    """index/data/`name` as its fitting script wrote it, checked to be over `features`."""
    data: dict[str, Any] = json.loads(resources.files("index").joinpath(f"data/{name}").read_text())
    if tuple(data["features"]) != features:
        raise ValueError(f"index/data/{name} was fitted on other features")
    return data


def parameters(data: dict[str, Any]) -> dict[str, Any]:
    """The Logistic fields of a stored model."""
    return {
        "weights": tuple(data["weights"]),
        "mean": tuple(data["mean"]),
        "scale": tuple(data["scale"]),
        "bias": data["bias"],
    }
