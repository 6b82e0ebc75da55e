"""Run the figure notebooks with papermill, in parallel, and gather their figures and an index in one folder.

Each notebook writes into its own hidden staging folder inside the output folder. Only a notebook that ran to the
end has its figures moved into the output folder, so a failing notebook leaves the previous figures as they were.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import nbformat
import papermill
import psutil
from jupyter_client.manager import KernelManager
from papermill.exceptions import PapermillExecutionError

from h20lib import config
from h20lib.parse.corpus import corpus_fingerprint
from h20lib.report import plotting

NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
INDEX_NAME = "index.json"
EXECUTED_DIR_NAME = "notebooks"
WORKER_GRACE_SECONDS = 10  # a stopped notebook's worker has this long to end before it is killed
INDEX_ENTRY_KEYS = ("id", "title", "caption", "files", "notebook", "parameters", "sample")
GALLERY_NAME = "gallery.md"

# Warnings and tracebacks name the temporary file ipykernel compiles each cell into; its name changes every run.
_KERNEL_CELL_FILE = re.compile(r"[^\s\"'()]*ipykernel_\d+[/\\]\d+\.py")
_WHITESPACE = re.compile(r"\s+")
# What papermill records of a run: only the parameters are kept, not times, paths and environment.
_KEPT_RUN_KEYS = ("default_parameters", "parameters")
_TIMING_KEYS = frozenset({"start_time", "end_time", "duration"})


@dataclass(frozen=True)
class BatchResult:
    """Notebook file names that ran and were gathered, and those that failed with their one-line errors."""

    succeeded: list[str]
    failed: list[str]
    errors: dict[str, str]
    index_path: Path

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class _Job:
    notebook: Path
    staging_dir: Path
    parameters: dict
    cwd: Path
    kernel_name: str
    replacements: tuple[tuple[str, str], ...]
    sockets: Path | None = None  # a folder of its own for the kernel's local sockets, where the system has them

    @property
    def name(self) -> str:
        return self.notebook.name

    @property
    def figures_dir(self) -> Path:
        return self.staging_dir / "figures"

    @property
    def executed_path(self) -> Path:
        return self.staging_dir / "executed.ipynb"


class _GatherError(Exception):
    """A notebook ran, but its figures cannot be gathered."""


def default_notebooks() -> list[Path]:
    """The figure notebooks ``NN_*.ipynb`` of the project, sorted by name; a notebook whose metadata says
    ``"h20lib": {"figures": false}`` (the exploration notebook) makes no figure and is left out."""
    return sorted(path for path in config.NOTEBOOKS_DIR.glob(NOTEBOOK_PATTERN) if _makes_figures(path))


def _makes_figures(path: Path) -> bool:
    metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    return bool(metadata.get("h20lib", {}).get("figures", True))


def display_path(path: Path, *, cwd: Path) -> str:
    """``path`` relative to ``cwd`` (POSIX separators) when inside it, else absolute."""
    path = Path(path).absolute()
    try:
        relative = path.relative_to(Path(cwd).absolute())
    except ValueError:
        return str(path)
    return relative.as_posix() or "."


def _path_pattern(source: str) -> re.Pattern[str]:
    # The path itself, not a longer name that starts with it ("/work/main" is not in "/work/main2").
    return re.compile(r"(?<![\w.-])" + re.escape(source) + r"(?:(/)|(?![\w.-]))")


def _path_replacement(target: str) -> Callable[[re.Match[str]], str]:
    """Replaces a ``_path_pattern`` match by ``target``, keeping the "/" after it unless ``target`` is "."."""

    def replace(match: re.Match[str]) -> str:
        return ("" if target == "." else target + "/") if match.group(1) else target

    return replace


@overload
def replace_paths(value: dict[str, Any], replacements: tuple[tuple[str, str], ...]) -> dict[str, Any]: ...
@overload
def replace_paths(value: object, replacements: tuple[tuple[str, str], ...]) -> object: ...
def replace_paths(value: object, replacements: tuple[tuple[str, str], ...]) -> object:
    """``value`` with every path in ``replacements`` (source, target) replaced in its strings, recursively.

    A source followed by "/" and replaced by "." loses the "./". Strings of binary images are left alone.
    """
    if isinstance(value, dict):
        binary = {key for key in value if str(key).startswith("image/") and key != "image/svg+xml"}
        return {key: item if key in binary else replace_paths(item, replacements) for key, item in value.items()}
    if isinstance(value, list):
        return [replace_paths(item, replacements) for item in value]
    if not isinstance(value, str):
        return value
    for source, target in sorted(replacements, key=lambda pair: len(pair[0]), reverse=True):
        value = _path_pattern(source).sub(_path_replacement(target), value)
    return _KERNEL_CELL_FILE.sub("<cell>", value)


def scrub_notebook(nb: dict, *, replacements: tuple[tuple[str, str], ...]) -> dict:
    """An executed notebook without run times, run paths, interpreter version or absolute checkout paths."""
    nb = copy.deepcopy(dict(nb))
    metadata = nb.setdefault("metadata", {})
    run_record = metadata.get("papermill", {})
    metadata["papermill"] = {key: run_record[key] for key in _KEPT_RUN_KEYS if key in run_record}
    metadata.get("language_info", {}).pop("version", None)
    for cell in nb.get("cells", []):
        cell_metadata = cell.setdefault("metadata", {})
        cell_metadata.pop("execution", None)
        if "papermill" in cell_metadata:
            cell_record = cell_metadata["papermill"]
            cell_metadata["papermill"] = {key: cell_record[key] for key in cell_record if key not in _TIMING_KEYS}
        if "injected-parameters" in cell_metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return replace_paths(nb, replacements)


def _one_line(text: object) -> str:
    return _WHITESPACE.sub(" ", str(text)).strip()


def execution_error_line(notebook: str, error: BaseException) -> str:
    """One line naming the notebook and, for an error inside a cell, the cell and the exception."""
    if isinstance(error, PapermillExecutionError):
        return f"{notebook}: cell In [{error.exec_count}] raised {error.ename}: {_one_line(error.evalue)}"
    return f"{notebook}: {type(error).__name__}: {_one_line(error)}"


def _load_with_stable_ids(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path``; cells without an id get one from their position, not a random one."""
    nb = nbformat.read(path, as_version=4)
    for position, cell in enumerate(nb.cells):
        cell.setdefault("id", f"cell-{position}")
    nb.nbformat_minor = max(nb.nbformat_minor, 5)
    return nb


def _execute(job: _Job) -> str | None:
    """Run one notebook into its staging folder (in a worker process); the one-line error, or None."""
    # Kernels started at once by two worker processes can be handed the same free TCP port, and one then dies at
    # start. Local sockets in a folder of the job's own (short: socket paths are limited to about 100 characters)
    # avoid ports altogether.
    transport = {} if job.sockets is None else {"transport": "ipc", "ip": str(job.sockets / "kernel")}
    kernel = KernelManager(kernel_name=job.kernel_name, **transport)
    try:
        executed = papermill.execute_notebook(
            _load_with_stable_ids(job.notebook),
            None,
            parameters=job.parameters,
            kernel_name=job.kernel_name,
            cwd=str(job.cwd),
            progress_bar=False,
            log_output=False,
            km=kernel,
        )
    except Exception as error:  # whatever stops one notebook is reported for it; the others go on
        return execution_error_line(job.name, error)
    finally:
        if kernel.has_kernel:  # papermill stops only the kernels it started itself
            kernel.shutdown_kernel(now=True)
    scrubbed = nbformat.from_dict(scrub_notebook(executed, replacements=job.replacements))
    job.executed_path.write_text(nbformat.writes(scrubbed) + "\n", encoding="utf-8")
    return None


def _read_record(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _records(folder: Path) -> list[dict]:
    """The ``<id>.json`` figure records of a folder, sorted by id."""
    records = [_read_record(p) for p in folder.glob("*.json") if p.name != INDEX_NAME]
    return sorted(records, key=lambda record: record["id"])


def _remove_figure(output_dir: Path, figure_id: str, *, keep: frozenset[str] = frozenset()) -> None:
    """Delete a figure's files and record from the output folder, except the file names in ``keep``."""
    record = output_dir / f"{figure_id}.json"
    if not record.exists():
        return
    for name in _read_record(record)["files"]:
        if name not in keep:
            (output_dir / name).unlink(missing_ok=True)
    record.unlink()


def _gather(job: _Job, output_dir: Path, produced: dict[str, str]) -> None:
    """Move a finished notebook's figures and executed copy into the output folder."""
    records = _records(job.figures_dir) if job.figures_dir.is_dir() else []
    for record in records:
        figure_id = record["id"]
        if figure_id in produced:
            raise _GatherError(f"{job.name}: figure id {figure_id!r} is also made by {produced[figure_id]}")
        bad = [n for n in record["files"] if Path(n).name != n or not (job.figures_dir / n).is_file()]
        if bad:
            raise _GatherError(f"{job.name}: figure {figure_id!r} lists missing files {bad}")
    for record in records:
        entry = {key: record.get(key) for key in INDEX_ENTRY_KEYS}
        entry = replace_paths(entry, job.replacements) | {"notebook": job.name}
        _remove_figure(output_dir, entry["id"], keep=frozenset(entry["files"]))
        for name in entry["files"]:
            os.replace(job.figures_dir / name, output_dir / name)
        plotting.write_figure_record(entry, output_dir)
        produced[entry["id"]] = job.name
    executed_dir = output_dir / EXECUTED_DIR_NAME
    executed_dir.mkdir(exist_ok=True)
    os.replace(job.executed_path, executed_dir / job.name)


def _remove_stale(output_dir: Path, *, produced: dict[str, str], ran: set[str], full_run: bool) -> None:
    """Delete figures this run no longer makes: from the notebooks that ran, or from any notebook on a full run."""
    for record in _records(output_dir):
        if record["id"] not in produced and (full_run or record["notebook"] in ran):
            _remove_figure(output_dir, record["id"])
    if full_run:
        for executed in (output_dir / EXECUTED_DIR_NAME).glob("*.ipynb"):
            if executed.name not in ran:
                executed.unlink()


def package_version() -> str:
    """The installed version of h20lib, "unknown" when it is run from a checkout that is not installed."""
    try:
        return importlib.metadata.version("h20lib")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def index_text(*, figures: list[dict], corpus: str | None, fingerprint: str, version: str) -> str:
    """The text of index.json: sorted keys, two-space indent, figures sorted by id, final newline."""
    index = {
        "package_version": version,
        "corpus": corpus,
        "corpus_fingerprint": fingerprint,
        "figures": [{key: f.get(key) for key in INDEX_ENTRY_KEYS} for f in sorted(figures, key=lambda f: f["id"])],
    }
    return json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def cite_id(figure_id: str, plotted: bytes) -> str:
    """A short id to cite a figure by: its id and the first 8 hex digits of the SHA-256 of the data it plots, so the
    id stays the same while the figure's data does and changes when it does."""
    return f"{figure_id}@{hashlib.sha256(plotted).hexdigest()[:8]}"


def gallery_text(*, figures: list[dict], folder: Path, corpus: str | None, fingerprint: str, version: str) -> str:
    """The Markdown gallery of a figure folder: each figure with its caption, sample, the notebook and parameters
    that made it, its files and an id to cite it by."""
    lines = [
        "# Figures",
        "",
        f"Corpus: {corpus or 'the seeds'} (fingerprint `{fingerprint}`); drawn by h20lib {version}. This page is "
        "written with the figures by `h20lib figures`; cite a figure by its id, which changes when its data does.",
    ]
    for figure in sorted(figures, key=lambda f: f["id"]):
        data_file = folder / f"{figure['id']}.csv"
        cite = cite_id(figure["id"], data_file.read_bytes()) if data_file.is_file() else figure["id"]
        sample = figure.get("sample") or {}
        counts = ", ".join(f"{value} {key[:-1] if value == 1 else key}" for key, value in sample.items())
        parameters = json.dumps(figure["parameters"], sort_keys=True, ensure_ascii=False)
        files = ", ".join(f"[{name.removeprefix(figure['id']).lstrip('.')}]({name})" for name in figure["files"])
        lines += [
            "",
            f"## {figure['title']}",
            "",
            f"![{figure['title']}]({figure['id']}.png)",
            "",
            f"- Cite as: `{cite}` (h20lib {version})",
            f"- Rests on: {counts or 'not recorded'}",
            f"- Made by: `notebooks/{figure['notebook']}` with parameters `{parameters}`",
            f"- Files: {files}",
            "",
            figure["caption"],
        ]
    return "\n".join(lines) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:  # stopped while writing: no hidden file is left
        temporary.unlink(missing_ok=True)


def _print_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _worker_signals() -> None:
    """In a notebook worker, SIGTERM (the run being stopped) ends the process at once, without a word: its kernel
    sees its parent gone and exits, and the parent removes the staging and socket folders. Ctrl-C is the parent's to
    handle."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes and their notebooks' kernels now (SIGTERM, see :func:`_worker_signals`; the
    kernels, which run in sessions of their own, are killed); a worker still alive after a grace period is killed.
    """
    processes = list(getattr(pool, "_processes", {}).values())  # the executor has no public way to reach them
    kernels: list[psutil.Process] = []
    for process in processes:
        with contextlib.suppress(psutil.Error):
            kernels += psutil.Process(process.pid).children(recursive=True)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for kernel in kernels:
        with contextlib.suppress(psutil.Error):
            kernel.kill()
    psutil.wait_procs(kernels, timeout=WORKER_GRACE_SECONDS)
    for process in processes:
        process.join(WORKER_GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


def _run_jobs(jobs: list[_Job], *, workers: int, progress: Callable[[str], None]) -> dict[str, str | None]:
    """Run the jobs, at most ``workers`` at a time; notebook name -> one-line error or None."""
    outcomes: dict[str, str | None] = {}
    waiting = list(jobs)
    running: dict[Future, tuple[_Job, float]] = {}
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_signals)
    try:
        while waiting or running:
            # Submitting only as workers free up makes "start" mean the notebook really starts.
            while waiting and len(running) < workers:
                job = waiting.pop(0)
                progress(f"start  {job.name}")
                running[pool.submit(_execute, job)] = (job, time.monotonic())
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                job, started = running.pop(future)
                try:
                    error = future.result()
                except Exception as crash:  # a worker process that died fails its notebook only
                    error = execution_error_line(job.name, crash)
                outcomes[job.name] = error
                elapsed = time.monotonic() - started
                progress(f"FAILED {error} ({elapsed:.1f} s)" if error else f"done   {job.name} ({elapsed:.1f} s)")
    except BaseException:  # stopped (Ctrl-C, SIGTERM): the running notebooks are stopped too, not waited for
        _stop_workers(pool)
        raise
    pool.shutdown()
    return outcomes


def _remove_staging(jobs: list[_Job]) -> None:
    for job in jobs:
        shutil.rmtree(job.staging_dir, ignore_errors=True)
        if job.sockets is not None:
            shutil.rmtree(job.sockets, ignore_errors=True)


def run_notebooks(
    *,
    corpus: str | None,
    output_dir: Path,
    jobs: int = 2,
    notebooks: list[Path] | None = None,
    progress: Callable[[str], None] = _print_progress,
    fingerprint: Callable[[str | None], str] = corpus_fingerprint,
    kernel_name: str = "python3",
) -> BatchResult:
    """Run the notebooks (default: every ``notebooks/NN_*.ipynb``) and gather their figures into ``output_dir``.

    Each notebook gets the parameters ``corpus`` and ``output_dir`` (relative to the working directory when
    inside it) and runs with the working directory of the caller. Writes ``output_dir/index.json``, ``gallery.md``
    and the executed notebooks under ``output_dir/notebooks/``. Figures no longer made are removed only when all succeed.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    cwd = Path.cwd()
    output_dir = Path(output_dir).absolute()
    created = not output_dir.exists()
    output_dir.mkdir(parents=True, exist_ok=True)
    paths = default_notebooks() if notebooks is None else sorted(Path(p).absolute() for p in notebooks)
    corpus_shown = None if corpus is None else display_path(Path(corpus).expanduser(), cwd=cwd)
    output_shown = display_path(output_dir, cwd=cwd)
    base_replacements = {str(cwd): ".", str(config.PROJECT_ROOT): display_path(config.PROJECT_ROOT, cwd=cwd)}
    base_replacements.update({str(cwd.resolve()): ".", str(output_dir.resolve()): output_shown})

    job_list = []
    for path in paths:
        staging = Path(tempfile.mkdtemp(prefix=f".staging-{path.stem}-", dir=output_dir))
        figures_shown = display_path(staging / "figures", cwd=cwd)
        replacements = base_replacements | {
            str(staging / "figures"): output_shown,
            str(staging.resolve() / "figures"): output_shown,
            figures_shown: output_shown,
        }
        job_list.append(
            _Job(
                notebook=path,
                staging_dir=staging,
                parameters={"corpus": corpus_shown, "output_dir": figures_shown},
                cwd=cwd,
                kernel_name=kernel_name,
                replacements=tuple(sorted(replacements.items())),
                sockets=Path(tempfile.mkdtemp(prefix="h20lib-kernel-")) if os.name == "posix" else None,
            )
        )

    errors: dict[str, str] = {}
    produced: dict[str, str] = {}
    try:
        outcomes = _run_jobs(job_list, workers=min(jobs, len(job_list)), progress=progress) if job_list else {}
        errors = {name: error for name, error in outcomes.items() if error is not None}
        for job in job_list:
            if job.name in errors:
                continue
            try:
                _gather(job, output_dir, produced)
            except _GatherError as error:
                errors[job.name] = str(error)
                progress(f"FAILED {error}")
    except BaseException:  # stopped: nothing is left of this run, not even the output folder it made
        _remove_staging(job_list)
        if created and not any(output_dir.iterdir()):
            output_dir.rmdir()
        raise
    finally:
        _remove_staging(job_list)

    ran = {job.name for job in job_list}
    if not errors:
        _remove_stale(output_dir, produced=produced, ran=ran, full_run=notebooks is None)
    index_path = output_dir / INDEX_NAME
    records, corpus_id, version = _records(output_dir), fingerprint(corpus), package_version()
    _write_atomically(
        index_path, index_text(figures=records, corpus=corpus_shown, fingerprint=corpus_id, version=version)
    )
    _write_atomically(
        output_dir / GALLERY_NAME,
        gallery_text(figures=records, folder=output_dir, corpus=corpus_shown, fingerprint=corpus_id, version=version),
    )
    return BatchResult(
        succeeded=sorted(ran - set(errors)),
        failed=sorted(errors),
        errors=dict(sorted(errors.items())),
        index_path=index_path,
    )
