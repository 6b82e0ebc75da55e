"""What the training scripts share (``h20lib.train.stance``, ``h20lib.train.frames``, ``h20lib.train.portrayal``); needs scikit-learn (dev extra)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB

SEED = 0
ARTICLE_SOURCES = "articles"  # prefix of the training sources that are whole articles, every sentence labelled
DECIMALS = 4
BLEND_ALPHA = 0.3  # naive Bayes smoothing inside a blend: the alpha the stance search chose for naive Bayes alone


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


def fit(
    x: csr_matrix, y: list[str], *, c: float, class_weight: str | None, sample_weight: np.ndarray | None = None
) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight=class_weight, max_iter=3000, random_state=SEED).fit(
        x, y, sample_weight=sample_weight
    )


def fit_naive_bayes(x: csr_matrix, y: list[str], *, alpha: float) -> MultinomialNB:
    """Multinomial naive Bayes, a linear model in log space: log prior + sum of feature value x log P(feature | label)."""
    return MultinomialNB(alpha=alpha).fit(x, y)


@dataclass(frozen=True)
class GeometricBlend:
    """Naive Bayes and logistic regression fit to the same data, combined as the normalised geometric mean of their
    label probabilities. It is still one linear model: its label scores are the mean of the two models' scores."""

    naive_bayes: MultinomialNB
    logistic: LogisticRegression

    @property
    def classes_(self) -> np.ndarray:
        return self.naive_bayes.classes_

    def predict_proba(self, x: csr_matrix) -> np.ndarray:
        scores = (self.naive_bayes.predict_joint_log_proba(x) + self.logistic.predict_log_proba(x)) / 2
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exps / exps.sum(axis=1, keepdims=True)


Fitted: TypeAlias = LogisticRegression | MultinomialNB | GeometricBlend


def fit_family(x: csr_matrix, y: list[str], *, family: str, strength: float) -> Fitted:
    """``family`` "naive_bayes" with smoothing alpha ``strength``, "logistic" with C ``strength``, or "blend" of
    naive Bayes (alpha BLEND_ALPHA) and logistic regression with C ``strength``."""
    if family == "naive_bayes":
        return fit_naive_bayes(x, y, alpha=strength)
    if family == "logistic":
        return fit(x, y, c=strength, class_weight=None)
    if family == "blend":
        return GeometricBlend(fit_naive_bayes(x, y, alpha=BLEND_ALPHA), fit(x, y, c=strength, class_weight=None))
    raise ValueError(f"unknown model family {family!r}")


def source_folds(
    feature_dicts: list[dict[str, float]], sources: list[str], *, min_count: int
) -> list[tuple[np.ndarray, csr_matrix, csr_matrix]]:
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


def cross_validated_probabilities(
    folds: list[tuple[np.ndarray, csr_matrix, csr_matrix]], labels: list[str], *, family: str, strength: float
) -> list[dict[str, float]]:
    """Each example's label probabilities from a model fit on the other folds' examples."""
    probabilities: list[dict[str, float]] = [{} for _ in labels]
    for rows, train_x, held_out_x in folds:
        held = set(rows.tolist())
        fitted = fit_family(
            train_x, [label for i, label in enumerate(labels) if i not in held], family=family, strength=strength
        )
        for i, p in zip(rows, fitted.predict_proba(held_out_x)):
            probabilities[i] = dict(zip(fitted.classes_, p))
    return probabilities


def _linear_parts(fitted: Fitted) -> tuple[np.ndarray, np.ndarray]:
    """(coefficients, intercepts), one row per class in ``fitted.classes_`` order, whose softmax is the model's."""
    if isinstance(fitted, GeometricBlend):
        (nb_coef, nb_intercept), (lr_coef, lr_intercept) = (
            _linear_parts(fitted.naive_bayes),
            _linear_parts(fitted.logistic),
        )
        return (nb_coef + lr_coef) / 2, (nb_intercept + lr_intercept) / 2
    if isinstance(fitted, MultinomialNB):
        return fitted.feature_log_prob_, fitted.class_log_prior_
    if len(fitted.classes_) == 2:  # one score s for the second class: the same softmax as scores (0, s)
        return np.vstack([np.zeros_like(fitted.coef_), fitted.coef_]), np.append(0.0, fitted.intercept_)
    return fitted.coef_, fitted.intercept_


def export(fitted: Fitted, columns: dict[str, int], *, labels: tuple[str, ...], prune_below: float) -> dict:
    """Plain weights in ``labels`` order, centred per feature (the softmax is unchanged), without features whose
    every label weight is below ``prune_below``."""
    order = [list(fitted.classes_).index(label) for label in labels]
    coef, intercept = _linear_parts(fitted)
    coef, intercept = coef[order], intercept[order]
    coef = coef - coef.mean(axis=0, keepdims=True)
    intercept = intercept - intercept.mean()
    weights = {}
    for name, i in sorted(columns.items()):
        w = coef[:, i]
        if np.abs(w).max() >= prune_below:
            weights[name] = [round(float(v), DECIMALS) for v in w]
    return {"labels": list(labels), "intercept": [round(float(v), DECIMALS) for v in intercept], "weights": weights}
