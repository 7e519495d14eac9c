"""Files in and out: finding the files a command was given, and writing outputs atomically.

Every command takes files and folders the same way (only the kinds of file differ), and every
command writes its outputs so that a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
