"""Errors about user input, each printable as one line that names the file."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file (or a row of one) that cannot be read as part of a corpus."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
