"""The hand labels of the real corpus as tables, for ``h20lib validate`` and the trainers."""

from __future__ import annotations

import tomllib
from functools import cache

import numpy as np
import pandas as pd

from h20lib import config
from h20lib.measures.actors import actor_id_from_name, register
from h20lib.measures.scoring import ANALYSED_KINDS
from h20lib.parse.readers import read_labels

CHROME_KINDS = ("boilerplate", "caption", "metadata", "comment")  # page chrome: never analysed


def real_manifest() -> list[dict]:
    """The entries of corpora/real/manifest.toml: one per stored page."""
    with open(config.REAL_CORPUS_DIR / "manifest.toml", "rb") as handle:
        return tomllib.load(handle)["documents"]


def real_units() -> pd.DataFrame:
    """The analysed (headline and body) hand-labelled units of the real corpus with their page's ``outlet``,
    ``source_group`` and ``split``: the units stance and frames are coded on."""
    units = read_labels(config.GOLD_REAL_SENTENCES)
    units = units[units["kind"].isin(ANALYSED_KINDS)].reset_index(drop=True)
    manifest = {entry["doc_id"]: entry for entry in real_manifest()}
    units["outlet"] = units["doc_id"].map(lambda doc_id: manifest[doc_id]["outlet"])
    units["source_group"] = units["doc_id"].map(lambda doc_id: manifest[doc_id]["source_group"])
    units["split"] = units["doc_id"].map(lambda doc_id: manifest[doc_id]["split"])
    return units


def covering_positions(sentences: pd.DataFrame, units: pd.DataFrame) -> np.ndarray:
    """For each unit, the position in ``sentences`` (one document's) of the sentence that overlaps it most; -1 where
    none does."""
    starts, ends = sentences["char_start"].to_numpy(), sentences["char_end"].to_numpy()
    positions = np.full(len(units), -1)
    if not len(sentences):
        return positions
    for k, (unit_start, unit_end) in enumerate(zip(units["char_start"].astype(int), units["char_end"].astype(int))):
        overlap = np.minimum(ends, unit_end) - np.maximum(starts, unit_start)
        if overlap.max() > 0:
            positions[k] = int(overlap.argmax())
    return positions


def same_actor(first: pd.Series, second: pd.Series) -> pd.Series:
    """Ids that name one actor: equal once a leading article is dropped ("the_economist" and "economist") and an id
    made from one of a register actor's names is read as that actor ("justice_department" for the register's
    "us_department_of_justice", whose aliases include "Justice Department")."""
    return first.map(_canonical) == second.map(_canonical)


def _canonical(actor: str) -> str:
    actor = actor.removeprefix("the_")
    return _register_ids_by_alias().get(actor, actor)


@cache
def _register_ids_by_alias() -> dict[str, str]:
    return {
        actor_id_from_name(alias).removeprefix("the_"): actor.id
        for actor in register().values()
        for alias in (actor.name, *actor.aliases)
        if actor_id_from_name(alias)
    }
