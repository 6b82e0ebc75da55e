"""Why a sentence got its labels: the evidence behind each stance label and each frame, with offsets."""

from __future__ import annotations

import pandas as pd

from h20lib.measures.frames import frame_evidence
from h20lib.measures.stance import score_stance, stance_evidence

EXPLANATION_COLUMNS = ("measure", "label", "cue", "matched", "start", "end", "weight")


def explain(sentence: str) -> pd.DataFrame:
    """One row per piece of evidence. For stance: the explicit cues that decided a label, or each feature the model
    weighs with its push towards favor (+) or against (-), strongest first. For frames: per frame invoked, the cue
    matches that decided it (weight 1) or the model features pushing towards it (weight in log-odds)."""
    rows = []
    labels = score_stance(sentence)
    for item in stance_evidence(sentence):
        label = labels[f"stance_{item.target}_label"]
        rows.append((f"stance_{item.target}", label, item.cue, item.matched, item.start, item.end, item.weight))
    for frame, items in frame_evidence(sentence).items():
        rows.extend(("frame", frame, item.cue, item.matched, item.start, item.end, item.weight) for item in items)
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))
