"""The package's layout: stages import only earlier stages, heavy libraries load on first use."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import h20lib

PACKAGE = Path(h20lib.__file__).parent
# Each module's layer: a module may import modules of its own layer or a lower one, never a higher one.
BASE = {"config", "errors", "patterns", "resources", "rows"}
STAGES = {"parse": 1, "measures": 2, "report": 3, "train": 4}
TOP = {"explanation", "explorer", "validate", "validate_real", "cli", "__init__"}


def _layer(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "h20lib" or len(parts) == 1:
        return 5 if parts == ["h20lib"] else -1
    if parts[1] in BASE:
        return 0
    if parts[1] in STAGES:
        return STAGES[parts[1]]
    if parts[1] in TOP:
        return 5
    raise AssertionError(f"{module}: a module outside the stages; add it to a layer in this test")


def _modules() -> list[str]:
    return sorted(
        ".".join(("h20lib", *path.relative_to(PACKAGE).with_suffix("").parts)) for path in PACKAGE.rglob("*.py")
    )


def _imports(module: str) -> list[str]:
    parts = module.split(".")[1:]
    path = PACKAGE.joinpath(*parts).with_suffix(".py")
    if not path.exists():
        path = PACKAGE.joinpath(*parts, "__init__.py")
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "h20lib":
            names.extend(f"h20lib.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("module", _modules())
def test_no_module_imports_a_later_stage(module):
    own = _layer(module.removesuffix(".__init__"))
    later = [name for name in _imports(module) if name.startswith("h20lib") and _layer(name) > own]
    assert later == [], f"{module} (layer {own}) imports later stages: {later}"


@pytest.mark.parametrize("module", _modules())
def test_scikit_learn_only_in_train(module):
    uses_sklearn = any(name.split(".")[0] in ("sklearn", "scipy") for name in _imports(module))
    assert not uses_sklearn or module.startswith("h20lib.train."), f"{module} imports scikit-learn or scipy"


@pytest.mark.parametrize(
    ("statement", "not_loaded"),
    [
        ("import h20lib", ("pandas", "textblob", "nltk", "vaderSentiment", "matplotlib", "sklearn")),
        ("import h20lib.measures.scoring", ("textblob", "nltk", "vaderSentiment", "matplotlib", "sklearn")),
        ("from h20lib import load_corpus", ("textblob", "nltk", "vaderSentiment", "matplotlib", "sklearn")),
    ],
)
def test_heavy_libraries_load_on_first_use(statement, not_loaded):
    code = f"import sys; {statement}; print(' '.join(sorted(m for m in {not_loaded!r} if m in sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_no_data_file_is_read_at_import():
    code = "import sys, h20lib.measures.scoring, h20lib.report.analysis, h20lib.resources as r; print(r.lexicon.cache_info().currsize + r.model.cache_info().currsize + r.word_list.cache_info().currsize)"
    read = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert read == "0"


@pytest.mark.parametrize(
    "name", ["Corpus", "InputError", "explain", "load_corpus", "parse_document", "quotes", "score", "target_sentiment"]
)
def test_public_api_from_the_top_level(name):
    assert callable(getattr(h20lib, name))


def test_validate_is_reachable_from_the_top_level():
    assert callable(h20lib.validate.validation_report)


def test_importing_every_module_leaves_the_public_functions_in_place():
    """A submodule named like a public function would replace it on import (``import h20lib.explain``)."""
    code = (
        "import importlib, pkgutil, h20lib\n"
        "for m in pkgutil.walk_packages(h20lib.__path__, 'h20lib.'): importlib.import_module(m.name)\n"
        "print(' '.join(n for n in h20lib.__all__ if n not in ('__version__', 'validate') and not callable(getattr(h20lib, n))))"
    )
    shadowed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert shadowed == []


def test_citation_gives_the_package_version():
    citation = (PACKAGE.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{h20lib.__version__}"' in citation
