"""A page's lang is the text's; the header and the interface say theirs where they differ, so that a
screen reader reads a German original's English summary and labels as English."""

from __future__ import annotations

from lxml import html

from tei.render import render

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"{tei_lang}><teiHeader{header_lang}><fileDesc><titleStmt>
<title>Meeting of the Chancellor</title></titleStmt><publicationStmt><p>Unpublished test file.</p>
</publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc><profileDesc>
<abstract><p>The Chancellor welcomes the minister.</p></abstract></profileDesc></teiHeader>
<text><body><p>Der Bundeskanzler heißt den Minister willkommen.</p></body></text></TEI>"""


def _page(tmp_path, tei_lang="", header_lang="", **params):
    path = tmp_path / "doc.xml"
    path.write_text(DOC.format(tei_lang=f' xml:lang="{tei_lang}"' if tei_lang else "",
                               header_lang=f' xml:lang="{header_lang}"' if header_lang else ""), encoding="utf-8")
    return html.fromstring(render(path, "html", params=params))


def _summary_heading(page):
    return page.xpath("//h2[@id='summary-title']")[0]


def test_an_english_header_of_a_german_text_is_marked_english(tmp_path):
    page = _page(tmp_path, "de", "en")
    assert page.get("lang") == "de"
    assert page.xpath("//header[@class='document-header']/@lang") == ["en"]
    assert _summary_heading(page).get("lang") == "en", "the interface's English words in a German page"


def test_one_language_throughout_needs_no_lang_inside(tmp_path):
    for tei_lang, params in (("", {}), ("en-GB", {}), ("de", {"interface-language": "de"})):
        page = _page(tmp_path, tei_lang, **params)
        assert page.xpath("//header[@class='document-header']/@lang") == []
        assert _summary_heading(page).get("lang") is None, (tei_lang, params)


def test_german_labels_on_an_english_page_are_marked_german(tmp_path):
    page = _page(tmp_path, "en", **{"interface-language": "de"})
    assert _summary_heading(page).get("lang") == "de"
