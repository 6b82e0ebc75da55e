"""ISO 639-1 language of a short text, from its script and its function words."""
from __future__ import annotations

import re
import tomllib
from collections import Counter

from h20lib.config import data_file

_CUES = tomllib.loads(data_file("language_cues.toml").read_text(encoding="utf-8"))
_SCRIPTS = {code: re.compile(pattern) for code, pattern in _CUES["scripts"].items()}
_FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _CUES["function_words"].items()}
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[a-zà-ÿ]+")
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")


def detect_language(text: str, *, default: str = "en") -> str:
    """The language of ``text``: the script with most letters, then function words within Latin script."""
    text = _URL_OR_EMAIL.sub(" ", text)
    script_counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS.items()}
    latin = len(_LATIN_LETTER.findall(text))
    code, count = max(script_counts.items(), key=lambda item: (item[1], item[0]))
    if count == 0 and latin == 0:
        return default
    if code == "zh" and script_counts["ja"]:
        code, count = "ja", count + script_counts["ja"]
    # CJK characters each carry a word's worth of meaning, so weigh them against Latin letters by 3.
    if count * 3 >= latin:
        return code
    votes = Counter()
    for word in _WORD.findall(text.lower()):
        for language, words in _FUNCTION_WORDS.items():
            if word in words:
                votes[language] += 1
    if not votes:
        return default
    best = max(votes.values())
    return default if votes[default] == best else sorted(lang for lang, n in votes.items() if n == best)[0]
