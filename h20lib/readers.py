"""Reading raw files: text in any common encoding, tables in CSV, JSON Lines or Parquet, and manifests."""
from __future__ import annotations

import tomllib
from pathlib import Path

import charset_normalizer
import pandas as pd

from h20lib.errors import InputError

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
TABLE_COLUMNS = ("doc_id", "title", "outlet", "source_group", "published", "url", "language")
# Encodings tried when a file is not UTF-8: the legacy encodings of the languages news corpora come in.
LEGACY_ENCODINGS = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "cp1251", "latin_1")
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}


def decode_text(data: bytes, *, path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a text file's bytes; InputError for empty, binary or undecodable content."""
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data or sum(byte in _CONTROL for byte in data[:4096]) > 8:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError(path, "not UTF-8 and no known encoding fits; re-save the file as UTF-8")
    return str(best), best.encoding


def read_text_file(path: Path) -> tuple[str, str]:
    """(text, encoding) of one text file, newlines normalised to \\n."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None
    text, encoding = decode_text(data, path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_table(path: Path) -> pd.DataFrame:
    """A corpus table with a ``text`` column and the optional metadata columns, all as strings."""
    try:
        if path.suffix == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif path.suffix == ".jsonl":
            table = pd.read_json(path, lines=True, dtype=False)
        elif path.suffix == ".parquet":
            table = pd.read_parquet(path)
        else:
            raise InputError(path, f"unsupported format {path.suffix!r}; use .txt files, .csv, .jsonl or .parquet")
    except InputError:
        raise
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; re-save the table as UTF-8") from None
    except Exception as error:  # the readers raise many types for a malformed file; all mean "unreadable"
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(path, f"cannot read as {path.suffix[1:]} ({reason})") from None
    if table.empty and "text" not in table.columns:
        raise InputError(path, "empty table")
    if "text" not in table.columns:
        raise InputError(path, f"no 'text' column (columns: {', '.join(map(str, table.columns)) or 'none'})")
    for column in TABLE_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table = table.astype({column: "object" for column in ("text",) + TABLE_COLUMNS})
    return table.fillna("").astype({column: str for column in ("text",) + TABLE_COLUMNS})


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
