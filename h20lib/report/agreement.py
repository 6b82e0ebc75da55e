"""Agreement of labels with labels: precision, recall and F1, stance macro-F1, frame micro-F1, Cohen's kappa.

Used by ``h20lib validate`` (a method against hand labels, two annotators against each other) and by the
trainers (cross-validated predictions against training labels).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from h20lib.measures.frames import frame_names
from h20lib.measures.stance import LABELS
from h20lib.report.stats import bootstrap_ci

STANCE_CLASSES = ("favor", "against")  # macro-F1 is averaged over these two, as is usual for stance


# Words a naive reader might search for to find each frame: the baseline for frame detection.
FRAME_KEYWORDS = {
    "economic": "econom",
    "security": "security",
    "trade_deal": "trade",
    "tech_competition": "technolog",
    "political": "politic",
    "regulation": "regulat",
    "diplomacy": "diplomat",
    "sovereignty": "sovereign",
}


def polarity_sign(polarity: float) -> str:
    """The naive stance baseline: read TextBlob polarity's sign as stance."""
    return "favor" if polarity > 0 else "against" if polarity < 0 else "none"


def keyword_frames(text: str) -> set[str]:
    """The naive frames baseline: the frames whose own name (FRAME_KEYWORDS) appears in the text."""
    lowered = text.lower()
    return {frame for frame, stem in FRAME_KEYWORDS.items() if stem in lowered}


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


def _f1_from_counts(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    denominator = 2 * tp + fp + fn
    return np.divide(2 * tp, denominator, out=np.zeros_like(denominator, dtype=float), where=denominator > 0)


def _stance_counts(gold: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    """Per unit, the true positive, false positive and false negative of each stance class (0 or 1 each)."""
    columns = {}
    for label in STANCE_CLASSES:
        is_gold, is_predicted = gold == label, predicted == label
        columns[f"tp_{label}"] = (is_gold & is_predicted).astype(int)
        columns[f"fp_{label}"] = (~is_gold & is_predicted).astype(int)
        columns[f"fn_{label}"] = (is_gold & ~is_predicted).astype(int)
    return pd.DataFrame(columns)


def _stance_macro_f1(counts: np.ndarray) -> np.ndarray:
    """Macro-F1 of rows of summed (tp, fp, fn) per stance class, in _stance_counts' column order."""
    per_class = [_f1_from_counts(counts[:, 3 * k], counts[:, 3 * k + 1], counts[:, 3 * k + 2]) for k in range(2)]
    return np.mean(per_class, axis=0)


def _frame_counts(gold: list[set[str]], predicted: list[set[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tp": [len(g & p) for g, p in zip(gold, predicted)],
            "fp": [len(p - g) for g, p in zip(gold, predicted)],
            "fn": [len(g - p) for g, p in zip(gold, predicted)],
        }
    )


def _frame_micro_f1(counts: np.ndarray) -> np.ndarray:
    return _f1_from_counts(counts[:, 0], counts[:, 1], counts[:, 2])


def _document_interval(
    counts: pd.DataFrame,
    documents: pd.Series,
    statistic: Callable[[np.ndarray], np.ndarray],
    *,
    n_resamples: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float, float]:
    """(statistic, low, high): an F1 computed from counts summed over units, with a percentile bootstrap interval
    that resamples documents, so the units of one article move together."""
    by_document = counts.groupby(documents.to_numpy()).sum().to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(by_document), size=(n_resamples, len(by_document)))
    values = statistic(by_document[draws].sum(axis=1))
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(statistic(by_document.sum(axis=0, keepdims=True))[0]), float(low), float(high)


def stance_f1_by_document(gold: pd.Series, predicted: pd.Series, documents: pd.Series) -> tuple[float, float, float]:
    """Stance macro-F1 with its 95% interval resampling documents."""
    counts = _stance_counts(gold.reset_index(drop=True), predicted.reset_index(drop=True))
    return _document_interval(counts, documents.reset_index(drop=True), _stance_macro_f1)


def frames_f1_by_document(
    gold: list[set[str]], predicted: list[set[str]], documents: pd.Series
) -> tuple[float, float, float]:
    """Frame micro-F1 with its 95% interval resampling documents."""
    return _document_interval(_frame_counts(gold, predicted), documents.reset_index(drop=True), _frame_micro_f1)


def brier_score(probabilities: np.ndarray, outcomes: np.ndarray) -> float:
    """Mean squared gap between a predicted probability and what happened (1 or 0)."""
    return float(np.mean((np.asarray(probabilities, float) - np.asarray(outcomes, float)) ** 2))


def reliability_table(probabilities: np.ndarray, outcomes: np.ndarray, *, bins: int = 10) -> pd.DataFrame:
    """Per probability bin of equal width: n, mean predicted probability and observed share."""
    probabilities, outcomes = np.asarray(probabilities, float), np.asarray(outcomes, float)
    index = np.clip((probabilities * bins).astype(int), 0, bins - 1)
    rows = [
        {
            "bin_low": k / bins,
            "bin_high": (k + 1) / bins,
            "n": int((index == k).sum()),
            "mean_predicted": float(probabilities[index == k].mean()) if (index == k).any() else np.nan,
            "observed": float(outcomes[index == k].mean()) if (index == k).any() else np.nan,
        }
        for k in range(bins)
    ]
    return pd.DataFrame(rows)


def expected_calibration_error(probabilities: np.ndarray, outcomes: np.ndarray, *, bins: int = 10) -> float:
    """The n-weighted mean gap between mean predicted probability and observed share over equal-width bins."""
    table = reliability_table(probabilities, outcomes, bins=bins)
    filled = table[table["n"] > 0]
    return float((filled["n"] * (filled["mean_predicted"] - filled["observed"]).abs()).sum() / filled["n"].sum())
