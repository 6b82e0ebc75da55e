"""Stance toward the two codebook targets, from weighted cues that can be shown as evidence.

Targets (codebook.toml): ``approval`` (the July 2025 decision to let NVIDIA resume H20 sales to China) and
``controls`` (US export controls on chips to China). Sentiment is not stance: a cue counts only when it
evaluates a target; neutral reporting scores 0 and is labelled "none".
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass

from h20lib.config import data_file

TARGETS = ("approval", "controls")
LABELS = ("favor", "against", "none")
# |score| at or above this is a stance; one full-weight cue (tanh(1) = 0.76) is enough, a half-weight one
# (tanh(0.5) = 0.46) too, so weak cues still count when nothing contradicts them.
LABEL_THRESHOLD = 0.4
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|hardly)\b(?:\s+\S+){0,3}\s*$|n[’']t\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


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


def _load_cues() -> tuple[Cue, ...]:
    data = tomllib.loads(data_file("stance_cues.toml").read_text(encoding="utf-8"))
    anchors = data["anchors"]
    cues = []
    for entry in data["cue"]:
        pattern = entry["pattern"]
        for name, value in anchors.items():
            pattern = pattern.replace("{" + name + "}", value)
        weights = {target: float(entry[target]) for target in TARGETS if entry.get(target)}
        cues.append(Cue(entry["name"], re.compile(pattern, re.IGNORECASE), weights, bool(entry.get("negatable"))))
    return tuple(cues)


CUES = _load_cues()
_LEXICON = tomllib.loads(data_file("evaluation_lexicon.toml").read_text(encoding="utf-8"))
_ANCHORS = {target: re.compile(pattern, re.IGNORECASE) for target, pattern in _LEXICON["anchors"].items()}
_VALENCE = {word: 1.0 for word in _LEXICON["words"]["positive"].split()} | {
    word: -1.0 for word in _LEXICON["words"]["negative"].split()
}
WINDOW_WORDS = int(_LEXICON["window_words"])
# The fallback is weaker than an explicit cue: one evaluation word (tanh(0.6) = 0.54) is a stance, but an
# explicit cue of the other direction outweighs it.
FALLBACK_WEIGHT = 0.6
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_END = re.compile(r"[;:.!?]|,\s+(?:but|while|whereas|although)\b")


def _anchored_evaluation(text: str, target: str) -> list[Evidence]:
    """Evaluation words within a few words of a phrase naming ``target``, in the same clause."""
    found = []
    for anchor in _ANCHORS[target].finditer(text):
        left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, anchor.start())), default=0)
        right = next((m.start() for m in _CLAUSE_END.finditer(text, anchor.end())), len(text))
        before = list(_TOKEN.finditer(text, left, anchor.start()))[-WINDOW_WORDS:]
        after = list(_TOKEN.finditer(text, anchor.end(), right))[:WINDOW_WORDS]
        for token in before + after:
            valence = _VALENCE.get(token.group().lower())
            if valence is None:
                continue
            if _NEGATION.search(text, left, token.start()):
                valence = -valence
            found.append(Evidence(target, f"evaluation_near_{target}", f"{anchor.group()} ~ {token.group()}",
                                  token.start(), token.end(), valence * FALLBACK_WEIGHT))
    return found


def stance_evidence(text: str) -> list[Evidence]:
    """Every stance cue in ``text`` with the words it matched and its signed weight per target."""
    found = []
    for cue in CUES:
        for match in cue.pattern.finditer(text):
            sign = -1.0 if cue.negatable and _NEGATION.search(text, 0, match.start()) else 1.0
            for target, weight in cue.weights.items():
                found.append(Evidence(target, cue.name, match.group(), match.start(), match.end(), sign * weight))
    for target in TARGETS:
        if not any(e.target == target for e in found):
            found.extend(_anchored_evaluation(text, target))
    return sorted(found, key=lambda e: (e.start, e.target, e.cue))


def stance_score(evidence: list[Evidence], *, target: str) -> float:
    """The stance on ``target`` in [-1, 1]: tanh of the summed cue weights."""
    return math.tanh(sum(e.weight for e in evidence if e.target == target))


def stance_label(score: float, *, threshold: float = LABEL_THRESHOLD) -> str:
    if score >= threshold:
        return "favor"
    if score <= -threshold:
        return "against"
    return "none"


def score_stance(text: str) -> dict:
    """Per target: score, label and the names of the cues behind it."""
    evidence = stance_evidence(text)
    result = {}
    for target in TARGETS:
        score = stance_score(evidence, target=target)
        result[f"stance_{target}"] = score
        result[f"stance_{target}_label"] = stance_label(score)
        result[f"stance_{target}_cues"] = tuple(f"{e.cue}:{e.matched}" for e in evidence if e.target == target)
    return result


def carry_reported_stance(rows: list[dict]) -> None:
    """A sentence that continues someone's reported statement (speaker_cue "continued ...") without cues
    of its own carries the stance of the sentence it continues. Changes ``rows`` in place, in order."""
    previous = None
    for row in rows:
        if previous is not None and row.get("speaker_cue", "").startswith("continued") and row["speaker"] == previous["speaker"]:
            for target in TARGETS:
                if not row[f"stance_{target}_cues"] and previous[f"stance_{target}_label"] != "none":
                    row[f"stance_{target}"] = previous[f"stance_{target}"]
                    row[f"stance_{target}_label"] = previous[f"stance_{target}_label"]
                    row[f"stance_{target}_cues"] = ("continues_previous_statement",)
        previous = row if row.get("kind") == "body" else previous
