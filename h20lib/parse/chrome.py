"""A learned second look at the lines the structure rules keep as article text: page chrome they have no cue for.

Each line the rules call body or headline (but the page's own headline), on a page where they found furniture, is
described by features of its kind of text, never of one site: its length, punctuation, capitals, function words and
digits, whether the rules read it as a title, whether it is repeated on the page, and its words and word pairs
(lower-cased, digits as 0). A logistic regression over them, trained by ``python -m h20lib.train.chrome`` on the hand-labelled
real pages and shipped as JSON weights (``chrome_model.json``), gives the probability that the line is chrome; at
``min_probability`` or above, the line becomes boilerplate. Its features and weights can be read like the stance
model's.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from h20lib import resources
from h20lib.patterns import CHINESE_CHARACTER

MODEL_FILE = "chrome_model.json"
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "with",
        "for",
        "on",
        "by",
        "as",
        "at",
        "from",
        "it",
        "its",
        "their",
        "his",
        "her",
        "said",
        "says",
        "will",
        "would",
        "can",
        "could",
        "not",
        "but",
        "which",
        "who",
    ]
)
_TERMINAL = re.compile(r"[.!?。！？]['\"”’)\]]*$")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\u3400-\u9fff]")
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")  # the tokens' only digits are ASCII ones
_SEPARATOR = re.compile(r"\s[|/>»•·]\s|^[•·>»]")
_QUOTE = re.compile(r"[“\"”]")


def _words(text: str) -> list[str]:
    """The words of a line; Chinese, written without spaces, counts a word for every two characters."""
    if not CHINESE_CHARACTER.search(text):
        return text.split()
    chinese = len(CHINESE_CHARACTER.findall(text))
    return CHINESE_CHARACTER.sub(" ", text).split() + ["字"] * (chinese // 2)


def page_line_features(
    texts: list[str], *, titles: list[bool] | None = None, wanted: list[bool] | None = None
) -> list[dict[str, float]]:
    """Features of each of the non-empty lines ``texts`` of one page; ``titles`` marks the lines the rules read as
    headlines; with ``wanted``, only the lines it marks get features (the others get none)."""
    repeats = Counter(line.casefold() for line in texts)
    return [
        _line_features(text, repeated=repeats[text.casefold()] > 1, title=titles is not None and titles[index])
        if wanted is None or wanted[index]
        else {}
        for index, text in enumerate(texts)
    ]


def _line_features(text: str, *, repeated: bool, title: bool = False) -> dict[str, float]:
    words = _words(text)
    n = max(len(words), 1)
    features = {
        "terminal": float(bool(_TERMINAL.search(text))),
        "colon_end": float(text.endswith((":", "："))),
        "capitalised_share": sum(word[:1].isupper() for word in words) / n,
        "function_word_share": sum(word.lower().strip(",.;:") in _FUNCTION_WORDS for word in words) / n,
        "digit_share": sum(map(str.isdigit, text)) / max(len(text), 1),
        "symbol_start": float(not text[:1].isalnum() and text[:1] not in "\"“‘'("),
        "repeated": float(repeated),
        "separators": float(bool(_SEPARATOR.search(text))),
        "quotation": float(bool(_QUOTE.search(text))),
    }
    if title:
        features["title"] = 1.0
    tokens = _TOKEN.findall(text.lower().translate(_DIGITS_AS_ZERO))  # digits stay digits: the same tokens
    for token in tokens:
        features[f"word:{token}"] = 1.0
    for first, second in itertools.pairwise(tokens):
        features[f"pair:{first} {second}"] = 1.0
    return features


def chrome_probability(features: dict[str, float], model: dict) -> float:
    """P(page chrome) of a line: the logistic function of the model's intercept plus its weighted features."""
    weights = model["weights"]
    # a feature the model lacks would add 0.0, which leaves the sum as it is
    score = model["intercept"] + sum(value * weights[name] for name, value in features.items() if name in weights)
    return 1 / (1 + math.exp(-min(max(score, -700.0), 700.0)))


def learned_chrome(texts: list[str], kept: list[bool], *, titles: list[bool] | None = None) -> list[bool]:
    """For each line of a page, whether the model calls it chrome; only lines the rules ``kept`` as text (``titles``:
    as headlines) are looked at (the others are False)."""
    model = resources.model(MODEL_FILE)
    return [
        keep and chrome_probability(features, model) >= model["min_probability"]
        for features, keep in zip(page_line_features(texts, titles=titles, wanted=kept), kept)
    ]
