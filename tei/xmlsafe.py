"""Parsing XML that comes from outside: no entities, no DTD, no network, no XInclude, bounded size.

Every module that reads XML a user handed us goes through `parse_untrusted`, so the rules live in
one place.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .errors import UnsafeXMLError

#: Largest XML file accepted, in bytes. Archive documents are kilobytes; 100 MB leaves room for corpora.
MAX_XML_BYTES = 100 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=True,
    )


def parse_untrusted(source: str | os.PathLike | bytes, *, name: str | None = None,
                    max_bytes: int = MAX_XML_BYTES) -> etree._ElementTree:
    """Parse a file path or bytes; refuse DTDs and entities instead of expanding them."""
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise UnsafeXMLError(f"cannot read: {exc.strerror or exc}", label) from None
        if size > max_bytes:
            raise UnsafeXMLError(f"file too large ({size} bytes; the limit is {max_bytes})", label)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnsafeXMLError(f"cannot read: {exc.strerror or exc}", label) from None
    if len(data) > max_bytes:
        raise UnsafeXMLError(f"input too large ({len(data)} bytes; the limit is {max_bytes})", label)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser(), base_url=None))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise UnsafeXMLError(f"line {line}: not well-formed XML: {exc.msg}", label) from None
    docinfo = tree.docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        raise UnsafeXMLError("a DOCTYPE declaration is not allowed (entities and DTDs are refused)", label)
    for node in tree.iter(etree.Entity):
        raise UnsafeXMLError(f"line {node.sourceline}: entity reference &{node.name}; is not allowed", label)
    return tree
