"""The figure notebooks' parameters, checked in one place before a notebook reads or draws anything.

Parameters reach a notebook from its own defaults, from papermill (``-p`` turns ``3`` into an int and leaves
``abc`` or ``'["a", "b"]'`` a string; ``-y`` gives YAML lists) or from ``h20lib figures``. Each notebook passes
what it was given to ``checked``; a value that cannot be used is a ParameterError naming the parameter, which a
notebook shows as one line. Group and column names are checked against the data by
``analysis.select_sentences``, which lists what is there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from h20lib.errors import ParameterError
from h20lib.measures.stance import TARGETS

# Where the figures go is not part of what a figure shows, so the index does not record it.
NOT_RECORDED = frozenset({"output_dir"})


def _path(name: str, value: Any, *, missing: str | None, expected: str) -> str | None:
    """``value`` as a path, ``missing`` for None or ""."""
    if value is None or value == "":
        return missing
    if isinstance(value, str | Path):
        return str(value)
    raise ParameterError(name, f"must be {expected}, got {value!r}")


def _optional_path(name: str, value: Any) -> str | None:
    return _path(name, value, missing=None, expected="a path or None")


def _folder_name(name: str, value: Any) -> str:
    return _path(name, value, missing="", expected='a folder path or ""') or ""


def _text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise ParameterError(name, f"must be text, got {value!r}")


def _column_name(name: str, value: Any) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise ParameterError(name, f"must name a column of the scored table, got {value!r}")


def _is_name(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def _names(name: str, value: Any) -> list[str] | None:
    """None, one name, or a list of names; a string holding a JSON list (``-p groups '["a", "b"]'``) is read as one."""
    if value is None:
        return None
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise ParameterError(name, f"is not a list of names: {value!r}") from None
    if _is_name(value):
        return [str(value)]
    if isinstance(value, list | tuple) and value and all(map(_is_name, value)):
        return [str(item) for item in value]
    raise ParameterError(name, f"must be a name, a non-empty list of names or None, got {value!r}")


def _whole_number(name: str, value: Any, *, minimum: int) -> int:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ParameterError(name, f"must be a whole number, got {value!r}")
    if value < minimum:
        raise ParameterError(name, f"must be at least {minimum}, got {value}")
    return value


def _count(name: str, value: Any) -> int:
    return _whole_number(name, value, minimum=1)


def _seed(name: str, value: Any) -> int:
    return _whole_number(name, value, minimum=0)


def _target(name: str, value: Any) -> str:
    if value in TARGETS:
        return str(value)
    raise ParameterError(name, f"must be one of {', '.join(TARGETS)}, got {value!r}")


CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "corpus": _optional_path,
    "scored_file": _optional_path,
    "output_dir": _folder_name,
    "group_by": _column_name,
    "groups": _names,
    "actors": _names,
    "seed": _seed,
    "min_sentences": _count,
    "top_n": _count,
    "min_stance": _count,
    "top_k": _count,
    "min_count": _count,
    "min_mentions": _count,
    "max_rows": _count,
    "target": _target,
    "sentence_id": _text,
}


@dataclass(frozen=True)
class NotebookParameters:
    """A notebook's checked parameters: ``params.seed``, ``params.groups`` and so on, and ``recorded``, what the
    figure index keeps of them."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def recorded(self) -> dict[str, Any]:
        return {name: value for name, value in self.values.items() if name not in NOT_RECORDED}


def checked(**given: Any) -> NotebookParameters:
    """The parameters ``given``, each checked and normalised: "" and None paths become None, one group name becomes
    a list of one, ``"3"`` becomes 3. ParameterError names the first parameter that cannot be used, and why."""
    unknown = sorted(set(given) - set(CHECKS))
    if unknown:
        raise ValueError(f"no check for the parameters {', '.join(unknown)}")
    return NotebookParameters({name: CHECKS[name](name, value) for name, value in given.items()})
