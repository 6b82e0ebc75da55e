import json

import pandas as pd
import pytest

from h20lib.errors import InputError
from h20lib.parse.readers import decode_text, iter_table, read_manifest, read_text_file, recognised_columns

OPTIONAL_COLUMNS = ("doc_id", "title", "outlet", "source_group", "published", "url", "language")


def _whole_table(path):
    """Every chunk of :func:`iter_table`, read in one small chunk size so several are joined."""
    return pd.concat(list(iter_table(path, chunk_rows=1)), ignore_index=True)


def _assert_one_line_naming(error: InputError, path) -> None:
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Nvidia will resume H20 sales to China.", "utf-8"),
        ("Nvidia\u2019s chief said \u201cyes\u201d to the caf\u00e9 deal.", "utf-8"),
        ("BOM-led UTF-8 text.", "utf-8-sig"),
        ("商务部新闻发言人表示，美方已批准英伟达芯片对华销售。", "gbk"),
        ("中方希望美方停止将经贸问题政治化。", "gbk"),
        ("英伟达恢复对华销售H20芯片", "gbk"),
        ("外交部发言人答记者问", "gbk"),
        pytest.param(
            "美国批准出口",
            "gbk",
        ),
        pytest.param(
            "芯片出口管制",
            "gbk",
        ),
        pytest.param(
            "华为",
            "gbk",
        ),
        ("輝達恢復對中國銷售晶片。", "big5"),
        ("エヌビディアは中国向けの半導体販売を再開する。", "shift_jis"),
        ("엔비디아는 중국에 칩 판매를 재개한다.", "euc_kr"),
        ("Nvidia\u2019s chief said \u201cyes\u201d to the caf\u00e9 deal.", "cp1252"),
        ("Hello 世界, chips resume.", "utf-16"),
        ("Nvidia said on Monday it would resume H20 sales to China (英伟达).", "utf-16-le"),  # no byte-order mark
        ("Nvidia said on Monday it would resume H20 sales to China (英伟达).", "utf-16-be"),
    ],
)
def test_decode_text_returns_the_original_characters(text, encoding):
    decoded, _ = decode_text(text.encode(encoding), path="doc.txt")
    assert decoded == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"abc\x00def", "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 9)) * 3, "binary file, not text"),
        (b"abc\x00def\x00\x01\x02" * 5, "binary file, not text"),  # zero bytes, but not UTF-16 text
        (bytes(range(256)) * 4, "binary file, not text"),
    ],
)
def test_decode_text_rejects_empty_and_binary(data, reason):
    with pytest.raises(InputError) as caught:
        decode_text(data, path="/corpus/doc.txt")
    assert str(caught.value) == f"/corpus/doc.txt: {reason}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Line one\nLine two\n", "Line one\nLine two\n"),
        (b"Line one\r\nLine two\r\n", "Line one\nLine two\n"),
        (b"Line one\rLine two\r", "Line one\nLine two\n"),
        (b"\xef\xbb\xbfLine one\n", "Line one\n"),
    ],
)
def test_read_text_file_normalises_newlines(tmp_path, raw, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    assert read_text_file(path) == (expected, "utf-8")


def test_read_text_file_names_an_unreadable_path(tmp_path):
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        read_text_file(folder)
    _assert_one_line_naming(caught.value, folder)


def _write_table(path, rows: list[dict]) -> None:
    frame = pd.DataFrame(rows)
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    else:
        frame.to_parquet(path, index=False)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [{"text": "Only text."}],
            [{"text": "Only text.", **dict.fromkeys(OPTIONAL_COLUMNS, "")}],
        ),
        (
            [{"text": "Chips resume.", "outlet": "Reuters", "doc_id": "r1"}],
            [{"text": "Chips resume.", **dict.fromkeys(OPTIONAL_COLUMNS, ""), "outlet": "Reuters", "doc_id": "r1"}],
        ),
        (
            [
                {
                    "text": "a",
                    "title": "T",
                    "published": "2025-07-15",
                    "url": "https://x.test/a",
                    "language": "en",
                    "source_group": "us_media",
                    "extra": "kept",
                }
            ],
            [
                {
                    "text": "a",
                    **dict.fromkeys(OPTIONAL_COLUMNS, ""),
                    "title": "T",
                    "published": "2025-07-15",
                    "url": "https://x.test/a",
                    "language": "en",
                    "source_group": "us_media",
                    "extra": "kept",
                }
            ],
        ),
        (
            [{"text": "first", "outlet": "AP"}, {"text": "second", "outlet": None}],
            [
                {"text": "first", **dict.fromkeys(OPTIONAL_COLUMNS, ""), "outlet": "AP"},
                {"text": "second", **dict.fromkeys(OPTIONAL_COLUMNS, "")},
            ],
        ),
    ],
)
def test_read_table_fills_missing_optional_columns(tmp_path, suffix, rows, expected):
    path = tmp_path / f"corpus{suffix}"
    _write_table(path, rows)
    table = _whole_table(path)
    assert table.to_dict("records") == [{column: row[column] for column in table.columns} for row in expected]
    assert set(table.columns) == set(expected[0])


@pytest.mark.parametrize(
    ("name", "content", "reason_start"),
    [
        ("corpus.csv", b"headline,outlet\nChips,AP\n", "no 'text' column (columns: headline, outlet)"),
        ("corpus.jsonl", b'{"story": "Chips"}\n', "no 'text' column (columns: story)"),
        ("corpus.csv", b"", "cannot read as csv"),
        ("corpus.csv", "text\ncaf\u00e9 \u201cquote\u201d\n".encode("cp1252"), "not UTF-8 text"),
        ("corpus.jsonl", b"{not json\n", "cannot read as jsonl"),
        ("corpus.parquet", b"this is not parquet", "cannot read as parquet"),
        ("corpus.parquet", b"PAR1\x00\x00\x00\x00PAR1", "cannot read as parquet"),
        ("corpus.xlsx", b"PK\x03\x04", "unsupported format '.xlsx'"),
    ],
)
def test_read_table_bad_input_is_one_line_naming_the_file(tmp_path, name, content, reason_start):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        _whole_table(path)
    _assert_one_line_naming(caught.value, path)
    assert caught.value.reason.startswith(reason_start)


def test_read_table_without_text_column_in_parquet(tmp_path):
    path = tmp_path / "corpus.parquet"
    pd.DataFrame({"story": ["x"]}).to_parquet(path)
    with pytest.raises(InputError) as caught:
        _whole_table(path)
    assert str(caught.value) == f"{path}: no 'text' column (columns: story)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[[documents]]\ndoc_id = "a"\nfile = "a.txt"\n', [{"doc_id": "a", "file": "a.txt"}]),
        (
            '[[documents]]\ndoc_id = "a"\nfile = "a.txt"\n[[documents]]\ndoc_id = "b"\nfile = "b.txt"\n',
            [{"doc_id": "a", "file": "a.txt"}, {"doc_id": "b", "file": "b.txt"}],
        ),
    ],
)
def test_read_manifest_entries(tmp_path, content, expected):
    path = tmp_path / "manifest.toml"
    path.write_text(content, encoding="utf-8")
    assert read_manifest(path) == expected


@pytest.mark.parametrize(
    ("content", "reason_start"),
    [
        ("", "manifest has no [[documents]] entries"),
        ('title = "no documents"\n', "manifest has no [[documents]] entries"),
        ("documents = []\n", "manifest has no [[documents]] entries"),
        ("[[documents]\ndoc_id = 'a'\n", "cannot read manifest"),
        ('[[documents]]\ndoc_id = "a"\ndoc_id = "b"\n', "cannot read manifest"),
    ],
)
def test_read_manifest_bad_input(tmp_path, content, reason_start):
    path = tmp_path / "manifest.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(path)
    _assert_one_line_naming(caught.value, path)
    assert caught.value.reason.startswith(reason_start)


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        # a Media Cloud story list
        (
            ["id", "publish_date", "title", "url", "language", "media_name", "media_url", "text"],
            {"id": "doc_id", "publish_date": "published", "media_name": "outlet"},
        ),
        # a GDELT DOC article list, and a GDELT GKG record
        (["url", "title", "seendate", "domain", "language", "text"], {"seendate": "published", "domain": "outlet"}),
        (
            ["GKGRECORDID", "DATE", "SourceCommonName", "DocumentIdentifier", "text"],
            {"GKGRECORDID": "doc_id", "DATE": "published", "SourceCommonName": "outlet", "DocumentIdentifier": "url"},
        ),
        # h20lib's own names win; the first alias present is taken; text under another name
        (["doc_id", "id", "outlet", "source", "body"], {"body": "text"}),
        (["source", "publisher", "text"], {"source": "outlet"}),
        (["text", "country"], {}),
    ],
)
def test_recognised_columns(columns, expected):
    assert recognised_columns(columns) == expected
