"""``score(corpus)``: the sentence table with every measure the package computes.

``score_document`` is a pure function of one document's raw text and sentence rows, so a large corpus can
be scored partition by partition; ``score`` maps it over a Corpus and checks the invariants.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import pandas as pd

from h20lib.errors import Skipped, StageError
from h20lib.measures.attribution import attribute_document
from h20lib.measures.features import Words
from h20lib.measures.frames import NO_FRAMES, score_frames
from h20lib.measures.sentiment import score_sentiment
from h20lib.measures.stance import NO_STANCE, carry_reported_stance, score_stance, words_of
from h20lib.parse.corpus import DOCUMENT_COLUMNS, Corpus
from h20lib.rows import QuoteRow, ScoredRow, SentenceRow, columns

ANALYSED_KINDS = ("headline", "body")  # stance and frames are coded on these kinds only (codebook.toml)
QUOTE_COLUMNS = columns(QuoteRow)
SCORED_COLUMNS = columns(ScoredRow)
T = TypeVar("T")


def _at(stage: str, function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``, with any failure reported as a StageError naming ``stage``."""
    try:
        return function(*args)
    except Exception as error:
        raise StageError(stage, error) from error


def score_document(text: str, rows: list[SentenceRow]) -> tuple[list[ScoredRow], list[QuoteRow]]:
    """Scored sentence rows and quotation rows for one document; StageError names the stage that failed.

    Each measure runs over all the document's sentences before the next starts: one model's code and weights
    stay in the processor's caches for the whole document, which scores it faster than taking every measure
    sentence by sentence."""
    attributions, quotes = _at("attribution", attribute_document, text, rows)
    sentences = [row["text"] for row in rows]
    # words are found once, for the stance and the frame models, of the sentences coded for them
    words = _at("stance", _analysed_words, rows)
    stances = _at("stance", _coded, score_stance, NO_STANCE, sentences, words)
    frames = _at("frames", _coded, score_frames, NO_FRAMES, sentences, words)
    sentiments = _at("sentiment", _each, score_sentiment, sentences)
    scored = [
        cast(ScoredRow, {**row, **attribution, **sentiment, **stance_columns, **frame_columns})
        for row, attribution, sentiment, stance_columns, frame_columns in zip(
            rows, attributions, sentiments, stances, frames, strict=True
        )
    ]
    _at("stance", carry_reported_stance, [row for row in scored if row["kind"] in ANALYSED_KINDS])
    _at("check", check_document, text, scored)
    return scored, quotes


def _analysed_words(rows: list[SentenceRow]) -> list[Words | None]:
    """The word features of each sentence coded for stance and frames, None for the others."""
    return [words_of(row["text"]) if row["kind"] in ANALYSED_KINDS else None for row in rows]


def _coded(measure: Callable[..., T], not_coded: T, sentences: list[str], words: list[Words | None]) -> list[T]:
    """``measure``'s columns of each sentence coded for it (one with words), ``not_coded`` for the others."""
    return [
        not_coded if sentence_words is None else measure(sentence, words=sentence_words)
        for sentence, sentence_words in zip(sentences, words, strict=True)
    ]


def _each(measure: Callable[[str], T], sentences: list[str]) -> list[T]:
    return [measure(sentence) for sentence in sentences]


def _score_all(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every document scored; one that fails is left out, added to ``corpus.skipped`` and named on stderr."""
    rows_by_doc: dict[str, list[SentenceRow]] = {}
    names = list(corpus.sentences.columns)
    # the rows as dictionaries of Python values, as to_dict("records") gives them, in a fifth of its time
    for values in zip(*(corpus.sentences[name].tolist() for name in names)):
        row = dict(zip(names, values))
        rows_by_doc.setdefault(row["doc_id"], []).append(cast(SentenceRow, row))
    scored, quotes, failed = [], [], []
    for document in corpus.documents.itertuples(index=False):
        try:
            doc_rows, doc_quotes = score_document(document.text, rows_by_doc.get(document.doc_id, []))
        except StageError as error:
            skip = Skipped(document.source_file or document.doc_id, error.stage, error.reason, document.doc_id)
            failed.append(document.doc_id)
            if skip not in corpus.skipped:
                corpus.skipped.append(skip)
                print(f"h20lib: skipped {skip}", file=sys.stderr)
            continue
        scored.extend(doc_rows)
        quotes.extend(doc_quotes)
    table = pd.DataFrame(scored) if scored else pd.DataFrame(columns=list(SCORED_COLUMNS))
    check_scores(table, corpus, skipped_doc_ids=failed)
    extra = [column for column in corpus.documents.columns if column not in DOCUMENT_COLUMNS]
    if extra:
        table = table.merge(corpus.documents[["doc_id", *extra]], on="doc_id", how="left", validate="many_to_one")
    return table, pd.DataFrame(quotes, columns=list(QUOTE_COLUMNS))


def score(corpus: Corpus) -> pd.DataFrame:
    """The corpus's sentence table with actors, speakers, sentiment, stance and frames as columns, then the other
    columns of the user's table (per document; see :func:`h20lib.parse.corpus.extra_column_name`).

    A document that fails at any stage is left out of the table and recorded in ``corpus.skipped``."""
    return _score_all(corpus)[0]


def quotes(corpus: Corpus) -> pd.DataFrame:
    """One row per quotation: speaker, cue verb, quoted text and its offsets in the document."""
    return _score_all(corpus)[1]


def check_document(text: str, scored: list[ScoredRow]) -> None:
    """Invariants of one scored document: each sentence's offsets point at its text in the raw document."""
    for row in scored:
        if text[row["char_start"] : row["char_end"]] != row["text"]:
            raise AssertionError(f"{row['sentence_id']}: offsets do not point at the sentence text")


def check_scores(table: pd.DataFrame, corpus: Corpus, *, skipped_doc_ids: Sequence[str] = ()) -> None:
    """Invariants of a scored table; AssertionError names the first sentence that breaks one."""
    if tuple(table.columns) != SCORED_COLUMNS:
        raise AssertionError(f"scored columns {list(table.columns)} differ from h20lib.rows.ScoredRow")
    expected = corpus.sentences[~corpus.sentences["doc_id"].isin(skipped_doc_ids)]
    if len(table) != len(expected) or table["sentence_id"].duplicated().any():
        raise AssertionError("every sentence must be scored exactly once")
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for sentence_id, doc_id, start, end, sentence in zip(
        table["sentence_id"], table["doc_id"], table["char_start"], table["char_end"], table["text"]
    ):
        if texts[doc_id][start:end] != sentence:
            raise AssertionError(f"{sentence_id}: offsets do not point at the sentence text")
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
