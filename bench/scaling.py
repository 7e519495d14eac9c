"""How rendering and validating grow with the input: each stage timed at n, 2n, 4n and 8n.

    .venv/bin/python bench/scaling.py [--n 1000] [--stages notes,lb,hands,colspan,spaces,roles,sic]

Prints one row per stage and size with the seconds and the growth over the previous size: about 2
for a linear stage, 4 for a quadratic one. tests/render/test_linear_time.py checks the same stages at
smaller sizes (tests/convert/test_text_safety.py the reader, the tagger and the encoder); the inputs are the
hostile corpus's (tests/hostile/make_corpus.py).
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
from tei.core.resources import schema_path  # noqa: E402
from tei.validate.validator import OnePassSchematronCheck  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "hostile"))
import make_corpus  # noqa: E402


def hands(n: int) -> bytes:
    return etree.tostring(tei.convert_text(make_corpus.hands(n)), pretty_print=True)


def convert(path: Path) -> None:
    tei.convert_text(path.read_bytes())


def schematron(path: Path) -> None:
    tree = etree.parse(str(path))
    OnePassSchematronCheck(sorted(schema_path(".").glob("tei-edition*.sch")), "sch").check(tree, path.name)


#: stage: (what is counted, the input of size n, what is timed, n as a fraction of --n)
STAGES = {
    "notes": ("notes", make_corpus.notes, lambda path: render(path, "html"), 1),
    "lb": ("lines", make_corpus.lines, lambda path: render(path, "html"), 4),
    "hands": ("hand marks", hands, schematron, 1),
    "colspan": ("rows", make_corpus.spans, lambda path: render(path, "pdf"), 1 / 20),
    "spaces": ("spaces", make_corpus.spaces, convert, 4),
    "roles": ("roles", make_corpus.roles, convert, 2),
    "sic": ("[sic] marks", make_corpus.sic_marks, convert, 2),
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
