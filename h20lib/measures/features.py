"""Word features shared by the stance and frame models, each with where in the sentence it was found."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_OR_STOP = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:.!?()\"“”—]")


@dataclass(frozen=True)
class Feature:
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
) -> None:
    """Add to ``feats`` the words of ``text``, their first ``stem_letters`` letters (so "criticised", "criticism"
    and "criticizes" share a feature) and adjacent word pairs, lower-cased, each with value 1. A word within
    ``negation_scope`` words after one of ``negators`` (or a word ending in n't), in the same clause, is prefixed
    "not_". Numbers are one token, "<num>"."""
    lowered = text.lower().replace("’", "'")
    previous: tuple[str, int] | None = None  # the previous word, negation prefix included, and its start
    scope = 0
    for match in _WORD_OR_STOP.finditer(lowered):
        token = match.group()
        if not token[0].isalnum():
            previous, scope = None, 0
            continue
        word = "<num>" if token[0].isdigit() else token
        negated = ""
        if negation_scope and (word in negators or word.endswith("n't")):
            scope = negation_scope
        elif scope:
            negated = "not_"
            scope -= 1
        names = [(f"word:{negated}{word}", match.start())]  # (feature, where its stretch starts)
        if len(word) > stem_letters and word != "<num>":
            names.append((f"stem:{negated}{word[:stem_letters]}", match.start()))
        if previous is not None:
            names.append((f"pair:{previous[0]} {negated}{word}", previous[1]))
        for name, start in names:
            if name not in feats:
                feats[name] = Feature(1.0, start, match.end())
        previous = (negated + word, match.start())


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def add_cjk_features(text: str, feats: dict[str, Feature]) -> None:
    """Add to ``feats`` the Chinese characters of ``text`` and their adjacent pairs ("zh:芯", "zh:芯片"), value 1
    each: Chinese has no spaces, so word features see none of its words."""
    for run in _CJK_RUN.finditer(text):
        chars = run.group()
        for offset, char in enumerate(chars):
            start = run.start() + offset
            for name, end in ((f"zh:{char}", start + 1), (f"zh:{chars[offset : offset + 2]}", start + 2)):
                if end <= run.end() and name not in feats:
                    feats[name] = Feature(1.0, start, end)
