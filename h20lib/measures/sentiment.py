"""Sentence sentiment: TextBlob polarity and subjectivity, and VADER's compound score as a robustness check.

Neither needs downloaded data: TextBlob's default analyser reads the lexicon bundled with the package and
VADER ships its lexicon too. Sentiment is tone, not stance (see h20lib.measures.stance).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from h20lib.rows import SentimentColumns


@cache
def _analysers() -> tuple[Callable[[str], Any], Callable[[str], dict[str, float]]]:
    """TextBlob's analyser and VADER's, imported on first use: TextBlob pulls in NLTK, which is slow to import.

    TextBlob's default analyser is called directly: ``TextBlob(text).sentiment`` gives the same two numbers after
    building a blob and a new namedtuple class for every sentence."""
    from textblob.en.sentiments import pattern_sentiment
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return _loaded_lexicon(pattern_sentiment), SentimentIntensityAnalyzer().polarity_scores


def _loaded_lexicon(analyser: Any) -> Any:
    """TextBlob's analyser with its lexicon loaded into a plain dictionary: the same algorithm and words, but each
    word is looked up directly instead of through the loading check TextBlob makes on every look-up (a sentence has
    dozens)."""
    len(analyser)  # loads the lexicon

    class Loaded(type(analyser)):  # type: ignore[misc]
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        __iter__ = dict.__iter__
        __len__ = dict.__len__
        get = dict.get

    loaded = Loaded.__new__(Loaded)
    loaded.__dict__.update(analyser.__dict__)
    dict.update(loaded, dict.items(analyser))
    return loaded


def score_sentiment(text: str) -> SentimentColumns:
    """``polarity`` in [-1, 1], ``subjectivity`` in [0, 1] (TextBlob) and ``vader`` compound in [-1, 1]."""
    textblob_sentiment, vader_scores = _analysers()
    polarity, subjectivity = textblob_sentiment(text)
    return {
        "polarity": float(polarity),
        "subjectivity": float(subjectivity),
        "vader": float(vader_scores(text)["compound"]),
    }
