"""Errors about user input, each printable as one line that names the file, and the record of a skipped document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STAGES = ("read", "parse", "attribution", "sentiment", "stance", "frames", "check")


class _ShownAsOneLine:
    """An error in what the user gave, not in the code: IPython (a notebook, a papermill run) shows it as one line
    instead of a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class InputError(_ShownAsOneLine, Exception):
    """A file (or a row of one) that cannot be read as part of a corpus."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ParameterError(_ShownAsOneLine, ValueError):
    """A notebook or function parameter that cannot be used; the message is one line naming the parameter."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"parameter {name}: {reason}")


class StageError(Exception):
    """A document that failed at one stage of the pipeline; ``reason`` is one line."""

    def __init__(self, stage: str, error: BaseException):
        self.stage = stage
        self.reason = one_line(error)
        super().__init__(f"{stage}: {self.reason}")


@dataclass(frozen=True)
class Skipped:
    """A document (or a manifest entry, table row or file) left out of a run, and why."""

    where: str  # the file, "file row N" or the manifest
    stage: str  # one of STAGES
    reason: str
    doc_id: str = ""

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"unknown stage {self.stage!r}")

    def __str__(self) -> str:
        document = f" (doc_id {self.doc_id!r})" if self.doc_id else ""
        return f"{self.where}{document}: {self.stage}: {self.reason}"


def one_line(error: BaseException) -> str:
    """The error's type and message on one line, shortened to 200 characters."""
    message = " ".join(str(error).split()) or "no message"
    if not isinstance(error, InputError):
        message = f"{type(error).__name__}: {message}"
    return message if len(message) <= 200 else message[:199] + "…"
