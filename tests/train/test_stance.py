import pytest

from h20lib.train.stance import choose_setting, label_from

ROWS = [
    # (criterion, strength, cues_decide, min_probability)
    (0.47, 1.0, False, 0.35),
    (0.48, 1.0, True, 0.4),
    (0.46, 0.3, True, 0.4),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (ROWS, (1.0, True, 0.4)),
        # equal criteria: the earlier row wins
        ([(0.5, 0.3, False, 0.5), (0.5, 1.0, True, 0.3)], (0.3, False, 0.5)),
    ],
)
def test_choose_setting(rows, expected):
    assert choose_setting(rows) == expected


@pytest.mark.parametrize(
    ("p_any", "favor_if_any", "cue", "cues_decide", "expected"),
    [
        (0.9, 0.8, "none", False, "favor"),
        (0.9, 0.2, "none", False, "against"),
        (0.3, 0.9, "none", False, "none"),  # below min_probability
        (0.3, 0.9, "against", True, "against"),  # explicit cues decide first
        (0.9, 0.9, "against", False, "favor"),  # cues are only features
    ],
)
def test_label_from(p_any, favor_if_any, cue, cues_decide, expected):
    assert label_from(p_any, favor_if_any, cue, cues_decide=cues_decide, min_probability=0.4) == expected
