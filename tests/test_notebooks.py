"""Every figure notebook runs unchanged under papermill, on the seeds and on a corpus with other group names."""

import json

import nbformat
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
    assert {line.split(":")[0] for line in lines} >= {"corpus", "output_dir", "group_by", "groups", "seed"}
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
