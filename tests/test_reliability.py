"""The reliability suite: each bad input or fault a careful user meets, run through the command line as written,
with the answer it must give. One row a case; README "What is guaranteed" lists them.

Exit status: 0 all done, 1 done with some inputs skipped (each listed), 2 nothing done (a usage or input error,
one line), 130 stopped by Ctrl-C or SIGTERM. Never a traceback, never a half-written file, never a lost input.
"""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import psutil
import pytest

from h20lib import config
from h20lib.cli import main

CONSOLE_SCRIPT = Path(sys.executable).parent / "h20lib"
STORY = (
    "Nvidia to resume H20 sales to China\n"
    "Nvidia said on Tuesday it would resume sales of its H20 chip to China after Washington signalled it would "
    "grant licences.\nThe company said it expected to start deliveries soon.\n"
)
TEXT = STORY.encode("utf-8")


def _write(folder: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def _jsonl(*records: dict | str) -> str:
    return "".join((record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records)


def _manifest(*entries: str) -> str:
    return "".join(f"[[documents]]\n{entry}\n\n" for entry in entries)


def _parquet(folder: Path, name: str, texts: list) -> None:
    pd.DataFrame({"doc_id": [f"p{n}" for n in range(len(texts))], "text": texts}).to_parquet(folder / name)


@dataclass(frozen=True)
class Case:
    """One case: the files to make, the command, its exit status, lines its error output must hold (in order, each
    a line's start), and the doc ids the output table must hold (None: no output is written)."""

    files: dict[str, bytes | str]
    args: list[str]
    status: int
    lines: list[str] = field(default_factory=list)
    documents: set[str] | None = None
    make: Callable[[Path], None] | None = None


A_ENTRY = 'doc_id = "a"\nfile = "a.txt"\nsource_group = "us_media"'
CASES = {
    # Data loss
    "output is the corpus": Case(
        {"c.csv": f"doc_id,text\na,{json.dumps(STORY)}\n"},
        ["score", "--corpus", "c.csv", "-o", "c.csv"],
        2,
        ["h20lib: error: c.csv: is the corpus itself; name another file for the scores"],
    ),
    "empty doc_id beside a given 001": Case(
        {"c.csv": f"doc_id,text\n,{json.dumps(STORY)}\n001,{json.dumps(STORY)}\n"},
        ["score", "--corpus", "c.csv", "-o", "out.csv"],
        0,
        documents={"row-001", "001"},
    ),
    # Outside the corpus folder
    "manifest path climbing out of the folder": Case(
        {
            "corpus/manifest.toml": _manifest(A_ENTRY, 'doc_id = "p"\nfile = "../../../../etc/passwd"'),
            "corpus/a.txt": TEXT,
        },
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        [
            "h20lib: skipped corpus/manifest.toml (doc_id 'p'): read: names ../../../../etc/passwd, which is outside the corpus folder"
        ],
        documents={"a"},
    ),
    "manifest absolute path": Case(
        {"corpus/manifest.toml": _manifest(A_ENTRY, 'doc_id = "p"\nfile = "/etc/passwd"'), "corpus/a.txt": TEXT},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        [
            "h20lib: skipped corpus/manifest.toml (doc_id 'p'): read: names /etc/passwd, which is outside the corpus folder"
        ],
        documents={"a"},
    ),
    # Entries of the wrong type: skipped with a reason, the good ones load
    "manifest file of the wrong type": Case(
        {"corpus/manifest.toml": _manifest(A_ENTRY, 'doc_id = "b"\nfile = 12'), "corpus/a.txt": TEXT},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        ["h20lib: skipped corpus/manifest.toml: read: entry 'b': file must be a str, not int"],
        documents={"a"},
    ),
    "manifest documents of the wrong type": Case(
        {"corpus/manifest.toml": 'documents = ["a.txt"]\n', "corpus/a.txt": TEXT},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        2,
        ["h20lib: error: corpus: no readable documents (corpus/manifest.toml: read: entry 1 is not a table of keys)"],
    ),
    "misspelt manifest key": Case(
        {
            "corpus/manifest.toml": _manifest(A_ENTRY, 'doc_id = "b"\nfile = "a.txt"\nsourcegroup = "us_media"'),
            "corpus/a.txt": TEXT,
        },
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        [
            "h20lib: skipped corpus/manifest.toml: read: entry 'b' has the unknown key 'sourcegroup'; did you mean 'source_group'?"
        ],
        documents={"a"},
    ),
    # Output checked before any work
    "output with an unknown extension": Case(
        {"c.jsonl": _jsonl({"doc_id": "a", "text": STORY})},
        ["score", "--corpus", "c.jsonl", "-o", "out.xlsx"],
        2,
        ["h20lib: error: out.xlsx: output must end in .csv or .parquet"],
    ),
    "output in a missing folder": Case(
        {"c.jsonl": _jsonl({"doc_id": "a", "text": STORY})},
        ["score", "--corpus", "c.jsonl", "-o", "nowhere/out.csv"],
        2,
        ["h20lib: error: nowhere/out.csv: "],
    ),
    "figures --jobs 0": Case(
        {},
        ["figures", "--jobs", "0"],
        2,
        ["h20lib figures: error: argument --jobs: must be at least 1, got 0; see h20lib figures --help"],
    ),
    "score --jobs that is no number": Case(
        {}, ["score", "-o", "out.csv", "--jobs", "two"], 2, ["h20lib score: error: argument --jobs: not a whole number"]
    ),
    "score without an output": Case(
        {}, ["score"], 2, ["h20lib score: error: the following arguments are required: -o/--output; see h20lib"]
    ),
    "figures --out naming a file": Case(
        {"afile": "mine"},
        ["figures", "--out", "afile"],
        2,
        ["h20lib: error: afile: is a file; --out names a folder for the figures"],
    ),
    # Silent wrong results, now each a result or a listed skip
    "folder with .TXT, .md, .html and hidden files": Case(
        {"corpus/A.TXT": TEXT, "corpus/notes.md": "# notes", "corpus/page.html": "<p>hi</p>", "corpus/.b.txt": TEXT},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        [
            "h20lib: skipped corpus/notes.md: read: not a .txt file",
            "h20lib: skipped corpus/page.html: read: a saved web page",
        ],
        documents={"A"},
    ),
    "JSONL with one broken line": Case(
        {"c.jsonl": _jsonl({"doc_id": "a", "text": STORY}, '{"doc_id": "b", "text": ', {"doc_id": "c", "text": STORY})},
        ["score", "--corpus", "c.jsonl", "-o", "out.csv"],
        1,
        ["h20lib: skipped c.jsonl line 2: read: not JSON: Expecting value"],
        documents={"a", "c"},
    ),
    "Parquet with list and dict text values": Case(
        {},
        ["score", "--corpus", "c.parquet", "-o", "out.csv"],
        1,
        ["h20lib: skipped c.parquet row 2: read: text is a list or an object, not text"],
        documents={"p0"},
        make=lambda folder: _parquet(folder, "c.parquet", [STORY, json.dumps(["a", "b"]), json.dumps({"a": 1})]),
    ),
    "UTF-16 without a byte order mark": Case(
        {"corpus/a.txt": STORY.encode("utf-16-le")},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        0,
        documents={"a"},
    ),
    "a document over the size limit": Case(
        {"corpus/a.txt": TEXT, "corpus/big.txt": TEXT * 200},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        1,
        ["h20lib: skipped corpus/big.txt (doc_id 'big'): read: 42,600 characters, over the limit of 20,000"],
        documents={"a"},
    ),
    "a bad size limit": Case(
        {"corpus/a.txt": TEXT},
        ["score", "--corpus", "corpus", "-o", "out.csv"],
        2,
        ["h20lib: error: parameter H20LIB_MAX_DOCUMENT_MB: must be a positive number"],
    ),
}
ENVIRONMENT = {"a document over the size limit": "0.02", "a bad size limit": "lots"}


@pytest.mark.parametrize("name", list(CASES))
def test_case(tmp_path, monkeypatch, capsys, name):
    case = CASES[name]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(config.MAX_DOCUMENT_VARIABLE, raising=False)
    if name in ENVIRONMENT:
        monkeypatch.setenv(config.MAX_DOCUMENT_VARIABLE, ENVIRONMENT[name])
    _write(tmp_path, case.files)
    if case.make:
        case.make(tmp_path)
    inputs = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}

    try:
        status = main(case.args)
    except SystemExit as stopped:  # a usage error, from the argument parser
        status = stopped.code
    assert status == case.status
    captured = capsys.readouterr()
    errors = captured.err.replace(f"{tmp_path.resolve()}/", "").splitlines()
    assert "Traceback" not in captured.err and captured.out == ""
    assert all(any(line.startswith(expected) for line in errors) for expected in case.lines), errors
    if case.status == 2:
        assert len(errors) == 1
    assert {path: path.read_bytes() for path in inputs} == inputs, "an input changed"
    made = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path not in inputs)
    made = [name for name in made if not (tmp_path / name).is_dir() or not any((tmp_path / name).iterdir())]
    if case.documents is None:
        assert made == []
        return
    assert made == ["out.csv"]
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert set(table["doc_id"]) == case.documents
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Interruptions: Ctrl-C or SIGTERM at several moments of a run. Each run starts beside a previous output, which must
# be left as it was; nothing else may be left behind, and no process the run started may outlive it.
ARTICLE = "Nvidia resumes H20 sales\n" + "Nvidia said it would resume sales of the H20 to China. " * 30 + "\n"
CUSTOM_CORPUS = config.PROJECT_ROOT / "tests" / "data" / "custom_corpus.jsonl"


def _long_corpus(path: Path) -> None:
    path.write_text(_jsonl(*({"doc_id": f"d{n}", "text": ARTICLE} for n in range(3000))), encoding="utf-8")


def _children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _kernels(process: psutil.Process) -> list[psutil.Process]:
    alive = []
    for child in _children(process):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                alive.append(child)
        except psutil.Error:
            pass
    return alive


@dataclass(frozen=True)
class Moment:
    command: str  # "score" or "figures"
    long_corpus: bool  # a corpus that takes a while to score, so that the moment comes before the scoring ends
    reached: Callable[[psutil.Process, Path, list[str]], bool]  # (the run, its folder, its error lines so far)
    stop: signal.Signals = signal.SIGTERM


MOMENTS = {
    "score, starting up": Moment("score", True, lambda run, folder, lines: True),
    "score, workers scoring": Moment("score", True, lambda run, folder, lines: bool(_children(run))),
    "score, Ctrl-C while workers score": Moment(
        "score", True, lambda run, folder, lines: bool(_children(run)), signal.SIGINT
    ),
    "score, writing the table": Moment("score", True, lambda run, folder, lines: any(folder.glob(".out.parquet.*"))),
    "figures, scoring the corpus": Moment("figures", True, lambda run, folder, lines: bool(_children(run))),
    "figures, notebooks running": Moment("figures", False, lambda run, folder, lines: bool(_kernels(run))),
    "figures, Ctrl-C while notebooks run": Moment(
        "figures", False, lambda run, folder, lines: bool(_kernels(run)), signal.SIGINT
    ),
    "figures, after a notebook's figures are gathered": Moment(
        "figures", False, lambda run, folder, lines: any(line.startswith("done ") for line in lines)
    ),
}


def _tree(folder: Path) -> dict[str, bytes | None]:
    return {
        path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("name", list(MOMENTS))
def test_a_stopped_run_leaves_nothing_behind(tmp_path, name):
    moment = MOMENTS[name]
    corpus = tmp_path / "corpus.jsonl"
    if moment.long_corpus:
        _long_corpus(corpus)
    else:
        corpus.write_bytes(CUSTOM_CORPUS.read_bytes())
    if moment.command == "score":
        (tmp_path / "out.parquet").write_bytes(b"the previous scores")
        args = ["score", "--corpus", str(corpus), "-o", str(tmp_path / "out.parquet"), "--jobs", "2"]
    else:
        _write(tmp_path, {"figures/index.json": "{}\n", "figures/earlier.png": b"an earlier figure"})
        args = ["figures", "--corpus", str(corpus), "--out", str(tmp_path / "figures"), "--jobs", "2"]
    before = _tree(tmp_path)
    environment = os.environ | {"H20LIB_CACHE": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), *args],
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        # As from a terminal: a job started in the background (nohup, "&") inherits Ctrl-C ignored, and keeps it so.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    run = psutil.Process(process.pid)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")), daemon=True)
    reader.start()
    for _ in range(1200):  # until the moment comes, at most two minutes
        if process.poll() is not None or moment.reached(run, tmp_path, lines):
            break
        time.sleep(0.1)
    assert process.poll() is None, f"the run ended before the moment came: {lines}"
    started = _children(run)
    process.send_signal(moment.stop)
    process.wait(timeout=120)
    reader.join(timeout=10)

    if name == "score, starting up":  # stopped before Python set its handler, or after: either is clean
        assert process.returncode in (130, -signal.SIGTERM)
    else:
        assert process.returncode == 130, lines
        assert lines[-1] == "h20lib: stopped; nothing half-written was left behind\n"
    assert not any("Traceback" in line for line in lines), lines
    _, alive = psutil.wait_procs(started, timeout=30)
    assert alive == [], f"still running after the stop: {[p.cmdline() for p in alive]}"
    after = {path: content for path, content in _tree(tmp_path).items() if not path.startswith("cache")}
    assert after == {path: content for path, content in before.items() if not path.startswith("cache")}


def test_dollar_signs_in_names_are_drawn_as_text(tmp_path, monkeypatch, capsys):
    """Group names, outlets and doc ids with "$...$" (read as mathematics by matplotlib) are drawn as written."""
    rows = [json.loads(line) for line in CUSTOM_CORPUS.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row |= {"source_group": f"${row['source_group']}$", "outlet": f"$\\alpha {row['outlet']}$"}
        row["doc_id"] = f"$\\{row['doc_id']}_x$"  # unknown to mathtext: drawing it unescaped fails
    (tmp_path / "corpus.jsonl").write_text(_jsonl(*rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["figures", "--corpus", "corpus.jsonl", "--out", "figures"]) == 0
    assert capsys.readouterr().err.splitlines()[-1].startswith("6 notebooks ran, 0 failed")
    index = json.loads((tmp_path / "figures" / "index.json").read_text(encoding="utf-8"))
    assert len(index["figures"]) == 10
    claims = pd.read_csv(tmp_path / "figures" / "claims.csv", dtype=str, keep_default_na=False)
    assert set(claims["doc_id"]) <= {row["doc_id"] for row in rows}


def test_a_stop_is_not_an_error_a_document_can_absorb():
    """SIGTERM raises Stopped wherever the run is, parsing or scoring a document included; the handlers that keep
    one bad document from stopping a run catch Exception, so Stopped must not be one (as KeyboardInterrupt is not)."""
    from h20lib.cli import Stopped

    assert issubclass(Stopped, BaseException) and not issubclass(Stopped, Exception)


def test_a_stop_swallowed_by_a_finaliser_still_stops_the_run(tmp_path, monkeypatch, capsys):
    """A signal's handler runs wherever the run is, a finaliser (__del__) or a fork hook included, where Python
    only reports the exception it raises; the run still stops at its next step, and says nothing more."""
    from h20lib.measures import stream

    class Finaliser:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)  # its handler runs here, and its Stopped is reported and dropped

    def scoring(corpus, *, progress):
        Finaliser()
        progress(1, 10)
        pytest.fail("the run went on after the stop")

    monkeypatch.setattr(stream, "cached_scores", scoring)
    assert main(["figures", "--out", str(tmp_path / "figures")]) == 130
    assert capsys.readouterr().err == "h20lib: stopped; nothing half-written was left behind\n"
    assert not (tmp_path / "figures").exists()
