"""The benchmark: documents per second for each stage, and peak memory.

    .venv/bin/python bench/run.py [--sizes 1000,10000]

Prints one table row per corpus size and stage. Speed targets live here, not in timed tests.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

from tei.convert import encode_document, read_document  # noqa: E402
from tei.encoder import serialize_tei  # noqa: E402
from tei.lossless import check_lossless  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (e.g. 1000,10000)")
    args = parser.parse_args()
    print(f"{'documents':>10} {'stage':<10} {'docs/s':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            paths = make_corpus(size, Path(folder))
            result = bench_convert(paths)
        for stage in ("read", "encode", "check", "serialise", "convert"):
            print(f"{size:>10} {stage:<10} {result[stage]:>10.1f}")
        print(f"{size:>10} {'check %':<10} {100 * result['convert'] / result['check']:>10.1f}")
        print(f"{size:>10} {'peak MB':<10} {result['peak_mb']:>10.1f}")
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
