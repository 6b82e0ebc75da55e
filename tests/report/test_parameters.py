import pytest

from h20lib.errors import ParameterError
from h20lib.report.parameters import checked


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"corpus": None}, {"corpus": None}),
        ({"corpus": ""}, {"corpus": None}),
        ({"corpus": "mine.csv"}, {"corpus": "mine.csv"}),
        ({"output_dir": None}, {"output_dir": ""}),
        ({"groups": None}, {"groups": None}),
        ({"groups": "us_media"}, {"groups": ["us_media"]}),
        ({"groups": '["us_media", "trade_press"]'}, {"groups": ["us_media", "trade_press"]}),
        ({"groups": ["us_media"]}, {"groups": ["us_media"]}),
        ({"groups": [2024, 2025]}, {"groups": ["2024", "2025"]}),
        ({"actors": "nvidia"}, {"actors": ["nvidia"]}),
        ({"seed": 0}, {"seed": 0}),
        ({"seed": "7"}, {"seed": 7}),
        ({"min_sentences": 1}, {"min_sentences": 1}),
        ({"group_by": "outlet"}, {"group_by": "outlet"}),
    ],
)
def test_usable_values_are_normalised(given, expected):
    assert checked(**given).values == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"seed": "abc"}, "parameter seed: must be a whole number, got 'abc'"),
        ({"seed": -1}, "parameter seed: must be at least 0, got -1"),
        ({"seed": True}, "parameter seed: must be a whole number, got True"),
        ({"seed": 1.5}, "parameter seed: must be a whole number, got 1.5"),
        ({"min_sentences": 0}, "parameter min_sentences: must be at least 1, got 0"),
        ({"top_n": "ten"}, "parameter top_n: must be a whole number, got 'ten'"),
        ({"groups": []}, "parameter groups: must be a name, a non-empty list of names or None, got []"),
        ({"groups": '["us_media"'}, "parameter groups: is not a list of names: '[\"us_media\"'"),
        ({"groups": [["us_media"]]}, "parameter groups: must be a name, a non-empty list of names or None"),
        ({"groups": {"a": 1}}, "parameter groups: must be a name, a non-empty list of names or None"),
        ({"group_by": ""}, "parameter group_by: must name a column of the scored table, got ''"),
        ({"group_by": None}, "parameter group_by: must name a column of the scored table, got None"),
        ({"corpus": 12}, "parameter corpus: must be a path or None, got 12"),
        ({"output_dir": 3}, 'parameter output_dir: must be a folder path or "", got 3'),
    ],
)
def test_unusable_values_are_one_line_naming_the_parameter(given, message):
    with pytest.raises(ParameterError) as error:
        checked(**given)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_the_output_folder_is_not_recorded_with_the_figure():
    params = checked(corpus=None, output_dir="out", seed=3)
    assert params.recorded == {"corpus": None, "seed": 3}
    assert params.output_dir == "out"


def test_a_parameter_without_a_check_is_a_programming_error():
    with pytest.raises(ValueError, match="no check for the parameters colour"):
        checked(colour="red")
