"""Stance toward the two codebook targets: a linear model over features that can be shown as evidence.

Targets (codebook.toml): ``approval`` (the July 2025 decision to let NVIDIA resume H20 sales to China) and
``controls`` (US export controls on chips to China). Sentiment is not stance: the model is trained on sentences
labelled for stance, where warm or harsh wording about anything else is "none".

Features of a sentence: the named cues of stance_cues.toml (signed, reversed by a negation before them), evaluation
words near a phrase naming a target (evaluation_lexicon.toml), whether the sentence names each target, its words and
word pairs with the scope of a negation marked, and its Chinese characters and character pairs.

Two questions per target, each a logistic regression trained by ``python -m h20lib.train.stance`` on the hand-labelled
real articles and the written training sentences and shipped as JSON weights: does the sentence take any stance on
the target (``P(any)``, calibrated on real text), and if so which way (``P(favor | any)``). A stance is labelled when
``P(any)`` reaches the target's ``min_probability``; where training found that it helps, explicit cues strong enough to
decide alone come first. The score is P(favor) - P(against) = P(any) x (2 P(favor | any) - 1): near 0 when unsure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

import numpy as np

from h20lib import resources
from h20lib.measures.features import Feature, Words, add_spans, sentence_words
from h20lib.measures.linear import StackedWeights, softmax, summed
from h20lib.patterns import PatternSet
from h20lib.rows import ScoredRow

TARGETS = ("approval", "controls")
LABELS = ("favor", "against", "none")
MODEL_FILE = "stance_model.json"
EVIDENCE_SHOWN = 5  # cues or model features listed in ``stance_*_cues``: the strongest for the label
# |tanh(summed cue weights)| at or above which explicit cues decide alone: one full-weight cue (tanh(1) = 0.76) or a
# half-weight one (tanh(0.5) = 0.46) with nothing against it.
CUE_THRESHOLD = 0.4
_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|hardly)\b(?:\s+\S+){0,3}\s*$|n[’']t\s+(?:\S+\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    weights: dict[str, float]
    negatable: bool


@dataclass(frozen=True)
class Evidence:
    target: str
    cue: str
    matched: str
    start: int
    end: int
    weight: float


@cache
def cues() -> tuple[Cue, ...]:
    """The stance cues of stance_cues.toml, anchors filled in, compiled."""
    data = resources.lexicon("stance_cues.toml")
    anchors = data["anchors"]
    cues = []
    for entry in data["cue"]:
        pattern = entry["pattern"]
        for name, value in anchors.items():
            pattern = pattern.replace("{" + name + "}", value)
        weights = {target: float(entry[target]) for target in TARGETS if entry.get(target)}
        cues.append(Cue(entry["name"], re.compile(pattern, re.IGNORECASE), weights, bool(entry.get("negatable"))))
    return tuple(cues)


@cache
def _cue_screen() -> PatternSet:
    return PatternSet([cue.pattern.pattern for cue in cues()], shared="sentence")


@dataclass(frozen=True)
class _Evaluation:
    """evaluation_lexicon.toml: phrases naming each target, evaluation words, and negation."""

    anchors: dict[str, re.Pattern[str]]
    valence: dict[str, float]
    window_words: int
    negators: frozenset[str]
    negation_scope: int

    anchor_screen: PatternSet  # the anchors in TARGETS order

    def anchor_matches(self, text: str, target: str) -> Iterator[re.Match[str]]:
        """The phrases of ``text`` naming ``target``, searched only where the strings they need are present."""
        if TARGETS.index(target) in self.anchor_screen.candidates(text):
            yield from self.anchors[target].finditer(text)


@cache
def _evaluation() -> _Evaluation:
    lexicon = resources.lexicon("evaluation_lexicon.toml")
    return _Evaluation(
        anchors={target: re.compile(pattern, re.IGNORECASE) for target, pattern in lexicon["anchors"].items()},
        anchor_screen=PatternSet([lexicon["anchors"][target] for target in TARGETS], shared="sentence"),
        valence={word: 1.0 for word in lexicon["words"]["positive"].split()}
        | {word: -1.0 for word in lexicon["words"]["negative"].split()},
        window_words=int(lexicon["window_words"]),
        negators=frozenset(lexicon["negation"]["words"].split()),
        negation_scope=int(lexicon["negation"]["scope_words"]),
    )


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_END = re.compile(r"[;:.!?]|,\s+(?:but|while|whereas|although)\b")


def _anchored_evaluation(text: str, target: str) -> list[Evidence]:
    """Evaluation words within a few words of a phrase naming ``target``, in the same clause."""
    found = []
    evaluation = _evaluation()
    for anchor in evaluation.anchor_matches(text, target):
        left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, anchor.start())), default=0)
        right = next((m.start() for m in _CLAUSE_END.finditer(text, anchor.end())), len(text))
        before = list(_TOKEN.finditer(text, left, anchor.start()))[-evaluation.window_words :]
        after = list(_TOKEN.finditer(text, anchor.end(), right))[: evaluation.window_words]
        for token in before + after:
            valence = evaluation.valence.get(token.group().lower())
            if valence is None:
                continue
            if _NEGATION.search(text, left, token.start()):
                valence = -valence
            found.append(
                Evidence(
                    target,
                    f"evaluation_near_{target}",
                    f"{anchor.group()} ~ {token.group()}",
                    token.start(),
                    token.end(),
                    valence,
                )
            )
    return found


def cue_evidence(text: str) -> list[Evidence]:
    """Every stance cue in ``text`` and every evaluation word near a target phrase, with its signed weight."""
    found = []
    all_cues = cues()
    for index in _cue_screen().candidates(text):
        cue = all_cues[index]
        for match in cue.pattern.finditer(text):
            sign = -1.0 if cue.negatable and _NEGATION.search(text, 0, match.start()) else 1.0
            for target, weight in cue.weights.items():
                found.append(Evidence(target, cue.name, match.group(), match.start(), match.end(), sign * weight))
    for target in TARGETS:
        found.extend(_anchored_evaluation(text, target))
    return sorted(found, key=lambda e: (e.start, e.target, e.cue))


def _add(feats: dict[str, Feature], name: str, value: float, start: int, end: int) -> None:
    old = feats.get(name)
    feats[name] = Feature(value, start, end) if old is None else Feature(old.value + value, old.start, old.end)


def words_of(text: str) -> Words:
    """The word features of ``text``, negation marked as evaluation_lexicon.toml says (the frame models read the
    same words unmarked, so scoring finds them once for both)."""
    evaluation = _evaluation()
    return sentence_words(text, negators=evaluation.negators, negation_scope=evaluation.negation_scope)


def _features(text: str, evidence: list[Evidence], *, words: Words | None = None) -> dict[str, Feature]:
    feats: dict[str, Feature] = {}
    totals = dict.fromkeys(TARGETS, 0.0)
    spans: dict[str, tuple[int, int]] = {}
    for item in evidence:
        direction = "+" if item.weight > 0 else "-"
        _add(feats, f"cue:{item.cue}>{item.target}{direction}", abs(item.weight), item.start, item.end)
        totals[item.target] += item.weight
        start, end = spans.get(item.target, (item.start, item.end))
        spans[item.target] = (min(start, item.start), max(end, item.end))
    for target in TARGETS:
        if totals[target]:
            direction = "+" if totals[target] > 0 else "-"
            feats[f"cue_total>{target}{direction}"] = Feature(abs(math.tanh(totals[target])), *spans[target])
        anchor = next(_evaluation().anchor_matches(text, target), None)
        if anchor:
            feats[f"names_target>{target}"] = Feature(1.0, anchor.start(), anchor.end())
    words = words if words is not None else words_of(text)
    add_spans(feats, words.marked)
    add_spans(feats, words.chinese)
    return feats


def featurize(text: str) -> dict[str, Feature]:
    """Named features of a sentence, all non-negative, with where each was found (offsets into ``text``). A cue's
    feature name ends in "+" or "-": the direction of its weight in stance_cues.toml, after negation."""
    return _features(text, cue_evidence(text))


def feature_values(text: str) -> dict[str, float]:
    return {name: feature.value for name, feature in featurize(text).items()}


def _explicit(item: Evidence, target: str) -> bool:
    """A cue of stance_cues.toml on ``target``, not an evaluation word near a target phrase."""
    return item.target == target and not item.cue.startswith("evaluation_near_")


def cue_score(evidence: list[Evidence], *, target: str) -> float:
    """tanh of the summed weights of the explicit stance cues on ``target``."""
    return math.tanh(sum(e.weight for e in evidence if _explicit(e, target)))


def cue_label(score: float) -> str:
    """The label the explicit cues decide on their own, "none" when they are too weak to decide."""
    return "favor" if score >= CUE_THRESHOLD else "against" if score <= -CUE_THRESHOLD else "none"


def _target_model(target: str) -> dict:
    return resources.model(MODEL_FILE)["targets"][target]


_MODEL_PARTS = ("any", "direction")


@cache
def _stacked_models() -> tuple[StackedWeights, list[tuple[str, str, int, int]]]:
    """The four linear models (per target, "any" and "direction") side by side: per feature one weight per label of
    every model (0 where a model lacks the feature), so a sentence's features are looked up once for all four.
    Returns the weights and each model's (target, part, first slot, number of labels)."""
    slots: list[tuple[str, str, int, int]] = []
    intercepts: list[float] = []
    for target in TARGETS:
        for part in _MODEL_PARTS:
            model = _target_model(target)[part]
            slots.append((target, part, len(intercepts), len(model["labels"])))
            intercepts += model["intercept"]
    weights: dict[str, list[float]] = {}
    for target, part, first, n_labels in slots:
        for name, w in _target_model(target)[part]["weights"].items():
            weights.setdefault(name, [0.0] * len(intercepts))[first : first + n_labels] = w
    return StackedWeights(intercepts, weights), slots


def all_target_probabilities(feats: Mapping[str, Feature]) -> dict[str, dict[str, float]]:
    """Per target, P(any stance), P(favor | any) and, from them, P(favor), P(against) and P(none) of a sentence's
    features (the same sums as each model's own :func:`h20lib.measures.linear.label_scores`, in one pass)."""
    return _target_probabilities(_stacked_models()[0].sums(feats))


def _target_probabilities(scores: list[float]) -> dict[str, dict[str, float]]:
    """:func:`all_target_probabilities` of the stacked models' label scores."""
    chosen = {}
    for target, part, first, n_labels in _stacked_models()[1]:
        labels = _target_model(target)[part]["labels"]
        wanted = "stance" if part == "any" else "favor"
        chosen[(target, part)] = softmax(scores[first : first + n_labels])[labels.index(wanted)]
    result = {}
    for target in TARGETS:
        any_stance, favor_if_any = chosen[(target, "any")], chosen[(target, "direction")]
        result[target] = {
            "any": any_stance,
            "favor_if_any": favor_if_any,
            "favor": any_stance * favor_if_any,
            "against": any_stance * (1 - favor_if_any),
            "none": 1 - any_stance,
        }
    return result


def model_label(probabilities: dict[str, float], *, min_probability: float) -> str:
    """The likelier direction when P(any stance) reaches ``min_probability``, else none."""
    if probabilities["any"] < min_probability:
        return "none"
    return "favor" if probabilities["favor_if_any"] >= 0.5 else "against"


def _direction_pushes(weights: np.ndarray, values: np.ndarray, target: str) -> np.ndarray:
    """Each feature's push towards favor (+) or against (-) in ``target``'s direction model: value x (favor weight -
    against weight), of the stacked weights and values of :meth:`StackedWeights.weights_of` (intercepts left out)."""
    labels = _target_model(target)["direction"]["labels"]
    (first,) = [
        first for slot_target, part, first, _ in _stacked_models()[1] if (slot_target, part) == (target, "direction")
    ]
    favor, against = first + labels.index("favor"), first + labels.index("against")
    return values[1:] * (weights[1:, favor] - weights[1:, against])


def _pushes(
    text: str,
    feats: dict[str, Feature],
    names: list[str],
    pushes: np.ndarray,
    target: str,
    *,
    direction: float = 0.0,
    limit: int | None = None,
) -> list[Evidence]:
    """The features of ``names`` with their ``pushes``, strongest first; with ``direction`` (+1 or -1) only the
    pushes that way, and the first ``limit``."""
    chosen = np.flatnonzero(pushes * direction > 0 if direction else pushes != 0)
    if limit is not None and len(chosen) > limit:
        # Pushes are ranked by size as rounded to 4 decimals: none rounding below the limit-th largest can be
        # shown, and none below this floor rounds as high.
        sizes = np.abs(pushes[chosen])
        floor = round(float(np.partition(sizes, -limit)[-limit]), 4) - 0.0001
        chosen = chosen[sizes >= floor]
    ranked = []
    for index, push in zip(chosen.tolist(), pushes[chosen].tolist()):
        shown = round(push, 4)
        if not direction or shown * direction > 0:  # rounding keeps a push's sign or makes it 0
            feature = feats[names[index]]
            ranked.append((-abs(shown), feature.start, names[index], shown, feature))
    ranked.sort()
    return [
        Evidence(target, name, text[feature.start : feature.end], feature.start, feature.end, weight)
        for _, _, name, weight, feature in ranked[:limit]
    ]


def _decide(
    text: str, *, none_evidence: bool = True, limit: int | None = None, words: Words | None = None
) -> dict[str, tuple[float, str, str, list[Evidence]]]:
    """Per target: (score, label, "cues" or "model", the evidence that decided it, strongest first: of a model's
    label, the first ``limit`` features). The evidence of a model's "none" is gathered only when ``none_evidence``
    (scoring shows none, ``explain`` does)."""
    evidence = cue_evidence(text)
    feats = _features(text, evidence, words=words)
    names, weights, values = _stacked_models()[0].weights_of(feats)
    all_probabilities = _target_probabilities(summed(weights, values))
    decided = {}
    for target in TARGETS:
        model = _target_model(target)
        score = cue_score(evidence, target=target)
        label = cue_label(score)
        if model["cues_decide"] and label != "none":
            explicit = [e for e in evidence if _explicit(e, target) and e.weight * score > 0]
            decided[target] = (score, label, "cues", explicit)
            continue
        probabilities = all_probabilities[target]
        label = model_label(probabilities, min_probability=model["min_probability"])
        score = probabilities["favor"] - probabilities["against"]
        if label == "none" and not none_evidence:
            decided[target] = (score, "none", "model", [])
            continue
        direction = {"favor": 1.0, "against": -1.0, "none": 0.0}[label]
        pushes = _pushes(
            text, feats, names, _direction_pushes(weights, values, target), target, direction=direction, limit=limit
        )
        decided[target] = (score, label, "model", pushes)
    return decided


def any_stance_evidence(text: str) -> list[Evidence]:
    """For both targets, each feature the "any stance" model weighs, with its push towards a stance (+) or towards
    none (-) in log-odds, strongest first."""
    feats = featurize(text)
    found = []
    for target in TARGETS:
        model = _target_model(target)["any"]
        stance, none = model["labels"].index("stance"), model["labels"].index("none")
        for name, feature in feats.items():
            w = model["weights"].get(name)
            if w is not None and feature.value and w[stance] != w[none]:
                push = round(feature.value * (w[stance] - w[none]), 4)
                found.append(
                    Evidence(target, name, text[feature.start : feature.end], feature.start, feature.end, push)
                )
    return sorted(found, key=lambda e: (e.target, -abs(e.weight), e.start, e.cue))


def stance_probabilities(text: str) -> dict[str, dict[str, float]]:
    """Per target, the model's P(any stance), P(favor | any), P(favor), P(against) and P(none) for ``text``."""
    return all_target_probabilities(featurize(text))


def stance_evidence(text: str) -> list[Evidence]:
    """For both targets, what decided the label: the explicit cues when they decide it, otherwise every feature
    the model weighs with its push towards favor (+) or against (-), strongest first."""
    return [item for _, _, _, evidence in _decide(text).values() for item in evidence]


def score_stance(text: str, *, words: Words | None = None) -> dict[str, float | str | tuple[str, ...]]:
    """Per target: score in [-1, 1], label, and the cues or model features that decided the label (empty for none).

    Where training chose it for the target, explicit cues of stance_cues.toml decide first: tanh of their summed
    weights is the score, and a score of at least CUE_THRESHOLD in size is a stance. Otherwise the models label a
    stance when P(any) reaches ``min_probability`` (chosen in training), and the score is P(favor) - P(against).
    """
    result: dict[str, float | str | tuple[str, ...]] = {}
    for target, (score, label, method, evidence) in _decide(
        text, none_evidence=False, limit=EVIDENCE_SHOWN, words=words
    ).items():
        shown = evidence[:EVIDENCE_SHOWN] if label != "none" else []
        prefix = "model " if method == "model" else ""
        result[f"stance_{target}"] = score
        result[f"stance_{target}_label"] = label
        result[f"stance_{target}_cues"] = tuple(f"{prefix}{e.cue}:{e.matched}" for e in shown)
    return result


# The columns of a sentence that is not coded for stance (not a headline or body sentence), in score_stance's order.
NO_STANCE: dict[str, float | str | tuple[str, ...]] = {
    key: value
    for target in TARGETS
    for key, value in ((f"stance_{target}", 0.0), (f"stance_{target}_label", "none"), (f"stance_{target}_cues", ()))
}


CONTINUED_STATEMENT_CUE = "continues_previous_statement"  # the cue of a stance carried from the statement continued


def carry_reported_stance(rows: list[ScoredRow]) -> None:
    """A sentence that continues someone's reported statement (speaker_cue "continued ...") and takes no stance
    of its own carries the stance of the sentence it continues. Changes ``rows`` in place, in order."""
    previous: dict[str, Any] | None = None
    for scored in rows:
        row = cast(dict[str, Any], scored)  # the stance columns are named by target: "stance_<target>_label"
        if (
            previous is not None
            and row.get("speaker_cue", "").startswith("continued")
            and row["speaker"] == previous["speaker"]
        ):
            for target in TARGETS:
                if row[f"stance_{target}_label"] == "none" and previous[f"stance_{target}_label"] != "none":
                    row[f"stance_{target}"] = previous[f"stance_{target}"]
                    row[f"stance_{target}_label"] = previous[f"stance_{target}_label"]
                    row[f"stance_{target}_cues"] = (CONTINUED_STATEMENT_CUE,)
        previous = row if row.get("kind") == "body" else previous
