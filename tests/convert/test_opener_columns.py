"""A line of the opener typed in two columns (`Neuer` ... `Bonn, 12 September 1996`) is an item for each
column, the gap kept between them; a narrow gap, or a wide one in the text proper, splits nothing."""

from __future__ import annotations

import pytest
from helpers import TEI, missing_words
from lxml import etree

from conftest import ROOT, assert_tei_all_valid
from tei import convert_bytes, convert_text
from tei.validate.validator import Validator

HEAD = "March 3, 1956\n\n**Memorandum of a Conversation**\n\n"
TEXT = "On 8 October I met with the minister and read him your letter."
GAP = " " * 12


def _convert(body: str):
    text = HEAD + body
    root = convert_text(text).getroot()
    assert not missing_words(text, root)
    return root


def _x(root, path):
    return root.xpath(path, namespaces=TEI)


def _children(opener) -> list[tuple[str, str]]:
    """(local name, string value) of each child of an opener, `@type` after a colon."""
    return [(etree.QName(c).localname + (":" + c.get("type") if c.get("type") else ""), c.xpath("string()"))
            for c in opener]


def test_the_drafter_and_the_dateline_of_the_kohl_memorandum():
    path = ROOT / "samples" / "long-009_kohl-kwasniewski-telephone-1996.txt"
    source = path.read_text(encoding="utf-8")
    line = source.split("\n")[2]
    root = convert_text(source, path.name).getroot()
    div = _x(root, "//t:div[@type='document']")[0]
    opener = div[0]
    assert _children(opener) == [("seg", "Neuer"), ("dateline", "Bonn, 12 September 1996")]
    assert opener.xpath("string()") == line  # the gap of 131 spaces between them, as typed
    assert _x(opener, "t:dateline/t:date/@when") == ["1996-09-12"]
    assert not _x(opener, ".//@cert")  # a column no rule names is a seg, no guess of what it is
    # the source's order: the columns, the heading, then the opener's Subject line
    assert [etree.QName(c).localname for c in div[:3]] == ["opener", "head", "opener"]
    assert not [h for h in _x(root, "//t:head") if "Neuer" in h.xpath("string()")]


@pytest.mark.parametrize("gap", [GAP, "\t", " \t  ", " " * 5])
def test_a_registry_number_and_a_dateline_across_a_gap(gap):
    root = _convert(f"No. 123{gap}Moscow, 5 May 1950\n\n{TEXT}")
    opener = _x(root, "//t:opener")[0]
    assert _children(opener) == [("idno:registry", "No. 123"), ("dateline", "Moscow, 5 May 1950")]
    assert opener.xpath("string()") == f"No. 123{gap}Moscow, 5 May 1950"
    assert _x(opener, "t:dateline//t:date/@when") == ["1950-05-05"]
    assert not _x(root, "//t:body//t:head")


@pytest.mark.parametrize("line, children", [
    (f"SECRET{GAP}Copy No. 2", [("seg", "SECRET"), ("seg", "Copy No. 2")]),
    (f"Ref: 44/3{GAP}Pyongyang, 2 March 1956", [("seg:reference", "Ref: 44/3"), ("dateline", "Pyongyang, 2 March 1956")]),
    (f"To: Comrade Kim Il Sung{GAP}No. 44/3", [("seg:to", "To: Comrade Kim Il Sung"), ("idno:registry", "No. 44/3")]),
    (f"SECRET{GAP}No. 12{GAP}Moscow, 5 May 1950",
     [("seg", "SECRET"), ("idno:registry", "No. 12"), ("dateline", "Moscow, 5 May 1950")]),
])
def test_each_column_is_read_on_its_own(line, children):
    root = _convert(f"{line}\n\n{TEXT}")
    assert _children(_x(root, "//t:opener")[0]) == children


@pytest.mark.parametrize("line", ["No. 123   Moscow, 5 May 1950", "8 October 1950          11.20",
                                  "Moscow,          5 May 1950"])
def test_a_narrow_gap_or_a_dateline_as_a_whole_stays_one_item(line):
    root = _convert(f"{line}\n\n{TEXT}")
    items = [e for e in _x(root, "//t:div[@type='document']/*") if etree.QName(e).localname != "p"]
    assert len(items) == 1 and items[0].xpath("string()") == line
    assert not _x(root, "//t:opener/t:seg[not(@type)]")


def test_a_wide_gap_in_the_text_proper_splits_nothing():
    table = f"Wheat{GAP}1950{GAP}2000 tons"
    end = "The minister thanked me for the figures."
    root = _convert(f"No. 123\n\n{TEXT}\n\nThe deliveries were:\n{table}\nand no more.\n\n{table}\n\n{end}")
    paragraphs = [p.xpath("string()") for p in _x(root, "//t:body//t:p")]
    assert paragraphs == [TEXT, f"The deliveries were:{table}and no more.", table, end]  # lines joined by lb
    assert _children(_x(root, "//t:opener")[0]) == [("idno:registry", "No. 123")]


def test_columns_are_valid_against_tei_all_and_the_project_schemas(tei_all, tmp_path):
    text = HEAD + f"SECRET{GAP}No. 12\tMoscow, 5 May 1950\n\nMEMORANDUM\n\nTo: Comrade Kim{GAP}Copy No. 2\n\n{TEXT}"
    data, _ = convert_bytes(text, "columns.txt")
    path = tmp_path / "columns.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), "opener columns")
