"""The package as a user installs it: a wheel built from the project, installed into a fresh virtual environment
and run from a folder outside the project, where the checkout's seeds, notebooks and labels are out of reach."""

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pandas as pd
import pytest

from h20lib import config
from h20lib.cli import main

# What the wheel is built from: the package (its data links included) and the files pyproject.toml names.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "h20lib", "seeds", "notebooks")


def _copy_sources(target: Path) -> None:
    for name in WHEEL_SOURCES:
        source = config.PROJECT_ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
            shutil.copytree(source, target / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """The fresh environment's ``python`` and ``h20lib``, an empty working folder, and the environment to run in."""
    root = tmp_path_factory.mktemp("installed")
    (root / "source").mkdir()
    _copy_sources(root / "source")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            root / "dist",
            root / "source",
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (root / "dist").glob("h20lib-*.whl")
    venv.create(root / "env", with_pip=False)
    python = root / "env" / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies come from the test's own environment (nothing is downloaded). A path line in a .pth file
    # does not run that environment's own .pth files, so the checkout's editable h20lib stays out of reach.
    (Path(purelib) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel],
        check=True,
        capture_output=True,
    )
    work = root / "work"
    work.mkdir()
    environment = {
        "PATH": f"{root / 'env' / 'bin'}:/usr/bin:/bin",
        "HOME": str(root),
        "H20LIB_CACHE": str(root / "cache"),
    }
    return {"python": python, "h20lib": root / "env" / "bin" / "h20lib", "work": work, "env": environment}


def _run(installed: dict, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [installed["h20lib"], *args], cwd=installed["work"], env=installed["env"], capture_output=True, text=True
    )


def test_the_installed_package_is_the_wheel_and_has_the_seeds(installed):
    code = "import h20lib; c = h20lib.load_corpus(); print(h20lib.__file__); print(len(c.documents))"
    result = subprocess.run(
        [installed["python"], "-c", code], cwd=installed["work"], env=installed["env"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    where, documents = result.stdout.split()
    assert str(config.PROJECT_ROOT) not in where
    assert "site-packages" in where
    assert int(documents) == len(list(config.SEEDS_DIR.glob("*.txt")))


def test_score_outside_the_project_gives_the_checkouts_table(installed, tmp_path):
    result = _run(installed, "score", "-o", "scores.csv")
    assert result.returncode == 0, result.stderr
    assert main(["score", "-o", str(tmp_path / "scores.csv")]) == 0
    installed_table = pd.read_csv(installed["work"] / "scores.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(
        installed_table, pd.read_csv(tmp_path / "scores.csv", dtype=str, keep_default_na=False)
    )


@pytest.mark.parametrize(
    ("args", "returncode", "message"),
    [
        (["figures"], 2, "h20lib: error: parameter output_dir: outside the project checkout, name a folder"),
        (["validate", "--skip-newsmtsc"], 2, "hand labels not found; validating and training need the project"),
    ],
)
def test_what_needs_the_project_says_so_in_one_line(installed, args, returncode, message):
    before = sorted(installed["work"].rglob("*"))
    result = _run(installed, *args)
    assert result.returncode == returncode
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert sorted(installed["work"].rglob("*")) == before


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_figures_outside_the_project_are_the_committed_figures(installed):
    result = _run(installed, "figures", "--out", "figures")
    assert result.returncode == 0, result.stderr
    drawn = _files(installed["work"] / "figures")
    # interactive/ holds the exploration notebook's pages, which are not committed and h20lib figures does not make
    committed = {name: data for name, data in _files(config.FIGURES_DIR).items() if not name.startswith("interactive/")}
    assert sorted(drawn) == sorted(committed)
    assert [name for name in drawn if drawn[name] != committed[name]] == []
