"""Building the exports' XML: one helper for elements, one for bytes, used by every format."""

from __future__ import annotations

from lxml import etree

from ..core.tei import T, TEI_NS, XML_ID, XML_LANG, XML_NS  # noqa: F401 (the exports import them from here)
from ..core.tei import sub_element as sub  # noqa: F401


def to_bytes(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 with an XML declaration; lxml indents only where there is no text, so copied
    documents keep their mixed content exactly."""
    if isinstance(tree, etree._Element):
        tree = etree.ElementTree(tree)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
