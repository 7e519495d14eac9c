"""Our render and validate against the reference toolchain, on the same TEI files in one run.

    .venv/bin/python bench/compare.py [--files 200] [--sample 10] [--tei-stylesheets DIR] [--tei-all RNG]

- render --to html: ours in-process and through the command line, against the TEI Consortium's
  Stylesheets (DIR/html/html.xsl) run by Saxon-HE (Debian: libsaxonhe-java). The Stylesheets are
  not on a registry: without --tei-stylesheets that row says "not run".
- validate: ours with tei_all, against jing (Debian: jing) with the same tei_all.rng.
- the floor: lxml parsing and serialising the same files.

"batch" runs one process over every file (start-up and schema compilation counted once); "per
document" starts one process per file, on --sample files (start-up counted every time).
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.xml"))
TEI = "{http://www.tei-c.org/ns/1.0}"
SAXON_JARS = [Path("/usr/share/java/Saxon-HE.jar")]
CLI = [sys.executable, "-m", "tei.cli"]


def make_files(count: int, folder: Path) -> list[Path]:
    """`count` TEI files: the golden files, each copy numbered and with some paragraphs repeated."""
    folder.mkdir(parents=True, exist_ok=True)
    trees = [etree.parse(str(path)) for path in GOLDEN]
    paths = []
    for i in range(count):
        tree = copy.deepcopy(trees[i % len(trees)])
        root = tree.getroot()
        root.set("n", str(i))
        paragraphs = list(root.iter(f"{TEI}p"))
        body = [p for p in paragraphs if p.getparent().tag == f"{TEI}div"]
        for paragraph in body[: i % 4]:
            paragraph.addnext(copy.deepcopy(paragraph))
        path = folder / f"doc-{i:04d}.xml"
        tree.write(str(path), xml_declaration=True, encoding="UTF-8")
        paths.append(path)
    return paths


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(command: list[str | Path]) -> None:
    subprocess.run([str(c) for c in command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_lenient(command: list[str | Path]) -> None:
    """For validators: invalid files exit non-zero, which is a result here, not a failure."""
    result = subprocess.run([str(c) for c in command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{command[0]} failed: {result.stderr.decode()[-500:]}")


def find_tei_all(given: str | None) -> Path | None:
    from tei.validate.validator import find_tei_all as shipped

    return Path(given) if given else shipped()


def bench(args) -> list[tuple[str, str, str, int, float | None]]:
    """Rows of (task, tool, mode, documents, seconds); seconds None: not run."""
    from tei.render import render
    from tei.validate.validator import Validator

    rows = []
    work = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        files = make_files(args.files, work / "tei")
        sample = files[: args.sample]
        out = work / "out"

        rows.append(("floor", "lxml parse + serialise", "in-process", len(files),
                     timed(lambda: [etree.tostring(etree.parse(str(f))) for f in files])))

        render(files[0], "html")  # compile the stylesheets once, as a long-running process would
        rows.append(("render html", "tei-edition", "in-process", len(files),
                     timed(lambda: [render(f, "html") for f in files])))
        rows.append(("render html", "tei-edition", "batch", len(files),
                     timed(lambda: run([*CLI, "render", work / "tei", "--to", "html", "-o", out / "ours"]))))
        rows.append(("render html", "tei-edition", "per document", len(sample),
                     timed(lambda: [run([*CLI, "render", f, "--to", "html", "-o", out / "ours1"]) for f in sample])))
        saxon = next((jar for jar in SAXON_JARS if jar.is_file()), None)
        xsl = Path(args.tei_stylesheets) / "html" / "html.xsl" if args.tei_stylesheets else None
        ready = saxon is not None and xsl is not None and xsl.is_file() and shutil.which("java")
        saxon_cmd = ["java", "-cp", str(saxon), "net.sf.saxon.Transform", f"-xsl:{xsl}"]
        # Saxon, given a directory as -s:, refuses an -o: that is not an existing directory
        # ("Input is a directory, but output is not"); it names each output after its input.
        (out / "saxon").mkdir(parents=True, exist_ok=True)
        rows.append(("render html", "TEI Stylesheets + Saxon-HE", "batch", len(files),
                     timed(lambda: run([*saxon_cmd, f"-s:{work / 'tei'}", f"-o:{out / 'saxon'}"])) if ready else None))
        rows.append(("render html", "TEI Stylesheets + Saxon-HE", "per document", len(sample),
                     timed(lambda: [run([*saxon_cmd, f"-s:{f}", f"-o:{out / 'saxon1' / f.name}.html"])
                                    for f in sample]) if ready else None))

        rng = find_tei_all(args.tei_all)
        if rng is None:
            rows += [("validate tei_all", tool, mode, len(files), None)
                     for tool, mode in (("tei-edition", "in-process"), ("tei-edition", "batch"), ("jing", "batch"))]
            return rows
        validator = Validator(["tei-all"], tei_all=rng)  # compiled here, outside the timing
        rows.append(("validate tei_all", "tei-edition", "in-process", len(files),
                     timed(lambda: [validator.validate_file(f) for f in files])))
        rows.append(("validate tei_all", "tei-edition", "batch", len(files),
                     timed(lambda: run_lenient([*CLI, "validate", "--schema", "tei-all", "--tei-all", rng, work / "tei"]))))
        jing = shutil.which("jing")
        rows.append(("validate tei_all", "jing", "batch", len(files),
                     timed(lambda: run_lenient([jing, rng, *files])) if jing else None))
        rows.append(("validate tei_all", "tei-edition", "per document", len(sample),
                     timed(lambda: [run_lenient([*CLI, "validate", "--schema", "tei-all", "--tei-all", rng, f])
                                    for f in sample])))
        rows.append(("validate tei_all", "jing", "per document", len(sample),
                     timed(lambda: [run_lenient([jing, rng, f]) for f in sample]) if jing else None))
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_table(rows) -> None:
    """Documents per second, and each row's speed relative to ours (same task and mode) and the floor."""
    speed = {(task, tool, mode): docs / seconds for task, tool, mode, docs, seconds in rows if seconds}
    floor = next(v for (task, _, _), v in speed.items() if task == "floor")
    print(f"{'task':<17} {'tool':<27} {'mode':<13} {'docs':>5} {'docs/s':>9} {'ours ÷ it':>10} {'floor ÷ it':>11}")
    for task, tool, mode, docs, seconds in rows:
        if not seconds:
            print(f"{task:<17} {tool:<27} {mode:<13} {docs:>5} {'not run':>9}")
            continue
        rate = docs / seconds
        ours = speed.get((task, "tei-edition", mode))
        relative = f"{ours / rate:.1f}×" if ours and tool != "tei-edition" else ""
        shown = f"{rate:.1f}" if rate >= 1 else f"{rate:.3f}"
        print(f"{task:<17} {tool:<27} {mode:<13} {docs:>5} {shown:>9} {relative:>10} {floor / rate:>10.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200, help="TEI files to make from tests/golden (default 200)")
    parser.add_argument("--sample", type=int, default=10, help="files for the per-document runs (default 10)")
    parser.add_argument("--tei-stylesheets", metavar="DIR", help="a checkout of TEIC/Stylesheets")
    parser.add_argument("--tei-all", metavar="RNG", help="tei_all.rng (default: the copy in schemas/tei_all/)")
    args = parser.parse_args()
    print_table(bench(args))


if __name__ == "__main__":
    main()
