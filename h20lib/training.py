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


def fit_family(x: csr_matrix, y: list[str], *, family: str, strength: float) -> LogisticRegression | MultinomialNB:
    """``family`` "naive_bayes" with smoothing alpha ``strength``, or "logistic" with C ``strength``."""
    if family == "naive_bayes":
        return fit_naive_bayes(x, y, alpha=strength)
    if family == "logistic":
        return fit(x, y, c=strength, class_weight=None)
    raise ValueError(f"unknown model family {family!r}")


def source_folds(feature_dicts: list[dict[str, float]], sources: list[str], *, min_count: int) -> list[tuple[np.ndarray, csr_matrix, csr_matrix]]:
    """Leave-one-source-out folds, one per source in sorted order: (held-out rows, training matrix, held-out
    matrix), the columns being the features seen at least ``min_count`` times in the training rows."""
    folds = []
    for source in sorted(set(sources)):
        held_out = np.array([s == source for s in sources])
        train = [f for f, out in zip(feature_dicts, held_out) if not out]
        columns = vocabulary(train, min_count=min_count)
        rows = np.flatnonzero(held_out)
        folds.append((rows, matrix(train, columns), matrix([feature_dicts[i] for i in rows], columns)))
    return folds


def cross_validated_probabilities(folds: list[tuple[np.ndarray, csr_matrix, csr_matrix]], labels: list[str], *,
                                  family: str, strength: float) -> list[dict[str, float]]:
    """Each example's label probabilities from a model fit on the other folds' examples."""
    probabilities: list[dict[str, float]] = [{} for _ in labels]
    for rows, train_x, held_out_x in folds:
        held = set(rows.tolist())
        fitted = fit_family(train_x, [label for i, label in enumerate(labels) if i not in held], family=family, strength=strength)
        for i, p in zip(rows, fitted.predict_proba(held_out_x)):
            probabilities[i] = dict(zip(fitted.classes_, p))
    return probabilities


def export(fitted: LogisticRegression | MultinomialNB, columns: dict[str, int], *, labels: tuple[str, ...],
           prune_below: float) -> dict:
    """Plain weights in ``labels`` order, centred per feature (the softmax is unchanged), without features whose
    every label weight is below ``prune_below``."""
    order = [list(fitted.classes_).index(label) for label in labels]
    if isinstance(fitted, MultinomialNB):
        coef, intercept = fitted.feature_log_prob_, fitted.class_log_prior_
    elif len(fitted.classes_) == 2:  # one score s for the second class: the same softmax as scores (0, s)
        coef, intercept = np.vstack([np.zeros_like(fitted.coef_), fitted.coef_]), np.append(0.0, fitted.intercept_)
    else:
        coef, intercept = fitted.coef_, fitted.intercept_
    coef, intercept = coef[order], intercept[order]
    coef = coef - coef.mean(axis=0, keepdims=True)
    intercept = intercept - intercept.mean()
    weights = {}
    for name, i in sorted(columns.items()):
        w = coef[:, i]
        if np.abs(w).max() >= prune_below:
            weights[name] = [round(float(v), DECIMALS) for v in w]
    return {"labels": list(labels), "intercept": [round(float(v), DECIMALS) for v in intercept], "weights": weights}
