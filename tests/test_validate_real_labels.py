"""Stance and frames on the real articles: the cross-validated labels of the trainers against the hand labels."""

import pandas as pd
import pytest

from h20lib import config
from h20lib.errors import InputError
from h20lib.measures.frames import frame_names
from h20lib.measures.stance import TARGETS as STANCE_TARGETS
from h20lib.report.gold import real_units
from h20lib.train.real import document_folds
from h20lib.validate_real import LABEL_TARGETS, format_real_labels

# Measured on the 259 real pages, 235 by 10-fold document cross-validation (approval 0.476, controls 0.501, frames 0.758).
MEASURED_FLOORS = {"approval": 0.46, "controls": 0.47}


@pytest.fixture(scope="module")
def real_labels(validation_report) -> dict:
    return validation_report["real_labels"]


def test_every_unit_is_labelled_by_a_model_fit_without_its_document():
    units = real_units()
    folds = document_folds(units["doc_id"])
    held_out = [units["doc_id"].iloc[rows] for _, rows in folds]
    assert sum(len(rows) for _, rows in folds) == len(units)  # every unit held out once
    for (train, _), documents in zip(folds, held_out):
        assert not set(documents) & set(units["doc_id"].iloc[train])


@pytest.mark.parametrize("target", STANCE_TARGETS)
def test_stance_on_real_text_is_reported_with_document_intervals(real_labels, target):
    result = real_labels["stance"][target]
    value, low, high = result["method"]
    print(f"\n{target}: real macro-F1 {value:.3f} ({low:.3f} to {high:.3f}), baseline {result['baseline'][0]:.3f}")
    assert low < value < high
    assert value >= MEASURED_FLOORS[target]
    assert value > result["baseline"][0] + 0.25
    assert set(result["by_group"]) == {"chinese_state", "trade_press", "us_media"}
    assert result["ece_any"] <= LABEL_TARGETS["ece_any"]
    assert result["brier_any"] < result["brier_any_baseline"]


@pytest.mark.xfail(strict=True, reason="stance on real text is below its target; h20lib validate prints the figures")
@pytest.mark.parametrize("target", STANCE_TARGETS)
def test_stance_targets_not_yet_met(real_labels, target):
    result = real_labels["stance"][target]
    assert result["method"][0] >= LABEL_TARGETS["stance"] and result["gap"] <= LABEL_TARGETS["group_gap"]


def test_frames_on_real_text_meet_their_target(real_labels):
    frames = real_labels["frames"]
    print(f"\nreal frames micro-F1 {frames['method'][0]:.3f}, gap between groups {frames['gap']:.3f}")
    assert frames["method"][0] >= LABEL_TARGETS["frames"]
    assert frames["gap"] <= LABEL_TARGETS["group_gap"]
    assert frames["method"][0] > frames["baseline"][0] + 0.4
    calibration = frames["calibration"]
    assert list(calibration) == list(frame_names())
    # measured: 0.006 (sovereignty) to 0.054 (economic)
    assert all(value["ece"] <= 0.06 and 0.0 <= value["brier"] <= 0.25 for value in calibration.values())


def test_the_section_states_units_pages_and_outlets(real_labels):
    text = "\n".join(format_real_labels(real_labels))
    sizes = real_labels["sizes"]["all"]
    assert f"{sizes['n']} headline and body units, {sizes['docs']} pages, {sizes['outlets']} outlets" in text
    assert text.count("by group:") == 3


def test_the_section_states_the_annotators_agreement_on_stance_and_frames(real_labels):
    annotators = real_labels["annotators"]
    # measured on 1,015 units of 76 pages: approval 0.90, controls 0.83, frames 0.95
    assert annotators["n"] >= 900 and annotators["docs"] >= 70
    assert all(0.75 <= value <= 1.0 for value in annotators["stance"].values())
    assert 0.85 <= annotators["frames"] <= 1.0
    text = "\n".join(format_real_labels(real_labels))
    assert f"two annotators on {annotators['n']} headline and body units" in text


def test_stale_cross_validated_labels_are_refused(tmp_path, monkeypatch):
    from h20lib import validate_real

    table = pd.read_csv(config.REAL_STANCE_CROSS_VALIDATED, dtype=str, keep_default_na=False)
    stale = tmp_path / "stale.csv"
    table.iloc[:-1].to_csv(stale, index=False)
    monkeypatch.setattr(config, "REAL_STANCE_CROSS_VALIDATED", stale)
    with pytest.raises(InputError, match=r"run python -m h20lib\.train\.stance"):
        validate_real.real_labels_report()


def test_stale_chrome_decisions_are_refused(tmp_path, monkeypatch):
    from h20lib import validate_real

    monkeypatch.setattr(config, "REAL_CHROME_CROSS_VALIDATED", tmp_path / "missing.csv")
    with pytest.raises(InputError, match=r"run python -m h20lib\.train\.chrome"):
        validate_real.real_comparison()
