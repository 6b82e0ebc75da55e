import pytest

from h20lib.train.stance import choose_setting

ROWS = [
    # (criterion, family, strength, min_confidence)
    (0.760, "blend", 10.0, 0.5),
    (0.758, "blend", 10.0, 0.8),
    (0.748, "blend", 10.0, 0.9),
    (0.755, "logistic", 3.0, 0.95),
    (0.700, "naive_bayes", 1.0, 0.5),
]


@pytest.mark.parametrize(
    ("rows", "tolerance", "expected"),
    [
        # the most conservative threshold within the tolerance of the best setting's criterion
        (ROWS, 0.01, ("blend", 10.0, 0.8)),
        # a wider tolerance reaches further, but never into another setting
        (ROWS, 0.02, ("blend", 10.0, 0.9)),
        # no tolerance: the best row as it is
        (ROWS, 0.0, ("blend", 10.0, 0.5)),
        # equal criteria: the earlier setting wins
        ([(0.7, "logistic", 1.0, 0.5), (0.7, "blend", 3.0, 0.6)], 0.0, ("logistic", 1.0, 0.5)),
    ],
)
def test_choose_setting(rows, tolerance, expected):
    assert choose_setting(rows, tolerance=tolerance) == expected
