"""The hand labels of the real corpus as tables, for ``h20lib validate`` and the trainers."""

from __future__ import annotations

import tomllib

import pandas as pd

from h20lib import config
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
