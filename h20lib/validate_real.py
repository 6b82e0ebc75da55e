"""How the parser and the speakers hold on real published articles: the development corpus ``corpora/real`` against
the blind hand labels ``labels/gold/real_sentences.csv`` (and a second annotator on a quarter of the pages).

Each hand-labelled unit (one sentence of one line of the stored page) is matched to the parsed sentence that covers
most of it, so the comparison does not depend on the parser splitting text the way the annotators' units did. Every
share comes with a 95% interval that resamples documents, and is reported per source group and per split
(``development``: pages read while the rules were written, which the learned models are fit on; ``read``: pages read
in the same way that the models are not fit on; ``check``: pages not read until the rules were fixed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from h20lib import config
from h20lib.errors import InputError
from h20lib.measures.frames import frame_names
from h20lib.measures.scoring import ANALYSED_KINDS, score
from h20lib.measures.sentiment import score_sentiment
from h20lib.measures.stance import TARGETS as STANCE_TARGETS
from h20lib.parse.corpus import load_corpus
from h20lib.parse.readers import read_labels
from h20lib.parse.structure import parse_structure
from h20lib.report.agreement import (
    brier_score,
    cohen_kappa,
    expected_calibration_error,
    frame_metrics,
    frame_sets,
    frames_f1_by_document,
    keyword_frames,
    polarity_sign,
    stance_f1_by_document,
    stance_metrics,
)
from h20lib.report.gold import CHROME_KINDS, covering_positions, real_manifest, real_units, same_actor
from h20lib.report.stats import document_share_ci

# development: read while the rules were written, and fit by the models; read: read too, not fit; check: never read
SPLITS = ("development", "read", "check")
TARGETS = {"chrome_out": 0.90, "body_kept": 0.97, "named_speaker": 0.85, "own_voice": 0.90}
LABEL_TARGETS = {"stance": 0.80, "frames": 0.75, "group_gap": 0.10, "ece_any": 0.05}


def real_comparison() -> pd.DataFrame:
    """The gold units of the real corpus with the parsed ``kind``, ``speaker`` and first actor of the sentence covering
    most of each, the kind with the learned chrome step cross-validated (``pred_kind_cv``), and the page's
    ``source_group`` and ``split``."""
    corpus = load_corpus(config.REAL_CORPUS_DIR)
    scored = score(corpus)
    gold = read_labels(config.GOLD_REAL_SENTENCES)
    manifest = {entry["doc_id"]: entry for entry in real_manifest()}
    predicted = [_covering(scored[scored["doc_id"] == doc_id], units) for doc_id, units in gold.groupby("doc_id")]
    joined = gold.join(pd.concat(predicted))
    joined["pred_kind_cv"] = _cross_validated_kinds(corpus.documents.set_index("doc_id")["text"], gold)
    joined["source_group"] = joined["doc_id"].map(lambda d: manifest[d]["source_group"])
    joined["split"] = joined["doc_id"].map(lambda d: manifest[d]["split"])
    return joined


def _cross_validated_kinds(texts: pd.Series, gold: pd.DataFrame) -> pd.Series:
    """Each unit's kind from the structure rules alone, then made boilerplate where the learned chrome step, with its
    setting chosen and its model fit without the page's outlet (nested cross-validation,
    config.REAL_CHROME_CROSS_VALIDATED), takes its line out."""
    path = config.REAL_CHROME_CROSS_VALIDATED
    try:
        lines = pd.read_csv(path, dtype={"doc_id": str})
    except FileNotFoundError:
        raise InputError(
            path, "cross-validated chrome decisions not found; run python -m h20lib.train.chrome"
        ) from None
    if "taken_out" not in lines:
        raise InputError(path, "no nested cross-validated decisions (taken_out); run python -m h20lib.train.chrome")
    taken_out = lines[lines["taken_out"]]
    kinds = pd.Series("", index=gold.index)
    for doc_id, units in gold.groupby("doc_id"):
        parts = parse_structure(texts[doc_id], learned=False)
        starts, ends = np.array([part.start for part in parts]), np.array([part.end for part in parts])
        removed = taken_out[taken_out["doc_id"] == doc_id]
        for index, start, end in zip(units.index, units["char_start"].astype(int), units["char_end"].astype(int)):
            if ((removed["line_start"] <= start) & (removed["line_end"] >= end)).any():
                kinds[index] = "boilerplate"
                continue
            overlap = np.minimum(ends, end) - np.maximum(starts, start)
            kinds[index] = parts[int(overlap.argmax())].kind if len(parts) and overlap.max() > 0 else ""
    return kinds


def _covering(sentences: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """For each unit, the parsed kind, speaker and first actor of the sentence that overlaps it most."""
    rows = []
    for position in covering_positions(sentences, units):
        if position < 0:
            rows.append({"pred_kind": "", "pred_speaker": "", "pred_first_actor": ""})
            continue
        best = sentences.iloc[position]
        rows.append(
            {
                "pred_kind": best["kind"],
                "pred_speaker": best["speaker"],
                "pred_first_actor": best["actors"][0] if len(best["actors"]) else "",
            }
        )
    return pd.DataFrame(rows, index=units.index)


def _share(hits: pd.Series, documents: pd.Series) -> dict:
    by_document = (
        pd.DataFrame({"hit": hits.astype(float), "doc": documents}).groupby("doc")["hit"].agg(["sum", "count"])
    )
    share, low, high = document_share_ci(by_document["sum"], by_document["count"])
    return {"share": share, "low": low, "high": high, "n": int(by_document["count"].sum()), "docs": len(by_document)}


def measures(joined: pd.DataFrame) -> dict[str, dict]:
    """The four shares the targets are set on, each for the method and for its naive baseline."""
    chrome = joined[joined["kind"].isin(CHROME_KINDS)]
    body = joined[joined["kind"] == "body"]
    named = body[body["speaker"] != ""]
    own = body[body["speaker"] == ""]
    # the learned chrome step was fit on these pages: its cross-validated decisions give the honest figure
    analysed = joined["pred_kind_cv" if "pred_kind_cv" in joined else "pred_kind"].isin(ANALYSED_KINDS)
    return {
        "chrome_out": {
            "method": _share(~analysed[chrome.index], chrome["doc_id"]),
            "baseline": _share(pd.Series(False, index=chrome.index), chrome["doc_id"]),
        },
        "body_kept": {
            "method": _share(analysed[body.index], body["doc_id"]),
            "baseline": _share(pd.Series(True, index=body.index), body["doc_id"]),
        },
        "named_speaker": {
            "method": _share(same_actor(named["pred_speaker"], named["speaker"]), named["doc_id"]),
            "baseline": _share(same_actor(named["pred_first_actor"], named["speaker"]), named["doc_id"]),
        },
        "own_voice": {
            "method": _share(own["pred_speaker"] == "", own["doc_id"]),
            "baseline": _share(own["pred_first_actor"] == "", own["doc_id"]),
        },
    }


BASELINES = {
    "chrome_out": "every line is article text",
    "body_kept": "every line is article text",
    "named_speaker": "the first actor the sentence names is its speaker",
    "own_voice": "the first actor the sentence names is its speaker",
}


def real_report() -> dict:
    """Shares for all pages, per source group and per split; kind agreement; agreement of the two annotators."""
    joined = real_comparison()
    samples = {"all pages": joined}
    samples.update(
        {group: joined[joined["source_group"] == group] for group in sorted(joined["source_group"].unique())}
    )
    samples.update({f"{split} split": joined[joined["split"] == split] for split in SPLITS})
    return {
        "samples": {name: measures(sample) for name, sample in samples.items()},
        "documents": {name: int(sample["doc_id"].nunique()) for name, sample in samples.items()},
        "kind_agreement": float((joined["pred_kind_cv"] == joined["kind"]).mean()),
        "kind_baseline": float((joined["kind"] == "body").mean()),
        "n_units": len(joined),
        "annotators": annotator_agreement(),
    }


def _two_passes() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first annotation pass's labels of the units the second pass labelled, and the second pass's, both indexed
    by unit_id in the second pass's order."""
    first = read_labels(config.GOLD_REAL_SENTENCES).set_index("unit_id")
    second = read_labels(config.GOLD_REAL_SECOND_PASS).set_index("unit_id")
    return first.loc[second.index], second


def annotator_agreement() -> dict:
    """The second annotation pass against the first, on the units both labelled."""
    both, second = _two_passes()
    chrome_first, chrome_second = both["kind"].isin(CHROME_KINDS), second["kind"].isin(CHROME_KINDS)
    body = (both["kind"] == "body") & (second["kind"] == "body")
    named = body & ((both["speaker"] != "") | (second["speaker"] != ""))
    return {
        "n_units": len(second),
        "n_documents": int(second["doc_id"].nunique()),
        "kind_kappa": cohen_kappa(both["kind"], second["kind"]),
        "chrome_agreement": float((chrome_first == chrome_second).mean()),
        "speaker_agreement_body": float((both.loc[body, "speaker"] == second.loc[body, "speaker"]).mean()),
        "speaker_agreement_named": float((both.loc[named, "speaker"] == second.loc[named, "speaker"]).mean()),
        "n_named": int(named.sum()),
        "own_voice_agreement": float(((both.loc[body, "speaker"] == "") == (second.loc[body, "speaker"] == "")).mean()),
    }


def format_real(report: dict) -> list[str]:
    """The real-corpus section of ``h20lib validate``."""
    labels = {
        "chrome_out": "page chrome kept out",
        "body_kept": "body sentences kept",
        "named_speaker": "named speaker right",
        "own_voice": "own voice left unattributed",
    }
    lines = [
        f"Real published articles ({report['documents']['all pages']} pages in corpora/real, {report['n_units']} hand-labelled "
        "units; shares with 95% intervals resampling documents; target in brackets; chrome and body with the learned "
        "chrome step cross-validated by outlet)",
        f"  kinds agree with the hand labels on {100 * report['kind_agreement']:.1f}% of units; "
        f"baseline 'every line is article text' {100 * report['kind_baseline']:.1f}%",
    ]
    for sample, result in report["samples"].items():
        lines.append(f"  {sample} ({report['documents'][sample]} pages)")
        for key, label in labels.items():
            method, baseline = result[key]["method"], result[key]["baseline"]
            lines.append(
                f"    {label:<28} {_pct(method['share'])} ({_pct(method['low'])} to {_pct(method['high'])}, n={method['n']})"
                f"  [{100 * TARGETS[key]:.0f}]  baseline '{BASELINES[key]}' {_pct(baseline['share'])}"
            )
    agreement = report["annotators"]
    lines.append(
        f"  two annotators on {agreement['n_units']} units of {agreement['n_documents']} pages: kinds Cohen's kappa "
        f"{agreement['kind_kappa']:.2f}, chrome or not agree {100 * agreement['chrome_agreement']:.1f}%, "
        f"same speaker on body units {100 * agreement['speaker_agreement_body']:.1f}% "
        f"(where either names one: {100 * agreement['speaker_agreement_named']:.1f}%, n={agreement['n_named']}), "
        f"own voice or not agree {100 * agreement['own_voice_agreement']:.1f}%"
    )
    return lines


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}%"


def _cross_validated(path, units: pd.DataFrame, trainer: str) -> pd.DataFrame:
    """The training script's cross-validated labels of ``units``, in their order; InputError when missing or stale."""
    try:
        table = pd.read_csv(path, dtype={"unit_id": str, "doc_id": str}, keep_default_na=False)
    except FileNotFoundError:
        raise InputError(path, f"cross-validated labels not found; run python -m {trainer}") from None
    if list(table["unit_id"]) != list(units["unit_id"]):
        raise InputError(path, f"its units differ from the hand labels of the real corpus; run python -m {trainer}")
    return table


def _sample_sizes(units: pd.DataFrame) -> dict:
    return {"n": len(units), "docs": int(units["doc_id"].nunique()), "outlets": int(units["outlet"].nunique())}


def _with_gap(by_group: dict[str, tuple[float, float, float]]) -> dict:
    values = [value for value, _, _ in by_group.values()]
    return {"by_group": by_group, "gap": max(values) - min(values)}


def real_labels_report() -> dict:
    """Stance and frames of the real units as labelled by models fit without their document (10-fold document
    cross-validation, written by h20lib.train.stance and h20lib.train.frames), beside the naive baselines, with
    95% intervals resampling documents, per source group, and the calibration of P(any stance)."""
    units = real_units()
    stance = _cross_validated(config.REAL_STANCE_CROSS_VALIDATED, units, "h20lib.train.stance")
    frames = _cross_validated(config.REAL_FRAMES_CROSS_VALIDATED, units, "h20lib.train.frames")
    polarity = pd.Series([polarity_sign(score_sentiment(text)["polarity"]) for text in units["text"]])
    groups = sorted(units["source_group"].unique())
    report: dict = {"sizes": {"all": _sample_sizes(units)}, "stance": {}, "frames": {}}
    for group in groups:
        report["sizes"][group] = _sample_sizes(units[units["source_group"] == group])
    for target in STANCE_TARGETS:
        gold, predicted = units[f"stance_{target}"], stance[f"{target}_label"]
        takes, p_any = (gold != "none").to_numpy(float), stance[f"{target}_any"].to_numpy(float)
        report["stance"][target] = {
            "method": stance_f1_by_document(gold, predicted, units["doc_id"]),
            "baseline": stance_f1_by_document(gold, polarity, units["doc_id"]),
            **_with_gap(
                {
                    group: stance_f1_by_document(
                        gold[units["source_group"] == group],
                        predicted[units["source_group"] == group],
                        units.loc[units["source_group"] == group, "doc_id"],
                    )
                    for group in groups
                }
            ),
            "brier_any": brier_score(p_any, takes),
            "brier_any_baseline": brier_score(np.full(len(takes), takes.mean()), takes),
            "ece_any": expected_calibration_error(p_any, takes),
        }
    gold_sets, predicted_sets = frame_sets(units["frames"]), frame_sets(frames["frames"])
    keyword_sets = [keyword_frames(text) for text in units["text"]]
    in_group = {group: np.flatnonzero(units["source_group"] == group) for group in groups}
    report["frames"] = {
        "method": frames_f1_by_document(gold_sets, predicted_sets, units["doc_id"]),
        "baseline": frames_f1_by_document(gold_sets, keyword_sets, units["doc_id"]),
        **_with_gap(
            {
                group: frames_f1_by_document(
                    [gold_sets[i] for i in rows], [predicted_sets[i] for i in rows], units["doc_id"].iloc[rows]
                )
                for group, rows in in_group.items()
            }
        ),
        "calibration": {
            frame: _calibration(
                frames[f"{frame}_probability"].to_numpy(float), np.array([frame in s for s in gold_sets], float)
            )
            for frame in frame_names()
        },
    }
    report["annotators"] = annotators_on_stance_and_frames()
    return report


def annotators_on_stance_and_frames() -> dict:
    """The second annotation pass against the first on the units both read as headline or body: stance macro-F1
    per target and frames micro-F1, the human agreement the method's figures stand beside."""
    both, second = _two_passes()
    analysed = both["kind"].isin(ANALYSED_KINDS) & second["kind"].isin(ANALYSED_KINDS)
    both, second = both[analysed], second[analysed]
    return {
        "n": int(analysed.sum()),
        "docs": int(second["doc_id"].nunique()),
        "stance": {
            target: stance_metrics(both[f"stance_{target}"], second[f"stance_{target}"])["macro_f1"]
            for target in STANCE_TARGETS
        },
        "frames": frame_metrics(frame_sets(both["frames"]), frame_sets(second["frames"]))["micro_f1"],
    }


def format_real_labels(report: dict) -> list[str]:
    """The real-corpus stance and frames section of ``h20lib validate``."""
    sizes = report["sizes"]
    lines = [
        f"Stance and frames on real published articles ({sizes['all']['n']} headline and body units, "
        f"{sizes['all']['docs']} pages, {sizes['all']['outlets']} outlets; each unit labelled by models fit without "
        "its page: 10-fold document cross-validation; 95% intervals resampling pages; target in brackets)",
        "  per group: "
        + "; ".join(
            f"{group} {size['n']} units, {size['docs']} pages, {size['outlets']} outlets"
            for group, size in sizes.items()
            if group != "all"
        ),
    ]
    for target, result in report["stance"].items():
        lines.append(
            f"  stance on {target:<8} macro-F1 {_interval(result['method'])} [{LABEL_TARGETS['stance']:.2f}]  "
            f"baseline 'sign of TextBlob polarity' {result['baseline'][0]:.2f}"
        )
        lines.append(
            "      by group: "
            + ", ".join(f"{group} {_interval(value)}" for group, value in result["by_group"].items())
            + f"; gap {result['gap']:.2f} [{LABEL_TARGETS['group_gap']:.2f}]"
        )
        lines.append(
            f"      P(any stance): Brier {result['brier_any']:.3f} (a constant base rate: "
            f"{result['brier_any_baseline']:.3f}), expected calibration error {result['ece_any']:.3f} "
            f"[{LABEL_TARGETS['ece_any']:.2f}]"
        )
    frames = report["frames"]
    lines.append(
        f"  frames micro-F1 {_interval(frames['method'])} [{LABEL_TARGETS['frames']:.2f}]  "
        f"baseline 'the frame's own name appears' {frames['baseline'][0]:.2f}"
    )
    lines.append(
        "      by group: "
        + ", ".join(f"{group} {_interval(value)}" for group, value in frames["by_group"].items())
        + f"; gap {frames['gap']:.2f} [{LABEL_TARGETS['group_gap']:.2f}]"
    )
    lines.append(
        "      P(frame) calibration error (Brier): "
        + ", ".join(
            f"{frame} {value['ece']:.3f} ({value['brier']:.3f})" for frame, value in frames["calibration"].items()
        )
    )
    annotators = report["annotators"]
    lines.append(
        f"  two annotators on {annotators['n']} headline and body units of {annotators['docs']} pages: stance macro-F1 "
        + ", ".join(f"{value:.2f} ({target})" for target, value in annotators["stance"].items())
        + f", frames micro-F1 {annotators['frames']:.2f}: the human agreement the targets stand beside"
    )
    return lines


def _calibration(probabilities: np.ndarray, outcomes: np.ndarray) -> dict[str, float]:
    return {
        "brier": brier_score(probabilities, outcomes),
        "ece": expected_calibration_error(probabilities, outcomes),
    }


def _interval(value: tuple[float, float, float]) -> str:
    return f"{value[0]:.2f} ({value[1]:.2f} to {value[2]:.2f})"
