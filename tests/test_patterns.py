import random
import re
from functools import cache

import pytest

from h20lib import config, resources
from h20lib.measures import attribution, frames, stance
from h20lib.parse import structure
from h20lib.patterns import (
    AnyOf,
    OpeningFinder,
    PatternSet,
    Screened,
    alternatives,
    required_strings,
    screen_text,
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bcopyright\b", [[{"copyright"}]]),
        (r"\b(?:slam|blast)\w*\s+the\s+decision", [[{"slam", "blast"}, {"the"}, {"decision"}]]),
        (r"\b(?:Giveaway|gift to (?:beijing|china))\b", [[{"giveaway"}], [{"gift to "}, {"beijing", "china"}]]),
        (r"^(?:photo\s*:|.*\bgetty\s+images\b.{0,40}$)", [[{"photo"}, {":"}], [{"getty"}, {"images"}]]),
        (r"(?:very\s+)?good\s+news", [[{"good"}, {"news"}]]),  # an optional part holds nothing required
        (r"(?:a|bc)+x", [[{"a", "bc"}, {"x"}]]),
        (r"x\s(?:ab|\d)", [[{"x"}]]),  # a branch without literal text adds no set
        (r"\d+%", [[{"%"}]]),
        (r"\d+\s*\w+", None),  # no literal text: always searched
        (r"(?:foo)?\s*\w+", None),
        (r"foo|\d+", None),  # one alternative without literal text
        (r"(?:ab){2,}", [[{"ab"}]]),
        (r"[图圖]\s*[/:]", [[{"图", "圖"}, {"/", ":"}]]),  # a class of a few characters is a set of them
        (r"[a-z]\d", None),  # a range is not
        (r"(?i:said)\s+x", [[{"x"}]]),  # a group that ignores case holds no string in the case written
    ],
)
def test_required_strings(pattern, expected):
    required = required_strings(pattern, ignore_case=True)
    assert required == (None if expected is None else tuple(tuple(map(frozenset, sets)) for sets in expected))


def test_required_strings_keep_case_for_case_sensitive_patterns():
    assert required_strings(r"\bNvidia\b", ignore_case=False) == ((frozenset({"Nvidia"}),),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics slammed the decision", [0]),
        ("the decision stands", []),  # the key string of the first pattern, but not "slam" or "blast"
        ("a gift to Beijing", [1]),
        ("a gift to the region", []),  # "gift to " without "beijing" or "china"
        ("Washington", []),
    ],
)
def test_a_pattern_is_a_candidate_only_when_it_holds_every_set_of_one_alternative(text, expected):
    screen = PatternSet([r"\b(?:slam|blast)\w*\s+the\s+decision", r"\b(?:giveaway|gift to (?:beijing|china))\b"])
    assert screen.candidates(text) == tuple(expected)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:a|b(?:c|d))", ["a", "b(?:c|d)"]),
        (r"a|[|]|\||(?:x)", ["a", "[|]", r"\|", "(?:x)"]),
        (r"(?:a)(?:b)|c", ["(?:a)(?:b)", "c"]),  # the outer group does not enclose the whole pattern
        (r"[]|]x|y", ["[]|]x", "y"]),
        (r"^(?:a|b$)", ["^(?:a)", "^(?:b$)"]),  # an anchor before the enclosing group goes with each alternative
        (r"^a|b", ["^a", "b"]),
    ],
)
def test_alternatives(pattern, expected):
    assert alternatives(pattern) == expected


@pytest.mark.parametrize(
    ("text", "screened"),
    [
        ("Nvidia’s H20", True),
        ("ſtop", False),  # long s: IGNORECASE matches it as "s", lower() keeps it
        ("\u0131t", False),  # dotless i
        ("\u0130stanbul", False),  # lower() makes two characters of it
    ],
)
def test_screen_text(text, screened):
    assert (screen_text(text) is not None) == screened


@cache
def _lexicon_patterns() -> list[str]:
    cues = resources.lexicon("frame_cues.toml")
    boilerplate = resources.lexicon("structure_cues.toml")["boilerplate"]
    return [
        *(cue.pattern.pattern for cue in stance.cues()),
        *(pattern for frame in frames.frame_names() for pattern in cues[frame]["patterns"]),
        *(part for key in ("line", "line_more", "line_extra") for part in alternatives(boilerplate[key])),
    ]


@cache
def _real_lines() -> list[str]:
    lines = [line for path in sorted(config.REAL_CORPUS_DIR.glob("*.txt")) for line in path.read_text().splitlines()]
    return [line for line in lines if line.strip()]


def test_the_screen_never_skips_a_pattern_that_matches():
    """Every lexicon pattern that matches a line of the real articles is among the line's candidates."""
    patterns = _lexicon_patterns()
    screen = PatternSet(patterns)
    compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    matched = skipped = 0
    for line in _real_lines():
        candidates = set(screen.candidates(line))
        for index, pattern in enumerate(compiled):
            if pattern.search(line):
                matched += 1
                assert index in candidates, (patterns[index], line)
            elif index not in candidates:
                skipped += 1
    assert matched > 100 and skipped > 100 * matched  # the screen is exercised, and skips most searches


@pytest.mark.parametrize("text", ["Never ſubscribe", "Subscribe to our newsletter today", "Copyright 2025", "x"])
def test_any_of_agrees_with_searching_each_pattern(text):
    boilerplate = resources.lexicon("structure_cues.toml")["boilerplate"]
    patterns = [boilerplate[key] for key in ("line", "line_more", "line_extra")]
    expected = any(re.search(p, text, re.IGNORECASE) for p in patterns)
    assert AnyOf(*patterns).search(text) == expected
    assert structure._is_boilerplate_line(text) in (expected, True)  # a tag list is boilerplate too


def test_a_pattern_set_without_strings_searches_everything():
    assert PatternSet([r"\d+", r"\s"]).candidates("a 1") == (0, 1)


def test_screening_texts_in_turn_gives_each_its_own_candidates():
    """The last text's candidates are kept for the same text screened again, and only for it."""
    patterns = [r"\bslam\w*\s+the\s+decision", r"\bgift to (?:beijing|china)\b", r"\d*"]
    screen = PatternSet(patterns)
    texts = ["", "they slammed the decision", "they slammed the decision", "a gift to China", "", "a gift to China"]
    assert [screen.candidates(text) for text in texts] == [PatternSet(patterns).candidates(text) for text in texts]
    assert screen.candidates("") == (2,)


@pytest.mark.parametrize(
    ("pattern", "text", "pos", "endpos"),
    [
        (r"\b(?:said|says|told)\b", "He said she says they told", 0, None),
        (r"\b(?:said|says)\b", "xsaid said", 1, None),  # "\b" sees the character before the start
        (r"\b(?:said|says)\b", "He saidx", 0, 7),  # the end cuts the text as finditer's does
        (r"\b(?:pointed\s+out|point(?:ed|s)|alleged(?=\s+that\b))", "pointed out, points, alleged that", 0, None),
        (r"(?:ab|b)+c", "abbabc bc", 0, None),  # overlapping openings
        (r"\w+ly", "quickly and slowly", 0, None),  # no opening strings: searched everywhere
        (r"\b(?i:said)\b", "He SAID so", 0, None),  # a group that ignores case opens with no string as written
    ],
)
def test_opening_finder_gives_finditers_matches(pattern, text, pos, endpos):
    compiled = re.compile(pattern)
    end = len(text) if endpos is None else endpos
    expected = [match.span() for match in compiled.finditer(text, pos, end)]
    assert [match.span() for match in OpeningFinder(compiled).finditer(text, pos, endpos)] == expected


def test_opening_finder_agrees_with_finditer_on_real_lines():
    """The speech verbs found in random stretches of every real line are finditer's."""
    finder = attribution._rules().speech
    rng = random.Random(1)
    found = 0
    for line in _real_lines():
        start = rng.randrange(len(line) + 1)
        end = rng.randrange(start, len(line) + 1)
        expected = [match.span() for match in finder.pattern.finditer(line, start, end)]
        assert [match.span() for match in finder.finditer(line, start, end)] == expected
        found += len(expected)
    assert found > 100


def test_opening_finder_refuses_a_case_insensitive_pattern():
    with pytest.raises(ValueError, match="case-sensitive"):
        OpeningFinder(re.compile("said", re.IGNORECASE))


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "pos", "endpos"),
    [
        (r"\breportedly\b|\bis\s+said\s+to\b", re.IGNORECASE, "Nvidia REPORTEDLY asked", 0, None),
        (r"\breportedly\b", re.IGNORECASE, "Nvidia reportedly asked", 10, None),  # the stretch starts inside it
        (r"\breportedly\b", re.IGNORECASE, "Nvidia reportedly asked", 0, 12),  # and ends inside it
        (r",\s+(?P<verb>said|says)[.]?$", 0, "It works, said Huang. It works, said", 0, 20),  # case kept
        (r",\s+(?P<verb>said|says)[.]?$", 0, "It works, Said", 0, None),
        (r"\d+", 0, "no digits here 42", 0, None),  # no strings: always searched
    ],
)
def test_screened_search_is_the_patterns(pattern, flags, text, pos, endpos):
    compiled = re.compile(pattern, flags)
    end = len(text) if endpos is None else endpos
    found, expected = Screened(compiled).search(text, pos, endpos), compiled.search(text, pos, end)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def test_screened_refuses_flags_it_does_not_read():
    with pytest.raises(ValueError, match="IGNORECASE"):
        Screened(re.compile("said  # a comment", re.VERBOSE))


def test_pattern_sets_sharing_an_automaton_give_their_own_candidates():
    """Sets that share one automaton (and one pass per text) screen texts in turn as each would alone."""
    first = [r"\bslam\w*\s+the\s+decision", r"\bgift to (?:beijing|china)\b"]
    second = [r"\breportedly\b", r"\d+", r"\bgift\b"]
    shared = (PatternSet(first, shared="test"), PatternSet(second, shared="test"))
    alone = (PatternSet(first), PatternSet(second))
    texts = ["a gift to China", "a gift to China", "it reportedly slammed the decision", "", "42 gifts", "ſlam"]
    for text in texts:
        assert [s.candidates(text) for s in shared] == [s.candidates(text) for s in alone]
