import pandas as pd
import pytest

from h20lib.report.gold import covering_positions, same_actor


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [("the_economist", "economist", True), ("nvidia", "nvidia", True), ("lin", "lin_jian", False), ("", "", True)],
)
def test_same_actor(first, second, same):
    assert same_actor(pd.Series([first]), pd.Series([second])).iloc[0] == same


@pytest.mark.parametrize(
    ("unit", "position"),
    [
        ((0, 10), 0),  # inside the first sentence
        ((8, 30), 1),  # more of it in the second
        ((40, 45), 2),
        ((50, 60), -1),  # past every sentence
    ],
)
def test_a_unit_is_covered_by_the_sentence_overlapping_it_most(unit, position):
    sentences = pd.DataFrame({"char_start": [0, 12, 35], "char_end": [11, 34, 48]})
    units = pd.DataFrame({"char_start": [unit[0]], "char_end": [unit[1]]})
    assert list(covering_positions(sentences, units)) == [position]
