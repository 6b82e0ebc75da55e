"""Issue frames a sentence invokes (codebook.toml), each with the evidence that decided it.

Two stages per frame, as for stance: the cue patterns of frame_cues.toml, then a logistic regression over the cues
and the sentence's words, word stems, word pairs and Chinese characters and character pairs, trained by
``python -m h20lib.train.frames`` on the hand-labelled real articles and the written training sentences and shipped
as JSON weights. Per frame, training
chose by cross-validation one of two rules: "cues_or_model" (a cue match invokes the frame, and the model adds it
where its probability reaches ``min_probability``) or "model" (the model decides, with the cue match as one of its
features).
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

import numpy as np

from h20lib import resources
from h20lib.measures.features import Feature, Words, add_spans, sentence_words
from h20lib.measures.linear import StackedWeights
from h20lib.patterns import PatternSet
from h20lib.rows import FrameColumns

MODEL_FILE = "frames_model.json"
LABELS = ("invoked", "absent")
RULES = ("cues_or_model", "model")
EVIDENCE_SHOWN = 5  # model features listed in ``frame_cues`` per frame: those pushing hardest towards it


@cache
def frame_names() -> tuple[str, ...]:
    """The frames of codebook.toml, in codebook order."""
    return tuple(resources.lexicon("codebook.toml")["frames"])


@cache
def frame_dimensions() -> dict[str, str]:
    """Each frame's dimension of the Policy Frames Codebook."""
    return {frame: spec["dimension"] for frame, spec in resources.lexicon("codebook.toml")["frames"].items()}


@cache
def _cue_patterns() -> tuple[tuple[tuple[str, str], ...], PatternSet]:
    """The patterns of frame_cues.toml in codebook order, screened, and each one's (frame, cue name "<frame>#<n>")."""
    cues = resources.lexicon("frame_cues.toml")
    entries = [
        (frame, f"{frame}#{number}", pattern)
        for frame in frame_names()
        for number, pattern in enumerate(cues[frame]["patterns"], start=1)
    ]
    return tuple((frame, cue) for frame, cue, _ in entries), PatternSet(
        [pattern for _, _, pattern in entries], shared="sentence"
    )


class FrameEvidence(NamedTuple):  # a tuple: a sentence has several, and building a frozen dataclass is slower
    frame: str
    cue: str  # "<frame>#<n>" for the n-th pattern of frame_cues.toml, "model <feature>" for a model feature
    matched: str
    start: int
    end: int
    weight: float  # 1 for a cue match; a model feature's push towards the frame (log-odds)


def cue_matches(text: str) -> dict[str, list[FrameEvidence]]:
    """Every match of each frame's cue patterns, for the frames with at least one, in codebook order."""
    found: dict[str, list[FrameEvidence]] = {}
    names, screen = _cue_patterns()
    for index in screen.candidates(text):
        frame, cue = names[index]
        for match in screen.patterns[index].finditer(text):
            found.setdefault(frame, []).append(
                FrameEvidence(frame, cue, match.group(), match.start(), match.end(), 1.0)
            )
    return {frame: sorted(found[frame], key=lambda e: (e.start, e.cue)) for frame in frame_names() if frame in found}


def _features(text: str, cues: dict[str, list[FrameEvidence]], *, words: Words | None = None) -> dict[str, Feature]:
    feats = {f"cue:{frame}": Feature(1.0, matches[0].start, matches[0].end) for frame, matches in cues.items()}
    words = words if words is not None else sentence_words(text)
    add_spans(feats, words.plain)
    add_spans(feats, words.chinese)
    return feats


def featurize(text: str) -> dict[str, Feature]:
    """Named features of a sentence (value 1 each) with where each was found: ``cue:<frame>`` when a cue pattern
    of that frame matches, then words, stems, word pairs, Chinese characters and character pairs."""
    return _features(text, cue_matches(text))


def feature_values(text: str) -> dict[str, float]:
    return {name: feature.value for name, feature in featurize(text).items()}


@cache
def _log_odds_weights() -> StackedWeights:
    """The frame models as log-odds of "invoked" over "absent": one intercept per frame and, per feature, one
    weight per frame (features first, so a sentence's features are looked up once for all frames)."""
    models = resources.model(MODEL_FILE)["frames"]
    invoked, absent = LABELS.index("invoked"), LABELS.index("absent")
    intercepts = [models[f]["intercept"][invoked] - models[f]["intercept"][absent] for f in frame_names()]
    weights: dict[str, list[float]] = {}
    for k, frame in enumerate(frame_names()):
        if models[frame]["labels"] != list(LABELS):
            raise ValueError(f"{MODEL_FILE}: the {frame} model's labels are not {LABELS}")
        for name, w in models[frame]["weights"].items():
            weights.setdefault(name, [0.0] * len(frame_names()))[k] = w[invoked] - w[absent]
    return StackedWeights(intercepts, weights)


def _probability(log_odds: float) -> float:
    return 1 / (1 + math.exp(-min(max(log_odds, -700.0), 700.0)))


def model_probabilities(feats: dict[str, Feature]) -> dict[str, float]:
    """Each frame model's probability that the frame is invoked (the softmax of its two label scores)."""
    return {frame: _probability(z) for frame, z in zip(frame_names(), _log_odds_weights().sums(feats))}


def is_invoked(*, has_cue: bool, probability: float, rule: str, min_probability: float) -> bool:
    if rule not in RULES:
        raise ValueError(f"unknown frame rule {rule!r}; expected one of {RULES}")
    return (rule == "cues_or_model" and has_cue) or probability >= min_probability


def _pushes(
    text: str, feats: dict[str, Feature], names: list[str], pushes: np.ndarray, frame: str, *, limit: int | None
) -> list[FrameEvidence]:
    """The features pushing towards the frame, strongest first (the first ``limit``): of ``names``, each feature's
    value x (invoked weight - absent weight) in ``pushes``, those above 0."""
    positive = np.flatnonzero(pushes > 0)
    if limit is not None and len(positive) > limit:
        # Pushes are ranked as rounded to 4 decimals: none rounding below the limit-th strongest can be shown, and
        # none below this floor rounds as high.
        floor = round(float(np.partition(pushes[positive], -limit)[-limit]), 4) - 0.0001
        positive = positive[pushes[positive] >= floor]
    ranked = sorted(
        (-round(push, 4), feats[names[index]].start, f"model {names[index]}", names[index])
        for index, push in zip(positive.tolist(), pushes[positive].tolist())
    )
    return [
        FrameEvidence(frame, cue, text[feats[name].start : feats[name].end], start, feats[name].end, -weight)
        for weight, start, cue, name in ranked[:limit]
    ]


def frame_evidence(
    text: str, *, limit: int | None = None, words: Words | None = None
) -> dict[str, list[FrameEvidence]]:
    """For each frame ``text`` invokes, in codebook order, what decided it: its cue matches when a cue decides,
    otherwise the model features pushing towards it, strongest first (the first ``limit`` of them)."""
    cues = cue_matches(text)
    weights = _log_odds_weights()
    feats = _features(text, cues, words=words)
    names, contributions = weights.contributions(feats)
    log_odds = contributions.sum(axis=0).tolist()
    models = resources.model(MODEL_FILE)["frames"]
    evidence = {}
    for k, frame in enumerate(frame_names()):
        model = models[frame]
        if not is_invoked(
            has_cue=frame in cues,
            probability=_probability(log_odds[k]),
            rule=model["rule"],
            min_probability=model["min_probability"],
        ):
            continue
        if model["rule"] == "cues_or_model" and frame in cues:
            evidence[frame] = cues[frame]
        else:
            evidence[frame] = _pushes(text, feats, names, contributions[1:, k], frame, limit=limit)
    return evidence


def _shown(frame: str, items: list[FrameEvidence]) -> list[str]:
    if items and items[0].cue.startswith("model "):
        return [f"{frame}:{item.cue}:{item.matched}" for item in items[:EVIDENCE_SHOWN]]
    return [f"{frame}:{item.matched}" for item in items]


def score_frames(text: str, *, words: Words | None = None) -> FrameColumns:
    """``frames``: the frames invoked, in codebook order; ``frame_cues``: "<frame>:<matched words>" for each cue
    match that decided a frame, or "<frame>:model <feature>:<matched words>" for the strongest model features."""
    evidence = frame_evidence(text, limit=EVIDENCE_SHOWN, words=words)
    shown = (cue for frame, items in evidence.items() for cue in _shown(frame, items))
    return {"frames": tuple(evidence), "frame_cues": tuple(dict.fromkeys(shown))}


# The columns of a sentence that is not coded for frames (not a headline or body sentence).
NO_FRAMES: FrameColumns = {"frames": (), "frame_cues": ()}
