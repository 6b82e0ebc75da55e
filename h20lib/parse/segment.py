"""Sentence splitting with exact character offsets, needing no downloaded data."""

from __future__ import annotations

import re
import string

from h20lib import resources

# Words that open a sentence often enough that "U.S. The" is read as a boundary after "U.S.".
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "however",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "while",
        "when",
        "if",
        "as",
        "yet",
        "still",
        "meanwhile",
        "despite",
        "although",
    ]
)

_BOUNDARY = re.compile(
    r"""(?P<end>[.!?]+|…|\.{3})        # terminal punctuation
        (?P<close>[”"’')\]）】]*)      # closing quotes or brackets that belong to the sentence
        (?P<space>\s+)                  # whitespace
        (?=[“"‘'(\[（【]*[A-Z0-9])       # next sentence starts with a capital or digit""",
    re.VERBOSE,
)
_CJK_BOUNDARY = re.compile(r"[。！？]+[”」』）]*")
# a quotation opened right after a sentence's end, the space lost in scraping: 'Huang said.“Technology is ...'
_GLUED_BOUNDARY = re.compile(r"(?<=[a-z0-9])[.!?][”’]?(?=[“‘][A-Z])")
_LETTER_OR_DOT = frozenset(string.ascii_letters + ".")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"[“\"‘'(\[]*([A-Za-z]+)")


def _word_before(text: str, dot_at: int) -> str:
    """The letters and dots just before ``dot_at``, from the first letter ("U.S" before "U.S."): read backwards
    from the full stop, so splitting stays linear in the length of the text."""
    start = dot_at
    while start > 0 and text[start - 1] in _LETTER_OR_DOT:
        start -= 1
    return text[start:dot_at].lstrip(".")


def _is_abbreviation(text: str, dot_at: int) -> bool:
    word = _word_before(text, dot_at)
    if not word:
        return False
    word = word.lower().rstrip(".")
    if word in resources.word_list("abbreviations.txt"):
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "Jensen H. Huang"


def _is_initialism(text: str, dot_at: int) -> bool:
    return _INITIALISM.fullmatch(_word_before(text, dot_at).lower()) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text[start:end]``, trimmed of surrounding whitespace.

    Boundaries fall after ., !, ?, … or 。 (with any closing quote) when the next word starts with a
    capital or a digit, except after titles, initials and abbreviations, and where a quotation opens right after a
    sentence's end without a space. Line breaks are not boundaries here: callers split paragraphs first.
    """
    end = len(text) if end is None else end
    cuts = [start]
    for match in _BOUNDARY.finditer(text, start, end):
        dot_at = match.start("end")
        if match.group("end") == "." and _is_abbreviation(text, dot_at):
            if not _is_initialism(text, dot_at):
                continue
            following = _NEXT_WORD.match(text, match.end())
            if not following or following.group(1).lower() not in SENTENCE_OPENERS:
                continue
        cuts.append(match.start("space"))
    for match in _CJK_BOUNDARY.finditer(text, start, end):
        cuts.append(match.end())
    if "“" in text or "‘" in text:
        cuts += [match.end() for match in _GLUED_BOUNDARY.finditer(text, start, end)]
    cuts.append(end)
    spans = []
    for left, right in zip(sorted(set(cuts)), sorted(set(cuts))[1:]):
        left, right = _trim(text, left, right)
        if left < right:
            spans.append((left, right))
    return spans


def _trim(text: str, left: int, right: int) -> tuple[int, int]:
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right
