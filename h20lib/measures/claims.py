"""Facts a text reports (sums of money, percentages, dates), their topics, and where sources disagree.

The grammar of numbers and dates (currency signs, scale words, month names) is written here; the
project's topic and flag cue words are data in ``data/claim_topics.csv``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

import pandas as pd

from h20lib import resources
from h20lib.measures import actors
from h20lib.parse.segment import split_sentences
from h20lib.patterns import PatternSet

TOPICS_FILE = "claim_topics.csv"
CLAIM_KINDS = ("money", "percent", "date")
NO_TOPIC = "other"
ANY_SUBJECT = "any"
PERIODS = ("quarter", "year")
SENTENCE_KINDS = ("headline", "body")


@dataclass(frozen=True)
class Claim:
    """One figure or date in a text: ``text[start:end] == surface``.

    ``value``: USD as float (money), float (percent), ISO date str (date: "2025-07-16", "2025-07",
    "2025-Q2", or "--07-16" / "--07" when the year is unknown). ``cue``: the words that chose ``topic``.
    ``subject``: the actor id the figure is about ("" when the sentence names none of the topic's types).
    ``scope``: for money and percent the period the figure covers ("quarter", "year" or ""); "" for dates.
    """

    kind: str
    surface: str
    start: int
    end: int
    value: float | str
    topic: str
    cue: str = ""
    flags: tuple[str, ...] = ()
    subject: str = ""
    scope: str = ""


@cache
def topic_subjects() -> dict[str, frozenset[str]]:
    """The actor types (actors.toml) a figure of each topic can be about; an empty set allows every type."""
    return {
        row["topic"]: frozenset() if row["subject"] == ANY_SUBJECT else frozenset(row["subject"].split())
        for row in resources.lexicon_table(TOPICS_FILE)
        if row["kind"] != "flag"
    }


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


def extract_claims(text: str, *, published: str | None = None, named_before: Collection[str] = ()) -> list[Claim]:
    """Money, percent and date claims in ``text``, in order of position.

    A date without a year gets it from ``published`` (flag ``year_inferred``): the latest such date
    not after publication when its sentence is in the past tense, else the nearest one. Without
    ``published`` the value keeps no year ("--07-16"). ``named_before``: actor ids named earlier in the
    document, whose role nouns ("the company") may name a claim's subject.
    """
    if not _may_hold_claims(text):
        return []
    pub = _parse_published(published)
    named = dict.fromkeys(named_before)
    claims = []
    for left, right in _sentences(text):
        sentence = text[left:right]
        mentions = sentence_actors(sentence, named_before=tuple(named))
        for kind, match, span in _non_overlapping(_candidates(sentence)):
            claim = _build_claim(kind, match, span, sentence, pub, mentions)
            if claim is not None:
                claims.append(replace(claim, start=claim.start + left, end=claim.end + left))
        named.update(dict.fromkeys(mention.actor for mention in mentions))
    return claims


def sentence_actors(sentence: str, *, named_before: Collection[str] = ()) -> list[actors.Mention]:
    """Register actors named in ``sentence``, and role nouns ("the company", "the CEO") of the actors in
    ``named_before`` that only one of them holds, in order of position."""
    mentions = actors.find_mentions(sentence)
    taken = [(mention.start, mention.end) for mention in mentions]
    holders: dict[str, list[str]] = {}
    for actor_id in named_before:
        actor = actors.register().get(actor_id)
        for role in actor.roles if actor else ():
            holders.setdefault(role, []).append(actor_id)
    for role, owners in holders.items():
        if len(owners) > 1:
            continue
        for match in re.finditer(
            rf"(?<![\w-])(?:{re.escape(role)}|{re.escape(role[:1].upper() + role[1:])})(?![\w-])", sentence
        ):
            if all(match.end() <= start or match.start() >= end for start, end in taken):
                mentions.append(actors.Mention(owners[0], match.start(), match.end(), match.group()))
    return sorted(mentions, key=lambda mention: mention.start)


def claim_subject(topic: str, span: tuple[int, int], mentions: Sequence[actors.Mention]) -> str:
    """The actor a figure at ``span`` is about: of the actors of the topic's types (:func:`topic_subjects`) named in
    its sentence, the nearest before it, else the nearest after it; a news outlet only when no other actor
    qualifies (it is the subject of "Bloomberg reported on July 2", but rarely of a figure). "" for no topic."""
    types = topic_subjects().get(topic)
    if types is None:
        return ""
    allowed = [m for m in mentions if not types or actors.actor_type(m.actor) in types]
    before = [m for m in allowed if m.end <= span[0]][::-1]
    after = [m for m in allowed if m.start >= span[1]]
    for candidates in (before, after):
        ranked = sorted(candidates, key=lambda m: actors.actor_type(m.actor) == "media_outlet")
        if ranked:
            return ranked[0].actor
    return ""


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


CLAIM_COLUMNS = [
    "doc_id",
    "sentence_id",
    "source_group",
    "outlet",
    "published",
    "kind",
    "topic",
    "subject",
    "scope",
    "value",
    "surface",
    "start",
    "end",
    "cue",
    "flags",
    "conflicts",
]


def claims_table(
    sentences: pd.DataFrame, documents: pd.DataFrame, *, sentence_kinds: Sequence[str] = SENTENCE_KINDS
) -> pd.DataFrame:
    """One row per claim in the sentences of ``sentence_kinds``; offsets are document offsets.

    ``published`` comes from ``documents``; ``conflicts`` holds the reasons of :func:`date_conflicts`. The actors
    each document names before a sentence let role nouns in it name a claim's subject.
    """
    published = {doc_id: _clean_date(value) for doc_id, value in zip(documents["doc_id"], documents["published"])}
    rows = []
    chosen = sentences[sentences["kind"].isin(sentence_kinds)].sort_values(["doc_id", "char_start"], kind="stable")
    columns = ("doc_id", "sentence_id", "source_group", "outlet", "char_start", "text")
    current, pub, named = None, None, dict[str, None]()
    for doc_id, sentence_id, group, outlet, char_start, text in zip(*(chosen[column].tolist() for column in columns)):
        if doc_id != current:  # the sentences are in document order
            current, pub, named = doc_id, published.get(doc_id), {}
        claims = extract_claims(text, published=pub, named_before=tuple(named))
        for claim, conflicts in zip(claims, date_conflicts(claims, published=pub)):
            rows.append(
                {
                    "doc_id": doc_id,
                    "sentence_id": sentence_id,
                    "source_group": group,
                    "outlet": outlet,
                    "published": pub or "",
                    "kind": claim.kind,
                    "topic": claim.topic,
                    "subject": claim.subject,
                    "scope": claim.scope,
                    "value": claim.value,
                    "surface": claim.surface,
                    "start": char_start + claim.start,
                    "end": char_start + claim.end,
                    "cue": claim.cue,
                    "flags": claim.flags,
                    "conflicts": conflicts,
                }
            )
        # role nouns only name actors already in ``named``, so the register's names are all a sentence adds
        named.update(dict.fromkeys(mention.actor for mention in actors.find_mentions(text)))
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


COMPARED_KEY = ["kind", "topic", "subject", "scope"]


def compare_claims(
    table: pd.DataFrame,
    *,
    money_rel_tol: float = 0.03,
    percent_abs_tol: float = 0.5,
    date_tolerance_days: int = 1,
    event_window_days: int = 14,
) -> pd.DataFrame:
    """One row per document and measure (kind, topic, subject, scope): the values the document reports for it.

    Like is compared with like. A measure is ``compared`` only when it has a topic and a subject and a value that is
    not vague. Dates of one topic and subject are one event when they lie within ``event_window_days`` of each other
    (chained); dates further apart are different events of the same kind (an April notice and a July blog post), and
    each event is a measure of its own whose ``scope`` is its earliest date. A document ``disagrees`` when, for some
    other document reporting the same measure, none of their values match: money within ``money_rel_tol``
    (relative), percent within ``percent_abs_tol`` points, dates at most ``date_tolerance_days`` apart (the gap
    time zones can make).
    ``value`` and ``surface`` are the document's first; ``values`` and ``surfaces`` hold all of them in order;
    ``conflicts`` gathers the :func:`date_conflicts` reasons of its claims.
    """
    columns = [
        *COMPARED_KEY,
        "doc_id",
        "source_group",
        "outlet",
        "value",
        "surface",
        "values",
        "surfaces",
        "sentence_id",
        "n_mentions",
        "n_docs",
        "conflicts",
        "compared",
        "disagrees",
    ]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table = table.assign(scope=_event_scopes(table, window_days=event_window_days))
    ordered = table.sort_values([*COMPARED_KEY, "doc_id", "start"], kind="stable")
    by_document: dict[tuple, list[dict]] = {}  # in the order of ``ordered``: sorted by measure and document
    for claim in ordered.to_dict("records"):
        claim["vague"] = "vague" in claim["flags"]
        by_document.setdefault(tuple(claim[key] for key in (*COMPARED_KEY, "doc_id")), []).append(claim)
    rows = []
    for key, claims in by_document.items():
        first = claims[0]
        rows.append(
            {
                **dict(zip([*COMPARED_KEY, "doc_id"], key)),
                "source_group": first["source_group"],
                "outlet": first["outlet"],
                "value": first["value"],
                "surface": first["surface"],
                "values": tuple(claim["value"] for claim in claims if not claim["vague"]),
                "surfaces": tuple(dict.fromkeys(claim["surface"] for claim in claims)),
                "sentence_id": first["sentence_id"],
                "n_mentions": len(claims),
                "conflicts": tuple(sorted({reason for claim in claims for reason in claim["conflicts"]})),
                "compared": bool(key[1] != NO_TOPIC and key[2] and not all(claim["vague"] for claim in claims)),
            }
        )
    compared = pd.DataFrame(rows)
    compared["n_docs"] = compared.groupby(COMPARED_KEY)["doc_id"].transform("size").astype(int)

    def gaps(kind: str, mine: tuple, theirs: tuple) -> list[float]:
        return [_gap(kind, one, other, money_rel_tol=money_rel_tol) for one in mine for other in theirs]

    tolerance = {"money": 1.0, "percent": percent_abs_tol, "date": date_tolerance_days}
    measures: dict[tuple, list[tuple[int, tuple]]] = {}
    for position, row in enumerate(compared.itertuples(index=False)):
        if row.compared:
            measures.setdefault(tuple(getattr(row, key) for key in COMPARED_KEY), []).append((position, row.values))
    disagrees = [False] * len(compared)
    for key, documents in measures.items():
        kind = key[0]
        # Documents reporting the same values agree (each value is 0 from itself), so each distinct set of values
        # is compared with the other distinct sets once, however many documents report it.
        distinct = list(dict.fromkeys(values for _, values in documents))
        disagreeing = {
            values
            for values in distinct
            if any(other != values and min(gaps(kind, values, other)) > tolerance[kind] for other in distinct)
        }
        for position, values in documents:
            disagrees[position] = values in disagreeing
    compared["disagrees"] = disagrees
    return compared[columns].reset_index(drop=True)


def _event_scopes(table: pd.DataFrame, *, window_days: int) -> pd.Series:
    """``scope`` with each date replaced by the earliest date of its event: the dates of one topic and subject
    chained by gaps of at most ``window_days``. A date without a year is an event of its own."""
    scopes = table["scope"].tolist()
    values = table["value"].tolist()
    events: dict[tuple[str, str], list[int]] = {}
    for position, (kind, topic, subject) in enumerate(zip(table["kind"], table["topic"], table["subject"])):
        if kind == "date":
            events.setdefault((topic, subject), []).append(position)
    for positions in events.values():
        periods = {position: _date_period(str(values[position])) for position in positions}
        dated = sorted((period, position) for position, period in periods.items() if period is not None)
        event_start, event_end = "", None
        for (start, end), position in dated:
            if event_end is None or (start - event_end).days > window_days:
                event_start, event_end = str(values[position]), end
            event_end = max(event_end, end)
            scopes[position] = event_start
        for position, period in periods.items():
            if period is None:
                scopes[position] = str(values[position])
    return pd.Series(scopes, index=table.index)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for paragraph in _PARAGRAPH.finditer(text):
        yield from split_sentences(text, paragraph.start(), paragraph.end())


@cache
def _screens() -> tuple[PatternSet, PatternSet]:
    """The money and percent patterns (case-insensitive) and the date patterns (case-sensitive), screened."""
    return (
        PatternSet([pattern.pattern for pattern in (*_MONEY_PATTERNS, _PERCENT)]),
        PatternSet([pattern.pattern for pattern in _DATE_PATTERNS], ignore_case=False),
    )


def _may_hold_claims(text: str) -> bool:
    """False when no money, percent or date pattern can match ``text`` (most sentences): nothing to extract."""
    return any(screen.candidates(text) for screen in _screens())


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
    kind: str,
    match: re.Match[str],
    span: tuple[int, int],
    sentence: str,
    pub: date | None,
    mentions: Sequence[actors.Mention],
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
    subject = claim_subject(topic, span, mentions)
    scope = (
        ""
        if kind == "date"
        else next((period for period in PERIODS if flag_cues()[f"{period}_period"].search(sentence)), "")
    )
    start, end = span
    return Claim(kind, sentence[start:end], start, end, value, topic, cue, tuple(sorted(set(flags))), subject, scope)


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


def _gap(kind: str, one: object, other: object, *, money_rel_tol: float) -> float:
    """How far apart two values of one measure are: for money in units of ``money_rel_tol`` of the larger value, for
    percent in points, for dates in days between their periods (0 when they overlap; infinite without a year)."""
    if kind in ("money", "percent"):
        first, second = float(str(one)), float(str(other))
        if kind == "percent":
            return abs(first - second)
        scale = money_rel_tol * max(abs(first), abs(second))
        return abs(first - second) / scale if scale else 0.0
    first_period, second_period = _date_period(str(one)), _date_period(str(other))
    if first_period is None or second_period is None:
        return 0.0 if one == other else float("inf")
    return max((second_period[0] - first_period[1]).days, (first_period[0] - second_period[1]).days, 0)


@lru_cache(maxsize=4096)
def _date_period(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO claim value ("2025-07-16", "2025-07", "2025-Q2") covers; None without a year."""
    match = _ISO_VALUE.match(value)
    if match is None:
        return None
    year = int(match["y"])
    if match["q"]:
        return _quarter_period(year, int(match["q"]))
    return _period(year, int(match["m"]), int(match["d"]) if match["d"] else None)


def _parse_published(published: str | None) -> date | None:
    return date.fromisoformat(published[:10]) if published else None


def _clean_date(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
