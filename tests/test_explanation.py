import pytest

from h20lib.explanation import EXPLANATION_COLUMNS, explain
from h20lib.measures.frames import score_frames
from h20lib.measures.stance import score_stance, stance_probabilities


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
