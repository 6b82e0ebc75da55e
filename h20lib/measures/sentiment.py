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

    return pattern_sentiment, SentimentIntensityAnalyzer().polarity_scores


def score_sentiment(text: str) -> SentimentColumns:
    """``polarity`` in [-1, 1], ``subjectivity`` in [0, 1] (TextBlob) and ``vader`` compound in [-1, 1]."""
    textblob_sentiment, vader_scores = _analysers()
    polarity, subjectivity = textblob_sentiment(text)
    return {
        "polarity": float(polarity),
        "subjectivity": float(subjectivity),
        "vader": float(vader_scores(text)["compound"]),
    }
