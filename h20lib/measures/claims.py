"""Facts a text reports (sums of money, percentages, dates), their topics, and where sources disagree.

The grammar of numbers and dates (currency signs, scale words, month names) is written here; the
project's topic and flag cue words are data in ``data/claim_topics.csv``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import pandas as pd

from h20lib import resources
from h20lib.parse.segment import split_sentences

TOPICS_FILE = "claim_topics.csv"
CLAIM_KINDS = ("money", "percent", "date")
NO_TOPIC = "other"
SENTENCE_KINDS = ("headline", "body")


@dataclass(frozen=True)
class Claim:
    """One figure or date in a text: ``text[start:end] == surface``.

    ``value``: USD as float (money), float (percent), ISO date str (date: "2025-07-16", "2025-07",
    "2025-Q2", or "--07-16" / "--07" when the year is unknown). ``cue``: the words that chose ``topic``.
    """

    kind: str
    surface: str
    start: int
    end: int
    value: float | str
    topic: str
    cue: str = ""
    flags: tuple[str, ...] = ()


@cache
def topic_cues() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(topic, kind, pattern) of each topic cue of claim_topics.csv, in file order (earlier cues win ties)."""
    # The lookahead wrapper yields a match at every start position, so the nearest cue is found
    # even when matches of the same cue overlap.
    return tuple(
        (row["topic"], row["kind"], re.compile(f"(?=({row['cue_regex']}))", re.IGNORECASE))
        for row in resources.lexicon_table(TOPICS_FILE)
        if row["kind"] != "flag"
    )


@cache
def flag_cues() -> dict[str, re.Pattern[str]]:
    """The flag cues of claim_topics.csv (approximate, past and current tense), by name."""
    rows = resources.lexicon_table(TOPICS_FILE)
    return {row["topic"]: re.compile(row["cue_regex"], re.IGNORECASE) for row in rows if row["kind"] == "flag"}


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
# "billions of dollars" is valued at its order of magnitude and flagged vague.
_MANY = {None: 1.0, "tens": 10.0, "hundreds": 100.0}
_MONEY_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"(?<![\w$])(?:US\s?\$|U\.S\.\s?\$|\$|USD\s?)(?P<num>{_NUMBER})"
        r"(?:\s?(?P<scale>trillion|billion|million|thousand|tn|bn|mn|m|b|k)\b)?",
        rf"(?<![\w.,])(?P<num>{_NUMBER})(?:\s(?P<scale>trillion|billion|million|thousand))?"
        r"\s+(?:US\s|U\.S\.\s)?(?:dollars|USD)\b",
        r"\b(?:(?P<many>tens|hundreds)\s+of\s+)?(?P<scale>trillion|billion|million)s\s+of\s+"
        r"(?:US\s|U\.S\.\s)?dollars\b",
    )
)
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{_NUMBER})\s?(?P<unit>%|％|percent\b|per\s+cent\b|percentage\s+points?\b)",
    re.IGNORECASE,
)

# Spelled out rather than taken from calendar.month_name, which follows the locale.
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUMBER.update({name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)})
_MONTH_NUMBER["sept"] = 9
_MONTH_FULL = "|".join(_MONTH_NAMES)
_MONTH_ANY = _MONTH_FULL + "|Sept|" + "|".join(name[:3] for name in _MONTH_NAMES if name != "May")
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# Month names are matched case-sensitively so that "may" the verb is not a month.
_DATE_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        rf"(?:(?P<y>{_YEAR})年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日",
        rf"\b(?P<mon>{_MONTH_ANY})\b\.?\s+(?P<d>{_DAY})(?!\d|,\d)"
        rf"(?:\s*(?:to|through|and|-|–)\s*(?P<d2>{_DAY})(?!\d))?(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
        rf"\b(?P<d>{_DAY})\s+(?P<mon>{_MONTH_ANY})\b\.?(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
        rf"\b(?P<mon>{_MONTH_FULL})(?:\s+of)?,?\s+(?P<y>{_YEAR})(?!\d)",
        r"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter)\s+"
        r"(?:(?:early|late|mid-)\s*)?|\b[Mm]id-|\b(?:[Ee]arly|[Ll]ate)\s+)"
        rf"(?P<claim>(?P<mon>{_MONTH_FULL})\b(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b)?)(?!,?\s*\d)",
        rf"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<y>{_YEAR})(?!\d)",
        rf"\bQ(?P<qn>[1-4])\s*(?P<y>{_YEAR})(?!\d)",
    )
)
_RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}
_ISO_VALUE = re.compile(r"^(?P<y>\d{4})-(?:Q(?P<q>[1-4])|(?P<m>\d\d)(?:-(?P<d>\d\d))?)$")
_PARAGRAPH = re.compile(r"[^\n]+")
_Candidate = tuple[str, re.Match[str], tuple[int, int]]


def extract_claims(text: str, *, published: str | None = None) -> list[Claim]:
    """Money, percent and date claims in ``text``, in order of position.

    A date without a year gets it from ``published`` (flag ``year_inferred``): the latest such date
    not after publication when its sentence is in the past tense, else the nearest one. Without
    ``published`` the value keeps no year ("--07-16").
    """
    pub = _parse_published(published)
    claims = []
    for left, right in _sentences(text):
        sentence = text[left:right]
        for kind, match, span in _non_overlapping(_candidates(sentence)):
            claim = _build_claim(kind, match, span, sentence, pub)
            if claim is not None:
                claims.append(replace(claim, start=claim.start + left, end=claim.end + left))
    return claims


def date_conflicts(claims: Sequence[Claim], *, published: str | None, window_days: int = 60) -> list[tuple[str, ...]]:
    """Reasons to doubt each claim's date, aligned with ``claims`` (empty tuple: no doubt).

    For a date whose year is written out and differs from the publication year:
    ``year_near_publication`` when the same day or month in a neighbouring year lies within
    ``window_days`` of publication but the written year does not (a current event with a wrong year);
    ``year_in_current_sentence`` when it is earlier than the publication year and its sentence is in
    the present or future tense (cue ``current_tense``). For any date: ``after_publication_past_tense``
    when it starts after publication and its sentence is in the past tense only.
    """
    pub = _parse_published(published)
    if pub is None:
        return [() for _ in claims]
    return [_conflicts(claim, pub, window_days=window_days) if claim.kind == "date" else () for claim in claims]


def claims_table(
    sentences: pd.DataFrame, documents: pd.DataFrame, *, sentence_kinds: Sequence[str] = SENTENCE_KINDS
) -> pd.DataFrame:
    """One row per claim in the sentences of ``sentence_kinds``; offsets are document offsets.

    ``published`` comes from ``documents``; ``conflicts`` holds the reasons of :func:`date_conflicts`.
    """
    published = {doc_id: _clean_date(value) for doc_id, value in zip(documents["doc_id"], documents["published"])}
    rows = []
    chosen = sentences[sentences["kind"].isin(sentence_kinds)]
    for sentence in chosen.itertuples(index=False):
        pub = published.get(sentence.doc_id)
        claims = extract_claims(sentence.text, published=pub)
        for claim, conflicts in zip(claims, date_conflicts(claims, published=pub)):
            rows.append(
                {
                    "doc_id": sentence.doc_id,
                    "sentence_id": sentence.sentence_id,
                    "source_group": sentence.source_group,
                    "outlet": sentence.outlet,
                    "published": pub or "",
                    "kind": claim.kind,
                    "topic": claim.topic,
                    "value": claim.value,
                    "surface": claim.surface,
                    "start": sentence.char_start + claim.start,
                    "end": sentence.char_start + claim.end,
                    "cue": claim.cue,
                    "flags": claim.flags,
                    "conflicts": conflicts,
                }
            )
    columns = [
        "doc_id",
        "sentence_id",
        "source_group",
        "outlet",
        "published",
        "kind",
        "topic",
        "value",
        "surface",
        "start",
        "end",
        "cue",
        "flags",
        "conflicts",
    ]
    return pd.DataFrame(rows, columns=columns)


def compare_claims(
    table: pd.DataFrame,
    *,
    money_rel_tol: float = 0.03,
    percent_abs_tol: float = 0.5,
    skip_topics: Sequence[str] = (NO_TOPIC,),
) -> pd.DataFrame:
    """One row per (topic, document): the document's first value for the topic, side by side.

    ``disagrees`` is True for every row of a topic whose documents report values that differ beyond
    rounding (money: ``money_rel_tol`` relative; percent: ``percent_abs_tol`` points; dates: exactly).
    Rows of ``skip_topics`` and, when a ``flags`` column is given, vague amounts are left out.
    """
    kept = table[~table["topic"].isin(skip_topics) & table["value"].notna()]
    if "flags" in kept.columns:
        kept = kept[~kept["flags"].map(lambda flags: "vague" in flags)]
    kept = kept.sort_values(["topic", "kind", "doc_id", "sentence_id"], kind="stable")
    keys = ["topic", "kind", "doc_id"]
    first = kept.groupby(keys, sort=True).head(1).set_index(keys)
    first["n_mentions"] = kept.groupby(keys, sort=True).size()
    first = first.reset_index()
    spread = {
        (topic, kind): _n_distinct(
            group["value"].tolist(), kind=kind, money_rel_tol=money_rel_tol, percent_abs_tol=percent_abs_tol
        )
        for (topic, kind), group in first.groupby(["topic", "kind"], sort=True)
    }
    first["n_docs"] = first.groupby(["topic", "kind"])["doc_id"].transform("size").astype(int)
    first["n_distinct"] = [spread[(topic, kind)] for topic, kind in zip(first["topic"], first["kind"])]
    first["disagrees"] = first["n_distinct"] > 1
    columns = [
        "topic",
        "kind",
        "doc_id",
        "source_group",
        "outlet",
        "value",
        "surface",
        "sentence_id",
        "n_mentions",
        "n_docs",
        "n_distinct",
        "disagrees",
    ]
    return first[columns].reset_index(drop=True)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for paragraph in _PARAGRAPH.finditer(text):
        yield from split_sentences(text, paragraph.start(), paragraph.end())


def _candidates(sentence: str) -> Iterator[_Candidate]:
    for kind, patterns in (("money", _MONEY_PATTERNS), ("percent", (_PERCENT,)), ("date", _DATE_PATTERNS)):
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                span = match.span("claim") if "claim" in pattern.groupindex else match.span()
                yield kind, match, span


def _non_overlapping(candidates: Iterator[_Candidate]) -> list[_Candidate]:
    """Longest matches first, so "July 16, 2023" wins over "July" inside it."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c[2][0] - c[2][1], c[2][0])):
        start, end = candidate[2]
        if all(end <= other[2][0] or start >= other[2][1] for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c[2][0])


def _build_claim(
    kind: str, match: re.Match[str], span: tuple[int, int], sentence: str, pub: date | None
) -> Claim | None:
    flags: list[str] = []
    value: float | str
    if kind == "date":
        # The date's own words ("March this year") say nothing about the tense of the sentence.
        rest = sentence[: span[0]] + " " * (span[1] - span[0]) + sentence[span[1] :]
        tense = [name for name in ("current_tense", "past_tense") if flag_cues()[name].search(rest)]
        parsed = _date_value(match, pub, past=tense == ["past_tense"])
        if parsed is None:
            return None
        value, date_flags = parsed
        flags += date_flags + tense
    else:
        value = _money_value(match) if kind == "money" else float(match["num"].replace(",", ""))
        if "num" not in match.re.groupindex:
            flags += ["approximate", "vague"]
        if flag_cues()["approximate"].search(sentence, max(0, span[0] - 30), span[0]):
            flags.append("approximate")
        if kind == "percent" and match["unit"].lower().startswith("percentage"):
            flags.append("points")
    topic, cue = _topic(kind, span, sentence)
    start, end = span
    return Claim(kind, sentence[start:end], start, end, value, topic, cue, tuple(sorted(set(flags))))


def _money_value(match: re.Match[str]) -> float:
    scale = _SCALES[match["scale"].lower()] if match["scale"] else 1.0
    if "num" not in match.re.groupindex:
        return scale * _MANY[match["many"] and match["many"].lower()]
    return round(float(match["num"].replace(",", "")) * scale, 2)


def _date_value(match: re.Match[str], pub: date | None, *, past: bool) -> tuple[str, list[str]] | None:
    """ISO value and flags of a date match; None when it names no real day."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if groups.get("q") or groups.get("qn"):
        quarter = _QUARTERS[groups["q"].lower()] if groups.get("q") else int(groups["qn"])
        return f"{year:04d}-Q{quarter}", ["quarter"]
    month = int(groups["m"]) if groups.get("m") else _MONTH_NUMBER[groups["mon"].lower()]
    day = _day_number(groups["d"]) if groups.get("d") else None
    flags = []
    if groups.get("d2"):
        if _day_number(groups["d2"]) <= (day or 0):
            return None
        flags.append("range")
    if groups.get("rel"):
        flags.append("year_relative")
        year = pub.year + _RELATIVE_YEAR[groups["rel"]] if pub else None
    elif year is None and pub is not None:
        flags.append("year_inferred")
        year = _infer_year(month, day, pub, past=past)
    if not _real_day(year, month, day):
        return None
    if year is None:
        return (f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"), [*flags, "year_missing"]
    return (f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"), flags


def _day_number(day: str) -> int:
    """The number of a day group of _DATE_PATTERNS ("16th" -> 16)."""
    digits = re.match(r"\d+", day)
    assert digits is not None  # every day group starts with a digit
    return int(digits.group())


def _real_day(year: int | None, month: int, day: int | None) -> bool:
    return day is None or day <= calendar.monthrange(year or 2000, month)[1]


def _infer_year(month: int, day: int | None, pub: date, *, past: bool) -> int | None:
    years = [year for year in (pub.year - 1, pub.year, pub.year + 1) if _real_day(year, month, day)]
    if not years:
        return None
    if past:
        return max(year for year in years if _period(year, month, day)[0] <= pub)
    return min(years, key=lambda year: (_distance(pub, _period(year, month, day)), year))


def _period(year: int, month: int, day: int | None) -> tuple[date, date]:
    if day is not None:
        return date(year, month, day), date(year, month, day)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _quarter_period(year: int, quarter: int) -> tuple[date, date]:
    first_month, last_month = 3 * quarter - 2, 3 * quarter
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def _distance(day: date, period: tuple[date, date]) -> int:
    """Days between ``day`` and the nearest day of ``period`` (0 inside it)."""
    if day < period[0]:
        return (period[0] - day).days
    return max(0, (day - period[1]).days)


def _topic(kind: str, span: tuple[int, int], sentence: str) -> tuple[str, str]:
    best: tuple[int, int, str, str] | None = None
    for rank, (topic, topic_kind, cue) in enumerate(topic_cues()):
        if topic_kind != kind:
            continue
        for match in cue.finditer(sentence):
            left, right = match.span(1)
            gap = max(left - span[1], span[0] - right, 0)
            candidate = (gap, rank, topic, " ".join(match.group(1).lower().split()))
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return (best[2], best[3]) if best else (NO_TOPIC, "")


def _conflicts(claim: Claim, pub: date, *, window_days: int) -> tuple[str, ...]:
    match = _ISO_VALUE.match(str(claim.value))
    if match is None:
        return ()
    year = int(match["y"])

    def period(in_year: int) -> tuple[date, date]:
        if match["q"]:
            return _quarter_period(in_year, int(match["q"]))
        day = int(match["d"]) if match["d"] else None
        return _period(in_year, int(match["m"]), day if _real_day(in_year, int(match["m"]), day) else None)

    reasons = []
    written = not {"year_inferred", "year_relative"} & set(claim.flags)
    if written and year != pub.year:
        near = min(_distance(pub, period(other)) for other in (pub.year - 1, pub.year, pub.year + 1) if other != year)
        if near <= window_days < _distance(pub, period(year)):
            reasons.append("year_near_publication")
        if year < pub.year and "current_tense" in claim.flags:
            reasons.append("year_in_current_sentence")
    if period(year)[0] > pub and "past_tense" in claim.flags and "current_tense" not in claim.flags:
        reasons.append("after_publication_past_tense")
    return tuple(reasons)


def _n_distinct(values: list, *, kind: str, money_rel_tol: float, percent_abs_tol: float) -> int:
    """Number of groups of values equal within rounding tolerance."""
    if kind == "date":
        return len(set(values))
    groups = 0
    anchor: float | None = None
    for value in sorted(float(v) for v in values):
        tolerance = money_rel_tol * abs(value) if kind == "money" else percent_abs_tol
        if anchor is None or value - anchor > tolerance:
            groups += 1
            anchor = value
    return groups


def _parse_published(published: str | None) -> date | None:
    return date.fromisoformat(published[:10]) if published else None


def _clean_date(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
