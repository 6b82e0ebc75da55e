import json
import random

import pandas as pd
import pytest

from h20lib.measures import scoring
from h20lib.measures.scoring import check_scores, score, score_document
from h20lib.parse.corpus import load_corpus


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


# Pieces of the text a scraper hands over, mixed at random into documents that no one wrote by hand: role nouns the
# register does not know, quotation marks left open or closed twice, transcript labels, lines in other scripts,
# bare punctuation and blank lines.
SUBJECTS = [
    "The giant",
    "the post",
    "The regulator",
    "the company",
    "He",
    "They",
    "It",
    "Lin",
    "Lin Jian",
    "Guo Jiakun",
    "the spokesperson",
    "The CAC",
    "Nvidia",
    "Sources",
    "the Washington Post",
    "Rep. Jane Doe",
    "the firm's chief",
    "",
]
VERBS = ["said", "told reporters", "called the chip 'obsolete'", "warned", "denied", "according to", "wrote", "argued"]
QUOTES = ['"No kill switches."', "“No spyware.", "”", '"', "“unbalanced", "‘scare’", '""', "“”"]
LABELS = ["Q:", "A:", "Lin Jian:", "AFP:", "Reporter from Bloomberg:", "Question", "Answer:", ":", "Guo:"]
OTHER = [
    "英伟达H20芯片存在安全风险。",
    "Компания заявила об этом.",
    "قالت الشركة",
    "Reading Time: 3 minutes",
    "Nurphoto | Nurphoto | Getty Images",
    "Share this:",
    "...",
    "?!",
    "—",
    "\t",
    "1.",
    "U.S. The",
]


def _generated_document(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 12)):
        choice = rng.random()
        if choice < 0.15:
            lines.append("")
        elif choice < 0.3:
            lines.append(rng.choice(LABELS) + " " + rng.choice(SUBJECTS + QUOTES))
        elif choice < 0.45:
            lines.append(rng.choice(OTHER))
        else:
            words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(QUOTES + SUBJECTS)]
            if rng.random() < 0.5:
                words.insert(0, rng.choice(QUOTES))
            lines.append(" ".join(words) + rng.choice([".", "", "?", ":", ' "']))
    return "\n".join(lines)


def test_no_generated_document_stops_a_run(tmp_path):
    rng = random.Random(20250715)
    texts = [_generated_document(rng) for _ in range(2000)]
    table = tmp_path / "generated.jsonl"
    table.write_text("".join(json.dumps({"doc_id": f"g{n}", "text": t}) + "\n" for n, t in enumerate(texts)))
    corpus = load_corpus(table)
    assert all(skip.stage == "read" and skip.reason == "empty text" for skip in corpus.skipped)
    scored = score(corpus)
    assert corpus.skipped == [skip for skip in corpus.skipped if skip.stage == "read"]
    assert len(corpus.documents) + len(corpus.skipped) == len(texts)
    assert set(scored["doc_id"]) <= set(corpus.documents["doc_id"])
    assert len(scored) == len(corpus.sentences)


@pytest.mark.parametrize(
    ("stage", "function"),
    [
        ("attribution", "attribute_document"),
        ("sentiment", "score_sentiment"),
        ("stance", "score_stance"),
        ("frames", "score_frames"),
    ],
)
def test_a_failing_document_is_listed_and_the_others_scored(tmp_path, monkeypatch, capsys, stage, function):
    table = tmp_path / "corpus.jsonl"
    texts = {"good": "Nvidia said it would resume sales.", "bad": "The BOOM said it would resume sales."}
    table.write_text("".join(json.dumps({"doc_id": d, "text": t}) + "\n" for d, t in texts.items()))
    original = getattr(scoring, function)

    def failing(text, *args, **options):
        if "BOOM" in text:
            raise ValueError("broken\non two lines")
        return original(text, *args, **options)

    monkeypatch.setattr(scoring, function, failing)
    corpus = load_corpus(table)
    capsys.readouterr()  # the notes on reading the table (no outlet column)
    scored = score(corpus)
    assert set(scored["doc_id"]) == {"good"}
    assert [str(skip) for skip in corpus.skipped] == [
        f"corpus.jsonl#2 (doc_id 'bad'): {stage}: ValueError: broken on two lines"
    ]
    assert capsys.readouterr().err == f"h20lib: skipped {corpus.skipped[0]}\n"
    score(corpus)
    assert len(corpus.skipped) == 1
