"""A tidy corpus: one row per document and one row per sentence, from seeds, folders or tables.

``parse_document`` is a pure function of (text, metadata), so it can be mapped over partitions of a
large corpus; ``load_corpus`` reads files, applies it and collects what it had to skip.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from dateutil import parser as dateparser

from h20lib import config
from h20lib.errors import InputError, Skipped, one_line
from h20lib.parse.readers import (
    TABLE_COLUMNS,
    TABLE_SUFFIXES,
    iter_table,
    normalise_newlines,
    read_manifest,
    read_text_file,
)
from h20lib.parse.structure import is_date_line, parse_structure
from h20lib.rows import DocumentRow, ScoredRow, SentenceRow, columns

COMMENT_GROUP = "reader_comments"  # reader comments never count as any outlet's voice
UNKNOWN = "unknown"
MANIFEST_NAME = "manifest.toml"
SENTENCE_COLUMNS = columns(SentenceRow)
DOCUMENT_COLUMNS = columns(DocumentRow)
# Names a user's own column cannot keep: h20lib's document, sentence and scored columns, and the analysis's group.
RESERVED_COLUMNS = frozenset({*DOCUMENT_COLUMNS, *SENTENCE_COLUMNS, *columns(ScoredRow), "group", "voice"})
_AGENCY = re.compile(r"\(([A-Z][A-Za-z.&\s]{1,30})\)\s*(?:--|—|–|-)")
_DATE_PREFIX = re.compile(r"^\s*(?:published|updated|posted)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A stretch of a document, from the first line starting with ``starts_with``, in another voice."""

    starts_with: str
    outlet: str
    source_group: str


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str = ""
    outlet: str = ""
    source_group: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    source_file: str = ""
    encoding: str = "utf-8"
    segments: tuple[Segment, ...] = ()
    extra: tuple[tuple[str, object], ...] = ()  # the user's other columns of a table row, kept for grouping


@dataclass
class Corpus:
    documents: pd.DataFrame
    sentences: pd.DataFrame
    source: str
    skipped: list[Skipped] = field(default_factory=list)  # documents left out, with the stage and reason
    fingerprint: str = ""  # corpus_fingerprint of the source, taken when it was loaded
    notes: list[str] = field(default_factory=list)  # how the input was read: columns recognised or missing


def _iso_date(text: str) -> str:
    """ISO date of a full date written in any common style; "" when unreadable or lacking day, month or year."""
    cleaned = _DATE_PREFIX.sub("", text)
    try:
        with warnings.catch_warnings():
            # only the date is kept, so a time zone dateutil does not know ("10:00 EST") is no concern of the user's
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            # parsing against two different default dates reveals any part the text leaves out
            first = dateparser.parse(cleaned, default=datetime(2000, 1, 1))
            second = dateparser.parse(cleaned, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return ""
    return first.date().isoformat() if first.date() == second.date() else ""


def _segment_starts(text: str, meta: DocumentMeta) -> list[tuple[int, Segment]]:
    starts = []
    for segment in meta.segments:
        found = re.search(r"(?m)^[ \t]*" + re.escape(segment.starts_with), text)
        if not found:
            raise InputError(
                meta.source_file or meta.doc_id, f"segment start {segment.starts_with[:40]!r} not found in the text"
            )
        starts.append((found.end() - len(segment.starts_with), segment))
    return sorted(starts, key=lambda item: item[0])


def parse_document(text: str, meta: DocumentMeta) -> tuple[DocumentRow, list[SentenceRow]]:
    """One document row and its sentence rows. Metadata missing from ``meta`` is read from the text."""
    parts = parse_structure(text)
    segment_starts = _segment_starts(text, meta)
    rows: list[SentenceRow] = []
    for number, part in enumerate(parts, start=1):
        outlet, group = meta.outlet or UNKNOWN, meta.source_group or UNKNOWN
        for start, segment in segment_starts:
            if part.start >= start:
                outlet, group = segment.outlet, segment.source_group
        if part.kind == "comment":
            outlet, group = "reader comments", COMMENT_GROUP
        rows.append(
            {
                "doc_id": meta.doc_id,
                "sentence_id": f"{meta.doc_id}-{number:04d}",
                "text": text[part.start : part.end],
                "kind": part.kind,
                "lang": part.lang,
                "source_group": group,
                "outlet": outlet,
                "published": "",
                "char_start": part.start,
                "char_end": part.end,
                "paragraph": part.paragraph,
                "turn": part.turn,
            }
        )
    meta = _complete_meta(text, meta, rows)
    for row in rows:
        row["published"] = meta.published
    document: DocumentRow = {
        "doc_id": meta.doc_id,
        "title": meta.title,
        "outlet": meta.outlet or UNKNOWN,
        "source_group": meta.source_group or UNKNOWN,
        "published": meta.published,
        "url": meta.url,
        "language": meta.language,
        "source_file": meta.source_file,
        "encoding": meta.encoding,
        "n_chars": len(text),
        "n_sentences": len(rows),
        "text": text,
    }
    return document, rows


def _complete_meta(text: str, meta: DocumentMeta, rows: list[SentenceRow]) -> DocumentMeta:
    title = meta.title or next((row["text"] for row in rows if row["kind"] == "headline"), "")
    published = meta.published
    if not published:
        date_rows = (row["text"] for row in rows if row["kind"] == "metadata" and is_date_line(row["text"]))
        published = next(filter(None, map(_iso_date, date_rows)), "")
    outlet = meta.outlet
    if not outlet:
        agency = _AGENCY.search(text[:300])
        outlet = agency.group(1).strip() if agency else ""
    language = meta.language
    if not language:
        body_langs = Counter(row["lang"] for row in rows if row["kind"] in ("headline", "body"))
        language = body_langs.most_common(1)[0][0] if body_langs else ""
    return replace(meta, title=title, published=published, outlet=outlet, language=language)


# The keys of a manifest entry and the TOML types each may take (a date may be a TOML date or a string).
MANIFEST_KEYS: dict[str, tuple[type, ...]] = {
    "doc_id": (str, int),
    "file": (str,),
    "title": (str,),
    "outlet": (str,),
    "source_group": (str,),
    "published": (str, date),
    "url": (str,),
    "language": (str,),
    "segments": (list,),
    # the researcher's notes, kept in the manifest and not read by h20lib
    "published_basis": (str,),
    "rationale": (str,),
    "copy_note": (str,),
    "topic": (str,),
    "split": (str,),
    "notes": (str, list, dict),
}
SEGMENT_KEYS = ("starts_with", "outlet", "source_group")


def _check_entry(entry: object, *, number: int) -> dict:
    """The manifest entry ``number`` (from 1) if its keys and types are h20lib's; ValueError with the reason."""
    if not isinstance(entry, dict):
        raise ValueError(f"entry {number} is not a table of keys")
    name = repr(entry.get("doc_id", number))
    for key, value in entry.items():
        if key not in MANIFEST_KEYS:
            close = difflib.get_close_matches(key, MANIFEST_KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(MANIFEST_KEYS)}"
            raise ValueError(f"entry {name} has the unknown key {key!r}; {hint} (notes of your own go under notes)")
        if not isinstance(value, MANIFEST_KEYS[key]) or isinstance(value, bool):
            kinds = " or ".join(kind.__name__ for kind in MANIFEST_KEYS[key])
            raise ValueError(f"entry {name}: {key} must be a {kinds}, not {type(value).__name__}")
    for segment in entry.get("segments", []):
        if not isinstance(segment, dict) or any(key not in SEGMENT_KEYS for key in segment):
            raise ValueError(f"entry {name}: each of segments must be a table of {', '.join(SEGMENT_KEYS)}")
    return entry


def _meta_from_entry(entry: dict, *, manifest: Path) -> DocumentMeta:
    try:
        segments = tuple(
            Segment(s["starts_with"], s.get("outlet", ""), s["source_group"]) for s in entry.get("segments", [])
        )
        return DocumentMeta(
            doc_id=str(entry["doc_id"]),
            title=entry.get("title", ""),
            outlet=entry.get("outlet", ""),
            source_group=entry.get("source_group", ""),
            published=_iso_date(str(entry["published"])) if entry.get("published") else "",
            url=entry.get("url", ""),
            language=entry.get("language", ""),
            source_file=entry["file"],
            segments=segments,
        )
    except KeyError as missing:
        raise InputError(manifest, f"entry {entry.get('doc_id', '?')!r} lacks the field {missing.args[0]!r}") from None


def _inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` when that path lies inside ``folder`` (links resolved), else None."""
    path = folder / name
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    return path


_OTHER_FILE = "not a .txt file; a folder corpus is read from its .txt files"
_SAVED_PAGE = "a saved web page; save the article's text as a .txt file (h20lib does not extract text from HTML)"
_NOT_TEXT_REASON = {".html": _SAVED_PAGE, ".htm": _SAVED_PAGE}


def _folder_items(folder: Path, skipped: list[Skipped]) -> list[tuple[Path, DocumentMeta]]:
    """(file, metadata) for each document of a folder: the manifest's entries, or every .txt file."""
    manifest = folder / MANIFEST_NAME
    if not manifest.exists():
        files = []
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue  # hidden files (.DS_Store, editor backups) are not documents
            if path.suffix.lower() == ".txt":
                files.append(path)
            elif not path.is_dir():
                skipped.append(Skipped(str(path), "read", _NOT_TEXT_REASON.get(path.suffix.lower(), _OTHER_FILE)))
        if not files:
            raise InputError(folder, "no .txt files and no manifest.toml")
        return [(path, DocumentMeta(doc_id=path.stem, source_file=path.name)) for path in files]
    items, seen = [], set()
    for number, raw in enumerate(read_manifest(manifest), start=1):
        try:
            entry = _check_entry(raw, number=number)
            meta = _meta_from_entry(entry, manifest=manifest)
        except ValueError as error:
            skipped.append(Skipped(str(manifest), "read", str(error)))
            continue
        except InputError as error:
            skipped.append(Skipped(error.path, "read", error.reason, str(entry.get("doc_id", ""))))
            continue
        inside = _inside(folder, meta.source_file)
        if inside is None:
            reason = f"names {meta.source_file}, which is outside the corpus folder"
            skipped.append(Skipped(str(manifest), "read", reason, meta.doc_id))
            continue
        path = inside
        if meta.doc_id in seen:
            reason = f"doc_id {meta.doc_id!r} repeated (entry for {meta.source_file} skipped)"
            skipped.append(Skipped(str(manifest), "read", reason))
            continue
        if not path.is_file():
            skipped.append(
                Skipped(str(manifest), "read", f"names {meta.source_file}, which does not exist", meta.doc_id)
            )
            continue
        seen.add(meta.doc_id)
        items.append((path, meta))
    return items


def _table_chunks(
    path: Path, skipped: list[Skipped], notes: list[str], *, chunk_rows: int
) -> Iterator[list[tuple[Path | str, DocumentMeta]]]:
    """(text, metadata) of each usable row of a table, a chunk of rows at a time. Without a ``doc_id`` column a
    row's id is its row number ("007"); in a table with one, a row whose ``doc_id`` is empty gets "row-007", so it
    never takes the id of another row ("007") further down."""
    seen: set[str] = set()
    number = 0
    for table in iter_table(path, chunk_rows=chunk_rows):
        if number == 0:
            for found, own in table.attrs["renamed"].items():
                notes.append(f"{path}: read column {found!r} as {own}")
            unknown = [column for column in table.attrs["missing"] if column in ("outlet", "source_group", "published")]
            if unknown:
                notes.append(f"{path}: no column for {', '.join(unknown)}; left empty")
        for line, reason in table.attrs["bad_lines"]:
            skipped.append(Skipped(f"{path} line {line}", "read", reason))
        not_text = set(table.attrs["not_text"])
        automatic = "{:03d}" if "doc_id" in table.attrs["missing"] else "row-{:03d}"
        extra_columns = [column for column in table.columns if column not in ("text", *TABLE_COLUMNS)]
        items: list[tuple[Path | str, DocumentMeta]] = []
        rows = zip(table.itertuples(index=False), table[extra_columns].itertuples(index=False, name=None))
        for position, (row, extra) in enumerate(rows):
            number += 1
            doc_id = row.doc_id.strip() or automatic.format(number)
            where = f"{path} row {number}"
            if position in not_text:
                skipped.append(Skipped(where, "read", "text is a list or an object, not text"))
                continue
            if not row.text.strip():
                skipped.append(Skipped(where, "read", "empty text"))
                continue
            if doc_id in seen:
                skipped.append(Skipped(where, "read", f"doc_id {doc_id!r} repeated"))
                continue
            seen.add(doc_id)
            meta = DocumentMeta(
                doc_id=doc_id,
                title=row.title,
                outlet=row.outlet,
                source_group=row.source_group,
                published=_iso_date(row.published) if row.published else "",
                url=row.url,
                language=row.language,
                source_file=f"{path.name}#{number}",
                extra=tuple(zip(map(str, extra_columns), extra)),
            )
            items.append((normalise_newlines(row.text), meta))
        yield items


def corpus_chunks(
    path: Path, skipped: list[Skipped], notes: list[str], *, chunk_documents: int = 1000
) -> Iterator[list[tuple[Path | str, DocumentMeta]]]:
    """The documents of a corpus folder or table as (file or text, metadata), at most ``chunk_documents`` at a time;
    a table is read chunk by chunk, so its size does not set the memory needed. What cannot be used is noted in
    ``skipped``, how the input was read in ``notes``."""
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir():
        files: list[tuple[Path | str, DocumentMeta]] = list(_folder_items(path, skipped))
        for start in range(0, len(files), chunk_documents):
            yield files[start : start + chunk_documents]
    elif path.suffix in TABLE_SUFFIXES:
        yield from _table_chunks(path, skipped, notes, chunk_rows=chunk_documents)
    else:
        raise InputError(
            path, f"unsupported input {path.suffix or 'file'!r}; use a folder of .txt files, .csv, .jsonl or .parquet"
        )


def item_location(path: Path, meta: DocumentMeta) -> str:
    """Where a document of the corpus at ``path`` comes from, as messages name it."""
    return str(path / meta.source_file) if path.is_dir() else f"{path} row {meta.source_file.rpartition('#')[2]}"


def extra_column_name(column: str) -> str:
    """The name a user's own table column keeps in h20lib's tables: its own, or "input_<name>" when h20lib uses
    that name for something else."""
    return f"input_{column}" if column in RESERVED_COLUMNS else column


def _with_extra_columns(documents: pd.DataFrame, metas: dict[str, DocumentMeta]) -> pd.DataFrame:
    """``documents`` with the user's other table columns appended, in their order."""
    columns = list(dict.fromkeys(name for meta in metas.values() for name, _ in meta.extra))
    if not columns:
        return documents
    values = {column: [dict(metas[doc_id].extra).get(column) for doc_id in documents["doc_id"]] for column in columns}
    return documents.assign(**{extra_column_name(column): value for column, value in values.items()})


def corpus_fingerprint(corpus: str | Path | None) -> str:
    """The corpus's fingerprint: SHA-256 of its file, or of the relative names and bytes of its folder's files in
    sorted order (``None`` stands for the seeds). It follows the stored bytes, not where they lie, and needs no
    parsing, so a large corpus can be checked against an earlier scoring cheaply."""
    root = config.resolve(corpus, default=config.SEEDS_DIR)
    digest = hashlib.sha256()
    if root.is_file():
        digest.update(root.read_bytes())
    elif root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    else:
        raise InputError(root, "no such file or folder")
    return "sha256:" + digest.hexdigest()


def document_metadata(source: str | Path | None = None) -> pd.DataFrame:
    """``doc_id, title, outlet, source_group, published, url`` of each document of a corpus (None: the seeds) as
    its manifest or table gives them, read without parsing the texts; a document that cannot be read is left out."""
    path = config.resolve(source, default=config.SEEDS_DIR)
    skipped: list[Skipped] = []
    metas = [meta for chunk in corpus_chunks(path, skipped, []) for _, meta in chunk]
    columns = ["doc_id", "title", "outlet", "source_group", "published", "url"]
    return pd.DataFrame([[getattr(meta, name) for name in columns] for meta in metas], columns=columns)


def read_and_parse(
    item: Path | str, meta: DocumentMeta, skipped: list[Skipped], *, where: str
) -> tuple[DocumentRow, list[SentenceRow]] | None:
    """The parsed document of a file (``item`` a Path) or of a table row's text, or None after noting why not.

    Any failure of the parser is caught here on purpose: one malformed document must not stop a corpus."""
    if isinstance(item, Path):
        try:
            text, encoding = read_text_file(item)
        except InputError as error:
            skipped.append(Skipped(error.path, "read", error.reason, meta.doc_id))
            return None
        meta = replace(meta, encoding=encoding)
    else:
        text = item
    limit = config.max_document_chars()
    if len(text) > limit:
        reason = (
            f"{len(text):,} characters, over the limit of {limit:,} for one document "
            f"(set {config.MAX_DOCUMENT_VARIABLE} to a larger number of millions to score it)"
        )
        skipped.append(Skipped(where, "read", reason, meta.doc_id))
        return None
    try:
        return parse_document(text, meta)
    except InputError as error:
        skipped.append(Skipped(error.path, "parse", error.reason, meta.doc_id))
    except Exception as error:  # any failure of the parser: see the docstring
        skipped.append(Skipped(where, "parse", one_line(error), meta.doc_id))
    return None


def load_corpus(source: str | Path | None = None) -> Corpus:
    """The corpus at ``source``: None for the seeds, a folder of .txt files, or a .csv/.jsonl/.parquet table.

    Unreadable files are skipped and listed in ``Corpus.skipped``; InputError when nothing usable is left.
    """
    path = config.resolve(source, default=config.SEEDS_DIR)
    skipped: list[Skipped] = []
    notes: list[str] = []
    documents, sentences = [], []
    metas = {}
    for chunk in corpus_chunks(path, skipped, notes):
        for item, meta in chunk:
            metas[meta.doc_id] = meta
            parsed = read_and_parse(item, meta, skipped, where=item_location(path, meta))
            if parsed:
                documents.append(parsed[0])
                sentences.extend(parsed[1])
    if not documents:
        reasons = "; ".join(map(str, skipped)) if skipped else "no documents"
        raise InputError(path, f"no readable documents ({reasons})")
    for note in notes:
        print(f"h20lib: {note}", file=sys.stderr)
    return Corpus(
        documents=_with_extra_columns(pd.DataFrame(documents, columns=list(DOCUMENT_COLUMNS)), metas),
        sentences=pd.DataFrame(sentences, columns=list(SENTENCE_COLUMNS)),
        source=str(path),
        skipped=skipped,
        fingerprint=corpus_fingerprint(path),
        notes=notes,
    )
