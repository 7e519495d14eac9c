"""`cmif`: the Correspondence Metadata Interchange Format, as correspSearch harvests it.

One `correspDesc` per document that has one (telegrams, letters, messages), with sender,
addressee, places and date, and authority URIs from the registers where they are known. CMIF
(https://github.com/TEI-Correspondence-SIG/CMIF, version 1.1.0) is a strict TEI subset: names are
plain text, `@cert` may only be "low", every date needs a dating attribute, and each correspDesc
points with `@source` to a `bibl` of the file's sourceDesc: here one per document.
"""

from __future__ import annotations

import uuid

from lxml import etree

from ..core.urls import safe_url
from .edition import Edition, edition_date
from ..core.record import CorrespAction, DocumentRecord, Name
from ..core.registers import Registers
from .xmlbuild import T, TEI_NS, XML_ID, sub
#: Names for stable bibl ids: uuid5 in this namespace of a document's URI (or id).
BIBL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/tei-edition/cmif")
NOT_NAMED = "Not named in the source."


def bibl_id(key: str) -> str:
    """A UUID (version 5) for `key`, as CMIF recommends; the first one that starts with a letter,
    since an xml:id cannot start with a digit. The same key always gives the same id."""
    for attempt in range(64):
        candidate = str(uuid.uuid5(BIBL_NAMESPACE, f"{key}#{attempt}" if attempt else key))
        if candidate[0].isalpha():
            return candidate
    raise AssertionError("no UUID starting with a letter in 64 tries")  # pragma: no cover


def _name(parent: etree._Element, name: Name, registers: Registers) -> None:
    uris = [u for u in registers.authority_uris(name.ref) if safe_url(u)] if name.ref else []
    cert = "low" if name.cert and name.cert != "high" else ""
    sub(parent, name.kind if name.kind in ("persName", "orgName", "placeName") else "persName", name.name,
        {"ref": " ".join(uris), "cert": cert})


def _action(parent: etree._Element, kind: str, action: CorrespAction | None, registers: Registers) -> None:
    element = sub(parent, "correspAction", attrs={"type": kind})
    if action is not None:
        for agent in action.agents:
            if agent.name:
                _name(element, agent, registers)
        for place in action.places:
            if place.name:
                _name(element, place, registers)
        if action.date is not None and action.date.attributes():
            sub(element, "date", attrs=action.date.attributes())
    if not len(element):
        sub(element, "note", NOT_NAMED)


def build_cmif(records: list[DocumentRecord], registers: Registers, edition: Edition,
               url: str = "") -> etree._ElementTree:
    """The CMIF file for the records that have a correspDesc; `url` is where it will be published."""
    letters = [r for r in records if r.correspondence]
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"Correspondence metadata: {edition.title}")
    editor = sub(title_stmt, "editor", edition.editor + " ")
    sub(editor, "email", edition.email)
    publication = sub(file_desc, "publicationStmt")
    publisher = sub(publication, "publisher")
    if edition.base_url:
        sub(publisher, "ref", edition.publisher_for(records), {"target": edition.base_url})
    else:
        publisher.text = edition.publisher_for(records)
    sub(publication, "idno", url or "cmif.xml", {"type": "url"})
    sub(publication, "date", attrs={"when": edition_date(records)})
    sub(sub(publication, "availability"), "licence", f"This file is licensed under the terms of the {edition.licence_text}.",
        {"target": edition.licence})
    source_desc = sub(file_desc, "sourceDesc")
    profile = sub(header, "profileDesc")
    for record in letters:
        address = edition.document_url(record)
        ident = bibl_id(address or record.record_id or record.id)
        bibl = sub(source_desc, "bibl", f"{record.title or record.id}. {record.publisher or edition.publisher_for(records)}",
                   {"type": "online", XML_ID: ident})
        if address:
            bibl.text += ", "
            sub(bibl, "ref", address, {"target": address})
        desc = sub(profile, "correspDesc", attrs={"ref": address, "source": "#" + ident})
        actions = {a.type: a for a in reversed(record.correspondence)}
        for kind in ("sent", "received"):
            _action(desc, kind, actions.get(kind), registers)
    if not letters:
        sub(source_desc, "bibl", edition.title, {"type": "online", XML_ID: bibl_id(edition.title)})
    sub(sub(sub(root, "text"), "body"), "p")
    return etree.ElementTree(root)
