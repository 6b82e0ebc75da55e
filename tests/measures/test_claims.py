import pandas as pd
import pytest

from h20lib.config import SEEDS_DIR
from h20lib.measures.claims import (
    CLAIM_KINDS,
    claims_table,
    compare_claims,
    date_conflicts,
    extract_claims,
    flag_cues,
    topic_cues,
    topic_subjects,
)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The company booked a $4.5 billion charge tied to excess inventory.",
            None,
            ("money", 4.5e9, "writedown_charge"),
        ),
        ("Exports to China brought in $10.3bn of revenue last year.", None, ("money", 10.3e9, "china_revenue")),
        ("The export curbs will cost the firm US$8 billion in sales.", None, ("money", 8e9, "lost_sales")),
        ("The deal, worth 2.5 billion dollars, closed.", None, ("money", 2.5e9, "deal_value")),
        ("Its market value rose to $4 trillion on Wednesday.", None, ("money", 4e12, "market_value")),
        ("The firm plans to invest USD 500 million in a new plant.", None, ("money", 5e8, "investment")),
        ("Sales in China made up 21 percent of its total revenue.", None, ("percent", 21.0, "share_of_sales")),
        ("Washington set a 30% tariff on the goods.", None, ("percent", 30.0, "tariff_rate")),
        ("Both countries agreed to cut tariffs by 24 percentage points.", None, ("percent", 24.0, "tariff_cut")),
        ("AMD shares fell 3.5% on the news.", None, ("percent", 3.5, "share_price_move")),
        ("India's economy grew 7.4 per cent last quarter.", None, ("percent", 7.4, "gdp_growth")),
        ("Its market share in China slid to 50%.", None, ("percent", 50.0, "market_share")),
        ("Revenue from data centres jumped 73% from a year earlier.", None, ("percent", 73.0, "sales_change")),
        ("The summit will be held on September 3, 2025.", None, ("date", "2025-09-03", "expo_date")),
        ("Officials met on 12 March 2024 in Geneva.", None, ("date", "2024-03-12", "meeting_date")),
        ("The ban took effect on 2024-12-02.", None, ("date", "2024-12-02", "effective_date")),
        ("The licence was granted in January of last year.", "2025-07-16", ("date", "2024-01", "approval_date")),
        ("On March 3 the ministry issued a statement.", "2025-07-16", ("date", "2025-03-03", "announcement_date")),
        ("On March 3 the ministry issued a statement.", None, ("date", "--03-03", "announcement_date")),
        (
            "On Monday, December 12, the agency said it would act.",
            "2026-01-05",
            ("date", "2025-12-12", "announcement_date"),
        ),
        ("Talks ran from June 5 to 6.", "2025-07-16", ("date", "2025-06-05", "meeting_date")),
        ("In early July, Washington lifted the restrictions.", "2025-07-16", ("date", "2025-07", "restriction_date")),
        ("Huang arrived in Shanghai on Sept. 5, 2024.", None, ("date", "2024-09-05", "visit_date")),
        (
            "The ministry said on 2025年7月18日 that it approved the deal.",
            None,
            ("date", "2025-07-18", "announcement_date"),
        ),
        ("Chips made in the fourth quarter of 2024 shipped late.", None, ("date", "2024-Q4", "reporting_period")),
        ("The company employs 36,000 people and sells $40 chips.", None, ("money", 40.0, "other")),
    ],
)
def test_one_claim_per_sentence(text, published, expected):
    claims = extract_claims(text, published=published)
    assert [(c.kind, c.value, c.topic) for c in claims] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "H20 chips",
        "the 4th-best chip",
        "MI308",
        "AMD's MI308 accelerator",
        "on Tuesday",
        "a third visit",
        "within 90 days",
        "the RTX Pro 6000 card",
        "Nvidia may be allowed to sell the B30A",
        "the 3rd China International Supply Chain Expo",
        "On April 31 nothing happened.",
        "May I ask?",
        "It could cost the company billions.",
        "Nvidia has 36,000 employees and 2 billion users.",
    ],
)
def test_no_claims(text):
    assert extract_claims(text, published="2025-07-16") == []


@pytest.mark.parametrize(
    ("text", "published", "surface", "flags"),
    [
        ("Nvidia reported revenue of roughly 13% from the region.", None, "13%", ("approximate",)),
        ("Nvidia reported revenue of 13% from the region.", None, "13%", ()),
        ("A market worth tens of billions of dollars.", None, "tens of billions of dollars", ("approximate", "vague")),
        ("Talks ran from June 5 to 6.", "2025-07-16", "June 5 to 6", ("range", "year_inferred")),
        ("On March 3 the ministry issued a statement.", None, "March 3", ("past_tense", "year_missing")),
        ("The visit in March this year was brief.", "2025-07-16", "March this year", ("past_tense", "year_relative")),
        ("The forum will open on June 2.", "2025-07-16", "June 2", ("current_tense", "year_inferred")),
    ],
)
def test_flags(text, published, surface, flags):
    (claim,) = extract_claims(text, published=published)
    assert (claim.surface, claim.flags) == (surface, flags)


def test_vague_amount_is_an_order_of_magnitude():
    (claim,) = extract_claims("It brought in billions of dollars in sales.")
    assert claim.value == 1e9 and "vague" in claim.flags


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # past tense: the latest such day not after publication
        ("On August 30 the ministry announced new rules.", "2025-07-16", "2024-08-30"),
        # no tense cue: the nearest such day
        ("Deliveries on August 30.", "2025-07-16", "2025-08-30"),
        ("Deliveries on December 30.", "2026-01-02", "2025-12-30"),
        ("Deliveries on February 29.", "2025-07-16", "2024-02-29"),
    ],
)
def test_year_inference(text, published, value):
    (claim,) = extract_claims(text, published=published)
    assert claim.value == value


def _offset_texts():
    own = [
        "Shares rose 4% on Monday.\nOn July 15, Nvidia said it expects $17bn in sales.",
        "U.S. officials met on 12 March 2024. Revenue was $2,500,000 — about 3 percent of the total.",
    ]
    return own + [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]


@pytest.mark.parametrize("text", _offset_texts())
def test_offsets_round_trip(text):
    claims = extract_claims(text, published="2025-07-16")
    assert claims
    assert all(text[c.start : c.end] == c.surface for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The forum will open on June 2, 2023.", "2025-06-01", [("year_near_publication", "year_in_current_sentence")]),
        (
            "Output grew 3.1% in the first quarter of 2022, data released on Monday showed.",
            "2024-04-20",
            [(), ("year_near_publication",)],
        ),
        ("This marks the second such ban since October 2021.", "2025-07-16", [("year_in_current_sentence",)]),
        (
            "The ministry announced on August 30, 2025 that it would respond.",
            "2025-07-16",
            [("after_publication_past_tense",)],
        ),
        # unchanged: historic dates, a date in its own year near publication, a future event
        ("The ban took effect on October 7, 2022.", "2025-07-16", [()]),
        ("On December 20, 2024, the agency announced new rules.", "2025-01-05", [()]),
        ("The expo will take place on September 9, 2025.", "2025-07-16", [()]),
        ("Officials met on June 2.", "2025-07-16", [()]),
        ("The forum will open on June 2, 2023.", None, [()]),
    ],
)
def test_date_conflicts(text, published, expected):
    claims = extract_claims(text, published=published)
    assert date_conflicts(claims, published=published) == expected


def test_date_conflicts_in_a_dated_report():
    text = next(SEEDS_DIR.glob("002_*.txt")).read_text(encoding="utf-8")
    claims = extract_claims(text, published="2025-07-16")
    flagged = {
        c.surface: reasons for c, reasons in zip(claims, date_conflicts(claims, published="2025-07-16")) if reasons
    }
    assert flagged == {
        "July 16, 2023": ("year_near_publication", "year_in_current_sentence"),
        "second quarter of 2023": ("year_near_publication",),
    }


def _claim_rows():
    rows = [
        ("a", "china_revenue", "money", "nvidia", "year", 17e9, "$17 billion", "a-1", ()),
        ("b", "china_revenue", "money", "nvidia", "year", 17.3e9, "$17.3bn", "b-2", ()),
        ("b", "china_revenue", "money", "nvidia", "year", 99e9, "$99bn", "b-5", ()),
        ("c", "china_revenue", "money", "", "", 1e9, "billions of dollars", "c-1", ("vague",)),
        ("c", "china_revenue", "money", "nvidia", "quarter", 4e9, "$4 billion", "c-4", ()),
        ("a", "share_of_sales", "percent", "nvidia", "year", 13.0, "13%", "a-1", ()),
        ("b", "share_of_sales", "percent", "nvidia", "year", 13.2, "roughly 13.2%", "b-2", ("approximate",)),
        ("c", "share_of_sales", "percent", "nvidia", "year", 15.0, "15%", "c-3", ()),
        ("c", "share_of_sales", "percent", "amd", "year", 2.0, "2%", "c-6", ()),
        ("a", "expo_date", "date", "jensen_huang", "", "2025-07-16", "July 16", "a-4", ()),
        ("c", "expo_date", "date", "jensen_huang", "", "2025-07-17", "July 17", "c-2", ()),
        ("b", "announcement_date", "date", "nvidia", "", "2025-07-14", "July 14", "b-3", ()),
        ("c", "announcement_date", "date", "nvidia", "", "2025-07-18", "July 18", "c-7", ()),
        ("c", "announcement_date", "date", "nvidia", "", "2025-04-15", "April 15", "c-8", ()),
        ("a", "announcement_date", "date", "howard_lutnick", "", "2025-07-15", "July 15", "a-6", ()),
        ("a", "other", "date", "", "", "2025-07-01", "July 1", "a-5", ()),
        ("c", "other", "date", "", "", "2025-07-09", "July 9", "c-5", ()),
    ]
    columns = ["doc_id", "topic", "kind", "subject", "scope", "value", "surface", "sentence_id", "flags"]
    table = pd.DataFrame(rows, columns=columns)
    return table.assign(source_group="group", outlet="outlet", start=range(len(table)), conflicts=[()] * len(table))


@pytest.mark.parametrize(
    ("topic", "subject", "scope", "doc_id", "values", "compared", "disagrees"),
    [
        # same company, same period: 17bn and 17.3bn match within rounding, so b's 99bn does not make it disagree
        ("china_revenue", "nvidia", "year", "a", (17e9,), True, False),
        ("china_revenue", "nvidia", "year", "b", (17.3e9, 99e9), True, False),
        # a quarter's revenue is another measure than a year's; a vague amount without a subject is never compared
        ("china_revenue", "nvidia", "quarter", "c", (4e9,), True, False),
        ("china_revenue", "", "", "c", (), False, False),
        ("share_of_sales", "nvidia", "year", "a", (13.0,), True, True),
        ("share_of_sales", "nvidia", "year", "b", (13.2,), True, True),
        ("share_of_sales", "nvidia", "year", "c", (15.0,), True, True),
        ("share_of_sales", "amd", "year", "c", (2.0,), True, False),
        # one day apart: within the time-zone tolerance
        ("expo_date", "jensen_huang", "2025-07-16", "a", ("2025-07-16",), True, False),
        ("expo_date", "jensen_huang", "2025-07-16", "c", ("2025-07-17",), True, False),
        # July 14 and July 18 are one event told two ways; April 15 is another event, and Lutnick another subject
        ("announcement_date", "nvidia", "2025-07-14", "b", ("2025-07-14",), True, True),
        ("announcement_date", "nvidia", "2025-07-14", "c", ("2025-07-18",), True, True),
        ("announcement_date", "nvidia", "2025-04-15", "c", ("2025-04-15",), True, False),
        ("announcement_date", "howard_lutnick", "2025-07-15", "a", ("2025-07-15",), True, False),
        ("other", "", "2025-07-01", "a", ("2025-07-01",), False, False),
    ],
)
def test_compare_claims(topic, subject, scope, doc_id, values, compared, disagrees):
    table = compare_claims(_claim_rows())
    row = table[
        (table["topic"] == topic)
        & (table["subject"] == subject)
        & (table["scope"] == scope)
        & (table["doc_id"] == doc_id)
    ]
    assert len(row) == 1
    assert (row["values"].item(), row["compared"].item(), row["disagrees"].item()) == (values, compared, disagrees)


def test_compare_claims_keeps_every_claim():
    rows = _claim_rows()
    table = compare_claims(rows)
    assert table["n_mentions"].sum() == len(rows)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, {"china_revenue": False, "share_of_sales": True, "announcement_date": True}),
        ({"money_rel_tol": 0.01}, {"china_revenue": True, "share_of_sales": True, "announcement_date": True}),
        ({"percent_abs_tol": 2.5}, {"china_revenue": False, "share_of_sales": False, "announcement_date": True}),
        ({"date_tolerance_days": 4}, {"china_revenue": False, "share_of_sales": True, "announcement_date": False}),
        ({"event_window_days": 3}, {"china_revenue": False, "share_of_sales": True, "announcement_date": False}),
    ],
)
def test_compare_claims_tolerance(options, expected):
    table = compare_claims(_claim_rows(), **options)
    got = table.groupby("topic")["disagrees"].any().to_dict()
    assert {topic: got[topic] for topic in expected} == expected


def test_compare_claims_rounding_tolerance_within_a_measure():
    rows = _claim_rows()
    percent = rows[(rows["topic"] == "share_of_sales") & (rows["subject"] == "nvidia")]
    table = compare_claims(percent, percent_abs_tol=0.1)
    assert table["disagrees"].tolist() == [True, True, True]


@pytest.mark.parametrize(
    ("text", "named_before", "expected"),
    [
        ("Shares of Nvidia rose more than 4% on Tuesday.", (), ("nvidia", "")),
        ("Nvidia reported $17 billion in revenue from China last fiscal year.", (), ("nvidia", "year")),
        ("The rules cost the company $15 billion in sales.", ("nvidia",), ("nvidia", "")),
        ("The rules cost the company $15 billion in sales.", (), ("", "")),
        ("China's economy grew 5.2 percent in the second quarter.", (), ("china", "quarter")),
        ("Commerce Secretary Lutnick told CNBC on July 15 that talks went well.", (), ("howard_lutnick", "")),
        ("Bloomberg reported on July 2 that the rule was dropped.", (), ("bloomberg", "")),
        ("The market grew 7% last year.", (), ("", "year")),
    ],
)
def test_claim_subject_and_scope(text, named_before, expected):
    claim = extract_claims(text, published="2025-07-16", named_before=named_before)[0]
    assert (claim.subject, claim.scope) == expected


def test_claims_table_uses_document_offsets_and_publication_dates():
    text = "Nvidia resumes sales\nThe expo opens on July 16, 2023. Nvidia earned $17bn in China sales."
    documents = pd.DataFrame({"doc_id": ["d1"], "published": ["2025-07-16"], "text": [text]})
    spans = [(0, 20, "headline"), (21, 53, "body"), (54, len(text), "body")]
    sentences = pd.DataFrame(
        {
            "doc_id": ["d1"] * 3,
            "sentence_id": [f"d1-{i}" for i in range(3)],
            "text": [text[a:b] for a, b, _ in spans],
            "kind": [kind for _, _, kind in spans],
            "source_group": ["us_media"] * 3,
            "outlet": ["Outlet"] * 3,
            "published": [""] * 3,
            "char_start": [a for a, _, _ in spans],
            "char_end": [b for _, b, _ in spans],
        }
    )
    table = claims_table(sentences, documents)
    assert [text[a:b] for a, b in zip(table["start"], table["end"])] == table["surface"].tolist()
    assert table[["sentence_id", "kind", "topic", "value", "published"]].values.tolist() == [
        ["d1-1", "date", "expo_date", "2023-07-16", "2025-07-16"],
        ["d1-2", "money", "china_revenue", 17e9, "2025-07-16"],
    ]
    assert table["conflicts"].tolist() == [("year_near_publication", "year_in_current_sentence"), ()]


def test_claims_table_skips_comments():
    documents = pd.DataFrame({"doc_id": ["d1"], "published": [""]})
    sentences = pd.DataFrame(
        {
            "doc_id": ["d1"],
            "sentence_id": ["d1-0"],
            "text": ["Shares rose 4%."],
            "kind": ["comment"],
            "source_group": ["reader_comments"],
            "outlet": ["X"],
            "published": [""],
            "char_start": [0],
            "char_end": [15],
        }
    )
    assert claims_table(sentences, documents).empty


def test_cue_table_kinds():
    assert {kind for _, kind, _ in topic_cues()} <= set(CLAIM_KINDS)
    assert set(flag_cues()) == {"approximate", "past_tense", "current_tense", "quarter_period", "year_period"}
    assert set(topic_subjects()) == {topic for topic, _, _ in topic_cues()}
    assert len({topic for topic, _, _ in topic_cues()}) == len(topic_cues())
