"""Compiled stylesheets are shared by every document of a process, and the `document()` guard
still follows each document's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei.core.errors import RenderError
from tei.render import render
from tei.render import transform
from conftest import TESTS

GOLDEN = TESTS / "golden"


def _documents(tmp_path: Path, count: int) -> list[Path]:
    """`count` TEI files, each in a folder of its own (as the build lays them out)."""
    sources = sorted(GOLDEN.glob("*.xml"))
    paths = []
    for index in range(count):
        folder = tmp_path / f"doc-{index}"
        folder.mkdir()
        path = folder / "document.xml"
        path.write_bytes(sources[index % len(sources)].read_bytes())
        paths.append(path)
    return paths


@pytest.mark.parametrize("count", [1, 6])
def test_each_stylesheet_compiles_once_whatever_the_number_of_document_folders(tmp_path, monkeypatch, count):
    compiles = []
    real = transform.compile_stylesheet
    monkeypatch.setattr(transform, "compile_stylesheet", lambda path, folder=None: compiles.append(path.name)
                        or real(path, folder))
    transform.compiled.cache_clear()
    try:
        for path in _documents(tmp_path, count):
            render(path, "html")
            render(path, "txt")
    finally:
        transform.compiled.cache_clear()
    assert sorted(compiles) == ["html.xsl", "text.xsl"]


def test_a_shared_stylesheet_renders_each_document_as_a_fresh_one_would(tmp_path):
    paths = _documents(tmp_path, 5)
    fresh = []
    for path in paths:
        transform.compiled.cache_clear()
        fresh.append((render(path, "html"), render(path, "txt")))
    transform.compiled.cache_clear()
    assert [(render(path, "html"), render(path, "txt")) for path in paths] == fresh


def _probe(folder: Path, url: str) -> etree.XSLT:
    """A stylesheet reading `url`, compiled with its own folder as the one document() may read."""
    folder.mkdir()
    path = folder / "probe.xsl"
    path.write_text(f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:template match="/"><r><xsl:value-of select="document('{url}')"/></r></xsl:template>
    </xsl:stylesheet>""")
    return transform.compile_stylesheet(path, folder)


def test_one_compiled_stylesheet_reads_only_the_folder_of_the_run_under_way(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "inside.xml").write_text("<v>first's</v>")
    stylesheet = _probe(tmp_path / "xsl", f"{first}/inside.xml")
    tree = etree.ElementTree(etree.fromstring("<a/>"))
    assert "first's" in str(transform.run(stylesheet, tree, {}, folder=first))
    with pytest.raises(RenderError, match="only read files in the input's folder"):
        transform.run(stylesheet, tree, {}, folder=second)
    with pytest.raises(RenderError, match="only read files in the input's folder"):
        transform.run(stylesheet, tree, {})  # none: the compile-time folder
    assert "first's" in str(transform.run(stylesheet, tree, {}, folder=first))
