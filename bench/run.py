"""The benchmark: documents per second for each stage, peak memory, and the goals' ratios.

    .venv/bin/python bench/run.py [--sizes 1000,10000] [--tei-stylesheets DIR] [--tei-all RNG]

Prints one table row per corpus size and stage of conversion; then, on the same generated
documents and in the same run, the whole pipeline against its references (issue 13's goals):

- pipeline: convert + validate (project schemas) + render HTML and text, each file written, in
  one process (as one worker of `build` does it);
- TEI Stylesheets `html/html.xsl` (DIR, default ../shared/tei-stylesheets) on the pipeline's TEI
  files, run by saxonche (PyPI) or else Saxon-HE (Debian libsaxonhe-java); goal: the pipeline
  at least 10 times as many documents a second;
- the floor: lxml parsing, serialising and writing the same TEI files; goal: the pipeline
  within 3 times of it;
- validation with the project's schemas against jing with tei_all on the same files; goal: at
  least 3 times jing's rate.

Stylesheets and schemas are compiled before the timing (their compile times are printed), except
for jing and the Saxon-HE jar, which are timed as one command over all the files. A reference
that is not installed is a row that says why it was not run. Speed targets live here, not in
timed tests; on a shared machine, read the ratios rather than the times.
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

from tei.convert.pipeline import encode_document, read_document  # noqa: E402
from tei.convert.encoder import serialize_tei  # noqa: E402
from tei.convert.lossless import check_lossless  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = ROOT.parent / "shared" / "tei-stylesheets"
SAXON_JAR = Path("/usr/share/java/Saxon-HE.jar")


def bench_convert(paths: list[Path]) -> dict[str, float]:
    """Time read, encode, the lossless check and serialise separately over the corpus; then a second pass under
    tracemalloc (which slows Python down) for the peak memory of one document's conversion."""
    timings = {"read": 0.0, "encode": 0.0, "check": 0.0, "serialise": 0.0}
    for path in paths:
        data = path.read_bytes()
        start = time.perf_counter()
        doc = read_document(data, path.name)
        middle = time.perf_counter()
        tree = encode_document(doc)
        end = time.perf_counter()
        check_lossless(data.decode("utf-8"), tree, path.name)  # the corpus is UTF-8
        checked = time.perf_counter()
        serialize_tei(tree)
        timings["read"] += middle - start
        timings["encode"] += end - middle
        timings["check"] += checked - end
        timings["serialise"] += time.perf_counter() - checked
    tracemalloc.start()
    for path in paths[:200]:
        serialize_tei(encode_document(read_document(path.read_bytes(), path.name)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {stage: len(paths) / seconds for stage, seconds in timings.items() if seconds}
    result["convert"] = len(paths) / sum(timings.values())
    result["peak_mb"] = peak / 1e6
    return result


class Clock:
    """Wall-clock and CPU seconds (of this process's threads and its finished children) spent
    inside `with clock:` blocks. On a shared machine the CPU figures are the steadier ones."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    @staticmethod
    def _cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    def __enter__(self) -> "Clock":
        self._started = (time.perf_counter(), self._cpu())
        return self

    def __exit__(self, *exc) -> None:
        self.wall += time.perf_counter() - self._started[0]
        self.cpu += self._cpu() - self._started[1]


def bench_pipeline(paths: list[Path], work: Path) -> tuple[dict[str, Clock], dict[str, float]]:
    """Clocks for the pipeline over `paths`, stage by stage, writing into `work` (its TEI files are
    left in work/tei for the references), and the compile times spent before them."""
    from tei.convert.pipeline import convert_bytes, output_name
    from tei.render.renderer import render
    from tei.validate.validator import Validator

    tei_dir, out = work / "tei", work / "out"
    tei_dir.mkdir()
    out.mkdir()
    clock = time.perf_counter()
    validator = Validator()  # the project's schemas: RELAX NG, XSD and Schematron
    compiled = {"schemas": time.perf_counter() - clock}
    clock = time.perf_counter()
    warm = work / "warm.xml"
    warm.write_bytes(convert_bytes(paths[0].read_bytes(), paths[0].name)[0])
    render(warm, "html"), render(warm, "txt")  # compiles html.xsl and text.xsl, once per process
    compiled["stylesheets"] = time.perf_counter() - clock
    clocks = {stage: Clock() for stage in ("convert", "validate", "html", "txt", "pipeline")}
    with clocks["pipeline"]:
        for path in paths:
            with clocks["convert"]:
                tei, doc = convert_bytes(path.read_bytes(), path.name)
                target = tei_dir / output_name(doc, path)
                target.write_bytes(tei)
            with clocks["validate"]:
                validator.validate_bytes(tei, target.name)  # as `build` does: the bytes it has, parsed once
            with clocks["html"]:
                (out / f"{target.stem}.html").write_bytes(render(target, "html", params={"name-index": "../browse/"}))
            with clocks["txt"]:
                (out / f"{target.stem}.txt").write_bytes(render(target, "txt"))
    return clocks, compiled


def bench_floor(files: list[Path], work: Path) -> Clock:
    """lxml parsing, serialising and writing each file: the least any TEI pipeline does."""
    from lxml import etree

    out = work / "floor"
    out.mkdir()
    with Clock() as clock:
        for file in files:
            (out / file.name).write_bytes(etree.tostring(etree.parse(str(file)), xml_declaration=True,
                                                         encoding="UTF-8"))
    return clock


def bench_stylesheets(files: list[Path], work: Path, stylesheets: Path) -> tuple[str, Clock | None, str]:
    """(tool, clock, note) for the TEI Stylesheets' html.xsl over the files; no clock: not run."""
    xsl = stylesheets / "html" / "html.xsl"
    if not xsl.is_file():
        return "TEI Stylesheets", None, f"no {xsl} (the Stylesheets are on no registry; see --tei-stylesheets)"
    out = work / "stylesheets"
    out.mkdir()
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        PySaxonProcessor = None
    if PySaxonProcessor is not None:
        processor = PySaxonProcessor(license=False)
        started = time.perf_counter()
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))
        compile_seconds = time.perf_counter() - started
        with Clock() as clock:
            for file in files:
                executable.transform_to_file(source_file=str(file), output_file=str(out / f"{file.stem}.html"))
        missing = [f.name for f in files if not (out / f"{f.stem}.html").is_file()]
        if missing:
            return processor.version, None, f"wrote no output for {len(missing)} files ({missing[0]}, ...)"
        return processor.version, clock, f"in-process, compiled before the timing ({compile_seconds:.1f} s)"
    if SAXON_JAR.is_file() and shutil.which("java"):
        command = ["java", "-cp", str(SAXON_JAR), "net.sf.saxon.Transform", f"-xsl:{xsl}",
                   f"-s:{files[0].parent}", f"-o:{out}"]
        with Clock() as clock:
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return "Saxon-HE (jar)", clock, "one command: JVM start and compilation counted"
    return "TEI Stylesheets", None, "neither saxonche (pip install saxonche) nor Saxon-HE (Debian libsaxonhe-java)"


def bench_validation(files: list[Path], tei_all: str | None) -> tuple[Clock, Clock | None, str]:
    """(our clock with the project's schemas, jing's with tei_all or None, note)."""
    from tei.validate.validator import Validator

    validator = Validator()
    with Clock() as ours:
        for file in files:
            validator.validate_file(file)
    jing = shutil.which("jing")
    from tei.validate.validator import find_tei_all

    rng = Path(tei_all) if tei_all else find_tei_all()
    if jing is None:
        return ours, None, "no jing on PATH (Debian: jing)"
    if rng is None or not rng.is_file():
        return ours, None, "no tei_all.rng (see --tei-all)"
    with Clock() as theirs:
        result = subprocess.run([jing, str(rng), *map(str, files)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode not in (0, 1):  # 1: some file invalid, a result here
        return ours, None, f"jing failed: {result.stderr.decode()[-200:]}"
    return ours, theirs, "one command: JVM start and schema compilation counted"


def compare(paths: list[Path], stylesheets: Path, tei_all: str | None) -> None:
    """The pipeline and its references on the same documents, and the goals' ratios (by wall-clock
    time, and by CPU time)."""
    size = len(paths)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pipeline, compiled = bench_pipeline(paths, work)
        files = sorted((work / "tei").glob("*.xml"))
        floor = bench_floor(files, work)
        tool, stylesheet, stylesheet_note = bench_stylesheets(files, work, stylesheets)
        ours, jing, jing_note = bench_validation(files, tei_all)

    def rates(clock: Clock | None) -> str:
        if clock is None:
            return f"{'not run':>10} {'':>10}"
        return f"{size / clock.wall:>10.1f} {size / clock.cpu:>10.1f}"

    print(f"\n{'documents':>10} {'what':<44} {'docs/s':>10} {'per CPU s':>10}")
    rows = [(f"pipeline: {stage}", pipeline[stage], "") for stage in ("convert", "validate", "html", "txt")]
    rows += [("pipeline, whole", pipeline["pipeline"], ""),
             ("floor: lxml parse + serialise + write", floor, ""),
             (f"html.xsl: {tool}", stylesheet, stylesheet_note),
             ("validate, project schemas", ours, ""),
             ("validate, jing + tei_all", jing, jing_note)]
    for name, clock, note in rows:
        print(f"{size:>10} {name:<44} {rates(clock)}  {note}".rstrip())
    print(f"compiled before the timing: schemas {compiled['schemas']:.1f} s, "
          f"stylesheets {compiled['stylesheets']:.2f} s")

    whole = pipeline["pipeline"]
    print(f"\n{'ratio (documents a second)':<44} {'wall':>7} {'CPU':>7}  goal")
    for name, faster, slower, goal, met, note in (
            ("pipeline ÷ TEI Stylesheets html.xsl", whole, stylesheet, "≥ 10×", lambda r: r >= 10, stylesheet_note),
            ("floor ÷ pipeline", floor, whole, "≤ 3×", lambda r: r <= 3, ""),
            ("validation ÷ jing + tei_all", ours, jing, "≥ 3×", lambda r: r >= 3, jing_note)):
        if faster is None or slower is None:
            print(f"{name:<44} {'not run':>7} {'':>7}  {goal}  ({note})")
            continue
        wall, cpu = slower.wall / faster.wall, slower.cpu / faster.cpu
        print(f"{name:<44} {wall:>6.1f}× {cpu:>6.1f}×  {goal}  {verdict(met(wall), met(cpu))}")


def verdict(by_wall: bool, by_cpu: bool) -> str:
    """A goal judged by both clocks: on a shared machine the wall clock counts other jobs' time, so
    a goal met by CPU time alone is said so rather than called met or missed."""
    if by_wall and by_cpu:
        return "met"
    if by_wall or by_cpu:
        return f"met by {'wall-clock' if by_wall else 'CPU'} time only"
    return "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (e.g. 1000,10000)")
    parser.add_argument("--tei-stylesheets", metavar="DIR", default=str(STYLESHEETS),
                        help="the TEI Stylesheets (html/html.xsl; default ../shared/tei-stylesheets)")
    parser.add_argument("--tei-all", metavar="RNG", help="tei_all.rng for jing (default: the copy in schemas/tei_all/)")
    args = parser.parse_args()
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.node()}: {platform.machine()}, "
          f"{os_cpus()} CPUs, Python {platform.python_version()}")
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"\n{'documents':>10} {'stage':<10} {'docs/s':>10}")
        with tempfile.TemporaryDirectory() as folder:
            paths = make_corpus(size, Path(folder))
            result = bench_convert(paths)
            for stage in ("read", "encode", "check", "serialise", "convert"):
                print(f"{size:>10} {stage:<10} {result[stage]:>10.1f}")
            print(f"{size:>10} {'check %':<10} {100 * result['convert'] / result['check']:>10.1f}")
            print(f"{size:>10} {'peak MB':<10} {result['peak_mb']:>10.1f}")
            compare(paths, Path(args.tei_stylesheets), args.tei_all)
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def os_cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
