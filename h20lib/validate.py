"""Agreement of every measure with human labels, each beside a naive baseline (``h20lib validate``).

Gold labels (``labels/gold`` of the project): ``seed_sentences.csv`` (every seed sentence: kind, speaker, stance on
both targets, frames), ``written_sentences.csv`` (sentences written in other words, for stance and frames) and
``real_sentences.csv`` (every unit of the real published pages in ``corpora/real``: see ``h20lib.validate_real``). Target sentiment
is checked on the NewsMTSC dev splits when they are present beside the project.
"""

from __future__ import annotations

import pandas as pd

from h20lib import config, resources
from h20lib.measures.frames import MODEL_FILE as FRAMES_MODEL_FILE
from h20lib.measures.frames import score_frames
from h20lib.measures.scoring import ANALYSED_KINDS, score
from h20lib.measures.sentiment import score_sentiment
from h20lib.measures.stance import MODEL_FILE, TARGETS, score_stance
from h20lib.parse.corpus import load_corpus
from h20lib.parse.readers import read_labels
from h20lib.parse.structure import KINDS
from h20lib.report.agreement import (
    cohen_kappa,
    frame_metrics,
    frame_sets,
    keyword_frames,
    macro_f1_interval,
    polarity_sign,
    stance_metrics,
)
from h20lib.validate_real import format_real, format_real_labels, real_labels_report, real_report

# Rounds of labels/gold/written_sentences.csv written apart from the method, kept unseen and scored once with the final
# models; pooled, they are the held-out estimate (see the file's header).
HELD_OUT_ROUNDS = ("11", "12")
HELD_OUT_SAMPLE = f"written, held-out rounds {' and '.join(HELD_OUT_ROUNDS)}"


def seed_comparison() -> pd.DataFrame:
    """The scored seed sentences joined to their gold labels (columns ``gold_*``)."""
    scored = score(load_corpus())
    gold = read_labels(config.GOLD_SEED_SENTENCES).add_prefix("gold_")
    joined = scored.merge(gold, left_on="sentence_id", right_on="gold_sentence_id", how="inner", validate="one_to_one")
    if len(joined) != len(scored) or (joined["text"] != joined["gold_text"]).any():
        raise AssertionError("labels/gold/seed_sentences.csv no longer matches the parsed seed sentences")
    return joined


def speaker_metrics(joined: pd.DataFrame) -> dict:
    body = joined[joined["gold_kind"] == "body"]
    named = body[body["gold_speaker"] != ""]
    own = body[body["gold_speaker"] == ""]
    first_actor = body["actors"].map(lambda actors: actors[0] if actors else "")
    return {
        "named_agreement": float((named["speaker"] == named["gold_speaker"]).mean()),
        "named_n": len(named),
        "own_voice_agreement": float((own["speaker"] == "").mean()),
        "own_voice_n": len(own),
        "baseline_named_agreement": float((first_actor[named.index] == named["gold_speaker"]).mean()),
        "baseline_own_voice_agreement": float((first_actor[own.index] == "").mean()),
        "baseline": "the first actor the sentence mentions is its speaker",
    }


def written_comparison() -> pd.DataFrame:
    written = read_labels(config.GOLD_WRITTEN_SENTENCES)
    rows = [{**score_stance(t), **score_frames(t), **score_sentiment(t)} for t in written["text"]]
    return pd.concat([written, pd.DataFrame(rows).add_prefix("pred_")], axis=1)


def validation_report(*, include_newsmtsc: bool = True) -> dict:
    """Every agreement figure ``h20lib validate`` prints, as a nested dict."""
    joined = seed_comparison()
    analysed = joined[joined["gold_kind"].isin(ANALYSED_KINDS)]
    report = {
        "kind": {
            "agreement": float((joined["kind"] == joined["gold_kind"]).mean()),
            "n": len(joined),
            "baseline_agreement": float((joined["gold_kind"] == "body").mean()),
            "baseline": "every sentence is body",
            "confusion": pd.crosstab(
                pd.Categorical(joined["gold_kind"], categories=KINDS),
                pd.Categorical(joined["kind"], categories=KINDS),
                rownames=["gold"],
                colnames=["parsed"],
                dropna=False,
            ),
        },
        "speaker": speaker_metrics(joined),
        "stance": {},
        "frames": {},
    }
    written = written_comparison()
    samples = {
        "seed sentences": analysed,
        **{f"written, round {r}": written[written["round"] == r] for r in sorted(written["round"].unique(), key=int)},
        HELD_OUT_SAMPLE: written[written["round"].isin(HELD_OUT_ROUNDS)],
    }
    for sample_name, sample in samples.items():
        gold_prefix, pred_prefix = ("gold_", "") if sample is analysed else ("", "pred_")
        for target in TARGETS:
            gold = sample[f"{gold_prefix}stance_{target}"].reset_index(drop=True)
            predicted = sample[f"{pred_prefix}stance_{target}_label"].reset_index(drop=True)
            polarity = sample[f"{pred_prefix}polarity"].map(polarity_sign).reset_index(drop=True)
            report["stance"][(sample_name, target)] = {
                "method": stance_metrics(gold, predicted),
                "baseline": stance_metrics(gold, polarity),
                "n": len(sample),
            }
            if sample_name == HELD_OUT_SAMPLE:
                report["stance"][(sample_name, target)]["interval"] = macro_f1_interval(gold, predicted)
        gold_frames = frame_sets(sample[f"{gold_prefix}frames"])
        report["frames"][sample_name] = {
            "method": frame_metrics(gold_frames, frame_sets(sample[f"{pred_prefix}frames"])),
            "baseline": frame_metrics(gold_frames, [keyword_frames(t) for t in sample["text"]]),
            "n": len(sample),
        }
    report["annotators"] = annotator_agreement(written)
    report["stance_model"] = {key: resources.model(MODEL_FILE)[key] for key in ("trained_on", "hyperparameters")}
    report["frames_model"] = {key: resources.model(FRAMES_MODEL_FILE)[key] for key in ("trained_on", "hyperparameters")}
    report["real"] = real_report()
    report["real_labels"] = real_labels_report()
    if include_newsmtsc:
        report["newsmtsc"] = _newsmtsc()
    return report


def annotator_agreement(written: pd.DataFrame) -> dict:
    """Per round with a second annotator: how far the second annotator of the written sentences agrees with the first."""
    rounds = {}
    annotated = written[written["second_stance_approval"] != ""]
    for round_name in sorted(annotated["round"].unique(), key=int):
        both = annotated[annotated["round"] == round_name].reset_index(drop=True)
        result = {
            "n": len(both),
            "frames_micro_f1": frame_metrics(frame_sets(both["frames"]), frame_sets(both["second_frames"]))["micro_f1"],
        }
        for target in TARGETS:
            first, second = both[f"stance_{target}"], both[f"second_stance_{target}"]
            result[target] = {
                "kappa": cohen_kappa(first, second),
                "macro_f1": stance_metrics(first, second)["macro_f1"],
            }
        rounds[f"written, round {round_name}"] = result
    return rounds


def _newsmtsc() -> dict:
    from h20lib.measures.portrayal import evaluate_newsmtsc

    results = {}
    for split in ("rw-dev", "mt-dev"):
        try:
            results[split] = evaluate_newsmtsc(split)
        except FileNotFoundError as missing:
            results[split] = {"missing": str(missing)}
    return results


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def format_report(report: dict) -> str:
    """The report as plain text for the terminal."""
    lines = []
    kind = report["kind"]
    lines += [
        "Sentence kinds (parser vs hand labels, all seed sentences)",
        f"  agreement {_pct(kind['agreement'])}%  (n={kind['n']}); baseline '{kind['baseline']}' {_pct(kind['baseline_agreement'])}%",
        _indent(kind["confusion"].to_string()),
        "",
    ]
    speaker = report["speaker"]
    lines += [
        "Speakers (seed body sentences)",
        f"  named speaker agreement {_pct(speaker['named_agreement'])}% (n={speaker['named_n']}); "
        f"own voice attributed to no one {_pct(speaker['own_voice_agreement'])}% (n={speaker['own_voice_n']})",
        f"  baseline '{speaker['baseline']}': {_pct(speaker['baseline_named_agreement'])}% / {_pct(speaker['baseline_own_voice_agreement'])}%",
        "",
    ]
    lines.append("Stance (macro-F1 over favor and against; baseline = sign of TextBlob polarity)")
    for (sample, target), result in report["stance"].items():
        method, baseline = result["method"], result["baseline"]
        per_class = "  ".join(
            f"{label}: P {_pct(m['precision'])} R {_pct(m['recall'])} F1 {_pct(m['f1'])} (n={m['support']})"
            for label, m in method["per_class"].items()
        )
        lines += [
            f"  {sample:<18} {target:<8} macro-F1 {method['macro_f1']:.2f}  baseline {baseline['macro_f1']:.2f}  (n={result['n']})",
            f"      {per_class}",
        ]
        if "interval" in result:
            lines.append(
                "      95% bootstrap interval of macro-F1 (sentences resampled): {:.2f} to {:.2f}".format(
                    *result["interval"]
                )
            )
        if sample in ("seed sentences", HELD_OUT_SAMPLE):
            lines.append(_indent(method["confusion"].to_string(), 6))
    lines.append(f"  stance models: {report['stance_model']['trained_on']}")
    for sample, agreement in report["annotators"].items():
        lines.append(
            f"  two annotators, {sample} (n={agreement['n']}): "
            + ", ".join(f"{target} Cohen's kappa {agreement[target]['kappa']:.2f}" for target in TARGETS)
            + f", frames micro-F1 {agreement['frames_micro_f1']:.2f}"
        )
    lines += ["", "Frames (micro-F1 over sentence-frame pairs; baseline = the frame's own name appears)"]
    for sample, result in report["frames"].items():
        method, baseline = result["method"], result["baseline"]
        lines.append(
            f"  {sample:<18} micro-F1 {method['micro_f1']:.2f} (P {method['micro_precision']:.2f}, R {method['micro_recall']:.2f})"
            f"  baseline {baseline['micro_f1']:.2f}  (n={result['n']})"
        )
        if sample in ("seed sentences", HELD_OUT_SAMPLE):
            lines.append("      " + "  ".join(f"{f} {m['f1']:.2f}" for f, m in method["per_frame"].items()))
    lines.append(f"  frame models: {report['frames_model']['trained_on']}")
    lines += ["", *format_real(report["real"]), "", *format_real_labels(report["real_labels"])]
    if "newsmtsc" in report:
        lines += ["", "Target sentiment on NewsMTSC dev (macro-F1 in %, three classes)"]
        for split, result in report["newsmtsc"].items():
            if "missing" in result:
                lines.append(f"  {split}: not evaluated ({result['missing']})")
            else:
                lines.append(
                    f"  {split}: model {result['macro_f1']:.1f}  baseline TextBlob polarity {result['baseline_textblob']['macro_f1']:.1f}  (n={result['n']})"
                )
    return "\n".join(lines) + "\n"


def _indent(text: str, spaces: int = 2) -> str:
    return "\n".join(" " * spaces + line for line in text.splitlines())
