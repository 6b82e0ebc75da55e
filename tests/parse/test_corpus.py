import json
import warnings

import pandas as pd
import pytest

import h20lib
from h20lib import InputError, load_corpus, parse_document
from h20lib.parse.corpus import DocumentMeta, Segment, corpus_fingerprint

SENTENCE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "text",
    "kind",
    "lang",
    "source_group",
    "outlet",
    "published",
    "char_start",
    "char_end",
    "paragraph",
    "turn",
]
DOCUMENT_COLUMNS = [
    "doc_id",
    "title",
    "outlet",
    "source_group",
    "published",
    "url",
    "language",
    "source_file",
    "encoding",
    "n_chars",
    "n_sentences",
    "text",
]
KINDS = {"headline", "body", "comment", "boilerplate", "caption", "metadata"}
MOFCOM = "Ministry of Commerce of the People's Republic of China (MOFCOM)"

WIRE_STORY = (
    "China urges end to chip curbs\n"
    "By Mei Lin\n"
    "July 18, 2025\n"
    "BEIJING, July 18 (Reuters) - China on Friday urged Washington to lift limits on chip sales.\n"
    "The ministry said the limits hurt trade between the two countries.\n"
)
AP_STORY = (
    "Lawmakers question chip export reversal\n"
    "2025-07-16\n"
    "WASHINGTON (AP) — Members of Congress on Wednesday questioned the decision to allow chip sales.\n"
    "They asked the Commerce Department for a briefing.\n"
)
WEB_PAGE = (
    "Chipmakers brace for another round of export rules\n"
    "Published: 22 July 2025\n"
    "\n"
    "Chipmakers are preparing for new rules. Analysts expect more changes this year.\n"
)
NO_HEADLINE = "Nvidia said on Tuesday it would resume sales. Shares rose in midday trading.\n"
CHINESE = "商务部新闻发言人表示，美方已批准英伟达芯片对华销售。中方希望美方停止将经贸问题政治化。\n"
SEGMENTED = (
    "Beijing responds to chip decision\n"
    "The report below relays the ministry's statement in full. It was posted on Friday.\n"
    "Ministry spokesperson answers questions\n"
    "Question:\n"
    "How does the ministry view this?\n"
    "Answer:\n"
    "The United States should roll back its unwarranted restrictions.\n"
)


def check_sentence_table(corpus) -> None:
    """The sentence-table contract every loaded corpus must meet."""
    sentences, documents = corpus.sentences, corpus.documents
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert sentences["sentence_id"].is_unique
    assert documents["doc_id"].is_unique
    assert set(sentences["kind"]) <= KINDS
    assert set(sentences["doc_id"]) == set(documents["doc_id"])
    texts = documents.set_index("doc_id")["text"]
    for row in sentences.itertuples(index=False):
        assert row.text == texts[row.doc_id][row.char_start : row.char_end]
        assert row.sentence_id.startswith(f"{row.doc_id}-")
    counts = sentences.groupby("doc_id").size()
    assert documents.set_index("doc_id")["n_sentences"].to_dict() == counts.to_dict()
    assert (documents["n_chars"] == documents["text"].str.len()).all()


def _assert_one_line(message: object, *names: str) -> None:
    message = str(message)
    assert "\n" not in message
    for name in names:
        assert name in message


def test_seeds_meet_the_sentence_contract(seed_corpus):
    check_sentence_table(seed_corpus)
    assert seed_corpus.skipped == []
    assert sorted(seed_corpus.documents["doc_id"]) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize(
    ("doc_id", "source_group", "outlet", "published", "title"),
    [
        (
            "000",
            "china_newsletter",
            "[English-language China-focused newsletter, not named in the text]",
            "2025-07-18",
            "U.S. greenlighted H20 chips export on its own initiative, China says",
        ),
        ("001", "us_media", "[US news report, outlet not named in the text]", "2025-07-15", ""),
        (
            "002",
            "trade_press",
            "[technology-business news site, not named in the text]",
            "2025-07-16",
            "Nvidia resumes H20 AI chip sales to China following license approval",
        ),
        (
            "003",
            "trade_press",
            "TechCrunch",
            "2025-07-17",
            "NVIDIA Resumes H20 Chip Sales Amid Rare Earth Element Trade Negotiations",
        ),
        ("004", "chinese_state", "Observer Net (Guancha)", "2025-07-16", ""),
    ],
)
def test_seed_documents_take_the_manifest_metadata(seed_corpus, doc_id, source_group, outlet, published, title):
    document = seed_corpus.documents.set_index("doc_id").loc[doc_id]
    assert (document["source_group"], document["outlet"], document["published"], document["title"]) == (
        source_group,
        outlet,
        published,
        title,
    )
    assert document["language"] == "en"
    sentences = seed_corpus.sentences[seed_corpus.sentences["doc_id"] == doc_id]
    assert (sentences["published"] == published).all()
    own_voice = sentences[sentences["kind"] != "comment"]
    assert own_voice["source_group"].iloc[0] == source_group


@pytest.mark.parametrize(
    ("doc_id", "groups"),
    [
        ("000", {"china_newsletter", "chinese_state", "reader_comments"}),
        ("001", {"us_media"}),
        ("002", {"trade_press"}),
        ("003", {"trade_press"}),
        ("004", {"chinese_state"}),
    ],
)
def test_seed_groups_per_document(seed_corpus, doc_id, groups):
    assert set(seed_corpus.sentences.loc[seed_corpus.sentences["doc_id"] == doc_id, "source_group"]) == groups


def test_seed_mofcom_segment_runs_from_its_chinese_title_to_the_comments(seed_corpus):
    doc = seed_corpus.sentences[seed_corpus.sentences["doc_id"] == "000"].reset_index(drop=True)
    first = doc.index[doc["text"].str.startswith("商务部新闻发言人")][0]
    assert (doc.loc[: first - 1, "source_group"] == "china_newsletter").all()
    after = doc.loc[first:]
    transcript = after[after["kind"] != "comment"]
    assert len(transcript) > 10
    assert (transcript["source_group"] == "chinese_state").all()
    assert (transcript["outlet"] == MOFCOM).all()
    assert doc.loc[first, "lang"] == "zh"


def test_seed_comments_are_reader_comments(seed_corpus):
    sentences = seed_corpus.sentences
    comments = sentences[sentences["kind"] == "comment"]
    assert len(comments) > 0
    assert set(comments["source_group"]) == {"reader_comments"}
    assert set(comments["outlet"]) == {"reader comments"}
    assert set(sentences.loc[sentences["source_group"] == "reader_comments", "kind"]) == {"comment"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            WIRE_STORY,
            {
                "title": "China urges end to chip curbs",
                "published": "2025-07-18",
                "outlet": "Reuters",
                "language": "en",
            },
        ),
        (
            AP_STORY,
            {
                "title": "Lawmakers question chip export reversal",
                "published": "2025-07-16",
                "outlet": "AP",
                "language": "en",
            },
        ),
        (
            WEB_PAGE,
            {
                "title": "Chipmakers brace for another round of export rules",
                "published": "2025-07-22",
                "outlet": "unknown",
                "language": "en",
            },
        ),
        (NO_HEADLINE, {"title": "", "published": "", "outlet": "unknown", "language": "en"}),
        (CHINESE, {"title": "", "published": "", "outlet": "unknown", "language": "zh"}),
    ],
)
def test_folder_without_manifest_reads_metadata_from_the_text(tmp_path, text, expected):
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    check_sentence_table(corpus)
    document = corpus.documents.iloc[0]
    assert {key: document[key] for key in expected} == expected
    assert (document["doc_id"], document["source_group"], document["source_file"], document["url"]) == (
        "story",
        "unknown",
        "story.txt",
        "",
    )
    assert corpus.source == str(tmp_path)


def test_unseen_metadata_comes_from_the_text(unseen_layouts_corpus):
    documents = unseen_layouts_corpus.documents.set_index("doc_id")
    assert documents.loc["wire_story", "outlet"] == "Reuters"
    assert documents.loc["wire_story", "published"] == "2025-07-18"
    assert documents.loc["web_page", "title"] == "Chipmakers brace for another round of export rules"


def test_folder_without_manifest_takes_every_txt_file_in_name_order(tmp_path):
    files = [("b.txt", WIRE_STORY), ("a.TXT", AP_STORY), ("notes.md", WEB_PAGE), ("page.html", WEB_PAGE)]
    for name, text in [*files, (".hidden.txt", WEB_PAGE), (".DS_Store", "x")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    corpus = load_corpus(tmp_path)
    assert list(corpus.documents["doc_id"]) == ["a", "b"]  # any case of .txt; hidden files are not documents
    assert [str(skip).split(": ")[0] for skip in corpus.skipped] == [
        str(tmp_path / "notes.md"),
        str(tmp_path / "page.html"),
    ]
    _assert_one_line(corpus.skipped[0], "not a .txt file")
    _assert_one_line(corpus.skipped[1], "a saved web page")


def test_folder_decodes_a_gbk_file(tmp_path):
    (tmp_path / "zh.txt").write_bytes(CHINESE.encode("gbk"))
    corpus = load_corpus(tmp_path)
    check_sentence_table(corpus)
    assert corpus.documents.iloc[0]["text"] == CHINESE
    assert corpus.documents.iloc[0]["encoding"] == "gb18030"
    assert list(corpus.sentences["text"]) == [
        "商务部新闻发言人表示，美方已批准英伟达芯片对华销售。",
        "中方希望美方停止将经贸问题政治化。",
    ]
    assert set(corpus.sentences["lang"]) == {"zh"}


MANIFEST = """
[[documents]]
doc_id = "w1"
file = "wire.txt"
title = "Manifest title wins"
outlet = "Reuters"
source_group = "us_media"
published = "2025-07-19"
url = "https://example.test/w1"
language = "en"

[[documents]]
doc_id = "s1"
file = "segmented.txt"
title = ""
outlet = "A newsletter"
source_group = "china_newsletter"
published = 2025-07-18

[[documents.segments]]
starts_with = "Ministry spokesperson"
outlet = "The ministry"
source_group = "chinese_state"
"""


@pytest.fixture
def manifest_folder(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    (tmp_path / "segmented.txt").write_text(SEGMENTED, encoding="utf-8")
    (tmp_path / "ignored.txt").write_text(AP_STORY, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        (
            "w1",
            {
                "title": "Manifest title wins",
                "outlet": "Reuters",
                "source_group": "us_media",
                "published": "2025-07-19",
                "url": "https://example.test/w1",
                "language": "en",
                "source_file": "wire.txt",
            },
        ),
        (
            "s1",
            {
                "title": "Beijing responds to chip decision",
                "outlet": "A newsletter",
                "source_group": "china_newsletter",
                "published": "2025-07-18",
                "url": "",
                "language": "en",
                "source_file": "segmented.txt",
            },
        ),
    ],
)
def test_folder_with_manifest_uses_its_entries_only(manifest_folder, doc_id, expected):
    corpus = load_corpus(manifest_folder)
    check_sentence_table(corpus)
    assert list(corpus.documents["doc_id"]) == ["w1", "s1"]
    document = corpus.documents.set_index("doc_id").loc[doc_id]
    assert {key: document[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "source_group", "outlet"),
    [
        ("Beijing responds to chip decision", "china_newsletter", "A newsletter"),
        ("The report below relays the ministry's statement in full.", "china_newsletter", "A newsletter"),
        ("Ministry spokesperson answers questions", "chinese_state", "The ministry"),
        ("How does the ministry view this?", "chinese_state", "The ministry"),
        ("The United States should roll back its unwarranted restrictions.", "chinese_state", "The ministry"),
    ],
)
def test_manifest_segments_switch_the_voice(manifest_folder, text, source_group, outlet):
    sentences = load_corpus(manifest_folder).sentences
    row = sentences[sentences["text"] == text].iloc[0]
    assert (row["source_group"], row["outlet"]) == (source_group, outlet)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ('"2025-07-18"', "2025-07-18"),
        ("2025-07-18", "2025-07-18"),
        ('""', ""),
        pytest.param("2025-07-18T13:43:00", "2025-07-18"),
        pytest.param('"July 18, 2025"', "2025-07-18"),
        pytest.param('"July 18, 2025 10:00 EST"', "2025-07-18"),  # a zone dateutil does not know: no warning
    ],
)
def test_manifest_published_is_an_iso_date(tmp_path, published, expected):
    (tmp_path / "a.txt").write_text(NO_HEADLINE, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        f'[[documents]]\ndoc_id = "a"\nfile = "a.txt"\npublished = {published}\n', encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(tmp_path)
    assert corpus.documents.iloc[0]["published"] == expected
    assert set(corpus.sentences["published"]) == {expected}


def _write_table(path, rows: list[dict]) -> None:
    if path.suffix == ".csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    else:
        pd.DataFrame(rows).to_parquet(path, index=False)


TABLE_SUFFIXES = [".csv", ".jsonl", ".parquet"]


@pytest.mark.parametrize("suffix", TABLE_SUFFIXES)
@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [{"text": WIRE_STORY}, {"text": CHINESE}],
            [
                {
                    "doc_id": "001",
                    "title": "China urges end to chip curbs",
                    "outlet": "Reuters",
                    "source_group": "unknown",
                    "published": "2025-07-18",
                    "url": "",
                    "language": "en",
                },
                {
                    "doc_id": "002",
                    "title": "",
                    "outlet": "unknown",
                    "source_group": "unknown",
                    "published": "",
                    "url": "",
                    "language": "zh",
                },
            ],
        ),
        (
            [
                {
                    "doc_id": "x7",
                    "text": NO_HEADLINE,
                    "outlet": "Bloomberg",
                    "source_group": "us_media",
                    "published": "July 15, 2025",
                    "url": "https://example.test/x7",
                    "title": "Given title",
                    "language": "en",
                }
            ],
            [
                {
                    "doc_id": "x7",
                    "title": "Given title",
                    "outlet": "Bloomberg",
                    "source_group": "us_media",
                    "published": "2025-07-15",
                    "url": "https://example.test/x7",
                    "language": "en",
                }
            ],
        ),
        (
            [{"doc_id": "a", "text": NO_HEADLINE}, {"doc_id": "", "text": AP_STORY}],
            [
                {
                    "doc_id": "a",
                    "title": "",
                    "outlet": "unknown",
                    "source_group": "unknown",
                    "published": "",
                    "url": "",
                    "language": "en",
                },
                {
                    "doc_id": "row-002",
                    "title": "Lawmakers question chip export reversal",
                    "outlet": "AP",
                    "source_group": "unknown",
                    "published": "2025-07-16",
                    "url": "",
                    "language": "en",
                },
            ],
        ),
    ],
)
def test_tables_load_with_optional_columns(tmp_path, suffix, rows, expected):
    path = tmp_path / f"corpus{suffix}"
    _write_table(path, rows)
    corpus = load_corpus(path)
    check_sentence_table(corpus)
    assert corpus.skipped == []
    assert corpus.documents[list(expected[0])].to_dict("records") == expected
    assert list(corpus.documents["source_file"]) == [f"corpus{suffix}#{n}" for n in range(1, len(rows) + 1)]


@pytest.mark.parametrize("suffix", TABLE_SUFFIXES)
def test_table_rows_with_empty_text_or_repeated_id_are_skipped(tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    _write_table(
        path,
        [
            {"doc_id": "a", "text": NO_HEADLINE},
            {"doc_id": "b", "text": ""},
            {"doc_id": "c", "text": "  \n "},
            {"doc_id": "a", "text": WIRE_STORY},
            {"doc_id": "d", "text": AP_STORY},
        ],
    )
    corpus = load_corpus(path)
    assert list(corpus.documents["doc_id"]) == ["a", "d"]
    assert list(map(str, corpus.skipped)) == [
        f"{path} row 2: read: empty text",
        f"{path} row 3: read: empty text",
        f"{path} row 4: read: doc_id 'a' repeated",
    ]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-07-15", "2025-07-15"),
        ("July 15, 2025", "2025-07-15"),
        ("15 July 2025", "2025-07-15"),
        ("2025-07-15T23:30:00-05:00", "2025-07-15"),
        ("Tue, 15 Jul 2025 13:43:00 GMT", "2025-07-15"),
        ("07/08/2025", "2025-07-08"),
        ("n/a", ""),
        ("", ""),
        pytest.param("July 2025", ""),
        pytest.param("2025", ""),
    ],
)
def test_table_published_is_normalised(tmp_path, published, expected):
    path = tmp_path / "corpus.csv"
    _write_table(path, [{"text": NO_HEADLINE, "published": published}])
    assert load_corpus(path).documents.iloc[0]["published"] == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (['{"doc_id": "7", "text": "One. Two."}', '{"text": "Three. Four."}'], ["7", "row-002"]),
        (['{"doc_id": 7, "text": "One. Two."}', '{"doc_id": 8, "text": "Three. Four."}'], ["7", "8"]),
        pytest.param(['{"doc_id": 7, "text": "One. Two."}', '{"text": "Three. Four."}'], ["7", "row-002"]),
        # an empty id never takes the id of a row further down
        (['{"doc_id": "", "text": "One. Two."}', '{"doc_id": "001", "text": "Three. Four."}'], ["row-001", "001"]),
        (['{"text": "One. Two."}', '{"text": "Three. Four."}'], ["001", "002"]),  # no ids at all: row numbers
    ],
)
def test_jsonl_doc_ids_are_kept_as_written(tmp_path, lines, expected):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert list(load_corpus(path).documents["doc_id"]) == expected


def _missing_path(tmp_path):
    return tmp_path / "missing", ["missing", "no such file or folder"]


def _empty_folder(tmp_path):
    return tmp_path, ["no .txt files and no manifest.toml"]


def _only_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path, ["empty.txt", "empty file"]


def _only_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return tmp_path, ["image.txt", "binary file"]


def _manifest_names_missing_file(tmp_path):
    (tmp_path / "manifest.toml").write_text('[[documents]]\ndoc_id = "a"\nfile = "gone.txt"\n', encoding="utf-8")
    return tmp_path, ["manifest.toml", "gone.txt", "does not exist"]


def _manifest_entry_without_file(tmp_path):
    (tmp_path / "manifest.toml").write_text('[[documents]]\ndoc_id = "a"\n', encoding="utf-8")
    return tmp_path, ["manifest.toml", "'file'"]


def _manifest_malformed(tmp_path):
    (tmp_path / "manifest.toml").write_text("[[documents]\n", encoding="utf-8")
    return tmp_path, ["manifest.toml", "cannot read manifest"]


def _csv_without_text(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("headline,outlet\nChips,AP\n", encoding="utf-8")
    return path, ["corpus.csv", "no 'text' column"]


def _csv_only_empty_rows(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text('text,outlet\n"",AP\n', encoding="utf-8")
    return path, ["corpus.csv", "row 1: read: empty text"]


def _unsupported_extension(tmp_path):
    path = tmp_path / "corpus.xlsx"
    path.write_bytes(b"PK\x03\x04")
    return path, ["corpus.xlsx", "unsupported input '.xlsx'"]


def _single_txt_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(WIRE_STORY, encoding="utf-8")
    return path, ["story.txt", "unsupported input '.txt'"]


def _malformed_parquet(tmp_path):
    path = tmp_path / "corpus.parquet"
    path.write_bytes(b"PAR1 truncated")
    return path, ["corpus.parquet", "cannot read as parquet"]


def _non_utf8_csv(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes("text\n美国批准出口芯片\n".encode("gbk"))
    return path, ["corpus.csv", "not UTF-8"]


@pytest.mark.parametrize(
    "make",
    [
        _missing_path,
        _empty_folder,
        _only_empty_file,
        _only_binary_file,
        _manifest_names_missing_file,
        _manifest_entry_without_file,
        _manifest_malformed,
        _csv_without_text,
        _csv_only_empty_rows,
        _unsupported_extension,
        _single_txt_file,
        _malformed_parquet,
        _non_utf8_csv,
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, make):
    path, expected_parts = make(tmp_path)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert str(caught.value).startswith(str(path))
    _assert_one_line(str(caught.value), *expected_parts)


def test_folder_keeps_good_files_and_lists_bad_ones(tmp_path):
    (tmp_path / "good.txt").write_text(WIRE_STORY, encoding="utf-8")
    (tmp_path / "zh.txt").write_bytes(CHINESE.encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "folder.txt").mkdir()
    corpus = load_corpus(tmp_path)
    check_sentence_table(corpus)
    assert list(corpus.documents["doc_id"]) == ["good", "zh"]
    assert corpus.documents.set_index("doc_id").loc["zh", "text"] == CHINESE
    assert len(corpus.skipped) == 3
    for line, name in zip(corpus.skipped, ["binary.txt", "empty.txt", "folder.txt"]):
        _assert_one_line(line, str(tmp_path / name))


def test_manifest_keeps_good_entries_and_lists_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE_STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AP_STORY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(NO_HEADLINE, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[[documents]]\ndoc_id = "a"\nfile = "a.txt"\n'
        '[[documents]]\ndoc_id = "a"\nfile = "b.txt"\n'
        '[[documents]]\ndoc_id = "m"\nfile = "gone.txt"\n'
        '[[documents]]\ndoc_id = "n"\n'
        '[[documents]]\ndoc_id = "c"\nfile = "c.txt"\n'
        '[[documents.segments]]\nstarts_with = "Not in the text"\nsource_group = "chinese_state"\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert list(corpus.documents["doc_id"]) == ["a"]
    manifest = str(tmp_path / "manifest.toml")
    assert len(corpus.skipped) == 4
    for line, parts in zip(
        corpus.skipped,
        [
            [manifest, "'a' repeated", "b.txt"],
            [manifest, "gone.txt"],
            [manifest, "'n'", "'file'"],
            ["c.txt", "segment start", "not found"],
        ],
    ):
        _assert_one_line(line, *parts)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ('doc_id = "x"\nfile = "../outside.txt"', "outside the corpus folder"),
        ('doc_id = "x"\nfile = "/etc/hostname"', "outside the corpus folder"),
        (
            'doc_id = "x"\nfile = "a.txt"\nsourcegroup = "us_media"',
            "unknown key 'sourcegroup'; did you mean 'source_group'?",
        ),
        ('doc_id = "x"\nfile = "a.txt"\nshelf = 3', "unknown key 'shelf'; known keys: doc_id, file"),
        ('doc_id = "x"\nfile = 12', "file must be a str, not int"),
        ('doc_id = "x"\nfile = "a.txt"\noutlet = ["A", "B"]', "outlet must be a str, not list"),
        ('doc_id = true\nfile = "a.txt"', "doc_id must be a str or int, not bool"),
        ('doc_id = "x"\nfile = "a.txt"\nsegments = ["a"]', "each of segments must be a table"),
    ],
)
def test_manifest_entries_are_checked_and_stay_inside_the_folder(tmp_path, entry, reason):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "outside.txt").write_text(WIRE_STORY, encoding="utf-8")
    (folder / "a.txt").write_text(WIRE_STORY, encoding="utf-8")
    (folder / "b.txt").write_text(AP_STORY, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        f'[[documents]]\n{entry}\n[[documents]]\ndoc_id = "good"\nfile = "b.txt"\n', encoding="utf-8"
    )
    corpus = load_corpus(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]  # the good entry beside the bad one still loads
    assert len(corpus.skipped) == 1
    _assert_one_line(corpus.skipped[0], str(folder / "manifest.toml"), reason)


def test_jsonl_bad_lines_are_listed_and_good_lines_load(tmp_path):
    path = tmp_path / "stories.jsonl"
    good = [json.dumps({"doc_id": name, "text": AP_STORY}) for name in ("a", "b")]
    listed = json.dumps({"doc_id": "l", "text": ["a", "list"]})
    path.write_text("\n".join([good[0], "{broken", listed, "[1, 2]", good[1]]) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert list(corpus.documents["doc_id"]) == ["a", "b"]
    assert [str(skip).split(": ")[0] for skip in corpus.skipped] == [
        f"{path} line 2",
        f"{path} line 4",
        f"{path} row 2",
    ]
    for skip, reason in zip(corpus.skipped, ["not JSON", "not a JSON object", "text is a list or an object"]):
        _assert_one_line(skip, reason)


@pytest.mark.parametrize(
    ("name", "write", "reason"),
    [
        ("stories.jsonl", lambda path: path.write_text("{broken\n[1]\n", encoding="utf-8"), "line 1 is not JSON"),
        (
            "stories.parquet",
            lambda path: pd.DataFrame({"doc_id": ["a"], "text": [["a", "list"]]}).to_parquet(path),
            "text is a list or an object, not text",
        ),
    ],
    ids=["jsonl-without-a-good-line", "parquet-text-as-lists"],
)
def test_tables_without_text_are_refused_with_the_reason(tmp_path, name, write, reason):
    path = tmp_path / name
    write(path)
    with pytest.raises(InputError) as refused:
        load_corpus(path)
    _assert_one_line(refused.value, str(path), reason)


def test_a_document_over_the_size_limit_is_skipped_and_the_limit_can_be_raised(tmp_path, monkeypatch):
    long_story = AP_STORY + "Lawmakers said the sales would help China. " * 40
    (tmp_path / "long.txt").write_text(long_story, encoding="utf-8")
    (tmp_path / "short.txt").write_text(AP_STORY, encoding="utf-8")
    monkeypatch.setenv("H20LIB_MAX_DOCUMENT_MB", "0.001")  # 1,000 characters
    corpus = load_corpus(tmp_path)
    assert list(corpus.documents["doc_id"]) == ["short"]
    _assert_one_line(corpus.skipped[0], str(tmp_path / "long.txt"), "over the limit of 1,000", "H20LIB_MAX_DOCUMENT_MB")
    monkeypatch.setenv("H20LIB_MAX_DOCUMENT_MB", "0.01")
    assert list(load_corpus(tmp_path).documents["doc_id"]) == ["long", "short"]


def test_a_five_megabyte_document_is_split_and_parsed(tmp_path):
    """Splitting is linear in the length (benchmarks/bench.py times it); this one must simply finish."""
    paragraph = "Nvidia said on Monday it would resume sales of its H20 chip to China. Lawmakers objected. "
    text = "Nvidia resumes H20 sales\n\n" + "\n\n".join([paragraph * 6] * 9500)
    assert 5_000_000 < len(text) < 6_000_000
    _, rows = parse_document(text, DocumentMeta(doc_id="long"))
    assert len(rows) > 100_000
    assert all(text[row["char_start"] : row["char_end"]] == row["text"] for row in rows[::997])


def test_a_manifest_entry_that_is_not_a_table_is_skipped(tmp_path):
    (tmp_path / "b.txt").write_text(AP_STORY, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text('documents = ["a.txt", {doc_id = "good", file = "b.txt"}]\n')
    corpus = load_corpus(tmp_path)
    assert list(corpus.documents["doc_id"]) == ["good"]
    _assert_one_line(corpus.skipped[0], "entry 1 is not a table of keys")


DOCUMENTS = [
    ("wire", WIRE_STORY),
    ("ap", AP_STORY),
    ("web", WEB_PAGE),
    ("zh", CHINESE),
    ("segmented", SEGMENTED),
]


@pytest.mark.parametrize(("doc_id", "text"), DOCUMENTS)
def test_parse_document_is_the_same_alone_or_in_a_corpus(tmp_path, doc_id, text):
    whole = tmp_path / "whole"
    whole.mkdir()
    for name, body in DOCUMENTS:
        (whole / f"{name}.txt").write_text(body, encoding="utf-8")
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / f"{doc_id}.txt").write_text(text, encoding="utf-8")

    document, rows = parse_document(text, DocumentMeta(doc_id=doc_id, source_file=f"{doc_id}.txt"))
    for corpus in (load_corpus(whole), load_corpus(alone)):
        in_corpus = corpus.sentences[corpus.sentences["doc_id"] == doc_id].to_dict("records")
        assert in_corpus == rows
        assert corpus.documents.set_index("doc_id").loc[doc_id].to_dict() == {
            key: value for key, value in document.items() if key != "doc_id"
        }


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        (WIRE_STORY, DocumentMeta(doc_id="w")),
        (
            SEGMENTED,
            DocumentMeta(
                doc_id="s",
                outlet="A newsletter",
                source_group="china_newsletter",
                segments=(Segment("Ministry spokesperson", "The ministry", "chinese_state"),),
            ),
        ),
        (CHINESE, DocumentMeta(doc_id="z", published="2025-07-18", language="zh")),
    ],
)
def test_parse_document_is_pure(text, meta):
    first = parse_document(text, meta)
    second = parse_document(text, meta)
    assert first == second
    document, rows = first
    assert document["doc_id"] == meta.doc_id
    assert [row["sentence_id"] for row in rows] == [f"{meta.doc_id}-{n:04d}" for n in range(1, len(rows) + 1)]
    assert all(text[row["char_start"] : row["char_end"]] == row["text"] for row in rows)


@pytest.mark.parametrize(
    ("newline", "suffix"),
    [
        ("\r\n", None),
        ("\r", None),
        ("\r\n", ".jsonl"),
        ("\r\n", ".parquet"),
        pytest.param("\r", ".jsonl"),
        pytest.param("\r", ".parquet"),
    ],
)
def test_newline_style_does_not_change_the_sentences(tmp_path, newline, suffix):
    _, expected = parse_document(WIRE_STORY, DocumentMeta(doc_id="wire"))
    text = WIRE_STORY.replace("\n", newline)
    if suffix is None:
        (tmp_path / "wire.txt").write_bytes(text.encode("utf-8"))
        corpus = load_corpus(tmp_path)
    else:
        path = tmp_path / f"corpus{suffix}"
        _write_table(path, [{"doc_id": "wire", "text": text}])
        corpus = load_corpus(path)
    got = corpus.sentences[["text", "kind", "char_start", "char_end"]].to_dict("records")
    assert got == [{key: row[key] for key in ("text", "kind", "char_start", "char_end")} for row in expected]


def test_fingerprint_follows_the_files_not_their_location(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    assert load_corpus(first).fingerprint == load_corpus(second).fingerprint
    (second / "wire.txt").write_text(WIRE_STORY + "One more sentence.\n", encoding="utf-8")
    assert load_corpus(first).fingerprint != load_corpus(second).fingerprint


def test_path_fingerprint_depends_on_content_not_location(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "one.txt").write_text("Nvidia H20")
        (tmp_path / name / "sub" / "two.txt").write_text("export licence")
    assert corpus_fingerprint(str(tmp_path / "a")) == corpus_fingerprint(str(tmp_path / "b"))
    (tmp_path / "b" / "sub" / "two.txt").write_text("export licences")
    assert corpus_fingerprint(str(tmp_path / "a")) != corpus_fingerprint(str(tmp_path / "b"))
    assert corpus_fingerprint(str(tmp_path / "a" / "one.txt")).startswith("sha256:")
    with pytest.raises(InputError, match="missing: no such file or folder"):
        corpus_fingerprint(str(tmp_path / "missing"))


MEDIA_CLOUD_ROWS = [
    {
        "id": "s1",
        "publish_date": "2025-07-15 08:00:00",
        "media_name": "Reuters",
        "title": "Nvidia to resume H20 sales",
        "url": "https://example.org/1",
        "text": "Nvidia to resume H20 sales\nNvidia said it would resume sales of the H20 to China.",
        "country": "US",
        "kind": "wire",
    },
    {
        "id": "s2",
        "publish_date": "2025-07-16 09:30:00",
        "media_name": "Xinhua",
        "title": "China responds",
        "url": "https://example.org/2",
        "text": "China responds\nThe ministry said it had taken note of the decision.",
        "country": "CN",
        "kind": "wire",
    },
]


@pytest.mark.parametrize("suffix", TABLE_SUFFIXES)
def test_a_media_cloud_export_loads_with_outlet_date_and_the_users_columns(tmp_path, suffix, capsys):
    path = tmp_path / f"stories{suffix}"
    _write_table(path, MEDIA_CLOUD_ROWS)
    corpus = load_corpus(path)
    documents = corpus.documents.set_index("doc_id")
    assert documents.loc["s1", ["outlet", "published"]].tolist() == ["Reuters", "2025-07-15"]
    # the user's own columns are kept; one named like a column of h20lib's is kept under another name
    assert documents["country"].tolist() == ["US", "CN"]
    assert documents["input_kind"].tolist() == ["wire", "wire"]
    assert corpus.notes == [
        f"{path}: read column 'id' as doc_id",
        f"{path}: read column 'media_name' as outlet",
        f"{path}: read column 'publish_date' as published",
        f"{path}: no column for source_group; left empty",
    ]
    assert capsys.readouterr().err.splitlines() == [f"h20lib: {note}" for note in corpus.notes]


def test_the_users_columns_are_kept_through_scoring(tmp_path):
    path = tmp_path / "stories.csv"
    _write_table(path, MEDIA_CLOUD_ROWS)
    corpus = load_corpus(path)
    scored = h20lib.score(corpus)
    assert scored.columns[-2:].tolist() == ["country", "input_kind"]
    assert scored.groupby("doc_id")["country"].first().to_dict() == {"s1": "US", "s2": "CN"}
    assert len(scored) == len(corpus.sentences)
