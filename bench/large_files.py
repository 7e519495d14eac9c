"""Rendering large real-like files: a 4 MB DTA volume and a 2 MB FRUS volume (issue 16 timed them
at 48 s and 30 s as HTML), each also at a quarter of its size, so that the growth shows whether
rendering is linear (about 4 for four times the file).

    .venv/bin/python bench/large_files.py [--formats html,txt] [--pdf] [--file PATH ...]

The files are made by tests/data/foreign/make_large.py; `--file` adds real files (for example the
whole 3.1 MB DTA Kant volume that tests/data/foreign/projects/ holds a cut of). `--pdf` adds the
PDF, which takes minutes at these sizes. Each time is the best of `--runs` (default 3), after
the stylesheets are compiled: wall-clock seconds, then CPU seconds and, for a whole file, how many
times its quarter's CPU time it took (about 4 when rendering is linear).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "foreign"))

from tei.render.renderer import compile_stylesheets, render  # noqa: E402
import make_large  # noqa: E402

SIZES = (("DTA-like", make_large.dta_like, 4_000_000), ("FRUS-like", make_large.frus_like, 2_000_000))


def best_of(runs: int, path: Path, to: str) -> tuple[float, float]:
    """The best wall-clock and CPU seconds of `runs` renderings (CPU time is the steadier figure
    on a shared machine)."""
    wall = cpu = float("inf")
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render(path, to)
        wall, cpu = min(wall, time.perf_counter() - started), min(cpu, time.process_time() - started_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--formats", default="html,txt")
    parser.add_argument("--pdf", action="store_true", help="time the PDF too (minutes)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", action="append", default=[], type=Path, help="a real TEI file to time as well")
    args = parser.parse_args()
    formats = args.formats.split(",") + (["pdf"] if args.pdf else [])
    compile_stylesheets(formats)
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name, make, size in SIZES:
            for fraction, label in ((4, "¼"), (1, "whole")):
                path = Path(folder) / f"{name}-{label}.xml"
                path.write_bytes(make(size // fraction))
                files.append((f"{name}, {label}", path))
        files += [(path.name, path) for path in args.file]
        print("| file | MB | " + " | ".join(formats) + " |")
        print("| --- | ---: | " + " | ".join("---:" for _ in formats) + " |")
        previous = {}
        for label, path in files:
            cells = []
            for to in formats:
                wall, cpu = best_of(1 if to == "pdf" else args.runs, path, to)
                kind = label.split(",")[0]
                growth = f", ×{cpu / previous[kind, to]:.1f}" if label.endswith("whole") and (kind, to) in previous else ""
                previous[kind, to] = cpu
                cells.append(f"{wall:.2f} s ({cpu:.2f} s CPU{growth})")
            print(f"| {label} | {path.stat().st_size / 1e6:.1f} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
