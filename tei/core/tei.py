"""The TEI namespace, the one element builder and the one slug maker."""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: `{TEI_NS}`: prefix a local name with it to get the Clark name lxml uses.
T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
#: The prefix map the XPath expressions use (`t:`).
TEI_PREFIXES = {"t": TEI_NS}


def sub_element(parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None,
                *, ns: str | None = TEI_NS, keep_empty: bool = False) -> etree._Element:
    """A child `{ns}tag` (or `tag` as given when `ns` is None) with text and attributes, in the
    order given. Empty values are left out (no `@ref=""`, no empty text); with `keep_empty` only
    None is left out, so an empty string is written (the schema generator needs `value=""`)."""
    def wanted(value) -> bool:
        return value is not None if keep_empty else bool(value)

    name = tag if ns is None else f"{{{ns}}}{tag}"
    element = etree.SubElement(parent, name, {k: v for k, v in (attrs or {}).items() if wanted(v)})
    if wanted(text):
        element.text = text
    return element


def slug(text: str, allowed: str = "a-z0-9", *, case: str = "lower", strip: str = "-", default: str = "",
         limit: int | None = None) -> str:
    """`text` with each run of characters outside `allowed` (a regex character-class body) made one
    '-', and `strip` taken off both ends: 'Memorandum of Conversation' -> 'memorandum-of-conversation'.

    `case`: "lower" lowers before replacing, "lower-after" replaces then lowers (the two differ only
    for the few characters whose lower case is ASCII, such as the Kelvin sign), "keep" keeps the
    case. `limit` cuts the result to that length; `default` stands in for an empty result."""
    if case == "lower":
        text = text.lower()
    result = re.sub(f"[^{allowed}]+", "-", text).strip(strip)
    if limit is not None:
        result = result[:limit]
    if case == "lower-after":
        result = result.lower()
    return result or default


def text_of(element: etree._Element | None) -> str:
    """The element's text, whitespace normalised; "" for None."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
