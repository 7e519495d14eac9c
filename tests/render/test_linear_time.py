"""Rendering and validating stay linear in the size of the TEI: each test times a stage at n and 4n
(each of these was once quadratic or worse on untrusted input)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

import tei
from tei.core.errors import RenderError
from tei.render.pdf import load_weasyprint
from tei.render.renderer import render
from tei.core.resources import schema_path
from tei.validate.validator import OnePassSchematronCheck, _line_of, _Lines

from conftest import HOSTILE, ROOT
from helpers import assert_linear as assert_scaling, least_cpu_seconds
from render_helpers import missing_tool

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_corpus  # noqa: E402

HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Scaling</title>'
          '</titleStmt><publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>'
          '</fileDesc></teiHeader><text><body>')
FOOTER = '</body></text></TEI>'
CONVERTER_HEAD = "May 4, 1988\n\nA Title of the Document\n\n"


def assert_linear_in_files(stage, make_file, n: int, folder: Path, name: str = "scaling", suffix: str = ".xml") -> None:
    """`stage(path)` on a file of `make_file(n)` bytes and on one of `make_file(4 * n)`."""
    def seconds_at(size: int) -> float:
        path = folder / f"{name}-{size}{suffix}"
        path.write_bytes(make_file(size))
        return least_cpu_seconds(stage, path)

    assert_scaling(seconds_at, n)


def assert_linear(stage, make_body, n: int, folder: Path) -> None:
    assert_linear_in_files(stage, lambda size: (HEADER + make_body(size) + FOOTER).encode(), n, folder)


def as_html(path: Path) -> bytes:
    return render(path, "html")


def as_text(path: Path) -> bytes:
    return render(path, "txt")


def test_the_key_of_marks_is_linear_in_the_number_of_marks(tmp_path):
    # the key lists each form once: comparing each mark with those before it would be quadratic
    assert_linear(as_html, lambda n: "<p>" + "".join(f"word {i} <note place=\"inline\">remark {i % 7}</note> "
                                                     f"<gap reason=\"r{i % 5}\"/> <supplied>w</supplied> "
                                                     for i in range(n)) + "</p>", 400, tmp_path)


@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "txt"])
def test_footnote_numbers_are_linear_in_the_number_of_notes(stage, tmp_path):
    # each note counted the footnotes before it: 1,000 notes took 148 s as HTML
    assert_linear(stage, lambda n: "<p>" + "".join(f"word {i}<note>Note {i}.</note> " for i in range(n)) + "</p>",
                  300, tmp_path)


def test_translators_notes_from_text_are_linear_in_their_number(tmp_path):
    # the way a build makes each page, from the text source: 800 translator's notes took 64 s
    def page(path: Path) -> bytes:
        tei_path = path.with_suffix(".xml")
        tei_path.write_bytes(etree.tostring(tei.convert_text(path.read_bytes())))
        return render(tei_path, "html")

    assert_linear_in_files(page, make_corpus.translator_notes, 100, tmp_path, "notes", ".txt")
    numbers = etree.HTML(page(tmp_path / "notes-400.txt")).xpath("//a[@class='noteref']")
    assert ["".join(a.itertext()) for a in numbers] == [str(i) for i in range(1, 401)]


def test_references_to_notes_are_linear_in_their_number(tmp_path):
    # a reference to a note shows the note's number, found once for the whole file
    def body(n: int) -> str:
        notes = "".join(f'word<note xml:id="n{i}">Note.</note><note place="inline" xml:id="r{i}">remark</note> '
                        for i in range(n))
        return "<p>" + notes + "".join(f'<ptr target="#n{i}"/><ptr target="#r{i}"/>' for i in range(n)) + "</p>"
    assert_linear(as_html, body, 200, tmp_path)


@pytest.mark.parametrize("body, n", [
    (lambda n: "<p>" + "".join(f"line {i}<lb/>" for i in range(n)) + "</p>", 5000),
    (lambda n: "<p>" + "<lb/>" * n + "text</p>", 5000),
    (lambda n: "<p><lb/>first<lb/>second</p>" * n, 1000),
], ids=["one-paragraph", "leading-breaks", "many-paragraphs"])
def test_line_breaks_are_linear_in_the_number_of_lines(body, n, tmp_path):
    # each lb looked back over its paragraph: a 20,000-line paragraph took 109 s as HTML
    assert_linear(as_html, body, n, tmp_path)


def _marks(n: int) -> bytes:
    return etree.tostring(tei.convert_text(CONVERTER_HEAD + "word [inserted by hand: x] " * n + "\n"),
                          pretty_print=True)


def schematron_messages(path: Path) -> list:
    tree = etree.parse(str(path))
    return OnePassSchematronCheck(sorted(schema_path(".").glob("tei-edition*.sch")), "sch").check(tree, path.name)


def test_schematron_is_linear_in_the_number_of_hands(tmp_path):
    # each @hand looked its handNote up in the whole file: 4,000 marks took 31 s to validate
    assert_linear_in_files(schematron_messages, _marks, 300, tmp_path, "marks")


def test_schematron_failures_keep_their_lines(tmp_path):
    # each failure's line is found by walking its SVRL location once, not by XPath over the file
    path = tmp_path / "unresolved.xml"
    path.write_bytes(_marks(40).replace(b'hand="#', b'hand="#missing-'))
    messages = [m for m in schematron_messages(path) if m.rule_id == "pointer-resolves"]
    tree = etree.parse(str(path))
    lines = [add.sourceline for add in tree.iter("{http://www.tei-c.org/ns/1.0}add")]
    assert len(messages) == 40 and [m.line for m in messages] == lines
    assert messages[0].message.startswith('the pointer "#missing-')


def test_schematron_is_linear_in_the_number_of_failures(tmp_path):
    # the skeleton's locations counted the like-named siblings of each failing node: 4,000
    # unresolved pointers in one paragraph took 42 s to validate
    assert_linear_in_files(schematron_messages, lambda size: _marks(size).replace(b'hand="#', b'hand="#missing-'),
                           300, tmp_path, "unresolved")


def test_xpath_locations_are_walked_once(tmp_path):
    # where a location is the skeleton's XPath, its line is found by walking it once
    from lxml import isoschematron

    path = tmp_path / "unresolved.xml"
    path.write_bytes(_marks(800).replace(b'hand="#', b'hand="#missing-'))
    tree = etree.parse(str(path))
    schema = isoschematron.Schematron(etree.parse(str(schema_path("tei-edition-pointers.sch"))), store_report=True)
    schema.validate(tree)
    locations = [node.get("location") for node in schema.validation_report.iter(
        "{http://purl.oclc.org/dsdl/svrl}failed-assert")]
    assert len(locations) == 800 and locations[0].startswith("/*[local-name()='TEI'")

    def lines(count: int) -> list[int]:
        finder = _Lines(tree)
        return [finder.line_of(location) for location in locations[:count]]
    assert_scaling(lambda count: least_cpu_seconds(lines, count), 200)
    assert lines(800)[::50] == [_line_of(tree, location) for location in locations[::50]]
    assert lines(800) == [add.sourceline for add in tree.iter("{http://www.tei-c.org/ns/1.0}add")]


def _spanning_rows(n: int) -> str:
    return "<table>" + '<row><cell cols="100000">wide</cell><cell>narrow</cell></row>' * n + "</table>"


def test_a_column_span_is_clamped_to_the_columns_of_its_table(tmp_path):
    # 720 bytes with colspan 100,000 took WeasyPrint over 120 s; spans that fit stay as they are
    path = tmp_path / "spans.xml"
    path.write_text(HEADER + _spanning_rows(1)
                    + '<table><row><cell cols="3">T</cell></row><row><cell>a</cell><cell cols="2">b</cell></row>'
                      '<row><cell cols="2">c</cell><cell>d</cell></row></table>'
                    + '<table><row><cell rows="100000">r</cell></row></table>' + FOOTER, encoding="utf-8")
    page = etree.HTML(render(path, "html"))
    spans = [(cell.text, cell.get("colspan"), cell.get("rowspan")) for cell in page.iter("td", "th")]
    assert spans == [("wide", "3", None), ("narrow", None, None), ("T", "3", None), ("a", None, None),
                     ("b", "2", None), ("c", "2", None), ("d", None, None), ("r", None, "65534")]


def _require_weasyprint() -> None:
    """Without WeasyPrint or Pango these tests fail naming what to install (as the PDF tests do);
    `import weasyprint` alone raised OSError without Pango, and missing_tool lacked its tool name."""
    try:
        load_weasyprint()
    except RenderError as exc:
        missing_tool(f"PDF tests: {exc}", "pango")


def test_the_pdf_is_linear_in_rows_with_huge_column_spans(tmp_path):
    _require_weasyprint()
    render(_write(tmp_path / "warm.xml", _spanning_rows(1)), "pdf")  # fonts load on the first PDF
    assert_linear(lambda path: render(path, "pdf"), _spanning_rows, 5, tmp_path)


def _write(path: Path, body: str) -> Path:
    path.write_text(HEADER + body + FOOTER, encoding="utf-8")
    return path


@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "txt"])
@pytest.mark.parametrize("body", [
    lambda n: '<list type="gloss"><label>Term</label>' + "<item>gloss</item>" * n + "</list>",
    lambda n: '<list type="gloss">' + "<label>Term</label><item>gloss</item>" * n + "</list>",
], ids=["one-label", "label-each"])
def test_gloss_lists_are_linear_in_the_number_of_items(stage, body, tmp_path):
    # each item looked back over the list for its label: quadratic in the items after one label
    assert_linear(stage, body, 3000, tmp_path)


@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "txt"])
def test_unknown_elements_are_linear_in_their_number(stage, tmp_path):
    # the space after an unknown element looked at every node after it
    assert_linear(stage, lambda n: "<p>" + "<foo>word</foo>" * n + "</p>", 3000, tmp_path)


def test_the_hostile_column_span_renders_as_a_pdf_of_a_few_columns(tmp_path):
    _require_weasyprint()
    path = HOSTILE / "xml" / "huge-colspan.xml"
    spans = [(cell.get("colspan"), cell.get("rowspan")) for cell in etree.HTML(render(path, "html")).iter("td")]
    assert spans == [("3", None), (None, None), (None, "65534"), (None, None)]
    assert render(path, "pdf").startswith(b"%PDF")


sys.path.insert(0, str(ROOT / "tests" / "data" / "foreign"))
import make_large  # noqa: E402


@pytest.mark.parametrize("make", [make_large.dta_like, make_large.frus_like], ids=["dta", "frus"])
@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "text"])
def test_large_real_like_volumes_render_in_linear_time(make, stage, tmp_path):
    """A DTA volume (lb, pb, fw, choice) and a FRUS volume (footnotes numbered through it, tables)
    at 250 KB and 1 MB: bench/large_files.py times them at 4 and 2 MB (README, Performance)."""
    def volume(size: int) -> bytes:
        made = make(size)
        assert len(made) >= size
        return made

    assert_linear_in_files(stage, volume, 250_000, tmp_path, "volume")


@pytest.mark.parametrize("stage", [as_html, as_text], ids=["html", "txt"])
@pytest.mark.parametrize("body", [
    lambda n: "<p>" + "kept <del>struck</del> " * n + "</p>",
    lambda n: "<p><del>struck</del></p>" * n,
    lambda n: "<lg>" + "".join(f'<l n="{i}">line</l>' for i in range(1, n + 1)) + "</lg>",
], ids=["deletions", "deleted-paragraphs", "numbered-lines"])
def test_deletions_and_line_numbers_are_linear_in_their_number(stage, body, tmp_path):
    # whether a deletion is all its block shows and which lines show their number are found
    # once per file, not by looking over the siblings
    assert_linear(stage, body, 2000, tmp_path)
