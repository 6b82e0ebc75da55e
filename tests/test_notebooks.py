"""Every figure notebook runs unchanged under papermill, on the seeds and on a corpus with other group names."""

import ast
import json

import nbformat
import pandas as pd
import papermill
import pytest
from nbclient import NotebookClient

from h20lib import config
from h20lib.report.batch import default_notebooks

CUSTOM_CORPUS = config.PROJECT_ROOT / "tests" / "data" / "custom_corpus.jsonl"
EXPECTED_FIGURES = {
    "01_corpus.ipynb": ["corpus_overview", "coverage_over_time"],
    "02_sentiment.ipynb": ["sentiment_by_group"],
    "03_framing.ipynb": ["frames_by_group"],
    "04_stance_and_voices.ipynb": ["stance_by_group", "stance_by_actor", "voices"],
    "05_language.ipynb": ["distinctive_terms", "portrayal"],
    "06_claims.ipynb": ["claims"],
}
SUFFIXES = (".png", ".svg", ".csv", ".caption.txt", ".json")


def test_every_notebook_is_listed():
    assert sorted(path.name for path in default_notebooks()) == sorted(EXPECTED_FIGURES)


@pytest.mark.parametrize("name", sorted(EXPECTED_FIGURES))
def test_notebook_is_committed_clean_with_one_parameters_cell(name):
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    tagged = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    lines = tagged[0].source.splitlines()
    assert {line.split(":")[0] for line in lines} >= {"corpus", "scored_file", "output_dir", "group_by", "groups"}
    assert all(" = " in line and "  # " in line for line in lines)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("corpus", [None, str(CUSTOM_CORPUS)], ids=["seeds", "custom_corpus"])
@pytest.mark.parametrize("name", sorted(EXPECTED_FIGURES))
def test_notebook_runs_with_papermill(tmp_path, name, corpus):
    out = tmp_path / "figures"
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / name),
        str(tmp_path / name),
        parameters={"corpus": corpus, "output_dir": str(out)},
        progress_bar=False,
        cwd=str(config.PROJECT_ROOT),
    )
    for figure_id in EXPECTED_FIGURES[name]:
        for suffix in SUFFIXES:
            assert (out / f"{figure_id}{suffix}").stat().st_size > 0
        record = json.loads((out / f"{figure_id}.json").read_text(encoding="utf-8"))
        assert record["notebook"] == name and "n = " in record["caption"]


def _tree_digest(folder):
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_run_on_another_corpus_leaves_the_committed_figures_alone(tmp_path):
    corpus = tmp_path / "mine.jsonl"
    corpus.write_bytes(CUSTOM_CORPUS.read_bytes())
    committed = _tree_digest(config.FIGURES_DIR)
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / "02_sentiment.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"corpus": str(corpus)},  # no output_dir: the default for another corpus
        progress_bar=False,
        cwd=str(config.PROJECT_ROOT),
    )
    assert _tree_digest(config.FIGURES_DIR) == committed
    assert (tmp_path / "mine_figures" / "sentiment_by_group.png").stat().st_size > 0


@pytest.mark.parametrize("name", [name for name, ids in sorted(EXPECTED_FIGURES.items()) if len(ids) > 1])
def test_every_figure_shows_inline_on_every_run_in_one_kernel(tmp_path, name):
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    after = next(i for i, cell in enumerate(nb.cells) if "parameters" in cell.metadata.get("tags", [])) + 1
    nb.cells.insert(after, nbformat.v4.new_code_cell(f"output_dir = {str(tmp_path / 'figures')!r}"))
    client = NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(config.PROJECT_ROOT)}})
    figure_cells = [index for index, cell in enumerate(nb.cells) if "plotting.save_figure(" in cell.source]
    with client.setup_kernel():
        for _ in range(2):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    client.execute_cell(cell, index)
            shown = []
            for index in figure_cells:
                outputs = nb.cells[index].outputs
                images = [output for output in outputs if "image/png" in output.get("data", {})]
                notes = [output.text for output in outputs if output.output_type == "stream"]
                assert [output.output_type for output in outputs] == ["display_data", "stream"], outputs
                assert len(images) == 1 and len(notes) == 1 and notes[0].startswith("saved ")
                shown.append(notes[0].split()[1])
            assert shown == EXPECTED_FIGURES[name]


def _parameter_names(nb) -> list[str]:
    (cell,) = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    return [line.split(":")[0] for line in cell.source.splitlines()]


@pytest.mark.parametrize("name", sorted(EXPECTED_FIGURES))
def test_every_parameter_is_checked_before_use(name):
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    names = _parameter_names(nb)
    setup = next(cell.source for cell in nb.cells if "parameters.checked(" in cell.source)
    call = setup[setup.index("parameters.checked(") :].split(")")[0]
    assert call == "parameters.checked(" + ", ".join(f"{n}={n}" for n in names)
    later = [cell.source for cell in nb.cells if cell.cell_type == "code"][2:]  # the cells after the check
    read = {node.id for source in later for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}
    assert read.isdisjoint(names), "a parameter is read unchecked"


@pytest.mark.parametrize(
    ("parameters", "error"),
    [
        ({"seed": "abc"}, "ParameterError: parameter seed: must be a whole number, got 'abc'"),
        ({"groups": "nowhere"}, "ParameterError: parameter groups: no group 'nowhere' in source_group; groups: "),
        ({"group_by": "missing"}, "ParameterError: parameter group_by: no column 'missing'; columns: "),
        ({"corpus": "no/such/corpus.csv"}, "InputError: "),
    ],
)
def test_a_bad_parameter_stops_the_notebook_with_one_line(tmp_path, parameters, error):
    with pytest.raises(papermill.PapermillExecutionError) as stopped:
        papermill.execute_notebook(
            str(config.NOTEBOOKS_DIR / "02_sentiment.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={"output_dir": str(tmp_path / "figures")} | parameters,
            progress_bar=False,
            cwd=str(tmp_path),
        )
    assert len(stopped.value.traceback) == 1
    assert stopped.value.traceback[0].startswith(error)
    assert not (tmp_path / "figures").exists()


def test_groups_given_as_a_json_list_on_the_command_line_select_those_groups(tmp_path):
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / "02_sentiment.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"output_dir": str(tmp_path), "groups": '["us_media", "trade_press"]'},  # as `-p groups` gives it
        progress_bar=False,
        cwd=str(tmp_path),
    )
    record = json.loads((tmp_path / "sentiment_by_group.json").read_text(encoding="utf-8"))
    assert record["parameters"]["groups"] == ["us_media", "trade_press"]
    plotted = pd.read_csv(tmp_path / "sentiment_by_group.csv")
    assert set(plotted["group"]) == {"us_media", "trade_press"}


EXPLORATION = "07_explore.ipynb"


def test_the_exploration_notebook_is_committed_clean_and_left_out_of_the_figures():
    nb = nbformat.read(config.NOTEBOOKS_DIR / EXPLORATION, as_version=4)
    assert all(not cell.outputs for cell in nb.cells if cell.cell_type == "code")
    assert EXPLORATION not in {path.name for path in default_notebooks()}
    assert "parameters.checked(" in "".join(cell.source for cell in nb.cells)


@pytest.mark.parametrize("corpus", [None, str(CUSTOM_CORPUS)], ids=["seeds", "custom_corpus"])
def test_the_exploration_notebook_runs_with_papermill(tmp_path, corpus):
    out = tmp_path / "figures"
    executed = papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / EXPLORATION),
        str(tmp_path / EXPLORATION),
        parameters={"corpus": corpus, "output_dir": str(out)},
        progress_bar=False,
        cwd=str(tmp_path),
    )
    pages = sorted(path.name for path in (out / "interactive").iterdir())
    assert pages == ["frames_by_group.html", "sentiment_by_group.html", "stance_by_group.html"]
    outputs = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs]
    assert sum("application/vnd.vegalite.v5+json" in output.get("data", {}) for output in outputs) == 3
    assert any("application/vnd.jupyter.widget-view+json" in output.get("data", {}) for output in outputs)
    groups = {json.loads(line)["source_group"] for line in CUSTOM_CORPUS.read_text().splitlines()} if corpus else set()
    page = (out / "interactive" / "stance_by_group.html").read_text(encoding="utf-8")
    assert all(group in page for group in groups)
