"""The document cache's key is made from the code that makes a document (the import graph from
tei.site.document), not from the site's pages and templates: an edit to a page template keeps
every document cached, an edit to a converter or renderer makes them all again."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS
from tei.core.imports import PACKAGE, import_closure
from tei.site.build import _files_digest, document_code

#: Made in a fresh process: which of the package's modules making one document loads.
LOADED_BY_MAKING = """
import json, sys
from pathlib import Path
from tei.site.document import make_document
result, outputs = make_document("seed.txt", Path(sys.argv[1]).read_bytes(), "key", ("html", "txt"))
assert not result.failed and set(outputs) == {"xml", "html", "txt"}, result.failed
print(json.dumps(sorted(name for name in sys.modules if name == "tei" or name.startswith("tei."))))
"""


def test_every_module_that_makes_a_document_is_in_its_cache_key():
    made = subprocess.run([sys.executable, "-c", LOADED_BY_MAKING, str(SEEDS[0])], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    loaded = set(json.loads(made.stdout.strip().splitlines()[-1]))
    keyed = set(document_code())
    assert loaded and loaded <= keyed, sorted(loaded - keyed)
    # and not the code that only puts the site around the documents
    assert not keyed & {"tei.site.pages", "tei.site.build", "tei.site.namecards", "tei.site.serve", "tei.cli"}


def test_a_lazy_import_by_name_is_followed():
    """tei.convert looks its names up in pipeline.py on first use (importlib.import_module)."""
    closure = import_closure(("tei.convert",))
    assert "tei.convert.pipeline" in closure and "tei.convert.encoder" in closure


def test_changing_a_module_that_makes_documents_changes_the_key_and_the_site_code_does_not(tmp_path):
    package = tmp_path / "tei"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))

    def key() -> str:
        return _files_digest(document_code(package))

    before = key()
    for name in ("site/pages.py", "site/build.py", "site/namecards.py", "cli.py", "site/templates/base.html"):
        path = package / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert key() == before
    for name in ("convert/encoder.py", "render/transform.py", "validate/schematron.py", "core/record.py",
                 "site/document.py"):
        path = package / name
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "\n# changed\n", encoding="utf-8")
        assert key() != before, name
        path.write_text(original, encoding="utf-8")
    assert key() == before


def test_the_code_keys_kept_in_the_cache_follow_every_change_to_the_package(tmp_path, monkeypatch):
    """The salt and the package's digest are taken from the cache only while every file they are
    read from has the state recorded, trusted as a source's is: a file changed within the racy
    window is read again, and so is one changed with its size and mtime kept (its ctime moved)."""
    import os

    import tei.core.imports as imports
    import tei.site.build as build_module
    from tei.site.build import code_keys

    package = tmp_path / "tei"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(imports, "PACKAGE", package)
    cache = tmp_path / "cache"
    cache.mkdir()
    computed = []
    real = build_module.build_salt
    monkeypatch.setattr(build_module, "build_salt", lambda *args: computed.append(args) or real(*args))

    first = code_keys(cache, ("html",))
    assert code_keys(cache, ("html",)) == first and len(computed) == 2  # just copied: racy, read again
    monkeypatch.setattr(build_module, "RACY_NS", 0)
    code_keys(cache, ("html",))
    computed.clear()
    assert code_keys(cache, ("html",)) == first and computed == []
    assert code_keys(cache, ("html", "txt"))[0] != first[0] and len(computed) == 1  # other formats

    code_keys(cache, ("html",))
    computed.clear()
    module = package / "convert" / "encoder.py"
    info = module.stat()
    module.write_bytes(module.read_bytes()[:-1] + b" ")  # the same size
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the same mtime
    changed = code_keys(cache, ("html",))
    assert changed[0] != first[0] and changed[1] != first[1] and len(computed) == 1

    computed.clear()
    template = package / "site" / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    site_changed = code_keys(cache, ("html",))
    assert site_changed[0] == changed[0] and site_changed[1] != changed[1] and len(computed) == 1
