"""Sentence sentiment: TextBlob polarity and subjectivity, and VADER's compound score as a robustness check.

Neither needs downloaded data: TextBlob's default analyser reads the lexicon bundled with the package and
VADER ships its lexicon too. Sentiment is tone, not stance (see h20lib.stance).
"""
from __future__ import annotations

from functools import lru_cache

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def score_sentiment(text: str) -> dict[str, float]:
    """``polarity`` in [-1, 1], ``subjectivity`` in [0, 1] (TextBlob) and ``vader`` compound in [-1, 1]."""
    blob = TextBlob(text).sentiment
    return {
        "polarity": float(blob.polarity),
        "subjectivity": float(blob.subjectivity),
        "vader": float(_vader().polarity_scores(text)["compound"]),
    }
