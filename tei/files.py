"""Files in and out: finding the files a command was given, reading them with a bound, and writing
outputs atomically.

Every command takes files and folders the same way (only the kinds of file differ), and every
command writes its outputs so that a reader never sees half a file. Inside a folder, what the
tool made itself (a built site, a cache, a bag, a staging folder) is never taken for a source, and
a symbolic link that leads out of the folder is not followed.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

log = logging.getLogger("tei_edition.files")

#: The file that marks a folder as a site made by `tei-edition build`: only such a folder is ever
#: replaced by a build, and the finder never reads one as sources.
SITE_MARKER = ".tei-edition-site"


def _made_by_us(folder: Path) -> bool:
    """A folder of the tool's own outputs, inside a source folder: skipped, never read as sources.
    Hidden folders (caches, staging folders, .git) and sites and bags are outputs, not sources."""
    return folder.name.startswith(".") or (folder / SITE_MARKER).exists() or (folder / "bagit.txt").is_file()


def find_files(inputs: Iterable[str | os.PathLike], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Each input as given (even one that does not exist: the caller says what that means), and
    for each folder the files under it with one of `suffixes`, recursively, in sorted order.

    A folder with no such file is yielded as given, for the caller to report (see `not_a_file`).
    Under a folder, links that lead out of it are skipped with a warning, and the tool's own
    outputs (see `_made_by_us`) are skipped."""
    for item in inputs:
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        found = sorted(_walk(path, suffixes))
        if found:
            yield from found
        else:
            yield path


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    real_root = root.resolve()
    for folder, subfolders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        kept = []
        for name in subfolders:
            sub = here / name
            if sub.is_symlink():
                if not _inside(sub, real_root):
                    log.warning("%s: warning: a link out of the source folder (to %s): not read", sub, os.path.realpath(sub))
                # a link within the folder leads to files that the walk finds under their own name
            elif not _made_by_us(sub):
                kept.append(name)
        subfolders[:] = kept
        for name in names:
            path = here / name
            if path.suffix.lower() not in suffixes:
                continue
            if path.is_symlink() and not _inside(path, real_root):
                log.warning("%s: warning: a link out of the source folder (to %s): not read", path, os.path.realpath(path))
                continue
            yield path


def _inside(path: Path, real_root: Path) -> bool:
    target = Path(os.path.realpath(path))
    return target == real_root or real_root in target.parents


def not_a_file(path: Path, suffixes: tuple[str, ...]) -> str:
    """What to say of an input that `find_files` gave back but that is not a file to read."""
    if path.is_dir():
        kinds = "/".join(f"*{suffix}" for suffix in suffixes)
        return f"no {kinds} files found in this folder"
    if not path.exists():
        return "no such file or folder"
    return "not a regular file"


def read_bounded(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` + 1 of them (one past the limit is enough for the
    caller to refuse the file as too large). Devices, FIFOs and sockets are refused without waiting
    for them, and the size given by `stat` is not trusted: the file is read up to the bound.
    Raises OSError, or ValueError for a file that is not a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("is not a regular file (a device, FIFO or socket is not read)")
        chunks, remaining = [], limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a file.
    The file gets the mode any other new file would (0666 less the umask), not mkstemp's 0600.

    The data is flushed to the disk (fsync) before the rename, although it costs 2-10 ms a file:
    without it, a crash of the machine after the rename may leave an empty file under the target's
    name (ext4 commits the rename before the data of a new file), i.e. half an output reported as
    written. The commands that write one file a document (convert, render, export) pay it; `build`
    does not call this for its per-document cache and renames its whole site at once.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
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
