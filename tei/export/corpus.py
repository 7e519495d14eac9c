"""`tei-corpus`: every document in one `teiCorpus`, with a corpus header and the registers.

xml:ids must be unique in the corpus, but every document of the edition declares the same ones
(the taxonomies, `hand-2`, `translator-1`). So the encoding description the documents share is
moved once into the corpus header (their `#document-types` pointers then resolve there), and the
ids left in each document get the document's id as a prefix, with its internal `#pointers`
rewritten to match. Pointers to register entries become `#id`, as the registers are in the corpus.

Prefixing alone can make two ids one (document `x`'s `b-c` and document `x-b`'s `c` are both
`x-b-c`), so every id is claimed from one `CorpusIds`: the corpus header's and the registers'
first, then the documents' own, then the ids inside each document; an id already taken gets
`.2`, `.3`, ... So ids are unique, and in the usual case exactly the prefixed ones.
"""

from __future__ import annotations

import copy
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from lxml import etree

from .. import __version__
from .edition import Edition, edition_date
from ..core.record import DocumentRecord
from ..core.registers import Registers
from .sources import SourceDocument
from .xmlbuild import T, TEI_NS, XML_ID, XML_LANG, sub
#: Attributes whose `file#id` or `prefix:id` values may point into the registers.
REGISTER_POINTERS = ("ref", "corresp", "sameAs", "who", "target", "key")


def ncname(name: str) -> str:
    """`name` as an XML name: ids that start with a digit get a `doc-` prefix."""
    name = re.sub(r"[^\w.-]", "-", name)
    return name if re.match(r"[A-Za-z_]", name) else f"doc-{name}"


class CorpusIds:
    """The xml:ids given out in one corpus: each `claim` returns an id no other claim returned."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.taken = set(reserved)

    def claim(self, wanted: str) -> str:
        ident, number = wanted, 1
        while ident in self.taken:
            number += 1
            ident = f"{wanted}.{number}"
        self.taken.add(ident)
        return ident


def _ids_in(elements: Iterable[etree._Element | None]) -> Iterator[str]:
    for element in elements:
        if element is not None:
            yield from (str(i) for i in element.xpath(".//@xml:id | @xml:id"))


def shared_encoding(documents: Iterable[SourceDocument]) -> etree._Element | None:
    """The encodingDesc most documents have, word for word (the first one's on a tie), copied."""
    counts: Counter = Counter()
    first: dict[bytes, etree._Element] = {}
    for document in documents:
        key = _encoding_key(document.tree.getroot())
        if key:
            counts[key] += 1
            if key not in first:
                first[key] = copy.deepcopy(document.tree.getroot().find(f"{T}teiHeader/{T}encodingDesc"))
    if not counts:
        return None
    best = max(counts.values())
    return next(element for key, element in first.items() if counts[key] == best)


def _encoding_key(root: etree._Element) -> bytes:
    element = root.find(f"{T}teiHeader/{T}encodingDesc")
    return etree.tostring(element, method="c14n") if element is not None else b""


def relocate_ids(tei: etree._Element, prefix: str, registers: Registers, ids: CorpusIds | None = None) -> None:
    """Prefix every xml:id of one document and rewrite the pointers that name them. `prefix` is
    the document's own id (already claimed); the others are claimed from `ids`, when given."""
    renamed = {}
    for element in tei.iter():
        ident = element.get(XML_ID) if isinstance(element.tag, str) else None
        if ident:
            if element is tei:
                renamed[ident] = prefix
            else:
                renamed[ident] = ids.claim(f"{prefix}-{ident}") if ids is not None else f"{prefix}-{ident}"
            element.set(XML_ID, renamed[ident])
    tei.set(XML_ID, prefix)
    for element in tei.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name == XML_ID or "#" not in value and ":" not in value:
                continue
            tokens = [_pointer(token, renamed, registers if name in REGISTER_POINTERS else None)
                      for token in value.split()]
            if tokens != value.split():
                element.set(name, " ".join(tokens))


def _pointer(token: str, renamed: dict[str, str], registers: Registers | None) -> str:
    if token.startswith("#") and token[1:] in renamed:
        return "#" + renamed[token[1:]]
    if registers is not None and (entry := registers.entry_id(token)):
        return "#" + entry
    return token


def corpus_header(corpus: etree._Element, records: list[DocumentRecord], edition: Edition,
                  own_encoding: bool, document_ids: dict[str, str] | None = None) -> etree._Element:
    """The corpus's teiHeader; with an encodingDesc of its own when the documents share none.
    `document_ids` gives each record's TEI id in the corpus (default: its id as an XML name)."""
    document_ids = document_ids or {}
    header = sub(corpus, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", edition.title, {"type": "main"} if edition.subtitle else None)
    if edition.subtitle:
        sub(title_stmt, "title", edition.subtitle, {"type": "sub"})
    for person in edition.editors:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", person.role)
        sub(resp, "persName", person.name)
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", edition.publisher_for(records))
    if edition.email:
        sub(sub(sub(publication, "address"), "addrLine"), "email", edition.email)
    if edition.base_url:
        sub(publication, "idno", edition.url(), {"type": "URL"})
    sub(publication, "date", attrs={"when": edition_date(records)})
    availability = sub(publication, "availability")
    sub(availability, "licence", f"The corpus header and registers: {edition.licence_text}.", {"target": edition.licence})
    sub(availability, "p", "The rights of each document are stated in its own header.")
    source_desc = sub(file_desc, "sourceDesc")
    bibls = sub(source_desc, "listBibl")
    for record in map(header_record, records):
        bibl = sub(bibls, "bibl", attrs={"corresp": "#" + document_ids.get(record.id, ncname(record.id))})
        sub(bibl, "title", record.title or record.id)
        if record.has_date:
            sub(bibl, "date", record.date_text, dict(record.date_attributes))
        if record.source_description:
            sub(bibl, "note", record.source_description, {"type": "source"})
        if record.uri:
            sub(bibl, "idno", record.uri, {"type": "URI"})
    if own_encoding:
        app = sub(sub(sub(header, "encodingDesc"), "appInfo"), "application",
                  attrs={"ident": "tei-edition", "version": __version__})
        sub(app, "label", "tei-edition")
    return header


class HeaderRecord(NamedTuple):
    """What `corpus_header` reads of a document's record (its bibl, the publisher, the date): the
    records of a whole edition are held while its documents are written one by one, so they hold
    nothing else, in a tuple rather than a `DocumentRecord` of thirty fields and eleven lists."""

    id: str
    title: str
    #: the bibl's date: its text (else its ISO value) and its attributes; "" and () for none
    date_text: str
    date_attributes: tuple
    has_date: bool
    source_description: str
    uri: str
    publisher: str
    repository: str
    uploaded: str


def header_record(record: "DocumentRecord | HeaderRecord") -> HeaderRecord:
    """Only what `corpus_header` reads of a record, with the strings that records repeat held once
    (interned)."""
    if isinstance(record, HeaderRecord):  # read back from a file: its strings held once again
        return record._replace(source_description=sys.intern(record.source_description),
                               publisher=sys.intern(record.publisher), repository=sys.intern(record.repository))
    date = record.date
    return HeaderRecord(record.id, record.title, (date.text or date.iso) if date is not None else "",
                        tuple(date.attributes().items()) if date is not None else (), date is not None,
                        sys.intern(record.source_description), record.uri, sys.intern(record.publisher),
                        sys.intern(record.repository), record.uploaded)


def corpus_ids(encoding: etree._Element | None, records: list[DocumentRecord],
               lists: list[etree._Element]) -> tuple[CorpusIds, dict[str, str]]:
    """The ids of the corpus's head (`corpus_head`) claimed, and each record's TEI id in it: the ids
    that stay as they are (the shared encodingDesc's, the registers' `lists`), then each document's
    own, before the header points at them."""
    ids = CorpusIds(_ids_in([encoding, *lists]))
    return ids, {record.id: ids.claim(ncname(record.id)) for record in records}


def corpus_head(encoding: etree._Element | None, records: list[DocumentRecord], registers: Registers,
                edition: Edition) -> tuple[CorpusIds, dict[str, str], list[etree._Element]]:
    """The corpus's ids claimed so far, each record's TEI id in it, and the children of the
    teiCorpus before its documents: its header (with the shared `encoding`) and the registers."""
    lists = registers.lists()
    ids, document_ids = corpus_ids(encoding, records, lists)
    scratch = etree.Element(T + "teiCorpus", nsmap={None: TEI_NS})
    header = corpus_header(scratch, records, edition, own_encoding=encoding is None, document_ids=document_ids)
    etree.indent(scratch)  # only what was built here: copied parts keep their own whitespace
    if encoding is not None:
        header[-1].tail = "\n    "
        header.append(_copied(encoding, "\n  "))
    header.tail = "\n  "
    parts = [header]
    if lists:
        stand_off = etree.Element(T + "standOff")
        stand_off.text = "\n    "
        for register in lists:
            stand_off.append(_copied(register, "\n    "))
        stand_off[-1].tail, stand_off.tail = "\n  ", "\n  "
        parts.append(stand_off)
    return ids, document_ids, parts


def encoding_key(encoding: etree._Element | None) -> bytes | None:
    """What makes two encodingDescs the same one: their canonical form."""
    return etree.tostring(encoding, method="c14n") if encoding is not None else None


def corpus_member(document: SourceDocument, shared_key: bytes | None, prefix: str, registers: Registers,
                  ids: CorpusIds) -> etree._Element:
    """One document made ready for the corpus: without the encodingDesc the header holds for all
    (`shared_key`), its ids prefixed with its id in the corpus (`prefix`)."""
    tei = _copied(document.tree.getroot(), "\n  ")
    own = tei.find(f"{T}teiHeader/{T}encodingDesc")
    if own is not None and etree.tostring(own, method="c14n") == shared_key:
        own.getprevious().tail = own.tail
        own.getparent().remove(own)
    relocate_ids(tei, prefix, registers, ids)
    return tei


def corpus_parts(documents: Callable[[], Iterable[SourceDocument]], records: list[DocumentRecord],
                 registers: Registers, edition: Edition) -> Iterator[etree._Element]:
    """The children of the teiCorpus, in order: its header, the registers, then every document
    made ready for the corpus. `documents` is called twice (once to find the encoding they share,
    once to copy them), so that a large corpus never has to be in memory at once."""
    encoding = shared_encoding(documents())
    ids, document_ids, head = corpus_head(encoding, records, registers, edition)
    yield from head
    shared_key = encoding_key(encoding)
    for document in documents():
        prefix = document_ids.get(document.id) or ids.claim(ncname(document.id))
        yield corpus_member(document, shared_key, prefix, registers, ids)


def build_corpus(documents: list[SourceDocument], records: list[DocumentRecord], registers: Registers,
                 edition: Edition) -> etree._ElementTree:
    corpus = etree.Element(T + "teiCorpus", nsmap={None: TEI_NS})
    corpus.set(XML_LANG, "en")
    corpus.text = "\n  "
    for part in corpus_parts(lambda: documents, records, registers, edition):
        corpus.append(part)
    corpus[-1].tail = "\n"
    return etree.ElementTree(corpus)


class CorpusWriter:
    """A teiCorpus written part by part (for large editions), the same bytes as `build_corpus`
    serialised. Each part is serialised inside an empty teiCorpus, so that it inherits the
    namespace declarations instead of repeating them, and then cut out of it (`serialise`): a part
    serialised once can be written again as it is (`write_bytes`)."""

    def __init__(self, out) -> None:
        self.out = out
        self.wrapper = etree.Element(T + "teiCorpus", nsmap={None: TEI_NS})
        self.wrapper.set(XML_LANG, "en")
        self.start_tag = etree.tostring(self.wrapper)[:-2] + b">"
        self.end_tag = b"</teiCorpus>"
        self.count = 0
        out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n" + self.start_tag + b"\n  ")

    def serialise(self, part: etree._Element) -> bytes:
        part.tail = None
        self.wrapper.append(part)
        serialised = etree.tostring(self.wrapper, encoding="UTF-8")
        self.wrapper.remove(part)
        return serialised[len(self.start_tag):-len(self.end_tag)]

    def write(self, part: etree._Element) -> None:
        self.write_bytes(self.serialise(part))

    def write_bytes(self, part: bytes) -> None:
        self.separate()
        self.out.write(part)

    def separate(self) -> None:
        """What comes before the next part, which the caller then writes to `out` itself."""
        if self.count:
            self.out.write(b"\n  ")
        self.count += 1

    def close(self) -> None:
        self.out.write(b"\n" + self.end_tag)


def write_corpus(path: Path, documents: Callable[[], Iterable[SourceDocument]], records: list[DocumentRecord],
                 registers: Registers, edition: Edition) -> None:
    """The same bytes as `build_corpus` serialised, written part by part (`CorpusWriter`)."""
    with open(path, "wb") as out:
        writer = CorpusWriter(out)
        for part in corpus_parts(documents, records, registers, edition):
            writer.write(part)
        writer.close()


def _copied(element: etree._Element, tail: str) -> etree._Element:
    duplicate = copy.deepcopy(element)
    duplicate.tail = tail
    return duplicate
