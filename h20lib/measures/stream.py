"""Scoring a corpus of any size, in flat memory, on every core.

Documents are read a chunk at a time (:func:`h20lib.parse.corpus.corpus_chunks`); worker processes parse and score
each chunk with the pure per-document functions (:func:`score_chunk`); the chunks are written in corpus order as
they finish, so at most a few chunks are in memory however large the corpus is. The table written is the one
``h20lib.score(h20lib.load_corpus(source))`` gives, with list columns as lists (:func:`read_scored` reads them back
as tuples).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import multiprocessing
import multiprocessing.context
import os
import shutil
import sys
import typing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from h20lib import config
from h20lib.errors import InputError, Skipped, StageError
from h20lib.measures.scoring import SCORED_COLUMNS, score_document
from h20lib.parse.corpus import (
    DocumentMeta,
    corpus_chunks,
    corpus_fingerprint,
    extra_column_name,
    item_location,
    read_and_parse,
)
from h20lib.rows import LIST_SEPARATOR, ScoredRow

CHUNK_DOCUMENTS = 50  # small enough to keep every worker busy to the end, large enough to pay for sending
_ARROW_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
LIST_COLUMNS = tuple(
    name for name, kind in typing.get_type_hints(ScoredRow).items() if typing.get_origin(kind) is tuple
)


@dataclass
class ScoreSummary:
    """What a streamed scoring wrote: documents and sentences, and what was left out or noted on the way."""

    output: Path
    n_documents: int = 0
    n_sentences: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def scored_schema() -> pa.Schema:
    """The Arrow schema of h20lib's scored columns (lists of strings for the tuple columns)."""
    hints = typing.get_type_hints(ScoredRow)
    return pa.schema(
        [(name, pa.list_(pa.string()) if name in LIST_COLUMNS else _ARROW_TYPES[hints[name]]) for name in hints]
    )


def score_chunk(items: list[tuple[Path | str, DocumentMeta]], *, root: Path) -> tuple[pd.DataFrame, list[Skipped]]:
    """The scored sentences of a chunk of documents, with the user's own table columns, and the documents left out.

    Pure: it reads the chunk's files (for a folder corpus) and nothing else, so chunks can be scored anywhere."""
    skipped: list[Skipped] = []
    rows: list[dict] = []
    for item, meta in items:
        parsed = read_and_parse(item, meta, skipped, where=item_location(root, meta))
        if parsed is None:
            continue
        document, sentences = parsed
        try:
            scored, _ = score_document(document["text"], sentences)
        except StageError as error:
            skipped.append(Skipped(document["source_file"] or meta.doc_id, error.stage, error.reason, meta.doc_id))
            continue
        extra = {extra_column_name(name): value for name, value in meta.extra}
        rows.extend({**row, **extra} for row in scored)
    table = pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(SCORED_COLUMNS))
    return table, skipped


ROWS_PER_PART = 500_000  # rows of one file of a Parquet dataset: about 35,000 articles


class _TableWriter:
    """Appends scored chunks to a CSV file, a Parquet file, or a Parquet dataset (a folder of ``part-NNNNN.parquet``
    files of at most ``rows_per_part`` rows each), under a temporary name; ``close`` moves it into place.

    A file is staged beside its final name as a hidden ``.part`` file; a dataset in a hidden folder inside its own
    folder. Either way an interrupted run leaves the earlier output as it was."""

    def __init__(self, path: Path, *, rows_per_part: int = ROWS_PER_PART) -> None:
        if path.suffix not in (".csv", ".parquet", ""):
            raise InputError(path, "output must end in .csv or .parquet, or name a folder for a Parquet dataset")
        if not path.parent.is_dir():
            raise InputError(path, f"folder {path.parent} does not exist")
        self.dataset = path.suffix == "" or path.is_dir()
        if self.dataset and path.is_dir() and any(not _is_part(child) for child in path.iterdir()):
            raise InputError(path, "is a folder with other files in it; name a new or empty folder for a dataset")
        if self.dataset and path.exists() and not path.is_dir():
            raise InputError(path, "is a file; name a folder for a Parquet dataset, or a file ending in .parquet")
        staging_folder = path if self.dataset and path.is_dir() else path.parent
        if not os.access(staging_folder, os.W_OK):
            raise InputError(path, f"folder {staging_folder} is not writable")
        self.path = path
        self.rows_per_part = rows_per_part
        self._created = self.dataset and not path.exists()
        self.temporary = (
            path / f".staging-{os.getpid()}" if self.dataset else path.with_name(f".{path.name}.{os.getpid()}.part")
        )
        self._parquet: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._columns: list[str] | None = None
        self._parts = 0
        self._part_rows = 0

    def write(self, table: pd.DataFrame) -> None:
        if self._columns is None:
            self._columns = list(table.columns)
        table = table.reindex(columns=self._columns)
        if self.path.suffix == ".csv":
            flat = table.assign(
                **{column: table[column].map(LIST_SEPARATOR.join) for column in LIST_COLUMNS if column in table}
            )
            first = not self.temporary.exists()
            flat.to_csv(self.temporary, index=False, header=first, mode="w" if first else "a", lineterminator="\n")
            return
        lists = {column: table[column].map(list) for column in LIST_COLUMNS if column in table}
        arrow = pa.Table.from_pandas(table.assign(**lists), preserve_index=False)
        if self._schema is None:
            known = scored_schema()
            self._schema = pa.schema(
                [known.field(name) if name in known.names else arrow.schema.field(name) for name in arrow.schema.names]
            )
        if self._parquet is None or (self.dataset and self._part_rows >= self.rows_per_part):
            self._open_part()
        assert self._parquet is not None
        self._parquet.write_table(arrow.cast(self._schema))
        self._part_rows += len(arrow)

    def _open_part(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        target = self.temporary
        if self.dataset:
            self.temporary.mkdir(parents=True, exist_ok=True)
            target = self.temporary / f"part-{self._parts:05d}.parquet"
        self._parquet = pq.ParquetWriter(target, self._schema)
        self._parts += 1
        self._part_rows = 0

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self._parts == 0 and not (self.path.suffix == ".csv" and self.temporary.exists()):
            self._write_empty()
        if not self.dataset:
            os.replace(self.temporary, self.path)
            return
        for old in self.path.glob("part-*.parquet"):
            old.unlink()
        for part in sorted(self.temporary.iterdir()):
            os.replace(part, self.path / part.name)
        self.temporary.rmdir()

    def _write_empty(self) -> None:
        """Nothing scored: an empty table with h20lib's columns."""
        empty = pd.DataFrame(columns=list(SCORED_COLUMNS))
        if self.path.suffix == ".csv":
            empty.to_csv(self.temporary, index=False, lineterminator="\n")
            return
        if self.dataset:
            self.temporary.mkdir(parents=True, exist_ok=True)
        target = self.temporary / "part-00000.parquet" if self.dataset else self.temporary
        pq.write_table(pa.Table.from_pandas(empty, schema=scored_schema(), preserve_index=False), target)

    def discard(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self.dataset:
            shutil.rmtree(self.temporary, ignore_errors=True)
            if self._created:
                with contextlib.suppress(OSError):
                    self.path.rmdir()
        else:
            self.temporary.unlink(missing_ok=True)


def _is_part(path: Path) -> bool:
    """A file of a Parquet dataset h20lib wrote, or its staging folder (from a run that was killed)."""
    return (path.name.startswith("part-") and path.suffix == ".parquet") or path.name.startswith(".staging-")


def _scored_chunks(
    path: Path, summary: ScoreSummary, *, jobs: int, chunk_documents: int, scheduler: str | None
) -> Iterator[tuple[pd.DataFrame, list[Skipped], int]]:
    """(scored table, documents left out, documents read) per chunk, in corpus order. Chunks are scored in this
    process (``jobs`` 1), by ``jobs`` worker processes, or by the workers of the Dask cluster at ``scheduler``; at
    most two chunks per worker are in flight, so memory stays flat."""
    chunks = corpus_chunks(path, summary.skipped, summary.notes, chunk_documents=chunk_documents)
    if scheduler is None and jobs == 1:
        for chunk in chunks:
            yield (*score_chunk(chunk, root=path), len(chunk))
        return
    with contextlib.ExitStack() as stack:
        if scheduler is None:
            _load_models()
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_fork_context())
            submit: Callable[..., Future] = stack.enter_context(pool).submit
            window = 2 * jobs
        else:
            from distributed import Client

            client = stack.enter_context(Client(scheduler))
            submit = functools.partial(client.submit, pure=False)
            window = 2 * max(1, sum(client.nthreads().values()))
        pending: list[tuple[Future, int]] = []
        for chunk in chunks:
            pending.append((submit(score_chunk, chunk, root=path), len(chunk)))
            if len(pending) >= window:
                future, size = pending.pop(0)
                yield (*future.result(), size)
        for future, size in pending:
            yield (*future.result(), size)


def _load_models() -> None:
    """Load every model and lexicon in this process by scoring a small document, and move what is loaded out of
    the garbage collector's reach, so forked workers share those pages instead of each holding a copy."""
    text = "Warm-up\nNvidia said on Monday it would resume sales to China, which lawmakers criticised."
    parsed = read_and_parse(text, DocumentMeta(doc_id="warm-up"), [], where="warm-up")
    if parsed is not None:
        score_document(text, parsed[1])
    gc.freeze()


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Workers forked from this process (where the platform can), sharing its loaded models."""
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def score_corpus(
    source: str | Path | None,
    output: str | Path,
    *,
    jobs: int | None = None,
    chunk_documents: int = CHUNK_DOCUMENTS,
    progress: Callable[[int, int], None] | None = None,
    scheduler: str | None = None,
) -> ScoreSummary:
    """Score the corpus at ``source`` (None: the seeds) into the table ``output`` (.parquet or .csv, or a folder: a
    Parquet dataset of files of at most ``ROWS_PER_PART`` rows), ``jobs``
    worker processes at a time (None: every core), or on the Dask cluster whose scheduler is at ``scheduler``
    ("tcp://host:8786"; its workers must see a folder corpus's files at the same path).
    ``progress(documents, sentences)`` is called after each chunk.

    The output appears only when complete; an interrupted run leaves the earlier file, if any, untouched."""
    path = config.resolve(source, default=config.SEEDS_DIR)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, got {workers}")
    summary = ScoreSummary(output=Path(output))
    if summary.output.resolve() == path.resolve():
        raise InputError(summary.output, "is the corpus itself; name another file for the scores")
    writer = _TableWriter(summary.output, rows_per_part=ROWS_PER_PART)
    try:
        chunks = _scored_chunks(path, summary, jobs=workers, chunk_documents=chunk_documents, scheduler=scheduler)
        for table, skipped, n_read in chunks:
            summary.skipped.extend(skipped)
            if len(table):
                writer.write(table)
            summary.n_documents += n_read - len({skip.doc_id for skip in skipped if skip.doc_id})
            summary.n_sentences += len(table)
            if progress is not None:
                progress(summary.n_documents, summary.n_sentences)
        if not summary.n_documents:
            reasons = "; ".join(map(str, summary.skipped)) if summary.skipped else "no documents"
            raise InputError(path, f"no readable documents ({reasons})")
        writer.close()
    except BaseException:
        writer.discard()
        raise
    for note in summary.notes:
        print(f"h20lib: {note}", file=sys.stderr)
    return summary


def read_scored(path: str | Path) -> pd.DataFrame:
    """A scored table written by :func:`score_corpus` or ``h20lib score`` (a Parquet file or dataset folder), with
    list columns as tuples, as ``h20lib.score`` returns them."""
    path = Path(path)
    if path.is_dir():
        parts = sorted(path.glob("part-*.parquet"))
        table = pd.concat([pd.read_parquet(part) for part in parts], ignore_index=True) if parts else pd.DataFrame()
    else:
        table = pd.read_parquet(path)
    for column in LIST_COLUMNS:
        if column in table:
            table[column] = table[column].map(tuple)
    return table


@functools.cache
def package_fingerprint() -> str:
    """SHA-256 of the package's code and data files (names and bytes): what a scored table depends on besides the
    corpus, so a cached table is never reused after the code or a model changed, whatever the version number."""
    digest = hashlib.sha256()
    for path in sorted(
        p
        for p in config.PACKAGE_DIR.rglob("*")
        if p.is_file() and p.suffix in (".py", ".toml", ".csv", ".txt", ".json")
    ):
        digest.update(path.relative_to(config.PACKAGE_DIR).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cached_scores(
    corpus: str | Path | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """The cached scored table of ``corpus`` (None: the seeds), scoring it first when the cache lacks it (calling
    ``progress`` as :func:`score_corpus` does). It is kept in :func:`h20lib.config.cache_dir` under the corpus's
    fingerprint and the package's (:func:`package_fingerprint`), so a changed corpus, code or model is never served
    an old table."""
    path = config.resolve(corpus, default=config.SEEDS_DIR)
    key = corpus_fingerprint(path).removeprefix("sha256:")[:24] + "-" + package_fingerprint()[:24]
    cached = config.cache_dir() / f"scored-{key}.parquet"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        summary = score_corpus(path, cached, jobs=jobs, progress=progress)
        for skip in summary.skipped:
            print(f"h20lib: skipped {skip}", file=sys.stderr)
    return cached


def scored_table(
    corpus: str | Path | None = None, *, scored: str | Path | None = None, jobs: int | None = None
) -> pd.DataFrame:
    """The scored sentence table of ``corpus`` (None: the seeds), scored once and then read from the cache
    (:func:`cached_scores`), so every notebook and ``h20lib figures`` share one scoring of a corpus. ``scored``
    names a table written by ``h20lib score`` (Parquet) to use as it is instead."""
    if scored is not None and str(scored) != "":
        return read_scored(config.resolve(scored, default=config.SEEDS_DIR))
    return read_scored(cached_scores(corpus, jobs=jobs))
