"""Train the frame models and write h20lib/data/models/frames_model.json and the cross-validated frames of the real
articles (config.REAL_FRAMES_CROSS_VALIDATED).

Run ``python -m h20lib.train.frames``. Needs scikit-learn (dev extra). One logistic regression per frame (invoked or
absent) over h20lib.measures.frames.featurize features, fit, as in h20lib.train.stance, on the headline and body units
of the hand-labelled real articles and on the written training sentences (each weighing WRITTEN_WEIGHT of a real
unit). Every real unit is labelled by models fit without its document (10-fold document cross-validation), and per
frame the rule (cue matches invoke the frame and the model adds frames, or the model decides alone) and
``min_probability`` are those with the best cross-validated F1 on the real units (a little optimistic: two settings
are picked on the same predictions). The shipped models are then fit on all units and sentences of the development
pages; the read and check pages (manifest split) are only labelled by them, so they stay text the models never met. The seed
sentences and labels/gold/written_sentences.csv are never used here: they test the result.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from scipy.sparse import vstack

from h20lib import config
from h20lib.measures.frames import LABELS, MODEL_FILE, RULES, cue_matches, feature_values, frame_names, is_invoked
from h20lib.parse.readers import read_labels
from h20lib.report.agreement import frame_metrics, frame_sets, prf
from h20lib.report.gold import real_units
from h20lib.train.common import SEED, export, fit, matrix, vocabulary
from h20lib.train.real import FOLDS, WRITTEN_WEIGHT, development_and_held_out, document_folds, in_unit_order

STRENGTH = 1.0  # C of the logistic regressions (0.3 and 1 compared for stance; 1 chosen for both targets)
MIN_PROBABILITIES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
MIN_COUNT = 2
PRUNE_BELOW = 0.001


def _f1(gold: list[bool], predicted: list[bool]) -> float:
    return prf(pd.Series(gold), pd.Series(predicted), True)["f1"]


def main() -> None:
    units = real_units()
    real, held_out = development_and_held_out(units)
    written = read_labels(config.TRAINING_SENTENCES)
    real_features = [feature_values(text) for text in real["text"]]
    written_features = [feature_values(text) for text in written["text"]]
    columns = vocabulary(real_features + written_features, min_count=MIN_COUNT)
    real_x, written_x = matrix(real_features, columns), matrix(written_features, columns)
    all_x = vstack([real_x, written_x]).tocsr()
    held_out_x = matrix([feature_values(text) for text in held_out["text"]], columns)
    held_out_cues = [set(cue_matches(text)) for text in held_out["text"]]
    held_out_chosen: list[set[str]] = [set() for _ in range(len(held_out))]
    held_out_labelled = held_out[["unit_id", "doc_id", "source_group"]].copy()
    real_sets, written_sets = frame_sets(real["frames"]), frame_sets(written["frames"])
    cues = [set(cue_matches(text)) for text in real["text"]]
    folds = document_folds(real["doc_id"])
    weights = np.concatenate([np.ones(len(real)), np.full(len(written), WRITTEN_WEIGHT)])
    chosen: list[set[str]] = [set() for _ in range(len(real))]
    cross_validated = real[["unit_id", "doc_id", "source_group"]].copy()
    models: dict[str, dict[str, object]] = {}
    hyperparameters: dict[str, dict[str, object]] = {}
    scores: dict[str, dict[str, float]] = {}
    for frame in frame_names():
        gold = np.array([frame in s for s in real_sets])
        written_gold = np.array([frame in s for s in written_sets])
        labels = np.where(np.concatenate([gold, written_gold]), LABELS[0], LABELS[1])
        has_cue = [frame in c for c in cues]
        probability = np.zeros(len(real))
        for train_rows, test_rows in folds:
            rows = np.concatenate([train_rows, len(real) + np.arange(len(written))])
            fitted = fit(all_x[rows], list(labels[rows]), c=STRENGTH, class_weight=None, sample_weight=weights[rows])
            probability[test_rows] = fitted.predict_proba(real_x[test_rows])[:, list(fitted.classes_).index(LABELS[0])]
        best: tuple[float, str, float] | None = None
        for rule in RULES:
            for min_probability in MIN_PROBABILITIES:
                predicted = [
                    is_invoked(has_cue=c, probability=p, rule=rule, min_probability=min_probability)
                    for c, p in zip(has_cue, probability)
                ]
                f1 = _f1(list(gold), predicted)
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, rule, min_probability)
        assert best is not None  # RULES and MIN_PROBABILITIES are not empty
        f1, rule, min_probability = best
        invoked = [
            is_invoked(has_cue=c, probability=p, rule=rule, min_probability=min_probability)
            for c, p in zip(has_cue, probability)
        ]
        for row in np.flatnonzero(invoked):
            chosen[row].add(frame)
        cross_validated[f"{frame}_probability"] = probability.round(4)
        fitted = fit(all_x, list(labels), c=STRENGTH, class_weight=None, sample_weight=weights)
        held_out_probability = fitted.predict_proba(held_out_x)[:, list(fitted.classes_).index(LABELS[0])]
        held_out_labelled[f"{frame}_probability"] = held_out_probability.round(4)
        for held_out_row, (c, p) in enumerate(zip(held_out_cues, held_out_probability)):
            if is_invoked(has_cue=frame in c, probability=p, rule=rule, min_probability=min_probability):
                held_out_chosen[held_out_row].add(frame)
        models[frame] = {
            **export(fitted, columns, labels=LABELS, prune_below=PRUNE_BELOW),
            "rule": rule,
            "min_probability": min_probability,
        }
        hyperparameters[frame] = {
            "family": "logistic",
            "strength": STRENGTH,
            "rule": rule,
            "min_probability": min_probability,
            "written_weight": WRITTEN_WEIGHT,
            "folds": FOLDS,
            "min_count": MIN_COUNT,
            "prune_below": PRUNE_BELOW,
            "seed": SEED,
        }
        scores[frame] = {"f1": round(f1, 4), "cues_only": round(_f1(list(gold), has_cue), 4)}
        print(
            f"{frame:<16} chosen {rule}, min_probability {min_probability}; real cross-validated F1 {f1:.3f}; cues alone {scores[frame]['cues_only']:.3f}"
        )
    cross_validated["frames"] = [";".join(f for f in frame_names() if f in s) for s in chosen]
    held_out_labelled["frames"] = [";".join(f for f in frame_names() if f in s) for s in held_out_chosen]
    micro = frame_metrics(real_sets, chosen)["micro_f1"]
    print(f"real cross-validated micro-F1 {micro:.3f}")
    document = {
        "source": "One logistic regression per frame over h20lib.measures.frames.featurize features, fit by "
        "h20lib.train.frames (scikit-learn).",
        "trained_on": f"{config.GOLD_REAL_SENTENCES.name}: {len(real)} headline and body units of "
        f"{real['doc_id'].nunique()} real articles; {config.TRAINING_SENTENCES.name}: {len(written)} written "
        f"sentences, each weighing {WRITTEN_WEIGHT}",
        "hyperparameters": hyperparameters,
        "cross_validated_real": {"micro_f1": round(micro, 4), "frames": scores},
        "frames": models,
    }
    path = config.MODELS_DIR / MODEL_FILE
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    config.VALIDATION_DIR.mkdir(exist_ok=True)
    in_unit_order([cross_validated, held_out_labelled], units).to_csv(
        config.REAL_FRAMES_CROSS_VALIDATED, index=False, lineterminator="\n"
    )
    print(f"-> {path}, {config.REAL_FRAMES_CROSS_VALIDATED}")


if __name__ == "__main__":
    main()
