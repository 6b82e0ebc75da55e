"""The parts of a news text: headlines, metadata, bylines, transcript turns, captions, boilerplate, comments.

``parse_structure(text)`` reads one raw document and returns its sentences as ``Part`` records whose
offsets point into ``text``. It knows kinds of text, never particular articles; the cues are data in
``h20lib/data/lexicons/structure_cues.toml``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from h20lib import resources
from h20lib.parse.chrome import learned_chrome
from h20lib.parse.language import detect_language
from h20lib.parse.segment import split_sentences
from h20lib.patterns import CHINESE_CHARACTER, AnyOf

KINDS = ("headline", "body", "comment", "boilerplate", "caption", "metadata")


@dataclass(frozen=True)
class _Cues:
    """The patterns of structure_cues.toml, compiled case-insensitive."""

    date_line: re.Pattern[str]
    slug_line: re.Pattern[str]
    release_label: re.Pattern[str]
    byline_line: re.Pattern[str]
    byline_agency: re.Pattern[str]
    paper_label_zh: re.Pattern[str]
    bracket_byline: re.Pattern[str]
    wire_dateline: re.Pattern[str]
    date_stamp: re.Pattern[str]
    boilerplate_block: re.Pattern[str]
    boilerplate_line: AnyOf  # the line, line_more and line_extra patterns of [boilerplate]
    date_or_time: re.Pattern[str]
    date_companions: re.Pattern[str]
    footer_start: AnyOf
    not_a_speaker: re.Pattern[str]
    caption_line: AnyOf
    bare_credit: re.Pattern[str]
    turn_label: re.Pattern[str]
    turn_line: re.Pattern[str]
    turn_line_zh: re.Pattern[str]
    qa_period_line: re.Pattern[str]
    asker_label: re.Pattern[str]
    comments_heading: re.Pattern[str]
    comment_marker: re.Pattern[str]
    credit_words: frozenset[str]
    speaker_title_zh: re.Pattern[str]
    role_in_label: re.Pattern[str]


@cache
def _cues() -> _Cues:
    data = resources.lexicon("structure_cues.toml")
    return _Cues(
        date_line=re.compile(data["metadata"]["date_line"], re.IGNORECASE),
        slug_line=re.compile(data["metadata"]["slug_line"], re.IGNORECASE),
        release_label=re.compile(data["metadata"]["release_label"], re.IGNORECASE),
        byline_line=re.compile(data["metadata"]["byline_line"], re.IGNORECASE),
        byline_agency=re.compile(data["metadata"]["byline_agency"], re.IGNORECASE),
        paper_label_zh=re.compile(data["metadata"]["paper_label_zh"]),
        bracket_byline=re.compile(data["prefix"]["bracket_byline"], re.IGNORECASE),
        wire_dateline=re.compile(data["prefix"]["wire_dateline"], re.IGNORECASE),
        date_stamp=re.compile(data["prefix"]["date_stamp"], re.IGNORECASE),
        boilerplate_block=re.compile(data["boilerplate"]["block_start"], re.IGNORECASE),
        boilerplate_line=AnyOf(
            *(data["boilerplate"][key] for key in ("line", "line_more", "line_extra")), shared="line"
        ),
        date_or_time=re.compile(data["metadata"]["date_or_time"], re.IGNORECASE),
        date_companions=re.compile(data["metadata"]["date_companions"], re.IGNORECASE),
        footer_start=AnyOf(data["boilerplate"]["footer_start"], shared="line"),
        not_a_speaker=re.compile(data["boilerplate"]["not_a_speaker"], re.IGNORECASE),
        caption_line=AnyOf(data["caption"]["line"], shared="line"),
        bare_credit=re.compile(data["caption"]["bare_credit"], re.IGNORECASE),
        turn_label=re.compile(data["transcript"]["turn_label"], re.IGNORECASE),
        turn_line=re.compile(data["transcript"]["turn_line"], re.IGNORECASE),
        turn_line_zh=re.compile(data["transcript"]["turn_line_zh"]),
        qa_period_line=re.compile(data["transcript"]["qa_period_line"]),
        asker_label=re.compile(data["transcript"]["asker_label"], re.IGNORECASE),
        comments_heading=re.compile(data["comments"]["heading"], re.IGNORECASE),
        comment_marker=re.compile(data["comments"]["marker"], re.IGNORECASE),
        credit_words=frozenset(data["caption"]["credit_words"].split()),
        speaker_title_zh=re.compile(data["transcript"]["speaker_title_zh"]),
        role_in_label=re.compile(data["transcript"]["role_in_label"], re.IGNORECASE),
    )


HEADLINE_MAX_WORDS = 30
# Reader comments are short: a trailing run of lines this short, most of them marked as posts, is a
# comment thread even without a heading.
COMMENT_MAX_WORDS = 30
UNMARKED_COMMENT_MAX_WORDS = 15  # a longer line without a post marker reads as the article's own prose
# A title-like line this short is a page label ("Markets", "Share", "Key Takeaways", "0"), not a headline.
LABEL_MAX_WORDS = 3
TEASER_MIN_WORDS = 6  # shorter repeated lines are labels, handled as such
# The credit under a pull quote: a name, a comma and a short title, and nothing else ("Jane Roe, Example Corp CEO").
_PULL_QUOTE_CREDIT = re.compile(r"^[—–-]?\s*(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}),\s+[^,.!?:;]{2,40}$")
# A line of a caption credit ("Getty Images, Jane Doe") this short takes the line before it, when that line is no
# longer than CAPTION_MAX_WORDS, into the caption: web pages put an image's description above its credit.
CREDIT_MAX_WORDS = 12
CAPTION_MAX_WORDS = 45
# Hard-wrapped text (print and e-mail copies) breaks lines mid-sentence at a fixed width: when at least
# WRAPPED_MIN_LINES lines end without terminal punctuation at nearly one width, lines are joined back into paragraphs.
IMAGE_TITLE_MAX_WORDS = 15
TAG_LIST_MIN_ITEMS = 3
TAG_MAX_WORDS = 5  # a tag is a few words (in Chinese about ten characters)
_SENTENCE_MARK = re.compile(r"[.!?。！？；：:]")
_CHINESE_NAME_LINE = re.compile(r"^[\u3400-\u9fff]{2,4}$")
# A speaker's label before a colon is a name of at most this many words unless it names a role ("Reporter from AFP").
TURN_LABEL_MAX_WORDS = 3
_NAME_ENDINGS = ("Corp.", "Inc.", "Co.", "Ltd.")  # a title may end in a company's name
DATED_NAME_MAX_WORDS = 3  # an outlet's name beside a date ("Associated Press")
# Lower-case words only, without punctuation: tags or section links run together ("financialsemiconductors markets").
_TAG_STRIP = re.compile(r"^[a-z0-9&/ -]+$")
WRAPPED_MIN_LINES = 4
LINK_SPLIT_MIN_WORDS = 2  # a line continued by a lower-case line after a blank line has at least these words
WRAP_WIDTH_SPREAD = 12  # characters by which the wrapped lines' lengths may differ
WRAP_MIN_WIDTH = 40  # narrower "wrapping" is a column of page labels, not wrapped prose
_TERMINAL = re.compile(r"[.!?。！？…:;：]['\"”’)\]」』）]*$")
_WORD = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]+")
_WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")  # the characters that end a word as spaces do
# A line ending in one of these words is a sentence broken across lines (case-sensitive: "Sales to China" ends a title).
_DANGLING = re.compile(r"\b(?:the|a|an|of|to|in|its|his|her|their|our|and|or|for|with|by|from|that|named|called)$")
_END_MARK = re.compile(r"[（(]\s*完\s*[)）]$")  # the end mark of Chinese news copy, often on the last line of text


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
    cut_off: bool = False  # the last line of a stored copy, cut off mid-sentence: article text, whatever it looks like
    glued_label: bool = False  # a speaker's label a scraper ran onto the end of the line before ("...now.Host:")


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        stripped_left = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if content:
            start = offset + stripped_left
            stamp = _cues().date_stamp.match(content)
            if stamp:  # a stored page's date stamp before its first line is a line of its own
                lines.append(_Line(start, start + len(stamp.group().rstrip()), stamp.group().rstrip()))
                start, content = start + stamp.end(), content[stamp.end() :]
            glued = _GLUED_LABEL.search(content)
            if glued:  # "... opening ceremony.Jensen Huang:": the sentence, then the next turn's label
                lines.append(_Line(start, start + glued.start(), content[: glued.start()]))
                start, content = start + glued.start(), content[glued.start() :]
            lines.append(_Line(start, start + len(content), content, glued_label=bool(glued)))
        offset += len(raw) + 1
    return _unwrapped(text, lines)


# A transcript's speaker label run onto the end of a sentence with no space between: "...ceremony.Jensen Huang:",
# "...now.Host:"; one to four capitalised words, after the sentence's closing mark, ending the line.
# A stage direction run on the same way ("...energetic.(Voice-over)") ends the turn: the narration is no one's.
_GLUED_LABEL = re.compile(
    r"(?<=[a-z0-9][.!?…)”\"])(?:(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}\s*[:：]|\([A-Z][\w’'-]*(?:[\s-][A-Za-z][\w’'-]*){0,2}\))$"
)


def _unwrapped(text: str, lines: list[_Line]) -> list[_Line]:
    """Lines broken inside a sentence joined back: every line that ends in a word no sentence ends with ("its",
    "the", "of"), and in hard-wrapped text every line that ends without terminal punctuation near the wrap width."""
    width = _wrap_width(text, lines)
    joined = lines[:1]
    for line in lines[1:]:
        previous = joined[-1]
        last_line_length = previous.end - (text.rfind("\n", previous.start, previous.end) + 1 or previous.start)
        breaks = text.count("\n", previous.end, line.start)
        wrapped = (breaks == 1 and bool(_DANGLING.search(previous.text))) or (
            breaks <= _wrap_breaks(previous.text) and width > 0 and last_line_length >= width - WRAP_WIDTH_SPREAD
        )
        # a link's words set apart by blank lines ("... allowed Nvidia to" / "begin selling" / "a lower-level chip"),
        # or on a line of their own after a line longer than a title ("Before the ban, it was" / "estimated that")
        link = (
            (breaks == 2 or (breaks == 1 and not _is_title_like(previous)))
            and line.text[:1].islower()
            and previous.text.split()[-1][:1].islower()
            and word_count(previous.text) >= LINK_SPLIT_MIN_WORDS
        )
        if not _TERMINAL.search(previous.text) and (wrapped or link):
            joined[-1] = _Line(previous.start, line.end, text[previous.start : line.end])
        else:
            joined.append(line)
    return joined


def _wrap_breaks(line: str) -> int:
    """How many line breaks a hard wrap may leave after the line: one, or in Chinese or Japanese text, where copies
    of wire pages set every wrapped line apart, also a blank line."""
    return 2 if _WIDE.search(line) else 1


def _wrap_width(text: str, lines: list[_Line]) -> int:
    """The width hard-wrapped text is broken at (the longest line that ends without terminal punctuation right
    before another line), or 0 when too few lines end so for the text to be hard-wrapped."""
    open_ended = [
        line.end - line.start
        for line, following in itertools.pairwise(lines)
        if not _TERMINAL.search(line.text)
        and text.count("\n", line.end, following.start) <= _wrap_breaks(line.text)
        and line.end - line.start >= WRAP_MIN_WIDTH
    ]
    if len(open_ended) < WRAPPED_MIN_LINES:
        return 0
    width = max(open_ended)
    wrapped = sum(1 for length in open_ended if length >= width - WRAP_WIDTH_SPREAD)
    return width if wrapped >= WRAPPED_MIN_LINES else 0


@lru_cache(maxsize=4096)  # the structure rules count a line's words several times
def word_count(text: str) -> int:
    """Words of a line; in Chinese or Japanese text without spaces every two characters count as one word."""
    if not _WIDE.search(text):
        return len(text.split())  # the same runs of non-space characters as _WORD finds
    return len(_WORD.findall(text)) + (len(CHINESE_CHARACTER.findall(text)) + 1) // 2


def _is_title_like(line: _Line) -> bool:
    return word_count(line.text) <= HEADLINE_MAX_WORDS and not _TERMINAL.search(line.text)


def _is_metadata(text: str) -> bool:
    byline = _cues().bracket_byline.match(text)
    if byline and byline.end() == len(text):
        return True  # "【By Example News, Jane Roe】" on a line of its own
    return _is_dated_label(text) or any(
        p.match(text)
        for p in (
            _cues().date_line,
            _cues().slug_line,
            _cues().release_label,
            _cues().byline_line,
            _cues().byline_agency,
            _cues().paper_label_zh,
        )
    )


def _is_dated_label(text: str) -> bool:
    """A short line that is a date or time with at most a label or an agency beside it."""
    if word_count(text) > 10 or not _cues().date_or_time.search(text):
        return False
    rest = [word for word in _cues().date_or_time.sub(" ", text).split() if any(c.isalnum() for c in word)]
    if rest and rest[0].lower() == "by":  # "15:25, July 17, 2025 By Jane Roe (Example Daily)"
        return True
    others = [word for word in rest if not _cues().date_companions.match(word)]
    # "- Associated Press - Wednesday, September 17, 2025": a date with at most an outlet's name beside it
    return len(others) <= 1 or (len(others) <= DATED_NAME_MAX_WORDS and all(word[:1].isupper() for word in others))


def _is_boilerplate_line(text: str) -> bool:
    return _is_tag_list(text) or _cues().boilerplate_line.search(text)


def _is_tag_list(text: str) -> bool:
    """Three or more short tags or links separated by commas or bars ("Chips, Trade, Policy"), without the
    punctuation of a sentence; a Chinese clause between commas is longer than a tag."""
    # a Chinese headline may hold commas, a tag list bars
    separators = r"[|]" if CHINESE_CHARACTER.search(text) else r"[,|]"
    items = [item.strip() for item in re.split(separators, text)]
    return (
        len(items) >= TAG_LIST_MIN_ITEMS
        and not _SENTENCE_MARK.search(text)
        and not _cues().date_or_time.search(text)  # "Monday, March 4, 2024" is a date
        and all(item and word_count(item) <= TAG_MAX_WORDS for item in items)
    )


def _classify_lines(lines: list[_Line], *, learned: bool) -> None:
    in_footer = in_comments = in_related = False
    turn = ""
    seen_body = False
    seen_titles: set[str] = set()
    about = ""  # the name an "About <name>" line above the article introduces
    title_of_speaker = False  # the next line is the title of a speaker named on the line before
    asks_with_stops = any(line.text.startswith("Q") and _cues().qa_period_line.match(line.text) for line in lines)
    transcript = (
        asks_with_stops
        or any(_cues().turn_label.match(line.text) or line.glued_label for line in lines)
        # "外交部：不了解所提情况" over a report: a title that quotes, not a turn, however many the page has
        or sum(1 for line in lines if _turn_match(line.text) and not _is_title_like(line)) >= 2
    )
    for index, line in enumerate(lines):
        text = line.text
        if in_footer:
            line.kind = "boilerplate"
            continue
        if about and text.startswith(about):
            line.kind = "boilerplate"  # the blurb under "About Example News" at the top of a page
            continue
        if _cues().footer_start.search(text):
            line.kind, in_footer = "boilerplate", seen_body  # above the article it is a line of the page's header
            about = "" if seen_body else text.removeprefix("About ").rstrip(":").strip()
            continue
        if _cues().comments_heading.match(text):
            line.kind, in_comments = "boilerplate", seen_body  # above the article it is a link to the comments
            continue
        if in_comments:
            line.kind = "boilerplate" if _is_boilerplate_line(text) else "comment"  # a comment form's notes
            continue
        if in_related:
            if not _TERMINAL.search(text):  # the linked headlines, one or several to a line
                line.kind = "boilerplate"
                continue
            in_related = False
        if _cues().boilerplate_block.match(text):
            line.kind, in_related = "boilerplate", seen_body  # above the article it is a menu item
            continue
        if _is_boilerplate_line(text):
            line.kind = "boilerplate"
            continue
        if _cues().caption_line.search(text):
            line.kind = "caption"
            continue
        if _is_metadata(text):
            line.kind = "metadata"
            continue
        if _cues().turn_label.match(text) or line.glued_label:
            line.kind = "metadata"
            label = text.rstrip(":： ").strip()
            # "分享到:" (share to) is no speaker, nor a stage direction ("(Voice-over)")
            turn = "" if _cues().not_a_speaker.match(label) or label.startswith("(") else label
            continue
        if title_of_speaker:  # the title under a speaker's name ("研究员" under "张三")
            line.kind, title_of_speaker = "metadata", False
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if seen_body and _CHINESE_NAME_LINE.match(text) and _cues().speaker_title_zh.search(following):
            # inside an article, an expert's name and title set above what they say (at its top they are the
            # author's byline)
            line.kind, turn, title_of_speaker = "metadata", text, True
            continue
        turn_match = _turn_match(text) or (_cues().qa_period_line.match(text) if asks_with_stops else None)
        if turn_match and not transcript and _is_title_like(line):
            turn_match = None  # "Lutnick: US wants to keep China on American tech": a headline or subhead that quotes
        if turn_match and not seen_body and not transcript and _cues().wire_dateline.match(text):
            turn_match = None  # "SAN FRANCISCO: US lawmaker ...": a dateline, split off below
        if turn_match:
            line.kind, line.turn = "body", turn_match.group("speaker")
            line.body_start = line.start + turn_match.start("rest")
            # the label carries on to unlabelled lines only in a transcript, where turns follow turns
            turn = line.turn if transcript else ""
            seen_body = True
            continue
        if _is_title_like(line) and (
            word_count(text) <= LABEL_MAX_WORDS or text.casefold() in seen_titles or (seen_body and _is_shouted(text))
        ):
            line.kind = "boilerplate"  # a page label, the headline repeated, or a link set in capitals
            continue
        if seen_body and _PULL_QUOTE_CREDIT.match(text):
            line.kind = "metadata"  # "Jane Roe, Example Corp CEO" under a quotation set apart
            continue
        if _is_title_like(line) and (not seen_body or _opens_section(lines, index)):
            line.kind = "headline"
            seen_titles.add(text.casefold())
            if ": " in text:
                seen_titles.add(text.partition(": ")[2].casefold())  # "Exclusive: <title>" is repeated as <title>
            turn = ""
            continue
        line.kind, line.turn = "body", turn
        seen_body = True
    _mark_caption_descriptions(lines)
    _mark_image_titles(lines)
    _mark_tag_strips(lines)
    _mark_teasers(lines)
    _mark_trailing_comments(lines)
    _mark_cut_last_line(lines)
    if learned:
        _mark_learned_chrome(lines)


def _mark_cut_last_line(lines: list[_Line]) -> None:
    """The last line of a stored copy cut off mid-sentence ("Given how unpredictabl") after article text is article
    text, though it is as short as a page label, unless a cue marks it as furniture."""
    if len(lines) < 2 or lines[-2].kind != "body" or lines[-1].kind not in ("boilerplate", "headline"):
        return
    last = lines[-1].text
    cues = _cues()
    if _TERMINAL.search(last) or _is_boilerplate_line(last) or cues.boilerplate_block.match(last):
        return
    if cues.caption_line.search(last) or _is_metadata(last) or cues.comments_heading.match(last):
        return
    words = last.split()
    if len(words) >= 2 and all(word[:1].isupper() for word in words):
        return  # "Global Times", "Chipmaker To Resume Sales": a label or a title in title case
    lines[-1].kind, lines[-1].cut_off = "body", True


def _mark_teasers(lines: list[_Line]) -> None:
    """A preview of the article that the page then gives in full: a line repeated word for word further down, or a
    line cut off with an ellipsis whose words open a later line. The later, full copy is the article's."""
    later: set[str] = set()
    for line in reversed(lines):
        text = " ".join(line.text.split()).casefold()
        stem = text.rstrip(".… ").strip()
        repeated = word_count(text) >= TEASER_MIN_WORDS and text in later
        cut_off = text.endswith(("…", "...")) and bool(stem) and any(other.startswith(stem + " ") for other in later)
        if line.kind == "body" and (repeated or cut_off):
            line.kind, line.turn, line.body_start = "boilerplate", "", None
        later.add(text)


def _mark_caption_descriptions(lines: list[_Line]) -> None:
    """A short one-sentence line right above a short caption credit describes the image the credit belongs to."""
    for above, line in itertools.pairwise(lines):
        if (
            line.kind == "caption"
            and word_count(line.text) <= CREDIT_MAX_WORDS
            and _is_credit(line.text)
            and _could_describe_picture(above, max_words=CAPTION_MAX_WORDS)
        ):
            above.kind, above.body_start = "caption", None


def _could_describe_picture(line: _Line, *, max_words: int) -> bool:
    """A short one-sentence line of text, not a quotation or a turn, that could be a picture's description."""
    return (
        line.kind in ("body", "headline")
        and not line.turn
        and word_count(line.text) <= max_words
        and not re.search(r'[“"]', line.text)
        and len(split_sentences(line.text)) == 1
    )


def _is_credit(text: str) -> bool:
    """A caption line that only credits ("Photo: Example Agency", "(Jane Roe/Getty Images)"), rather than describes
    a picture itself ("Video screenshot of Jane Roe attending a hearing")."""
    common = [word for word in re.findall(r"\b[a-z][a-z'’-]*\b", text) if word not in _cues().credit_words]
    return len(common) <= 1


def _mark_image_titles(lines: list[_Line]) -> None:
    """A short line right above a caption, after the page's first title, is the image's own title or alt text
    ("Jane Roe, chief executive of Example Corp" above "Jane Roe speaks in Paris (Photo: ...)")."""
    first_title = next((line for line in lines if line.kind == "headline"), None)
    for above, line in itertools.pairwise(lines):
        if (
            line.kind == "caption"
            and above is not first_title
            and _could_describe_picture(above, max_words=IMAGE_TITLE_MAX_WORDS)
            and (not _TERMINAL.search(above.text) or above.text.endswith(_NAME_ENDINGS))
        ):
            above.kind, above.body_start = "caption", None


def _mark_tag_strips(lines: list[_Line]) -> None:
    """A line of lower-case words alone is a strip of tags or links run together."""
    for line in lines:
        if line.kind in ("body", "headline") and _TAG_STRIP.match(line.text):
            line.kind, line.turn, line.body_start = "boilerplate", "", None


def _is_shouted(text: str) -> bool:
    """A line of four or more words in capitals: inside an article, a link to another story."""
    letters = [c for c in text if c.isascii() and c.isalpha()]
    return word_count(text) >= 4 and len(letters) >= 12 and all(c.isupper() for c in letters)


def _turn_match(text: str) -> re.Match[str] | None:
    """The "Speaker: what they say" match of a line, or None when the label is a column name or note."""
    match = _cues().turn_line.match(text) or _cues().turn_line_zh.match(text)
    if match is None:
        return None
    label = match.group("speaker")
    if _cues().not_a_speaker.match(label):
        return None
    words = label.split()
    titled = len(words) > TURN_LABEL_MAX_WORDS or words[0].lower() in ("a", "an", "the")
    if titled and not _cues().role_in_label.search(label):
        return None  # "U.S. Strikes Unusual Chip Deal: ...", "An Unusual Accord: ...": titles, not speakers' names
    return match


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
        words = word_count(line.text)
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
    """A paragraph that ends in a picture's credit ("... in Paris. File Photo by Jane Roe/Example") is a caption."""
    if len(spans) < 2:
        return False
    last = text[spans[-1][0] : spans[-1][1]]
    return bool(_cues().bare_credit.match(last)) or (_cues().caption_line.search(last) and _is_credit(last))


def _furniture_paragraph(text: str, spans: list[tuple[int, int]]) -> bool:
    """A paragraph whose every sentence is a line of site furniture ("Advertisement. Remove ads.")."""
    return bool(spans) and all(_is_boilerplate_line(text[start:end]) for start, end in spans)


def classified_lines(text: str, *, learned: bool = True) -> list[tuple[int, int, str, bool]]:
    """(start, end, kind, looked at by the learned step) of each line of a raw document as the rules, and unless
    ``learned`` is False the learned chrome model after them, classify it."""
    lines = _lines(text)
    _classify_lines(lines, learned=learned)
    return [(line.start, line.end, line.kind, examined) for line, examined in zip(lines, _examined(lines))]


def _examined(lines: list[_Line]) -> list[bool]:
    """Whether the learned chrome step looks at each line: one the rules read as article text or as a headline, on a
    page where they found page furniture (boilerplate or captions), but neither the page's headline (the longest
    title before the first line of text) nor a last line cut off at the page's end. A text without furniture, such
    as an article's body from a table, is left as the rules read it: the step learnt from web pages."""
    if not _is_web_page(lines):
        return [False] * len(lines)
    first_body = next((index for index, line in enumerate(lines) if line.kind == "body"), len(lines))
    titles = [line for line in lines[:first_body] if line.kind == "headline"]
    headline = max(titles, key=lambda line: word_count(line.text), default=None)
    return [line.kind in ("body", "headline") and line is not headline and not line.cut_off for line in lines]


def _is_web_page(lines: list[_Line]) -> bool:
    return any(line.kind in ("boilerplate", "caption") for line in lines)


def _mark_learned_chrome(lines: list[_Line]) -> None:
    """A line the rules kept as text that the learned model (h20lib.parse.chrome) calls page chrome is boilerplate."""
    texts = [line.text for line in lines]
    examined = _examined(lines)
    if not any(examined):
        return
    titles = [line.kind == "headline" for line in lines]
    for line, chrome in zip(lines, learned_chrome(texts, examined, titles=titles)):
        if chrome:
            line.kind, line.turn, line.body_start = "boilerplate", "", None


def parse_structure(text: str, *, learned: bool = True) -> list[Part]:
    """The sentences of one raw document, each with its kind, language, paragraph and transcript turn. With
    ``learned`` False, only the rules classify lines (the learned chrome model is left out)."""
    lines = _lines(text)
    _classify_lines(lines, learned=learned)
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
        kind = line.kind
        if kind in ("body", "headline") and _caption_paragraph(text, spans):  # a title is one sentence
            kind = "caption"
        elif kind in ("body", "headline") and _furniture_paragraph(text, spans):
            kind = "boilerplate"
        for start, end in spans:
            own_kind = "boilerplate" if _END_MARK.match(text, start, end) else kind
            parts.append(Part(start, end, own_kind, detect_language(text[start:end]), paragraph, line.turn))
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


def is_pull_quote_credit(text: str) -> bool:
    """True for the credit line under a quotation set apart: "Jane Roe, Example Corp CEO"."""
    return bool(_PULL_QUOTE_CREDIT.match(text))


def is_asker(turn: str) -> bool:
    """True for transcript labels of the side that asks ("Question", "Q", "Reporter from AFP")."""
    return bool(_cues().asker_label.match(turn))
