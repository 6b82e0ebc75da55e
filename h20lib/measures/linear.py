"""Inference for the package's linear models, shipped as plain JSON weights (no scikit-learn at run time).

A model is {"labels": [...], "intercept": [one per label], "weights": {feature: [one per label]}}; the softmax
of ``label_scores`` gives the label probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import repeat
from operator import itemgetter

import numpy as np

from h20lib.measures.features import Feature

_value = itemgetter(0)  # a Feature's value


def weighted_sums(start: list[float], feats: dict[str, float], weights: dict[str, list[float]]) -> list[float]:
    """``start`` plus, for each feature with weights, its value times each of its weights, slot by slot."""
    scores = list(start)
    for name, value in feats.items():
        w = weights.get(name)
        if w is not None:
            for k, wk in enumerate(w):
                scores[k] += value * wk
    return scores


class StackedWeights:
    """Several linear models' weights side by side as one matrix (row 0 the intercepts, then a row per feature), so
    a sentence's features are looked up once for all of them and summed in one array operation.

    ``sums`` adds the same products in the same order as :func:`weighted_sums`, so it gives the same floats."""

    __slots__ = ("_no_weights", "matrix", "rows")

    def __init__(self, intercepts: list[float], weights: dict[str, list[float]]) -> None:
        self.rows = {name: row for row, name in enumerate(weights, start=1)}
        # The last row is zeros, the row of every feature without weights: adding its 0.0 products leaves each sum
        # as it was, and looking every feature up with a default runs in C rather than in a Python loop.
        self._no_weights = len(weights) + 1
        zeros = [0.0] * len(intercepts)
        self.matrix = np.array([intercepts, *weights.values(), zeros], dtype=np.float64).reshape(-1, len(intercepts))

    def contributions(self, feats: Mapping[str, Feature]) -> tuple[list[str], np.ndarray]:
        """The names of ``feats``, in order, and the products value x weight: row 0 the intercepts, then one row per
        feature (zeros for a feature without weights), one column per model slot."""
        names, weights, values = self.weights_of(feats)
        weights *= values[:, None]
        return names, weights

    def weights_of(self, feats: Mapping[str, Feature]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The names of ``feats``, in order; their weights (a new array: row 0 the intercepts, then one row per
        feature, zeros for a feature without weights); and their values (1.0 for the intercepts first)."""
        rows = [0, *map(self.rows.get, feats, repeat(self._no_weights))]
        values = np.array([1.0, *map(_value, feats.values())])
        return [*feats], self.matrix.take(rows, axis=0), values

    def sums(self, feats: Mapping[str, Feature]) -> list[float]:
        _, weights, values = self.weights_of(feats)
        return summed(weights, values)


def summed(weights: np.ndarray, values: np.ndarray) -> list[float]:
    """Each model slot's score from :meth:`StackedWeights.weights_of`'s weights and values: the sum of weight x
    value over the rows (the intercepts' value is 1)."""
    return (weights * values[:, None]).sum(axis=0).tolist()


def label_scores(feats: dict[str, float], model: dict) -> list[float]:
    """Linear score of each label in ``model["labels"]`` order."""
    return weighted_sums(model["intercept"], feats, model["weights"])


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
