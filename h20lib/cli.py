"""The h20lib command line: score a corpus, validate the measures, regenerate the figures."""

from __future__ import annotations

import argparse
import sys

from h20lib.config import figures_folder
from h20lib.errors import InputError


def _score(args: argparse.Namespace) -> int:
    from h20lib.measures.scoring import score
    from h20lib.parse.corpus import load_corpus
    from h20lib.report.output import write_table

    corpus = load_corpus(args.corpus)
    for skip in corpus.skipped:
        print(f"h20lib: skipped {skip}", file=sys.stderr)
    table = score(corpus)  # names on stderr any document it cannot score
    write_table(table, args.output)
    skipped = f"; {len(corpus.skipped)} skipped" if corpus.skipped else ""
    print(
        f"wrote {len(table)} sentences from {table['doc_id'].nunique()} documents to {args.output}{skipped}",
        file=sys.stderr,
    )
    return 1 if corpus.skipped else 0


def _figures(args: argparse.Namespace) -> int:
    from h20lib.parse.corpus import load_corpus
    from h20lib.report.batch import run_notebooks

    if args.corpus is not None:
        load_corpus(args.corpus)  # fail fast, with a one-line error, before starting any kernel
    output_dir = figures_folder(args.out, corpus=args.corpus)
    result = run_notebooks(corpus=args.corpus, output_dir=output_dir, jobs=args.jobs)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="h20lib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser(
        "score",
        help="write the scored sentence table (CSV or Parquet by extension); exit status 1 when a document was skipped",
    )
    score.add_argument(
        "--corpus", default=None, help="folder of .txt files or a .csv/.jsonl/.parquet table (default: the seeds)"
    )
    score.add_argument("-o", "--output", required=True, help="output file ending in .csv or .parquet")
    score.set_defaults(run=_score)
    figures = commands.add_parser("figures", help="run every notebook with papermill and collect the figures")
    figures.add_argument("--corpus", default=None, help="corpus to analyse (default: the seeds)")
    figures.add_argument(
        "--out",
        default=None,
        help="output folder (default: figures/ of the project for the seeds, <corpus>_figures beside another corpus)",
    )
    figures.add_argument("--jobs", type=int, default=2, help="notebooks run in parallel (default 2)")
    figures.set_defaults(run=_figures)
    validate = commands.add_parser("validate", help="print agreement with the hand labels beside naive baselines")
    validate.add_argument(
        "--skip-newsmtsc", action="store_true", help="do not evaluate target sentiment on NewsMTSC dev"
    )
    validate.set_defaults(run=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"h20lib: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
