"""Rendering untrusted TEI: hostile XML is refused, and the stylesheets cannot write, fetch or
read outside the input's folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei.cli import cli
from tei.core.errors import RenderError, UnsafeXMLError
from tei.render import render
from tei.render.transform import compile_stylesheet, run
from conftest import TESTS


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>&secret;</p></body></text></TEI>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol3;</p></body></text></TEI>"""


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("to", ["html", "txt"])
def test_hostile_xml_is_refused(tmp_path, payload, to):
    path = tmp_path / "hostile.xml"
    path.write_bytes(payload)
    with pytest.raises(UnsafeXMLError, match="DOCTYPE"):
        render(path, to)


def test_cli_reports_hostile_xml_clearly(tmp_path):
    path = tmp_path / "hostile.xml"
    path.write_bytes(XXE)
    result = CliRunner().invoke(cli, ["render", str(path), "--to", "html", "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "hostile.xml" in result.output and "DOCTYPE" in result.output
    assert not (tmp_path / "out" / "hostile.html").exists()


def test_a_file_that_is_not_tei_is_refused(tmp_path):
    path = tmp_path / "other.xml"
    path.write_bytes(b"<html><body>hi</body></html>")
    with pytest.raises(RenderError, match="not a TEI P5 document"):
        render(path, "html")


def _stylesheet(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "probe.xsl"
    path.write_text(f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
      <xsl:template match="/">{body}</xsl:template></xsl:stylesheet>""")
    return path


def test_stylesheets_cannot_write_files(tmp_path):
    target = tmp_path / "written.txt"
    xslt = compile_stylesheet(_stylesheet(tmp_path, f'<exsl:document href="{target}">x</exsl:document>'), tmp_path)
    with pytest.raises(RenderError):
        run(xslt, etree.ElementTree(etree.fromstring("<a/>")), {})
    assert not target.exists()


def _read(folder: Path, url: str) -> str:
    xslt = compile_stylesheet(_stylesheet(folder, f"<r><xsl:value-of select=\"document('{url}')\"/></r>"), folder)
    return str(run(xslt, etree.ElementTree(etree.fromstring("<a/>")), {}))


def test_document_reads_inside_the_input_folder_only(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "inside.xml").write_text("<v>inside</v>")
    (tmp_path / "outside.xml").write_text("<v>outside</v>")
    assert "inside" in _read(folder, f"{folder}/inside.xml")
    with pytest.raises(RenderError, match="only read files in the input's folder"):
        _read(folder, f"{tmp_path}/outside.xml")
    with pytest.raises(RenderError, match="network|denied"):
        _read(folder, "http://127.0.0.1:9/x.xml")


def test_document_refuses_hostile_files_in_the_folder(tmp_path):
    (tmp_path / "evil.xml").write_bytes(XXE)
    with pytest.raises(RenderError, match="refused evil.xml.*DOCTYPE"):
        _read(tmp_path, f"{tmp_path}/evil.xml")


def test_a_bad_file_does_not_stop_a_batch(tmp_path):
    sources = tmp_path / "tei"
    sources.mkdir()
    (sources / "a-broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>")
    good = TESTS / "golden" / "004_5a195c45a986ff21.xml"
    (sources / "b-good.xml").write_bytes(good.read_bytes())
    result = CliRunner().invoke(cli, ["render", str(sources), "--to", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{sources / 'a-broken.xml'}: error:" in result.output and "not well-formed" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b-good.txt"]


# ---------------------------------------------------------------- DOCTYPE (issue 16)

BARE_TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Old</title>'
            '</titleStmt><publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc><p>None</p>'
            '</sourceDesc></fileDesc></teiHeader><text><body><p>Words of an older file</p></body></text></TEI>')


@pytest.mark.parametrize("doctype", ["<!DOCTYPE TEI>", "<!DOCTYPE TEI [ ]>",
                                     "<!DOCTYPE TEI [<!ELEMENT TEI ANY>]>"])
def test_a_doctype_without_entities_or_external_dtd_is_accepted(tmp_path, doctype):
    path = tmp_path / "old.xml"
    path.write_text(doctype + BARE_TEI, encoding="utf-8")
    assert "Words of an older file" in render(path, "txt").decode("utf-8")


@pytest.mark.parametrize("doctype", ['<!DOCTYPE TEI SYSTEM "tei.dtd">',
                                     '<!DOCTYPE TEI PUBLIC "-//TEI P5//DTD" "http://example.org/tei.dtd">',
                                     '<!DOCTYPE TEI [<!ENTITY w "x">]>',
                                     '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file:///etc/passwd">]>'])
def test_a_doctype_with_entities_or_an_external_dtd_is_still_refused(tmp_path, doctype):
    path = tmp_path / "old.xml"
    path.write_text(doctype + BARE_TEI, encoding="utf-8")
    with pytest.raises(UnsafeXMLError, match="DOCTYPE"):
        render(path, "txt")
