"""A typed page's number that cuts a sentence stays inside its one paragraph; a block of the
editors' marks alone at the top is an item of the opener, not a heading (docs/encoding.md)."""

from __future__ import annotations

from lxml import etree

from conftest import assert_tei_all_valid
from tei.convert.pipeline import convert_bytes
from tei.core.tei import T
from tei.render.renderer import render
from tei.validate import Validator

NS = {"t": T[1:-1]}
TOP = "March 3, 1956\n\nMemorandum of Conversation with Ambassador Smith\n\n"


def _convert(text: str) -> tuple[bytes, etree._Element]:
    data, _ = convert_bytes(text.encode(), "cut.txt")
    return data, etree.fromstring(data)


def _shape(element: etree._Element) -> list[str]:
    return [etree.QName(c).localname + (f":{c.get('type')}" if c.get("type") else "") for c in element]


def test_a_page_number_that_cuts_a_sentence_is_forme_work_inside_the_one_paragraph():
    _, root = _convert(TOP + "The party, as its delegate said, is of the opinion that\n\n(p. 1)\n\n"
                       "the consultation should be wider.\n\nThe talks ended.\n")
    body = root.find(f".//{T}body")
    (first, second) = body.iter(T + "p")
    assert _shape(first) == ["fw:pageNum"]
    assert first.text == "The party, as its delegate said, is of the opinion that "
    assert first[0].text == "(p. 1)" and first[0].tail == " the consultation should be wider."
    assert second.text == "The talks ended."


def test_a_page_number_after_a_sentence_end_or_before_a_capital_stays_between_the_blocks():
    for before, after in [("The talks ended.", "the rest was said later."), ("He said: \u201cWe agree.\u201d", "then he left."),
                          ("The talks went on and", "Smith left.")]:
        _, root = _convert(TOP + "The talks began at ten and went on for a long time.\n\n" + f"{before}\n\n- 2 -\n\n{after}\n\nThe end.\n")
        div = root.find(f".//{T}body/{T}div")
        assert [c for c in _shape(div) if c != "opener"][-4:] == ["p", "fw:pageNum", "p", "p"], (before, after)


def test_a_speech_goes_on_across_a_page_number_and_holds_the_cut_sentence_as_one_paragraph():
    _, root = _convert(TOP + "Smith: We think that\n\n- 2 -\n\nthe plan is good.\n\n- 3 -\n\nIt is ready.\n\n"
                       "Jones: We do not.\n\nSmith: Then we part.\n")
    smith = next(root.iter(T + "sp"))
    assert _shape(smith) == ["speaker", "p", "fw:pageNum", "p"]
    assert smith[1].xpath("string()") == "We think that - 2 - the plan is good."


def test_a_page_number_on_a_line_of_its_own_inside_a_block_is_forme_work_in_it():
    _, root = _convert(TOP + "The talks went on for a long time, and the delegates spoke\n- 2 -\nuntil noon.\n\nThe end.\n")
    (paragraph, _) = root.find(f".//{T}body").iter(T + "p")
    assert _shape(paragraph) == ["lb", "fw:pageNum", "lb"]
    assert paragraph[1].text == "- 2 -"


def test_the_cut_paragraph_renders_the_number_small_in_its_sentence(tmp_path):
    data, _ = _convert(TOP + "We think, as the delegates of both parties have said, that\n\n(p. 1)\n\nthe plan is good.\n")
    path = tmp_path / "cut.xml"
    path.write_bytes(data)
    page = etree.HTML(render(path, "html"))
    (fw,) = page.xpath("//p[contains(@class, 'tei-p')]//*[contains(@class, 'ed-fw')]")
    assert fw.tag == "span" and fw.xpath("string()") == "(p. 1)"
    text = render(path, "txt").decode("utf-8")
    assert "have said, that (p. 1) the plan is good." in " ".join(text.split())


def test_editorial_marks_alone_at_the_top_are_opener_items_and_a_heading_after_them_stays_a_head():
    _, root = _convert("Title: A report\n\n[\u2026]\n\n[Translation from the Russian]\n\nReport\n\nThe plan was read.\n")
    div = root.find(f".//{T}body/{T}div")
    assert _shape(div) == ["opener", "head", "p"]
    assert _shape(div[0]) == ["gap", "lb", "supplied"]  # each block on its own line
    assert div[0][2].text == "Translation from the Russian"
    assert div[1].text == "Report"
    assert not root.xpath("//t:head//t:gap | //t:head//t:supplied", namespaces=NS)


def test_editorial_marks_at_the_top_and_a_cut_sentence_are_valid_against_tei_all_and_the_project_schemas(tei_all, tmp_path):
    data, root = _convert("Title: A report\n\n[\u2026]\n\nReport\n\nTo: Comrade Kim\n\nThe party, as its delegate said in the talks, is of the opinion that\n\n(p. 1)\n\n"
                          "the consultation should be wider.\n\n- 2 -\n\nSmith: We agree, as we said in the talks before, that\n\n- 3 -\n\nit is so.\n\n"
                          "Jones: We do not.\n\nSmith: Then we part.\n")
    assert len(root.xpath("//t:p/t:fw[@type='pageNum']", namespaces=NS)) == 2
    path = tmp_path / "cut.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, root.getroottree(), "page cuts")
