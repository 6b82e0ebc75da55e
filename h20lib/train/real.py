"""How the stance and frame trainers use the hand-labelled real articles (h20lib.report.gold.real_units).

Folds hold out whole documents: a unit is only ever labelled by a model fit without any sentence of its own article, so what the
model learnt of one article's wording cannot flatter its figures on that article.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

FOLDS = 10
WRITTEN_WEIGHT = 0.5  # weight of a written training sentence beside a real one (0, 0.2, 0.3, 0.5 and 1 tried)


def development_and_held_out(units: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The units of the development pages, which the trainers fit and choose settings on, and those of the other
    pages (the read and check splits), which they only label with the final models: they stay held out."""
    development = units["split"] == "development"
    return units[development].reset_index(drop=True), units[~development].reset_index(drop=True)


def in_unit_order(parts: list[pd.DataFrame], units: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``parts`` (tables with a ``unit_id`` column) in the order of ``units``."""
    return pd.concat(parts).set_index("unit_id").loc[units["unit_id"]].reset_index()


def document_folds(documents: pd.Series | np.ndarray, *, folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """(training rows, held-out rows) of each fold; every document's rows fall in one held-out set. Any other
    grouping of the rows serves too (the chrome trainer holds out whole outlets)."""
    return list(GroupKFold(n_splits=folds).split(np.zeros(len(documents)), groups=np.asarray(documents)))
