"""Train the learned chrome step (h20lib.parse.chrome) and write h20lib/data/models/chrome_model.json and the
cross-validated decisions on the real pages (config.REAL_CHROME_CROSS_VALIDATED).

Run ``python -m h20lib.train.chrome``. Needs scikit-learn (dev extra). The examples are the lines of the real pages
(corpora/real) that the structure rules keep as text or read as headlines (the page's own headline excepted), each
labelled chrome when most of its hand-labelled units (labels/gold/real_sentences.csv) are boilerplate, captions,
metadata or comments, and weighing as many units as it holds. Folds hold out whole outlets (10-fold outlet
cross-validation), so a site's own furniture never teaches the model about that site: every line is judged by a
model fit on other outlets' pages. The regularisation C and
``min_probability`` are those that, on these cross-validated probabilities, take the largest share of chrome units
out while taking out at most MAX_TEXT_LOSS of the body and headline units. The shipped model is then fit on all lines.

Choosing the setting on the same cross-validated probabilities that measure it flatters it, so the decisions written
for ``h20lib validate`` are nested: for each held-out fold of outlets, the setting is chosen by cross-validation
within the other outlets alone, fit on them, and applied to the held-out lines. Only the development pages are fit
on; the lines of the check pages (the latest batches) are judged by the shipped model alone.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from h20lib import config
from h20lib.parse.chrome import MODEL_FILE, page_line_features
from h20lib.parse.readers import read_labels
from h20lib.parse.structure import classified_lines
from h20lib.report.gold import CHROME_KINDS, real_manifest
from h20lib.train.common import SEED, fit, matrix, vocabulary
from h20lib.train.real import document_folds

STRENGTHS = (0.3, 1.0, 3.0, 10.0)
MIN_PROBABILITIES = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
MAX_TEXT_LOSS = 0.01  # body sentences kept has a target of 0.97 and the rules alone keep 0.995
FOLDS = 10
MIN_COUNT = 2
PRUNE_BELOW = 0.001
DECIMALS = 4


def kept_lines() -> tuple[pd.DataFrame, list[dict[str, float]], pd.DataFrame]:
    """The lines the rules keep as text, with their units' counts, the features of each, and each page's outlet and
    numbers of chrome and body units (those on lines the rules take out included)."""
    gold = read_labels(config.GOLD_REAL_SENTENCES)
    gold["char_start"], gold["char_end"] = gold["char_start"].astype(int), gold["char_end"].astype(int)
    rows, features, pages = [], [], []
    for entry in real_manifest():
        text = (config.REAL_CORPUS_DIR / entry["file"]).read_text(encoding="utf-8")
        lines = classified_lines(text, learned=False)
        page_features = page_line_features(
            [text[start:end] for start, end, _, _ in lines], titles=[kind == "headline" for _, _, kind, _ in lines]
        )
        units = gold[gold["doc_id"] == entry["doc_id"]]
        pages.append(
            {
                "doc_id": entry["doc_id"],
                "outlet": entry["outlet"],
                "split": entry["split"],
                "chrome": int(units["kind"].isin(CHROME_KINDS).sum()),
                "body": int((units["kind"] == "body").sum()),
                "headline": int((units["kind"] == "headline").sum()),
            }
        )
        for index, (start, end, _, examined) in enumerate(lines):
            inside = units[(units["char_start"] >= start) & (units["char_end"] <= end)]
            if not examined or inside.empty:
                continue
            chrome = int(inside["kind"].isin(CHROME_KINDS).sum())
            body = int((inside["kind"] == "body").sum())
            headline = int((inside["kind"] == "headline").sum())
            rows.append(
                {
                    "doc_id": entry["doc_id"],
                    "outlet": entry["outlet"],
                    "split": entry["split"],
                    "line_start": start,
                    "line_end": end,
                    "chrome": 2 * chrome >= len(inside),
                    "n_units": len(inside),
                    "n_chrome_units": chrome,
                    "n_body_units": body,
                    "n_headline_units": headline,
                }
            )
            features.append(page_features[index])
    return pd.DataFrame(rows), features, pd.DataFrame(pages)


def taken_out_shares(lines: pd.DataFrame, taken_out: np.ndarray, totals: dict[str, int]) -> tuple[float, float, float]:
    """(share of all chrome units, of all body units, of all headline units) on the lines the step takes out."""
    return (
        float((lines["n_chrome_units"] * taken_out).sum() / totals["chrome"]),
        float((lines["n_body_units"] * taken_out).sum() / totals["body"]),
        float((lines["n_headline_units"] * taken_out).sum() / max(totals["headline"], 1)),
    )


def _unit_totals(pages: pd.DataFrame) -> dict[str, int]:
    """The chrome, body and headline units of ``pages`` (those on lines the rules take out included)."""
    return {kind: int(pages[kind].sum()) for kind in ("chrome", "body", "headline")}


def _cross_validated(x, labels: list[bool], weights: np.ndarray, folds, strength: float) -> np.ndarray:
    """Each line's P(chrome) from a model fit without its fold."""
    probability = np.zeros(x.shape[0])
    for train, held_out in folds:
        fitted = fit(x[train], [labels[i] for i in train], c=strength, class_weight=None, sample_weight=weights[train])
        probability[held_out] = fitted.predict_proba(x[held_out])[:, list(fitted.classes_).index(True)]
    return probability


def choose_setting(
    lines: pd.DataFrame, probabilities: dict[float, np.ndarray], totals: dict[str, int], *, report: bool = False
) -> tuple[float, float, float]:
    """(chrome units out, C, min_probability): the setting that takes out the most chrome units while taking out
    at most MAX_TEXT_LOSS of the article's text units (body and headline)."""
    best: tuple[float, float, float] | None = None
    for strength, probability in probabilities.items():
        for min_probability in MIN_PROBABILITIES:
            chrome, body, headline = taken_out_shares(lines, probability >= min_probability, totals)
            text = (body * totals["body"] + headline * totals["headline"]) / (totals["body"] + totals["headline"])
            if report:
                print(
                    f"C={strength:<4} min_probability={min_probability:<4} chrome units out {chrome:.4f}, "
                    f"body units out {body:.4f}, headline units out {headline:.4f}"
                )
            if text <= MAX_TEXT_LOSS and (best is None or chrome > best[0] + 1e-9):
                best = (chrome, strength, min_probability)
    if best is None:
        raise SystemExit(f"no setting takes out at most {MAX_TEXT_LOSS} of the text units")
    return best


def nested_decisions(x, lines: pd.DataFrame, pages: pd.DataFrame) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Whether the step takes each line out, with the setting chosen and the model fit without the line's outlets
    (nested outlet cross-validation), and the setting each held-out fold got."""
    labels = list(lines["chrome"])
    weights = lines["n_units"].to_numpy(float)
    outlets = lines["outlet"].to_numpy()
    taken_out = np.zeros(len(lines), dtype=bool)
    settings = []
    for train, held_out in document_folds(outlets, folds=FOLDS):
        inner_lines = lines.iloc[train]
        inner_pages = pages[pages["outlet"].isin(set(outlets[train]))]
        inner_totals = _unit_totals(inner_pages)
        inner_folds = document_folds(outlets[train], folds=FOLDS - 1)
        inner_labels = [labels[i] for i in train]
        probabilities = {
            strength: _cross_validated(x[train], inner_labels, weights[train], inner_folds, strength)
            for strength in STRENGTHS
        }
        _, strength, min_probability = choose_setting(inner_lines, probabilities, inner_totals)
        fitted = fit(x[train], inner_labels, c=strength, class_weight=None, sample_weight=weights[train])
        probability = fitted.predict_proba(x[held_out])[:, list(fitted.classes_).index(True)]
        taken_out[held_out] = probability >= min_probability
        settings.append((strength, min_probability))
    return taken_out, settings


def _export(fitted, columns: dict[str, int]) -> dict:
    coef = fitted.coef_[0] if fitted.classes_[1] else -fitted.coef_[0]
    weights = {
        name: round(float(coef[i]), DECIMALS) for name, i in sorted(columns.items()) if abs(coef[i]) >= PRUNE_BELOW
    }
    return {"intercept": round(float(fitted.intercept_[0]), DECIMALS), "weights": weights}


def main() -> None:
    all_lines, all_features, all_pages = kept_lines()
    development = (all_lines["split"] == "development").to_numpy()
    lines = all_lines[development].reset_index(drop=True)
    check_lines = all_lines[~development].reset_index(drop=True)
    pages = all_pages[all_pages["split"] == "development"]
    features = [f for f, keep in zip(all_features, development) if keep]
    columns = vocabulary(features, min_count=MIN_COUNT)
    x = matrix(features, columns)
    check_x = matrix([f for f, keep in zip(all_features, development) if not keep], columns)
    labels = list(lines["chrome"])
    weights = lines["n_units"].to_numpy(float)
    totals = _unit_totals(pages)
    folds = document_folds(lines["outlet"], folds=FOLDS)
    probabilities = {strength: _cross_validated(x, labels, weights, folds, strength) for strength in STRENGTHS}
    value, strength, min_probability = choose_setting(lines, probabilities, totals, report=True)
    taken_out, settings = nested_decisions(x, lines, pages)
    nested_chrome, nested_body, nested_headline = taken_out_shares(lines, taken_out, totals)
    fitted = fit(x, labels, c=strength, class_weight=None, sample_weight=weights)
    check_probability = (
        fitted.predict_proba(check_x)[:, list(fitted.classes_).index(True)] if len(check_lines) else np.zeros(0)
    )
    document = {
        "source": "A logistic regression over h20lib.parse.chrome.page_line_features, fit by h20lib.train.chrome "
        "(scikit-learn), on the lines the structure rules keep as text or read as headlines.",
        "trained_on": f"{len(lines)} lines of {lines['doc_id'].nunique()} real pages ({config.REAL_CORPUS_DIR.name}), "
        f"labelled from {config.GOLD_REAL_SENTENCES.name}",
        "hyperparameters": {
            "family": "logistic",
            "strength": strength,
            "class_weight": None,
            "min_probability": min_probability,
            "folds": f"{FOLDS}-fold by outlet",
            "min_count": MIN_COUNT,
            "prune_below": PRUNE_BELOW,
            "seed": SEED,
        },
        "cross_validated_chrome_units_out": round(value, 4),
        "nested_cross_validated_chrome_units_out": round(nested_chrome, 4),
        "nested_cross_validated_body_units_out": round(nested_body, 4),
        "nested_cross_validated_headline_units_out": round(nested_headline, 4),
        "min_probability": min_probability,
        **_export(fitted, columns),
    }
    path = config.MODELS_DIR / MODEL_FILE
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    config.VALIDATION_DIR.mkdir(exist_ok=True)
    table = pd.concat(
        [
            lines[["doc_id", "line_start", "line_end"]].assign(
                probability=probabilities[strength].round(4), taken_out=taken_out
            ),
            check_lines[["doc_id", "line_start", "line_end"]].assign(
                probability=check_probability.round(4), taken_out=check_probability >= min_probability
            ),
        ]
    )
    table.to_csv(config.REAL_CHROME_CROSS_VALIDATED, index=False, lineterminator="\n")
    print(f"chosen C={strength}, min_probability={min_probability}: chrome units out {value:.4f}; -> {path}")
    print(f"settings chosen within each outer fold: {settings}")
    print(
        f"nested cross-validation: chrome units out {nested_chrome:.4f}, body units out {nested_body:.4f}, "
        f"headline units out {nested_headline:.4f}"
    )


if __name__ == "__main__":
    main()
