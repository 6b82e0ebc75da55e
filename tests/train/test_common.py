import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB

from h20lib.measures.linear import label_scores, softmax
from h20lib.train.common import (
    GeometricBlend,
    cross_validated_probabilities,
    export,
    fit,
    fit_family,
    fit_naive_bayes,
    matrix,
    source_folds,
    vocabulary,
)

FEATURES = [
    {"good": 1.0},
    {"good": 1.0, "very": 1.0},
    {"bad": 1.0},
    {"bad": 1.0, "very": 1.0},
    {"the": 1.0},
    {"the": 1.0, "very": 1.0},
] * 3
LABELS = ["favor", "favor", "against", "against", "none", "none"] * 3


@pytest.mark.parametrize(
    ("min_count", "expected"),
    [(1, {"bad": 0, "good": 1, "the": 2, "very": 3}), (7, {"very": 0}), (10, {})],
)
def test_vocabulary_keeps_features_seen_often_enough(min_count, expected):
    assert vocabulary(FEATURES, min_count=min_count) == expected


FITTERS = [
    lambda x, y: fit(x, y, c=1.0, class_weight=None),
    lambda x, y: fit_naive_bayes(x, y, alpha=1.0),
    lambda x, y: fit_family(x, y, family="blend", strength=1.0),
]
BINARY = ["invoked" if label == "favor" else "absent" for label in LABELS]


@pytest.mark.parametrize("fitter", FITTERS)
@pytest.mark.parametrize(("labels", "order"), [(LABELS, ("favor", "against", "none")), (BINARY, ("invoked", "absent"))])
def test_exported_weights_give_the_fitted_probabilities(fitter, labels, order):
    columns = vocabulary(FEATURES, min_count=1)
    x = matrix(FEATURES, columns)
    fitted = fitter(x, labels)
    model = export(fitted, columns, labels=order, prune_below=0.0)
    indices = [list(fitted.classes_).index(label) for label in model["labels"]]
    for feats, expected in zip(FEATURES, fitted.predict_proba(x)):
        assert softmax(label_scores(feats, model)) == pytest.approx(list(expected[indices]), abs=1e-3)
    assert model["labels"] == list(order)
    assert np.allclose([sum(w) for w in model["weights"].values()], 0.0, atol=1e-3)  # centred per feature


@pytest.mark.parametrize(
    ("family", "expected"),
    [("naive_bayes", MultinomialNB), ("logistic", LogisticRegression), ("blend", GeometricBlend)],
)
def test_fit_family(family, expected):
    x = matrix(FEATURES, vocabulary(FEATURES, min_count=1))
    assert isinstance(fit_family(x, LABELS, family=family, strength=1.0), expected)


def test_an_unknown_family_is_an_error():
    with pytest.raises(ValueError, match="unknown model family"):
        fit_family(matrix(FEATURES, {"good": 0}), LABELS, family="forest", strength=1.0)


def test_source_folds_hold_out_each_source_once():
    sources = ["a", "b", "c"] * 6
    folds = source_folds(FEATURES, sources, min_count=1)
    held_out = sorted(i for rows, _, _ in folds for i in rows)
    assert held_out == list(range(len(FEATURES)))
    for rows, train, test in folds:
        assert train.shape[0] == len(FEATURES) - len(rows) and test.shape[0] == len(rows)


def test_cross_validated_probabilities_come_from_the_other_sources():
    sources = ["a"] * 6 + ["b"] * 6 + ["c"] * 6
    folds = source_folds(FEATURES, sources, min_count=1)
    probabilities = cross_validated_probabilities(folds, LABELS, family="naive_bayes", strength=1.0)
    assert len(probabilities) == len(FEATURES)
    for p in probabilities:
        assert set(p) == {"favor", "against", "none"} and sum(p.values()) == pytest.approx(1.0)
    # every source holds every kind of example, so a model fit on the other two still reads "good" as favor
    assert max(probabilities[0], key=probabilities[0].get) == "favor"


@pytest.mark.parametrize("labels", [LABELS, BINARY])
def test_a_blend_is_the_normalised_geometric_mean_of_its_two_models(labels):
    x = matrix(FEATURES, vocabulary(FEATURES, min_count=1))
    blend = fit_family(x, labels, family="blend", strength=1.0)
    geometric = np.sqrt(blend.naive_bayes.predict_proba(x) * blend.logistic.predict_proba(x))
    assert blend.predict_proba(x) == pytest.approx(geometric / geometric.sum(axis=1, keepdims=True))
