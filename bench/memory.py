"""Peak memory of the build's main process at any size, without making every document.

    .venv/bin/python bench/memory.py --sizes 1000,10000,50000

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


def run_one(size: int, templates: int) -> dict:
    folder = tempfile.mkdtemp(prefix="bench-memory-")
    try:
        script = SCRIPT.format(here=str(HERE), folder=folder, size=size, templates=templates)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr)
        output = done.stdout
    finally:
        subprocess.run(["rm", "-rf", folder], check=False)
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated edition sizes")
    parser.add_argument("--templates", type=int, default=50, help="documents built for real, then repeated")
    args = parser.parse_args()
    print(f"{'documents':>10} {'build s':>8} {'peak MB main':>13} {'KB/document':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        result = run_one(size, args.templates)
        grown = (result["main_mb"] - result["before_mb"]) * 1024 / size
        print(f"{size:>10} {result['seconds']:>8.1f} {result['main_mb']:>13.0f}"
              f" {grown:>12.1f}")


if __name__ == "__main__":
    main()
