"""How rendering and validating grow with the input: each stage timed at n, 2n, 4n and 8n.

    .venv/bin/python bench/scaling.py [--n 1000] [--stages notes,lb,hands,colspan]

Prints one row per stage and size with the seconds and the growth over the previous size: about 2
for a linear stage, 4 for a quadratic one. tests/test_linear_time.py checks the same stages at
smaller sizes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree  # noqa: E402

import tei  # noqa: E402
from tei.render.renderer import render  # noqa: E402
from tei.resources import schema_path  # noqa: E402
from tei.validate import OnePassSchematronCheck  # noqa: E402

HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Scaling</title>'
          '</titleStmt><publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>'
          '</fileDesc></teiHeader><text><body>')
FOOTER = '</body></text></TEI>'


def notes(n: int) -> bytes:
    return (HEADER + "<p>" + "".join(f"word {i}<note>Note {i}.</note> " for i in range(n)) + "</p>" + FOOTER).encode()


def lines(n: int) -> bytes:
    return (HEADER + "<p>" + "".join(f"line {i}<lb/>" for i in range(n)) + "</p>" + FOOTER).encode()


def hands(n: int) -> bytes:
    text = "May 4, 1988\n\nA Title of the Document\n\n" + "word [inserted by hand: x] " * n + "\n"
    return etree.tostring(tei.convert_text(text), pretty_print=True)


def spans(n: int) -> bytes:
    rows = '<row><cell cols="100000">wide</cell><cell>narrow</cell></row>' * n
    return (HEADER + "<table>" + rows + "</table>" + FOOTER).encode()


def schematron(path: Path) -> None:
    tree = etree.parse(str(path))
    OnePassSchematronCheck(sorted(schema_path(".").glob("tei-edition*.sch")), "sch").check(tree, path.name)


#: stage: (what is counted, the input of size n, what is timed, n as a fraction of --n)
STAGES = {
    "notes": ("notes", notes, lambda path: render(path, "html"), 1),
    "lb": ("lines", lines, lambda path: render(path, "html"), 4),
    "hands": ("hand marks", hands, schematron, 1),
    "colspan": ("rows", spans, lambda path: render(path, "pdf"), 1 / 20),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="the smallest size (default 1000)")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated, of: " + ", ".join(STAGES))
    args = parser.parse_args()
    print("| stage | input | size | KB | seconds | growth |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.stages.split(","):
            unit, make, stage, share = STAGES[name]
            warm = Path(folder) / f"{name}-warm.xml"
            warm.write_bytes(make(1))
            stage(warm)  # compiled stylesheets and schemas, fonts: once per process
            previous = None
            for factor in (1, 2, 4, 8):
                size = max(1, round(args.n * share)) * factor
                path = Path(folder) / f"{name}-{size}.xml"
                path.write_bytes(make(size))
                started = time.perf_counter()
                stage(path)
                seconds = time.perf_counter() - started
                growth = f"{seconds / previous:.1f}" if previous else ""
                print(f"| {name} | {unit} | {size:,} | {path.stat().st_size // 1024:,} | {seconds:.2f} | {growth} |",
                      flush=True)
                previous = seconds


if __name__ == "__main__":
    main()
