"""Why a sentence got its labels: every stance and frame cue behind them, with offsets and weights."""
from __future__ import annotations

import pandas as pd

from h20lib.frames import PATTERNS
from h20lib.stance import TARGETS, stance_evidence, stance_label, stance_score

EXPLANATION_COLUMNS = ("measure", "label", "cue", "matched", "start", "end", "weight")


def explain(sentence: str) -> pd.DataFrame:
    """One row per cue: for stance, the target's label and each cue's signed weight; for frames, each match."""
    rows = []
    evidence = stance_evidence(sentence)
    for target in TARGETS:
        label = stance_label(stance_score(evidence, target=target))
        for item in evidence:
            if item.target == target:
                rows.append((f"stance_{target}", label, item.cue, item.matched, item.start, item.end, item.weight))
    for frame, patterns in PATTERNS.items():
        for index, pattern in enumerate(patterns):
            for match in pattern.finditer(sentence):
                rows.append(("frame", frame, f"{frame}#{index + 1}", match.group(), match.start(), match.end(), 1.0))
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))
