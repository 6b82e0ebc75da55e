"""Word features shared by the stance and frame models, each with where in the sentence it was found.

A sentence's features are found once (:func:`sentence_words`) for both: the frame models read its words as they
are, the stance models with the scope of a negation marked.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from typing import NamedTuple

_WORD_OR_STOP = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:.!?()\"“”—]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# Letters of a word's stem feature, for the stance and the frame models alike: 5 and 6 were tried by
# leave-one-source-out cross-validation on an early 800-sentence stance training set.
STEM_LETTERS = 6

Span = tuple[str, int, int]  # a feature's name and the stretch of the sentence that produced it


class Feature(NamedTuple):
    """A feature's value and the first stretch of the sentence that produced it."""

    value: float
    start: int
    end: int


class Words(NamedTuple):
    """The word, stem and word-pair features of a sentence, in order: ``plain`` as written, ``marked`` with the
    scope of a negation marked "not_"; and its Chinese characters and character pairs."""

    plain: list[Span]
    marked: list[Span]
    chinese: list[Span]


def sentence_words(
    text: str, *, stem_letters: int = STEM_LETTERS, negators: frozenset[str] = frozenset(), negation_scope: int = 0
) -> Words:
    """The features of ``text``: its words, their first ``stem_letters`` letters (so "criticised", "criticism" and
    "criticizes" share a feature) and adjacent word pairs, lower-cased. In ``marked``, a word within
    ``negation_scope`` words after one of ``negators`` (or a word ending in n't), in the same clause, is prefixed
    "not_". Numbers are one token, "<num>"."""
    lowered = text.lower().replace("’", "'")
    plain: list[Span] = []
    marked: list[Span] = []
    previous: str | None = None  # the previous word as written
    previous_marked: str | None = None  # and with its negation prefix
    previous_start = 0
    scope = 0
    for match in _WORD_OR_STOP.finditer(lowered):
        token = match.group()
        if not token[0].isalnum():
            previous = previous_marked = None
            scope = 0
            continue
        start, end = match.span()
        word = "<num>" if token[0].isdigit() else token
        negated = ""
        if negation_scope and (word in negators or word.endswith("n't")):
            scope = negation_scope
        elif scope:
            negated = "not_"
            scope -= 1
        stem = word[:stem_letters] if len(word) > stem_letters and word != "<num>" else None
        spans = [("word:" + word, start, end)]
        if stem is not None:
            spans.append(("stem:" + stem, start, end))
        if previous is not None:
            spans.append((f"pair:{previous} {word}", previous_start, end))
        plain += spans
        if negated or previous_marked != previous:
            spans = [("word:" + negated + word, start, end)]
            if stem is not None:
                spans.append(("stem:" + negated + stem, start, end))
            if previous_marked is not None:
                spans.append((f"pair:{previous_marked} {negated}{word}", previous_start, end))
        marked += spans
        previous, previous_marked, previous_start = word, negated + word, start
    return Words(plain, marked, _chinese_spans(text))


def _chinese_spans(text: str) -> list[Span]:
    """The Chinese characters of ``text`` and their adjacent pairs ("zh:芯", "zh:芯片"): Chinese has no spaces, so
    word features see none of its words."""
    if text.isascii():
        return []
    spans = []
    for run in _CJK_RUN.finditer(text):
        chars = run.group()
        for offset, char in enumerate(chars):
            start = run.start() + offset
            spans.append((f"zh:{char}", start, start + 1))
            if start + 2 <= run.end():
                spans.append((f"zh:{chars[offset : offset + 2]}", start, start + 2))
    return spans


def add_spans(feats: dict[str, Feature], spans: Iterable[Span], *, known: Container[str] | None = None) -> None:
    """Add each feature of ``spans`` to ``feats``, value 1, where it first appears; with ``known``, only the
    features in it (those a model weighs)."""
    for name, start, end in spans:
        if name not in feats and (known is None or name in known):
            feats[name] = Feature(1.0, start, end)
