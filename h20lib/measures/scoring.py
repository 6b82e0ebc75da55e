"""``score(corpus)``: the sentence table with every measure the package computes.

``score_document`` is a pure function of one document's raw text and sentence rows, so a large corpus can
be scored partition by partition; ``score`` maps it over a Corpus and checks the invariants.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from h20lib.measures.attribution import attribute_document
from h20lib.measures.frames import NO_FRAMES, score_frames
from h20lib.measures.sentiment import score_sentiment
from h20lib.measures.stance import NO_STANCE, carry_reported_stance, score_stance
from h20lib.parse.corpus import Corpus
from h20lib.rows import QuoteRow, ScoredRow, SentenceRow, columns

ANALYSED_KINDS = ("headline", "body")  # stance and frames are coded on these kinds only (codebook.toml)
QUOTE_COLUMNS = columns(QuoteRow)
SCORED_COLUMNS = columns(ScoredRow)


def score_document(text: str, rows: list[SentenceRow]) -> tuple[list[ScoredRow], list[QuoteRow]]:
    """Scored sentence rows and quotation rows for one document."""
    attributions, quotes = attribute_document(text, rows)
    scored: list[ScoredRow] = []
    for row, attribution in zip(rows, attributions):
        analysed = row["kind"] in ANALYSED_KINDS
        scored.append(
            cast(
                ScoredRow,
                {
                    **row,
                    **attribution,
                    **score_sentiment(row["text"]),
                    **(score_stance(row["text"]) if analysed else NO_STANCE),
                    **(score_frames(row["text"]) if analysed else NO_FRAMES),
                },
            )
        )
    carry_reported_stance([row for row in scored if row["kind"] in ANALYSED_KINDS])
    return scored, quotes


def _score_all(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows_by_doc = {doc_id: group.to_dict("records") for doc_id, group in corpus.sentences.groupby("doc_id", sort=False)}
    scored, quotes = [], []
    for document in corpus.documents.itertuples(index=False):
        doc_rows, doc_quotes = score_document(document.text, rows_by_doc.get(document.doc_id, []))
        scored.extend(doc_rows)
        quotes.extend(doc_quotes)
    table = pd.DataFrame(scored) if scored else pd.DataFrame(columns=list(SCORED_COLUMNS))
    check_scores(table, corpus)
    return table, pd.DataFrame(quotes, columns=list(QUOTE_COLUMNS))


def score(corpus: Corpus) -> pd.DataFrame:
    """The corpus's sentence table with actors, speakers, sentiment, stance and frames as columns."""
    return _score_all(corpus)[0]


def quotes(corpus: Corpus) -> pd.DataFrame:
    """One row per quotation: speaker, cue verb, quoted text and its offsets in the document."""
    return _score_all(corpus)[1]


def check_scores(table: pd.DataFrame, corpus: Corpus) -> None:
    """Invariants of a scored table; AssertionError names the first sentence that breaks one."""
    if tuple(table.columns) != SCORED_COLUMNS:
        raise AssertionError(f"scored columns {list(table.columns)} differ from h20lib.rows.ScoredRow")
    if len(table) != len(corpus.sentences) or table["sentence_id"].duplicated().any():
        raise AssertionError("every sentence must be scored exactly once")
    texts = corpus.documents.set_index("doc_id")["text"]
    for row in table.itertuples(index=False):
        if texts[row.doc_id][row.char_start : row.char_end] != row.text:
            raise AssertionError(f"{row.sentence_id}: offsets do not point at the sentence text")
    for column, low, high in (
        ("polarity", -1, 1),
        ("subjectivity", 0, 1),
        ("vader", -1, 1),
        ("stance_approval", -1, 1),
        ("stance_controls", -1, 1),
    ):
        outside = table[(table[column] < low) | (table[column] > high)]
        if not outside.empty:
            raise AssertionError(f"{outside.iloc[0]['sentence_id']}: {column} outside [{low}, {high}]")
