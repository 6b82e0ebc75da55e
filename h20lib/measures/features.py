"""Word features shared by the stance and frame models, each with where in the sentence it was found."""

from __future__ import annotations

import re
from collections.abc import Container
from typing import NamedTuple

_WORD_OR_STOP = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:.!?()\"“”—]")


class Feature(NamedTuple):
    """A feature's value and the first stretch of the sentence that produced it."""

    value: float
    start: int
    end: int


def add_word_features(
    text: str,
    feats: dict[str, Feature],
    *,
    stem_letters: int,
    negators: frozenset[str] = frozenset(),
    negation_scope: int = 0,
    known: Container[str] | None = None,
) -> None:
    """Add to ``feats`` the words of ``text``, their first ``stem_letters`` letters (so "criticised", "criticism"
    and "criticizes" share a feature) and adjacent word pairs, lower-cased, each with value 1. A word within
    ``negation_scope`` words after one of ``negators`` (or a word ending in n't), in the same clause, is prefixed
    "not_". Numbers are one token, "<num>". With ``known``, only the features in it are added (those a model weighs)."""
    lowered = text.lower().replace("’", "'")
    previous: str | None = None  # the previous word, negation prefix included
    previous_start = 0
    scope = 0
    for match in _WORD_OR_STOP.finditer(lowered):
        token = match.group()
        if not token[0].isalnum():
            previous, scope = None, 0
            continue
        start, end = match.span()
        word = "<num>" if token[0].isdigit() else token
        negated = ""
        if negation_scope and (word in negators or word.endswith("n't")):
            scope = negation_scope
        elif scope:
            negated = "not_"
            scope -= 1
        marked = negated + word
        name = "word:" + marked
        if name not in feats and (known is None or name in known):
            feats[name] = Feature(1.0, start, end)
        if len(word) > stem_letters and word != "<num>":
            name = "stem:" + negated + word[:stem_letters]
            if name not in feats and (known is None or name in known):
                feats[name] = Feature(1.0, start, end)
        if previous is not None:
            name = "pair:" + previous + " " + marked
            if name not in feats and (known is None or name in known):
                feats[name] = Feature(1.0, previous_start, end)
        previous, previous_start = marked, start


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def add_cjk_features(text: str, feats: dict[str, Feature]) -> None:
    """Add to ``feats`` the Chinese characters of ``text`` and their adjacent pairs ("zh:芯", "zh:芯片"), value 1
    each: Chinese has no spaces, so word features see none of its words."""
    if text.isascii():
        return
    for run in _CJK_RUN.finditer(text):
        chars = run.group()
        for offset, char in enumerate(chars):
            start = run.start() + offset
            for name, end in ((f"zh:{char}", start + 1), (f"zh:{chars[offset : offset + 2]}", start + 2)):
                if end <= run.end() and name not in feats:
                    feats[name] = Feature(1.0, start, end)
