"""Where things live. Every path the package or a notebook uses is built here."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"
SEED_MANIFEST = SEEDS_DIR / "manifest.csv"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
NEWSMTSC_DIR = PROJECT_ROOT.parent / "shared" / "data" / "newsmtsc"


def data_file(name: str) -> Path:
    """A file shipped inside the package (lexicons, cue lists, registers, models)."""
    return DATA_DIR / name


def resolve(path: str | Path | None, *, default: Path) -> Path:
    """A user-given path made absolute against the working directory; ``default`` when None."""
    if path is None or str(path) == "":
        return default
    return Path(path).expanduser().resolve()
