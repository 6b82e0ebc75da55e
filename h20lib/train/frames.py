"""Train the frame models on labels/training/training_sentences.csv and write h20lib/data/models/frames_model.json.

Run ``python -m h20lib.train.frames``. Needs scikit-learn (dev extra). One binary model per frame (invoked or
absent) over h20lib.measures.frames.featurize features. Per frame, the model family and its setting, the rule (cue matches
invoke the frame and the model adds frames, or the model decides alone) and ``min_probability`` are chosen by
leave-one-source-out cross-validation, as in h20lib.train.stance: every sentence is labelled by a model fit on the
other writing passes. The criterion is the frame's F1, averaged over all sentences and over the whole-article
sentences. The shipped models are then fit on all training sentences. The seed sentences and
labels/gold/written_sentences.csv are never used here: they test the result.
"""

from __future__ import annotations

import json

import pandas as pd

from h20lib import config
from h20lib.measures.frames import LABELS, MODEL_FILE, RULES, cue_matches, feature_values, frame_names, is_invoked
from h20lib.parse.readers import read_labels
from h20lib.report.agreement import frame_metrics, frame_sets, prf
from h20lib.train.common import (
    ARTICLE_SOURCES,
    SEED,
    cross_validated_probabilities,
    export,
    fit_family,
    matrix,
    source_folds,
    vocabulary,
)

SETTINGS = (("naive_bayes", 0.3), ("naive_bayes", 1.0), ("logistic", 1.0), ("logistic", 3.0), ("logistic", 10.0))
MIN_PROBABILITIES = (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MIN_COUNT = 2
PRUNE_BELOW = 0.001


def _f1(gold: list[bool], predicted: list[bool]) -> float:
    return prf(pd.Series(gold), pd.Series(predicted), True)["f1"]


def _micro_f1(gold: list[set[str]], predicted: list[set[str]], keep: pd.Series) -> float:
    return frame_metrics([g for g, k in zip(gold, keep) if k], [p for p, k in zip(predicted, keep) if k])["micro_f1"]


def main() -> None:
    sentences = read_labels(config.TRAINING_SENTENCES)
    gold_sets = frame_sets(sentences["frames"])
    cues = [set(cue_matches(text)) for text in sentences["text"]]
    features = [feature_values(text) for text in sentences["text"]]
    articles = sentences["source"].str.startswith(ARTICLE_SOURCES)
    everything = pd.Series(True, index=sentences.index)
    folds = source_folds(features, list(sentences["source"]), min_count=MIN_COUNT)
    chosen: list[set[str]] = [set() for _ in features]
    hyperparameters: dict[str, dict[str, object]] = {}
    cross_validated: dict[str, dict[str, float]] = {}
    models: dict[str, dict[str, object]] = {}
    document: dict[str, object] = {
        "source": "One binary linear model per frame (multinomial naive Bayes or logistic regression) over "
        "h20lib.measures.frames.featurize features, fit by h20lib.train.frames (scikit-learn).",
        "trained_on": f"{config.TRAINING_SENTENCES.name}: {len(sentences)} sentences from {sentences['source'].nunique()} sources "
        f"({int(articles.sum())} in whole articles)",
        "hyperparameters": hyperparameters,
        "cross_validated_f1": cross_validated,
        "frames": models,
    }
    for frame in frame_names():
        gold = [frame in g for g in gold_sets]
        labels = [LABELS[0] if g else LABELS[1] for g in gold]
        has_cue = [frame in c for c in cues]
        best = None
        for family, strength in SETTINGS:
            probabilities = [
                p["invoked"] for p in cross_validated_probabilities(folds, labels, family=family, strength=strength)
            ]
            for rule in RULES:
                for min_probability in MIN_PROBABILITIES:
                    predicted = [
                        is_invoked(has_cue=c, probability=p, rule=rule, min_probability=min_probability)
                        for c, p in zip(has_cue, probabilities)
                    ]
                    overall = _f1(gold, predicted)
                    in_articles = _f1(
                        [g for g, a in zip(gold, articles) if a], [p for p, a in zip(predicted, articles) if a]
                    )
                    if best is None or (overall + in_articles) / 2 > best[0] + 1e-9:
                        best = (
                            (overall + in_articles) / 2,
                            overall,
                            in_articles,
                            family,
                            strength,
                            rule,
                            min_probability,
                            predicted,
                        )
        assert best is not None  # SETTINGS, RULES and MIN_PROBABILITIES are not empty
        _, overall, in_articles, family, strength, rule, min_probability, predicted = best
        for row, invoked in enumerate(predicted):
            if invoked:
                chosen[row].add(frame)
        columns = vocabulary(features, min_count=MIN_COUNT)
        fitted = fit_family(matrix(features, columns), labels, family=family, strength=strength)
        models[frame] = {
            **export(fitted, columns, labels=LABELS, prune_below=PRUNE_BELOW),
            "rule": rule,
            "min_probability": min_probability,
        }
        hyperparameters[frame] = {
            "family": family,
            "strength": strength,
            "rule": rule,
            "min_probability": min_probability,
            "min_count": MIN_COUNT,
            "prune_below": PRUNE_BELOW,
            "seed": SEED,
        }
        cross_validated[frame] = {
            "all": round(overall, 4),
            "articles": round(in_articles, 4),
            "cues_only": round(_f1(gold, has_cue), 4),
        }
        print(
            f"{frame:<16} chosen {family} {strength}, {rule}, min_probability {min_probability}; "
            f"leave-one-source-out F1 {overall:.3f} (all), {in_articles:.3f} (articles); cues alone {_f1(gold, has_cue):.3f}"
        )
    micro = {
        "all": _micro_f1(gold_sets, chosen, everything),
        "articles": _micro_f1(gold_sets, chosen, articles),
        "cues_only_all": _micro_f1(gold_sets, cues, everything),
        "cues_only_articles": _micro_f1(gold_sets, cues, articles),
    }
    document["cross_validated_micro_f1"] = {name: round(value, 4) for name, value in micro.items()}
    print("leave-one-source-out micro-F1: " + ", ".join(f"{name} {value:.3f}" for name, value in micro.items()))
    path = config.MODELS_DIR / MODEL_FILE
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"-> {path}")


if __name__ == "__main__":
    main()
