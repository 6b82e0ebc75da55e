"""Actor portrayal: the sentiment a sentence expresses towards one mention (target-dependent sentiment).

A multinomial logistic regression over explainable features (words left and right of the mention, target-masked
n-grams, VADER valences by side and distance, negation, quotation). Weights are trained by
``python -m h20lib.train.portrayal`` on NewsMTSC and shipped as plain JSON; inference is pure Python.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from functools import cache
from importlib import resources as package_files

from h20lib import config, resources
from h20lib.measures.linear import label_scores

LABELS = ("negative", "neutral", "positive")
POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SPLIT_FILES = {
    "train": ("train.jsonl",),
    "rw-dev": ("newsmtsc-rw-dev.jsonl",),
    "mt-dev": ("newsmtsc-mt-dev.jsonl",),
    "dev": ("newsmtsc-rw-dev.jsonl", "newsmtsc-mt-dev.jsonl"),
}
MODEL_FILE = "portrayal_model.json"
TARGET = "<T>"
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it", "his", "its", "their", "i", "we", "you"})
QUOTE_MARKS = frozenset({'"', "“", "”"})
SENTENCE_OPENERS = frozenset({"but", "and", "yet", "so"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "-", "but", "while", "whereas", "although", "though"})

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[^\sA-Za-z0-9]")
_NEGATION_WINDOW = 3
_DISTANCE_BUCKETS = ((1, "1"), (3, "2-3"), (6, "4-6"))


@cache
def _vader_data() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's word valences (-4..4) and its negation words, read from the installed vaderSentiment package."""
    from vaderSentiment.vaderSentiment import NEGATE

    text = package_files.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            lexicon[parts[0].lower()] = float(parts[1])
    negations = frozenset(w.replace("'", "") for w in NEGATE) | frozenset(NEGATE) | {"no", "not", "never", "without"}
    return lexicon, negations


def tokenize(sentence: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens with character offsets; curly apostrophes become straight ones."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN_RE.finditer(sentence)]


def _check_span(sentence: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"target span [{start}, {end}) outside sentence of length {len(sentence)}")


def _bucket(distance: int) -> str:
    for limit, name in _DISTANCE_BUCKETS:
        if distance <= limit:
            return name
    return "far"


def _valence(tokens: list[str], i: int) -> float:
    """VADER valence of token i, flipped when one of the preceding tokens negates it."""
    lexicon, negations = _vader_data()
    value = lexicon.get(tokens[i], 0.0)
    if value and any(t in negations for t in tokens[max(0, i - _NEGATION_WINDOW) : i]):
        value = -0.74 * value
    return value / 4.0


def _inside_quotes(tokens: list[str], first: int) -> bool:
    return sum(t in QUOTE_MARKS for t in tokens[:first]) % 2 == 1


def featurize(sentence: str, start: int, end: int, *, window: int = 6) -> dict[str, float]:
    """Named feature values for the mention ``sentence[start:end]``."""
    _check_span(sentence, start, end)
    vader_lexicon, negations = _vader_data()
    spans = tokenize(sentence)
    inside = [i for i, (_, s, e) in enumerate(spans) if s < end and e > start]
    words = [t for t, _, _ in spans]
    first = inside[0] if inside else sum(e <= start for _, _, e in spans)
    last = inside[-1] if inside else first - 1
    left = words[:first]
    right = words[last + 1 :]
    masked = [*left, TARGET, *right]
    t_index = len(left)
    feats: dict[str, float] = {}

    for token in set(left + right):
        feats[f"word:{token}"] = 1.0
    for a, b in itertools.pairwise(masked):
        feats[f"bigram:{a} {b}"] = 1.0
    for d, token in enumerate(reversed(left[-window:]), start=1):
        feats[f"left{_bucket(d)}:{token}"] = 1.0
    for d, token in enumerate(right[:window], start=1):
        feats[f"right{_bucket(d)}:{token}"] = 1.0

    clause_lo = t_index
    while clause_lo > 0 and masked[clause_lo - 1] not in CLAUSE_BREAKS:
        clause_lo -= 1
    clause_hi = t_index
    while clause_hi < len(masked) - 1 and masked[clause_hi + 1] not in CLAUSE_BREAKS:
        clause_hi += 1
    sums = {"vader_left": 0.0, "vader_right": 0.0, "vader_near": 0.0, "vader_clause": 0.0, "vader_other_clauses": 0.0}
    for i, token in enumerate(masked):
        if i == t_index or token not in vader_lexicon:
            continue
        value = _valence(masked, i)
        distance = abs(i - t_index)
        sums["vader_left" if i < t_index else "vader_right"] += value / math.sqrt(distance)
        if distance <= window:
            sums["vader_near"] += value
        sums["vader_clause" if clause_lo <= i <= clause_hi else "vader_other_clauses"] += value
        if distance <= window and value:
            feats["near_negative" if value < 0 else "near_positive"] = 1.0
    for token in set(masked[clause_lo : clause_hi + 1]) - {TARGET}:
        feats[f"clause:{token}"] = 1.0
    for name, value in sums.items():
        if value:
            feats[f"{name}+" if value > 0 else f"{name}-"] = min(abs(value), 2.0)
    if any(t in negations for t in masked[clause_lo : clause_hi + 1]):
        feats["negation_in_clause"] = 1.0

    mention = words[first : last + 1]
    if len(mention) == 1 and mention[0] in PRONOUNS:
        feats["mention_pronoun"] = 1.0
    if first == 0 or (first == 1 and left[0] in SENTENCE_OPENERS):
        feats["mention_sentence_start"] = 1.0
    if _inside_quotes(words, first):
        feats["mention_inside_quote"] = 1.0
    if any(t in QUOTE_MARKS for t in words):
        feats["sentence_has_quote"] = 1.0
    return feats


def load_model() -> dict:
    """The shipped weights: {"labels", "window", "intercept", "weights": {feature: [w per label]}, ...}."""
    return resources.model(MODEL_FILE)


def target_sentiment(sentence: str, start: int, end: int) -> str:
    """ "positive", "neutral" or "negative": how the sentence portrays the mention ``sentence[start:end]``."""
    model = load_model()
    scores = label_scores(featurize(sentence, start, end, window=model["window"]), model)
    return model["labels"][scores.index(max(scores))]


def target_sentiment_batch(items: list[tuple[str, int, int]]) -> list[str]:
    """``target_sentiment`` for many (sentence, start, end) triples."""
    model = load_model()
    labels, window = model["labels"], model["window"]
    out = []
    for sentence, start, end in items:
        scores = label_scores(featurize(sentence, start, end, window=window), model)
        out.append(labels[scores.index(max(scores))])
    return out


def explain_target_sentiment(sentence: str, start: int, end: int, *, top: int = 10) -> list[tuple[str, float]]:
    """The features that pushed hardest towards the predicted label, as (feature, contribution), strongest first.

    A contribution is value * (weight for the predicted label - mean weight of the other labels); negative
    contributions are cues that argued against the prediction.
    """
    model = load_model()
    feats = featurize(sentence, start, end, window=model["window"])
    scores = label_scores(feats, model)
    k = scores.index(max(scores))
    others = [j for j in range(len(scores)) if j != k]
    contributions = []
    for name, value in feats.items():
        w = model["weights"].get(name)
        if w is not None:
            c = value * (w[k] - sum(w[j] for j in others) / len(others))
            if c:
                contributions.append((name, round(c, 4)))
    contributions.sort(key=lambda item: (-abs(item[1]), item[0]))
    return contributions[:top]


def load_newsmtsc(split: str) -> list[tuple[str, int, int, str]]:
    """(sentence, start, end, label) for every annotated target of a NewsMTSC split (train, rw-dev, mt-dev, dev)."""
    if split not in SPLIT_FILES:
        raise ValueError(f"unknown NewsMTSC split {split!r}; expected one of {sorted(SPLIT_FILES)}")
    rows = []
    for name in SPLIT_FILES[split]:
        path = config.NEWSMTSC_DIR / name
        if not path.is_file():
            raise FileNotFoundError(
                f"NewsMTSC file {path} not found; the dataset lives outside the repository "
                f"(config.NEWSMTSC_DIR = {config.NEWSMTSC_DIR})"
            )
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                sentence = record["sentence_normalized"]
                for target in record["targets"]:
                    rows.append((sentence, target["from"], target["to"], POLARITY_LABELS[target["polarity"]]))
    return rows


def classification_report(gold: list[str], predicted: list[str]) -> dict:
    """Macro-F1 (percent), per-label precision/recall/F1 (percent) and support, and a gold x predicted table."""
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    per_class, f1s = {}, []
    for label in LABELS:
        tp = confusion[label][label]
        n_pred = sum(confusion[g][label] for g in LABELS)
        n_gold = sum(confusion[label].values())
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_class[label] = {
            "precision": round(100 * precision, 1),
            "recall": round(100 * recall, 1),
            "f1": round(100 * f1, 1),
            "support": n_gold,
        }
    macro = 100 * sum(f1s) / len(LABELS)
    accuracy = sum(confusion[label][label] for label in LABELS) / len(gold) if gold else 0.0
    return {
        "macro_f1": round(macro, 1),
        "accuracy": round(100 * accuracy, 1),
        "per_class": per_class,
        "confusion": confusion,
    }


def textblob_label(sentence: str) -> str:
    """Baseline: the sign of TextBlob's sentence polarity, whatever the target (0 -> neutral)."""
    from textblob import TextBlob

    polarity = TextBlob(sentence).sentiment.polarity
    return "positive" if polarity > 0 else "negative" if polarity < 0 else "neutral"


def evaluate_newsmtsc(split: str = "dev") -> dict:
    """Model and TextBlob-baseline scores on a NewsMTSC split; FileNotFoundError when the data is absent."""
    rows = load_newsmtsc(split)
    gold = [label for _, _, _, label in rows]
    predicted = target_sentiment_batch([(s, a, b) for s, a, b, _ in rows])
    report = classification_report(gold, predicted)
    baseline = classification_report(gold, [textblob_label(s) for s, _, _, _ in rows])
    return {
        "split": split,
        "n": len(rows),
        **report,
        "baseline_textblob": {"macro_f1": baseline["macro_f1"], "accuracy": baseline["accuracy"]},
    }
