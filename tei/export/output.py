"""Writing an export atomically: a file or a folder appears complete, or not at all.

Everything is built beside the target (a hidden temporary file or folder in the same folder, so
the final rename stays on one file system) and renamed into place at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..core.files import current_umask, write_atomic
from ..core.errors import OutputError


def check_target(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise OutputError(f"{target} exists (use --force to replace it)")
    if target.is_symlink():
        raise OutputError(f"{target} is a symbolic link; refusing to replace it")


def write_file(target: Path, data: bytes, force: bool = False) -> Path:
    check_target(target, force)
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name")
    try:
        write_atomic(target, data)  # with the mode the umask gives
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


@contextmanager
def folder_atomic(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces `target`, on failure it is removed."""
    check_target(target, force)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file; give a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        os.chmod(work, 0o777 & ~current_umask())  # mkdtemp makes it 0700
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {exc.strerror or exc}") from None
    try:
        yield work
        if not target.exists():
            os.replace(work, target)
            return
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / "previous")
        try:
            os.replace(work, target)
        except BaseException:
            os.replace(old / "previous", target)
            old.rmdir()
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
