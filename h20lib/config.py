"""Where things live. Every path the package or a notebook uses is built here.

Inside the installed package: ``data/lexicons`` (hand-written cue lists, registers, the codebook: what the
rules read) and ``data/models`` (trained weights as JSON), the only data read at score time, and ``data/seeds`` and
``data/notebooks``, links in the checkout to the top-level folders of those names, so that a wheel installed outside
the project still has the seed corpus and the figure notebooks. Beside it, in the project checkout:
``seeds/`` (the seed corpus), ``corpora/real/`` (real published articles, the development corpus),
``labels/`` (hand labels: training sentences for the models,
gold labels for ``h20lib validate``), ``validation/`` (cross-validated labels of the real articles, written by
training), ``notebooks/`` and ``figures/``.
"""

from __future__ import annotations

import os
from pathlib import Path

from h20lib.errors import ParameterError

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
LEXICONS_DIR = PACKAGE_DIR / "data" / "lexicons"
MODELS_DIR = PACKAGE_DIR / "data" / "models"
LABELS_DIR = PROJECT_ROOT / "labels"
TRAINING_SENTENCES = LABELS_DIR / "training" / "training_sentences.csv"
GOLD_SEED_SENTENCES = LABELS_DIR / "gold" / "seed_sentences.csv"
GOLD_WRITTEN_SENTENCES = LABELS_DIR / "gold" / "written_sentences.csv"
GOLD_REAL_SENTENCES = LABELS_DIR / "gold" / "real_sentences.csv"
GOLD_REAL_SECOND_PASS = LABELS_DIR / "gold" / "real_sentences_second_pass.csv"
REAL_CORPUS_DIR = PROJECT_ROOT / "corpora" / "real"
# A wheel installs the package alone: then PROJECT_ROOT is site-packages, with no project around it.
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file()
SEEDS_DIR = PROJECT_ROOT / "seeds" if IN_CHECKOUT else PACKAGE_DIR / "data" / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks" if IN_CHECKOUT else PACKAGE_DIR / "data" / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"  # the committed figures of the seeds; only in a checkout
# Written by the training scripts, read by ``h20lib validate``: every real unit labelled by a model fit without its
# document (10-fold document cross-validation), and the calibration figure made from them.
VALIDATION_DIR = PROJECT_ROOT / "validation"
REAL_STANCE_CROSS_VALIDATED = VALIDATION_DIR / "real_stance_cross_validated.csv"
REAL_FRAMES_CROSS_VALIDATED = VALIDATION_DIR / "real_frames_cross_validated.csv"
REAL_CHROME_CROSS_VALIDATED = VALIDATION_DIR / "real_chrome_cross_validated.csv"
LEARNED_SPEAKER_STEP = VALIDATION_DIR / "learned_speaker_step.csv"
RELIABILITY_FIGURE = VALIDATION_DIR / "reliability_any_stance.png"
NEWSMTSC_DIR = PROJECT_ROOT.parent / "shared" / "data" / "newsmtsc"


def cache_dir() -> Path:
    """Where scored tables are kept for reuse (h20lib.measures.stream.scored_table): ``$H20LIB_CACHE`` when set, else
    ``h20lib`` under ``$XDG_CACHE_HOME`` (default ``~/.cache``)."""
    if os.environ.get("H20LIB_CACHE"):
        return Path(os.environ["H20LIB_CACHE"]).expanduser().resolve()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").expanduser() / "h20lib"


MAX_DOCUMENT_VARIABLE = "H20LIB_MAX_DOCUMENT_MB"
DEFAULT_MAX_DOCUMENT_MB = 10.0  # a news article is far below 1 MB; a longer "document" is usually a whole dump


def max_document_chars() -> int:
    """The longest document h20lib parses and scores, in characters: ``$H20LIB_MAX_DOCUMENT_MB`` million (default
    10). Splitting and scoring take time in proportion to the length; the limit keeps one document's sentences
    from filling the memory. ParameterError when the variable is not a positive number."""
    raw = os.environ.get(MAX_DOCUMENT_VARIABLE, "")
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_DOCUMENT_MB
    except ValueError:
        megabytes = 0.0
    if not megabytes > 0:
        raise ParameterError(MAX_DOCUMENT_VARIABLE, f"must be a positive number of millions of characters, got {raw!r}")
    return int(megabytes * 1_000_000)


def resolve(path: str | Path | None, *, default: Path) -> Path:
    """A user-given path made absolute against the working directory; ``default`` when None."""
    if path is None or str(path) == "":
        return default
    return Path(path).expanduser().resolve()


def figures_folder(output_dir: str | Path | None, *, corpus: str | Path | None) -> Path:
    """Where a notebook or ``h20lib figures`` writes: the folder named, made absolute; when none is named, the
    project's figures/ for the seeds and, for another corpus, a folder beside it named after it ("mine.csv" ->
    "mine_figures"), so that a run on another corpus never writes over the committed figures unless asked to.
    Outside a checkout the seeds have no figures folder: ParameterError asks for one."""
    if output_dir is not None and str(output_dir) != "":
        return Path(output_dir).expanduser().resolve()
    if corpus is None or str(corpus) == "":
        if not IN_CHECKOUT:
            raise ParameterError(
                "output_dir", "outside the project checkout, name a folder for the seed figures (h20lib figures --out)"
            )
        return FIGURES_DIR
    source = Path(corpus).expanduser().resolve()
    return source.parent / f"{source.stem}_figures"
