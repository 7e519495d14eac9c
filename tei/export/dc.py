"""`dc`: unqualified Dublin Core records (`oai_dc`), one per document, for OAI-PMH harvesters.

Written as a folder of records (`<id>.xml`, each one `oai_dc:dc` element, the form a repository
serves for `metadataPrefix=oai_dc`), or, when the output name ends in `.xml`, as one OAI-PMH
`ListRecords` response holding them all, the form a harvester receives.
"""

from __future__ import annotations

from lxml import etree

from .edition import Edition, edition_date
from ..core.record import DocumentRecord, names_of
from .xmlbuild import XML_LANG, sub

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
#: The DCMI Type of every document: the export's documents are texts.
DCMI_TYPE = "Text"


def dc_fields(record: DocumentRecord, edition: Edition) -> list[tuple[str, str, str]]:
    """(element, value, xml:lang) in the order the record is written; empty values dropped."""
    fields: list[tuple[str, str, str]] = [("title", record.title, record.language)]
    fields += [("creator", name, "") for name in dict.fromkeys(record.authors + names_of(record.senders))]
    fields += [("contributor", name, "") for name in dict.fromkeys(record.translators + record.contributors)]
    fields += [("subject", topic, "en") for topic in record.topics]
    fields.append(("description", record.summary, record.language))
    publisher = record.publisher or edition.publisher_for([record])
    fields.append(("publisher", publisher, ""))
    fields.append(("date", record.date.iso if record.date else "", ""))
    fields += [("type", DCMI_TYPE, ""), ("type", record.doc_type, "en"), ("format", "application/tei+xml", "")]
    fields += [("identifier", value, "") for value in (edition.document_url(record),
                                                        record.record_id and f"{publisher} record {record.record_id}")]
    fields.append(("source", record.source_description, ""))
    fields += [("language", tag.split("-")[0].lower(), "") for tag in record.languages]
    fields += [("relation", f"Copy: {copy}", "") for copy in record.other_copies]
    part_of = f"Part of: {edition.full_title}" + (f", {edition.url()}" if edition.base_url else "")
    fields.append(("relation", part_of, ""))
    fields += [("coverage", place, "") for place in dict.fromkeys(record.places + names_of(record.sent_places)
                                                                  + names_of(record.received_places))]
    fields.append(("rights", record.rights, "en"))
    return [(tag, " ".join(value.split()), lang) for tag, value, lang in fields if value and value.strip()]


def dc_record(record: DocumentRecord, edition: Edition) -> etree._Element:
    """One `oai_dc:dc` element."""
    dc = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS})
    dc.set(f"{{{XSI_NS}}}schemaLocation", OAI_DC_SCHEMA)
    for tag, value, lang in dc_fields(record, edition):
        sub(dc, tag, value, {XML_LANG: lang}, ns=DC_NS)
    return dc


def oai_identifier(record: DocumentRecord, repository: str = "tei-edition") -> str:
    return f"oai:{repository}:{record.id}"


def list_records(records: list[DocumentRecord], edition: Edition) -> etree._ElementTree:
    """An OAI-PMH `ListRecords` response (verb and metadataPrefix as a harvester would ask them)."""
    when = edition_date(records)
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", OAI_SCHEMA)
    sub(root, "responseDate", f"{when}T00:00:00Z", ns=OAI_NS)
    sub(root, "request", edition.base_url or "", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}, ns=OAI_NS)
    listing = sub(root, "ListRecords", ns=OAI_NS)
    for record in records:
        item = sub(listing, "record", ns=OAI_NS)
        head = sub(item, "header", ns=OAI_NS)
        sub(head, "identifier", oai_identifier(record), ns=OAI_NS)
        sub(head, "datestamp", when, ns=OAI_NS)
        sub(item, "metadata", ns=OAI_NS).append(dc_record(record, edition))
    return etree.ElementTree(root)
