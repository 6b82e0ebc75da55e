"""Writing tables atomically: a reader never sees a half-written file."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pandas as pd

from h20lib.errors import InputError
from h20lib.rows import LIST_SEPARATOR


def _flatten(table: pd.DataFrame) -> pd.DataFrame:
    """Tuple cells (actors, frames, cues) become ';'-joined strings for CSV."""
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda value: isinstance(value, (tuple, list))).any():
            flat[column] = flat[column].map(
                lambda value: LIST_SEPARATOR.join(map(str, value)) if isinstance(value, (tuple, list)) else value
            )
    return flat


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as CSV or Parquet, chosen by the file's extension, via a temporary file."""
    path = Path(path)
    if path.suffix not in (".csv", ".parquet"):
        raise InputError(path, "output must end in .csv or .parquet")
    if not path.parent.is_dir():
        raise InputError(path, f"folder {path.parent} does not exist")
    # Not tempfile.mkstemp: its files are private (0600), and the table should take the usual permissions.
    temporary = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.part"
    try:
        if path.suffix == ".csv":
            _flatten(table).to_csv(temporary, index=False, lineterminator="\n")
        else:
            table.assign(
                **{
                    column: table[column].map(lambda value: list(value) if isinstance(value, tuple) else value)
                    for column in table.columns
                    if table[column].map(lambda value: isinstance(value, tuple)).any()
                }
            ).to_parquet(temporary, index=False)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
