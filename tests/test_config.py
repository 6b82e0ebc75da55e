from pathlib import Path

import pytest

from h20lib import config
from h20lib.errors import ParameterError


@pytest.mark.parametrize(
    ("output_dir", "corpus", "expected"),
    [
        # the seeds: the committed figures
        (None, None, config.FIGURES_DIR),
        ("", "", config.FIGURES_DIR),
        # another corpus: a folder beside it, named after it
        ("", "/data/mine.csv", Path("/data/mine_figures")),
        (None, "/data/articles", Path("/data/articles_figures")),
        # a folder the user names, whatever the corpus; figures/ too, when asked for
        ("/out/here", "/data/mine.csv", Path("/out/here")),
        (str(config.FIGURES_DIR), "/data/mine.csv", config.FIGURES_DIR),
    ],
)
def test_figures_folder(output_dir, corpus, expected):
    assert config.figures_folder(output_dir, corpus=corpus) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 10_000_000), ("2", 2_000_000), ("0.5", 500_000), ("abc", None), ("0", None), ("-3", None)],
)
def test_max_document_chars(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("H20LIB_MAX_DOCUMENT_MB", raising=False)
    else:
        monkeypatch.setenv("H20LIB_MAX_DOCUMENT_MB", value)
    if expected is None:
        with pytest.raises(ParameterError, match="H20LIB_MAX_DOCUMENT_MB: must be a positive number"):
            config.max_document_chars()
    else:
        assert config.max_document_chars() == expected
