"""Cue patterns searched only in texts that can hold a match.

Most cue patterns of the lexicons find nothing in most sentences, yet Python's ``re`` tries a pattern that opens
with ``\\b`` or a group at every position of the text. Every match of such a pattern contains one of a few literal
strings (every match of ``\\b(?:slam|blast)\\w*\\s+the\\s+decision`` contains "decision"), and finding those for
all patterns in one pass costs a fraction of the searches. ``PatternSet`` reads the strings off each pattern's
syntax tree, so its results are the ones ``re`` gives: the screen only skips searches that would find nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # the syntax tree of a pattern, stable since 3.11
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

Strings = frozenset[str]
# Characters that a case-insensitive pattern matches to an ASCII letter, but that str.lower() leaves as they are
# (dotless i, long s): a text holding one is searched without the screen.
_UNSCREENABLE = re.compile("[\u0131\u017f]")
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _choose(candidates: list[Strings]) -> Strings | None:
    """Of several sets of strings, each of which every match must hit, the one whose shortest string is longest."""
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _sequence(items: Any) -> Strings | None:
    candidates: list[Strings] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op not in _ZERO_WIDTH:
            strings = _item(op, av)
            if strings:
                candidates.append(strings)
    if run:
        candidates.append(frozenset([run]))
    return _choose(candidates)


def _item(op: Any, av: Any) -> Strings | None:
    if op is sre.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is sre.BRANCH:
        alternatives = [_sequence(branch.data) for branch in av[1]]
        if any(not strings for strings in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2].data)
    return None


def required_strings(pattern: str, *, ignore_case: bool) -> Strings | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased when ``ignore_case``), or None when
    the pattern has no such strings (it can match without any literal text)."""
    flags = re.IGNORECASE if ignore_case else 0
    strings = _sequence(sre_parse.parse(pattern, flags).data)
    if strings is None:
        return None
    return frozenset(s.lower() for s in strings) if ignore_case else strings


def screen_text(text: str) -> str | None:
    """The text a case-insensitive pattern's strings are looked for in: ``text`` lower-cased, or None when
    lower-casing would not match what ``re.IGNORECASE`` matches (then every pattern is searched)."""
    lowered = text.lower()
    if len(lowered) != len(text) or _UNSCREENABLE.search(text):
        return None
    return lowered


class PatternSet:
    """Compiled patterns, each searched only in texts that hold one of its required strings. One pass of an
    Aho-Corasick automaton (pyahocorasick) over the text finds every required string it holds, for all the
    patterns at once."""

    __slots__ = ("_always", "_automaton", "ignore_case", "patterns")

    def __init__(self, patterns: Sequence[str], *, ignore_case: bool = True) -> None:
        self.patterns = tuple(re.compile(p, re.IGNORECASE if ignore_case else 0) for p in patterns)
        self.ignore_case = ignore_case
        owners: dict[str, list[int]] = {}
        always = []
        for index, pattern in enumerate(patterns):
            strings = required_strings(pattern, ignore_case=ignore_case)
            if strings is None:
                always.append(index)
            for string in strings or ():
                owners.setdefault(string, []).append(index)
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for string, indices in owners.items():
            self._automaton.add_word(string, tuple(indices))
        self._automaton.make_automaton()

    def candidates(self, text: str) -> list[int]:
        """The indices, in order, of the patterns that may match ``text``: those that cannot are left out."""
        screen = screen_text(text) if self.ignore_case else text
        if screen is None or not len(self._automaton):
            return list(range(len(self.patterns)))
        hits = set(self._always)
        for _, indices in self._automaton.iter(screen):
            hits.update(indices)
        return sorted(hits)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (inside one enclosing non-capturing group, if it has one), as
    source text: a text matches the pattern exactly when it matches one of them."""
    closing = next((index for index, char, depth in _syntax(pattern) if char == ")" and depth == 0), -1)
    inner = pattern[3:-1] if pattern.startswith("(?:") and closing == len(pattern) - 1 else pattern
    bars = [index for index, char, depth in _syntax(inner) if char == "|" and depth == 0]
    return [inner[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(inner)])]


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, depth of the groups around it) of each character of ``pattern`` outside escapes and
    character classes; a group's parentheses have the depth outside it."""
    depth, in_class, index = 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]" or pattern[index + 1 : index + 3] == "^]":
                index += 2 if pattern[index + 1] == "]" else 3  # "[]...]" and "[^]...]": the first "]" is literal
                continue
        else:
            depth -= char == ")"
            yield index, char, depth
            depth += char == "("
        index += 1


class AnyOf:
    """Whether a text matches any of several patterns, each of their top-level alternatives screened on its own."""

    __slots__ = ("parts",)

    def __init__(self, *patterns: str, ignore_case: bool = True) -> None:
        self.parts = PatternSet(
            [part for pattern in patterns for part in alternatives(pattern)], ignore_case=ignore_case
        )

    def search(self, text: str) -> bool:
        return any(self.parts.patterns[index].search(text) for index in self.parts.candidates(text))
