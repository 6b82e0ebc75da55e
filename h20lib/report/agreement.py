"""Agreement of labels with labels: precision, recall and F1, stance macro-F1, frame micro-F1, Cohen's kappa.

Used by ``h20lib validate`` (a method against hand labels, two annotators against each other) and by the
trainers (cross-validated predictions against training labels).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from h20lib.measures.frames import frame_names
from h20lib.measures.stance import LABELS
from h20lib.report.stats import bootstrap_ci

STANCE_CLASSES = ("favor", "against")  # macro-F1 is averaged over these two, as is usual for stance


def prf(gold: pd.Series | np.ndarray, predicted: pd.Series | np.ndarray, label: str | bool) -> dict[str, float]:
    """Precision, recall and F1 of ``label`` (0 where undefined), with the gold count as support."""
    tp = int(((gold == label) & (predicted == label)).sum())
    fp = int(((gold != label) & (predicted == label)).sum())
    fn = int(((gold == label) & (predicted != label)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}


def stance_metrics(gold: pd.Series, predicted: pd.Series) -> dict:
    per_class = {label: prf(gold, predicted, label) for label in STANCE_CLASSES}
    return {
        "macro_f1": sum(m["f1"] for m in per_class.values()) / len(per_class),
        "per_class": per_class,
        "confusion": pd.crosstab(
            pd.Categorical(gold, categories=LABELS),
            pd.Categorical(predicted, categories=LABELS),
            rownames=["gold"],
            colnames=["predicted"],
            dropna=False,
        ),
    }


def macro_f1_interval(gold: pd.Series, predicted: pd.Series, *, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the stance macro-F1, resampling sentences (stats.bootstrap_ci)."""
    gold_array, predicted_array = gold.to_numpy(), predicted.to_numpy()

    def macro_f1(rows: np.ndarray) -> float:
        rows = rows.astype(int)
        return float(np.mean([prf(gold_array[rows], predicted_array[rows], label)["f1"] for label in STANCE_CLASSES]))

    _, low, high = bootstrap_ci(np.arange(len(gold_array)), stat=macro_f1, level=level)
    return low, high


def frame_sets(values) -> list[set[str]]:
    return [set(v) if isinstance(v, tuple) else set(filter(None, str(v).split(";"))) for v in values]


def frame_metrics(gold: list[set[str]], predicted: list[set[str]]) -> dict:
    """Micro precision, recall and F1 over (sentence, frame) pairs, and F1 per frame."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    fp = sum(len(p - g) for g, p in zip(gold, predicted))
    fn = sum(len(g - p) for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    per_frame = {}
    for frame in frame_names():
        g = pd.Series(["y" if frame in s else "n" for s in gold])
        p = pd.Series(["y" if frame in s else "n" for s in predicted])
        per_frame[frame] = prf(g, p, "y")
    return {
        "micro_precision": precision,
        "micro_recall": recall,
        "micro_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "per_frame": per_frame,
    }


def cohen_kappa(first: pd.Series, second: pd.Series) -> float:
    """Agreement of two annotators beyond chance (Cohen 1960)."""
    observed = float((first.to_numpy() == second.to_numpy()).mean())
    labels = set(first) | set(second)
    expected = sum((first == label).mean() * (second == label).mean() for label in labels)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0
