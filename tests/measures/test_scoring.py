import pandas as pd
import pytest

from h20lib.measures.scoring import check_scores, score_document


def test_every_sentence_scored_once_with_all_columns(seed_corpus, seed_scores):
    assert list(seed_scores["sentence_id"]) == list(seed_corpus.sentences["sentence_id"])
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
        assert column in seed_scores.columns


def test_only_headlines_and_body_carry_stance_and_frames(seed_scores):
    other = seed_scores[~seed_scores["kind"].isin(["headline", "body"])]
    assert (other["stance_approval_label"] == "none").all() and (other["frames"].map(len) == 0).all()
    assert (seed_scores.loc[seed_scores["kind"] == "comment", "speaker"] == "").all()


def test_check_scores_catches_broken_invariants(seed_corpus, seed_scores):
    broken = seed_scores.copy()
    broken.loc[0, "polarity"] = 1.5
    with pytest.raises(AssertionError, match="polarity outside"):
        check_scores(broken, seed_corpus)
    shifted = seed_scores.copy()
    shifted.loc[3, "char_start"] += 1
    with pytest.raises(AssertionError, match="offsets"):
        check_scores(shifted, seed_corpus)
    with pytest.raises(AssertionError, match="exactly once"):
        check_scores(pd.concat([seed_scores, seed_scores.iloc[:1]]), seed_corpus)


def test_scoring_a_document_alone_gives_the_same_rows(seed_corpus, seed_scores):
    document = seed_corpus.documents.iloc[4]
    rows = seed_corpus.sentences[seed_corpus.sentences["doc_id"] == document["doc_id"]].to_dict("records")
    alone, _ = score_document(document["text"], rows)
    assert (
        pd.DataFrame(alone)
        .reset_index(drop=True)
        .equals(seed_scores[seed_scores["doc_id"] == document["doc_id"]].reset_index(drop=True))
    )
