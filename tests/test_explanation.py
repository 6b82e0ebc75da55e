import pytest

from h20lib.errors import ParameterError
from h20lib.explanation import EXPLANATION_COLUMNS, explain, labels_of
from h20lib.measures.frames import score_frames
from h20lib.measures.scoring import ANALYSED_KINDS
from h20lib.measures.stance import CONTINUED_STATEMENT_CUE, score_stance, stance_probabilities


@pytest.mark.parametrize(
    "sentence",
    [
        "The Trump Administration's misguided decision to allow Nvidia to resume H20 chip sales to China hands our adversaries our best technology.",
        "China's commerce ministry said Washington should drop its unreasonable restrictions on chip exports.",
        "Tariffs of 145% hit Chinese goods.",
    ],
)
def test_explanations_cover_every_label_and_point_into_the_sentence(sentence):
    table = explain(sentence)
    assert tuple(table.columns) == EXPLANATION_COLUMNS
    for row in table.itertuples():
        assert sentence[row.start : row.end] == row.matched
    frames = table[table["measure"] == "frame"]
    assert set(frames["label"]) == set(score_frames(sentence)["frames"])
    stance = score_stance(sentence)
    for target in ("approval", "controls"):
        if stance[f"stance_{target}_label"] != "none":
            assert (table["measure"] == f"stance_{target}").any()


def test_a_sentence_without_labels_has_no_frame_rows():
    table = explain("The weather in Beijing was mild on Thursday.")
    assert not (table["measure"] == "frame").any()


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing urged Washington to drop its unreasonable restrictions.",
        "Shares of Nvidia rose more than 4% in midday trading Tuesday.",
    ],
)
def test_explanations_give_the_probabilities_behind_each_stance_label(sentence):
    table = explain(sentence)
    probabilities = stance_probabilities(sentence)
    for target in ("approval", "controls"):
        rows = table[table["measure"] == f"stance_{target}"].set_index("cue")
        assert rows.loc["P(any stance)", "weight"] == pytest.approx(probabilities[target]["any"], abs=1e-4)
        assert rows.loc["P(favor)", "weight"] + rows.loc["P(against)", "weight"] == pytest.approx(
            probabilities[target]["any"], abs=2e-4
        )
        assert rows.index.str.startswith("any_stance ").any()


def _scored_labels(row) -> dict:
    labels = {f"stance_{target}_label": row[f"stance_{target}_label"] for target in ("approval", "controls")}
    return labels | {"frames": set(row["frames"])}


@pytest.mark.parametrize("given", ["row", "row with the table", "sentence id with the table"])
def test_explain_gives_the_labels_of_score_for_every_analysed_seed_sentence(seed_scores, given):
    analysed = seed_scores[seed_scores["kind"].isin(ANALYSED_KINDS)]
    disagreements = []
    for _, row in analysed.iterrows():
        if given == "row":
            explanation = explain(row)
        elif given == "row with the table":
            explanation = explain(row, table=seed_scores)
        else:
            explanation = explain(row["sentence_id"], table=seed_scores)
        if labels_of(explanation) != _scored_labels(row):
            disagreements.append(row["sentence_id"])
    assert len(analysed) > 100
    assert disagreements == []


def test_a_carried_stance_shows_the_statement_it_continues(seed_scores):
    carried = seed_scores[seed_scores["stance_controls_cues"].map(lambda cues: CONTINUED_STATEMENT_CUE in cues)]
    assert len(carried), "the seeds hold a sentence that carries a stance"
    row = carried.iloc[0]
    explanation = explain(row, table=seed_scores)
    context = explanation[(explanation["measure"] == "stance_controls") & (explanation["context"] != "")]
    (previous,) = set(context["context"])
    source = seed_scores.set_index("sentence_id").loc[previous]
    assert source["stance_controls_label"] == row["stance_controls_label"]
    for item in context.itertuples():
        if item.cue != CONTINUED_STATEMENT_CUE:
            assert source["text"][item.start : item.end] == item.matched
    alone = explain(row["text"])
    assert labels_of(alone)["stance_controls_label"] == "none"


def test_rows_of_kinds_not_analysed_have_no_stance_and_no_frames(seed_scores):
    row = seed_scores[~seed_scores["kind"].isin(ANALYSED_KINDS)].iloc[0]
    assert labels_of(explain(row)) == {
        "stance_approval_label": "none",
        "stance_controls_label": "none",
        "frames": set(),
    }


@pytest.mark.parametrize(
    ("sentence", "table", "message"),
    [
        ("no-such-id", "seed", "parameter sentence: no sentence 'no-such-id' in the table"),
        ({"kind": "body"}, None, "parameter sentence: a row of the scored table needs its text column"),
    ],
)
def test_what_explain_cannot_find_is_one_line(seed_scores, sentence, table, message):
    with pytest.raises(ParameterError, match=message):
        explain(sentence, table=seed_scores if table == "seed" else None)
