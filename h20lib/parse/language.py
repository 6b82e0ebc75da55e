"""ISO 639-1 language of a short text, from its script and its function words."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import cache

from h20lib import resources

_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[a-zà-ÿ]+")
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")
_NONE: itertools.repeat[tuple[str, ...]] = itertools.repeat(())  # the languages of a word that is no function word


@cache
def _scripts() -> dict[str, re.Pattern[str]]:
    return {code: re.compile(pattern) for code, pattern in resources.lexicon("language_cues.toml")["scripts"].items()}


@cache
def _scripts_match_ascii() -> bool:
    """Whether any script's pattern matches an ASCII character (none of the shipped ones does)."""
    ascii_characters = "".join(map(chr, range(128)))
    return any(pattern.search(ascii_characters) for pattern in _scripts().values())


@cache
def _function_words() -> dict[str, frozenset[str]]:
    cues = resources.lexicon("language_cues.toml")["function_words"]
    return {code: frozenset(words.split()) for code, words in cues.items()}


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it is a function word of."""
    languages: dict[str, tuple[str, ...]] = {}
    for language, words in _function_words().items():
        for word in words:
            languages[word] = (*languages.get(word, ()), language)
    return languages


def detect_language(text: str, *, default: str = "en") -> str:
    """The language of ``text``: the script with most letters, then function words within Latin script."""
    if "@" in text or "www." in text or "http" in text:  # what every match of _URL_OR_EMAIL holds
        text = _URL_OR_EMAIL.sub(" ", text)
    if text.isascii() and not _scripts_match_ascii():
        script_counts = dict.fromkeys(_scripts(), 0)
    else:
        script_counts = {code: len(pattern.findall(text)) for code, pattern in _scripts().items()}
    code, count = max(script_counts.items(), key=lambda item: (item[1], item[0]))
    if count == 0:
        if not _LATIN_LETTER.search(text):
            return default
    else:
        if code == "zh" and script_counts["ja"]:
            code, count = "ja", count + script_counts["ja"]
        # CJK characters each carry a word's worth of meaning, so weigh them against Latin letters by 3.
        if count * 3 >= len(_LATIN_LETTER.findall(text)):
            return code
    languages_of = _languages_of_word()
    votes = Counter(itertools.chain.from_iterable(map(languages_of.get, _WORD.findall(text.lower()), _NONE)))
    if not votes:
        return default
    best = max(votes.values())
    return default if votes[default] == best else sorted(lang for lang, n in votes.items() if n == best)[0]
