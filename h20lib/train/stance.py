"""Train the stance model on labels/training/training_sentences.csv and write h20lib/data/models/stance_model.json.

Run ``python -m h20lib.train.stance``. Needs scikit-learn (dev extra). The training sentences come from
separate writing passes, one per kind of source (column ``source``); the passes named "articles..." are whole
articles with every sentence labelled, so they have the share of neutral sentences real coverage has.

The model speaks only where the explicit cues do not decide (h20lib.measures.stance.score_stance). Per target, the model
family (multinomial naive Bayes, logistic regression, or the two blended), its setting and ``min_confidence`` are
chosen by leave-one-source-out cross-validation of that two-stage labelling: every sentence is labelled by a model
fit on the other sources, so the choice is the one that carries best to a kind of writing the model has not seen. The
criterion is the mean of macro-F1 over all sentences and over the article sentences. For the best family and setting,
the largest ``min_confidence`` within CONFIDENCE_TOLERANCE of its best criterion is kept: differences that small are
within the noise of the folds, and in whole texts, where most sentences are neutral, a model that abstains more often
puts fewer false stances into the counts. The shipped model is then fit on all training sentences. The seed sentences
and labels/gold/written_sentences.csv are never used here: they test the result.
"""

from __future__ import annotations

import json

import pandas as pd

from h20lib import config
from h20lib.measures.stance import (
    LABELS,
    MODEL_FILE,
    TARGETS,
    cue_evidence,
    cue_label,
    cue_score,
    feature_values,
    model_label,
)
from h20lib.parse.readers import read_labels
from h20lib.report.agreement import stance_metrics
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

# (family, strength): naive Bayes smoothing alpha, or the C of logistic regression, alone or blended with naive Bayes.
SETTINGS = (
    ("naive_bayes", 0.3),
    ("naive_bayes", 1.0),
    ("logistic", 1.0),
    ("logistic", 3.0),
    ("logistic", 10.0),
    ("blend", 3.0),
    ("blend", 10.0),
)
MIN_CONFIDENCES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
CONFIDENCE_TOLERANCE = 0.01
MIN_COUNT = 1
PRUNE_BELOW = 0.001


def _criterion(gold: pd.Series, predicted: pd.Series, articles: pd.Series) -> tuple[float, float, float]:
    overall = stance_metrics(gold, predicted)["macro_f1"]
    in_articles = stance_metrics(gold[articles].reset_index(drop=True), predicted[articles].reset_index(drop=True))[
        "macro_f1"
    ]
    return (overall + in_articles) / 2, overall, in_articles


def choose_setting(
    results: list[tuple[float, str, float, float]], *, tolerance: float = CONFIDENCE_TOLERANCE
) -> tuple[str, float, float]:
    """(family, strength, min_confidence) from (criterion, family, strength, min_confidence) rows.

    The family and strength of the best criterion, with the largest min_confidence whose criterion is within
    ``tolerance`` of that setting's best; on equal criteria the earlier row wins.
    """
    best_criterion, family, strength, _ = max(results, key=lambda row: row[0])
    near = [row for row in results if row[1:3] == (family, strength) and row[0] >= best_criterion - tolerance]
    return family, strength, max(row[3] for row in near)


def main() -> None:
    sentences = read_labels(config.TRAINING_SENTENCES)
    features = [feature_values(text) for text in sentences["text"]]
    evidence = [cue_evidence(text) for text in sentences["text"]]
    articles = sentences["source"].str.startswith(ARTICLE_SOURCES)
    folds = source_folds(features, list(sentences["source"]), min_count=MIN_COUNT)
    hyperparameters: dict[str, dict[str, object]] = {}
    cross_validated: dict[str, dict[str, float]] = {}
    models: dict[str, dict[str, object]] = {}
    document: dict[str, object] = {
        "source": "A linear model per target (multinomial naive Bayes, logistic regression, or the geometric blend "
        "of the two) over h20lib.measures.stance.featurize features, fit by h20lib.train.stance (scikit-learn); "
        "used where the explicit cues do not decide.",
        "trained_on": f"{config.TRAINING_SENTENCES.name}: {len(sentences)} sentences from {sentences['source'].nunique()} sources "
        f"({int(articles.sum())} in whole articles)",
        "hyperparameters": hyperparameters,
        "cross_validated_macro_f1": cross_validated,
        "targets": models,
    }
    for target in TARGETS:
        gold = sentences[f"stance_{target}"]
        by_cues = pd.Series([cue_label(cue_score(e, target=target)) for e in evidence])
        results, scores = [], {}
        for family, strength in SETTINGS:
            probabilities = cross_validated_probabilities(folds, list(gold), family=family, strength=strength)
            for min_confidence in MIN_CONFIDENCES:
                predicted = pd.Series(
                    [
                        cue if cue != "none" else model_label(p, min_confidence=min_confidence)
                        for cue, p in zip(by_cues, probabilities)
                    ]
                )
                criterion, overall, in_articles = _criterion(gold, predicted, articles)
                print(
                    f"{target:<8} {family:<11} {strength:<4} min_confidence={min_confidence:<4} "
                    f"macro-F1 all {overall:.3f}, articles {in_articles:.3f}"
                )
                results.append((criterion, family, strength, min_confidence))
                scores[family, strength, min_confidence] = (overall, in_articles)
        family, strength, min_confidence = choose_setting(results)
        overall, in_articles = scores[family, strength, min_confidence]
        columns = vocabulary(features, min_count=MIN_COUNT)
        fitted = fit_family(matrix(features, columns), list(gold), family=family, strength=strength)
        exported = export(fitted, columns, labels=LABELS, prune_below=PRUNE_BELOW)
        models[target] = {**exported, "min_confidence": min_confidence}
        hyperparameters[target] = {
            "family": family,
            "strength": strength,
            "min_count": MIN_COUNT,
            "min_confidence": min_confidence,
            "prune_below": PRUNE_BELOW,
            "seed": SEED,
        }
        cross_validated[target] = {"all": round(overall, 4), "articles": round(in_articles, 4)}
        print(
            f"{target}: chosen {family} {strength}, min_confidence {min_confidence}; "
            f"{len(exported['weights'])} features; leave-one-source-out macro-F1 "
            f"{overall:.3f} (all), {in_articles:.3f} (articles)"
        )
    path = config.MODELS_DIR / MODEL_FILE
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"-> {path}")


if __name__ == "__main__":
    main()
