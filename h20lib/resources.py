"""The one way to read the package's data files: on first use, once per process (cached).

Lexicons (``config.LEXICONS_DIR``) are TOML, word lists (one entry a line, ``#`` comments) or CSV with ``#``
comment lines; models (``config.MODELS_DIR``) are JSON weights. Modules call these where they need the data, never
at import time, so ``import h20lib`` reads no data file.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, cast

from h20lib import config


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The TOML lexicon ``name`` (cue lists, registers, the codebook)."""
    return tomllib.loads((config.LEXICONS_DIR / name).read_text(encoding="utf-8"))


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of a word-list lexicon, one a line, without blank and ``#`` lines."""
    lines = (config.LEXICONS_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def lexicon_table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV lexicon, without its leading ``#`` comment lines."""
    return tuple(csv.DictReader(csv_without_comments(config.LEXICONS_DIR / name)))


@cache
def model(name: str) -> dict[str, Any]:
    """The JSON model ``name``, its arrays of numbers (the weights) as tuples."""
    with (config.MODELS_DIR / name).open(encoding="utf-8") as handle:
        return cast(dict[str, Any], _numbers_as_tuples(json.load(handle)))


def _numbers_as_tuples(value: Any) -> Any:
    # The garbage collector stops tracking a tuple of numbers, and the models hold hundreds of thousands: as
    # lists, every full collection while scoring would walk them all.
    if isinstance(value, dict):
        return {key: _numbers_as_tuples(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_numbers_as_tuples(item) for item in value]
        return tuple(items) if all(isinstance(item, (int, float)) for item in items) else items
    return value


def csv_without_comments(path: Path) -> io.StringIO:
    """A CSV file's text without its ``#`` comment lines (where the data comes from), ready for a CSV reader."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return io.StringIO("".join(line for line in lines if not line.startswith("#")))
