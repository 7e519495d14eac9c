"""Deep nesting: a TEI file nested 245 levels deep once stopped a batch with a RecursionError from
the PDF's layout engine. Depth is limited at parse time (`xmlsafe.MAX_DEPTH`), with one error
line, and a layout that still recurses too deeply is that document's error, not the batch's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from tei.cli import cli
from tei.core.errors import RenderError, UnsafeXMLError
from tei.render import render
from tei.core.xmlsafe import MAX_DEPTH, parse_untrusted

HOSTILE = ROOT / "tests" / "hostile" / "xml" / "deep-nesting-245.xml"
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.xml"))
HEADER = ("<teiHeader><fileDesc><titleStmt><title>Deep</title></titleStmt><publicationStmt><p>x</p>"
          "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>")


def nested(levels: int) -> bytes:
    """A TEI document whose deepest element (a p in divs) is `levels` levels down: TEI, text,
    body, the divs and the p."""
    divs = levels - 4
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body>' + "<div>" * divs + "<p>deep</p>"
            + "</div>" * divs + "</body></text></TEI>").encode()


def test_the_depth_limit_is_exact():
    assert parse_untrusted(nested(MAX_DEPTH)).getroot() is not None
    with pytest.raises(UnsafeXMLError, match=f"line 1: elements are nested more than {MAX_DEPTH} levels deep") as error:
        parse_untrusted(nested(MAX_DEPTH + 1), name="deep.xml")
    assert error.value.rule == "too-deep" and str(error.value).startswith("deep.xml: ")


def test_a_document_at_the_limit_renders_to_pdf(tmp_path):
    path = tmp_path / "at-the-limit.xml"
    path.write_bytes(nested(MAX_DEPTH))
    assert render(path, "pdf").startswith(b"%PDF")


@pytest.mark.parametrize("to", ["html", "pdf", "txt"])
def test_a_245_level_document_is_one_error_line_and_the_batch_goes_on(tmp_path, to):
    shutil.copy(HOSTILE, tmp_path / HOSTILE.name)
    shutil.copy(GOLDEN[4], tmp_path / GOLDEN[4].name)
    result = CliRunner().invoke(cli, ["render", str(tmp_path), "--to", to, "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert errors == [f"{tmp_path / HOSTILE.name}: error: line 2: elements are nested more than {MAX_DEPTH} "
                      "levels deep (the depth limit; a document needs far fewer)"], result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{GOLDEN[4].stem}.{to}"]


def test_validate_reports_the_depth_as_a_message():
    result = CliRunner().invoke(cli, ["validate", str(HOSTILE)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{HOSTILE}:2:0: [xml too-deep] error: line 2: elements are nested more than" in result.output


def test_a_layout_that_recurses_too_deeply_is_a_render_error(tmp_path, monkeypatch):
    import tei.render.pdf

    def recurse(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tei.render.pdf, "html_to_pdf", recurse)
    with pytest.raises(RenderError, match="nested too deeply to render as PDF"):
        render(GOLDEN[4], "pdf")


def test_a_build_whose_pdf_recurses_too_deeply_publishes_the_document_without_it(tmp_path, monkeypatch):
    import tei.render.pdf

    real = tei.render.pdf.html_to_pdf

    def recurse_for_one(html: bytes, **kwargs):
        if kwargs["source_name"].startswith("wilson-119377"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, **kwargs)

    monkeypatch.setattr(tei.render.pdf, "html_to_pdf", recurse_for_one)
    src = tmp_path / "src"
    src.mkdir()
    for seed in (SEEDS[3], SEEDS[4]):
        shutil.copy(seed, src / seed.name)
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "site"), "-j", "1", "-q"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    pdfs = sorted(p.name for p in (tmp_path / "site" / "documents").glob("*.pdf"))
    assert len(pdfs) == 1 and "wilson-119377.pdf" not in pdfs, pdfs
    assert (tmp_path / "site" / "documents" / "wilson-119377.html").is_file()
