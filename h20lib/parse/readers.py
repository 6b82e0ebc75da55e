"""Reading raw files: text in any common encoding, tables in CSV, JSON Lines or Parquet, and manifests."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer
import pandas as pd
import pyarrow.parquet as pq

from h20lib.errors import InputError
from h20lib.resources import csv_without_comments, lexicon

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
TABLE_COLUMNS = ("doc_id", "title", "outlet", "source_group", "published", "url", "language")
# Encodings tried when a file is not UTF-8: the legacy encodings of the languages news corpora come in.
LEGACY_ENCODINGS = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "cp1251", "latin_1")
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}
# Below this many non-ASCII bytes, encoding detectors guess poorly between the East Asian encodings; a short
# text guessed as Big5, or as EUC-KR mixing scripts, that decodes cleanly as GB18030 into Chinese characters is
# taken as GB18030, the commonest legacy encoding of Chinese news (a short Big5 text is then misread).
SHORT_TEXT_NON_ASCII_BYTES = 64
_HAN_OR_PUNCTUATION = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_PRINTABLE = frozenset(range(32, 127)) | {9, 10, 13}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def decode_text(data: bytes, *, path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a text file's bytes; InputError for empty, binary or undecodable content."""
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    without_bom = _utf16_without_bom(data)
    if without_bom is not None:
        return without_bom
    if b"\x00" in data or sum(byte in _CONTROL for byte in data[:4096]) > 8:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if sum(byte > 127 for byte in data) < SHORT_TEXT_NON_ASCII_BYTES and (
        best is None or _looks_misread(str(best), best.encoding)
    ):
        chinese = _as_gb18030(data)
        if chinese:
            return chinese, "gb18030"
    if best is None:
        raise InputError(path, "not UTF-8 and no known encoding fits; re-save the file as UTF-8")
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-16 without a byte-order mark, told by its zero bytes: text in UTF-16 that is at
    least half Latin has a zero beside each Latin letter (after it little-endian, before it big-endian), and the
    letters are printable."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 32:
        return None
    pairs = list(zip(sample[0::2], sample[1::2]))
    for encoding, latin in (
        ("utf-16-le", [a for a, b in pairs if b == 0]),
        ("utf-16-be", [b for a, b in pairs if a == 0]),
    ):
        printable = sum(1 for byte in latin if byte in _PRINTABLE)
        if len(latin) * 2 < len(pairs) or printable < 0.95 * len(latin):
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            return None
    return None


def _looks_misread(text: str, encoding: str) -> bool:
    """Short GB-encoded Chinese is often guessed as Big5, or as EUC-KR, which then mixes Hangul with Hanzi."""
    if encoding == "big5":
        return True
    return encoding == "euc_kr" and bool(_HANGUL.search(text)) and bool(_HAN.search(text))


def _as_gb18030(data: bytes) -> str:
    """``data`` decoded as GB18030 when that gives Chinese characters and punctuation only, else ""."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    non_ascii = [char for char in text if ord(char) > 127]
    return text if non_ascii and all(_HAN_OR_PUNCTUATION.match(char) for char in non_ascii) else ""


def read_text_file(path: Path) -> tuple[str, str]:
    """(text, encoding) of one text file, newlines normalised to \\n."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None
    text, encoding = decode_text(data, path=path)
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def recognised_columns(columns: list[str]) -> dict[str, str]:
    """The columns of a table to read as h20lib's own (name in the table -> h20lib's name): for each of h20lib's
    columns the table lacks, the first of its export names (column_names.toml: Media Cloud, GDELT) that it has."""
    present = set(columns)
    renamed: dict[str, str] = {}
    for own, aliases in lexicon("column_names.toml")["aliases"].items():
        if own in present:
            continue
        found = next((alias for alias in aliases if alias in present and alias not in renamed), None)
        if found is not None:
            renamed[found] = own
    return renamed


def _jsonl_chunks(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """JSON Lines with every value kept as text, so ids like 7 stay "7" rather than becoming 7.0. A line that is not
    a JSON object is left out and listed in the chunk's ``attrs["bad_lines"]`` as (line number, reason); a file
    without one good line is an InputError."""
    rows: list[dict[str, str]] = []
    bad: list[tuple[int, str]] = []
    read_any = False
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                bad.append((number, f"not JSON: {error.msg}"))
                continue
            if not isinstance(record, dict):
                bad.append((number, "not a JSON object"))
                continue
            rows.append({key: "" if value is None else _jsonl_value(value) for key, value in record.items()})
            if len(rows) == chunk_rows:
                yield _with_bad_lines(pd.DataFrame(rows), bad)
                rows, bad, read_any = [], [], True
    if not read_any and not rows and bad:
        number, reason = bad[0]
        raise InputError(path, f"cannot read as jsonl (line {number} is {reason}; no line is a JSON object)")
    if rows or bad:
        yield _with_bad_lines(pd.DataFrame(rows), bad)


def _jsonl_value(value: object) -> str:
    """A JSON value as text; a list or object in a text column is caught later (:func:`_normalised`)."""
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, list | dict) else str(value)


def _with_bad_lines(table: pd.DataFrame, bad: list[tuple[int, str]]) -> pd.DataFrame:
    table.attrs["bad_lines"] = list(bad)
    return table


def _raw_chunks(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    if path.suffix == ".csv":
        yield from pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=chunk_rows)
    elif path.suffix == ".jsonl":
        yield from _jsonl_chunks(path, chunk_rows)
    elif path.suffix == ".parquet":
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
            yield batch.to_pandas()
    else:
        raise InputError(path, f"unsupported format {path.suffix!r}; use .txt files, .csv, .jsonl or .parquet")


def iter_table(path: Path, *, chunk_rows: int = 1000) -> Iterator[pd.DataFrame]:
    """A corpus table in chunks of ``chunk_rows`` rows, each with a ``text`` column and the optional metadata
    columns, all as strings, so a table of any size is read in flat memory.

    Columns of common news exports are read as h20lib's (:func:`recognised_columns`); each chunk's
    ``attrs["renamed"]`` says which, and ``attrs["missing"]`` lists h20lib's metadata columns the table had under no
    name. InputError (one line naming the file) for a table that cannot be read or has no ``text`` column."""
    chunks = _raw_chunks(path, chunk_rows)
    first = True
    while True:
        try:
            table = next(chunks, None)
        except InputError:
            raise
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text; re-save the table as UTF-8") from None
        except Exception as error:  # the readers raise many types for a malformed file; all mean "unreadable"
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise InputError(path, f"cannot read as {path.suffix[1:]} ({reason})") from None
        if table is None:
            if first:
                raise InputError(path, "empty table")
            return
        yield _normalised(table, path)
        first = False


def _normalised(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    bad_lines = table.attrs.get("bad_lines", [])
    written = ", ".join(map(str, table.columns))
    renamed = recognised_columns([str(column) for column in table.columns])
    table = table.rename(columns=renamed)
    if table.empty and "text" not in table.columns and not bad_lines:
        raise InputError(path, "empty table")
    if table.empty and "text" not in table.columns:
        table = pd.DataFrame(columns=["text"])
    if "text" not in table.columns:
        raise InputError(path, f"no 'text' column (columns: {written or 'none'})")
    missing = [column for column in TABLE_COLUMNS if column not in table.columns]
    for column in missing:
        table[column] = ""
    # Parquet and JSON can hold a list or an object where the text should be: such a row is not text
    not_text = [position for position, value in enumerate(table["text"]) if not _is_text_value(value)]
    table = table.astype({column: "object" for column in ("text", *TABLE_COLUMNS)})
    table = table.fillna("").astype({column: str for column in ("text", *TABLE_COLUMNS)})
    table.attrs.update(renamed=renamed, missing=missing, bad_lines=bad_lines, not_text=not_text)
    return table


def _is_text_value(value: object) -> bool:
    """A string or a missing value; JSON Lines keeps a list or object as its JSON, which starts with [ or {."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    if isinstance(value, str):
        return not (value[:1] in "[{" and value[-1:] in "]}" and _is_json_container(value))
    return False


def _is_json_container(text: str) -> bool:
    try:
        return isinstance(json.loads(text), list | dict)
    except json.JSONDecodeError:
        return False


def read_manifest(path: Path) -> list[dict]:
    """The ``[[documents]]`` entries of a TOML manifest."""
    try:
        manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot read manifest ({str(error).splitlines()[0]})") from None
    documents = manifest.get("documents")
    if not isinstance(documents, list) or not documents:
        raise InputError(path, "manifest has no [[documents]] entries")
    return documents


def read_labels(path: Path) -> pd.DataFrame:
    """A hand-label CSV (``config.LABELS_DIR``) without its leading '#' comment lines, every value a string.

    The labels live in the project checkout, not in the installed package: InputError when they are absent."""
    try:
        data = csv_without_comments(path)
    except FileNotFoundError:
        raise InputError(path, "hand labels not found; validating and training need the project checkout") from None
    return pd.read_csv(data, dtype=str, keep_default_na=False)
