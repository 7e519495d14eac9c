"""Parsing XML that comes from outside: no entities, no DTD, no network, no XInclude, bounded size
and bounded nesting depth.

Every module that reads XML a user handed us goes through `parse_untrusted`, so the rules live in
one place.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from lxml import etree

from .errors import UnsafeXMLError
from .files import read_bounded

#: Largest XML file accepted, in bytes. Archive documents are kilobytes; 100 MB leaves room for corpora.
MAX_XML_BYTES = 100 * 1024 * 1024
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
#: Deepest nesting of elements accepted (the root is level 1). Archive documents nest about 10
#: levels, and a TEI document rarely more than 30. Every stage after the parser recurses per
#: level: the PDF's layout engine fails with a RecursionError at about 130 nested divisions.
MAX_DEPTH = 100


@functools.lru_cache(maxsize=4)
def _element_at_depth(depth: int) -> etree.XPath:
    """The first element `depth` levels down, by one path of `depth` child steps (/*/*/...): each
    step takes the children of the one before, so the whole tree is visited once, in C."""
    return etree.XPath(f"(/{'/'.join(['*'] * depth)})[1]")


def too_deep(tree: etree._ElementTree, limit: int = MAX_DEPTH) -> etree._Element | None:
    """The first element nested deeper than `limit` levels, or None."""
    found = _element_at_depth(limit + 1)(tree)
    return found[0] if found else None


def one_line(text: str) -> str:
    """A message of libxml2 or libxslt on one line: some end in a newline, some hold one."""
    return " ".join(str(text).split())


def syntax_message(exc: etree.XMLSyntaxError) -> str:
    """What an XMLSyntaxError says, on one line and without the position that lxml appends
    (`, line 2, column 223`, after the newline some libxml2 messages end in): the caller gives
    the position once, from `exc.position`."""
    return one_line(_POSITION_SUFFIX.sub("", str(exc.msg or exc)))


_POSITION_SUFFIX = re.compile(r"\s*,\s*line \d+, column \d+\s*$")


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


def _doctype_is_unsafe(docinfo) -> bool:
    """A bare DOCTYPE (common in older TEI) is harmless; one naming an external DTD or declaring
    entities is not. Nothing is ever loaded either way (load_dtd=False)."""
    if not docinfo.doctype:
        return False
    if docinfo.system_url or docinfo.public_id or docinfo.externalDTD is not None:
        return True
    dtd = docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def parse_untrusted(source: str | os.PathLike | bytes, *, name: str | None = None,
                    max_bytes: int = MAX_XML_BYTES) -> etree._ElementTree:
    """Parse a file path or bytes; refuse DTDs and entities instead of expanding them."""
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            data = read_bounded(path, max_bytes)  # a device or FIFO is refused, not read without end
        except ValueError as exc:
            raise UnsafeXMLError(f"cannot read: {exc}", label, rule="unreadable") from None
        except OSError as exc:
            raise UnsafeXMLError(f"cannot read: {exc.strerror or exc}", label, rule="unreadable") from None
        if len(data) > max_bytes:
            raise UnsafeXMLError(f"file too large (over {max_bytes} bytes, the limit)", label, rule="too-large")
    if len(data) > max_bytes:
        raise UnsafeXMLError(f"input too large ({len(data)} bytes; the limit is {max_bytes})", label,
                             rule="too-large")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser(), base_url=None))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        raise UnsafeXMLError(f"line {line}, column {column}: not well-formed XML: {syntax_message(exc)}", label,
                             line=line, column=column) from None
    if _doctype_is_unsafe(tree.docinfo):
        raise UnsafeXMLError("a DOCTYPE with entity declarations or an external DTD is not allowed "
                             "(entities and DTDs are refused; a bare DOCTYPE is accepted)", label,
                             rule="doctype", line=data.count(b"\n", 0, max(data.find(b"<!DOCTYPE"), 0)) + 1)
    deep = too_deep(tree)
    if deep is not None:
        raise UnsafeXMLError(f"line {deep.sourceline}: elements are nested more than {MAX_DEPTH} levels deep "
                             f"(the depth limit; a document needs far fewer)", label,
                             rule="too-deep", line=deep.sourceline or 0)
    for node in tree.iter(etree.Entity):
        raise UnsafeXMLError(f"line {node.sourceline}: entity reference &{node.name}; is not allowed", label,
                             rule="entity", line=node.sourceline or 0)
    for node in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        raise UnsafeXMLError(f"line {node.sourceline}: XInclude is not allowed (nothing is included)", label,
                             rule="xinclude", line=node.sourceline or 0)
    return tree
