import numpy as np
import pandas as pd
import pytest

from h20lib.train.chrome import choose_setting, taken_out_shares

LINES = pd.DataFrame({"n_chrome_units": [2, 0, 1], "n_body_units": [0, 3, 1], "n_headline_units": [0, 0, 1]})
TOTALS = {"chrome": 4, "body": 10, "headline": 2}


@pytest.mark.parametrize(
    ("taken_out", "expected"),
    [
        ([True, False, False], (0.5, 0.0, 0.0)),
        ([True, True, True], (0.75, 0.4, 0.5)),
        ([False, False, False], (0.0, 0.0, 0.0)),
    ],
)
def test_taken_out_shares_count_units_of_the_lines_taken_out(taken_out, expected):
    assert taken_out_shares(LINES, np.array(taken_out), TOTALS) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("probabilities", "expected"),
    [
        # the lowest threshold takes out the body line too (2 of 12 text units), so the next one is chosen
        ({1.0: np.array([0.9, 0.18, 0.6, 0.0])}, (0.75, 1.0, 0.2)),
        # of two strengths, the one taking out more chrome within the budget
        ({0.3: np.array([0.9, 0.0, 0.1, 0.0]), 3.0: np.array([0.9, 0.0, 0.9, 0.0])}, (0.75, 3.0, 0.15)),
        # a headline counts against the budget as body text does: taking out the line holding one (1 of 12 text
        # units) is over it, so the threshold rises above that line's probability
        ({1.0: np.array([0.9, 0.0, 0.6, 0.4])}, (0.75, 1.0, 0.5)),
    ],
)
def test_choose_setting_takes_out_most_chrome_within_the_text_budget(monkeypatch, probabilities, expected):
    monkeypatch.setattr("h20lib.train.chrome.MAX_TEXT_LOSS", 0.05)
    lines = pd.DataFrame(
        {"n_chrome_units": [2, 0, 1, 0], "n_body_units": [0, 2, 0, 0], "n_headline_units": [0, 0, 0, 1]}
    )
    assert choose_setting(lines, probabilities, TOTALS) == pytest.approx(expected)
