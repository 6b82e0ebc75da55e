from pathlib import Path

import pytest

from h20lib import config


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
