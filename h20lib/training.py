"""What the training scripts share (``portrayal_training``, ``stance_training``); needs scikit-learn (dev extra)."""
from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB

SEED = 0
DECIMALS = 4


def vocabulary(feature_dicts: list[dict[str, float]], *, min_count: int) -> dict[str, int]:
    """Column index of every feature seen in at least ``min_count`` examples, in sorted order."""
    counts = Counter(name for feats in feature_dicts for name in feats)
    return {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= min_count))}


def matrix(feature_dicts: list[dict[str, float]], columns: dict[str, int]) -> csr_matrix:
    rows, cols, values = [], [], []
    for r, feats in enumerate(feature_dicts):
        for name, value in feats.items():
            if name in columns:
                rows.append(r)
                cols.append(columns[name])
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(feature_dicts), len(columns)))


def fit(x: csr_matrix, y: list[str], *, c: float, class_weight: str | None) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight=class_weight, max_iter=3000, random_state=SEED).fit(x, y)


def fit_naive_bayes(x: csr_matrix, y: list[str], *, alpha: float) -> MultinomialNB:
    """Multinomial naive Bayes, a linear model in log space: log prior + sum of feature value x log P(feature | label)."""
    return MultinomialNB(alpha=alpha).fit(x, y)


def export(fitted: LogisticRegression | MultinomialNB, columns: dict[str, int], *, labels: tuple[str, ...],
           prune_below: float) -> dict:
    """Plain weights in ``labels`` order, centred per feature (the softmax is unchanged), without features whose
    every label weight is below ``prune_below``."""
    order = [list(fitted.classes_).index(label) for label in labels]
    if isinstance(fitted, MultinomialNB):
        coef, intercept = fitted.feature_log_prob_[order], fitted.class_log_prior_[order]
    else:
        coef, intercept = fitted.coef_[order], fitted.intercept_[order]
    coef = coef - coef.mean(axis=0, keepdims=True)
    intercept = intercept - intercept.mean()
    weights = {}
    for name, i in sorted(columns.items()):
        w = coef[:, i]
        if np.abs(w).max() >= prune_below:
            weights[name] = [round(float(v), DECIMALS) for v in w]
    return {"labels": list(labels), "intercept": [round(float(v), DECIMALS) for v in intercept], "weights": weights}
