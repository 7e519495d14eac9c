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
from .tei import XML_ID

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

EGXML_NS = "http://www.tei-c.org/ns/Examples"


class _LoadRefused(Exception):
    """Raised by the parser's resolver: the document asked for an external DTD or entity."""


class _RefuseEveryLoad(etree.Resolver):
    """Without ID collection libxml2 tries to load a DOCTYPE's external subset even with
    load_dtd=False; this resolver stops every such load before any file or URL is opened."""

    def resolve(self, url, pubid, context):
        raise _LoadRefused(url)


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        # libxml2 refuses a repeated xml:id as if the file were not XML; it is well-formed, and
        # TEI allows repeats inside egXML examples: `duplicate_ids` reports them instead.
        collect_ids=False,
    )
    parser.resolvers.add(_RefuseEveryLoad())
    return parser


#: elements with an xml:id, not in an egXML, in document order (found in C: looking at the ancestors of
#: every element in Python was a tenth of validating a document)
_WITH_ID_OUTSIDE_EXAMPLES = etree.XPath("//*[@xml:id][not(ancestor-or-self::eg:*)]", namespaces={"eg": EGXML_NS})
#: every xml:id of the file, as plain strings: when none repeats, no element need be looked at
_IDS = etree.XPath("//@xml:id", smart_strings=False)


def duplicate_ids(tree: etree._ElementTree) -> list[tuple[str, int, int]]:
    """xml:id values given more than once outside egXML examples, as (id, line, line of its
    first use), in document order. Inside an egXML the ids belong to the example, not the file."""
    ids = _IDS(tree)
    if len(set(ids)) == len(ids):  # the usual case, found in half the time of the elements' look-up
        return []
    first: dict[str, int] = {}
    repeats = []
    for element in _WITH_ID_OUTSIDE_EXAMPLES(tree):
        value = element.get(XML_ID)
        if value in first:
            repeats.append((value, element.sourceline or 0, first[value]))
        else:
            first[value] = element.sourceline or 0
    return repeats


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
                    max_bytes: int = MAX_XML_BYTES, xinclude: str = "refuse", repeated_ids: str = "refuse",
                    warnings: list[str] | None = None) -> etree._ElementTree:
    """Parse a file path or bytes; refuse DTDs and entities instead of expanding them.

    An XInclude is refused (`xinclude="refuse"`), or, for reading (`"fallback"`), replaced by its
    xi:fallback or by a visible placeholder, with a line added to `warnings`; `"fallback-only"`
    (validation) takes the fallback and refuses an include that has none. Nothing is fetched.
    An xml:id used twice outside egXML is refused (`repeated_ids="refuse"`), or left for the
    caller to report (`"allow"`: see `duplicate_ids`).
    """
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
    except _LoadRefused as exc:
        raise UnsafeXMLError(f"a DOCTYPE naming an external DTD ({exc}) is not allowed (nothing is loaded; "
                             "a bare DOCTYPE is accepted)", label, rule="doctype",
                             line=data.count(b"\n", 0, max(data.find(b"<!DOCTYPE"), 0)) + 1) from None
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
    repeats = duplicate_ids(tree) if repeated_ids == "refuse" else []
    if repeats:
        value, line, first = repeats[0]
        raise UnsafeXMLError(f"line {line}: xml:id {value!r} is used again (first on line {first}); "
                             "an xml:id must be unique in the file", label, rule="duplicate-id", line=line)
    if xinclude == "fallback-only":
        for include in tree.iter(f"{{{XINCLUDE_NS}}}include"):
            if include.find(f"{{{XINCLUDE_NS}}}fallback") is None:
                raise UnsafeXMLError(f"line {include.sourceline}: XInclude of {include.get('href', '(no href)')} "
                                     "is not followed (nothing is fetched); one without an xi:fallback is not allowed", label,
                                     rule="xinclude", line=include.sourceline or 0)
    if xinclude in ("fallback", "fallback-only"):
        _replace_xincludes(tree, warnings if warnings is not None else [])
    for node in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        raise UnsafeXMLError(f"line {node.sourceline}: XInclude is not allowed (nothing is included)", label,
                             rule="xinclude", line=node.sourceline or 0)
    return tree


def _replace_xincludes(tree: etree._ElementTree, warnings: list[str]) -> None:
    """Each xi:include becomes the content of its xi:fallback, or a TEI gap saying what was not
    included ("[not included: URL]"); innermost first, so a fallback's own includes are handled."""
    includes = list(tree.iter(f"{{{XINCLUDE_NS}}}include"))
    said = []
    for include in reversed(includes):
        href = include.get("href", "")
        fallback = include.find(f"{{{XINCLUDE_NS}}}fallback")
        parent = include.getparent()
        if parent is None:
            raise UnsafeXMLError("the root is an XInclude: there is nothing to read without fetching it",
                                 rule="xinclude", line=include.sourceline or 0)
        if fallback is not None:
            said.append(f"line {include.sourceline}: XInclude of {href or '(no href)'} not followed; "
                        "its fallback is used")
            replacement: list = [fallback.text or "", *fallback]
        else:
            said.append(f"line {include.sourceline}: XInclude of {href or '(no href)'} not followed; "
                        "a placeholder is shown")
            namespace = etree.QName(parent).namespace or ""
            gap = etree.Element(f"{{{namespace}}}gap" if namespace else "gap", reason="not included")
            etree.SubElement(gap, f"{{{namespace}}}desc" if namespace else "desc").text = \
                f"not included: {href}" if href else "not included"
            replacement = ["", gap]
        _replace_keeping_tail(include, replacement)
    warnings.extend(reversed(said))
    for stray in list(tree.iter(f"{{{XINCLUDE_NS}}}fallback")):  # a fallback outside any include
        if stray.getparent() is not None:
            _replace_keeping_tail(stray, [stray.text or "", *stray])


def _replace_keeping_tail(element: etree._Element, replacement: list) -> None:
    """Put text and elements where `element` was, keeping the text after it."""
    parent = element.getparent()
    text, nodes = replacement[0], list(replacement[1:])
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    for node in nodes:
        element.addprevious(node)
    last = nodes[-1] if nodes else element.getprevious()
    if last is not None:
        last.tail = (last.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
