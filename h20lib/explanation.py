"""Why a sentence got its labels: the probabilities and evidence behind each stance label and each frame, with
offsets, and the context that ``score()`` used.

A sentence is scored on its own words, with one piece of context: a sentence that continues a speaker's reported
statement and takes no stance of its own carries the stance of the sentence it continues
(:func:`h20lib.measures.stance.carry_reported_stance`). Given a row of the scored table, or a sentence id and the
table, ``explain`` follows that context and shows the continued sentence's evidence too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from h20lib.errors import ParameterError
from h20lib.measures.frames import frame_evidence
from h20lib.measures.scoring import ANALYSED_KINDS
from h20lib.measures.stance import (
    CONTINUED_STATEMENT_CUE,
    EVIDENCE_SHOWN,
    TARGETS,
    any_stance_evidence,
    score_stance,
    stance_evidence,
    stance_probabilities,
)

# ``context``: "" when ``matched`` lies in the sentence explained, else the sentence id of the sentence it lies in.
EXPLANATION_COLUMNS = ("measure", "label", "cue", "matched", "start", "end", "weight", "context")
PROBABILITIES = (("any", "P(any stance)"), ("favor", "P(favor)"), ("against", "P(against)"))
Row = tuple[str, str, str, str, int, int, float, str]


def explain(sentence: str | Mapping[str, Any] | pd.Series, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per probability or piece of evidence behind each label of ``sentence``: a text, a row of the scored
    table (``h20lib.score`` or ``scored_table``), or a sentence id with ``table`` the scored table it is in.

    The labels are those ``score()`` gives: a row's own labels when the sentence is scored on its own, and for a
    sentence that carries the stance of the statement it continues, that label, the cue
    ``continues_previous_statement`` and, when ``table`` is given, the continued sentence's evidence (``context``
    names it). A text alone is explained without context. A row of a kind that is not analysed (boilerplate, a
    caption, a comment) has no stance and no frames.

    Stance, per target: the models' P(any stance), P(favor) and P(against) (the whole sentence as ``matched``); the
    features pushing towards a stance or towards none in the "any stance" model (cue "any_stance <feature>", weight
    in log-odds, the strongest EVIDENCE_SHOWN); then the explicit cues that decided a label, or each feature the
    direction model weighs with its push towards favor (+) or against (-), strongest first. Frames: per frame
    invoked, the cue matches that decided it (weight 1) or the model features pushing towards it (weight in log-odds).
    """
    if isinstance(sentence, str) and table is None:
        return _frame(_own_rows(sentence))
    row = _row_of(sentence, table)
    text = str(row["text"])
    if row.get("kind") not in ANALYSED_KINDS:
        reason = f"not analysed: kind {row.get('kind')!r}"
        return _frame([(f"stance_{t}", "none", reason, text, 0, len(text), 0.0, "") for t in TARGETS])
    rows = _own_rows(text)
    for target in TARGETS:
        measure = f"stance_{target}"
        if next(item[1] for item in rows if item[0] == measure) != "none":
            continue
        if table is not None:
            previous = _continued(row, table)
            if previous is None:
                continue
            carried = explain(previous, table=table)
            carried = carried[carried["measure"] == measure]  # every analysed sentence has a row per target
            if carried["label"].iloc[0] == "none":
                continue
            label, source = str(carried["label"].iloc[0]), str(previous["sentence_id"])
            context = [
                (measure, label, item.cue, item.matched, item.start, item.end, item.weight, item.context or source)
                for item in carried.itertuples()
            ]
        elif CONTINUED_STATEMENT_CUE in tuple(row.get(f"{measure}_cues", ())):  # the table recorded a carried stance
            label, source, context = str(row[f"{measure}_label"]), "", []
        else:
            continue
        rows = [(item[0], label, *item[2:]) if item[0] == measure else item for item in rows]
        rows += [(measure, label, CONTINUED_STATEMENT_CUE, "", 0, 0, 0.0, source), *context]
    return _frame(rows)


def _frame(rows: list[Row]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))


def _row_of(sentence: str | Mapping[str, Any] | pd.Series, table: pd.DataFrame | None) -> Mapping[str, Any]:
    if isinstance(sentence, pd.Series | Mapping):
        if "text" not in sentence:
            raise ParameterError("sentence", "a row of the scored table needs its text column")
        return sentence
    assert table is not None
    found = table.index[table["sentence_id"] == sentence]
    if len(found) != 1:
        raise ParameterError("sentence", f"no sentence {sentence!r} in the table")
    return table.loc[found[0]]


def _continued(row: Mapping[str, Any], table: pd.DataFrame) -> pd.Series | None:
    """The statement ``row`` continues, as ``carry_reported_stance`` finds it: the last body sentence before it in
    its document, when ``row`` continues a reported statement (speaker cue "continued ...") by the same speaker."""
    if not str(row.get("speaker_cue", "")).startswith("continued"):
        return None
    document = table[(table["doc_id"] == row["doc_id"]) & (table["kind"] == "body")]
    before = document[document["char_start"] < row["char_start"]]
    if before.empty or before["speaker"].iloc[-1] != row["speaker"]:
        return None
    return before.iloc[-1]


def _own_rows(sentence: str) -> list[Row]:
    rows: list[Row] = []
    labels = score_stance(sentence)
    probabilities = stance_probabilities(sentence)
    any_evidence = any_stance_evidence(sentence)
    direction_evidence = stance_evidence(sentence)
    for target, p in probabilities.items():
        measure, label = f"stance_{target}", str(labels[f"stance_{target}_label"])
        rows.extend(
            (measure, label, name, sentence, 0, len(sentence), round(p[key], 4), "") for key, name in PROBABILITIES
        )
        pushes = [item for item in any_evidence if item.target == target][:EVIDENCE_SHOWN]
        rows.extend(
            (measure, label, f"any_stance {item.cue}", item.matched, item.start, item.end, item.weight, "")
            for item in pushes
        )
        rows.extend(
            (measure, label, item.cue, item.matched, item.start, item.end, item.weight, "")
            for item in direction_evidence
            if item.target == target
        )
    for frame, items in frame_evidence(sentence).items():
        rows.extend(("frame", frame, item.cue, item.matched, item.start, item.end, item.weight, "") for item in items)
    return rows


def labels_of(explanation: pd.DataFrame) -> dict[str, Any]:
    """The labels an explanation gives: ``stance_<target>_label`` per target and ``frames``, as in the scored table."""
    stance = explanation[explanation["measure"].str.startswith("stance_")]
    labels: dict[str, Any] = {f"{measure}_label": label for measure, label in zip(stance["measure"], stance["label"])}
    shown = set(explanation.loc[(explanation["measure"] == "frame") & (explanation["context"] == ""), "label"])
    labels["frames"] = shown
    return labels
