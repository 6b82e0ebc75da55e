"""Word features shared by the stance and frame models, each with where in the sentence it was found.

A sentence's features are found once (:func:`sentence_words`) for both: the frame models read its words as they
are, the stance models with the scope of a negation marked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from h20lib.patterns import CHINESE_RUN

_WORD_OR_STOP = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:.!?()\"“”—]")
# Letters of a word's stem feature, for the stance and the frame models alike: 5 and 6 were tried by
# leave-one-source-out cross-validation on an early 800-sentence stance training set.
STEM_LETTERS = 6


class Feature(NamedTuple):
    """A feature's value and the first stretch of the sentence that produced it."""

    value: float
    start: int
    end: int


# Builds a Feature without NamedTuple's Python-level __new__, in half the time: a sentence has about a hundred.
_new_tuple = tuple.__new__


class Words(NamedTuple):
    """The word, stem and word-pair features of a sentence, each where it first appears, in order: ``plain`` as
    written, ``marked`` with the scope of a negation marked "not_"; and its Chinese characters and character pairs.
    A feature found in both ``plain`` and ``marked`` is the same object, and in a sentence without a negation the
    two are the same dictionary (read them, do not change them)."""

    plain: dict[str, Feature]
    marked: dict[str, Feature]
    chinese: dict[str, Feature]


def sentence_words(
    text: str, *, stem_letters: int = STEM_LETTERS, negators: frozenset[str] = frozenset(), negation_scope: int = 0
) -> Words:
    """The features of ``text``: its words, their first ``stem_letters`` letters (so "criticised", "criticism" and
    "criticizes" share a feature) and adjacent word pairs, lower-cased. In ``marked``, a word within
    ``negation_scope`` words after one of ``negators`` (or a word ending in n't), in the same clause, is prefixed
    "not_". Numbers are one token, "<num>"."""
    lowered = text.lower().replace("’", "'")
    plain: dict[str, Feature] = {}
    # Until a negation is met the marked words are the plain ones: the two are one dictionary, copied at the first.
    marked = plain
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
            if marked is plain:
                marked = dict(plain)
        elif scope:
            negated = "not_"
            scope -= 1
        at_word = _new_tuple(Feature, (1.0, start, end))
        apart = marked is not plain
        same = not negated and previous_marked == previous
        # the word, then its stem, then the pair it ends: in plain and, negation marked, in marked
        stemmed = len(word) > stem_letters and word != "<num>"
        for kind, value in (("word:", word), ("stem:", word[:stem_letters])) if stemmed else (("word:", word),):
            name = kind + value
            feature = plain.setdefault(name, at_word)
            if apart and same:
                marked.setdefault(name, feature)
            elif apart:
                marked.setdefault(kind + negated + value, at_word)
        if previous is not None:
            at_pair = _new_tuple(Feature, (1.0, previous_start, end))
            name = f"pair:{previous} {word}"
            feature = plain.setdefault(name, at_pair)
            if apart:
                if same:
                    marked.setdefault(name, feature)
                else:
                    marked.setdefault(f"pair:{previous_marked} {negated}{word}", at_pair)
        previous, previous_marked, previous_start = word, negated + word, start
    return Words(plain, marked, _chinese_spans(text))


def _chinese_spans(text: str) -> dict[str, Feature]:
    """The Chinese characters of ``text`` and their adjacent pairs ("zh:芯", "zh:芯片"): Chinese has no spaces, so
    word features see none of its words."""
    if text.isascii():
        return {}
    spans: dict[str, Feature] = {}
    for run in CHINESE_RUN.finditer(text):
        chars = run.group()
        for offset, char in enumerate(chars):
            start = run.start() + offset
            spans.setdefault(f"zh:{char}", _new_tuple(Feature, (1.0, start, start + 1)))
            if start + 2 <= run.end():
                spans.setdefault(f"zh:{chars[offset : offset + 2]}", _new_tuple(Feature, (1.0, start, start + 2)))
    return spans


def add_spans(feats: dict[str, Feature], spans: Mapping[str, Feature]) -> None:
    """Add each feature of ``spans`` that ``feats`` lacks, in order. The models skip the features they do not weigh,
    so all are added: a sentence's words are nearly all weighed, and picking them out cost more than it saved."""
    if feats.keys().isdisjoint(spans):  # as a sentence's cues and words always are
        feats.update(spans)
        return
    for name, feature in spans.items():
        if name not in feats:
            feats[name] = feature
