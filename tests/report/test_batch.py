import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from papermill.exceptions import PapermillExecutionError

from h20lib import config
from h20lib.report import batch

FIGURE_CELL = """\
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from h20lib import config
from h20lib.report import plotting

out = config.resolve(output_dir, default=config.FIGURES_DIR)
print("writing to", out)
for figure_id in {ids!r}:
    data = pd.DataFrame({{"group": ["a", "b"], "n": [1, len(figure_id)]}})
    with plotting.house_style():
        fig, ax = plt.subplots()
        ax.bar(data["group"], data["n"])
        plotting.save_figure(
            fig, figure_id, data=data, caption="Counts per group.", title=figure_id.title(),
            output_dir=out, notebook="ignored", parameters={{"corpus": corpus, "output_dir": output_dir}},
            sample={{"documents": 2, "outlets": 1, "sentences": 3}},
        )
    plt.close(fig)
"""


def _notebook(*sources: str) -> nbformat.NotebookNode:
    parameters = new_code_cell("corpus = None\noutput_dir = None")
    parameters.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[parameters, *(new_code_cell(source) for source in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _write_notebook(folder: Path, name: str, *sources: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(_notebook(*sources), path)
    return path


def _figures(folder: Path, *ids: str) -> list[Path]:
    return [_write_notebook(folder, "01_figures.ipynb", FIGURE_CELL.format(ids=list(ids)))]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def kernel_env(monkeypatch):
    """Kernels started from a temporary working directory still import this checkout's h20lib."""
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(config.PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
    )


def _run(notebooks: list[Path] | None, messages: list[str] | None = None) -> batch.BatchResult:
    return batch.run_notebooks(
        corpus="corpus",
        output_dir=Path("out"),
        jobs=2,
        notebooks=notebooks,
        progress=(messages if messages is not None else []).append,
        fingerprint=lambda corpus: f"fingerprint of {corpus}",
    )


@pytest.mark.parametrize(
    ("path", "cwd", "expected"),
    [
        ("/work/project/figures", "/work/project", "figures"),
        ("/work/project", "/work/project", "."),
        ("/work/project/a/b.ipynb", "/work/project", "a/b.ipynb"),
        ("/elsewhere/figures", "/work/project", "/elsewhere/figures"),
        ("/work/project2/figures", "/work/project", "/work/project2/figures"),
    ],
)
def test_display_path(path, cwd, expected):
    assert batch.display_path(Path(path), cwd=Path(cwd)) == expected


REPLACEMENTS = (("/home/me/checkout", "."), ("/home/me/.out-01-x1y2/figures", "out"), (".out-01-x1y2/figures", "out"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/home/me/checkout/seeds/a.txt", "seeds/a.txt"),
        ("cwd is /home/me/checkout", "cwd is ."),
        ("/home/me/checkout2/seeds", "/home/me/checkout2/seeds"),
        ("/home/me/.out-01-x1y2/figures/a.png", "out/a.png"),
        ('output_dir = ".out-01-x1y2/figures"', 'output_dir = "out"'),
        ("/tmp/ipykernel_4711/3141592.py:9: UserWarning: careful", "<cell>:9: UserWarning: careful"),
        ("nothing to replace", "nothing to replace"),
        (["/home/me/checkout/x", 3, None], ["x", 3, None]),
        ({"text/plain": "/home/me/checkout"}, {"text/plain": "."}),
        ({"image/png": "/home/me/checkout"}, {"image/png": "/home/me/checkout"}),
    ],
)
def test_replace_paths(value, expected):
    assert batch.replace_paths(value, REPLACEMENTS) == expected


def test_scrub_notebook_removes_run_records():
    executed = {
        "metadata": {
            "language_info": {"name": "python", "version": "3.11.7"},
            "papermill": {
                "parameters": {"output_dir": ".out-01-x1y2/figures"},
                "default_parameters": {},
                "start_time": "2025-07-15T10:00:00",
                "end_time": "2025-07-15T10:00:05",
                "duration": 5.0,
                "input_path": "/home/me/checkout/notebooks/01.ipynb",
                "output_path": None,
                "environment_variables": {},
                "version": "2.7.0",
            },
        },
        "cells": [
            {
                "id": "3f1c",
                "metadata": {
                    "tags": ["injected-parameters"],
                    "execution": {"iopub.status.busy": "2025-07-15T10:00:01"},
                    "papermill": {
                        "status": "completed",
                        "exception": False,
                        "duration": 0.1,
                        "start_time": "x",
                        "end_time": "y",
                    },
                },
                "source": 'output_dir = ".out-01-x1y2/figures"',
            },
            {"id": "keep", "metadata": {"tags": []}, "source": "print(1)"},
        ],
    }
    assert batch.scrub_notebook(executed, replacements=REPLACEMENTS) == {
        "metadata": {
            "language_info": {"name": "python"},
            "papermill": {"parameters": {"output_dir": "out"}, "default_parameters": {}},
        },
        "cells": [
            {
                "id": "injected-parameters",
                "metadata": {"tags": ["injected-parameters"], "papermill": {"status": "completed", "exception": False}},
                "source": 'output_dir = "out"',
            },
            {"id": "keep", "metadata": {"tags": []}, "source": "print(1)"},
        ],
    }
    assert executed["metadata"]["papermill"]["duration"] == 5.0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            PapermillExecutionError(3, 4, "raise ValueError", "ValueError", "boom\n  second line", []),
            "02_broken.ipynb: cell In [4] raised ValueError: boom second line",
        ),
        (RuntimeError("Kernel died\nbefore replying"), "02_broken.ipynb: RuntimeError: Kernel died before replying"),
    ],
)
def test_execution_error_line(error, expected):
    assert batch.execution_error_line("02_broken.ipynb", error) == expected


def test_index_text_sorts_figures_and_keeps_entry_keys_only():
    figures = [
        {"id": "b", "title": "B", "caption": "c", "files": ["b.png"], "notebook": "01.ipynb", "parameters": {}, "x": 1},
        {"id": "a", "title": "A", "caption": "c", "files": ["a.png"], "notebook": "02.ipynb", "parameters": {}},
    ]
    text = batch.index_text(figures=figures, corpus=None, fingerprint="f", version="0.1.0")
    index = json.loads(text)
    assert [f["id"] for f in index["figures"]] == ["a", "b"]
    assert "x" not in index["figures"][1]
    assert index["corpus"] is None and index["corpus_fingerprint"] == "f" and index["package_version"] == "0.1.0"
    assert text.endswith("}\n") and text == json.dumps(index, indent=2, sort_keys=True) + "\n"


def test_default_notebooks_are_the_numbered_notebooks_in_order(tmp_path, monkeypatch):
    for name in ("10_b.ipynb", "01_a.ipynb", "draft.ipynb", "1_x.ipynb", "02_c.txt"):
        (tmp_path / name).write_text("{}")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path)
    assert [p.name for p in batch.default_notebooks()] == ["01_a.ipynb", "10_b.ipynb"]


def test_runs_are_identical_wherever_the_checkout_is(tmp_path, monkeypatch, kernel_env):
    _figures(tmp_path / "first" / "nbs", "bars", "lines")
    _write_notebook(tmp_path / "first" / "nbs", "02_broken.ipynb", "x = 1", "raise ValueError('no data\\nat all')")
    shutil.copytree(tmp_path / "first", tmp_path / "second")
    snapshots = []
    for place in ("first", "second"):
        root = tmp_path / place
        notebooks = sorted((root / "nbs").glob("*.ipynb"))
        monkeypatch.chdir(root)
        messages: list[str] = []
        result = _run(notebooks, messages)
        assert result.succeeded == ["01_figures.ipynb"]
        assert result.failed == ["02_broken.ipynb"]
        assert result.errors["02_broken.ipynb"] == "02_broken.ipynb: cell In [4] raised ValueError: no data at all"
        assert sorted(m.split()[0] + " " + m.split()[1] for m in messages) == [
            "FAILED 02_broken.ipynb:",
            "done 01_figures.ipynb",
            "start 01_figures.ipynb",
            "start 02_broken.ipynb",
        ]
        assert sorted(p.name for p in root.iterdir()) == ["nbs", "out"]
        snapshots.append(_snapshot(root / "out"))
        for name, content in snapshots[-1].items():
            assert str(tmp_path).encode() not in content, name
    assert snapshots[0] == snapshots[1]
    assert sorted(snapshots[0]) == sorted(
        [f"{i}.{ext}" for i in ("bars", "lines") for ext in ("png", "svg", "pdf", "csv", "caption.txt", "json")]
        + ["gallery.md", "index.json", "notebooks/01_figures.ipynb"]
    )
    index = json.loads(snapshots[0]["index.json"])
    assert index["corpus"] == "corpus" and index["corpus_fingerprint"] == "fingerprint of corpus"
    assert index["figures"][0] == {
        "id": "bars",
        "title": "Bars",
        "caption": "Counts per group.",
        "files": ["bars.png", "bars.svg", "bars.pdf", "bars.csv", "bars.caption.txt"],
        "notebook": "01_figures.ipynb",
        "parameters": {"corpus": "corpus", "output_dir": "out"},
        "sample": {"documents": 2, "outlets": 1, "sentences": 3},
    }
    gallery = snapshots[0]["gallery.md"].decode()
    cite = batch.cite_id("bars", snapshots[0]["bars.csv"])
    assert f"## Bars\n\n![Bars](bars.png)\n\n- Cite as: `{cite}`" in gallery
    assert "- Rests on: 2 documents, 1 outlet, 3 sentences" in gallery
    assert (
        '- Made by: `notebooks/01_figures.ipynb` with parameters `{"corpus": "corpus", "output_dir": "out"}`' in gallery
    )
    assert gallery.index("## Bars") < gallery.index("## Lines")
    executed = json.loads(snapshots[0]["notebooks/01_figures.ipynb"])
    assert "start_time" not in json.dumps(executed) and "writing to out" in json.dumps(executed)


def test_failure_keeps_previous_figures_and_success_removes_stale_ones(tmp_path, monkeypatch, kernel_env):
    monkeypatch.chdir(tmp_path)
    nbs = tmp_path / "nbs"
    first = _figures(nbs, "bars")[0]
    second = _write_notebook(nbs, "02_more.ipynb", FIGURE_CELL.format(ids=["dots"]))
    assert _run([first, second]).ok
    before = _snapshot(tmp_path / "out")

    _figures(nbs, "lines")
    _write_notebook(nbs, "02_more.ipynb", "raise RuntimeError('source moved')")
    result = _run([first, second])
    after = _snapshot(tmp_path / "out")
    assert result.failed == ["02_more.ipynb"] and "source moved" in result.errors["02_more.ipynb"]
    assert {name: after[name] for name in before if name.startswith("dots.")} == {
        name: content for name, content in before.items() if name.startswith("dots.")
    }
    assert after["notebooks/02_more.ipynb"] == before["notebooks/02_more.ipynb"]
    assert "bars.png" in after and "lines.png" in after
    assert [f["id"] for f in json.loads(after["index.json"])["figures"]] == ["bars", "dots", "lines"]

    _write_notebook(nbs, "02_more.ipynb", "x = 1")
    assert _run([first, second]).ok
    final = _snapshot(tmp_path / "out")
    assert [f["id"] for f in json.loads(final["index.json"])["figures"]] == ["lines"]
    assert sorted(final) == sorted(
        [f"lines.{ext}" for ext in ("png", "svg", "pdf", "csv", "caption.txt", "json")]
        + ["gallery.md", "index.json", "notebooks/01_figures.ipynb", "notebooks/02_more.ipynb"]
    )


def test_jobs_must_be_positive(tmp_path):
    with pytest.raises(ValueError):
        batch.run_notebooks(corpus=None, output_dir=tmp_path, jobs=0, notebooks=[])


@pytest.mark.parametrize(
    ("plotted", "other", "same"),
    [(b"a,b\n1,2\n", b"a,b\n1,2\n", True), (b"a,b\n1,2\n", b"a,b\n1,3\n", False)],
)
def test_cite_id_follows_the_plotted_data(plotted, other, same):
    assert batch.cite_id("bars", plotted).startswith("bars@")
    assert (batch.cite_id("bars", plotted) == batch.cite_id("bars", other)) is same


def test_an_interrupted_index_write_leaves_no_part_file(tmp_path, monkeypatch):
    path = tmp_path / "index.json"
    path.write_text("earlier", encoding="utf-8")

    def stopped(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.os, "replace", stopped)
    with pytest.raises(KeyboardInterrupt):
        batch._write_atomically(path, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["index.json"]
    assert path.read_text(encoding="utf-8") == "earlier"
