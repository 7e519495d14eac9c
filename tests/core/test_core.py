"""The base layer's helpers keep the behaviours their callers relied on before they were shared."""

from __future__ import annotations

from lxml import etree

from tei.core.tei import T, XML_ID, slug, sub_element
from tei.core.vocabulary import CLASSIFICATIONS, DOCUMENT_TYPES, category_id, classification_id, doctype_id
from tei.convert.encoder import TeiEncoder


def test_element_builder_leaves_out_empty_values_and_keeps_the_order():
    parent = etree.Element(T + "p")
    child = sub_element(parent, "persName", "Kim", {"ref": "", "type": "person", XML_ID: "k1", "cert": None})
    assert child.tag == T + "persName" and child.text == "Kim"
    assert list(child.attrib.items()) == [("type", "person"), (XML_ID, "k1")]
    assert sub_element(parent, "lb", "").text is None


def test_element_builder_can_keep_empty_strings_and_take_clark_names():
    parent = etree.Element("grammar")
    child = sub_element(parent, "{urn:x}value", "", {"type": "", "datatypeLibrary": None}, ns=None, keep_empty=True)
    assert child.tag == "{urn:x}value" and child.text == "" and dict(child.attrib) == {"type": ""}
    assert etree.tostring(child) == b'<ns0:value xmlns:ns0="urn:x" type=""></ns0:value>'


def test_slug_variants():
    assert slug("Memorandum of Conversation") == "memorandum-of-conversation"
    assert slug("  --  ") == "" and slug("--", default="x") == "x"
    assert slug("Record 12/B", "A-Za-z0-9", case="keep") == "Record-12-B"
    assert slug("..a b..", "A-Za-z0-9._-", case="keep", strip="-.", limit=2) == "a-"
    # lowering before or after the replacement differs for the Kelvin sign, which lowers to ASCII k
    assert slug("\u212a1") == "k1" and slug("\u212a1", "A-Za-z0-9", case="lower-after") == "1"


def test_category_ids_are_those_the_encoder_writes():
    for label in DOCUMENT_TYPES:
        assert TeiEncoder.category_id("document-types", label) == category_id("document-types", label) == doctype_id(label)
    for label in CLASSIFICATIONS:
        assert TeiEncoder.category_id("classifications", label) == classification_id(label)
    assert doctype_id("Memorandum of Conversation") == "doctype-memorandum-of-conversation"


# --- the one date value -------------------------------------------------------------------------

from tei.core.dates import DateValue  # noqa: E402
from tei.core.record import DateValue as RecordDateValue  # noqa: E402
from tei.convert.model import DocDate  # noqa: E402
from tei.convert.readers.dates import parse_date  # noqa: E402


def test_the_model_and_the_exports_use_the_one_date_value():
    assert DocDate is DateValue and RecordDateValue is DateValue
    assert isinstance(parse_date("May 7th, 1978"), DateValue)


def test_date_attributes_are_written_in_the_order_of_the_encoding_and_leave_empty_ones_out():
    assert DateValue("05.04.1973", when="1973-04-05", cert="low").attributes() == {"when": "1973-04-05", "cert": "low"}
    assert list(DateValue("October 1948", not_before="1948-10-01", not_after="1948-10-31", cert="low").attributes()) \
        == ["notBefore", "notAfter", "cert"]
    assert DateValue(from_="1948-03-05", to="1949-02-01").attributes() == {"from": "1948-03-05", "to": "1949-02-01"}
    assert DateValue("[date left blank]").attributes() == {}
    assert DateValue("5.4.1973", when="1973-04-05", cert="low").attributes(cert=False) == {"when": "1973-04-05"}


def test_a_date_read_by_the_reader_is_written_by_the_encoder_and_read_back_by_the_exports_unchanged():
    for text in ("May 7th, 1978", "05.04.1973", "October 1948", "1967", "1950-06"):
        date = parse_date(text)
        parent = etree.Element(T + "creation")
        element = sub_element(parent, "date", date.text, date.attributes())
        assert DateValue.from_element(element) == date, text
    assert DateValue.from_element(None) is None


def test_known_iso_and_sort_key_of_a_date():
    assert not DateValue("[no date]").known and DateValue(not_before="1948-01-01", not_after="1948-12-31").known
    assert DateValue(not_before="1948-01-01", not_after="1948-12-31").iso == "1948"
    assert DateValue(not_before="1948-02-01", not_after="1948-02-29").iso == "1948-02"
    assert DateValue(not_before="1948-03-05", not_after="1949-02-01").iso == "1948-03-05/1949-02-01"
    assert DateValue(not_after="1949-02-01").sort_key == "1949-02-01" and DateValue("undated").sort_key == ""


def test_the_reader_hands_a_datelines_date_to_the_encoder_in_the_model():
    from conftest import SEEDS
    from tei.convert.readers import decode_source, read_wilson

    seed = next(path for path in SEEDS if path.name.startswith("002_"))
    doc = read_wilson(decode_source(seed.read_bytes(), seed.name)[0], seed.name)
    datelines = [block for block in doc.body if block.kind == "dateline"]
    assert [block.date for block in datelines] == [DateValue("Date: May 7th, 1978", when="1978-05-07")]


def test_the_encoder_writes_the_date_the_model_gives_and_reads_no_date_from_the_text():
    from tei.convert.model import Block, Document, Metadata
    from tei.convert.encoder import encode_tei

    given = DateValue("8 June 1967", not_before="1967-06-01", not_after="1967-06-30", cert="low")
    doc = Document(Metadata(title="A note"), body=[Block("dateline", ["Date: 8 June 1967"], date=given),
                                                  Block("dateline", ["Date: 1967"]),
                                                  Block("p", ["Text."])])
    tree = encode_tei(doc)
    datelines = tree.findall(f".//{T}dateline")
    assert [dict(d.attrib) for d in datelines[0].iter(T + "date")] == [given.attributes()]
    assert datelines[0].text == "Date: " and datelines[0].find(T + "date").text == "8 June 1967"
    # a dateline the reader gave no date: the encoder does not read one from the text
    assert datelines[1].find(T + "date") is None and "".join(datelines[1].itertext()) == "Date: 1967"
