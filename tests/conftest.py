"""What several test modules share, computed once per test session.

Each shared value is checked at the end of the session against a copy taken when it was made, so a test that
changes one (instead of working on a copy) fails the run rather than quietly changing what later tests see.
"""

import copy
import dataclasses
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import h20lib
from h20lib import validate

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture(scope="session", autouse=True)
def scored_cache(tmp_path_factory) -> Iterator[Path]:
    """A cache of scored tables for this session only (notebook kernels inherit it), never the user's."""
    folder = tmp_path_factory.mktemp("h20lib-cache")
    before = os.environ.get("H20LIB_CACHE")
    os.environ["H20LIB_CACHE"] = str(folder)
    yield folder
    if before is None:
        del os.environ["H20LIB_CACHE"]
    else:
        os.environ["H20LIB_CACHE"] = before


def _assert_unchanged(value: Any, pristine: Any, where: str) -> None:
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(value, pristine, obj=where)
    elif isinstance(value, pd.Series):
        pd.testing.assert_series_equal(value, pristine, obj=where)
    elif isinstance(value, dict):
        assert value.keys() == pristine.keys(), f"{where}: keys changed"
        for key in value:
            _assert_unchanged(value[key], pristine[key], f"{where}[{key!r}]")
    elif isinstance(value, list | tuple):
        assert len(value) == len(pristine), f"{where}: length changed"
        for n, (item, original) in enumerate(zip(value, pristine)):
            _assert_unchanged(item, original, f"{where}[{n}]")
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _assert_unchanged(getattr(value, field.name), getattr(pristine, field.name), f"{where}.{field.name}")
    elif isinstance(value, float) and math.isnan(value):
        assert isinstance(pristine, float) and math.isnan(pristine), f"{where}: changed from NaN"
    else:
        assert value == pristine, f"{where}: changed from {pristine!r} to {value!r}"


def _shared(value: Any, name: str) -> Iterator[Any]:
    """Hand ``value`` to the session's tests, then check that none of them changed it."""
    pristine = copy.deepcopy(value)
    yield value
    _assert_unchanged(value, pristine, name)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: the test corpora and their labels."""
    return DATA_DIR


@pytest.fixture(scope="session")
def seed_corpus() -> Iterator[h20lib.Corpus]:
    """The seed corpus, ``h20lib.load_corpus()``."""
    yield from _shared(h20lib.load_corpus(), "seed_corpus")


@pytest.fixture(scope="session")
def seed_scores(seed_corpus) -> Iterator[pd.DataFrame]:
    """The scored seed sentences, ``h20lib.score(seed_corpus)``."""
    yield from _shared(h20lib.score(seed_corpus), "seed_scores")


@pytest.fixture(scope="session")
def seed_exploration(seed_scores) -> Iterator[pd.DataFrame]:
    """The seeds' sentence table as the exploration notebook shows it, ``explore.sentence_table``."""
    from h20lib.parse.corpus import document_metadata
    from h20lib.report import explore

    yield from _shared(explore.sentence_table(seed_scores, document_metadata(None)), "seed_exploration")


@pytest.fixture(scope="session")
def seed_quotes(seed_corpus) -> Iterator[pd.DataFrame]:
    """The seed corpus's quotations, ``h20lib.quotes(seed_corpus)``."""
    yield from _shared(h20lib.quotes(seed_corpus), "seed_quotes")


@pytest.fixture(scope="session")
def unseen_layouts_corpus() -> Iterator[h20lib.Corpus]:
    """tests/data/unseen: four articles in layouts the seeds do not have."""
    yield from _shared(h20lib.load_corpus(DATA_DIR / "unseen"), "unseen_layouts_corpus")


@pytest.fixture(scope="session")
def unseen_speakers_corpus() -> Iterator[h20lib.Corpus]:
    """tests/data/unseen_speakers: four articles with hand-labelled speakers (labels.csv beside them)."""
    yield from _shared(h20lib.load_corpus(DATA_DIR / "unseen_speakers"), "unseen_speakers_corpus")


@pytest.fixture(scope="session")
def validation_report() -> Iterator[dict]:
    """``h20lib.validate.validation_report(include_newsmtsc=False)``: every agreement figure against the gold labels."""
    yield from _shared(validate.validation_report(include_newsmtsc=False), "validation_report")
