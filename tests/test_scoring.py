import time

import pandas as pd
import pytest

from h20lib import load_corpus, score
from h20lib.measures.scoring import check_scores, score_document


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


@pytest.fixture(scope="module")
def scored(seeds):
    return score(seeds)


def test_every_sentence_scored_once_with_all_columns(seeds, scored):
    assert list(scored["sentence_id"]) == list(seeds.sentences["sentence_id"])
    for column in (
        "actors",
        "speaker",
        "is_quote",
        "polarity",
        "subjectivity",
        "vader",
        "stance_approval",
        "stance_approval_label",
        "stance_controls",
        "stance_controls_label",
        "frames",
    ):
        assert column in scored.columns


def test_only_headlines_and_body_carry_stance_and_frames(scored):
    other = scored[~scored["kind"].isin(["headline", "body"])]
    assert (other["stance_approval_label"] == "none").all() and (other["frames"].map(len) == 0).all()
    assert (scored.loc[scored["kind"] == "comment", "speaker"] == "").all()


def test_check_scores_catches_broken_invariants(seeds, scored):
    broken = scored.copy()
    broken.loc[0, "polarity"] = 1.5
    with pytest.raises(AssertionError, match="polarity outside"):
        check_scores(broken, seeds)
    shifted = scored.copy()
    shifted.loc[3, "char_start"] += 1
    with pytest.raises(AssertionError, match="offsets"):
        check_scores(shifted, seeds)
    with pytest.raises(AssertionError, match="exactly once"):
        check_scores(pd.concat([scored, scored.iloc[:1]]), seeds)


def test_scoring_a_document_alone_gives_the_same_rows(seeds, scored):
    document = seeds.documents.iloc[4]
    rows = seeds.sentences[seeds.sentences["doc_id"] == document["doc_id"]].to_dict("records")
    alone, _ = score_document(document["text"], rows)
    assert (
        pd.DataFrame(alone)
        .reset_index(drop=True)
        .equals(scored[scored["doc_id"] == document["doc_id"]].reset_index(drop=True))
    )


def test_scoring_the_seeds_takes_well_under_a_second(seeds):
    score(seeds)  # warm caches (lexicons load once)
    started = time.perf_counter()
    table = score(seeds)
    elapsed = time.perf_counter() - started
    print(f"\nscored {len(table)} seed sentences in {elapsed:.3f} s ({len(table) / elapsed:.0f} sentences per second)")
    assert elapsed < 0.5
