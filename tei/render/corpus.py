"""A teiCorpus rendered as one collection: a page for the corpus header with the contents, then
every TEI of the corpus (nested corpora included) with its own header, text and notes.

The stylesheets read one TEI document at a time (its header is global to them), so each member is
rendered as a document of its own and the pieces are put together here. In HTML the ids of each
member are prefixed (`doc3-...`), so that notes and links of one member never reach another.
"""

from __future__ import annotations

import copy
import re

from lxml import etree, html

from ..core.tei import T, TEI_NS, XML_LANG


def members(corpus: etree._Element) -> list[etree._Element]:
    """Every TEI of a corpus, in document order, each a standalone copy that keeps the language
    it inherited from the corpus; a nested corpus comes as the TEI document of its header."""
    order = [part for part in corpus.iter(f"{T}TEI", f"{T}teiCorpus") if part is not corpus]
    found = []
    for part in order:
        if part.tag == f"{T}teiCorpus":
            inside = [(number, other) for number, other in enumerate(order, 1)
                      if other.tag == f"{T}TEI" and part in other.iterancestors()]
            standalone = header_document(part, inside).getroot()
        else:
            standalone = copy.deepcopy(part)
            standalone.tail = None
        if standalone.get(XML_LANG) is None:
            inherited = next((a.get(XML_LANG) for a in part.iterancestors() if a.get(XML_LANG)), None)
            if inherited:
                standalone.set(XML_LANG, inherited)
        found.append(standalone)
    return found


def _title(tei: etree._Element) -> str:
    titles = tei.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces={"tei": TEI_NS})
    return " ".join("".join(titles[0].itertext()).split()) if titles else "Untitled document"


def header_document(corpus: etree._Element, parts: list[tuple[int, etree._Element]]) -> etree._ElementTree:
    """A TEI document of the corpus header, whose text is the contents of the corpus: the
    documents, each with its number on the page."""
    tei = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
    if corpus.get(XML_LANG):
        tei.set(XML_LANG, corpus.get(XML_LANG))
    header = corpus.find(f"{T}teiHeader")
    if header is not None:
        tei.append(copy.deepcopy(header))
        tei[-1].tail = None
    # what the corpus itself holds beside its documents (TEI's model.resource: standOff, facsimile,
    # sourceDoc, a text of its own) is the header page's, rendered as any document's
    for resource in corpus.iterchildren(f"{T}facsimile", f"{T}sourceDoc", f"{T}standOff", f"{T}fsdDecl"):
        tei.append(copy.deepcopy(resource))
        tei[-1].tail = None
    own_text = corpus.find(f"{T}text")
    text = copy.deepcopy(own_text) if own_text is not None else etree.Element(f"{T}text")
    text.tail = None
    tei.append(text)
    body = text.find(f"{T}body")
    if body is None:
        body = etree.Element(f"{T}body")
        text.insert(len(text.findall(f"{T}front")), body)
    div = etree.Element(f"{T}div", type="contents")
    body.insert(0, div)
    etree.SubElement(div, f"{T}head").text = f"Contents ({len(parts)} documents)" if len(parts) != 1 else "Contents"
    items = etree.SubElement(div, f"{T}list", type="ordered")
    for number, part in parts:
        # the item holds the identifier its link points at, as a pointer into the file must;
        # join_html points the link at the member's title
        item = etree.SubElement(items, f"{T}item", {"{http://www.w3.org/XML/1998/namespace}id": f"corpus-member-{number}"})
        etree.SubElement(item, f"{T}ref", target=f"#corpus-member-{number}").text = _title(part)
    return etree.ElementTree(tei)


_CONTENTS_LINK = re.compile(r"#(?:doc\d+-)?corpus-member-(\d+)$")
_ID_ATTRIBUTES = ("id", "aria-labelledby", "aria-describedby", "data-copy", "for")


def _prefix_ids(element: html.HtmlElement, prefix: str) -> None:
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        for name in _ID_ATTRIBUTES:
            if node.get(name):
                node.set(name, " ".join(prefix + value for value in node.get(name).split()))
        href = node.get("href")
        if href and href.startswith("#") and len(href) > 1:
            node.set("href", "#" + prefix + href[1:])


def join_html(header_page: bytes, member_pages: list[bytes]) -> bytes:
    """The corpus page with the article of every member after its own, ids made unique."""
    page = html.fromstring(header_page)
    (main,) = page.xpath("//main")
    for number, member in enumerate(member_pages, 1):
        document = html.fromstring(member)
        (article,) = document.xpath("//article[contains(@class, 'edition')]")
        for switch in article.xpath(".//*[contains(@class, 'view-switch')]"):
            switch.drop_tree()  # one switch, at the top, serves the whole page
        for rights in document.xpath("//footer//*[contains(@class, 'rights')]"):
            article.append(rights)  # each document keeps its own rights statement
        _prefix_ids(article, f"doc{number}-")
        article.set("class", article.get("class", "") + " corpus-member")
        main.append(article)
    for link in page.xpath("//a[@href]"):  # the contents, on the corpus page and in nested corpora
        found = _CONTENTS_LINK.match(link.get("href"))
        if found:
            link.set("href", f"#doc{found.group(1)}-title")
    head = page.find("head")
    if head is not None and head.find("meta[@charset]") is None:
        head.insert(0, html.Element("meta", charset="utf-8"))
    return b"<!DOCTYPE html>\n" + html.tostring(page, encoding="utf-8")


def join_text(header_text: str, member_texts: list[str], width: int) -> str:
    rule = "=" * width
    return "\n".join([header_text.rstrip("\n"), *[f"\n{rule}\n\n{text.rstrip()}" for text in member_texts]]) + "\n"
