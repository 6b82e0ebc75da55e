"""h20lib: how US media, Chinese state media and trade press framed the July 2025 H20 export decision.

The public API is importable from here; each name is imported on first use, so ``import h20lib`` stays fast
(pandas, TextBlob and the models load only when a function needs them).

Stages, one subpackage each: ``parse`` (raw files to a sentence table), ``measures`` (speakers, sentiment,
stance, frames, portrayal, claims), ``report`` (statistics, figures, batch runs), ``train`` (fitting the
shipped models; the only place scikit-learn is used).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("h20lib")
except PackageNotFoundError:  # run from a checkout that is not installed
    __version__ = "unknown"

if TYPE_CHECKING:
    from h20lib import validate
    from h20lib.errors import InputError, Skipped
    from h20lib.explanation import explain
    from h20lib.measures.portrayal import target_sentiment
    from h20lib.measures.scoring import quotes, score
    from h20lib.measures.stream import score_corpus, scored_table
    from h20lib.parse.corpus import Corpus, load_corpus, parse_document

_PUBLIC = {
    "Corpus": ("h20lib.parse.corpus", "Corpus"),
    "InputError": ("h20lib.errors", "InputError"),
    "Skipped": ("h20lib.errors", "Skipped"),
    "explain": ("h20lib.explanation", "explain"),
    "load_corpus": ("h20lib.parse.corpus", "load_corpus"),
    "parse_document": ("h20lib.parse.corpus", "parse_document"),
    "quotes": ("h20lib.measures.scoring", "quotes"),
    "score": ("h20lib.measures.scoring", "score"),
    "score_corpus": ("h20lib.measures.stream", "score_corpus"),
    "scored_table": ("h20lib.measures.stream", "scored_table"),
    "target_sentiment": ("h20lib.measures.portrayal", "target_sentiment"),
}
_SUBMODULES = frozenset({"validate"})  # ``h20lib.validate.validation_report()``, ``format_report``
__all__ = [
    "Corpus",
    "InputError",
    "Skipped",
    "__version__",
    "explain",
    "load_corpus",
    "parse_document",
    "quotes",
    "score",
    "score_corpus",
    "scored_table",
    "target_sentiment",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"h20lib.{name}")
    if name not in _PUBLIC:
        raise AttributeError(f"module 'h20lib' has no attribute {name!r}")
    module, attribute = _PUBLIC[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC) | _SUBMODULES)
