import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from h20lib import config, load_corpus
from h20lib.cli import main

STORY = (
    "Lawmakers question chip export reversal\n"
    "2025-07-16\n"
    "WASHINGTON (AP) — Members of Congress on Wednesday questioned the decision to let Nvidia sell H20 chips to China.\n"
    "They said the move could weaken national security and asked the Commerce Department for a briefing.\n"
)
CONSOLE_SCRIPT = Path(sys.executable).parent / "h20lib"


def _list_columns(table: pd.DataFrame) -> list[str]:
    return [column for column in table.columns if table[column].map(lambda value: isinstance(value, tuple)).any()]


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_score_writes_csv_with_joined_lists(tmp_path, capsys, seed_scores):
    out = tmp_path / "out.csv"
    assert main(["score", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"wrote {len(seed_scores)} sentences from 5 documents to {out}\n"
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(back.columns) == list(seed_scores.columns)
    assert list(back["sentence_id"]) == list(seed_scores["sentence_id"])
    assert list(back["text"]) == list(seed_scores["text"])
    list_columns = _list_columns(seed_scores)
    assert {"actors", "frames"} <= set(list_columns)
    for column in list_columns:
        assert list(back[column]) == [";".join(cell) for cell in seed_scores[column]]
    assert back["actors"].str.contains(";").any()


def test_score_writes_parquet_with_lists(tmp_path, capsys, seed_scores):
    out = tmp_path / "out.parquet"
    assert main(["score", "-o", str(out)]) == 0
    assert capsys.readouterr().err.endswith(f"to {out}\n")
    back = pd.read_parquet(out)
    assert list(back.columns) == list(seed_scores.columns)
    assert list(back["sentence_id"]) == list(seed_scores["sentence_id"])
    for column in _list_columns(seed_scores):
        assert [list(cell) for cell in back[column]] == [list(cell) for cell in seed_scores[column]]
    pd.testing.assert_series_equal(back["vader"], seed_scores["vader"], check_names=False)


def _missing_txt(folder: Path) -> tuple[str, str]:
    return "missing.txt", "no such file or folder"


def _empty_folder(folder: Path) -> tuple[str, str]:
    (folder / "empty").mkdir()
    return "empty", "no .txt files and no manifest.toml"


def _only_bad_files(folder: Path) -> tuple[str, str]:
    (folder / "bad").mkdir()
    (folder / "bad" / "empty.txt").write_bytes(b"")
    return "bad", "no readable documents"


def _spreadsheet(folder: Path) -> tuple[str, str]:
    (folder / "corpus.xlsx").write_bytes(b"PK\x03\x04")
    return "corpus.xlsx", "unsupported input '.xlsx'"


def _malformed_parquet(folder: Path) -> tuple[str, str]:
    (folder / "corpus.parquet").write_bytes(b"PAR1 broken")
    return "corpus.parquet", "cannot read as parquet"


def _csv_without_text(folder: Path) -> tuple[str, str]:
    (folder / "corpus.csv").write_text("title\nChips\n", encoding="utf-8")
    return "corpus.csv", "no 'text' column"


@pytest.mark.parametrize(
    "make", [_missing_txt, _empty_folder, _only_bad_files, _spreadsheet, _malformed_parquet, _csv_without_text]
)
def test_bad_corpus_is_one_error_line_and_no_output(tmp_path, monkeypatch, capsys, make):
    monkeypatch.chdir(tmp_path)
    corpus, reason = make(tmp_path)
    assert main(["score", "--corpus", corpus, "-o", "out.csv"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"h20lib: error: {tmp_path.resolve() / corpus}: ")
    assert reason in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out.csv").exists()


def test_missing_corpus_message_is_exact(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["score", "--corpus", "missing.txt", "-o", "out.csv"]) == 2
    assert capsys.readouterr().err == f"h20lib: error: {tmp_path.resolve() / 'missing.txt'}: no such file or folder\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("out.xlsx", "output must end in .csv or .parquet"),
        ("nowhere/out.csv", "does not exist"),
        ("corpus", "is the corpus itself"),  # a folder is a dataset, but never the corpus folder
    ],
)
def test_bad_output_is_one_error_line(tmp_path, monkeypatch, capsys, small_corpus, output, reason):
    monkeypatch.chdir(tmp_path)
    assert main(["score", "--corpus", str(small_corpus), "-o", output]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"h20lib: error: {output}: ")
    assert err.count("\n") == 1
    assert reason in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus"]


def test_an_output_folder_without_write_permission_is_refused_before_scoring(
    tmp_path, monkeypatch, capsys, small_corpus
):
    import os

    from h20lib.measures import stream

    locked = tmp_path / "locked"
    locked.mkdir()
    # As for a user without write permission there; chmod cannot show it when the tests run as root.
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked)
    monkeypatch.setattr(stream, "corpus_chunks", lambda *args, **kwargs: pytest.fail("scoring started"))
    assert main(["score", "--corpus", str(small_corpus), "-o", str(locked / "out.csv")]) == 2
    assert capsys.readouterr().err == f"h20lib: error: {locked / 'out.csv'}: folder {locked} is not writable\n"
    assert list(locked.iterdir()) == []


def test_the_output_never_replaces_the_corpus(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    pd.DataFrame({"doc_id": ["a"], "text": [STORY]}).to_csv("stories.csv", index=False)
    before = (tmp_path / "stories.csv").read_bytes()
    assert main(["score", "--corpus", "stories.csv", "-o", "./stories.csv"]) == 2
    assert (
        capsys.readouterr().err
        == "h20lib: error: stories.csv: is the corpus itself; name another file for the scores\n"
    )
    assert (tmp_path / "stories.csv").read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["stories.csv"]


def test_figures_options_are_checked_before_anything_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    assert main(["figures", "--out", "afile"]) == 2
    assert (
        capsys.readouterr().err
        == f"h20lib: error: {tmp_path / 'afile'}: is a file; --out names a folder for the figures\n"
    )
    with pytest.raises(SystemExit) as stopped:
        main(["figures", "--jobs", "0"])
    assert stopped.value.code == 2
    assert "argument --jobs: must be at least 1, got 0" in capsys.readouterr().err
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


def test_figures_without_notebooks_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path / "no-notebooks")  # as in an installed wheel
    assert main(["figures", "--out", str(tmp_path / "figs")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no figure notebooks (NN_*.ipynb) here" in err
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_one_error_line(tmp_path, monkeypatch, capsys):
    from h20lib.report import batch

    def read_only(**kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "ro" / "figs"))

    monkeypatch.setattr(batch, "run_notebooks", read_only)
    assert main(["figures", "--out", str(tmp_path / "ro" / "figs")]) == 2
    assert capsys.readouterr().err == f"h20lib: error: {tmp_path / 'ro' / 'figs'}: Permission denied\n"


def test_a_bad_size_limit_is_one_error_line(tmp_path, monkeypatch, capsys, small_corpus):
    monkeypatch.setenv("H20LIB_MAX_DOCUMENT_MB", "lots")
    assert main(["score", "--corpus", str(small_corpus), "-o", str(tmp_path / "out.csv")]) == 2
    assert capsys.readouterr().err == (
        "h20lib: error: parameter H20LIB_MAX_DOCUMENT_MB: must be a positive number of millions of characters, "
        "got 'lots'\n"
    )
    assert not (tmp_path / "out.csv").exists()


def test_skipped_files_are_listed_and_the_rest_scored(tmp_path, capsys, small_corpus):
    (small_corpus / "binary.txt").write_bytes(b"abc\x00def")
    (small_corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.csv"
    assert main(["score", "--corpus", str(small_corpus), "-o", str(out)]) == 1
    lines = capsys.readouterr().err.splitlines()
    n_sentences = len(load_corpus(small_corpus).sentences)
    assert lines == [
        f"h20lib: skipped {small_corpus / 'binary.txt'} (doc_id 'binary'): read: binary file, not text",
        f"h20lib: skipped {small_corpus / 'empty.txt'} (doc_id 'empty'): read: empty file",
        f"wrote {n_sentences} sentences from 1 documents to {out}; 2 skipped",
    ]
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(back["doc_id"]) == {"story"}
    assert len(back) == n_sentences


@pytest.mark.parametrize(
    ("args", "returncode", "err_start"),
    [
        (["score", "-o", "out.csv"], 0, "wrote "),
        (["score", "--corpus", "missing.txt", "-o", "out.csv"], 2, "h20lib: error: "),
    ],
)
def test_console_script(tmp_path, seed_corpus, args, returncode, err_start):
    result = subprocess.run([str(CONSOLE_SCRIPT), *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == returncode
    assert result.stderr.startswith(err_start)
    assert result.stderr.count("\n") == 1
    assert (tmp_path / "out.csv").exists() == (returncode == 0)
    if returncode == 0:
        back = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
        assert len(back) == len(seed_corpus.sentences)


def test_validate_without_the_hand_labels_is_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(config, "GOLD_SEED_SENTENCES", tmp_path / "labels" / "gold" / "seed_sentences.csv")
    assert main(["validate", "--skip-newsmtsc"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "seed_sentences.csv: hand labels not found" in error


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["figures"], lambda tmp: config.FIGURES_DIR),
        (["figures", "--corpus", "mine.jsonl"], lambda tmp: tmp / "mine_figures"),
        (["figures", "--corpus", "mine.jsonl", "--out", "chosen"], lambda tmp: tmp / "chosen"),
    ],
)
def test_figures_for_another_corpus_never_default_to_the_committed_folder(tmp_path, monkeypatch, args, expected):
    from h20lib.report import batch

    monkeypatch.chdir(tmp_path)
    shutil.copy(config.PROJECT_ROOT / "tests" / "data" / "custom_corpus.jsonl", tmp_path / "mine.jsonl")
    seen = {}

    def fake_run(*, corpus, output_dir, jobs, progress):
        seen["output_dir"] = output_dir
        return batch.BatchResult(succeeded=[], failed=[], errors={}, index_path=output_dir / "index.json")

    monkeypatch.setattr(batch, "run_notebooks", fake_run)
    assert main(args) == 0
    assert seen["output_dir"] == expected(tmp_path)


@pytest.mark.parametrize("out", ["locked/figs", "locked", "afile/figs"])
def test_a_figures_folder_that_cannot_be_written_is_refused_before_scoring(tmp_path, monkeypatch, capsys, out):
    import os

    from h20lib.measures import stream

    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    # As for a user without write permission there; chmod cannot show it when the tests run as root.
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path).name != "locked")
    monkeypatch.setattr(stream, "cached_scores", lambda *args, **kwargs: pytest.fail("scoring started"))
    assert main(["figures", "--out", out]) == 2
    blocking = tmp_path / out.split("/")[0]
    assert capsys.readouterr().err == (
        f"h20lib: error: {tmp_path / out}: cannot be made or written: {blocking} is not a writable folder\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["afile", "locked"]
