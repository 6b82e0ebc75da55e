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
        ("a", "us_media", "A", "china_revenue", "money", 17e9, "$17 billion", "a-1", ()),
        ("b", "trade_press", "B", "china_revenue", "money", 17.3e9, "$17.3bn", "b-2", ()),
        ("b", "trade_press", "B", "china_revenue", "money", 99e9, "$99bn", "b-5", ()),
        ("c", "chinese_state", "C", "china_revenue", "money", 1e9, "billions of dollars", "c-1", ("vague",)),
        ("a", "us_media", "A", "share_of_sales", "percent", 13.0, "13%", "a-1", ()),
        ("b", "trade_press", "B", "share_of_sales", "percent", 13.2, "roughly 13.2%", "b-2", ("approximate",)),
        ("c", "chinese_state", "C", "share_of_sales", "percent", 15.0, "15%", "c-3", ()),
        ("a", "us_media", "A", "expo_date", "date", "2025-07-16", "July 16", "a-4", ()),
        ("c", "chinese_state", "C", "expo_date", "date", "2023-07-16", "July 16, 2023", "c-2", ()),
        ("a", "us_media", "A", "other", "date", "2025-07-01", "July 1", "a-5", ()),
        ("c", "chinese_state", "C", "other", "date", "2025-07-09", "July 9", "c-5", ()),
    ]
    columns = ["doc_id", "source_group", "outlet", "topic", "kind", "value", "surface", "sentence_id", "flags"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.parametrize(
    ("topic", "doc_id", "value", "n_mentions", "n_distinct", "disagrees"),
    [
        ("china_revenue", "a", 17e9, 1, 1, False),
        ("china_revenue", "b", 17.3e9, 2, 1, False),
        ("share_of_sales", "a", 13.0, 1, 2, True),
        ("share_of_sales", "b", 13.2, 1, 2, True),
        ("share_of_sales", "c", 15.0, 1, 2, True),
        ("expo_date", "a", "2025-07-16", 1, 2, True),
        ("expo_date", "c", "2023-07-16", 1, 2, True),
    ],
)
def test_compare_claims(topic, doc_id, value, n_mentions, n_distinct, disagrees):
    table = compare_claims(_claim_rows())
    row = table[(table["topic"] == topic) & (table["doc_id"] == doc_id)]
    assert len(row) == 1
    assert (row["value"].item(), row["n_mentions"].item(), row["n_distinct"].item(), row["disagrees"].item()) == (
        value,
        n_mentions,
        n_distinct,
        disagrees,
    )


def test_compare_claims_leaves_out_vague_amounts_and_unassigned_topics():
    table = compare_claims(_claim_rows())
    assert sorted(zip(table["topic"], table["doc_id"])) == [
        ("china_revenue", "a"),
        ("china_revenue", "b"),
        ("expo_date", "a"),
        ("expo_date", "c"),
        ("share_of_sales", "a"),
        ("share_of_sales", "b"),
        ("share_of_sales", "c"),
    ]


@pytest.mark.parametrize(
    ("money_rel_tol", "percent_abs_tol", "expected"),
    [
        (0.03, 0.5, {"china_revenue": False, "share_of_sales": True}),
        (0.01, 0.5, {"china_revenue": True, "share_of_sales": True}),
        (0.03, 2.5, {"china_revenue": False, "share_of_sales": False}),
    ],
)
def test_compare_claims_tolerance(money_rel_tol, percent_abs_tol, expected):
    table = compare_claims(_claim_rows(), money_rel_tol=money_rel_tol, percent_abs_tol=percent_abs_tol)
    got = table.groupby("topic")["disagrees"].first().to_dict()
    assert {topic: got[topic] for topic in expected} == expected


def test_compare_claims_rounding_tolerance_within_a_topic():
    rows = _claim_rows()
    percent = rows[rows["topic"] == "share_of_sales"]
    table = compare_claims(percent, percent_abs_tol=0.1)
    assert table["n_distinct"].tolist() == [3, 3, 3]


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
    assert set(flag_cues()) == {"approximate", "past_tense", "current_tense"}
    assert len({topic for topic, _, _ in topic_cues()}) == len(topic_cues())
