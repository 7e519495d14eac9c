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


def test_a_three_letter_code_is_the_same_language_as_its_two_letter_form(tmp_path):
    """ISO 639-2 codes (eng, ger, deu), as other archives write them, go through the alias table
    of common/direction.xsl: the English interface of an "eng" text is not marked again."""
    for tei_lang, header_lang, params in (("eng", "", {}), ("ENG-GB", "en", {}), ("eng", "en-US", {}),
                                          ("ger", "deu", {"interface-language": "de"}),
                                          ("deu", "", {"interface-language": "de"})):
        page = _page(tmp_path, tei_lang, header_lang, **params)
        assert page.xpath("//header[@class='document-header']/@lang") == [], (tei_lang, header_lang)
        assert _summary_heading(page).get("lang") is None, (tei_lang, header_lang, params)


def test_a_three_letter_code_of_another_language_is_still_marked_and_written_as_bcp_47(tmp_path):
    page = _page(tmp_path, "ger", "eng")
    assert page.get("lang") == "de"
    assert page.xpath("//header[@class='document-header']/@lang") == ["en"]
    assert _summary_heading(page).get("lang") == "en"
    page = _page(tmp_path, "lat", **{"interface-language": "de"})
    assert page.get("lang") == "la" and _summary_heading(page).get("lang") == "de"
