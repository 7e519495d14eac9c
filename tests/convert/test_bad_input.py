"""Broken and unusual sources: a warning or a clear one-line error, never a traceback or half a file."""

from __future__ import annotations


import pytest
from lxml import etree

from conftest import SEEDS
from helpers import TEI, missing_words
from tei import convert_bytes
from tei.convert.pipeline import convert_paths
from tei.core.errors import SourceError

SAMPLE = SEEDS[-1].read_text(encoding="utf-8")


@pytest.mark.parametrize("data, message", [
    (b"", "is empty"),
    (b"  \n\t\n", "contains only white space"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (bytes(range(0, 32)) * 40, "binary"),
    (b"%PDF-1.7\n" + bytes(200), "PDF file"),
])
def test_unreadable_sources_are_refused_clearly(data, message):
    with pytest.raises(SourceError) as caught:
        convert_bytes(data, "bad.txt")
    text = str(caught.value)
    assert text.startswith("bad.txt: ") and message in text and "\n" not in text


@pytest.mark.parametrize("encoding, warning", [
    ("utf-8-sig", None),
    ("utf-16", None),
    ("utf-16-le", "UTF-16"),
])
def test_unicode_encodings_and_byte_order_marks(encoding, warning):
    text = SAMPLE.replace("□", " ")  # keep to characters every encoding here can hold
    tei, doc = convert_bytes(text.encode(encoding), "doc.txt")
    root = etree.fromstring(tei)
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=TEI) == "Telephone Message via VCh, I. Stalin to Kim Il Sung"
    assert (warning is None and not doc.warnings) or any(warning in w for w in doc.warnings)
    assert not missing_words(text, root)


@pytest.mark.parametrize("encoding, name", [("cp1252", "Windows-1252"), ("latin-1", "Latin-1")])
def test_legacy_encodings_are_detected(encoding, name):
    text = "May 4, 1988\n\nA letter from Bucure\u0219ti\n\nCaf\u00e9 cr\u00e8me \u201cquoted\u201d text \u2013 here.\n"
    if encoding == "latin-1":
        text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u0219", "s")
        data = text.encode("latin-1") + b"\x81"  # a byte Windows-1252 leaves undefined
    else:
        text = text.replace("\u0219", "s")
        data = text.encode("cp1252")
    tei, doc = convert_bytes(data, "legacy.txt")
    assert any(name in w for w in doc.warnings)
    assert "Caf\u00e9 cr\u00e8me" in tei.decode("utf-8")


def test_crlf_and_cr_line_endings_give_the_same_tei_as_lf():
    lf, _ = convert_bytes(SAMPLE.encode(), "doc.txt")
    assert convert_bytes(SAMPLE.replace("\n", "\r\n").encode(), "doc.txt")[0] == lf
    assert convert_bytes(SAMPLE.replace("\n", "\r").encode(), "doc.txt")[0] == lf


def test_control_characters_xml_cannot_hold_are_removed_with_a_warning():
    tei, doc = convert_bytes(b"May 4, 1988\n\nTitle\n\nText\x01 with\x0b controls\x1f.\n", "c.txt")
    assert b"\x01" not in tei and b"Text with controls." in tei
    assert any("control character" in w for w in doc.warnings)


@pytest.mark.parametrize("body", [
    "An [unclosed bracket at the start of a long line",
    "A closing bracket ] without an opening one",
    "[" * 10_000 + "deep" + "]" * 10_000,
    "Nested [one [two [three] two] one] text",
])
def test_unbalanced_and_nested_brackets_keep_their_text(body):
    text = f"May 4, 1988\n\nA title\n\n{body}\n"
    tei, doc = convert_bytes(text.encode(), "b.txt")
    root = etree.fromstring(tei)
    assert not missing_words(text, root)
    if body.count("[") != body.count("]"):
        assert any("bracket" in w for w in doc.warnings)


def test_unrecognised_layout_converts_with_a_warning_and_keeps_everything():
    text = "Some notes without any date\n\nA first paragraph.\n\nA second paragraph with [sic] marks.\n"
    tei, doc = convert_bytes(text.encode(), "plain.txt")
    assert doc.layout == "unknown"
    assert any("layout not recognised" in w for w in doc.warnings)
    assert not missing_words(text, etree.fromstring(tei))


def test_a_date_and_title_without_labels_is_read_and_the_warning_says_what_is_missing():
    text = "March 3, 1956\n\nMemorandum of Conversation with Ambassador Smith\n\nA first paragraph.\n"
    tei, doc = convert_bytes(text.encode(), "bare.txt")
    assert doc.metadata.date.when == "1956-03-03"
    assert doc.metadata.title == "Memorandum of Conversation with Ambassador Smith"
    assert not any("layout not recognised" in w for w in doc.warnings)
    assert any("no metadata labels" in w and "citation" in w for w in doc.warnings)
    assert not missing_words(text, etree.fromstring(tei))


def test_a_title_that_looks_like_a_path_never_names_the_output(tmp_path):
    source = tmp_path / "in" / "x.txt"
    source.parent.mkdir()
    source.write_text("May 4, 1988\n\n../../etc/passwd\n\nText.\n\nRecord ID\n\n../../../evil/1\n\nType\n\nLetter\n\nSource\n\nAn archive.\n")
    out = tmp_path / "out"
    [result] = convert_paths([source], out)
    assert result.ok, result.error
    # "../../../evil/1" is no record ID (not one token of letters and digits): the source's stem names the file
    assert [p.name for p in out.iterdir()] == ["x.xml"]
    assert any("../../../evil/1" in w for w in result.warnings)


def test_a_failed_document_leaves_no_file_and_does_not_stop_the_batch(tmp_path):
    good = tmp_path / "a_good.txt"
    bad = tmp_path / "b_bad.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    bad.write_bytes(b"")
    out = tmp_path / "out"
    results = convert_paths([tmp_path], out)
    assert [r.ok for r in results] == [True, False]
    assert sorted(p.name for p in out.iterdir()) == ["wilson-119377.xml"]
    assert not any(p.name.endswith(".tmp") for p in out.iterdir())


def test_existing_outputs_are_kept_without_force(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    convert_paths([source], out)
    target = out / "wilson-119377.xml"
    target.write_bytes(b"edited by hand")
    [again] = convert_paths([source], out)
    assert not again.ok and "--force" in again.error
    assert target.read_bytes() == b"edited by hand"
    [forced] = convert_paths([source], out, force=True)
    assert forced.ok and target.read_bytes().startswith(b"<?xml")


def test_two_sources_with_the_same_record_id_are_not_merged(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SAMPLE, encoding="utf-8")
    results = convert_paths([tmp_path], tmp_path / "out")
    assert [r.ok for r in results] == [True, False]
    assert "same record ID" in results[1].error


def test_an_omission_mark_on_the_first_line_is_kept_in_the_text_not_taken_for_the_title():
    text = "[…]\n\nThe minister said that the plan was ready.\n\nAnother paragraph here.\n"
    tei, doc = convert_bytes(text.encode(), "cut.txt")
    root = etree.fromstring(tei)
    assert doc.metadata.title == "cut" and doc.metadata.cert["title"] == "low"
    assert root.xpath("//t:body//t:gap/@reason", namespaces=TEI) == ["omitted"]
