"""Issue frames a sentence invokes, from cue patterns that can be shown as evidence (codebook.toml)."""
from __future__ import annotations

import re
import tomllib

from h20lib.config import data_file

_CODEBOOK = tomllib.loads(data_file("codebook.toml").read_text(encoding="utf-8"))
FRAMES = tuple(_CODEBOOK["frames"])
FRAME_DIMENSIONS = {frame: spec["dimension"] for frame, spec in _CODEBOOK["frames"].items()}
_CUES = tomllib.loads(data_file("frame_cues.toml").read_text(encoding="utf-8"))
PATTERNS = {frame: tuple(re.compile(p, re.IGNORECASE) for p in _CUES[frame]["patterns"]) for frame in FRAMES}


def frame_evidence(text: str) -> dict[str, tuple[str, ...]]:
    """For each frame ``text`` invokes, the words that invoked it, in codebook order."""
    evidence = {}
    for frame in FRAMES:
        words = [match.group() for pattern in PATTERNS[frame] for match in pattern.finditer(text)]
        if words:
            evidence[frame] = tuple(dict.fromkeys(words))
    return evidence


def score_frames(text: str) -> dict:
    evidence = frame_evidence(text)
    return {
        "frames": tuple(evidence),
        "frame_cues": tuple(f"{frame}:{word}" for frame, words in evidence.items() for word in words),
    }
