"""Train the portrayal model on NewsMTSC and write h20lib/data/models/portrayal_model.json.

Run ``python -m h20lib.train.portrayal``. Needs scikit-learn (dev dependency) and the NewsMTSC files in
config.NEWSMTSC_DIR. Hyper-parameters are chosen on the combined dev splits (rw-dev + mt-dev); the final model is fit
on train only, so the dev scores written into the JSON are the scores of the shipped weights.
"""

from __future__ import annotations

import itertools
import json

from h20lib import config
from h20lib.measures.linear import label_scores
from h20lib.measures.portrayal import LABELS, MODEL_FILE, classification_report, featurize, load_newsmtsc
from h20lib.train.common import SEED, export, fit, matrix, vocabulary

WINDOWS = (4, 6, 10)
CS = (0.1, 0.3, 1.0)
CLASS_WEIGHTS = (None, "balanced")
MIN_COUNT = 2
PRUNE_BELOW = 0.01


def _featurized(rows: list[tuple[str, int, int, str]], window: int) -> list[dict[str, float]]:
    return [featurize(s, a, b, window=window) for s, a, b, _ in rows]


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
        columns = vocabulary(train_feats, min_count=MIN_COUNT)
        x_train, x_dev = matrix(train_feats, columns), matrix(dev_feats, columns)
        for c, class_weight in itertools.product(CS, CLASS_WEIGHTS):
            fitted = fit(x_train, y_train, c=c, class_weight=class_weight)
            f1 = classification_report(y_dev, list(fitted.predict(x_dev)))["macro_f1"]
            print(f"window={window:<3} C={c:<5} class_weight={class_weight!s:<9} dev macro-F1={f1:.1f}")
            if best is None or f1 > best[0]:
                best = (f1, window, c, class_weight, fitted, columns)

    assert best is not None  # WINDOWS, CS and CLASS_WEIGHTS are not empty
    _, window, c, class_weight, fitted, columns = best
    model = {**export(fitted, columns, labels=LABELS, prune_below=PRUNE_BELOW), "window": window}
    scores = {}
    for name, rows in splits.items():
        gold = [label for *_, label in rows]
        report = classification_report(gold, _predict(model, _featurized(rows, window)))
        scores[name] = {"n": len(rows), "macro_f1": report["macro_f1"], "accuracy": report["accuracy"]}
    document = {
        "source": "Multinomial logistic regression over h20lib.measures.portrayal.featurize features, fit by "
        "h20lib.train.portrayal (scikit-learn). Word valences and negations from VADER "
        "(vaderSentiment package). Labels from NewsMTSC (Hamborg & Donnay, EACL 2021).",
        "trained_on": f"NewsMTSC train.jsonl ({len(train)} targets); hyper-parameters chosen on rw-dev + mt-dev",
        "hyperparameters": {
            "window": window,
            "C": c,
            "class_weight": class_weight,
            "min_count": MIN_COUNT,
            "prune_below": PRUNE_BELOW,
            "seed": SEED,
        },
        "dev_scores": scores,
        **model,
    }
    path = config.MODELS_DIR / MODEL_FILE
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"chosen: window={window} C={c} class_weight={class_weight}; {len(model['weights'])} features -> {path}")
    for name, s in scores.items():
        print(f"{name:<7} n={s['n']:<4} macro-F1={s['macro_f1']:.1f} accuracy={s['accuracy']:.1f}")


if __name__ == "__main__":
    main()
