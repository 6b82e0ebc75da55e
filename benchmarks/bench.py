"""Benchmark h20lib's scoring against the naive loop a researcher would write, in one run on the same texts.

    python benchmarks/bench.py [--sizes 1000 10000] [--jobs 1 2] [--figures]

Builds synthetic corpora of news articles from the paragraphs of the real development articles (corpora/real:
headlines and body paragraphs drawn at random, with a fixed seed), then prints, per size:

- the naive loop, pysbd sentence splitting and ``TextBlob(s).sentiment`` per sentence, in sentences per CPU-second;
- h20lib's ``score`` (every measure) in sentences per CPU-second in this process, and the ratio of the two (both
  after their one-time start: the naive loop's imports, h20lib's imports and models, which are printed apart; the
  two take turns on slices of 50 articles, so the machine's slow and fast spells fall on both);
- ``h20lib score --jobs N`` as a command: wall time and peak memory of the process and its workers (PSS, which
  counts the pages forked workers share once, and RSS, which counts them once per process);
- the time per character of parsing one document of 50 KB and one of 5 MB (splitting must be linear);
- with ``--figures``, the wall time of ``h20lib figures`` on the corpus.

Nothing here is a test: the machines are shared, so timings vary from run to run. The README records a run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_ARTICLES = ROOT / "corpora" / "real"
GROUPS = {"us": "us_media", "cn": "chinese_state", "tp": "trade_press"}
# Reading /proc/PID/smaps_rollup of large processes costs CPU the measured run then lacks; memory changes slowly.
SAMPLE_SECONDS = 0.5


def real_paragraphs() -> tuple[list[str], dict[str, list[str]]]:
    """The first lines (as headlines) and the longer paragraphs of every real article, paragraphs by group."""
    headlines, paragraphs = [], {group: [] for group in GROUPS.values()}
    for path in sorted(REAL_ARTICLES.glob("*.txt")):
        group = GROUPS[path.name[:2]]
        blocks = [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
        headlines.append(blocks[0].splitlines()[0][:200])
        paragraphs[group] += [block for block in blocks[1:] if len(block) >= 120]
    return headlines, paragraphs


def synthetic_corpus(path: Path, n_articles: int, *, seed: int = 0) -> Path:
    """A JSONL corpus of ``n_articles``: each a headline and 6 to 14 paragraphs of one group's real articles."""
    rng = random.Random(seed)
    headlines, paragraphs = real_paragraphs()
    groups = sorted(paragraphs)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(n_articles):
            group = groups[number % len(groups)]
            body = rng.sample(paragraphs[group], rng.randint(6, 14))
            record = {
                "doc_id": f"a{number:06d}",
                "source_group": group,
                "outlet": f"{group} outlet {number % 7}",
                "published": f"2025-07-{1 + number % 28:02d}",
                "text": "\n\n".join([rng.choice(headlines), *body]),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def per_core_rates(corpus: Path, *, slice_articles: int = 50) -> tuple[int, float, int, float, float]:
    """Sentences and CPU seconds of the naive loop (pysbd splitting plus ``TextBlob(s).sentiment`` per sentence)
    and of h20lib (loading and scoring with every measure), in this process, on the same articles, and h20lib's
    one-time start (importing TextBlob and reading the models), timed apart as the naive loop's imports are.

    The two take turns, ``slice_articles`` articles at a time, so a slow or fast spell of a shared machine falls on
    both alike."""
    import pysbd
    from textblob import TextBlob

    from h20lib import load_corpus, score

    lines = corpus.read_text(encoding="utf-8").splitlines()
    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.process_time()
    score(load_corpus(_slice(corpus, lines[:1], "warm_up")))
    start_up = time.process_time() - started
    n_naive = n_h20 = 0
    cpu_naive = cpu_h20 = 0.0
    for first in range(0, len(lines), slice_articles):
        chunk = lines[first : first + slice_articles]
        texts = [json.loads(line)["text"] for line in chunk]
        path = _slice(corpus, chunk, f"slice_{first}")
        started = time.process_time()
        for text in texts:
            for sentence in segmenter.segment(text):
                TextBlob(sentence).sentiment  # noqa: B018 (computing it is the point)
                n_naive += 1
        cpu_naive += time.process_time() - started
        started = time.process_time()
        n_h20 += len(score(load_corpus(path)))
        cpu_h20 += time.process_time() - started
    return n_naive, cpu_naive, n_h20, cpu_h20, start_up


def _slice(corpus: Path, lines: list[str], name: str) -> Path:
    path = corpus.with_name(f"{name}.jsonl")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def parsing_seconds_per_million(sizes: tuple[int, ...] = (50_000, 5_000_000)) -> list[tuple[int, float]]:
    """(characters, CPU seconds per million characters) of parsing one document of each size (reading its structure,
    splitting its sentences, telling their language), built from the real articles' paragraphs: a linear parser
    takes the same time per character at every size."""
    from h20lib.parse.corpus import DocumentMeta, parse_document

    _, paragraphs = real_paragraphs()
    pool = [paragraph for group in sorted(paragraphs) for paragraph in paragraphs[group]]
    parse_document(pool[0], DocumentMeta(doc_id="warm-up"))  # the lexicons and models are read once, not timed
    results = []
    for size in sizes:
        rng, parts, length = random.Random(size), [], 0
        while length < size:
            parts.append(rng.choice(pool))
            length += len(parts[-1]) + 2
        text = "\n\n".join(parts)
        started = time.process_time()
        parse_document(text, DocumentMeta(doc_id=f"size{size}"))
        results.append((len(text), (time.process_time() - started) / len(text) * 1_000_000))
    return results


def _tree_memory_kib(pid: int) -> tuple[int, int]:
    """Resident (RSS) and proportional (PSS: shared pages split between the processes sharing them) memory of a
    process and all its descendants, in KiB (Linux /proc). Forked workers share the models they inherit, so RSS
    summed over the tree counts those pages once per process; PSS counts them once."""
    rss, pss, pending = 0, 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            pss += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return rss, pss


def run_measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, and peak RSS and PSS in MiB summed over the process tree (sampled every SAMPLE_SECONDS), of a
    command."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            rss, pss = _tree_memory_kib(process.pid)
            peaks[0], peaks[1] = max(peaks[0], rss), max(peaks[1], pss)
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {errors.strip().splitlines()[-1:]}")
    return time.monotonic() - started, peaks[0] / 1024, peaks[1] / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="articles per corpus")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts for h20lib score")
    parser.add_argument("--per-core-articles", type=int, default=1000, help="articles for the per-core comparison")
    parser.add_argument("--figures", action="store_true", help="also time h20lib figures on each corpus")
    args = parser.parse_args()
    executable = Path(sys.executable).parent / "h20lib"
    with tempfile.TemporaryDirectory(prefix="h20lib-bench-") as folder:
        work = Path(folder)
        sample = synthetic_corpus(work / "per_core.jsonl", args.per_core_articles)
        n_naive, cpu_naive, n_h20, cpu_h20, start_up = per_core_rates(sample)
        print(f"per core, {args.per_core_articles} articles:")
        print(f"  naive pysbd + TextBlob: {n_naive} sentences, {n_naive / cpu_naive:,.0f} sentences per CPU-second")
        print(f"  h20lib score:           {n_h20} sentences, {n_h20 / cpu_h20:,.0f} sentences per CPU-second")
        print(f"  ratio h20lib / naive:   {(n_h20 / cpu_h20) / (n_naive / cpu_naive):.2f}")
        print(f"  (h20lib's one-time start, importing TextBlob and reading its models: {start_up:.1f} CPU-seconds)")
        parsing = parsing_seconds_per_million()
        print("parsing one long document (splitting must be linear):")
        for characters, seconds in parsing:
            print(f"  {characters:,} characters: {seconds:.2f} CPU-seconds per million characters")
        print(f"  ratio longest / shortest: {parsing[-1][1] / parsing[0][1]:.2f}")
        for size in args.sizes:
            corpus = synthetic_corpus(work / f"corpus_{size}.jsonl", size)
            print(f"{size} articles:")
            walls = {}
            for jobs in args.jobs:
                output = work / f"scored_{size}_{jobs}.parquet"
                wall, rss, pss = run_measured(
                    [str(executable), "score", "--corpus", str(corpus), "-o", str(output), "--jobs", str(jobs)]
                )
                walls[jobs] = wall
                print(f"  h20lib score --jobs {jobs}: {wall:,.1f} s wall, peak {pss:,.0f} MiB PSS ({rss:,.0f} MiB RSS)")
            if 1 in walls and len(walls) > 1:
                for jobs, wall in walls.items():
                    if jobs != 1:
                        print(f"  wall time with {jobs} jobs / 1 job: {wall / walls[1]:.2f}")
            if args.figures:
                wall, rss, pss = run_measured(
                    [str(executable), "figures", "--corpus", str(corpus), "--out", str(work / f"figures_{size}")]
                )
                print(f"  h20lib figures: {wall:,.1f} s wall, peak {pss:,.0f} MiB PSS ({rss:,.0f} MiB RSS)")


if __name__ == "__main__":
    main()
