import pandas as pd
import pytest

from h20lib.train.real import development_and_held_out, document_folds, in_unit_order

UNITS = pd.DataFrame(
    {
        "unit_id": ["a-1", "b-1", "a-2", "c-1", "b-2"],
        "doc_id": ["a", "b", "a", "c", "b"],
        "split": ["development", "read", "development", "check", "read"],
    }
)


def test_the_read_and_check_pages_are_kept_apart_from_the_development_pages():
    development, held_out = development_and_held_out(UNITS)
    assert list(development["unit_id"]) == ["a-1", "a-2"]
    assert list(held_out["unit_id"]) == ["b-1", "c-1", "b-2"]


@pytest.mark.parametrize("parts_order", [(0, 1), (1, 0)])
def test_labels_from_both_parts_come_back_in_unit_order(parts_order):
    development, held_out = development_and_held_out(UNITS)
    parts = [development.assign(label="cv"), held_out.assign(label="final")]
    table = in_unit_order([parts[i] for i in parts_order], UNITS)
    assert list(table["unit_id"]) == list(UNITS["unit_id"])
    assert list(table["label"]) == ["cv", "final", "cv", "final", "final"]


def test_document_folds_hold_out_whole_documents():
    documents = pd.Series(["a", "a", "b", "c", "c", "d"])
    for train, held_out in document_folds(documents, folds=2):
        assert not set(documents[train]) & set(documents[held_out])
