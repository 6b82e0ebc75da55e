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
import re
from dataclasses import dataclass
from functools import cache

from h20lib import resources
from h20lib.measures.features import Feature, add_cjk_features, add_word_features
from h20lib.measures.linear import weighted_sums
from h20lib.rows import FrameColumns

MODEL_FILE = "frames_model.json"
LABELS = ("invoked", "absent")
RULES = ("cues_or_model", "model")
STEM_LETTERS = 6  # as in h20lib.measures.stance
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
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    cues = resources.lexicon("frame_cues.toml")
    return {frame: tuple(re.compile(p, re.IGNORECASE) for p in cues[frame]["patterns"]) for frame in frame_names()}


@dataclass(frozen=True)
class FrameEvidence:
    frame: str
    cue: str  # "<frame>#<n>" for the n-th pattern of frame_cues.toml, "model <feature>" for a model feature
    matched: str
    start: int
    end: int
    weight: float  # 1 for a cue match; a model feature's push towards the frame (log-odds)


def cue_matches(text: str) -> dict[str, list[FrameEvidence]]:
    """Every match of each frame's cue patterns, for the frames with at least one, in codebook order."""
    found = {}
    for frame, patterns in _patterns().items():
        matches = [
            FrameEvidence(frame, f"{frame}#{index + 1}", match.group(), match.start(), match.end(), 1.0)
            for index, pattern in enumerate(patterns)
            for match in pattern.finditer(text)
        ]
        if matches:
            found[frame] = sorted(matches, key=lambda e: (e.start, e.cue))
    return found


def _features(text: str, cues: dict[str, list[FrameEvidence]]) -> dict[str, Feature]:
    feats = {f"cue:{frame}": Feature(1.0, matches[0].start, matches[0].end) for frame, matches in cues.items()}
    add_word_features(text, feats, stem_letters=STEM_LETTERS)
    add_cjk_features(text, feats)
    return feats


def featurize(text: str) -> dict[str, Feature]:
    """Named features of a sentence (value 1 each) with where each was found: ``cue:<frame>`` when a cue pattern
    of that frame matches, then words, stems, word pairs, Chinese characters and character pairs."""
    return _features(text, cue_matches(text))


def feature_values(text: str) -> dict[str, float]:
    return {name: feature.value for name, feature in featurize(text).items()}


@cache
def _log_odds_weights() -> tuple[list[float], dict[str, list[float]]]:
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
    return intercepts, weights


def model_probabilities(values: dict[str, float]) -> dict[str, float]:
    """Each frame model's probability that the frame is invoked (the softmax of its two label scores)."""
    intercepts, weights = _log_odds_weights()
    log_odds = weighted_sums(intercepts, values, weights)
    return {frame: 1 / (1 + math.exp(-min(max(z, -700.0), 700.0))) for frame, z in zip(frame_names(), log_odds)}


def is_invoked(*, has_cue: bool, probability: float, rule: str, min_probability: float) -> bool:
    if rule not in RULES:
        raise ValueError(f"unknown frame rule {rule!r}; expected one of {RULES}")
    return (rule == "cues_or_model" and has_cue) or probability >= min_probability


def _pushes(text: str, feats: dict[str, Feature], model: dict, frame: str) -> list[FrameEvidence]:
    """Features pushing towards the frame: value x (invoked weight - absent weight) > 0, strongest first."""
    invoked, absent = model["labels"].index("invoked"), model["labels"].index("absent")
    found = []
    for name, feature in feats.items():
        w = model["weights"].get(name)
        if w is not None and feature.value * (w[invoked] - w[absent]) > 0:
            push = round(feature.value * (w[invoked] - w[absent]), 4)
            found.append(
                FrameEvidence(
                    frame, f"model {name}", text[feature.start : feature.end], feature.start, feature.end, push
                )
            )
    return sorted(found, key=lambda e: (-e.weight, e.start, e.cue))


def frame_evidence(text: str) -> dict[str, list[FrameEvidence]]:
    """For each frame ``text`` invokes, in codebook order, what decided it: its cue matches when a cue decides,
    otherwise the model features pushing towards it, strongest first."""
    cues = cue_matches(text)
    feats = _features(text, cues)
    values = {name: feature.value for name, feature in feats.items()}
    models = resources.model(MODEL_FILE)["frames"]
    probabilities = model_probabilities(values)
    evidence = {}
    for frame in frame_names():
        model = models[frame]
        if not is_invoked(
            has_cue=frame in cues,
            probability=probabilities[frame],
            rule=model["rule"],
            min_probability=model["min_probability"],
        ):
            continue
        if model["rule"] == "cues_or_model" and frame in cues:
            evidence[frame] = cues[frame]
        else:
            evidence[frame] = _pushes(text, feats, model, frame)
    return evidence


def _shown(frame: str, items: list[FrameEvidence]) -> list[str]:
    if items and items[0].cue.startswith("model "):
        return [f"{frame}:{item.cue}:{item.matched}" for item in items[:EVIDENCE_SHOWN]]
    return [f"{frame}:{item.matched}" for item in items]


def score_frames(text: str) -> FrameColumns:
    """``frames``: the frames invoked, in codebook order; ``frame_cues``: "<frame>:<matched words>" for each cue
    match that decided a frame, or "<frame>:model <feature>:<matched words>" for the strongest model features."""
    evidence = frame_evidence(text)
    shown = (cue for frame, items in evidence.items() for cue in _shown(frame, items))
    return {"frames": tuple(evidence), "frame_cues": tuple(dict.fromkeys(shown))}


# The columns of a sentence that is not coded for frames (not a headline or body sentence).
NO_FRAMES: FrameColumns = {"frames": (), "frame_cues": ()}
