"""Inference for the package's linear models, shipped as plain JSON weights (no scikit-learn at run time).

A model is {"labels": [...], "intercept": [one per label], "weights": {feature: [one per label]}}; the softmax
of ``label_scores`` gives the label probabilities.
"""

from __future__ import annotations

import math


def weighted_sums(start: list[float], feats: dict[str, float], weights: dict[str, list[float]]) -> list[float]:
    """``start`` plus, for each feature with weights, its value times each of its weights, slot by slot."""
    scores = list(start)
    for name, value in feats.items():
        w = weights.get(name)
        if w is not None:
            for k, wk in enumerate(w):
                scores[k] += value * wk
    return scores


def label_scores(feats: dict[str, float], model: dict) -> list[float]:
    """Linear score of each label in ``model["labels"]`` order."""
    return weighted_sums(model["intercept"], feats, model["weights"])


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
