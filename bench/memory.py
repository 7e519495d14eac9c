"""Peak memory of the build's main process at any size, without making every document.

    .venv/bin/python bench/memory.py --sizes 1000,10000,50000 [--edit]

Each size is a fresh process that builds a site of N documents whose converted files are already
in the cache: `--templates` generated documents (bench/corpus.py) are built for real once, and
each of the N sources is one of them with a number appended, cached under its own key and id
(its files hard-linked from the template's). So the run measures what grows with the edition in
the main process, which holds the catalogue while it writes the site: the pages, citations,
documents.json, the teiCorpus and the listings are all made, the search index is not (Pagefind
runs in its own process, on one part at a time; see bench/build.py for its memory).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

SCRIPT = """
import json, os, resource, shutil, sys, time
sys.path.insert(0, {here!r})
from dataclasses import asdict
from pathlib import Path
from corpus import make_corpus
import tei.site.build as build_module
import tei.site.pages as pages
from tei.convert.readers.source import read_source_file

formats = ("html", "txt")
folder = Path({folder!r})
templates = make_corpus({templates}, folder / "templates")
build_module.build([folder / "templates"], folder / "template-site", jobs=None, formats=formats)
template_cache = folder / ".template-site.cache"
salt = build_module.build_salt(formats)
made = [build_module.cached_document(str(p), build_module.source_key(p, read_source_file(p), salt), template_cache)
        for p in templates]
sources = folder / "sources"
sources.mkdir()
cache = folder / ".edition.cache"
cache.mkdir()
for index in range({size}):
    template = made[index % len(made)]
    data = Path(template.source).read_bytes() + f"\\n{{index}}\\n".encode()
    path = sources / f"doc-{{index:06d}}.txt"
    path.write_bytes(data)
    key = build_module.source_key(path, read_source_file(path), salt)
    entry = cache / key
    entry.mkdir()
    for fmt in template.files:
        os.link(template_cache / template.key / f"document.{{fmt}}", entry / f"document.{{fmt}}")
    copy = build_module.DocumentBuild(**{{**asdict(template), "key": key, "source": str(path),
                                         "id": f"{{template.id}}-{{index}}"}})
    (entry / "build.json").write_text(json.dumps(asdict(copy), sort_keys=True), encoding="utf-8")
pages._index_for_search = lambda folder, parts, cache, files: set()  # no Pagefind: its own process
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
report = build_module.build([sources], folder / "edition", jobs=1, formats=formats)
seconds = time.perf_counter() - start
print(json.dumps({{"documents": len(report.documents), "rebuilt": report.rebuilt, "seconds": seconds,
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "before_mb": before / 1024}}))
"""

#: The build again in a process of its own, after one source's summary was edited (which changes
#: its record): the listings and documents.json are put together from the kept entries, the
#: teiCorpus spliced from the kept one.
EDIT_SCRIPT = """
import json, re, resource, sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
import tei.site.build as build_module
import tei.site.pages as pages

folder = Path({folder!r})
path = next(p for p in sorted((folder / "sources").iterdir()) if b"\\nSummary:\\n" in p.read_bytes())
path.write_bytes(re.sub(rb"(\\nSummary:\\n+)", rb"\\1Edited. ", path.read_bytes(), count=1))
pages._index_for_search = lambda folder, parts, cache, files: set()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
report = build_module.build([folder / "sources"], folder / "edition", jobs=1, formats=("html", "txt"))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{"documents": len(report.documents), "rebuilt": report.rebuilt, "seconds": seconds, "cpu": cpu,
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "before_mb": before / 1024}}))
"""


def run_one(size: int, templates: int, edit: bool) -> tuple[dict, dict | None]:
    folder = tempfile.mkdtemp(prefix="bench-memory-")
    try:
        results = []
        for script in (SCRIPT, EDIT_SCRIPT) if edit else (SCRIPT,):
            script = script.format(here=str(HERE), folder=folder, size=size, templates=templates)
            done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
            if done.returncode:
                sys.exit(done.stderr)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        subprocess.run(["rm", "-rf", folder], check=False)
    return results[0], results[1] if edit else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated edition sizes")
    parser.add_argument("--templates", type=int, default=50, help="documents built for real, then repeated")
    parser.add_argument("--edit", action="store_true",
                        help="then build again in a new process after one source's record was edited")
    args = parser.parse_args()
    print(f"{'documents':>10} {'build':>6} {'s':>8} {'CPU s':>7} {'peak MB main':>13} {'KB/document':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        first, edited = run_one(size, args.templates, args.edit)
        for name, result in (("first", first), ("edit", edited)):
            if result is None:
                continue
            grown = (result["main_mb"] - result["before_mb"]) * 1024 / size
            cpu = f"{result['cpu']:>7.2f}" if "cpu" in result else f"{'':>7}"
            print(f"{size:>10} {name:>6} {result['seconds']:>8.1f} {cpu} {result['main_mb']:>13.0f} {grown:>12.1f}"
                  f"  ({result['rebuilt']} made)")


if __name__ == "__main__":
    main()
