import pytest

from h20lib.explanation import EXPLANATION_COLUMNS, explain
from h20lib.measures.frames import score_frames
from h20lib.measures.stance import score_stance


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
