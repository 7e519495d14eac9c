"""Building the exports' XML: one helper for elements, one for bytes, used by every format."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def sub(parent: etree._Element, tag: str, text: str = "", attrs: dict[str, str] | None = None,
        ns: str = TEI_NS) -> etree._Element:
    """A child `{ns}tag` with text and attributes; empty attribute values are left out."""
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in (attrs or {}).items() if v})
    if text:
        element.text = text
    return element


def to_bytes(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 with an XML declaration; lxml indents only where there is no text, so copied
    documents keep their mixed content exactly."""
    if isinstance(tree, etree._Element):
        tree = etree.ElementTree(tree)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
