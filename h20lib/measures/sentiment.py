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
    """TextBlob's analyser and VADER's, imported on first use: TextBlob pulls in NLTK, which is slow to import."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return (lambda text: TextBlob(text).sentiment), SentimentIntensityAnalyzer().polarity_scores


def score_sentiment(text: str) -> SentimentColumns:
    """``polarity`` in [-1, 1], ``subjectivity`` in [0, 1] (TextBlob) and ``vader`` compound in [-1, 1]."""
    textblob_sentiment, vader_scores = _analysers()
    blob = textblob_sentiment(text)
    return {
        "polarity": float(blob.polarity),
        "subjectivity": float(blob.subjectivity),
        "vader": float(vader_scores(text)["compound"]),
    }
