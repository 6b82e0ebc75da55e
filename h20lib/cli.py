"""The h20lib command line: score a corpus, validate the measures, regenerate the figures."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

from h20lib import config
from h20lib.errors import InputError, ParameterError


@contextlib.contextmanager
def _scoring_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar of the documents and sentences scored, on a terminal only."""
    from tqdm import tqdm

    with tqdm(desc="scoring", unit=" documents", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:

        def progress(documents: int, sentences: int) -> None:
            _raise_if_stopped()
            bar.update(documents - bar.n)
            bar.set_postfix(sentences=sentences, refresh=False)

        yield progress


def _score(args: argparse.Namespace) -> int:
    from h20lib.measures.stream import score_corpus

    with _scoring_progress() as progress:
        summary = score_corpus(args.corpus, args.output, jobs=args.jobs, progress=progress, scheduler=args.scheduler)
    for skip in summary.skipped:
        print(f"h20lib: skipped {skip}", file=sys.stderr)
    skipped = f"; {len(summary.skipped)} skipped" if summary.skipped else ""
    print(
        f"wrote {summary.n_sentences} sentences from {summary.n_documents} documents to {args.output}{skipped}",
        file=sys.stderr,
    )
    return 1 if summary.skipped else 0


def _notebook_progress(message: str) -> None:
    _raise_if_stopped()
    print(message, file=sys.stderr, flush=True)


def _figures(args: argparse.Namespace) -> int:
    from h20lib.measures.stream import cached_scores
    from h20lib.report.batch import default_notebooks, run_notebooks

    if not default_notebooks():
        raise InputError(
            config.NOTEBOOKS_DIR,
            "no figure notebooks (NN_*.ipynb) here; run h20lib figures from a checkout of the project",
        )
    output_dir = config.figures_folder(args.out, corpus=args.corpus)
    if output_dir.exists() and not output_dir.is_dir():
        raise InputError(output_dir, "is a file; --out names a folder for the figures")
    existing = next(folder for folder in (output_dir, *output_dir.parents) if folder.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK):
        raise InputError(output_dir, f"cannot be made or written: {existing} is not a writable folder")
    with _scoring_progress() as progress:  # scored once here, with every core, and read by every notebook
        cached_scores(args.corpus, progress=progress)
    result = run_notebooks(corpus=args.corpus, output_dir=output_dir, jobs=args.jobs, progress=_notebook_progress)
    for name in result.failed:
        print(f"h20lib: notebook failed: {result.errors[name]}", file=sys.stderr)
    print(
        f"{len(result.succeeded)} notebooks ran, {len(result.failed)} failed; index at {result.index_path}",
        file=sys.stderr,
    )
    return 0 if result.ok else 1


def _validate(args: argparse.Namespace) -> int:
    from h20lib.validate import format_report, validation_report

    print(format_report(validation_report(include_newsmtsc=not args.skip_newsmtsc)), end="")
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


class _Parser(argparse.ArgumentParser):
    """A usage error is one line, like every other error; the options are one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="h20lib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser(
        "score",
        help="write the scored sentence table (CSV or Parquet by extension); exit status 1 when a document was skipped",
    )
    score.add_argument(
        "--corpus", default=None, help="folder of .txt files or a .csv/.jsonl/.parquet table (default: the seeds)"
    )
    score.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file ending in .csv or .parquet, or a folder for a Parquet dataset (files of up to 500,000 rows)",
    )
    score.add_argument(
        "--jobs", type=_positive, default=None, help="worker processes scoring chunks of documents (default: all cores)"
    )
    score.add_argument(
        "--scheduler", default=None, help="score on the Dask cluster with this scheduler address (tcp://host:8786)"
    )
    score.set_defaults(run=_score)
    figures = commands.add_parser("figures", help="run every notebook with papermill and collect the figures")
    figures.add_argument("--corpus", default=None, help="corpus to analyse (default: the seeds)")
    figures.add_argument(
        "--out",
        default=None,
        help="output folder (default: figures/ of the project for the seeds, <corpus>_figures beside another corpus)",
    )
    figures.add_argument("--jobs", type=_positive, default=2, help="notebooks run in parallel (default 2)")
    figures.set_defaults(run=_figures)
    validate = commands.add_parser("validate", help="print agreement with the hand labels beside naive baselines")
    validate.add_argument(
        "--skip-newsmtsc", action="store_true", help="do not evaluate target sentiment on NewsMTSC dev"
    )
    validate.set_defaults(run=_validate)
    return parser


class Stopped(BaseException):
    """The run was stopped by SIGTERM. Like KeyboardInterrupt (Ctrl-C) it is no Exception, so that the handlers that
    keep one bad document from stopping a run (``except Exception``) do not swallow it."""


# The stops received. Python only reports an exception raised inside a finaliser (a __del__, a weakref callback)
# and goes on, so a stop that lands there would be lost; the runs check this list at each step and stop then.
_STOPS: list[int] = []


def _stop(signum: int, frame: object) -> None:
    _STOPS.append(signum)
    raise Stopped


def _interrupt(signum: int, frame: object) -> None:
    _STOPS.append(signum)
    raise KeyboardInterrupt


def _quiet_stops(unraisable: Any) -> None:
    """Python reports an exception it cannot raise (one from a finaliser or a fork hook) with a traceback; a stop
    is recorded in _STOPS and raised at the run's next step, so it needs no report."""
    if not isinstance(unraisable.exc_value, Stopped | KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def _raise_if_stopped() -> None:
    if _STOPS:
        raise KeyboardInterrupt if _STOPS[-1] == signal.SIGINT else Stopped


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so every cleanup (partial files, staging folders, worker pools) runs.
    previous = signal.signal(signal.SIGTERM, _stop)
    # Ctrl-C is recorded too, unless it is ignored (a job started with nohup or "&" from a script keeps it so).
    interrupt_recorded = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if interrupt_recorded:
        signal.signal(signal.SIGINT, _interrupt)
    _STOPS.clear()
    previous_hook, sys.unraisablehook = sys.unraisablehook, _quiet_stops
    try:
        return args.run(args)
    except (InputError, ParameterError) as error:
        print(f"h20lib: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a folder that cannot be made or written, a full disk: one line, not a traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"h20lib: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except (Stopped, KeyboardInterrupt):
        print("h20lib: stopped; nothing half-written was left behind", file=sys.stderr)
        return 130
    finally:
        sys.unraisablehook = previous_hook
        signal.signal(signal.SIGTERM, previous)
        if interrupt_recorded:
            signal.signal(signal.SIGINT, signal.default_int_handler)


if __name__ == "__main__":
    sys.exit(main())
