import numpy as np
import pytest

from h20lib.linear import label_scores, softmax
from h20lib.training import export, fit, fit_naive_bayes, matrix, vocabulary

FEATURES = [{"good": 1.0}, {"good": 1.0, "very": 1.0}, {"bad": 1.0}, {"bad": 1.0, "very": 1.0}, {"the": 1.0}, {"the": 1.0, "very": 1.0}] * 3
LABELS = ["favor", "favor", "against", "against", "none", "none"] * 3


@pytest.mark.parametrize(
    ("min_count", "expected"),
    [(1, {"bad": 0, "good": 1, "the": 2, "very": 3}), (7, {"very": 0}), (10, {})],
)
def test_vocabulary_keeps_features_seen_often_enough(min_count, expected):
    assert vocabulary(FEATURES, min_count=min_count) == expected


@pytest.mark.parametrize("fitter", [lambda x, y: fit(x, y, c=1.0, class_weight=None), lambda x, y: fit_naive_bayes(x, y, alpha=1.0)])
def test_exported_weights_give_the_fitted_probabilities(fitter):
    columns = vocabulary(FEATURES, min_count=1)
    x = matrix(FEATURES, columns)
    fitted = fitter(x, LABELS)
    model = export(fitted, columns, labels=("favor", "against", "none"), prune_below=0.0)
    order = [list(fitted.classes_).index(label) for label in model["labels"]]
    for feats, expected in zip(FEATURES, fitted.predict_proba(x)):
        assert softmax(label_scores(feats, model)) == pytest.approx(list(expected[order]), abs=1e-3)
    assert model["labels"] == ["favor", "against", "none"]
    assert np.allclose([sum(w) for w in model["weights"].values()], 0.0, atol=1e-3)  # centred per feature
