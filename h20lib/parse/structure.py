"""The parts of a news text: headlines, metadata, bylines, transcript turns, captions, boilerplate, comments.

``parse_structure(text)`` reads one raw document and returns its sentences as ``Part`` records whose
offsets point into ``text``. It knows kinds of text, never particular articles; the cues are data in
``h20lib/data/lexicons/structure_cues.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from h20lib import resources
from h20lib.parse.language import detect_language
from h20lib.parse.segment import split_sentences

KINDS = ("headline", "body", "comment", "boilerplate", "caption", "metadata")


@dataclass(frozen=True)
class _Cues:
    """The patterns of structure_cues.toml, compiled case-insensitive."""

    date_line: re.Pattern[str]
    slug_line: re.Pattern[str]
    release_label: re.Pattern[str]
    byline_line: re.Pattern[str]
    bracket_byline: re.Pattern[str]
    wire_dateline: re.Pattern[str]
    boilerplate_block: re.Pattern[str]
    boilerplate_line: re.Pattern[str]
    footer_start: re.Pattern[str]
    not_a_speaker: re.Pattern[str]
    caption_line: re.Pattern[str]
    bare_credit: re.Pattern[str]
    turn_label: re.Pattern[str]
    turn_line: re.Pattern[str]
    asker_label: re.Pattern[str]
    comments_heading: re.Pattern[str]
    comment_marker: re.Pattern[str]


@cache
def _cues() -> _Cues:
    data = resources.lexicon("structure_cues.toml")
    return _Cues(
        date_line=re.compile(data["metadata"]["date_line"], re.IGNORECASE),
        slug_line=re.compile(data["metadata"]["slug_line"], re.IGNORECASE),
        release_label=re.compile(data["metadata"]["release_label"], re.IGNORECASE),
        byline_line=re.compile(data["metadata"]["byline_line"], re.IGNORECASE),
        bracket_byline=re.compile(data["prefix"]["bracket_byline"], re.IGNORECASE),
        wire_dateline=re.compile(data["prefix"]["wire_dateline"], re.IGNORECASE),
        boilerplate_block=re.compile(data["boilerplate"]["block_start"], re.IGNORECASE),
        boilerplate_line=re.compile(data["boilerplate"]["line"], re.IGNORECASE),
        footer_start=re.compile(data["boilerplate"]["footer_start"], re.IGNORECASE),
        not_a_speaker=re.compile(data["boilerplate"]["not_a_speaker"], re.IGNORECASE),
        caption_line=re.compile(data["caption"]["line"], re.IGNORECASE),
        bare_credit=re.compile(data["caption"]["bare_credit"], re.IGNORECASE),
        turn_label=re.compile(data["transcript"]["turn_label"], re.IGNORECASE),
        turn_line=re.compile(data["transcript"]["turn_line"], re.IGNORECASE),
        asker_label=re.compile(data["transcript"]["asker_label"], re.IGNORECASE),
        comments_heading=re.compile(data["comments"]["heading"], re.IGNORECASE),
        comment_marker=re.compile(data["comments"]["marker"], re.IGNORECASE),
    )


HEADLINE_MAX_WORDS = 30
# Reader comments are short: a trailing run of lines this short, most of them marked as posts, is a
# comment thread even without a heading.
COMMENT_MAX_WORDS = 30
UNMARKED_COMMENT_MAX_WORDS = 15  # a longer line without a post marker reads as the article's own prose
RELATED_LINK_MAX_WORDS = 16
_TERMINAL = re.compile(r"[.!?。！？…:;：]['\"”’)\]]*$")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Part:
    """One sentence (or a split-off byline, dateline or turn label) of a document."""

    start: int
    end: int
    kind: str
    lang: str
    paragraph: int
    turn: str = ""  # transcript turn label the sentence belongs to ("Answer", "Lin Jian"), else ""


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "body"
    turn: str = ""
    body_start: int | None = None  # where the sentences start when a label or byline leads the line
    prefix_kind: str = "metadata"


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        stripped_left = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if content:
            start = offset + stripped_left
            lines.append(_Line(start, start + len(content), content))
        offset += len(raw) + 1
    return lines


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _is_title_like(line: _Line) -> bool:
    return _word_count(line.text) <= HEADLINE_MAX_WORDS and not _TERMINAL.search(line.text)


def _is_metadata(text: str) -> bool:
    return any(
        p.match(text) for p in (_cues().date_line, _cues().slug_line, _cues().release_label, _cues().byline_line)
    )


def _classify_lines(lines: list[_Line]) -> None:
    in_footer = in_comments = in_related = False
    turn = ""
    seen_body = False
    for index, line in enumerate(lines):
        text = line.text
        if in_footer:
            line.kind = "boilerplate"
            continue
        if _cues().footer_start.search(text):
            line.kind, in_footer = "boilerplate", True
            continue
        if _cues().comments_heading.match(text):
            line.kind, in_comments = "boilerplate", True
            continue
        if in_comments:
            line.kind = "comment"
            continue
        if in_related:
            if _word_count(text) <= RELATED_LINK_MAX_WORDS and not _TERMINAL.search(text):
                line.kind = "boilerplate"
                continue
            in_related = False
        if _cues().boilerplate_block.match(text):
            line.kind, in_related = "boilerplate", True
            continue
        if _cues().boilerplate_line.search(text):
            line.kind = "boilerplate"
            continue
        if _cues().caption_line.match(text):
            line.kind = "caption"
            continue
        if _is_metadata(text):
            line.kind = "metadata"
            continue
        if _cues().turn_label.match(text):
            line.kind = "metadata"
            turn = text.rstrip(":： ").strip()
            continue
        turn_match = _cues().turn_line.match(text)
        if turn_match and not _cues().not_a_speaker.match(turn_match.group("speaker")):
            turn = turn_match.group("speaker")
            line.kind, line.turn = "body", turn
            line.body_start = line.start + turn_match.start("rest")
            seen_body = True
            continue
        if _is_title_like(line) and (not seen_body or _opens_section(lines, index)):
            line.kind = "headline"
            turn = ""
            continue
        line.kind, line.turn = "body", turn
        seen_body = True
    _mark_trailing_comments(lines)


def _opens_section(lines: list[_Line], index: int) -> bool:
    """A short unpunctuated line inside a text heads a new section when it follows a heading or is
    followed by another heading-like line or a date line."""
    previous = lines[index - 1] if index else None
    following = lines[index + 1] if index + 1 < len(lines) else None
    if previous is not None and previous.kind == "headline":
        return True
    return following is not None and (_is_title_like(following) or bool(_cues().date_line.match(following.text)))


def _mark_trailing_comments(lines: list[_Line]) -> None:
    run: list[_Line] = []
    for line in reversed(lines):
        if line.kind == "boilerplate" and not run:
            continue
        words = _word_count(line.text)
        if line.kind != "body" or words > COMMENT_MAX_WORDS:
            break
        if words > UNMARKED_COMMENT_MAX_WORDS and not _is_marked(line.text):
            break
        run.append(line)
    marked = sum(1 for line in run if _is_marked(line.text))
    if len(run) >= 2 and marked >= 2 and marked * 2 >= len(run):
        for line in run:
            line.kind, line.turn, line.body_start = "comment", "", None


def _is_marked(text: str) -> bool:
    return any(_cues().comment_marker.search(text[s:e]) for s, e in split_sentences(text))


def _split_prefix(line: _Line, *, first_body_line: bool) -> None:
    """Split a byline or wire dateline glued to the front of a line into its own metadata part."""
    if line.body_start is not None or line.kind not in ("body", "headline"):
        return
    for pattern in (_cues().bracket_byline,) + ((_cues().wire_dateline,) if first_body_line else ()):
        match = pattern.match(line.text)
        if match and match.end() < len(line.text):
            line.body_start = line.start + match.end()
            return


def _caption_paragraph(text: str, spans: list[tuple[int, int]]) -> bool:
    return len(spans) >= 2 and bool(_cues().bare_credit.match(text[spans[-1][0] : spans[-1][1]]))


def parse_structure(text: str) -> list[Part]:
    """The sentences of one raw document, each with its kind, language, paragraph and transcript turn."""
    lines = _lines(text)
    _classify_lines(lines)
    parts: list[Part] = []
    first_body = next((line for line in lines if line.kind == "body"), None)
    for paragraph, line in enumerate(lines):
        _split_prefix(line, first_body_line=line is first_body)
        body_start = line.start
        if line.body_start is not None:
            prefix_end = line.body_start
            while prefix_end > line.start and text[prefix_end - 1].isspace():
                prefix_end -= 1
            parts.append(
                Part(
                    line.start,
                    prefix_end,
                    "metadata",
                    detect_language(text[line.start : prefix_end]),
                    paragraph,
                    line.turn,
                )
            )
            body_start = line.body_start
        spans = split_sentences(text, body_start, line.end)
        kind = "caption" if line.kind == "body" and _caption_paragraph(text, spans) else line.kind
        for start, end in spans:
            parts.append(Part(start, end, kind, detect_language(text[start:end]), paragraph, line.turn))
    _check_parts(text, parts)
    return parts


def _check_parts(text: str, parts: list[Part]) -> None:
    previous_end = 0
    for part in parts:
        if not (previous_end <= part.start < part.end <= len(text)):
            raise AssertionError(f"sentence offsets out of order or outside the text: {part}")
        if text[part.start : part.end] != text[part.start : part.end].strip():
            raise AssertionError(f"sentence offsets include surrounding whitespace: {part}")
        if part.kind not in KINDS:
            raise AssertionError(f"unknown kind {part.kind!r}")
        previous_end = part.end


def is_date_line(text: str) -> bool:
    """True for a line that gives a publication date ("Published: 15 July 2025", "2025-07-15 14:02")."""
    return bool(_cues().date_line.match(text))


def is_asker(turn: str) -> bool:
    """True for transcript labels of the side that asks ("Question", "Q", "Reporter from AFP")."""
    return bool(_cues().asker_label.match(turn))
