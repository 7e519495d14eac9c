"""Files other projects write that a TEI reader opens: repeated xml:ids, fragments, corpora."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import html

from conftest import ROOT
from render_helpers import GOLDEN
from tei.cli import cli
from tei.core.errors import RenderError, UnsafeXMLError
from tei.render import render
from tei.validate.validator import Validator
from tei.core.xmlsafe import duplicate_ids, parse_untrusted

TEI_NS = "http://www.tei-c.org/ns/1.0"


def header(title: str, publisher: str = "") -> str:
    stmt = f"<publisher>{publisher}</publisher>" if publisher else "<p>Unpublished.</p>"
    return (f"<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt><publicationStmt>{stmt}"
            "</publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc></teiHeader>")


REPEATED = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">{header("Repeated ids")}
<text><body><p xml:id="p1">First paragraph.</p><p xml:id="p1">Second paragraph.</p>
<p>See <ref target="#p1">the first</ref>.</p>
<p><egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="ex">one</p><p xml:id="ex">two</p><p xml:id="p1">three</p></egXML></p>
</body></text></TEI>"""


def test_repeated_ids_are_found_outside_examples_only():
    tree = parse_untrusted(REPEATED.encode(), repeated_ids="allow")
    assert duplicate_ids(tree) == [("p1", 2, 2)]


def test_other_readers_refuse_repeated_ids_with_a_message_that_says_so():
    with pytest.raises(UnsafeXMLError) as caught:
        parse_untrusted(REPEATED.encode(), name="repeated.xml")
    assert caught.value.rule == "duplicate-id" and "not well-formed" not in caught.value.message
    assert "xml:id 'p1' is used again (first on line 2)" in str(caught.value)


def test_a_file_with_repeated_ids_renders_with_a_warning(tmp_path):
    path = tmp_path / "repeated.xml"
    path.write_text(REPEATED, encoding="utf-8")
    warnings: list[str] = []
    page = render(path, "html", warnings=warnings).decode()
    assert "First paragraph." in page and "Second paragraph." in page
    assert warnings == ["line 2: xml:id 'p1' is used again (first on line 2); links to it go to the first"]
    assert "Second paragraph." in render(path, "txt").decode()


def test_the_cli_renders_repeated_ids_and_warns(tmp_path):
    path = tmp_path / "repeated.xml"
    path.write_text(REPEATED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(path), "--to", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"{path}: warning: line 2: xml:id 'p1' is used again" in result.output
    assert "not well-formed" not in result.output


def test_validate_reports_repeated_ids_as_errors_but_not_inside_egxml(tmp_path):
    path = tmp_path / "repeated.xml"
    path.write_text(REPEATED, encoding="utf-8")
    messages = [m for m in Validator(schemas=()).validate_file(path)]
    assert [(m.severity, m.rule_id, m.line) for m in messages] == [("error", "duplicate-id", 2)]
    assert "not well-formed" not in messages[0].message
    examples_only = REPEATED.replace('<p xml:id="p1">Second', "<p>Second")
    path.write_text(examples_only, encoding="utf-8")
    assert Validator(schemas=()).validate_file(path) == []


def test_a_doctype_naming_an_external_dtd_is_still_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY x "SECRET-DTD-CONTENT">', encoding="utf-8")
    path = tmp_path / "external.xml"
    path.write_text(f'<!DOCTYPE TEI SYSTEM "{secret}">\n<TEI xmlns="{TEI_NS}">{header("x")}'
                    "<text><body><p>&x;</p></body></text></TEI>", encoding="utf-8")
    secret.chmod(0)  # reading it would fail differently: the refusal must come first
    try:
        with pytest.raises(Exception) as caught:
            render(path, "txt")
    finally:
        secret.chmod(0o644)
    assert "DOCTYPE" in str(caught.value) and "SECRET-DTD-CONTENT" not in str(caught.value)


@pytest.mark.parametrize("root, said", [
    (f'<surface xmlns="{TEI_NS}"><zone><line>a line</line></zone></surface>', "the root is <surface>, a fragment"),
    (f'<sourceDoc xmlns="{TEI_NS}"><surface/></sourceDoc>', "the root is <sourceDoc>, a fragment"),
    (f'<div xmlns="{TEI_NS}"><p>text</p></div>', "the root is <div>, a fragment"),
    ("<TEI><text/></TEI>", "the root <TEI> is in no namespace"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"/>', "the root is <html> in the namespace http://www.w3.org/1999/xhtml"),
])
def test_a_fragment_or_foreign_root_is_named_with_what_render_accepts(tmp_path, root, said):
    path = tmp_path / "fragment.xml"
    path.write_text(root, encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render(path, "html")
    message = str(caught.value)
    assert said in message
    assert "render accepts a TEI document (root TEI) or a corpus (root teiCorpus)" in message
    assert message.startswith(str(path))


CORPUS = f"""<teiCorpus xmlns="{TEI_NS}" xml:lang="en">{header("A small corpus", "Corpus Press")}
<TEI>{header("First letter")}<text><body><p>Alpha words<note>first note</note></p></body></text></TEI>
<teiCorpus>{header("Inner corpus")}
<TEI xml:lang="fa">{header("Second letter")}<text><body><p>سلام دنیا<note>یادداشت دوم</note></p></body></text></TEI>
</teiCorpus>
<TEI>{header("Third letter", "Other Press")}<text><body><p>Omega words<note>third note</note></p></body></text></TEI>
</teiCorpus>"""


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def test_a_corpus_renders_every_document_with_its_own_header(corpus_file):
    page = html.fromstring(render(corpus_file, "html"))
    articles = page.xpath("//article")
    assert [a.xpath("string(.//h1)") for a in articles] == [
        "A small corpus", "First letter", "Inner corpus", "Second letter", "Third letter"]
    text = page.text_content()
    for words in ("Alpha words", "first note", "سلام دنیا", "یادداشت دوم", "Omega words", "third note"):
        assert words in text
    assert articles[4].xpath("string(.//*[@class='publisher'])") == "Other Press"
    assert "Corpus Press" not in articles[1].text_content()  # a member is cited from its own header


def test_a_corpus_page_has_unique_ids_and_working_links(corpus_file):
    page = html.fromstring(render(corpus_file, "html"))
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in page.xpath("//a/@href[starts-with(., '#')]"):
        assert href[1:] in ids, href
    contents = page.xpath("//article[1]//a/@href")
    assert contents == ["#doc1-title", "#doc2-title", "#doc3-title", "#doc4-title"]
    second = page.get_element_by_id("doc3-title").getparent().getparent()
    assert second.xpath(".//*[@id='doc3-text']/@dir") == ["rtl"]


def test_a_corpus_as_text_keeps_every_document(corpus_file):
    text = render(corpus_file, "txt").decode()
    position = 0
    for words in ("A small corpus", "Alpha words", "first note", "Inner corpus", "سلام دنیا", "Omega words",
                  "third note"):
        position = text.index(words, position)  # in this order
    assert len(re.findall(r"Cite as:", text)) == 5


CORPUS_WITH_STANDOFF = f"""<teiCorpus xmlns="{TEI_NS}">{header("Letters")}
<standOff><listPerson><person xml:id="p1"><persName>Wilhelmina Corpusperson</persName></person></listPerson></standOff>
<text><body><p>Corpus introduction words.</p></body></text>
<TEI>{header("One")}<standOff><listPlace><place xml:id="pl1"><placeName>Memberplace Oberdorf</placeName></place></listPlace></standOff>
<text><body><p>Dear <persName ref="#p1">Wilhelmina</persName>.</p></body></text></TEI>
<teiCorpus>{header("Inner")}<standOff><listEvent><event><label>Innerevent Signing</label></event></listEvent></standOff>
<TEI>{header("Two")}<text><body><p>Second body.</p></body></text></TEI></teiCorpus>
</teiCorpus>"""


def test_a_corpus_renders_the_standoff_of_the_corpus_of_a_nested_corpus_and_of_each_member(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text(CORPUS_WITH_STANDOFF, encoding="utf-8")
    page = html.fromstring(render(path, "html"))
    articles = page.xpath("//article")
    assert [a.xpath("string(.//h1)") for a in articles] == ["Letters", "One", "Inner", "Two"]
    assert "Wilhelmina Corpusperson" in articles[0].xpath("string(.//section[contains(@class, 'standoff')])")
    assert "Corpus introduction words." in articles[0].text_content()
    assert articles[0].xpath(".//a/@href") == ["#doc1-title", "#doc2-title", "#doc3-title"]
    assert "Memberplace Oberdorf" in articles[1].xpath("string(.//section[contains(@class, 'standoff')])")
    assert "Innerevent Signing" in articles[2].xpath("string(.//section[contains(@class, 'standoff')])")
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    text = render(path, "txt").decode()
    position = 0
    for words in ("Corpus introduction words.", "Wilhelmina Corpusperson", "Memberplace Oberdorf", "Innerevent Signing"):
        position = text.index(words, position)


def write(tmp_path, body: str, head: str = header("Test"), extra_ns: str = "") -> object:
    path = tmp_path / "doc.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"{extra_ns}>{head}<text><body>{body}</body></text></TEI>', encoding="utf-8")
    return path


def test_a_space_in_a_line_separates_words_and_between_blocks_is_a_blank(tmp_path):
    path = write(tmp_path, '<p>Montag<space dim="horizontal"/>Abds und<space quantity="2" unit="chars"/>Nachts</p>'
                           '<space dim="vertical"/><p>Next</p>')
    page = html.fromstring(render(path, "html"))
    text = page.get_element_by_id("text").text_content()
    assert re.search(r"Montag\s+Abds", text) and re.search(r"und\s+Nachts", text)
    assert page.xpath("//*[@id='text']//span[contains(@class, 'block-space')]")
    for view in ("reading", "diplomatic"):
        plain = render(path, "txt", view=view).decode()
        assert re.search(r"Montag\s+Abds", plain) and re.search(r"und\s+Nachts", plain)
        assert re.search(r"Abds und\s+Nachts\n\nNext", plain.replace("\u00a0", " "))


MS_HEADER = """<teiHeader><fileDesc><titleStmt><title>A manuscript</title></titleStmt><publicationStmt>
<publisher>Library</publisher></publicationStmt><sourceDesc><msDesc><msIdentifier><settlement>Oxford</settlement>
<repository>Bodleian Library</repository><idno>MS. Heb. e. 1</idno></msIdentifier>
<msContents><summary>A prayer book.</summary><msItem n="1"><locus>fols. 1r–20v</locus>
<title xml:lang="he">סדור</title></msItem></msContents>
<physDesc><objectDesc form="codex"><supportDesc><support><p>Parchment, thin.</p></support><extent>20 leaves<dimensions unit="mm"><height>150</height>
<width>100</width></dimensions></extent></supportDesc></objectDesc>
<handDesc><handNote>Ashkenazi square script.</handNote></handDesc></physDesc>
<history><origin><origPlace>Germany</origPlace>, <origDate>14th century</origDate></origin>
<provenance>Owned by Oppenheim.</provenance></history>
<additional><adminInfo><recordHist><source>Catalogued by Neubauer.</source></recordHist></adminInfo></additional>
</msDesc></sourceDesc></fileDesc></teiHeader>"""


def test_a_manuscript_description_is_rendered_whole(tmp_path):
    path = write(tmp_path, "<p>Text.</p>", head=MS_HEADER)
    words = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", MS_HEADER))
    page = html.fromstring(render(path, "html"))
    (section,) = page.find_class("manuscript")
    shown = page.text_content()
    plain = render(path, "txt").decode()
    for word in words:
        assert word in shown and word in plain, word
    labels = section.xpath(".//*[contains(@class, 'ms-label')]/text()")
    for label in ("Contents", "Physical description", "History", "Additional information", "Provenance"):
        assert any(label in found for found in labels), label
    assert section.xpath(".//*[@lang='he']/@dir") == ["rtl"]
    assert "20 leaves 150 × 100 mm" in " ".join(section.text_content().split())
    assert "20 leaves 150 × 100 mm" in " ".join(plain.split())


GOLDEN_SAMPLES = sorted((ROOT / "tests" / "golden-samples").glob("*.xml"))


@pytest.mark.parametrize("source", GOLDEN + GOLDEN_SAMPLES, ids=lambda path: path.stem)
def test_our_documents_do_not_repeat_their_title_and_language_as_a_manuscript_description(source):
    """The converter's msContents holds only the folios, the document's own title and its
    language, which the page shows above: no "Description of the manuscript" restates them."""
    assert html.fromstring(render(source, "html")).find_class("manuscript") == []
    assert "Description of the manuscript" not in render(source, "txt").decode()


def test_a_manuscript_item_with_a_title_of_its_own_is_described(tmp_path):
    path = write(tmp_path, "<p>Text.</p>", head=MS_HEADER.replace("<summary>A prayer book.</summary>", ""))
    (section,) = html.fromstring(render(path, "html")).find_class("manuscript")
    assert "סדור" in section.text_content()


def test_an_xinclude_shows_its_fallback_or_a_placeholder_and_is_never_fetched(tmp_path):
    target = tmp_path / "authority.xml"
    target.write_text(f'<p xmlns="{TEI_NS}">FETCHED-CONTENT</p>', encoding="utf-8")
    body = (f'<p>Before <xi:include href="{target.name}"/> after.</p>'
            '<p>One <xi:include href="https://example.org/list.xml"><xi:fallback>fallback <hi>words</hi></xi:fallback>'
            '</xi:include> two.</p>')
    path = write(tmp_path, body, extra_ns=' xmlns:xi="http://www.w3.org/2001/XInclude"')
    warnings: list[str] = []
    page = render(path, "html", warnings=warnings).decode()
    plain = render(path, "txt").decode()
    for out in (html.fromstring(page).get_element_by_id("text").text_content(), plain):
        assert "FETCHED-CONTENT" not in out
        assert re.search(r"Before \[not included:\s+authority\.xml\] after\.", out)
        assert re.search(r"One fallback words two\.", out)
    assert warnings == ["line 1: XInclude of authority.xml not followed; a placeholder is shown",
                        "line 1: XInclude of https://example.org/list.xml not followed; its fallback is used"]
    assert [m.rule_id for m in Validator(schemas=()).validate_file(path)] == ["xinclude"]  # validate still refuses


SOURCE_DOC = f"""<TEI xmlns="{TEI_NS}">{header("Genetic")}<sourceDoc><surface n="1r"><zone>
<line>First line <del hand="#h2">struck</del> kept</line><line>Second <add place="above">raised</add> line</line>
</zone></surface><surface n="1v"><zone><line>Back page</line></zone></surface></sourceDoc></TEI>"""


def test_a_source_document_is_shown_surface_by_surface_line_by_line(tmp_path):
    path = tmp_path / "genetic.xml"
    path.write_text(SOURCE_DOC, encoding="utf-8")
    page = html.fromstring(render(path, "html"))
    (view,) = page.find_class("source-document")
    surfaces = view.find_class("tei-surface")
    assert [s.xpath("string(.//*[@class='surface-label'])") for s in surfaces] == ["Surface 1r", "Surface 1v"]
    lines = [" ".join(line.text_content().split()) for line in view.find_class("tei-line")]
    assert [line.split()[0] for line in lines] == ["First", "Second", "Back"]
    assert view.xpath(".//*[contains(@class, 'ed-del')]//text()[contains(., 'struck')]")
    assert view.xpath(".//*[contains(@class, 'ed-add')]//text()[contains(., 'raised')]")
    text = render(path, "txt", view="diplomatic").decode()
    assert re.search(r"\[surface 1r\]\s+First line \[deleted: struck\] kept\nSecond \[added above: raised\] line"
                     r"\s+\[surface 1v\]\s+Back page", text), text
