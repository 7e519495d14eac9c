"""Files in and out: finding the files a command was given, reading them with a bound, and writing
outputs atomically.

Every command takes files and folders the same way (only the kinds of file differ), and every
command writes its outputs so that a reader never sees half a file. Inside a folder, what the
tool made itself (a built site, a cache, a bag, a staging folder) is never taken for a source, and
a symbolic link that leads out of the folder is not followed.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

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


def skip_reading_texts(paths: Iterable[Path]) -> Iterator[Path]:
    """The paths, less each NAME.txt beside a NAME.xml among them: that is the TEI's plain-text
    reading edition (as `build` writes them in a site's `documents/` and `render --to txt` beside
    its TEI), not an archive export, and is skipped with a warning rather than converted into a
    second, bogus document."""
    paths = list(paths)
    tei_files = {path.with_suffix("") for path in paths if path.suffix.lower() == ".xml"}
    for path in paths:
        if path.suffix.lower() == ".txt" and path.with_suffix("") in tei_files:
            log.warning("%s: warning: the reading text of %s beside it, not a source: skipped",
                        path, path.with_suffix(".xml").name)
            continue
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


#: What reading a pickle a build kept in its cache raises when the file is missing, cut short or
#: written by another version of the code.
UNREADABLE_PICKLE = (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, TypeError)


def read_kept(path: Path) -> object | None:
    """The value a build pickled into its own cache (never a cache from elsewhere: a pickle runs
    code when read), or None when it cannot be read."""
    try:
        return pickle.loads(path.read_bytes())
    except UNREADABLE_PICKLE:
        return None


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


# -- updating a folder in place from a new copy of it ------------------------------------------

#: The journal of an update in place, in the new copy's folder: what the update puts into the
#: target and removes from it. Written before the target is touched, so that an update that was
#: interrupted can be finished (`finish_update`).
UPDATE_JOURNAL = ".update-journal.json"


@dataclass
class FolderChanges:
    """What an update in place did to the target's files (relative paths)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def cache_folders(cache: Path) -> set[str]:
    """The names of a build cache's entries (its folders), listed once a build and shared by
    its stages."""
    with os.scandir(cache) as entries:
        return {entry.name for entry in entries if entry.is_dir(follow_symlinks=False)}


def folder_entries(root: Path, keep: Callable[[os.stat_result], Any] | None = None) -> dict[str, Any]:
    """The files under `root` by relative path, with their lstat (or what `keep` makes of it, so that
    tens of thousands of os.stat_result need not be held); a symbolic link (even to a folder) is an
    entry, never followed. Folders are not entries. (os.scandir and strings: a site has tens of
    thousands of files, and this runs on it and on its new copy at every build.)"""
    found: dict[str, Any] = {}
    folders = [("", os.fspath(root))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = info if keep is None else keep(info)
    return found


def same_bytes(one: Path, other: Path, one_stat: os.stat_result, other_stat: os.stat_result) -> bool:
    """Whether two regular files hold the same bytes (one file under two names does, at no cost)."""
    if (one_stat.st_dev, one_stat.st_ino) == (other_stat.st_dev, other_stat.st_ino):
        return True
    if not (stat.S_ISREG(one_stat.st_mode) and stat.S_ISREG(other_stat.st_mode)) or one_stat.st_size != other_stat.st_size:
        return False
    with open(one, "rb") as a, open(other, "rb") as b:
        while True:
            chunk = a.read(1 << 20)
            if chunk != b.read(1 << 20):
                return False
            if not chunk:
                return True


def update_in_place(new: Path, target: Path, old_files: dict[str, os.stat_result] | None = None) -> FolderChanges:
    """Make the folder `target` hold what the folder `new` holds, touching only what differs: a file
    with the same bytes is left as it is (same inode, same mtime), a new or changed one is moved in
    with os.replace (a reader sees the old file or the new, never half of one), a file that `new`
    lacks is removed, and folders left empty go. Nothing is written when nothing differs.

    The journal (UPDATE_JOURNAL, in `new`) is written before the first change: if the update is
    interrupted, `finish_update(new, target)` completes it. `new` is left with the files that were
    not moved, and with the journal only if the update did not finish. `old_files` is
    `folder_entries(target)` when the caller has it already."""
    old_files = folder_entries(target) if old_files is None else old_files
    new_files = folder_entries(new)
    new_files.pop(UPDATE_JOURNAL, None)
    changes = FolderChanges()
    for name, info in sorted(new_files.items()):
        old = old_files.get(name)
        # One file under two names (a site's file and the cache's) is tested first, without paths:
        # a large site has tens of thousands of them.
        if old is not None and ((info.st_dev, info.st_ino) == (old.st_dev, old.st_ino)
                                or same_bytes(new / name, target / name, info, old)):
            changes.unchanged += 1
        else:
            changes.written.append(name)
    changes.removed = sorted(set(old_files) - set(new_files))
    if changes.written or changes.removed:
        write_atomic(new / UPDATE_JOURNAL,
                     json.dumps({"write": changes.written, "remove": changes.removed}).encode("utf-8"))
        finish_update(new, target)
    return changes


def has_unfinished_update(new: Path) -> bool:
    return (new / UPDATE_JOURNAL).is_file()


def finish_update(new: Path, target: Path) -> None:
    """Carry out (or carry on with) the update that `new`'s journal describes. Each step can be
    redone: a file already moved in is no longer in `new`, a file already removed is not there."""
    journal = json.loads((new / UPDATE_JOURNAL).read_text(encoding="utf-8"))
    for name in journal["write"]:
        source, destination = new / name, target / name
        if not os.path.lexists(source):
            continue  # moved in before the interruption
        _make_room(target, destination)
        os.replace(source, destination)
    for name in journal["remove"]:
        path = target / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        folder = path.parent
        while folder != target and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    (new / UPDATE_JOURNAL).unlink()


def _make_room(root: Path, destination: Path) -> None:
    """Folders down to `destination`'s, within `root`: what stands in their way (a file, a link,
    which is never followed out of the root) is removed, and so is a folder where the file goes."""
    folder = root
    for part in destination.relative_to(root).parent.parts:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        if not folder.exists():
            folder.mkdir()
    if destination.is_dir() and not destination.is_symlink():
        shutil.rmtree(destination)
