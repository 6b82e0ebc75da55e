"""Sentence sentiment: TextBlob polarity and subjectivity, and VADER's compound score as a robustness check.

Neither needs downloaded data: TextBlob's default analyser reads the lexicon bundled with the package and
VADER ships its lexicon too. Sentiment is tone, not stance (see h20lib.measures.stance).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import ahocorasick

from h20lib.rows import SentimentColumns


@cache
def _analysers() -> tuple[ScreenedTextBlob, Callable[[str], dict[str, float]]]:
    """TextBlob's analyser and VADER's, imported on first use: TextBlob pulls in NLTK, which is slow to import.

    TextBlob's default analyser is called directly: ``TextBlob(text).sentiment`` gives the same two numbers after
    building a blob and a new namedtuple class for every sentence."""
    from textblob.en.sentiments import pattern_sentiment
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return ScreenedTextBlob(_loaded_lexicon(pattern_sentiment)), SentimentIntensityAnalyzer().polarity_scores


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


class ScreenedTextBlob:
    """TextBlob's analyser, skipped for a text that cannot hold anything it scores: (0.0, 0.0), what it gives then.

    TextBlob averages the scores of the tokens it finds in its lexicon, of emoticons and of "(!)"; a text without
    any gets (0, 0). Its tokens are pieces of the lower-cased text between spaces and punctuation (it splits "n't"
    off a word), so a lexicon word that is a token appears in the text with no letter or digit right before or
    after it. A text without such an occurrence, without an emoticon's characters (spaces aside) and without "!"
    is not tokenised at all (about a third of news sentences)."""

    __slots__ = ("_analyser", "_emoticons", "_words")

    def __init__(self, analyser: Any) -> None:
        from textblob._text import EMOTICONS

        self._analyser = analyser
        self._words = ahocorasick.Automaton()
        for word in dict.keys(analyser):
            self._words.add_word(word, len(word))
        self._words.make_automaton()
        self._emoticons = ahocorasick.Automaton()
        for emoticon in set().union(*EMOTICONS.values()):
            self._emoticons.add_word(emoticon.lower(), emoticon)
        self._emoticons.make_automaton()

    def may_score(self, text: str) -> bool:
        """False only when TextBlob finds nothing to score in ``text``."""
        lowered = text.lower()
        if len(lowered) != len(text) or "!" in lowered:
            return True
        # TextBlob joins an emoticon's characters across the spaces it puts between tokens (": >" is ":>")
        if next(self._emoticons.iter("".join(lowered.split())), None):
            return True
        for end, length in self._words.iter(lowered):
            start, after = end + 1 - length, end + 1
            if (start == 0 or not lowered[start - 1].isalnum()) and (
                after == len(lowered) or not lowered[after].isalnum() or lowered.startswith("n't", after)
            ):
                return True
        return False

    def __call__(self, text: str) -> tuple[float, float]:
        if not self.may_score(text):
            return 0.0, 0.0
        polarity, subjectivity = self._analyser(text)
        return polarity, subjectivity


def score_sentiment(text: str) -> SentimentColumns:
    """``polarity`` in [-1, 1], ``subjectivity`` in [0, 1] (TextBlob) and ``vader`` compound in [-1, 1]."""
    textblob_sentiment, vader_scores = _analysers()
    polarity, subjectivity = textblob_sentiment(text)
    return {
        "polarity": float(polarity),
        "subjectivity": float(subjectivity),
        "vader": float(vader_scores(text)["compound"]),
    }
