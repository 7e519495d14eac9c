"""The hostile corpus (tests/hostile/) through every command: each bad input gets a one-line error
naming the file and the cause, a non-zero exit status, no traceback, no output of its own, no
change to earlier outputs, and nothing of a local file anywhere; memory stays bounded."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import HOSTILE, ROOT
from helpers import missing_words
from tei.cli import cli
from tei.convert.readers.source import decode_source

sys.path.insert(0, str(HOSTILE))
import make_corpus  # noqa: E402

TEXT = HOSTILE / "text"
#: Text sources that must be refused, and the words of the cause.
TEXT_REFUSED = {"empty.txt": "is empty", "whitespace-only.txt": "only white space",
                "binary.txt": "binary data", "png-renamed.txt": "PNG image"}
TEXT_CONVERTED = sorted(p.name for p in TEXT.iterdir() if p.name not in TEXT_REFUSED)
#: XML inputs that every command must refuse, and the cause (a regular expression).
XML_REFUSED = {"not-well-formed.xml": "not well-formed", "not-tei.xml": "TEI", "xxe.xml": "DOCTYPE",
               "external-dtd.xml": "DOCTYPE", "billion-laughs.xml": "DOCTYPE|entity", "quadratic-blowup.xml": "DOCTYPE|entity",
               "xinclude.xml": "XInclude", "deep-nesting.xml": "depth",
               "deep-nesting-245.xml": "nested more than 100 levels deep", "nul-byte.xml": "not well-formed"}
#: render reads an XInclude as its fallback or a placeholder (never followed); the rest it refuses.
RENDER_REFUSED = {name: cause for name, cause in XML_REFUSED.items() if name != "xinclude.xml"}
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.xml"))
#: A string only the secret file holds: it must never come out of any command.
SECRET = f"SECRET-{uuid.uuid4().hex}"


def invoke(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_refused(result, name: str, cause: str) -> None:
    """A non-zero exit, no traceback, and one line that names the file and the cause (a regex)."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if name in line and re.search(cause, line)], result.output
    assert SECRET not in result.output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_no_secret(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


@pytest.fixture(scope="module")
def xml_inputs(tmp_path_factory) -> Path:
    """The XML fixtures, aimed at a secret file of this run; and the 100,000-deep file, made here."""
    folder = tmp_path_factory.mktemp("hostile-xml")
    secret = folder.parent / f"{folder.name}-secret.txt"
    secret.write_text(SECRET)
    for path in (HOSTILE / "xml").iterdir():
        (folder / path.name).write_bytes(path.read_bytes().replace(b"@SECRET_URL@", secret.as_uri().encode()))
    make_corpus.xml_deep(folder)
    return folder


# -- convert ------------------------------------------------------------------------------------

@pytest.fixture
def earlier(tmp_path) -> Path:
    """An output folder that already holds a converted document."""
    out = tmp_path / "out"
    assert invoke("convert", ROOT / "seeds" / "004_5a195c45a986ff21.txt", "-o", out).exit_code == 0
    return out


@pytest.mark.parametrize("name", sorted(TEXT_REFUSED))
def test_convert_refuses_a_bad_source(earlier, name):
    before = snapshot(earlier)
    result = invoke("convert", TEXT / name, "-o", earlier)
    assert_refused(result, name, TEXT_REFUSED[name])
    assert snapshot(earlier) == before


@pytest.mark.parametrize("name", TEXT_CONVERTED)
def test_convert_keeps_every_word_of_an_odd_source(earlier, name):
    before = snapshot(earlier)
    result = invoke("convert", TEXT / name, "-o", earlier)
    assert result.exit_code == 0, result.output
    [output] = [Path(line.split(" -> ")[1]) for line in result.output.splitlines() if " -> " in line]
    assert output.parent == earlier.resolve()
    # a Record ID value that is no ID (a path) never names the file: the source's stem does
    assert output.name == "record-id-with-slashes.xml" if name == "record-id-with-slashes.txt" else output.name.startswith("wilson-")
    text, _ = decode_source((TEXT / name).read_bytes())
    assert not missing_words(text, etree.parse(str(output)))
    assert {k: v for k, v in snapshot(earlier).items() if k != output.name} == before


def test_convert_of_the_whole_text_corpus_reports_each_failure_on_one_line(tmp_path):
    result = invoke("convert", TEXT, "-o", tmp_path / "out")
    assert result.exit_code == 1
    for name, cause in TEXT_REFUSED.items():
        assert_refused(result, name, cause)
    assert len(list((tmp_path / "out").iterdir())) == len(TEXT_CONVERTED)


# -- validate, render, export: XML ----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(XML_REFUSED))
def test_validate_refuses_hostile_xml(xml_inputs, name):
    result = invoke("validate", xml_inputs / name)
    cause = "Expecting element TEI" if name == "not-tei.xml" else XML_REFUSED[name]
    assert_refused(result, name, cause)


@pytest.mark.parametrize("command", [["validate", "{}"], ["validate", "--format", "json", "{}"],
                                     ["render", "{}", "--to", "txt", "-o", "{out}"],
                                     ["export", "csv", "{}", "-o", "{out}.csv"], ["entities", "{}"]], ids=" ".join)
def test_a_libxml2_message_that_ends_in_a_newline_is_still_one_line(xml_inputs, tmp_path, command):
    """It once printed a stray `, line 2, column 223` line of its own."""
    name = "nul-byte.xml"
    args = [arg.replace("{}", str(xml_inputs / name)).replace("{out}", str(tmp_path / "out")) for arg in command]
    result = CliRunner().invoke(cli, args)
    output = result.output.replace(str(tmp_path), "")
    assert not [line for line in output.splitlines() if re.match(r"\s*,? ?line \d+, column \d+", line)], output
    if "json" in command:
        import json
        [message] = json.loads(result.stdout)["files"][0]["messages"]
        assert message["line"] == 2 and "\n" not in message["message"] and ", line 2" not in message["message"]
        return
    [line] = [line for line in output.splitlines() if name in line]
    assert re.search(r"line 2, column \d+: not well-formed XML: Invalid character: Char 0x0 out of allowed range$", line), line


@pytest.mark.parametrize("to", ["html", "txt"])
@pytest.mark.parametrize("name", sorted(RENDER_REFUSED))
def test_render_refuses_hostile_xml(xml_inputs, tmp_path, name, to):
    out = tmp_path / "out"
    assert invoke("render", GOLDEN[0], "--to", to, "-o", out).exit_code == 0
    before = snapshot(out)
    result = invoke("render", xml_inputs / name, "--to", to, "-o", out)
    assert_refused(result, name, RENDER_REFUSED[name])
    assert snapshot(out) == before


@pytest.mark.parametrize("to", ["html", "txt"])
def test_render_shows_an_xinclude_as_a_placeholder_and_never_follows_it(xml_inputs, tmp_path, to):
    result = invoke("render", xml_inputs / "xinclude.xml", "--to", to, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert re.search(r"xinclude\.xml: warning: line \d+: XInclude of .* not followed; a placeholder is shown",
                     result.output), result.output
    assert re.search(r"\[not included:\s+file:", (tmp_path / f"xinclude.{to}").read_text(encoding="utf-8"))
    assert SECRET not in result.output
    assert_no_secret(tmp_path)


@pytest.mark.parametrize("name", ["xxe.xml", "xml-stylesheet.xml"])
def test_render_to_pdf_leaks_nothing(xml_inputs, tmp_path, name):
    result = invoke("render", xml_inputs / name, "--to", "pdf", "-o", tmp_path)
    assert SECRET not in result.output
    if name in XML_REFUSED:
        assert_refused(result, name, XML_REFUSED[name])
        assert not list(tmp_path.glob("*.pdf"))
    else:
        assert result.exit_code == 0, result.output
    assert_no_secret(tmp_path)


@pytest.mark.parametrize("to", ["html", "txt"])
def test_an_xml_stylesheet_instruction_is_ignored(xml_inputs, tmp_path, to):
    result = invoke("render", xml_inputs / "xml-stylesheet.xml", "--to", to, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "A styled document." in (tmp_path / f"xml-stylesheet.{to}").read_text(encoding="utf-8")
    assert_no_secret(tmp_path)
    assert SECRET not in invoke("validate", "--format", "json", xml_inputs / "xml-stylesheet.xml").output


@pytest.mark.parametrize("fmt, output", [("csv", "catalogue.csv"), ("tei-corpus", "corpus.xml"), ("bagit", "bag")])
def test_export_reports_each_bad_source_and_exports_the_rest(xml_inputs, tmp_path, fmt, output):
    sources = [xml_inputs, TEXT, GOLDEN[0]]
    result = invoke("export", fmt, *sources, "-o", tmp_path / output)
    for name, cause in {**XML_REFUSED, **TEXT_REFUSED}.items():
        cause = "TEI document" if name == "not-tei.xml" else cause
        assert_refused(result, name, cause)
    assert (tmp_path / output).exists()
    assert_no_secret(tmp_path)


def test_csv_export_writes_no_cell_a_spreadsheet_would_run_as_a_formula(xml_inputs, tmp_path):
    """Header fields that start with = + - @, a tab or a carriage return are written with a single
    quote in front (OWASP), and nothing else of them changes."""
    out = tmp_path / "catalogue.csv"
    result = invoke("export", "csv", xml_inputs / "formula-cells.xml", "-o", out)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    cells = [cell for cell in row.values() if cell]
    assert not [cell for cell in cells if cell[0] in "=+-@\t\r"], cells
    unescaped = {field: value.replace("&amp;", "&").replace("&#9;", "\t").replace("&#13;", "\r")
                 for field, value in make_corpus.FORMULAS.items()}
    expected = {"title": "title", "idno": "idno", "settlement": "settlement", "archive": "repository",
                "collection": "collection", "translators": "translator", "summary": "summary",
                "uploaded": "uploaded", "original_language": "mainLang"}
    assert {column: row[column] for column in expected} == {column: "'" + unescaped[field]
                                                            for column, field in expected.items()}


# -- build ----------------------------------------------------------------------------------------

def test_build_publishes_the_good_sources_and_names_each_bad_one(tmp_path):
    site = tmp_path / "site"
    result = invoke("build", TEXT, "-o", site, "--formats", "html,txt", "-j", "1", "-q")
    for name, cause in TEXT_REFUSED.items():
        assert_refused(result, name, cause)
    published = sorted(p.name for p in (site / "documents").iterdir()) if (site / "documents").is_dir() else None
    assert (site / "index.html").is_file() and published != []
    assert not any(name.removesuffix(".txt") in page.name for name in TEXT_REFUSED for page in site.rglob("*"))


# -- large files, in a child process: time and peak memory --------------------------------------

#: The child runs the command line and, at exit, writes its peak memory (its own VmHWM, or that of
#: a worker process it ran, in kB) to the file that TEI_EDITION_PEAK_FILE names. wait4's ru_maxrss cannot be used: Linux keeps a process's
#: high-water mark across fork and exec, so a child of a test process grown to 400 MB reports 400 MB
#: however little it used. VmHWM belongs to the memory of the program after exec, and so is its own.
_MEASURED_CHILD = (
    "import atexit, os, resource, runpy, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as status, open(os.environ['TEI_EDITION_PEAK_FILE'], 'w') as out:\n"
    "        own = int(next(line for line in status if line.startswith('VmHWM:')).split()[1])\n"
    "        out.write(str(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))\n"
    "atexit.register(_peak)\n"
    "sys.argv[0] = 'tei-edition'\n"
    "runpy.run_module('tei.cli', run_name='__main__', alter_sys=True)\n")


def run_measured(args: list[str | Path], cwd: Path, timeout: float) -> tuple[int, str, float, float]:
    """Run the command line in a child process: exit status, output, seconds, peak memory in MB (of
    the command's main process; where /proc is missing, of the child as wait4 reports it)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", _MEASURED_CHILD, *map(str, args)], cwd=cwd,
                                 stdout=out, stderr=subprocess.STDOUT,
                                 env={**os.environ, "TEI_EDITION_PEAK_FILE": str(peak_file)})
        killer = threading.Timer(timeout, child.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            killer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        peak = int(peak_file.read_text()) / 1024 if peak_file.is_file() else usage.ru_maxrss / 1024
        return child.returncode, out.read().decode("utf-8", "replace"), time.monotonic() - started, peak


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    for name in ("large-50mb.txt", "large-200mb.xml"):
        make_corpus.LARGE[name](folder)
    return folder


#: Generous bounds: the Python interpreter with lxml and the tool's modules is about 100 MB.
PEAK_MB = 400


@pytest.mark.parametrize("command", [["convert", "large-50mb.txt", "-o", "out"],
                                     ["build", "large-50mb.txt", "-o", "site", "--formats", "html", "-j", "1"],
                                     ["validate", "large-200mb.xml"],
                                     ["render", "large-200mb.xml", "--to", "txt", "-o", "out"],
                                     ["export", "csv", "large-200mb.xml", "-o", "out.csv"]],
                         ids=lambda c: c[0])
def test_a_file_over_the_size_limit_is_refused_quickly_without_reading_it(large, command):
    status, output, seconds, peak = run_measured(command, large, timeout=120)
    assert status != 0 and "Traceback" not in output
    name = next(arg for arg in command if arg.startswith("large-"))
    assert [line for line in output.splitlines() if name in line and "too large" in line], output
    assert seconds < 60 and peak < PEAK_MB, (seconds, peak)
    assert not (large / "out").exists() or not list((large / "out").iterdir())


def test_a_100000_line_document_converts_in_bounded_memory(tmp_path):
    source = make_corpus.text_100k_lines(tmp_path)
    status, output, seconds, peak = run_measured(["convert", source, "-o", "out"], tmp_path, timeout=1200)
    assert status == 0, output
    assert peak < 2000, f"peak memory {peak:.0f} MB"
    tree = etree.parse(str(next((tmp_path / "out").iterdir())))
    assert not missing_words(source.read_text(encoding="utf-8"), tree)


@pytest.fixture(scope="module")
def special(tmp_path_factory) -> list[Path]:
    return make_corpus.special_files(tmp_path_factory.mktemp("special"))


#: Every command that reads sources, for a source `name` in the current folder.
READERS = {
    "convert": lambda name: ["convert", name, "-o", "out"],
    "build": lambda name: ["build", name, "-o", "site", "--formats", "html", "-j", "1", "-q"],
    "validate": lambda name: ["validate", name],
    "render": lambda name: ["render", name, "--to", "txt", "-o", "out"],
    "export": lambda name: ["export", "csv", name, "-o", "out.csv"],
    "entities": lambda name: ["entities", name],
}


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("kind", ["fifo.txt", "fifo.xml", "zero"])
def test_a_fifo_or_a_device_as_a_source_is_refused_with_one_line(special, tmp_path, command, kind):
    """Read, a FIFO waits for a writer for ever and /dev/zero never ends: both are refused at once."""
    source = next(path for path in special if path.name == ("zero" if kind == "zero" else kind))
    status, output, seconds, peak = run_measured(READERS[command](str(source)), tmp_path, timeout=60)
    assert status != 0 and "Traceback" not in output, output
    assert len([line for line in output.splitlines() if str(source) in line]) == 1, output
    assert [line for line in output.splitlines() if str(source) in line and "not a regular file" in line], output
    assert seconds < 50 and peak < PEAK_MB, (seconds, peak)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_fifo_in_a_source_folder_is_named_and_the_rest_is_built(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "letter.txt").write_bytes(SEED.read_bytes())
    [fifo, *_] = make_corpus.special_files(src)
    status, output, _, _ = run_measured(READERS["build"]("src"), tmp_path, timeout=120)
    assert status == 1 and "Traceback" not in output, output
    assert [line for line in output.splitlines() if "fifo.txt" in line] == ["src/fifo.txt: error: not a regular file"]
    assert "1 published" in output and (tmp_path / "site" / "index.html").is_file()


# -- the file system -------------------------------------------------------------------------------

def _under(path, folder: Path) -> bool:
    try:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve())
    except (TypeError, ValueError):
        return False


@contextmanager
def read_only(folder: Path, monkeypatch):
    """Make `folder` read-only. Root ignores permission bits, so for root the calls that create,
    replace or remove files inside it are made to fail the way the kernel would (EACCES)."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        def refuse(real, *, writing=lambda *a, **k: True):
            def call(path, *args, **kwargs):
                if _under(path, folder) and writing(*args, **kwargs):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
                return real(path, *args, **kwargs)
            return call

        monkeypatch.setattr(os, "open", refuse(os.open, writing=lambda flags, *a, **k: flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)))
        monkeypatch.setattr(io, "open", refuse(io.open, writing=lambda mode="r", *a, **k: any(c in mode for c in "wax+")))
        for name in ("mkdir", "replace", "rename", "unlink", "rmdir"):
            monkeypatch.setattr(os, name, refuse(getattr(os, name)))
    try:
        yield folder
    finally:
        monkeypatch.undo()
        folder.chmod(0o755)


@contextmanager
def disk_full_after(folder: Path, monkeypatch, nbytes: int = 100):
    """Writes into `folder` stop with ENOSPC after `nbytes` bytes, as on a full disk."""
    real_open, real_fdopen = io.open, os.fdopen

    class Full(io.BufferedWriter):
        def write(self, data):
            if self.tell() + len(data) > nbytes:
                super().write(bytes(data)[: max(0, nbytes - self.tell())])
                self.flush()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return super().write(data)

    def wrap(handle, path):
        if isinstance(handle, io.BufferedWriter) and _under(path, folder):
            return Full(handle.detach())
        return handle

    monkeypatch.setattr(io, "open", lambda file, mode="r", *a, **k: wrap(real_open(file, mode, *a, **k), file))
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: wrap(real_fdopen(fd, mode, *a, **k),
                                                                          os.readlink(f"/proc/self/fd/{fd}")))
    try:
        yield folder
    finally:
        monkeypatch.undo()


SEED = ROOT / "seeds" / "004_5a195c45a986ff21.txt"
#: Every command that writes, as (arguments, output path) for an output folder `out` inside `parent`.
WRITERS = {
    "convert": lambda out: (["convert", SEED, "-o", out, "--force"], out),
    "render": lambda out: (["render", GOLDEN[0], "--to", "txt", "-o", out], out),
    "export": lambda out: (["export", "csv", GOLDEN[0], "-o", out / "catalogue.csv", "--force"], out),
    "build": lambda out: (["build", SEED, "-o", out / "site", "--formats", "html", "-j", "1", "-q"], out),
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_read_only_output_folder_is_a_clear_error(tmp_path, monkeypatch, command):
    out = tmp_path / "out"
    out.mkdir()
    args, _ = WRITERS[command](out)
    assert invoke(*args).exit_code == 0  # an earlier run's output
    before = snapshot(out)
    if command == "build":  # a build with nothing to change writes nothing, so a read-only site is no error
        with read_only(out, monkeypatch):
            assert invoke(*args).exit_code == 0
        assert snapshot(out) == before
        args = [*args[:5], "html,txt", *args[6:]]  # a build that must write
    with read_only(out, monkeypatch):
        result = invoke(*args)
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "ermission denied" in result.output and str(out) in result.output, result.output
    assert snapshot(out) == before


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_full_disk_is_a_clear_error_and_leaves_no_half_file(tmp_path, monkeypatch, command):
    out = tmp_path / "out"
    out.mkdir()
    args, _ = WRITERS[command](out)
    with disk_full_after(out, monkeypatch):
        result = invoke(*args)
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "No space left on device" in result.output, result.output
    leftovers = [p for p in out.rglob("*") if p.is_file()]
    assert not leftovers, leftovers


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path, command):
    blocker = tmp_path / "out"
    blocker.write_bytes(b"a file, not a folder")
    args, _ = WRITERS[command](blocker)
    result = invoke(*args)
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert str(blocker) in result.output, result.output
    assert blocker.read_bytes() == b"a file, not a folder"


def test_a_full_disk_while_the_site_copies_package_files_names_the_file_in_the_site(tmp_path, monkeypatch):
    # a copy's error names its source first, so the build once blamed a schema file in the package;
    # a copied folder (the map's scripts) once gave "cannot write: [Errno None] None"
    out = tmp_path / "out"
    out.mkdir()
    real_sendfile = os.sendfile

    def sendfile(out_fd, in_fd, offset, count):
        if _under(os.readlink(f"/proc/self/fd/{out_fd}"), out):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_sendfile(out_fd, in_fd, offset, count)

    monkeypatch.setattr(os, "sendfile", sendfile)
    args, _ = WRITERS["build"](out)
    result = invoke(*args)
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output
    # one line naming the first file copied into the site (a schema or the map's scripts), never
    # the package's copy it came from
    (line,) = result.output.splitlines()
    assert re.fullmatch(rf"Error: {re.escape(str(out / 'site'))}/(schemas|vendor)/\S+: cannot write: No space left on device",
                        line), line
    assert sorted(p.name for p in out.iterdir()) == [".site.cache"]  # no site, no staging folder
