"""Why a sentence got its labels: the features behind each stance label and every frame cue, with offsets."""
from __future__ import annotations

import pandas as pd

from h20lib.frames import PATTERNS
from h20lib.stance import score_stance, stance_evidence

EXPLANATION_COLUMNS = ("measure", "label", "cue", "matched", "start", "end", "weight")


def explain(sentence: str) -> pd.DataFrame:
    """One row per cue. For stance: each feature the model weighs, with its push towards favor (+) or against (-),
    strongest first, under the target's label. For frames: each cue match, weight 1."""
    rows = []
    labels = score_stance(sentence)
    for item in stance_evidence(sentence):
        label = labels[f"stance_{item.target}_label"]
        rows.append((f"stance_{item.target}", label, item.cue, item.matched, item.start, item.end, item.weight))
    for frame, patterns in PATTERNS.items():
        for index, pattern in enumerate(patterns):
            for match in pattern.finditer(sentence):
                rows.append(("frame", frame, f"{frame}#{index + 1}", match.group(), match.start(), match.end(), 1.0))
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))
