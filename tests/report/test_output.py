import pandas as pd
import pytest

from h20lib.errors import InputError
from h20lib.report.output import write_table


def _leftovers(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ([("nvidia", "china"), ("mofcom",)], ["nvidia;china", "mofcom"]),
        ([(), ("economic",)], ["", "economic"]),
        ([["a", "b"], ["c"]], ["a;b", "c"]),
        ([(1, 2), (3,)], ["1;2", "3"]),
        ([("x", "y"), None], ["x;y", ""]),
        (["already flat", "text"], ["already flat", "text"]),
        (["semi;colon", "plain"], ["semi;colon", "plain"]),
    ],
)
def test_csv_joins_list_cells_with_semicolons(tmp_path, column, expected):
    path = write_table(pd.DataFrame({"cell": column, "n": [1, 2]}), tmp_path / "out.csv")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back["cell"]) == expected
    assert list(back["n"]) == ["1", "2"]
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ([("nvidia", "china"), ("mofcom",)], [["nvidia", "china"], ["mofcom"]]),
        ([(), ("economic",)], [[], ["economic"]]),
        ([["a", "b"], ["c"]], [["a", "b"], ["c"]]),
        ([("x", "y"), None], [["x", "y"], None]),
    ],
)
def test_parquet_keeps_list_cells_as_lists(tmp_path, column, expected):
    table = pd.DataFrame({"cell": column, "text": ["one", "two"]})
    path = write_table(table, tmp_path / "out.parquet")
    back = pd.read_parquet(path)
    assert [None if cell is None else list(cell) for cell in back["cell"]] == expected
    assert list(back["text"]) == ["one", "two"]
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["out.csv", "out.parquet"])
def test_write_table_does_not_change_its_input(tmp_path, name):
    table = pd.DataFrame({"frames": [("economic", "security")], "score": [0.5]})
    before = table.copy()
    write_table(table, tmp_path / name)
    pd.testing.assert_frame_equal(table, before)


@pytest.mark.parametrize("name", ["out.csv", "out.parquet"])
def test_write_table_replaces_an_existing_file(tmp_path, name):
    path = tmp_path / name
    write_table(pd.DataFrame({"a": [1, 2, 3]}), path)
    write_table(pd.DataFrame({"a": [9]}), path)
    back = pd.read_csv(path) if name.endswith(".csv") else pd.read_parquet(path)
    assert list(back["a"]) == [9]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize("name", ["out.csv", "out.parquet"])
def test_a_written_table_has_the_usual_permissions(tmp_path, name):
    (tmp_path / "plain.txt").write_text("made the usual way", encoding="utf-8")
    write_table(pd.DataFrame({"a": [1]}), tmp_path / name)
    assert (tmp_path / name).stat().st_mode == (tmp_path / "plain.txt").stat().st_mode  # not private (0600)


def test_failed_write_leaves_no_part_file_and_keeps_the_old_output(tmp_path):
    path = tmp_path / "out.parquet"
    write_table(pd.DataFrame({"a": [1]}), path)
    unconvertible = pd.DataFrame({"a": [{"nested": 1}, 3.5]})
    with pytest.raises(ValueError):
        write_table(unconvertible, path)
    assert _leftovers(tmp_path) == []
    assert list(pd.read_parquet(path)["a"]) == [1]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("out.xlsx", "output must end in .csv or .parquet"),
        ("out", "output must end in .csv or .parquet"),
        ("no_such_folder/out.csv", "folder"),
    ],
)
def test_write_table_rejects_bad_paths_in_one_line(tmp_path, name, reason):
    path = tmp_path / name
    with pytest.raises(InputError) as caught:
        write_table(pd.DataFrame({"a": [1]}), path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == []
