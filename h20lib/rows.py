"""The rows the pipeline passes between stages, with their columns in order: the one place a reader sees them.

``DocumentRow`` and ``SentenceRow`` come out of ``h20lib.parse``; ``ScoredRow`` (a sentence row with every
measure) and ``QuoteRow`` out of ``h20lib.measures.scoring``. The DataFrames of a Corpus and of ``score()`` have
these columns in this order.
"""

from __future__ import annotations

from typing import TypedDict


class DocumentRow(TypedDict):
    doc_id: str
    title: str
    outlet: str
    source_group: str
    published: str  # ISO date, or "" when unknown
    url: str
    language: str  # ISO 639-1 code of most headline and body sentences
    source_file: str  # file name, or "<table>#<row number>"
    encoding: str
    n_chars: int
    n_sentences: int
    text: str  # the raw text every offset points into


class SentenceRow(TypedDict):
    doc_id: str
    sentence_id: str  # "<doc_id>-<4-digit number>", in document order
    text: str  # == document text[char_start:char_end]
    kind: str  # headline, body, comment, boilerplate, caption or metadata
    lang: str
    source_group: str
    outlet: str
    published: str
    char_start: int
    char_end: int
    paragraph: int  # index of the line the sentence is on
    turn: str  # transcript turn label ("Lin Jian", "Question"), else ""


class AttributionColumns(TypedDict):
    actors: tuple[str, ...]  # register ids named in the sentence, in order of first mention
    speaker: str  # who speaks: an actor id, or "" for the outlet's own voice
    is_quote: bool  # mostly a direct quotation
    speaker_cue: str  # the cue that decided the speaker


class SentimentColumns(TypedDict):
    polarity: float  # TextBlob, [-1, 1]
    subjectivity: float  # TextBlob, [0, 1]
    vader: float  # VADER compound, [-1, 1]


class StanceColumns(TypedDict):
    stance_approval: float  # [-1, 1], + favours the July 2025 decision
    stance_approval_label: str  # favor, against or none
    stance_approval_cues: tuple[str, ...]  # the cues or model features that decided the label
    stance_controls: float  # [-1, 1], + favours US export controls
    stance_controls_label: str
    stance_controls_cues: tuple[str, ...]


class FrameColumns(TypedDict):
    frames: tuple[str, ...]  # codebook frames invoked, in codebook order
    frame_cues: tuple[str, ...]


class ScoredRow(SentenceRow, AttributionColumns, SentimentColumns, StanceColumns, FrameColumns):
    """A sentence row with every measure, as in ``h20lib.score``."""


class QuoteRow(TypedDict):
    doc_id: str
    sentence_id: str  # the sentence the quotation opens in
    speaker: str
    cue: str
    text: str  # the quoted words, without quotation marks
    char_start: int
    char_end: int
    full_quote: bool  # at least FULL_QUOTE_WORDS words: a statement, not a scare quote


LIST_SEPARATOR = ";"  # joins a tuple cell (actors, frames, cues) in a CSV table


def columns(row_type: type) -> tuple[str, ...]:
    """The column names of a row type, in order."""
    return tuple(row_type.__annotations__)
