"""The h20lib command line: score a corpus, validate the measures, regenerate the figures."""
from __future__ import annotations

import argparse
import sys

from h20lib.errors import InputError


def _score(args: argparse.Namespace) -> int:
    from h20lib.corpus import load_corpus
    from h20lib.output import write_table
    from h20lib.scoring import score

    corpus = load_corpus(args.corpus)
    for reason in corpus.skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    table = score(corpus)
    write_table(table, args.output)
    print(f"wrote {len(table)} sentences from {len(corpus.documents)} documents to {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="h20lib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="write the scored sentence table (CSV or Parquet by extension)")
    score.add_argument("--corpus", default=None, help="folder of .txt files or a .csv/.jsonl/.parquet table (default: the seeds)")
    score.add_argument("-o", "--output", required=True, help="output file ending in .csv or .parquet")
    score.set_defaults(run=_score)
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
