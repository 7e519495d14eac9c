"""The edition build at scale: documents per second for each stage, and peak memory.

    .venv/bin/python bench/build.py --sizes 1000,10000 [--jobs N] [--pdf-sample 50] [--pdf-jobs 1,2]

Builds a synthetic corpus (bench/corpus.py) of each size into a temporary folder, then rebuilds
it with nothing changed and with one source edited (seconds, and site files written), without PDFs
(WeasyPrint takes about a second a page, so PDFs are timed on a sample of `--pdf-sample`
documents, built once for each number of workers in `--pdf-jobs`, to show how PDF builds scale
with `--jobs`). Per-stage rates are per worker (documents per second of one process); the whole
build's rate is wall-clock, with all workers. Peak memory is the resident size of the main
process (which holds the catalogue) and of its largest child: a worker, or Pagefind's indexer,
which runs on one part of the search index at a time (tei.site.pages.SEARCH_PART_BYTES of pages).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_one(size: int, jobs: int | None, formats: str, rebuild: bool = False) -> dict:
    """One build in a fresh process, so that its peak memory is its own; with `rebuild`, then two
    more of the same site: with nothing changed, and with one source edited."""
    script = f"""
import json, resource, shutil, sys, time
sys.path.insert(0, {str(HERE)!r})
from pathlib import Path
from corpus import make_corpus
from tei.site.build import build
folder = Path({tempfile.mkdtemp(prefix='bench-build-')!r})
paths = make_corpus({size}, folder / "sources")
start = time.perf_counter()
report = build([folder / "sources"], folder / "edition", jobs={jobs!r}, formats={tuple(formats.split(','))!r})
wall = time.perf_counter() - start
rebuilds = {{}}
if {rebuild!r}:
    for what in ("nothing changed", "one source edited"):
        if what == "one source edited":
            text = paths[0].read_text(encoding="utf-8")
            paths[0].write_text(text.replace(" the ", " this ", 1), encoding="utf-8")
        clock = time.perf_counter()
        again = build([folder / "sources"], folder / "edition", jobs={jobs!r}, formats={tuple(formats.split(','))!r})
        rebuilds[what] = {{"seconds": time.perf_counter() - clock, "rebuilt": again.rebuilt,
                          "written": len(again.site.written), "removed": len(again.site.removed)}}
stages = {{}}
for doc in report.documents:
    for stage, seconds in doc.seconds.items():
        stages[stage] = stages.get(stage, 0.0) + seconds
shutil.rmtree(folder)
print(json.dumps({{"wall": wall, "site": report.seconds.get("site", 0.0), "documents": len(report.documents),
                  "failed": len(report.failed), "stages": stages, "rebuilds": rebuilds,
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPU count)")
    parser.add_argument("--pdf-sample", type=int, default=50, help="documents to time PDF rendering on (0: none)")
    parser.add_argument("--pdf-jobs", default="", help="comma-separated worker counts to build the PDF sample with "
                        "(default: --jobs), each a build of its own, to show the scaling")
    args = parser.parse_args()
    print(f"{'documents':>10} {'stage':<16} {'docs/s':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        result = run_one(size, args.jobs, "html,txt", rebuild=True)
        n = result["documents"]
        for stage in ("convert", "validate", "html", "txt"):
            seconds = result["stages"].get(stage)
            if seconds:
                print(f"{size:>10} {stage + ' (1 worker)':<16} {n / seconds:>10.1f}")
        print(f"{size:>10} {'site pages':<16} {n / result['site']:>10.1f}")
        print(f"{size:>10} {'whole build':<16} {n / result['wall']:>10.1f}")
        print(f"{size:>10} {'peak MB main':<16} {result['main_mb']:>10.0f}")
        print(f"{size:>10} {'peak MB child':<16} {result['worker_mb']:>10.0f}")
        for what, again in result["rebuilds"].items():
            print(f"{size:>10} rebuild, {what}: {again['seconds']:.1f} s, {again['rebuilt']} documents made, "
                  f"{again['written']} site files written, {again['removed']} removed")
    if args.pdf_sample:
        first = None
        for jobs in [int(j) for j in args.pdf_jobs.split(",") if j] or [args.jobs]:
            result = run_one(args.pdf_sample, jobs, "html,pdf")
            rate = result["documents"] / result["wall"]
            first = first or rate
            print(f"{args.pdf_sample:>10} {'pdf (1 worker)':<16} {result['documents'] / result['stages']['pdf']:>10.2f}")
            label = f"build, pdf, {jobs or 'all'} jobs"
            print(f"{args.pdf_sample:>10} {label:<16} {rate:>10.2f}  (×{rate / first:.2f} the first count's)")
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
