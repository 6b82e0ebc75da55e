import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from h20lib.report import analysis, figures


@pytest.fixture(scope="module")
def seed_tables(seed_corpus, seed_scores):
    """The table each figure draws, made from the seeds once for all the figures."""
    selected = analysis.select_sentences(seed_scores)
    return {
        "corpus_overview": analysis.corpus_overview(seed_scores),
        "sentiment_by_group": analysis.sentiment_by_group(selected, n_resamples=100),
        "frames_by_group": analysis.frames_by_group(selected),
        "stance_by_actor": analysis.stance_by_actor(selected),
        "stance_by_group": analysis.stance_by_group(selected, n_resamples=200),
        "coverage_over_time": analysis.coverage_over_time(selected),
        "voices": analysis.voices(selected),
        "distinctive_terms": analysis.distinctive_terms(selected),
        "portrayal": analysis.portrayal(selected),
        "claims": analysis.claims_side_by_side(selected),
    }


@pytest.mark.parametrize("figure_id", sorted(figures.DESCRIPTIONS))
def test_every_figure_has_labelled_axes(seed_tables, figure_id):
    data = seed_tables[figure_id]
    fig = getattr(figures, figure_id)(data)
    visible = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    assert visible
    assert all(ax.get_xlabel() for ax in visible if ax.get_xticks().size)
    assert any(ax.get_ylabel() for ax in visible) or figure_id in {"distinctive_terms", "portrayal"}
    plt.close(fig)


@pytest.mark.parametrize("figure_id", sorted(set(figures.DESCRIPTIONS) - {"coverage_over_time"}))
def test_every_caption_counts_documents_and_outlets_per_group(seed_tables, figure_id):
    text = figures.caption(figure_id, seed_tables[figure_id])
    counted = seed_tables[figure_id].drop_duplicates("group")
    for row in counted.itertuples():
        assert f"in {row.n_documents} document" in text and f"from {row.n_outlets} outlet" in text


@pytest.mark.parametrize(
    ("figure_id", "empty_columns"),
    [
        ("sentiment_by_group", ["measure", "group"]),
        ("stance_by_actor", ["target", "speaker"]),
        ("stance_by_group", ["group", "target", "voice", "direction"]),
        ("coverage_over_time", ["group", "published"]),
        ("distinctive_terms", ["group", "rank"]),
        ("portrayal", ["group", "actor"]),
        ("claims", ["item", "doc_id"]),
    ],
)
def test_empty_table_gives_a_note_not_an_error(figure_id, empty_columns):
    fig = getattr(figures, figure_id)(pd.DataFrame(columns=empty_columns))
    texts = [text.get_text() for ax in fig.axes for text in ax.texts]
    assert texts and all(texts)
    plt.close(fig)


def test_too_few_group_is_marked_on_the_figure():
    data = pd.DataFrame(
        {
            "measure": "TextBlob polarity",
            "group": ["big"] * 5 + ["small"],
            "sentence_id": list("abcdef"),
            "score": [0.1, 0.2, 0.3, 0.0, -0.1, 0.5],
            "jitter": 0.0,
            "mean": [0.1] * 5 + [0.5],
            "ci_low": 0.0,
            "ci_high": 0.2,
            "n_group": [5] * 5 + [1],
            "n_documents": 1,
            "n_outlets": 1,
            "enough": [True] * 5 + [False],
        }
    )
    fig = figures.sentiment_by_group(data)
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert "too few sentences (n=1)" in texts
    assert "1 document:\nno interval" in texts  # one document gives no interval, not a zero-width one
    plt.close(fig)


@pytest.mark.parametrize(
    ("figure_id", "minimum", "expected"),
    [
        ("voices", None, "n = 7 sentences (a 3; b 4)."),
        ("voices", 5, "Groups with fewer than 5 sentences are marked as too few"),
        ("portrayal", 3, "n = 7 mentions (a 3; b 4). An actor with fewer than 3 mentions"),
        ("sentiment_by_group", None, "tone, not stance"),
    ],
)
def test_caption_states_n_and_method(figure_id, minimum, expected):
    data = pd.DataFrame({"group": ["b", "a", "b"], "n_group": [4, 3, 4]})
    assert expected in figures.caption(figure_id, data, minimum=minimum)


def test_claims_of_many_documents_compare_groups():
    n = figures.MAX_CLAIM_DOCUMENTS + 1
    data = pd.DataFrame(
        {
            "item": ["china revenue: NVIDIA, per year (money)"] * n,
            "doc_id": [f"d{i:02d}" for i in range(n)],
            "group": ["us_media" if i % 2 else "chinese_state" for i in range(n)],
            "shown": ["$17 billion"] * (n - 1) + ["$12 billion"],
            "value": ["$17 bn"] * (n - 1) + ["$12 bn"],
            "flag": [""] * (n - 2) + ["disagrees", "disagrees"],
            "drawn": [True] * n,
        }
    )
    fig = figures.claims(data)
    ticks = [tick.get_text() for tick in fig.axes[0].get_xticklabels()]
    cells = sorted(text.get_text() for text in fig.axes[0].texts)
    assert ticks == ["Chinese state\nmedia", "US media"]
    assert cells == ["6 documents: \\$17 bn\n1 flagged", "7 documents: \\$17 bn\n1 flagged"]
    plt.close(fig)


def test_a_group_cell_shows_the_one_value_most_documents_report():
    n = figures.MAX_CLAIM_DOCUMENTS + 1
    data = pd.DataFrame(
        {
            "item": ["total revenue: NVIDIA, per quarter (money)"] * n,
            "doc_id": [f"d{i:02d}" for i in range(n)],
            "group": ["trade_press"] * n,
            "shown": ["revenue"] * n,
            "value": ["$52.92 bn; $55.08 bn; $54 bn"] * (n - 6) + ["$54 bn"] * 4 + ["$50 bn"] * 2,
            "flag": [""] * n,
            "drawn": [True] * n,
        }
    )
    fig = figures.claims(data)
    assert [text.get_text() for text in fig.axes[0].texts] == [f"{n} documents: \\$54 bn"]
    plt.close(fig)


@pytest.mark.parametrize(("n", "violins"), [(figures.MAX_POINTS, 0), (figures.MAX_POINTS + 1, 1)])
def test_sentiment_of_a_large_group_is_drawn_as_its_distribution(n, violins):
    data = pd.DataFrame(
        {
            "measure": "TextBlob polarity",
            "group": "us_media",
            "sentence_id": [f"s{i}" for i in range(n)],
            "score": [((i % 21) - 10) / 10 for i in range(n)],
            "jitter": 0.0,
            "mean": 0.0,
            "ci_low": -0.1,
            "ci_high": 0.1,
            "n_group": n,
            "n_documents": 40,
            "n_outlets": 5,
            "enough": True,
        }
    )
    fig = figures.sentiment_by_group(data)
    ax = fig.axes[0]
    shapes = [c for c in ax.collections if "Poly" in type(c).__name__]
    points = sum(len(c.get_offsets()) for c in ax.collections if type(c).__name__ == "PathCollection")
    assert (len(shapes), points) == (violins, 0 if violins else n)
    plt.close(fig)


def _stance(labels: dict, target: str, group: str | None = None) -> str:
    value = labels["stance"][target]["method"] if group is None else labels["stance"][target]["by_group"][group]
    return f"{value[0]:.2f}"


def test_a_stance_row_of_one_document_says_it_has_no_interval(seed_tables):
    data = seed_tables["stance_by_group"]
    fig = figures.stance_by_group(data)
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    one = data[data["n_voice_documents"] == 1]
    assert len(one) and len(one) < len(data)  # the seeds have rows of one document and of more
    for row in one.drop_duplicates(["group", "voice"]).itertuples():
        assert f"{row.voice}\n({row.n_sentences} sentences in 1 document: no interval)" in [
            label.split(", ", 1)[-1] for label in labels
        ]
    assert not any("no interval" in label for label in labels if "in 2 documents" in label)
    plt.close(fig)


@pytest.mark.parametrize(
    ("figure_id", "quoted"),
    [
        (
            "stance_by_group",
            lambda labels, real: [
                f"macro-F1 {_stance(labels, 'approval')} (approval) and {_stance(labels, 'controls')} (controls)",
                f"Chinese state media on approval ({_stance(labels, 'approval', 'chinese_state')})",
                f"trade press on controls ({_stance(labels, 'controls', 'trade_press')})",
            ],
        ),
        (
            "stance_by_actor",
            lambda labels, real: [
                f"macro-F1 {_stance(labels, 'approval')} (approval) and {_stance(labels, 'controls')} (controls)"
            ],
        ),
        ("frames_by_group", lambda labels, real: [f"micro-F1 {labels['frames']['method'][0]:.2f}"]),
        (
            "voices",
            lambda labels, real: [
                f"right speaker for {real['named_speaker']['method']['share']:.0%}",
                f"leave {real['own_voice']['method']['share']:.0%} of the outlet's own sentences",
            ],
        ),
    ],
)
def test_captions_quote_the_figures_h20lib_validate_prints(validation_report, figure_id, quoted):
    """The agreement figures a caption cites are those of the real articles now, not of an earlier method."""
    caption = figures.DESCRIPTIONS[figure_id][0]
    for text in quoted(validation_report["real_labels"], validation_report["real"]["samples"]["all pages"]):
        assert text in caption
