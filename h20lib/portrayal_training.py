"""Train the portrayal model on NewsMTSC and write h20lib/data/portrayal_model.json.

Run ``python -m h20lib.portrayal_training``. Needs scikit-learn (dev dependency) and the NewsMTSC files in
config.NEWSMTSC_DIR. Hyper-parameters are chosen on the combined dev splits (rw-dev + mt-dev); the final model is fit
on train only, so the dev scores written into the JSON are the scores of the shipped weights.
"""
from __future__ import annotations

import itertools
import json
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from h20lib import config
from h20lib.portrayal import LABELS, MODEL_FILE, classification_report, featurize, label_scores, load_newsmtsc

SEED = 0
WINDOWS = (4, 6, 10)
CS = (0.1, 0.3, 1.0)
CLASS_WEIGHTS = (None, "balanced")
MIN_COUNT = 2
PRUNE_BELOW = 0.01
DECIMALS = 4


def _featurized(rows: list[tuple[str, int, int, str]], window: int) -> list[dict[str, float]]:
    return [featurize(s, a, b, window=window) for s, a, b, _ in rows]


def _vocabulary(feature_dicts: list[dict[str, float]], *, min_count: int) -> dict[str, int]:
    counts = Counter(name for feats in feature_dicts for name in feats)
    return {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= min_count))}


def _matrix(feature_dicts: list[dict[str, float]], vocabulary: dict[str, int]) -> csr_matrix:
    rows, cols, values = [], [], []
    for r, feats in enumerate(feature_dicts):
        for name, value in feats.items():
            if name in vocabulary:
                rows.append(r)
                cols.append(vocabulary[name])
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(feature_dicts), len(vocabulary)))


def _fit(x: csr_matrix, y: list[str], *, c: float, class_weight: str | None) -> LogisticRegression:
    model = LogisticRegression(C=c, class_weight=class_weight, max_iter=3000, random_state=SEED)
    return model.fit(x, y)


def _export(fitted: LogisticRegression, vocabulary: dict[str, int], *, window: int) -> dict:
    """Plain weights, centred per feature (softmax is unchanged) and pruned where every label weight is tiny."""
    order = [list(fitted.classes_).index(label) for label in LABELS]
    coef = fitted.coef_[order]
    coef = coef - coef.mean(axis=0, keepdims=True)
    intercept = fitted.intercept_[order] - fitted.intercept_.mean()
    weights = {}
    for name, i in sorted(vocabulary.items()):
        w = coef[:, i]
        if np.abs(w).max() >= PRUNE_BELOW:
            weights[name] = [round(float(v), DECIMALS) for v in w]
    return {"labels": list(LABELS), "window": window,
            "intercept": [round(float(v), DECIMALS) for v in intercept], "weights": weights}


def _predict(model: dict, feature_dicts: list[dict[str, float]]) -> list[str]:
    out = []
    for feats in feature_dicts:
        scores = label_scores(feats, model)
        out.append(model["labels"][scores.index(max(scores))])
    return out


def main() -> None:
    train = load_newsmtsc("train")
    splits = {name: load_newsmtsc(name) for name in ("rw-dev", "mt-dev", "dev")}
    y_train = [label for *_, label in train]
    y_dev = [label for *_, label in splits["dev"]]

    best = None
    for window in WINDOWS:
        train_feats = _featurized(train, window)
        dev_feats = _featurized(splits["dev"], window)
        vocabulary = _vocabulary(train_feats, min_count=MIN_COUNT)
        x_train, x_dev = _matrix(train_feats, vocabulary), _matrix(dev_feats, vocabulary)
        for c, class_weight in itertools.product(CS, CLASS_WEIGHTS):
            fitted = _fit(x_train, y_train, c=c, class_weight=class_weight)
            f1 = classification_report(y_dev, list(fitted.predict(x_dev)))["macro_f1"]
            print(f"window={window:<3} C={c:<5} class_weight={class_weight!s:<9} dev macro-F1={f1:.1f}")
            if best is None or f1 > best[0]:
                best = (f1, window, c, class_weight, fitted, vocabulary)

    _, window, c, class_weight, fitted, vocabulary = best
    model = _export(fitted, vocabulary, window=window)
    scores = {}
    for name, rows in splits.items():
        gold = [label for *_, label in rows]
        report = classification_report(gold, _predict(model, _featurized(rows, window)))
        scores[name] = {"n": len(rows), "macro_f1": report["macro_f1"], "accuracy": report["accuracy"]}
    document = {
        "source": "Multinomial logistic regression over h20lib.portrayal.featurize features, fit by "
                  "h20lib.portrayal_training (scikit-learn). Word valences and negations from VADER "
                  "(vaderSentiment package). Labels from NewsMTSC (Hamborg & Donnay, EACL 2021).",
        "trained_on": f"NewsMTSC train.jsonl ({len(train)} targets); hyper-parameters chosen on rw-dev + mt-dev",
        "hyperparameters": {"window": window, "C": c, "class_weight": class_weight, "min_count": MIN_COUNT,
                            "prune_below": PRUNE_BELOW, "seed": SEED},
        "dev_scores": scores,
        **model,
    }
    path = config.data_file(MODEL_FILE)
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"chosen: window={window} C={c} class_weight={class_weight}; {len(model['weights'])} features -> {path}")
    for name, s in scores.items():
        print(f"{name:<7} n={s['n']:<4} macro-F1={s['macro_f1']:.1f} accuracy={s['accuracy']:.1f}")


if __name__ == "__main__":
    main()
