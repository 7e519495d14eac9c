"""The base layer's helpers keep the behaviours their callers relied on before they were shared."""

from __future__ import annotations

from lxml import etree

from tei.core.tei import T, XML_ID, slug, sub_element
from tei.core.vocabulary import CLASSIFICATIONS, DOCUMENT_TYPES, category_id, classification_id, doctype_id
from tei.encoder import TeiEncoder


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
