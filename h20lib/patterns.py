"""Cue patterns searched only in texts that can hold a match.

Most cue patterns of the lexicons find nothing in most sentences, yet Python's ``re`` tries a pattern that opens
with ``\\b`` or a group at every position of the text. Every match of such a pattern contains one of a few literal
strings (every match of ``\\b(?:slam|blast)\\w*\\s+the\\s+decision`` contains "decision"), and finding those for
all patterns in one pass costs a fraction of the searches. ``PatternSet`` reads the strings off each pattern's
syntax tree, so its results are the ones ``re`` gives: the screen only skips searches that would find nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # the syntax tree of a pattern, stable since 3.11
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

Strings = frozenset[str]
# A Chinese character (CJK Unified Ideographs and Extension A), and a run of them: the one definition the package uses.
CHINESE_CHARACTER = re.compile(r"[\u3400-\u9fff]")
CHINESE_RUN = re.compile(r"[\u3400-\u9fff]+")
# Characters that a case-insensitive pattern matches to an ASCII letter, but that str.lower() leaves as they are
# (dotless i, long s): a text holding one is searched without the screen.
_UNSCREENABLE = ("\u0131", "\u017f")
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Besides its key, an alternative's sets of strings are checked only when their strings are at least this long:
# nearly every sentence holds "to" or "in", and looking for them costs more than the searches they would save
# (of 2 to 5, 3 was the fastest on the stance and frame cues).
MIN_CHECKED = 3
MAX_CLASS_CHARACTERS = 4  # a character class of at most this many characters is a set of one-character strings


def _strength(strings: Strings) -> tuple[int, int]:
    """How rarely a text holds one of ``strings``, roughly: the longer the shortest, and the fewer, the rarer."""
    return min(map(len, strings)), -len(strings)


def _choose(candidates: list[Strings]) -> Strings | None:
    """Of several sets of strings, each of which every match must hit, the one whose shortest string is longest."""
    return max(candidates, key=_strength, default=None)


def _clauses(items: Any) -> list[Strings]:
    """Sets of strings such that every match of the sequence ``items`` holds a string of each set."""
    clauses: list[Strings] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            clauses.append(frozenset([run]))
            run = ""
        if op is sre.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a group that ignores case needs no string in the case written
                clauses += _clauses(av[-1].data)
        elif op is sre.ATOMIC_GROUP:
            clauses += _clauses(av.data)
        elif op in _REPEATS and av[0] >= 1:
            clauses += _clauses(av[2].data)
        elif op is sre.IN and len(av) <= MAX_CLASS_CHARACTERS and all(item is sre.LITERAL for item, _ in av):
            clauses.append(frozenset(chr(char) for _, char in av))  # a few characters to choose from: "[图圖]"
        elif op is sre.BRANCH:
            # a choice ("slam|blast") is one set: of each branch, its set whose shortest string is longest
            chosen = [_choose(_clauses(branch.data)) for branch in av[1]]
            if all(chosen):
                clauses.append(frozenset().union(*chosen))  # type: ignore[arg-type]
    if run:
        clauses.append(frozenset([run]))
    return clauses


def _top_level_alternatives(items: Any) -> list[Any]:
    """The alternatives of a pattern that is one alternation (inside anchors and enclosing groups, after the
    literal text ``re`` factors out of its branches), each as a sequence; else the pattern as its one alternative."""
    content = [(op, av) for op, av in items if op not in _ZERO_WIDTH]
    prefix = list(itertools.takewhile(lambda item: item[0] is sre.LITERAL, content))
    rest = content[len(prefix) :]
    if len(rest) == 1 and rest[0][0] is sre.BRANCH:
        return [prefix + list(branch.data) for branch in rest[0][1][1]]
    if len(content) == 1 and content[0][0] is sre.SUBPATTERN:
        return _top_level_alternatives(content[0][1][-1].data)
    return [items]


def required_strings(pattern: str, *, ignore_case: bool) -> tuple[tuple[Strings, ...], ...] | None:
    """For each top-level alternative of ``pattern``, sets of strings such that every match of the alternative
    holds one string of each set (lower-cased when ``ignore_case``); None when an alternative has no such set (it
    can match without any literal text)."""
    flags = re.IGNORECASE if ignore_case else 0
    required = []
    for branch in _top_level_alternatives(sre_parse.parse(pattern, flags).data):
        clauses = _clauses(branch)
        if not clauses:
            return None
        if ignore_case:
            clauses = [frozenset(s.lower() for s in strings) for strings in clauses]
        required.append(tuple(dict.fromkeys(clauses)))
    return tuple(dict.fromkeys(required))


def screen_text(text: str) -> str | None:
    """The text a case-insensitive pattern's strings are looked for in: ``text`` lower-cased, or None when
    lower-casing would not match what ``re.IGNORECASE`` matches (then every pattern is searched)."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(char in text for char in _UNSCREENABLE):
        return None
    return lowered


class _StringFinder:
    """The strings of several pattern sets in one Aho-Corasick automaton (pyahocorasick): a text that the sets screen
    in turn (a sentence, for the stance cues, the frame cues and the attribution patterns) is lower-cased and
    searched once, and each set reads which of its strings it holds."""

    __slots__ = ("_automaton", "_last", "_sets", "ignore_case")

    def __init__(self, *, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self._sets: list[dict[str, Any]] = []
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, dict[int, dict[str, Any]] | None] = ("", {})

    def add(self, strings: dict[str, Any]) -> int:
        """Share the automaton with a set whose ``strings`` map to what the set wants back; the set's number."""
        self._sets.append(strings)
        self._automaton = None  # built again, with these strings, on the next search
        self._last = ("", {})
        return len(self._sets) - 1

    def found(self, text: str) -> dict[int, dict[str, Any]] | None:
        """Per set, the strings ``text`` holds and their values; None when the text cannot be screened."""
        last = self._last
        if last[0] == text:
            return last[1]
        screen = screen_text(text) if self.ignore_case else text
        per_set: dict[int, dict[str, Any]] | None = None
        if screen is not None:
            per_set = {}
            automaton = self._built()
            for _, (string, owners) in automaton.iter(screen) if len(automaton) else ():
                for number, value in owners:
                    per_set.setdefault(number, {})[string] = value
        self._last = (text, per_set)
        return per_set

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            owners: dict[str, list[tuple[int, Any]]] = {}
            for number, strings in enumerate(self._sets):
                for string, value in strings.items():
                    owners.setdefault(string, []).append((number, value))
            self._automaton = ahocorasick.Automaton()
            for string, values in owners.items():
                self._automaton.add_word(string, (string, tuple(values)))
            self._automaton.make_automaton()
        return self._automaton


_SHARED: dict[tuple[str, bool], _StringFinder] = {}


class PatternSet:
    """Compiled patterns, each searched only in texts that hold one of its required strings. One pass of an
    Aho-Corasick automaton over the text finds every required string it holds, for all the patterns at once; sets
    given the same ``shared`` name share one automaton and one pass per text."""

    __slots__ = ("_always", "_finder", "_last", "_number", "ignore_case", "patterns")

    def __init__(self, patterns: Sequence[str], *, ignore_case: bool = True, shared: str | None = None) -> None:
        self.patterns = tuple(re.compile(p, re.IGNORECASE if ignore_case else 0) for p in patterns)
        self.ignore_case = ignore_case
        # Each alternative of each pattern is keyed by one of its sets of strings (the one whose shortest string is
        # longest); a text that holds a key string is a candidate when it holds a string of every other set too.
        keyed: dict[str, list[tuple[int, tuple[Strings, ...]]]] = {}
        always = []
        for index, pattern in enumerate(patterns):
            required = required_strings(pattern, ignore_case=ignore_case)
            if required is None:
                always.append(index)
                continue
            for clauses in required:
                key = max(clauses, key=_strength)
                others = tuple(
                    strings for strings in clauses if strings is not key and min(map(len, strings)) >= MIN_CHECKED
                )
                for string in {string for strings in (key, *others) for string in strings}:
                    keyed.setdefault(string, [])
                for string in key:
                    keyed[string].append((index, others))
        self._always = frozenset(always)
        self._finder = (
            _SHARED.setdefault((shared, ignore_case), _StringFinder(ignore_case=ignore_case))
            if shared
            else _StringFinder(ignore_case=ignore_case)
        )
        self._number = self._finder.add({string: tuple(alternatives) for string, alternatives in keyed.items()})
        # the last text screened and its candidates; an empty text holds no string (nor is the automaton built yet)
        self._last = ("", tuple(sorted(self._always)))

    def candidates(self, text: str) -> tuple[int, ...]:
        """The indices, in order, of the patterns that may match ``text``: those that cannot are left out."""
        last = self._last
        if last[0] == text:  # a sentence is often screened again for another pattern of the same set
            return last[1]
        found = self._screen(text)
        self._last = (text, found)
        return found

    def _screen(self, text: str) -> tuple[int, ...]:
        per_set = self._finder.found(text)
        if per_set is None:
            return tuple(range(len(self.patterns)))
        found = per_set.get(self._number, {})
        hits = set(self._always)
        for keyed in found.values():
            for index, others in keyed:
                if index not in hits and all(not strings.isdisjoint(found) for strings in others):
                    hits.add(index)
        return tuple(sorted(hits))


def _opening(items: Any) -> Strings | None:
    """Strings one of which every match of the sequence ``items`` opens with, or None when it has no such strings."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            literals = itertools.takewhile(lambda item: item[0] is sre.LITERAL, items[index:])
            return frozenset(["".join(chr(char) for _, char in literals)])
        if op is sre.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else _opening(av[-1].data)
        if op is sre.ATOMIC_GROUP:
            return _opening(av.data)
        if op in _REPEATS and av[0] >= 1:
            return _opening(av[2].data)
        if op is sre.BRANCH:
            openings = [_opening(branch.data) for branch in av[1]]
            return frozenset().union(*openings) if all(openings) else None  # type: ignore[arg-type]
        return None
    return None


class Screened:
    """One pattern whose ``search`` in a stretch of text runs only where the stretch holds the strings every match
    needs (see PatternSet); the same match as the pattern's own ``search``."""

    __slots__ = ("_screen", "pattern")

    def __init__(self, pattern: re.Pattern[str], *, shared: str | None = None) -> None:
        if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
            raise ValueError(f"Screened reads only the IGNORECASE flag: {pattern.pattern[:60]!r}")
        self.pattern = pattern
        self._screen = PatternSet([pattern.pattern], ignore_case=bool(pattern.flags & re.IGNORECASE), shared=shared)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        return self.pattern.search(text, pos, end) if self._screen.candidates(text[pos:end]) else None


class OpeningFinder:
    """``finditer`` of a case-sensitive pattern every match of which opens with one of a few literal strings (a list
    of speech verbs): the pattern is tried only where one of them starts, found by one Aho-Corasick pass, instead of
    at every position. The matches are ``finditer``'s."""

    __slots__ = ("_automaton", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if pattern.flags & re.IGNORECASE:
            raise ValueError(f"OpeningFinder needs a case-sensitive pattern: {pattern.pattern[:60]!r}")
        self.pattern = pattern
        openings = _opening(list(sre_parse.parse(pattern.pattern, pattern.flags)))
        self._automaton = None
        if openings:
            self._automaton = ahocorasick.Automaton()
            for opening in openings:
                self._automaton.add_word(opening, len(opening))
            self._automaton.make_automaton()

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._automaton is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        starts = sorted({last + 1 - length for last, length in self._automaton.iter(text, pos, end)})
        resume = pos
        for start in starts:
            if start < resume:
                continue
            match = self.pattern.match(text, start, end)
            if match:
                yield match
                resume = max(match.end(), start + 1)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (inside one enclosing non-capturing group, if it has one, which a
    "^" may open), as source text: a text matches the pattern exactly when it matches one of them."""
    anchor = "^" if pattern.startswith("^(?:") else ""
    body = pattern[len(anchor) :]
    closing = next((index for index, char, depth in _syntax(body) if char == ")" and depth == 0), -1)
    enclosed = body.startswith("(?:") and closing == len(body) - 1
    if anchor and not enclosed:
        return [pattern]
    inner = body[3:-1] if enclosed else body
    bars = [index for index, char, depth in _syntax(inner) if char == "|" and depth == 0]
    parts = [inner[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(inner)])]
    return [f"^(?:{part})" for part in parts] if anchor else parts


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

    def __init__(self, *patterns: str, ignore_case: bool = True, shared: str | None = None) -> None:
        self.parts = PatternSet(
            [part for pattern in patterns for part in alternatives(pattern)], ignore_case=ignore_case, shared=shared
        )

    def search(self, text: str) -> bool:
        return any(self.parts.patterns[index].search(text) for index in self.parts.candidates(text))
