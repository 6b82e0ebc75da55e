"""The shipped models and validation tables are what the trainers write: each trainer, run into a copy of the models
folder and an empty validation folder, gives the committed files byte for byte."""

import importlib
import shutil

import pytest

from h20lib import config
from h20lib.measures.portrayal import SPLIT_FILES

VALIDATION_PATHS = (
    "REAL_STANCE_CROSS_VALIDATED",
    "REAL_FRAMES_CROSS_VALIDATED",
    "REAL_CHROME_CROSS_VALIDATED",
    "LEARNED_SPEAKER_STEP",
    "RELIABILITY_FIGURE",
)
NEWSMTSC_PRESENT = all((config.NEWSMTSC_DIR / name).is_file() for names in SPLIT_FILES.values() for name in names)


@pytest.mark.parametrize(
    ("trainer", "models", "tables"),
    [
        ("chrome", ["chrome_model.json"], ["real_chrome_cross_validated.csv"]),
        (
            "stance",
            ["stance_model.json"],
            ["real_stance_cross_validated.csv", "reliability_any_stance.png", "reliability_any_stance.csv"],
        ),
        ("frames", ["frames_model.json"], ["real_frames_cross_validated.csv"]),
        ("speakers", [], ["learned_speaker_step.csv"]),
        pytest.param(
            "portrayal",
            ["portrayal_model.json"],
            [],
            marks=pytest.mark.skipif(not NEWSMTSC_PRESENT, reason="NewsMTSC lives outside the repository"),
        ),
    ],
)
def test_a_trainer_writes_the_committed_files(trainer, models, tables, tmp_path, monkeypatch):
    models_dir, validation_dir = tmp_path / "models", tmp_path / "validation"
    shutil.copytree(config.MODELS_DIR, models_dir)
    committed = {name: (config.MODELS_DIR / name).read_bytes() for name in models}
    committed |= {name: (config.VALIDATION_DIR / name).read_bytes() for name in tables}
    for name in models:
        (models_dir / name).unlink()  # the trainer must write it
    monkeypatch.setattr(config, "MODELS_DIR", models_dir)
    monkeypatch.setattr(config, "VALIDATION_DIR", validation_dir)
    for constant in VALIDATION_PATHS:
        monkeypatch.setattr(config, constant, validation_dir / getattr(config, constant).name)
    importlib.import_module(f"h20lib.train.{trainer}").main()
    written = {name: (models_dir / name).read_bytes() for name in models}
    written |= {name: (validation_dir / name).read_bytes() for name in tables}
    assert [name for name in committed if written[name] != committed[name]] == []
