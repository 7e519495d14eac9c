"""What the edition knows about one document: its metadata, read once from the TEI header.

`DocumentRecord.from_tei` is the only reader of the header into values: Dublin Core, the CSV/JSON
catalogues, CMIF, the corpus and bag descriptions, the citations, the site's lists and pages and
the review report all start from a record. It reads any TEI P5 file, not only tei-edition's:
fields the header does not have stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .dates import DateValue
from .tei import TEI_NS, XML_LANG, text_of

NS = {"t": TEI_NS}
NAME_TAGS = ("persName", "orgName", "placeName", "name", "roleName")


@dataclass(frozen=True)
class Name:
    """A person, organisation or place named in the header; `ref` is the @ref as written."""

    kind: str
    name: str
    ref: str = ""
    cert: str = ""


def names_of(items: list[Name]) -> list[str]:
    """The names as text, for formats that have no place for kinds and references."""
    return [item.name for item in items if item.name]


def _short_publication(bibl: etree._Element) -> str:
    def part(tag: str) -> str:
        return text_of(bibl.find(f"{{{TEI_NS}}}{tag}"))

    head = ", ".join(p for p in (part("author"), part("title")) if p)
    year = part("date")
    return f"{head} ({year})" if head and year else head or text_of(bibl)


@dataclass
class CorrespAction:
    type: str
    agents: list[Name] = field(default_factory=list)
    places: list[Name] = field(default_factory=list)
    date: DateValue | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class DocumentRecord:
    """The metadata of one document, as plain values."""

    id: str = ""
    file: str = ""
    title: str = ""
    date: DateValue | None = None
    doc_type: str = ""
    classification: str = ""
    language: str = "en"
    original_languages: list[str] = field(default_factory=list)
    settlement: str = ""
    repository: str = ""
    collections: list[str] = field(default_factory=list)
    archive_idno: str = ""
    other_copies: list[str] = field(default_factory=list)
    pages: str = ""
    record_id: str = ""
    uri: str = ""
    uploaded: str = ""
    publisher: str = ""
    rights: str = ""
    authors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    summary: str = ""
    topics: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    citation: str = ""
    published_source: str = ""
    #: the published source in a few words: "Author, Title (Year)" (its publisher is not an archive)
    published_in: str = ""
    correspondence: list[CorrespAction] = field(default_factory=list)

    # -- reading -------------------------------------------------------------------------------

    @classmethod
    def from_tei(cls, tree: etree._ElementTree | etree._Element, *, id: str = "", file: str = "") -> "DocumentRecord":
        root = tree.getroot() if hasattr(tree, "getroot") else tree

        def first(*paths: str) -> etree._Element | None:
            """The first element the first matching path finds."""
            for path in paths:
                found = root.xpath(path, namespaces=NS)
                if found:
                    return found[0]
            return None

        def texts(path: str) -> list[str]:
            return list(dict.fromkeys(t for t in (text_of(e) for e in root.xpath(path, namespaces=NS)) if t))

        header = "t:teiHeader/t:fileDesc/"
        record = cls(id=id, file=file)
        titles = root.xpath(header + "t:titleStmt/t:title", namespaces=NS)
        record.title = text_of(next((t for t in titles if t.get("type") == "main"), titles[0] if titles else None))
        record.authors = texts(header + "t:titleStmt/t:author")
        record.funders = texts(header + "t:titleStmt/t:funder")
        for stmt in root.xpath(header + "t:titleStmt/t:respStmt", namespaces=NS):
            names = [text_of(n) for n in stmt.xpath("t:persName | t:name", namespaces=NS)]
            role = text_of(stmt.find(f"{{{TEI_NS}}}resp")).lower()
            target = record.translators if role.startswith("transl") else record.contributors
            target.extend(n for n in names if n and n not in target)

        record.publisher = "; ".join(texts(header + "t:publicationStmt/t:publisher"))
        record.record_id = text_of(first(header + "t:publicationStmt/t:idno[@type='record']"))
        record.uri = text_of(first(header + "t:publicationStmt/t:idno[@type='URI' or @type='url' or @type='uri']"))
        uploaded = first(header + "t:publicationStmt/t:date[@type='uploaded']")
        record.uploaded = uploaded.get("when") or text_of(uploaded) if uploaded is not None else ""
        record.rights = "\n".join(texts(header + "t:publicationStmt/t:availability//t:p")
                                  or texts(header + "t:publicationStmt/t:availability/t:licence"))

        source = header + "t:sourceDesc/"
        ident = first(source + "t:msDesc/t:msIdentifier")
        if ident is not None:
            record.settlement = text_of(ident.find(f"{{{TEI_NS}}}settlement"))
            record.repository = text_of(ident.find(f"{{{TEI_NS}}}repository"))
            record.collections = [text_of(c) for c in ident.findall(f"{{{TEI_NS}}}collection")]
            record.archive_idno = text_of(ident.find(f"{{{TEI_NS}}}idno"))
            for alt in ident.findall(f"{{{TEI_NS}}}altIdentifier"):
                record.other_copies.append(", ".join(text_of(part) for part in alt if isinstance(part.tag, str)))
        record.pages = text_of(first(source + "t:msDesc/t:msContents/t:msItem/t:locus"))
        record.citation = text_of(first(source + "t:bibl[@type='citation']", source + "t:bibl[@type='source']"))
        published = first(source + "t:bibl[@type='published']")
        if published is not None:
            record.published_source = ", ".join(filter(None, (text_of(part) for part in published)))
            record.published_in = _short_publication(published)
        if not record.authors:
            record.authors = texts(source + "t:bibl[@type='published']/t:author")

        profile = "t:teiHeader/t:profileDesc/"
        record.date = DateValue.from_element(first(profile + "t:creation/t:date"))
        if record.date is not None and not (record.date.sort_key or record.date.text):
            record.date = None
        record.summary = "\n".join(texts(profile + "t:abstract/t:p") or texts(profile + "t:abstract"))
        record.language = root.get(XML_LANG) or "en"
        # str(): lxml's attribute results keep their whole document alive, records outlive it.
        record.original_languages = list(dict.fromkeys(
            map(str, root.xpath("t:teiHeader//t:sourceDesc//t:textLang/@mainLang", namespaces=NS))
            or [lang.get("ident") for lang in root.xpath(profile + "t:langUsage/t:language[@ident]", namespaces=NS)
                if lang.get("ident") != record.language]))
        record.doc_type = cls._category(root, "document-types")
        record.classification = cls._category(root, "classifications")
        record.topics = texts(profile + "t:textClass/t:keywords[@scheme='#topics']/t:term")
        record.places = texts(profile + "t:textClass/t:keywords[@scheme='#places']/t:term")
        for action in root.xpath(profile + "t:correspDesc/t:correspAction", namespaces=NS):
            record.correspondence.append(cls._action(action))
        return record

    @staticmethod
    def _category(root: etree._Element, taxonomy: str) -> str:
        """The label of the category a catRef of the taxonomy points to (its id, readable, if not declared)."""
        for target in root.xpath(f"t:teiHeader/t:profileDesc/t:textClass/t:catRef[@scheme='#{taxonomy}']/@target",
                                 namespaces=NS):
            ident = target.split()[0].lstrip("#")
            category = root.xpath(f"//t:category[@xml:id='{ident}']/t:catDesc", namespaces=NS) if "'" not in ident else []
            if category:
                return text_of(category[0])
            return ident.split("-", 1)[-1].replace("-", " ").capitalize()
        return ""

    @staticmethod
    def _action(element: etree._Element) -> CorrespAction:
        action = CorrespAction(type=element.get("type", ""))
        for child in element:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "placeName":
                action.places.append(Name(local, text_of(child), child.get("ref", ""), child.get("cert", "")))
            elif local in NAME_TAGS:
                action.agents.append(Name(local, text_of(child), child.get("ref", ""), child.get("cert", "")))
            elif local == "date":
                action.date = DateValue.from_element(child)
            elif local == "note":
                action.notes.append(text_of(child))
        return action

    # -- views ---------------------------------------------------------------------------------

    def _action_of(self, kind: str) -> CorrespAction | None:
        return next((a for a in self.correspondence if a.type == kind), None)

    @property
    def senders(self) -> list[Name]:
        action = self._action_of("sent")
        return action.agents if action else []

    @property
    def recipients(self) -> list[Name]:
        action = self._action_of("received")
        return action.agents if action else []

    @property
    def sent_places(self) -> list[Name]:
        action = self._action_of("sent")
        return action.places if action else []

    @property
    def received_places(self) -> list[Name]:
        action = self._action_of("received")
        return action.places if action else []

    @property
    def source_description(self) -> str:
        """The archival source in one line (repository, settlement, collection, signature)."""
        parts = [self.repository, self.settlement, *self.collections, self.archive_idno, self.pages]
        return ", ".join(p for p in parts if p) or self.published_source

    @property
    def languages(self) -> list[str]:
        """The document's languages: the text's (the translation) and the originals."""
        return list(dict.fromkeys([self.language, *self.original_languages]))
