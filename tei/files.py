"""Finding the files a command was given: files as named, folders searched recursively.

Every command takes files and folders the same way; only the kinds of file differ.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator


def find_files(inputs: Iterable[str | os.PathLike], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Each input as given (even one that does not exist: the caller says what that means), and
    for each folder the files under it with one of `suffixes`, recursively, in sorted order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            yield path
