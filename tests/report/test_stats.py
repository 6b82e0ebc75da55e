import math

import numpy as np
import pandas as pd
import pytest

from h20lib.report import stats


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], (math.nan, math.nan, math.nan)),
        ([math.nan, math.nan], (math.nan, math.nan, math.nan)),
        ([2.0], (2.0, 2.0, 2.0)),
        ([3.0, 3.0, 3.0], (3.0, 3.0, 3.0)),
    ],
)
def test_bootstrap_ci_degenerate_inputs(values, expected):
    np.testing.assert_equal(stats.bootstrap_ci(values), expected)


@pytest.mark.parametrize(
    ("values", "stat", "estimate"),
    [
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], np.mean, 5.5),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], np.median, 5.5),
        ([0.2, -0.4, 0.1, math.nan, 0.5], np.mean, 0.1),
    ],
)
def test_bootstrap_ci_brackets_the_estimate(values, stat, estimate):
    found, low, high = stats.bootstrap_ci(values, stat=stat)
    assert found == pytest.approx(estimate)
    assert low < found < high


def test_bootstrap_ci_is_fixed_by_the_seed():
    values = [0.3, 0.9, 0.1, 0.4, 0.8, 0.2, 0.7]
    assert stats.bootstrap_ci(values, seed=7) == stats.bootstrap_ci(values, seed=7)
    assert stats.bootstrap_ci(values, seed=7) != stats.bootstrap_ci(values, seed=8)


def test_bootstrap_ci_narrows_with_lower_level():
    values = [0.3, 0.9, 0.1, 0.4, 0.8, 0.2, 0.7]
    _, low_95, high_95 = stats.bootstrap_ci(values, level=0.95)
    _, low_50, high_50 = stats.bootstrap_ci(values, level=0.5)
    assert low_95 < low_50 < high_50 < high_95


@pytest.mark.parametrize(
    ("successes", "n", "level", "expected"),
    [
        # Wilson intervals as tabulated by Newcombe (1998), Statistics in Medicine 17, 857-872.
        (0, 10, 0.95, (0.0, 0.0, 0.2775)),
        (5, 10, 0.95, (0.5, 0.2366, 0.7634)),
        (10, 10, 0.95, (1.0, 0.7225, 1.0)),
        (81, 263, 0.95, (0.3080, 0.2553, 0.3662)),
        (0, 0, 0.95, (math.nan, math.nan, math.nan)),
    ],
)
def test_share_ci_wilson(successes, n, level, expected):
    assert stats.share_ci(successes, n, level=level) == pytest.approx(expected, abs=5e-5, nan_ok=True)


@pytest.mark.parametrize(("successes", "n"), [(-1, 5), (6, 5)])
def test_share_ci_rejects_impossible_counts(successes, n):
    with pytest.raises(ValueError):
        stats.share_ci(successes, n)


def test_log_odds_hand_computed():
    counts = pd.DataFrame({"a": [1, 3], "b": [3, 1]}, index=["w1", "w2"])
    prior = pd.Series({"w1": 1.0, "w2": 1.0})
    table = stats.log_odds_dirichlet(counts, prior=prior, alpha0=2.0)
    # a vs b for w1: log((1+1)/(4+2-1-1)) - log((3+1)/(4+2-3-1)) = -2 log 2; variance 1/2 + 1/4.
    row = table.set_index(["group", "term"]).loc[("a", "w1")]
    assert row["delta"] == pytest.approx(-2 * math.log(2))
    assert row["variance"] == pytest.approx(0.75)
    assert row["z"] == pytest.approx(-2 * math.log(2) / math.sqrt(0.75))
    assert row["count"] == 1


def test_log_odds_two_groups_are_mirror_images():
    counts = pd.DataFrame({"a": [12, 2, 5], "b": [2, 12, 5]}, index=["export", "ban", "chip"])
    table = stats.log_odds_dirichlet(counts).set_index(["term", "group"])
    for term in counts.index:
        assert table.loc[(term, "a"), "delta"] == pytest.approx(-table.loc[(term, "b"), "delta"])
    assert table.loc[("export", "a"), "z"] > 0 > table.loc[("ban", "a"), "z"]
    assert table.loc[("chip", "a"), "delta"] == pytest.approx(0.0)


def test_log_odds_more_evidence_gives_larger_z():
    counts = pd.DataFrame({"a": [40, 4, 50], "b": [8, 1, 50]}, index=["frequent", "rare", "common"])
    table = stats.log_odds_dirichlet(counts).set_index(["term", "group"])
    assert table.loc[("frequent", "a"), "z"] > table.loc[("rare", "a"), "z"] > 0


def test_log_odds_of_no_counts_is_an_empty_table():
    table = stats.log_odds_dirichlet(pd.DataFrame({"a": [0], "b": [0]}, index=["x"]))
    assert table.empty and list(table.columns) == ["term", "group", "delta", "variance", "z", "count"]


def test_log_odds_shape_and_order():
    counts = pd.DataFrame({"b": [0, 4, 0], "a": [3, 0, 0], "c": [1, 1, 0]}, index=["x", "y", "never"])
    table = stats.log_odds_dirichlet(counts)
    assert list(table.columns) == ["term", "group", "delta", "variance", "z", "count"]
    assert list(table["group"]) == ["a"] * 2 + ["b"] * 2 + ["c"] * 2
    assert "never" not in set(table["term"])
    for _, rows in table.groupby("group"):
        assert list(rows["z"]) == sorted(rows["z"], reverse=True)


@pytest.mark.parametrize(
    ("counts", "prior"),
    [
        (pd.DataFrame({"a": [1, 2]}, index=["x", "y"]), None),
        (pd.DataFrame({"a": [1, 2], "b": [2, 1]}, index=["x", "y"]), pd.Series({"x": 1.0})),
        (pd.DataFrame({"a": [1, 2], "b": [2, 1]}, index=["x", "y"]), pd.Series({"x": 1.0, "y": 0.0})),
    ],
)
def test_log_odds_rejects_bad_input(counts, prior):
    with pytest.raises(ValueError):
        stats.log_odds_dirichlet(counts, prior=prior)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("h20", ["h20"]),
        ("", []),
        ("the of and", []),
        ("Nvidia sells H20 chips", ["nvidia", "sells", "h20", "chips", "nvidia sells", "sells h20", "h20 chips"]),
        ("export-control rules", ["export-control", "rules", "export-control rules"]),
        ("China’s ministry", ["china", "ministry", "china ministry"]),
        ("The U.S. approved", ["u.s.", "approved", "u.s. approved"]),
        ("chips to China", ["chips", "china"]),
        ("chips, China", ["chips", "china"]),
        ("They didn't sell", ["sell"]),
    ],
)
def test_ngrams(text, expected):
    assert sorted(stats.ngrams(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("ngram_range", "expected"),
    [
        ((1, 1), ["rare", "earth", "magnets"]),
        ((2, 2), ["rare earth", "earth magnets"]),
        ((1, 3), ["rare", "earth", "magnets", "rare earth", "earth magnets", "rare earth magnets"]),
    ],
)
def test_ngrams_range(ngram_range, expected):
    assert stats.ngrams("rare earth magnets", ngram_range=ngram_range) == expected


def test_term_counts_table():
    table = stats.term_counts(
        {
            "us_media": ["Nvidia sells H20 chips.", "Lawmakers fear H20 chips"],
            "chinese_state": ["China’s ministry: the H20 chips", "ministry says"],
        },
        min_count=2,
    )
    expected = pd.DataFrame(
        {"chinese_state": [1, 1, 1, 2], "us_media": [2, 2, 2, 0]},
        index=pd.Index(["chips", "h20", "h20 chips", "ministry"], name="term"),
    )
    pd.testing.assert_frame_equal(table, expected.astype("int64"), check_index_type=False)


def test_term_counts_custom_stopwords_and_empty_groups():
    table = stats.term_counts({"b": [], "a": ["chips chips"]}, ngram_range=(1, 1), min_count=1, stopwords=["x"])
    assert list(table.columns) == ["a", "b"]
    assert table.loc["chips"].tolist() == [2, 0]


def test_english_stopwords_are_the_package_list():
    words = stats.english_stopwords()
    assert {"the", "of", "and", "didn't"} <= words
    assert not any(word.startswith("#") for word in words)
    assert "china" not in words


@pytest.mark.parametrize(
    ("successes", "totals", "expected"),
    [
        ([], [], (math.nan, math.nan, math.nan)),
        ([0], [0], (math.nan, math.nan, math.nan)),
        ([3, 0], [3, 0], (1.0, 1.0, 1.0)),  # a document without units is dropped
        ([2, 2], [4, 4], (0.5, 0.5, 0.5)),
    ],
)
def test_document_share_ci_degenerate_inputs(successes, totals, expected):
    np.testing.assert_equal(stats.document_share_ci(successes, totals), expected)


def test_document_share_ci_pools_units_and_resamples_documents():
    # one large perfect document and nine small failed ones: the pooled share is 0.5, and resampling documents
    # (not units) gives a wide interval, since whether the large document is drawn decides most of it
    share, low, high = stats.document_share_ci([90] + [0] * 9, [90] + [10] * 9)
    assert share == 0.5
    assert low < 0.2 and high > 0.7
    units = stats.bootstrap_ci([1.0] * 90 + [0.0] * 90)
    assert high - low > 3 * (units[2] - units[1])


@pytest.mark.parametrize(
    ("values", "documents", "expected"),
    [
        # document a: mean 1 over 3 sentences; document b: mean 0 over 1 sentence. Pooled mean 3/4; resampling
        # documents gives 0 (b twice), 3/4 or 1 (a twice), whatever the number of sentences
        ([1.0, 1.0, 1.0, 0.0], ["a", "a", "a", "b"], (0.75, 0.0, 1.0)),
        ([0.5, 0.5], ["a", "b"], (0.5, 0.5, 0.5)),
    ],
)
def test_document_mean_ci_resamples_documents(values, documents, expected):
    result = stats.document_mean_ci(pd.Series(values), pd.Series(documents), n_resamples=500)
    assert result == pytest.approx(expected)
