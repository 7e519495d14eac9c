"""Structures other projects' TEI uses that are not prose: markup examples (egXML), trees
(eTree), formulas (TeX, MathML), stand-off data, and the genetic marks of a manuscript. Each is
shown as what it is, in HTML and plain text, and keeps all its words."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree, html

from tei.render import render

from render_helpers import DATA, html_text, missing_words

FIXTURE = DATA / "render" / "foreign-structures.xml"
PROJECTS = DATA / "foreign" / "projects"
TEI = "http://www.tei-c.org/ns/1.0"
_WORD = re.compile(r"\w+")


def words_of(*parts: str) -> Counter:
    """Words of the fixture's text and standOff, with the words of a MathML annotation that is not
    MathML (it is never copied) left out."""
    root = etree.parse(str(FIXTURE)).getroot()
    found: Counter = Counter()
    for part in parts:
        for element in root.iter(f"{{{TEI}}}{part}"):
            for chunk in element.xpath(".//text()[not(ancestor::*[local-name()='annotation-xml'])]"):
                found.update(_WORD.findall(chunk))
    return found


@pytest.fixture(scope="module")
def page():
    return html.fromstring(render(FIXTURE, "html"))


@pytest.fixture(scope="module")
def text():
    return render(FIXTURE, "txt", view="diplomatic").decode()


def test_an_example_is_shown_as_its_markup_in_a_code_block(page, text):
    code = page.xpath("//pre[@class='tei-egXML']/code")
    assert len(code) == 1
    assert code[0].text_content() == ('<p rend="a&amp;b">alpha <hi rend="italic">beta</hi> &lt;gamma</p>'
                                      '<lb/><!-- delta -->')
    assert not page.xpath("//*[@id='text']//hi | //pre//*[not(self::code)]")  # escaped, not rendered
    assert code[0].getparent().getparent().tag == "div"  # a pre never sits in an HTML p
    assert '<p rend="a&amp;b">alpha <hi rend="italic">beta</hi>' in text
    assert "&lt;gamma</p><lb/><!-- delta -->" in text


def test_a_tree_is_nested_lists_with_its_labels(page, text):
    root = page.xpath("//div[@class='tei-forest']/ul/li")
    assert [li.xpath("string(span[@class='tree-label'])") for li in root] == ["Root"]
    children = root[0].xpath("ul/li")
    assert [(li.get("class"), li.xpath("string(span)")) for li in children] == [
        ("tei-eTree", "Branch"), ("tei-triangle", "Rest")]
    assert children[0].xpath("string(ul/li[@class='tei-eLeaf']/span)") == "Leaf"
    assert "- Root\n  - Branch\n    - Leaf\n  - Rest" in text


def test_a_tex_formula_is_code_named_by_its_notation(page, text):
    formula = page.xpath("//span[contains(@class, 'tei-formula') and contains(@class, 'notation')]")[0]
    assert formula.xpath("string(span[@class='formula-notation'])") == "TeX: "
    assert formula.xpath("string(code)") == r"\pi r^2"
    assert r"[TeX: \pi r^2]" in text


def test_mathml_is_copied_as_mathml_without_links_events_or_other_markup():
    source = render(FIXTURE, "html").decode()
    math = re.search(r"<math>.*?</math>", source, re.S).group()
    assert "<mi>x</mi><mo>+</mo><mn>1</mn><mtext>sum</mtext>" in math
    for unsafe in ("href", "onclick", "javascript", "script", "steal", "evil"):
        assert unsafe not in math, unsafe
    # an HTML parser puts it in the MathML namespace
    parsed = html.fromstring(source)
    assert parsed.xpath("//math/mi")[0].text == "x"


def test_mathml_in_plain_text_is_its_tokens(text):
    assert "x + 1 sum" in text
    assert "steal" not in text


def test_genetic_marks_are_visible_and_hands_told_apart(page, text):
    def mark(kind):
        return page.xpath(f"//*[@id='text']//*[contains(concat(' ', @class, ' '), ' ed-{kind} ')]")[0]
    assert mark("metamark").text_content() == "[metamark, insertion: marked]"
    assert mark("retrace").text_content() == "[retraced: traced]"
    assert "hand-h1" in mark("retrace").get("class") and "pencil" in mark("retrace").get("title")
    assert mark("mod").xpath("string(.//del)") == "[deleted: old]"
    assert "hand-h1" in mark("mod").get("class")
    assert mark("addSpan").text_content() == "[added passage: h1]"
    assert mark("span-end").text_content() == "[end of added passage]" and mark("span-end").get("id") == "e1"
    assert mark("handShift").text_content() == "[hand: h1]" and "hand-h1" in mark("handShift").get("class")
    for label in ("[metamark, insertion: marked]", "[retraced: traced]", "[changed: [deleted: old][added: new]]",
                  "[added passage: h1]spanned words[end of added passage]", "[hand: h1]later hand."):
        assert label in " ".join(text.split())
    key = page.xpath("string(//section[@class='marks-key'])")
    assert "[metamark" in key and "[hand" in key


def test_standoff_is_an_appendix_after_the_text(page, text):
    section = page.xpath("//section[@id='standoff']")[0]
    assert section.getprevious().get("id") == "text"
    assert [h.text_content() for h in section.xpath(".//h3")] == ["People", "Events", "Relations"]
    person = section.xpath(".//*[@id='p1']")[0]
    assert "Mary Shelley" in person.text_content() and "novelist" in person.text_content()
    assert "relation: friend #p1 #p2" in section.text_content()
    after_text = text.split("Stand-off data", 1)[1]
    assert "People\n- Mary Shelley [Note: novelist]" in after_text
    assert "Events\n- Summer at Geneva" in after_text


def test_every_word_is_in_html_and_text(page, text):
    expected = words_of("text", "standOff")
    assert missing_words(expected, html_text(render(FIXTURE, "html"))) == {}
    assert missing_words(expected, text) == {}


@pytest.mark.parametrize("name", ["tei-stylesheets-test20", "tei-stylesheets-test-tree"])
def test_the_tei_stylesheets_test_files_show_examples_and_trees(name):
    path = PROJECTS / f"{name}.xml"
    source = etree.parse(str(path), etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True))
    ns = {"tei": TEI, "eg": "http://www.tei-c.org/ns/Examples"}
    examples = source.xpath("//eg:egXML[not(ancestor::eg:*)]", namespaces=ns)
    nodes = source.xpath("//tei:eTree | //tei:eLeaf | //tei:triangle", namespaces=ns)
    page = html.fromstring(render(path, "html"))
    assert len(page.xpath("//pre[@class='tei-egXML']")) == len(examples) > 0
    assert len(page.xpath("//*[@id='text']//li/span[@class='tree-label']")) == len(nodes)
    assert not page.xpath("//p//pre | //p//ul")
    if nodes:
        assert len(page.xpath("//div[@class='tei-forest']")) == len(source.xpath("//tei:forest", namespaces=ns))
        assert page.xpath("//li[span='Philip']/ul/li/span/text()")[:1] == ["Sebastian"]
    text = render(path, "txt").decode()
    assert text.count("<egXML") == 0 and text.count("</") >= len(examples) // 2


def test_an_example_full_of_characters_to_escape_renders(tmp_path):
    """Escaping is one pass per character class, not one nested template call per character."""
    path = tmp_path / "escapes.xml"
    body = "&amp;&lt;" * 20_000
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace("alpha", body), encoding="utf-8")
    code = html.fromstring(render(path, "html")).xpath("string(//pre[@class='tei-egXML']/code)")
    assert code.count("&amp;&lt;") == 20_000


def test_in_a_document_as_written_each_hand_has_its_class():
    path = PROJECTS / "tei-stylesheets-test32-sourcedoc.xml"
    source = etree.parse(str(path), etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True))
    marked = source.xpath("//tei:sourceDoc//*[(self::tei:add or self::tei:del) and @hand]", namespaces={"tei": TEI})
    page = html.fromstring(render(path, "html"))
    for hand in {element.get("hand").lstrip("#") for element in marked}:
        expected = sum(1 for element in marked if element.get("hand").lstrip("#") == hand)
        assert len(page.xpath(f"//*[@id='source-document']//*[contains(concat(' ', @class, ' '), ' hand-{hand} ')]")) == expected
    # the running text's marks are drawn as before: the hand is named in their explanation only
    assert not page.xpath("//*[@id='text']//*[contains(concat(' ', @class, ' '), ' hand ')]")
