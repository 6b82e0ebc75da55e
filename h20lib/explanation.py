"""Why a sentence got its labels: the probabilities and evidence behind each stance label and each frame, with
offsets."""

from __future__ import annotations

import pandas as pd

from h20lib.measures.frames import frame_evidence
from h20lib.measures.stance import (
    EVIDENCE_SHOWN,
    any_stance_evidence,
    score_stance,
    stance_evidence,
    stance_probabilities,
)

EXPLANATION_COLUMNS = ("measure", "label", "cue", "matched", "start", "end", "weight")
PROBABILITIES = (("any", "P(any stance)"), ("favor", "P(favor)"), ("against", "P(against)"))


def explain(sentence: str) -> pd.DataFrame:
    """One row per probability or piece of evidence. For stance, per target: the models' P(any stance), P(favor) and
    P(against) (the whole sentence as ``matched``); the features pushing towards a stance or towards none in the
    "any stance" model (cue "any_stance <feature>", weight in log-odds, the strongest EVIDENCE_SHOWN); then the
    explicit cues that decided a label, or each feature the direction model weighs with its push towards favor (+)
    or against (-), strongest first. For frames: per frame invoked, the cue matches that decided it (weight 1) or the
    model features pushing towards it (weight in log-odds)."""
    rows: list[tuple[str, str, str, str, int, int, float]] = []
    labels = score_stance(sentence)
    probabilities = stance_probabilities(sentence)
    any_evidence = any_stance_evidence(sentence)
    direction_evidence = stance_evidence(sentence)
    for target, p in probabilities.items():
        measure, label = f"stance_{target}", str(labels[f"stance_{target}_label"])
        rows.extend((measure, label, name, sentence, 0, len(sentence), round(p[key], 4)) for key, name in PROBABILITIES)
        pushes = [item for item in any_evidence if item.target == target][:EVIDENCE_SHOWN]
        rows.extend(
            (measure, label, f"any_stance {item.cue}", item.matched, item.start, item.end, item.weight)
            for item in pushes
        )
        rows.extend(
            (measure, label, item.cue, item.matched, item.start, item.end, item.weight)
            for item in direction_evidence
            if item.target == target
        )
    for frame, items in frame_evidence(sentence).items():
        rows.extend(("frame", frame, item.cue, item.matched, item.start, item.end, item.weight) for item in items)
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))
