import datetime
import tomllib
from collections import Counter

import pandas as pd
import pytest

from h20lib import config, load_corpus, score
from h20lib.parse.readers import read_labels
from h20lib.validate_real import TARGETS, measures

GROUPS = ("us_media", "chinese_state", "trade_press")


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    with open(config.REAL_CORPUS_DIR / "manifest.toml", "rb") as handle:
        return tomllib.load(handle)["documents"]


def test_real_corpus_has_enough_pages_per_group_with_their_sources(manifest):
    groups = Counter(entry["source_group"] for entry in manifest)
    assert len(manifest) >= 45
    assert all(groups[group] >= 12 for group in GROUPS)
    assert len({entry["doc_id"] for entry in manifest}) == len(manifest)
    for entry in manifest:
        assert entry["url"].startswith("http") and entry["outlet"] and entry["copy_note"], entry["doc_id"]
        published = datetime.date.fromisoformat(entry["published"])
        assert datetime.date(2025, 6, 1) <= published <= datetime.date(2025, 12, 31), entry["doc_id"]
        assert entry["split"] in ("development", "read", "check")
        assert (config.REAL_CORPUS_DIR / entry["file"]).is_file()


@pytest.mark.parametrize("labels", [config.GOLD_REAL_SENTENCES, config.GOLD_REAL_SECOND_PASS])
def test_hand_labels_point_into_the_pages(manifest, labels):
    gold = read_labels(labels)
    texts = {e["doc_id"]: (config.REAL_CORPUS_DIR / e["file"]).read_text(encoding="utf-8") for e in manifest}
    for row in gold.itertuples():
        assert texts[row.doc_id][int(row.char_start) : int(row.char_end)] == row.text, row.unit_id
    assert gold["unit_id"].is_unique
    assert set(gold["kind"]) <= {"headline", "body", "comment", "boilerplate", "caption", "metadata"}


def test_every_page_is_labelled_and_a_quarter_twice(manifest):
    first, second = read_labels(config.GOLD_REAL_SENTENCES), read_labels(config.GOLD_REAL_SECOND_PASS)
    assert set(first["doc_id"]) == {entry["doc_id"] for entry in manifest}
    assert set(second["unit_id"]) <= set(first["unit_id"])
    assert second["doc_id"].nunique() * 4 >= len(manifest)
    for doc_id, units in second.groupby("doc_id"):
        assert set(units["unit_id"]) == set(first.loc[first["doc_id"] == doc_id, "unit_id"]), doc_id


def test_no_real_page_is_skipped():
    corpus = load_corpus(config.REAL_CORPUS_DIR)
    scored = score(corpus)
    assert corpus.skipped == []
    assert scored["doc_id"].nunique() == len(corpus.documents)


def _unit(kind, speaker, pred_kind, pred_speaker, doc="d1", first_actor=""):
    return {
        "doc_id": doc,
        "kind": kind,
        "speaker": speaker,
        "pred_kind": pred_kind,
        "pred_speaker": pred_speaker,
        "pred_first_actor": first_actor,
    }


@pytest.mark.parametrize(
    ("units", "key", "method", "baseline"),
    [
        ([_unit("boilerplate", "", "boilerplate", ""), _unit("caption", "", "body", "")], "chrome_out", 0.5, 0.0),
        ([_unit("body", "", "body", ""), _unit("body", "", "metadata", "")], "body_kept", 0.5, 1.0),
        (
            [_unit("body", "nvidia", "body", "nvidia", first_actor="china"), _unit("body", "xinhua", "body", "")],
            "named_speaker",
            0.5,
            0.0,
        ),
        (
            [_unit("body", "", "body", "nvidia", first_actor="nvidia"), _unit("body", "", "body", "")],
            "own_voice",
            0.5,
            0.5,
        ),
    ],
)
def test_measures_count_units_against_their_naive_baseline(units, key, method, baseline):
    result = measures(pd.DataFrame(units))[key]
    assert result["method"]["share"] == method
    assert result["baseline"]["share"] == baseline
    assert result["method"]["n"] == 2 and result["method"]["docs"] == 1


def test_real_section_reports_groups_splits_and_intervals(validation_report):
    real = validation_report["real"]
    assert set(real["samples"]) == {"all pages", *GROUPS, "development split", "read split", "check split"}
    for result in real["samples"].values():
        for key in TARGETS:
            method = result[key]["method"]
            assert method["low"] <= method["share"] <= method["high"], key
    agreement = real["annotators"]
    assert agreement["n_documents"] >= 12 and 0.0 <= agreement["kind_kappa"] <= 1.0


MET = {"body_kept", "chrome_out", "own_voice"}


@pytest.mark.parametrize("key", sorted(set(TARGETS) & MET))
def test_real_targets_met(validation_report, key):
    assert validation_report["real"]["samples"]["all pages"][key]["method"]["share"] >= TARGETS[key]


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(
            key,
            marks=pytest.mark.xfail(
                strict=True, reason="below its target on the real pages; h20lib validate prints the share"
            ),
        )
        for key in sorted(set(TARGETS) - MET)
    ],
)
def test_real_targets_not_yet_met(validation_report, key):
    assert validation_report["real"]["samples"]["all pages"][key]["method"]["share"] >= TARGETS[key]


# What the rules (and the learned chrome step, cross-validated) reach now on the targets they miss, so that a change
# that loses ground fails. 0.79 until batch fourteen (18 unread pages, 63.6% there) took all pages to 78.8%.
MEASURED_FLOORS = {"named_speaker": 0.78}


@pytest.mark.parametrize(("key", "floor"), sorted(MEASURED_FLOORS.items()))
def test_real_shares_hold_their_measured_floor(validation_report, key, floor):
    assert validation_report["real"]["samples"]["all pages"][key]["method"]["share"] >= floor
