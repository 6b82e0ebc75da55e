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
from typing import Any

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
    """The JSON model ``name``."""
    with (config.MODELS_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def csv_without_comments(path: Path) -> io.StringIO:
    """A CSV file's text without its ``#`` comment lines (where the data comes from), ready for a CSV reader."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return io.StringIO("".join(line for line in lines if not line.startswith("#")))
