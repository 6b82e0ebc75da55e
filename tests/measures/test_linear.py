import math

import pytest

from h20lib import resources
from h20lib.measures import frames, stance
from h20lib.measures.linear import label_scores, softmax, weighted_sums

MODEL = {
    "labels": ["a", "b", "c"],
    "intercept": [0.5, 0.0, -0.5],
    "weights": {"x": [1.0, -1.0, 0.0], "y": [0.0, 2.0, 0.0]},
}


@pytest.mark.parametrize(
    ("feats", "expected"),
    [
        ({}, [0.5, 0.0, -0.5]),  # no known feature: the intercept alone
        ({"unknown": 3.0}, [0.5, 0.0, -0.5]),  # unknown features are ignored
        ({"x": 1.0}, [1.5, -1.0, -0.5]),
        ({"x": 2.0, "y": 0.5}, [2.5, -1.0, -0.5]),
    ],
)
def test_label_scores(feats, expected):
    assert label_scores(feats, MODEL) == pytest.approx(expected)


def test_softmax_is_a_distribution_and_keeps_the_order():
    probabilities = softmax([1000.0, 999.0, 995.0])  # large scores must not overflow
    assert math.isclose(sum(probabilities), 1.0)
    assert probabilities[0] > probabilities[1] > probabilities[2] > 0


@pytest.mark.parametrize("name", ["stance_model.json", "frames_model.json", "portrayal_model.json"])
def test_shipped_models_are_well_formed(name):
    model = resources.model(name)
    if "targets" in model:  # stance: an "any" and a "direction" model per target
        parts = [target[question] for target in model["targets"].values() for question in ("any", "direction")]
    else:
        parts = list(model["frames"].values()) if "frames" in model else [model]
    for part in parts:
        width = len(part["labels"])
        assert len(part["intercept"]) == width
        assert all(len(w) == width for w in part["weights"].values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Lawmakers did not oppose the decision to let Nvidia sell H20 chips to China.",
        "商务部表示，美方应纠正错误做法。",
        "Export controls have failed, analysts said.",
    ],
)
def test_stacked_weights_give_the_same_floats_as_the_plain_sums(sentence):
    for weights, module in ((stance._stacked_models()[0], stance), (frames._log_odds_weights(), frames)):
        plain = dict(zip(weights.rows, weights.matrix[1:].tolist()))
        values = module.feature_values(sentence)
        assert weights.sums(module.featurize(sentence)) == weighted_sums(weights.matrix[0].tolist(), values, plain)
