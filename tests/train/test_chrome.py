import numpy as np
import pandas as pd
import pytest

from h20lib.train.chrome import taken_out_shares

LINES = pd.DataFrame({"n_chrome_units": [2, 0, 1], "n_body_units": [0, 3, 1]})
TOTALS = {"chrome": 4, "body": 10}


@pytest.mark.parametrize(
    ("taken_out", "expected"),
    [
        ([True, False, False], (0.5, 0.0)),
        ([True, True, True], (0.75, 0.4)),
        ([False, False, False], (0.0, 0.0)),
    ],
)
def test_taken_out_shares_count_units_of_the_lines_taken_out(taken_out, expected):
    assert taken_out_shares(LINES, np.array(taken_out), TOTALS) == pytest.approx(expected)
