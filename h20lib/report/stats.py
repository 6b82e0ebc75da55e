"""Small statistics for the figures: bootstrap and Wilson intervals, term counts, log-odds of terms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from statistics import NormalDist

import numpy as np
import pandas as pd

from h20lib import resources

# Dotted abbreviations ("u.s.") first, then words of letters and digits ("h20"), joined by inner
# hyphens or apostrophes ("export-control", "didn't").
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s$")

_LOG_ODDS_DTYPES = {
    "term": "str",
    "group": "str",
    "delta": "float64",
    "variance": "float64",
    "z": "float64",
    "count": "int64",
}


def bootstrap_ci(
    values: Iterable[float],
    *,
    stat: Callable[[np.ndarray], float] = np.mean,
    n_resamples: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float, float]:
    """``(estimate, low, high)``: ``stat`` of the values and its percentile bootstrap interval.

    NaN values are dropped; an empty input gives three NaNs. ``stat`` takes a 1-D array.
    """
    data = np.asarray(list(values), dtype=float)
    data = data[~np.isnan(data)]
    if data.size == 0:
        return (np.nan, np.nan, np.nan)
    rng = np.random.default_rng(seed)
    resampled = np.array([stat(data[rng.integers(0, data.size, size=data.size)]) for _ in range(n_resamples)])
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(resampled, [tail, 1.0 - tail])
    return (float(stat(data)), float(low), float(high))


def document_share_ci(
    successes: Iterable[float],
    totals: Iterable[float],
    *,
    n_resamples: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float, float]:
    """``(share, low, high)``: the pooled share sum(successes) / sum(totals) over documents and its percentile
    bootstrap interval, resampling documents (one pair per document), so sentences of one document move together.

    Documents with a total of 0 are dropped; none left gives three NaNs."""
    pairs = np.array([(s, t) for s, t in zip(successes, totals) if t > 0], dtype=float).reshape(-1, 2)
    if pairs.size == 0:
        return (np.nan, np.nan, np.nan)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(pairs), size=(n_resamples, len(pairs)))
    sums = pairs[draws].sum(axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(sums[:, 0] / sums[:, 1], [tail, 1.0 - tail])
    return (float(pairs[:, 0].sum() / pairs[:, 1].sum()), float(low), float(high))


def document_mean_ci(
    values: pd.Series, documents: pd.Series, *, n_resamples: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """``(mean, low, high)``: the mean of sentence ``values`` and its percentile bootstrap interval resampling
    documents (the pooled mean is a document_share_ci of each document's sum over its count)."""
    by_document = pd.DataFrame({"value": values.to_numpy(dtype=float), "doc": documents.to_numpy()}).groupby("doc")
    return document_share_ci(
        by_document["value"].sum(), by_document["value"].count(), n_resamples=n_resamples, seed=seed
    )


def share_ci(successes: int, n: int, *, level: float = 0.95) -> tuple[float, float, float]:
    """``(share, low, high)``: the proportion ``successes / n`` and its Wilson score interval.

    ``n == 0`` gives three NaNs.
    """
    if not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n, got successes={successes}, n={n}")
    if n == 0:
        return (np.nan, np.nan, np.nan)
    z = NormalDist().inv_cdf(1.0 - (1.0 - level) / 2.0)
    share = successes / n
    denominator = 1.0 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half_width = z * np.sqrt(share * (1.0 - share) / n + z * z / (4 * n * n)) / denominator
    # At 0 and n the bound equals the share exactly; computed, it drifts by rounding error.
    low = 0.0 if successes == 0 else float(centre - half_width)
    high = 1.0 if successes == n else float(centre + half_width)
    return (share, low, high)


def log_odds_dirichlet(
    counts: pd.DataFrame,
    *,
    prior: pd.Series | None = None,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Log-odds ratio of each term in each group against all other groups, with informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
    Identifying the Content of Political Conflict", Political Analysis 16(4), 372-403, section 3.5.
    For term w, group i and the pooled other groups j, with prior pseudo-counts a_w summing to a0:
    delta = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w)),
    variance = 1 / (y_wi + a_w) + 1 / (y_wj + a_w), z = delta / sqrt(variance).

    ``counts`` has terms as index and groups as columns. ``prior`` holds positive pseudo-counts per
    term (default: the pooled counts); it is scaled to sum to ``alpha0`` (default: its own total).
    Terms never counted are dropped. Rows come sorted by group, then z descending, then term.
    """
    if counts.shape[1] < 2:
        raise ValueError("log-odds need at least two groups")
    counts = counts.loc[counts.sum(axis=1) > 0]
    if counts.empty:
        return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in _LOG_ODDS_DTYPES.items()})
    pooled = counts.sum(axis=1).astype(float)
    weights = pooled if prior is None else prior.reindex(counts.index).astype(float)
    if weights.isna().any() or (weights <= 0).any():
        raise ValueError("the prior needs a positive pseudo-count for every counted term")
    total_prior = float(weights.sum()) if alpha0 is None else float(alpha0)
    alpha = weights * (total_prior / weights.sum())
    frames = []
    for group in counts.columns:
        inside = counts[group].astype(float)
        outside = pooled - inside
        log_odds_in = np.log((inside + alpha) / (inside.sum() + total_prior - inside - alpha))
        log_odds_out = np.log((outside + alpha) / (outside.sum() + total_prior - outside - alpha))
        delta = log_odds_in - log_odds_out
        variance = 1.0 / (inside + alpha) + 1.0 / (outside + alpha)
        frames.append(
            pd.DataFrame(
                {
                    "term": counts.index.astype(str),
                    "group": str(group),
                    "delta": delta.to_numpy(),
                    "variance": variance.to_numpy(),
                    "z": (delta / np.sqrt(variance)).to_numpy(),
                    "count": counts[group].to_numpy(dtype="int64"),
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    return table.reset_index(drop=True)[list(_LOG_ODDS_DTYPES)]


def english_stopwords() -> frozenset[str]:
    """The package's English function words (h20lib/data/lexicons/stopwords_en.txt)."""
    return resources.word_list("stopwords_en.txt")


def _runs(text: str, *, stopwords: frozenset[str]) -> list[list[str]]:
    """Stretches of non-stopword tokens separated only by white space (no punctuation, no stopword)."""
    lowered = text.lower()
    runs: list[list[str]] = [[]]
    previous_end = 0
    for match in _TOKEN.finditer(lowered):
        token = _POSSESSIVE.sub("", match.group().replace("’", "'"))  # "China’s" counts as "china"
        if token in stopwords or lowered[previous_end : match.start()].strip():
            runs.append([])
        if token not in stopwords:
            runs[-1].append(token)
        previous_end = match.end()
    return [run for run in runs if run]


def ngrams(
    text: str,
    *,
    ngram_range: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | None = None,
) -> list[str]:
    """The n-grams of a text, joined by spaces; none spans a stopword or punctuation."""
    lowest, highest = ngram_range
    if not 1 <= lowest <= highest:
        raise ValueError(f"bad ngram_range {ngram_range}")
    stop = english_stopwords() if stopwords is None else frozenset(stopwords)
    grams: list[str] = []
    for run in _runs(text, stopwords=stop):
        for size in range(lowest, highest + 1):
            grams.extend(" ".join(run[start : start + size]) for start in range(len(run) - size + 1))
    return grams


def term_counts(
    texts_by_group: Mapping[str, Iterable[str]],
    *,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 2,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Counts of n-grams per group: terms as index (sorted), groups as columns (sorted), int64.

    Terms counted fewer than ``min_count`` times over all groups are left out.
    """
    stop = english_stopwords() if stopwords is None else frozenset(stopwords)
    groups = sorted(texts_by_group)
    counters = {
        group: Counter(
            gram for text in texts_by_group[group] for gram in ngrams(text, ngram_range=ngram_range, stopwords=stop)
        )
        for group in groups
    }
    table = pd.DataFrame(counters, columns=groups).fillna(0).astype("int64")
    table = table.loc[table.sum(axis=1) >= min_count].sort_index()
    table.index = table.index.astype(str)
    table.index.name = "term"
    return table
