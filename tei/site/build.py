"""The edition build: source documents in, a static site out. The order of the stages lives here.

Each document goes through convert -> validate -> render in a worker process, within a time limit
(`TIME_LIMIT`: one that runs past it is stopped and fails alone, see `workers`), or on any
`concurrent.futures` executor such as a Dask cluster (`make_document` is a function of the source's
bytes that returns the document's files as bytes, so its workers need no shared disk); the results are
kept in a content-addressed cache (the source's bytes plus everything that shapes the output:
the tool's version, stylesheets, schemas), so a second build redoes only what changed. The site
is assembled in a staging folder beside the old one, so that a build that fails or is interrupted
while assembling leaves the previous site whole; then the old site is updated in place
(`files.update_in_place`): only the files that differ are replaced, so an unchanged build writes
nothing in it, and an update that is interrupted is finished by the next build (its journal).

Of the edition file (edition.toml) only the interface language is part of the key, as the
renderings' headings and labels are in it; nothing else of it goes into a document's cached
renderings: the site names the edition in the pages it writes around them, at every build.

A build replaces only a folder that it made itself (marked by `files.SITE_MARKER`), never follows a
symbolic link as its output, never writes among its sources, and holds a lock on the output's cache
so that two builds of one site cannot run at once.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gc
import hashlib
import json
import os
import pickle
import shutil
import signal
import stat
import sys
import time
from collections import deque
from concurrent import futures
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from .. import __version__
from ..convert.pipeline import iter_sources
from ..core.formats import RENDER, format_names
from ..convert.readers.source import read_source_file
from ..core.errors import OutputError, RenderError, TeiEditionError
from ..core.messages import SOURCE_LANGUAGE, labels_document
from ..core.files import (SITE_MARKER, UNREADABLE_PICKLE, FolderChanges, cache_folders, finish_update, folder_entries,
                          has_unfinished_update, not_a_file, read_kept, update_in_place, write_atomic)
from ..core.resources import doc_path, register_path, schema_path, xslt_path
from .document import DOCUMENT_MODULES, DocumentBuild, make_document
from .workers import Outcome, run_tasks

if TYPE_CHECKING:  # pragma: no cover
    from ..export.edition import Edition

#: The renderings a build can make, from the one table of formats (tei/core/formats.py).
FORMATS = format_names(RENDER)
#: Seconds one document may take (convert, validate, render): generous, as an archive document
#: takes about a second; only a pathological one reaches it.
TIME_LIMIT = 300.0


@dataclass
class BuildReport:
    documents: list[DocumentBuild]
    rebuilt: int
    reused: int
    seconds: dict[str, float]
    #: False when no document could be published: the previous site was then left as it was
    replaced: bool = True
    #: What the site lacks and why (no sitemap without a base URL), said once per build
    notes: list[str] = field(default_factory=list)
    #: What publishing did to the site's files: written (new or changed), removed, left unchanged
    site: FolderChanges = field(default_factory=FolderChanges)
    #: The formats asked for that this machine cannot make, each with why (PDF without Pango); the
    #: site was built without them, and the build has failed
    unmade: dict[str, str] = field(default_factory=dict)

    @property
    def failed(self) -> list[DocumentBuild]:
        return [d for d in self.documents if d.failed]

    @property
    def invalid(self) -> list[DocumentBuild]:
        return [d for d in self.documents if not d.failed and d.errors]


# -- the content key ---------------------------------------------------------------------

def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files_digest(files: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for name, path in sorted(files.items()):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def document_code(package: Path | None = None) -> dict[str, Path]:
    """The modules that make a document's files and record (`document.DOCUMENT_MODULES` and all
    they import), with their files, in `package` (by default this one, tei/)."""
    from ..core.imports import PACKAGE, import_closure

    return import_closure(DOCUMENT_MODULES, package or PACKAGE)


def build_salt(formats: Iterable[str], language: str = SOURCE_LANGUAGE) -> str:
    """Everything besides the source that changes a document's outputs: the code that makes them
    (`document_code`, not the site's pages and templates, which every build puts around them), the
    stylesheets, schemas and registers, and the interface language's words."""
    parts = [__version__, ",".join(sorted(formats)), _files_digest(document_code()),
             _tree_digest(xslt_path("")), _tree_digest(schema_path("")), _tree_digest(register_path("")),
             hashlib.sha256(labels_document(language)).hexdigest()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


#: In the cache: the build's salt and the package's digest (`code_keys`), with the file state of
#: every file they are read from.
CODE_STATE = "code.pickle"


def _folder_states(folders: Iterable[Path]) -> dict[str, tuple]:
    """The file state (`file_state`) of every file under `folders`, __pycache__ left out."""
    states = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder, followlinks=True):
            dirs[:] = [name for name in dirs if name != "__pycache__"]
            for name in files:
                path = os.path.join(root, name)
                states[path] = file_state(os.stat(path))
    return states


def code_keys(cache: Path, formats: Iterable[str], language: str = SOURCE_LANGUAGE) -> tuple[str, str]:
    """The build's salt (`build_salt`) and the digest of the whole package (tei/), which the site's
    key holds. Both read and parse every module, stylesheet and schema; they are kept in the cache
    with the file state of each file under the folders they come from, and taken from it while
    every state is the one recorded and trusted as a source's is (`trusted_state`)."""
    from ..core.imports import PACKAGE
    from ..core.messages import LOCALE

    folders = [PACKAGE, LOCALE, xslt_path(""), schema_path(""), register_path("")]
    asked = [__version__, sorted(formats), language]
    started = time.time_ns()  # before any file state is taken
    states = _folder_states(folders)
    kept = read_kept(cache / CODE_STATE)
    if (isinstance(kept, dict) and kept.get("asked") == asked and kept["states"].keys() == states.keys()
            and all(trusted_state(state, kept["states"][path], kept["recorded"]) for path, state in states.items())):
        return kept["salt"], kept["code"]
    salt, code = build_salt(formats, language), _tree_digest(PACKAGE)
    write_atomic(cache / CODE_STATE, pickle.dumps({"asked": asked, "recorded": started, "states": states,
                                                   "salt": salt, "code": code}))
    return salt, code


def source_key(path: Path, data: bytes, salt: str) -> str:
    """The content key of a source: its bytes and its file's name, which names the document when
    its text gives no record ID (two sources with the same bytes are two documents)."""
    return hashlib.sha256(salt.encode() + b"\0" + path.name.encode("utf-8", "surrogateescape") + b"\0"
                          + data).hexdigest()[:32]


#: In the cache: each source's file state and content key, and each key's document record, as the
#: last build left them (`SourceList`).
SOURCE_LIST = "sources.pickle"
#: A file changed less than this many nanoseconds before its state was taken may change again within
#: the same timestamp (the file system's clock has steps: 2 s on FAT), unseen: it is read again.
RACY_NS = 2 * 10**9


def file_state(info: os.stat_result) -> tuple:
    """What a file's state is compared by: device, inode, size, mtime_ns and ctime_ns."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def trusted_state(state: tuple, kept: tuple, recorded: int) -> bool:
    """Whether a file whose state is `state` is unchanged since `kept` was recorded at `recorded`
    (time.time_ns, taken before the state): the same state, and one not changed within RACY_NS
    of the recording (`SourceList` says why)."""
    return kept == state and max(state[3:]) < recorded - RACY_NS


class SourceList:
    """The sources' content keys without reading the sources again: a source whose file state
    (device, inode, size, mtime_ns and ctime_ns, from os.stat) is the one the last build recorded
    has the key it had, and its document's record is taken from one file instead of a build.json
    per document.

    Trusting the file state has one classic hole, a content changed with the same size and mtime
    (a program that restores the mtime): the ctime, which no program can set, still changes, so it
    is part of the state; an inode replaced by another (an editor that saves by renaming) changes
    the inode. A file whose mtime or ctime is within RACY_NS of when its state was recorded is
    never trusted, as a second change within one step of the file system's clock would keep both.
    What is left is a system clock set back to before a change, which this does not survive.
    The list is kept under the build's salt: another version, formats or language keys anew."""

    def __init__(self, cache: Path, salt: str) -> None:
        self.path, self.salt = cache / SOURCE_LIST, salt
        self.started = time.time_ns()  # before any file state is taken
        self.states: dict[str, tuple] = {}
        self.read = 0
        kept = read_kept(self.path)
        if isinstance(kept, dict) and kept.get("salt") == salt and kept.keys() >= {"states", "builds", "recorded"}:
            self.kept_states, self.kept_builds, self.recorded = kept["states"], kept["builds"], kept["recorded"]
        else:
            self.kept_states, self.kept_builds, self.recorded = {}, {}, 0
        self.entries = cache_folders(cache)

    def key(self, path: Path, info: os.stat_result) -> str:
        """The source's content key: the one recorded when its file state is the same, else read."""
        state = file_state(info)
        kept = self.kept_states.get(str(path))
        if kept is not None and trusted_state(state, kept[:-1], self.recorded):
            key = kept[-1]
        else:
            key = source_key(path, read_source_file(path), self.salt)
            self.read += 1
        self.states[str(path)] = (*state, key)
        return key

    def cached(self, source: str, key: str, cache: Path, pool: dict) -> DocumentBuild | None:
        """The document made from `key`, when the cache holds it. The values records repeat are
        held once: the list's pickle shares them already, a record read from its build.json (a
        cache the list does not know) takes them from `pool` (`share_recurring`)."""
        if key not in self.entries:
            return None
        kept = self.kept_builds.get(key)
        if kept is None:
            found = cached_document(source, key, cache)
            if found is not None:
                found.record = share_recurring(found.record, pool)
            return found
        return _with_source(kept, source)

    def save(self, documents: Iterable[DocumentBuild]) -> None:
        """Record the states taken and the documents' records, unless nothing changed since the
        last build recorded them."""
        builds = {doc.key: _with_source(doc, "") for doc in documents if doc.key and not doc.failed}
        if not self.read and self.states.keys() == self.kept_states.keys() and builds.keys() == self.kept_builds.keys():
            return
        write_atomic(self.path, pickle.dumps({"salt": self.salt, "recorded": self.started, "states": self.states,
                                              "builds": builds}, protocol=pickle.HIGHEST_PROTOCOL))


def _with_source(doc: DocumentBuild, source: str) -> DocumentBuild:
    """A copy of `doc` made from `source`: its fields copied, not `dataclasses.replace` or
    `copy.copy`, 20,000 times a rebuild of 10,000 documents."""
    made = object.__new__(DocumentBuild)
    made.__dict__.update(doc.__dict__, source=source)
    return made


# -- one document, in a worker --------------------------------------------------------------

#: Catalogue fields whose values recur from document to document (a large edition names the same
#: people and archives thousands of times), and which the main process keeps one copy of each.
RECURRING_FIELDS = ("type", "classification", "archive", "languages", "language_names", "topics", "translators",
                    "places", "people", "organisations")


def share_recurring(record: dict, pool: dict) -> dict:
    """`record` with the values of RECURRING_FIELDS replaced by the pool's copy of them, so that the
    catalogue held while the site is written grows with what is new in each document."""

    def shared(value):
        if isinstance(value, str):
            return pool.setdefault(value, value)
        if isinstance(value, list):
            return [shared(item) for item in value]
        if isinstance(value, dict) and all(isinstance(item, str) for item in value.values()):
            copy = {name: shared(item) for name, item in value.items()}
            return pool.setdefault(tuple(copy.items()), copy)
        return value

    return {name: shared(value) if name in RECURRING_FIELDS else value for name, value in record.items()}


def store_document(cache: Path, result: DocumentBuild, outputs: dict[str, bytes]) -> None:
    """Put a built document's files into `cache/KEY/` at once (a folder renamed into place), with
    its record in build.json; a failed document leaves nothing. An OSError is the cache's."""
    if result.failed:
        return
    folder = Path(cache) / result.key
    staging = Path(cache) / f".{result.key}.{os.getpid()}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for fmt in result.files:
            (staging / f"document.{fmt}").write_bytes(outputs[fmt])
        (staging / "build.json").write_text(json.dumps(asdict(result), sort_keys=True), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_document(source: str, key: str, cache: str, formats: tuple[str, ...],
                   language: str = SOURCE_LANGUAGE) -> DocumentBuild:
    """Convert, validate and render one source into `cache/key/` (in a local worker, which shares
    the cache's disk); never raises for bad input."""
    try:
        data = read_source_file(Path(source))
    except TeiEditionError as exc:
        return DocumentBuild(source=source, key=key, failed=exc.message)
    # The scratch folder is in the cache, whose leftovers the build removes: a worker killed for
    # the time limit leaves nothing in the system's temporary folder.
    result, outputs = make_document(source, data, key, formats, scratch_in=cache, language=language)
    # An OSError here is the cache's (a full disk, a read-only folder): it stops the whole build,
    # since no later document could be written either; unreadable sources are SourceErrors.
    store_document(Path(cache), result, outputs)
    return result


def cached_document(source: str, key: str, cache: Path) -> DocumentBuild | None:
    meta = cache / key / "build.json"
    if not meta.is_file():
        return None
    result = DocumentBuild(**json.loads(meta.read_text(encoding="utf-8")))
    result.source = source
    return result


# -- progress and executors ----------------------------------------------------------------

#: The stages of a build, in their order: the sources are read and keyed; the documents that
#: changed are converted, validated and rendered; the site is written around them; its search
#: index is made.
STAGES = ("reading sources", "converting and rendering", "writing site", "indexing")


@dataclass(frozen=True)
class Progress:
    """One step of a build, for a progress display: the `stage` (one of STAGES), how many of its
    `total` items are `done` (0 and 0 for a stage that is not counted in documents), and the
    `document` just finished, in the converting stage."""

    stage: str
    done: int = 0
    total: int = 0
    document: DocumentBuild | None = None


#: The bar of a stage counted in documents, and of one that is not (writing the site, indexing it).
COUNTED = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}]"
UNCOUNTED = "{desc} [{elapsed}]"


class ProgressBar:
    """A `build(progress=...)` callback that draws one bar on a terminal (tqdm), reset at each
    stage: the stage, the documents done of those to make, the documents per second."""

    def __init__(self, file=None, every: float = 0.1) -> None:
        from tqdm import tqdm  # only where a bar is drawn

        self.tqdm = tqdm
        self.file, self.every = file or sys.stderr, every  # seconds between redraws, at least
        self.bar = None
        self.stage = ""

    def __call__(self, event: Progress) -> None:
        if self.bar is None:
            # A terminal that gives no size (0 by 0) gets 80 by 24 rather than no bar.
            columns, rows = shutil.get_terminal_size((80, 24))
            self.bar = self.tqdm(total=event.total, desc=event.stage, unit=" documents", file=self.file,
                                 leave=False, ncols=columns, nrows=rows, mininterval=self.every, miniters=1,
                                 bar_format=COUNTED if event.total else UNCOUNTED)
            self.stage = event.stage
        elif event.stage != self.stage:
            self.stage = event.stage
            self.bar.bar_format = COUNTED if event.total else UNCOUNTED
            self.bar.set_description_str(event.stage, refresh=False)
            self.bar.reset(total=event.total or None)
        if event.total and event.done > self.bar.n:
            self.bar.update(event.done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def remote_document(source: str, data: bytes, key: str, formats: tuple[str, ...],
                    source_date_epoch: str | None, language: str = SOURCE_LANGUAGE) -> tuple[DocumentBuild, dict[str, bytes]]:
    """`make_document` where the build's environment is not: SOURCE_DATE_EPOCH, which dates the
    PDFs, is the main process's, so that a document's bytes do not depend on where it was made."""
    if source_date_epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch
    return make_document(source, data, key, formats, language=language)


@contextlib.contextmanager
def open_executor(address: str):
    """The executor named by `address`: dask://HOST:PORT, a Dask distributed scheduler (its
    `Client.get_executor()`), with the number of threads its workers have; closed at the end."""
    scheme, _, location = address.partition("://")
    if scheme != "dask" or not location:
        raise OutputError("an executor is given as dask://HOST:PORT (a Dask distributed scheduler)", address)
    try:
        from distributed import Client
    except ImportError:
        raise OutputError("the Dask executor needs the distributed package: pip install 'tei-edition[dask]'",
                          address) from None
    try:
        client = Client(f"tcp://{location}", timeout=10, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise OutputError(f"cannot reach the Dask scheduler: {exc}", address) from None
    try:
        yield client.get_executor(pure=False), max(1, sum(client.nthreads().values()))
    finally:
        client.close()


def executor_slots(executor: Executor, jobs: int | None) -> int:
    """How many documents to keep submitted at once: `jobs`, else the executor's own number of
    workers when it says (a process or thread pool, a Dask cluster), else the local CPU count."""
    if jobs:
        return jobs
    workers = getattr(executor, "_max_workers", None)
    client = getattr(executor, "_client", None)
    if not workers and client is not None and hasattr(client, "nthreads"):
        workers = sum(client.nthreads().values())
    return max(1, workers or os.cpu_count() or 1)


def check_executor(executor: Executor, formats: tuple[str, ...], language: str = SOURCE_LANGUAGE) -> None:
    """Refuse an executor whose workers run other code, stylesheets or schemas than this build's:
    their documents would be cached under this build's key but made by something else."""
    theirs = executor.submit(build_salt, formats, language).result()
    if theirs != build_salt(formats, language):
        raise OutputError("the executor's workers run another version of tei-edition (its code, stylesheets, "
                          "schemas or registers differ from this one's): install the same version there")


def _run_on_executor(executor: Executor, todo: list[tuple[str, str]], cache: Path, formats: tuple[str, ...],
                     time_limit: float | None, slots: int, language: str = SOURCE_LANGUAGE) -> Iterable[DocumentBuild]:
    """The documents of `todo` made by `executor`, at most `slots` submitted at once (the main
    process holds their sources, not the whole corpus), stored in the cache here, as they end.

    A document not back `time_limit` seconds after it was submitted fails; its task cannot be
    stopped (an executor only cancels what has not started), so its answer is ignored when it comes."""
    from ..render.renderer import compile_stylesheets

    compile_stylesheets(formats)  # here, in the calling thread, for a thread pool's threads to share
    queue = deque(todo)
    running: dict[futures.Future, tuple[str, str, float]] = {}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        while queue or running:
            while queue and len(running) < slots:
                source, key = queue.popleft()
                try:
                    data = read_source_file(Path(source))
                except TeiEditionError as exc:
                    yield DocumentBuild(source=source, key=key, failed=exc.message)
                    continue
                future = executor.submit(remote_document, source, data, key, formats, epoch, language)
                running[future] = (source, key, time.monotonic())
            if not running:
                continue
            wait = None
            if time_limit:
                wait = max(0.0, min(t for _, _, t in running.values()) + time_limit - time.monotonic())
            done, _ = futures.wait(running, timeout=wait, return_when=futures.FIRST_COMPLETED)
            for future in done:
                source, key, _ = running.pop(future)
                try:
                    result, outputs = future.result()
                except Exception as exc:  # noqa: BLE001 - the task's or the executor's (a lost worker)
                    yield DocumentBuild(source=source, key=key,
                                        failed=f"failed unexpectedly: {type(exc).__name__}: {exc}")
                    continue
                store_document(cache, result, outputs)
                yield result
            if time_limit:
                now = time.monotonic()
                for future, (source, key, submitted) in list(running.items()):
                    if now - submitted >= time_limit:
                        del running[future]
                        future.cancel()
                        yield DocumentBuild(source=source, key=key, failed=(
                            f"took longer than {time_limit:g} s, the time limit per document (--time-limit): not "
                            "published (its task on the executor cannot be stopped and runs until it ends)"))
    finally:
        for future in running:
            future.cancel()


# -- the whole build ----------------------------------------------------------------------

def build(sources: Iterable[str | os.PathLike] = ("seeds",), out_dir: str | os.PathLike = "edition", *,
          jobs: int | None = None, formats: Iterable[str] = FORMATS,
          progress: Callable[[Progress], None] | None = None, edition: "Edition | None" = None,
          time_limit: float | None = TIME_LIMIT, executor: Executor | str | None = None) -> BuildReport:
    """Build the edition site from source documents into `out_dir`, atomically and incrementally.

    `edition` is the edition's identity; by default the edition.toml beside the sources (see
    `export.edition.find_edition`), else the defaults. A document that takes longer than
    `time_limit` seconds (None or 0: no limit) fails alone. `progress` is called with a `Progress`
    at the start of each stage and after each source and document.

    `executor` makes the documents elsewhere: any `concurrent.futures.Executor`, or dask://HOST:PORT
    for a Dask distributed cluster. Its workers get each source's bytes and send back the
    document's files as bytes, which this process writes; they need the same tei-edition installed,
    not this machine's disk. By default, local worker processes, of which one past the time limit
    is killed; an executor's task cannot be killed, only reported (see `_run_on_executor`)."""
    from ..export.edition import find_edition

    sources = list(sources)
    out = site_output(out_dir, sources)
    edition = edition if edition is not None else find_edition(sources)
    formats = tuple(f for f in FORMATS if f in set(formats))
    unmade: dict[str, str] = {}
    if executor is None:
        # Without Pango no PDF can be made: that fails the PDF alone (one line naming the packages
        # and --formats html,txt, and a non-zero exit), and the site is built with the other
        # formats (on a cluster the workers, not this machine, make the PDFs).
        from ..render.renderer import require_system_packages

        for fmt in formats:
            try:
                require_system_packages([fmt])
            except RenderError as exc:
                unmade[fmt] = str(exc)
        formats = tuple(f for f in formats if f not in unmade)
    with contextlib.ExitStack() as stack:
        # The executor is reached before anything is written: a wrong address leaves no trace.
        slots = None
        if isinstance(executor, str):
            executor, slots = stack.enter_context(open_executor(executor))
        if executor is not None:
            check_executor(executor, formats, edition.language)
            slots = executor_slots(executor, jobs or slots)
        cache = out.parent / f".{out.name}.cache"
        cache.mkdir(parents=True, exist_ok=True)
        with _locked(cache, out), _fewer_collections():
            _clean_stale(out, cache)
            try:
                report = _build(sources, out, cache, jobs, formats, progress, edition, time_limit, executor, slots)
                report.unmade.update(unmade)
                return report
            finally:
                _clean_stale(out, cache)  # what workers stopped by an error or Ctrl+C left


#: The cyclic garbage collector's first threshold while a build runs (Python's default: 700).
BUILD_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def _fewer_collections():
    """The cyclic garbage collector run less often during the build: a rebuild of a large edition
    makes and unpickles hundreds of thousands of objects that live to its end (the catalogue, the
    source list, the site's listing), and a collection every 700 new objects walks them again and
    again (0.7 s of a 3.5 s rebuild at 10,000 documents). Garbage is still collected."""
    thresholds = gc.get_threshold()
    gc.set_threshold(BUILD_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _build(sources: list, out: Path, cache: Path, jobs: int | None, formats: tuple[str, ...],
           progress: Callable[[Progress], None] | None, edition: "Edition",
           time_limit: float | None = None, executor: Executor | None = None, slots: int | None = None) -> BuildReport:
    from .pages import SiteFiles, write_site

    salt, code = code_keys(cache, formats, edition.language)
    timings: dict[str, float] = {}
    started = time.perf_counter()

    paths = list(iter_sources(sources))
    if not paths or all(path.is_dir() for path in paths):
        raise OutputError("no source documents (*.txt) found", ", ".join(map(str, sources)))
    keyed, todo, results = [], [], {}
    pool: dict = {}
    reused = 0
    tell = progress or (lambda event: None)
    tell(Progress(STAGES[0], 0, len(paths)))
    listing = SourceList(cache, salt)
    for done, path in enumerate(paths, 1):
        try:
            try:
                info = os.stat(path)
            except OSError:
                info = None
            if info is None or not stat.S_ISREG(info.st_mode):
                raise OutputError(not_a_file(path, (".txt",)))
            key = listing.key(path, info)
        except TeiEditionError as exc:
            results[str(path)] = DocumentBuild(source=str(path), key="", failed=exc.message)
        else:
            keyed.append((str(path), key))
            cached = listing.cached(str(path), key, cache, pool)
            if cached is not None:
                results[str(path)] = cached
                reused += 1
            else:
                todo.append((str(path), key))
        tell(Progress(STAGES[0], done, len(paths)))

    workers = max(1, jobs or os.cpu_count() or 1)
    made = [0]

    def keep(result: DocumentBuild) -> None:
        _keep(result, results, pool)
        made[0] += 1
        tell(Progress(STAGES[1], made[0], len(todo), result))

    tell(Progress(STAGES[1], 0, len(todo)))
    if executor is not None and todo:
        with contextlib.closing(_run_on_executor(executor, todo, cache, formats, time_limit, slots or workers, edition.language)) as made_there:
            for result in made_there:
                keep(result)
    elif not time_limit and (workers == 1 or len(todo) <= 1):
        for source, key in todo:
            keep(build_document(source, key, str(cache), formats, edition.language))
    elif todo:
        # One document per worker in flight: the main process's memory then holds the catalogue
        # and not a pending task for every document; a worker past the time limit is killed.
        tasks = [(source, key, str(cache), formats, edition.language) for source, key in todo]
        with contextlib.closing(run_tasks(build_document, tasks, workers=workers, time_limit=time_limit)) as outcomes:
            for outcome in outcomes:
                keep(_finished(outcome, cache, time_limit))
    timings["documents"] = time.perf_counter() - started

    documents = [results[str(p)] for p in paths if str(p) in results]
    made_documents = documents
    documents = _reject_duplicate_ids(documents)
    if all(d.failed for d in documents):
        # Nothing could be published (a mistyped folder, unreadable files): an empty site would
        # only destroy the previous one, so it stays as it was, and so does the cache.
        timings["total"] = time.perf_counter() - started
        return BuildReport(documents=documents, rebuilt=len(todo), reused=reused, seconds=timings, replaced=False)
    notes = [] if edition.base_url else [
        "no sitemap.xml: its addresses must be absolute; give the edition's base URL (--base-url, or base_url "
        "in edition.toml)"]
    site_key = _site_key(salt, code, documents, edition)
    unchanged = _unchanged_site(out, cache, site_key)
    if unchanged is not None:
        # The same documents, edition and code as the site on disk, which nobody changed since:
        # the site would come out byte for byte the same, so it is not assembled again.
        tell(Progress(STAGES[2]))  # the stages are passed through, with nothing to do, for a display
        tell(Progress(STAGES[3]))
        timings["total"] = time.perf_counter() - started
        listing.save(made_documents)
        return BuildReport(documents=documents, rebuilt=len(todo), reused=reused, seconds=timings, notes=notes,
                           site=unchanged)
    (cache / SITE_MANIFEST).unlink(missing_ok=True)
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        site_started = time.perf_counter()
        try:
            tell(Progress(STAGES[2]))
            present = folder_entries(out) if out.is_dir() else {}
            files = SiteFiles(staging, present)
            search_parts = write_site(staging, documents, cache, formats, edition,
                                      stage=lambda name: tell(Progress(name)), code=code, files=files,
                                      entries=listing.entries)
            (staging / SITE_MARKER).write_text(
                f"Made by tei-edition {__version__} build: the next build updates this folder and removes what it no longer holds.\n",
                encoding="utf-8")
        except OSError as exc:
            raise _named_in_site(exc, staging, out) from None
        timings["site"] = time.perf_counter() - site_started
        changes, state = _publish(staging, out, present, files.kept)
        files.adopt(out, changes.written, cache)
    finally:
        if not has_unfinished_update(staging):  # else the update is finished by `_clean_stale`
            shutil.rmtree(staging, ignore_errors=True)
    _prune_cache(cache, {key for _, key in keyed} | search_parts)
    _write_manifest(cache, site_key, state)
    listing.save(made_documents)
    timings["total"] = time.perf_counter() - started
    return BuildReport(documents=documents, rebuilt=len(todo), reused=reused, seconds=timings, notes=notes,
                       site=changes)


# -- the output: what a build may replace, and one build at a time ----------------------------

def site_output(out_dir: str | os.PathLike, sources: Iterable[str | os.PathLike]) -> Path:
    """The output folder as an absolute path, once it is known that replacing it loses nothing:
    it is not a symbolic link, it is new, empty or a site made by a build, it holds no source
    and it is not inside a source folder. Missing sources are refused here, before anything is
    touched, so that a mistyped name never costs a site."""
    given = Path(os.path.abspath(out_dir))
    if not given.name:
        raise OutputError("the output cannot be the root folder", str(given))
    if given.is_symlink():
        raise OutputError("the output is a symbolic link; a build does not replace what a link points to: "
                          "give the folder itself", str(given))
    out = given.parent.resolve() / given.name
    if out.exists() and not out.is_dir():
        raise OutputError("the output path exists and is not a folder", str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise OutputError(f"the output folder is not empty and was not made by tei-edition build (it has no "
                          f"{SITE_MARKER}); refusing to replace it: give a new or empty folder", str(out))
    cache = out.parent / f".{out.name}.cache"
    for item in sources:
        if not os.path.lexists(item):
            raise OutputError("no such file or folder (nothing was built)", str(item))
        source = Path(item).resolve()
        if source == out or out in source.parents:
            raise OutputError(f"the output folder holds the source {item}; a build would delete it", str(out))
        if source == cache or cache in source.parents:
            raise OutputError("a source is in the build's own cache", str(item))
        if source.is_dir() and source in out.parents:
            raise OutputError(f"the output folder is inside the source folder {item}; outputs are never written "
                              "among the sources", str(out))
    return out


@contextlib.contextmanager
def _locked(cache: Path, out: Path):
    """Hold an exclusive lock on the site's cache for the whole build; a second build of the same
    site stops at once instead of deleting the first one's files."""
    fd = os.open(cache, os.O_RDONLY)  # the cache folder itself is locked: no lock file is left behind
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputError("another build of this site is running; try again when it has finished",
                                  str(out)) from None
            raise
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _clean_stale(out: Path, cache: Path) -> None:
    """Remove what killed builds left (under the lock, nothing else is building this site). A build
    killed between moving the old site aside and putting the new one in place gets the old back; one
    killed while it updated the site in place has its update finished (its staging folder holds the
    journal and the files not yet moved in), so that the site is never left half old, half new."""
    olds = sorted(out.parent.glob(f".{out.name}.old-*"))
    if olds and not out.exists():
        os.replace(olds.pop(), out)
    stagings = sorted(out.parent.glob(f".{out.name}.staging-*"), key=lambda path: path.stat().st_mtime_ns)
    for staging in stagings:
        if out.is_dir() and has_unfinished_update(staging):
            finish_update(staging, out)
    for stale in [*stagings, *olds]:
        shutil.rmtree(stale, ignore_errors=True)
    for entry in cache.iterdir():
        if entry.name.startswith(".") and entry.is_dir():  # a document's staging folder
            shutil.rmtree(entry, ignore_errors=True)


def _named_in_site(exc: OSError, staging: Path, out: Path) -> OSError:
    """The error with the site's file as its name. A copy names its source first (a schema in the
    package, say), but what could not be written is the file in the site."""
    for name in (exc.filename2, exc.filename):
        if name and (Path(name) == staging or staging in Path(name).parents):
            return OSError(exc.errno, exc.strerror, str(out / Path(name).relative_to(staging)))
    return OSError(exc.errno, exc.strerror, str(out))


def _finished(outcome: Outcome, cache: Path, time_limit: float | None) -> DocumentBuild:
    """The document a worker built; or, for one that ran out of time or whose worker died, that
    document's failure (the batch goes on). An OSError is the cache's: it stops the build."""
    if outcome.error is None and not outcome.timed_out and outcome.exit_code is None:
        return outcome.value
    if isinstance(outcome.error, OSError):
        raise outcome.error
    source, key = outcome.task[:2]
    shutil.rmtree(cache / f".{key}.{outcome.worker_pid}", ignore_errors=True)  # its staging folder
    if outcome.timed_out:
        failed = (f"took longer than {time_limit:g} s, the time limit per document (--time-limit): stopped, "
                  "not published")
    elif outcome.error is not None:
        failed = f"failed unexpectedly: {type(outcome.error).__name__}: {outcome.error}"
    elif outcome.exit_code is not None and outcome.exit_code < 0:
        failed = f"its worker process was killed ({signal.Signals(-outcome.exit_code).name}): not published"
    else:
        failed = f"its worker process ended with exit status {outcome.exit_code}: not published"
    return DocumentBuild(source=source, key=key, failed=failed)


def _keep(result: DocumentBuild, results: dict[str, DocumentBuild], pool: dict) -> None:
    result.record = share_recurring(result.record, pool)
    results[result.source] = result


def _reject_duplicate_ids(documents: list[DocumentBuild]) -> list[DocumentBuild]:
    """The documents, those whose id an earlier one has as failed copies (the cache's stay as made)."""
    seen: dict[str, str] = {}
    kept = []
    for doc in documents:
        if not doc.failed and doc.id:
            if doc.id in seen:
                doc = replace(doc, failed=f"same record ID as {seen[doc.id]}: not published twice")
            else:
                seen[doc.id] = doc.source
        kept.append(doc)
    return kept


def _publish(staging: Path, out: Path, present: dict[str, os.stat_result],
             kept: set[str]) -> tuple[FolderChanges, dict[str, list[int]]]:
    """Put the new site in place: the first one is renamed into place; an existing one is updated
    in place, file by file, so that what did not change keeps its inode and its mtime (a server's
    caches, rsync and backups see only what changed). `present` is the site's files as listed before
    the staging folder was written; `kept` are those of them that the staging folder does not hold
    because the site holds them already (`pages.SiteFiles`). Gives what changed and the site's
    state after it (`_site_state`), from that listing and the files the update wrote."""
    if not out.exists():
        state = _site_state(staging)  # a folder renamed keeps its files' inodes, sizes and mtimes
        os.replace(staging, out)
        return FolderChanges(written=sorted(state, key=lambda name: name.split("/"))), state
    old = dict(present)
    # The kept files are left out of what the update sees of the site: it neither compares them
    # nor removes them.
    changes = update_in_place(staging, out, {name: info for name, info in present.items() if name not in kept})
    changes.unchanged += len(kept)
    for name in changes.removed:
        del old[name]
    for name in changes.written:
        old[name] = os.lstat(out / name)
    return changes, _file_states(old)


#: In the cache: what the site on disk was made from (`_site_key`), on the first line, then the
#: inode, size and mtime of each of its files when the build that made it ended (a pickle: the
#: build's own file, written and read at every build, for 70,000 files at 10,000 documents).
SITE_MANIFEST = "site-manifest.pickle"
#: What the manifest was called when it was JSON: removed from an older build's cache.
_OLD_SITE_MANIFEST = "site.json"


def _site_key(salt: str, code: str, documents: list[DocumentBuild], edition: "Edition") -> str:
    """Everything the site is made from: the documents (each by its content key, which stands for
    its cached files and record, and its source's name), the edition, the day (citations give it as
    the date accessed), the whole package (the site's code and templates too), the key to the marks
    (docs/encoding.md) and Pagefind's version."""
    from importlib import metadata

    from ..export.citation import accessed_date

    try:
        pagefind = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        pagefind = ""
    parts = [salt, code, hashlib.sha256(doc_path("encoding.md").read_bytes()).hexdigest(),
             repr(edition), accessed_date().isoformat(), pagefind,
             json.dumps([[d.source, d.key, d.id, d.failed] for d in documents])]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _file_states(entries: dict[str, os.stat_result]) -> dict[str, list[int]]:
    """What the manifest keeps of each file (`folder_entries`): its inode, size and mtime."""
    return {name: _manifest_state(info) for name, info in entries.items()}


def _site_state(out: Path) -> dict[str, list[int]]:
    """`_file_states` of the site's files, without holding an os.stat_result for each of them."""
    return folder_entries(out, _manifest_state)


def _manifest_state(info: os.stat_result) -> list[int]:
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def _unchanged_site(out: Path, cache: Path, key: str) -> FolderChanges | None:
    """The site's files, all unchanged, when the site on disk was made from `key` and no file of it
    was changed, added or removed since; else None."""
    try:
        with open(cache / SITE_MANIFEST, "rb") as manifest:
            if manifest.readline() != f"{key}\n".encode() or not out.is_dir():
                return None  # another site: its files' states are not even read
            files = pickle.load(manifest)
    except UNREADABLE_PICKLE:
        return None
    state = _site_state(out)
    return FolderChanges(unchanged=len(state)) if files == state else None


def _write_manifest(cache: Path, key: str, state: dict[str, list[int]]) -> None:
    write_atomic(cache / SITE_MANIFEST, f"{key}\n".encode() + pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    (cache / _OLD_SITE_MANIFEST).unlink(missing_ok=True)


def _prune_cache(cache: Path, keep: set[str]) -> None:
    with os.scandir(cache) as entries:
        for entry in entries:
            if entry.name not in keep and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)

