import json
import re

import pandas as pd
import pytest

from h20lib.errors import ParameterError
from h20lib.parse.corpus import document_metadata
from h20lib.report import explore


@pytest.fixture(scope="module")
def table(seed_exploration):
    return seed_exploration


def test_the_table_holds_the_analysed_sentences_with_their_story_links(table, seed_scores):
    analysed = seed_scores[
        seed_scores["kind"].isin(["headline", "body"]) & (seed_scores["source_group"] != "reader_comments")
    ]
    assert list(table["sentence_id"]) == list(analysed["sentence_id"])
    assert list(table.columns) == [
        "sentence_id", "doc_id", "group", "outlet", "published", "kind", "speaker", "quote", "mentions", "approval",
        "stance_approval", "controls", "stance_controls", "frames", "polarity", "text", "url",
    ]  # fmt: skip
    urls = dict(zip(document_metadata(None)["doc_id"], document_metadata(None)["url"]))
    assert (table["url"] == table["doc_id"].map(urls)).all()
    assert table["url"].str.startswith("https://").any()


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({}, lambda t, f: len(f) == len(t)),
        (
            {"groups": ["us_media"]},
            lambda t, f: set(f["group"]) == {"us_media"} and len(f) == (t["group"] == "us_media").sum(),
        ),
        ({"stance": "against", "target": "controls"}, lambda t, f: len(f) > 0 and set(f["controls"]) == {"against"}),
        ({"frame": "security"}, lambda t, f: len(f) > 0 and f["frames"].str.contains("security").all()),
        ({"term": "LUTNICK"}, lambda t, f: len(f) > 0 and f["text"].str.contains("Lutnick").all()),
        (
            {"mentions": ["Howard Lutnick"]},
            lambda t, f: len(f) > 0 and f["mentions"].str.contains("Howard Lutnick").all(),
        ),
        ({"term": "no such words here"}, lambda t, f: f.empty),
        ({"groups": ["us_media"], "outlets": ["nowhere"]}, lambda t, f: f.empty),
    ],
)
def test_filters_keep_what_they_name(table, filters, check):
    assert check(table, explore.filter_sentences(table, **filters))


def test_an_unknown_target_is_one_line(table):
    with pytest.raises(ParameterError, match="parameter target: must be one of approval, controls, got 'tariffs'"):
        explore.filter_sentences(table, target="tariffs")


@pytest.mark.parametrize(("position", "around", "expected"), [(0, 2, 3), (5, 2, 5), (-1, 1, 2)])
def test_context_is_the_sentences_around_one_in_its_document(seed_scores, position, around, expected):
    document = seed_scores[seed_scores["doc_id"] == "002"]
    sentence_id = document["sentence_id"].iloc[position]
    context = explore.sentence_context(seed_scores, sentence_id, around=around)
    assert len(context) == expected
    assert context.loc[context["chosen"], "sentence_id"].tolist() == [sentence_id]
    assert set(context["sentence_id"]) <= set(document["sentence_id"])


def test_headlines_side_by_side_give_each_group_its_own_column(table):
    headlines = explore.headlines_by_group(table, stories_per_group=3)
    assert list(headlines.columns) == sorted(table["group"].unique())
    for group in headlines.columns:
        stories = table.loc[table["group"] == group, "doc_id"].nunique()
        assert (headlines[group] != "").sum() == min(3, stories)


def _spec(chart) -> dict:
    return chart.to_dict()


@pytest.mark.parametrize("measure", explore.MEASURES)
def test_each_comparison_states_its_sample_and_shows_what_is_behind_each_mark(table, measure):
    spec = _spec(explore.comparison_chart(table, measure=measure, target="controls"))
    text = json.dumps(spec)
    assert f"{len(table)} sentences, {table['doc_id'].nunique()} documents, {table['outlet'].nunique()} outlets" in text
    assert '"tooltip"' in text
    if measure != "sentiment":
        assert '"pick"' in text  # clicking a bar selects it, and the sentences behind it are listed
        (listed,) = [rows for rows in spec["datasets"].values() if rows and "text" in rows[0]]
        per_mark = pd.DataFrame(listed).groupby(["group", "category"]).size()
        assert 0 < per_mark.max() <= explore.SENTENCES_PER_MARK


def test_stance_shares_are_of_each_groups_sentences(table):
    marks, behind = explore._marks(table, measure="stance", target="approval")
    for row in marks.itertuples():
        part = table[table["group"] == row.group]
        assert row.n == (part["approval"] == row.category).sum()
        assert row.share == pytest.approx(100 * row.n / len(part), abs=0.05)
    assert set(behind["category"]) <= {"favor", "against"}


def test_a_saved_page_needs_no_network(table, tmp_path):
    path = explore.save_html(explore.comparison_chart(table, measure="stance"), tmp_path / "pages" / "stance.html")
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page)
    assert "vega" in page and len(page) > 100_000


def test_the_first_sentence_with_a_stance_takes_one(table):
    sentence_id = explore.first_with_stance(table, target="controls")
    assert table.set_index("sentence_id").loc[sentence_id, "controls"] != "none"
    with pytest.raises(ParameterError):
        explore.first_with_stance(table.iloc[0:0], target="controls")


def test_stories_without_a_corpus_are_empty_when_only_scores_are_given():
    assert explore.stories(None, scored_file="scores.parquet").empty
    assert isinstance(explore.stories(None), pd.DataFrame)
