"""One table of formats (tei/core/formats.py): the command line, the build, the renderer and the
export read their lists, choices and dispatch from it."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

from tei.core.formats import EXPORT, FORMATS, RENDER, format_named, format_names
from tei.core.resources import xslt_path

from conftest import ROOT


#: Run in a fresh interpreter: a row added to the table before anything else is imported.
_WITH_A_NEW_ROW = """
import json
from tei.core import formats
formats.FORMATS += (formats.Format("epub", formats.RENDER, ".epub", "application/epub+zip", "html.xsl"),
                    formats.Format("ead", formats.EXPORT, ".xml", "application/xml", "ead"))
from tei import export
from tei.site import build
from tei.cli import cli
from tei.render import renderer

def choices(command, name):
    return list(next(p for p in cli.commands[command].params if p.name == name).type.choices)

formats_option = next(p for p in cli.commands["build"].params if p.name == "formats")
print(json.dumps({
    "render --to": choices("render", "to"), "export FORMAT": choices("export", "fmt"),
    "build --formats": formats_option.default, "build.FORMATS": list(build.FORMATS),
    "renderer.FORMATS": list(renderer.FORMATS), "renderer.STYLESHEETS": renderer.STYLESHEETS,
    "export.FORMATS": list(export.FORMATS),
}))
"""


def test_a_row_added_to_the_table_is_seen_by_the_cli_the_build_the_renderer_and_the_export():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", _WITH_A_NEW_ROW], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    renderings, exports = ["html", "pdf", "txt", "epub"], ["tei-corpus", "cmif", "dc", "csv", "json", "bagit", "ead"]
    assert seen["render --to"] == seen["build.FORMATS"] == seen["renderer.FORMATS"] == renderings
    assert seen["build --formats"] == ",".join(renderings)
    assert seen["renderer.STYLESHEETS"] == {"html": "html.xsl", "pdf": "html.xsl", "txt": "text.xsl", "epub": "html.xsl"}
    assert seen["export FORMAT"] == seen["export.FORMATS"] == exports


def test_every_format_of_the_table_has_what_makes_it_and_nothing_else_does():
    from tei import export
    from tei.render import renderer

    assert len({row.name for row in FORMATS}) == len(FORMATS)
    assert set(renderer.MAKERS) == set(renderer.DEFAULT_VIEW) == set(format_names(RENDER))
    assert set(export.WRITERS) == set(format_names(EXPORT))
    for name in format_names(RENDER):
        assert xslt_path(format_named(name).made_by).is_file(), name
        assert format_named(name).suffix == f".{name}"  # the build's cache and the site name files by format
    for name in format_names(EXPORT):
        importlib.import_module(f"tei.export.{format_named(name).made_by}")


def test_the_pdf_names_the_system_packages_the_table_gives():
    from tei.render.pdf import PDF_SYSTEM_PACKAGES

    needing = [row.name for row in FORMATS if row.system_packages]
    assert needing == ["pdf"] and PDF_SYSTEM_PACKAGES == format_named("pdf").system_packages
