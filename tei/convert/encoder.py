"""The TEI writer: one `Document` in, one TEI P5 tree out, following docs/encoding.md.

One method per kind of node, as in pandoc's writers. A mark or block kind the encoder does not
know is not dropped: it becomes an editorial note with its text, and the encoder reports it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import datetime, timezone

import langcodes
from anyascii import anyascii
from lxml import etree

from .. import __version__
from ..core.archive import ARCHIVE
from ..core.tei import T, TEI_NS, XML_ID, XML_LANG, slug, sub_element
from ..core.vocabulary import CLASSIFICATIONS, DOCUMENT_TYPES, category_id
from .names import LEADING_TITLES
from .readers.dates import DASHES_AROUND
from .model import OPENER_KINDS, Block, Document, EditorialMark, Inline, dates_in, part_of, text_of

PUBLISHER = ARCHIVE

#: {text}: what the archive publishes, a "translation" (nearly always) or the "original" (when the text
#: is not English); {marker}: who marked its errors
EDITORIAL_DECLARATION = {
    "correction": "The {text} is transcribed as published by the archive. Errors marked [sic] by the "
                  "{marker} are encoded as sic around the word concerned; no correction is made.",
    "normalization": "Spelling, capitalisation and punctuation are those of the {text}. Runs of layout "
                     "squares (\u25a1) of the export are encoded as space elements with their count.",
    "interpretation": "Square-bracketed interventions of the translator or the archive's editors are encoded "
                      "as TEI elements (sic, gap, add, space, supplied, choice, unclear, note, pb); the "
                      "conventions are documented in the project's encoding guide (docs/encoding.md).",
    "segmentation": "Paragraphs follow the blank lines (or the lines) of the export; line breaks inside a "
                    "paragraph are kept as lb.",
    "punctuation": "Quotation marks and dashes are kept as characters, as given.",
}


def transliterated(text: str) -> str:
    """`text` in ASCII letters, for ids made of names: `Gomułka` -> `Gomulka`, `Хрущёв` -> `Khrushchev`.
    A Han or Hangul character is a syllable of its own (`毛泽东` -> `Mao Ze Dong`), not run into the next;
    the apostrophe of a soft or hard sign is left out (`Ильич` -> `Ilich`), where it would split a word."""
    parts = []
    for char in text:
        if char.isascii():
            parts.append(char)
            continue
        ascii_form = anyascii(char)
        if unicodedata.category(char)[0] == "L":
            ascii_form = ascii_form.replace("'", "")
        wide = ascii_form[:1].isupper() and unicodedata.east_asian_width(char) in "WF"
        parts.append(f" {ascii_form} " if wide else ascii_form)
    return "".join(parts)


def _id_part(text: str) -> str:
    return slug(transliterated(text), "A-Za-z0-9", case="lower-after", default="x")


#: a title before a speaker's name (`Comrade`, `Cde.`, `Mr.`, `Ambassador`): no part of the person's id
_SPEAKER_TITLES = re.compile(rf"^(?:{LEADING_TITLES.pattern[1:]}|(?:Cdes?\.|Comrades?|Mrs?|Ms|Dr|Mme|Sir|Herr|Frau)\.? )+")


def speaker_id(name: str) -> str:
    """The id of a speaker's `person`: of the name without the titles before it (`Comrade Gheorghe
    Gheorghiu-Dej`: `person-gheorghe-gheorghiu-dej`), of the whole label when it is a title alone."""
    return f"person-{_id_part(_SPEAKER_TITLES.sub('', name).strip() or name)}"


def _speech_turns(blocks: list[Block]):
    """The speech turns of the body, those in a journal's entries included, in order."""
    for block in blocks:
        if block.kind == "sp":
            yield block
        elif block.kind == "entry":
            yield from _speech_turns(block.children)


_DASH_BEFORE = re.compile(r"\s*[-–—]+[ \t\u00a0]*")
_DASH_AFTER = re.compile(r"[ \t\u00a0]*[-–—]+\s*$")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A TEI child; an underscore in a keyword name stands for a hyphen, Clark names are kept."""
    return sub_element(parent, tag, text, {k.replace("_", "-") if not k.startswith("{") else k: v for k, v in attrs.items()})


def _around_marks(items: list[Inline], name: str) -> tuple[list[Inline], list[Inline], list[Inline]] | None:
    """The items before, of and after `name` where it is written across editorial marks, each mark
    whole inside it and both ends in plain text; None where a plain text holds it or it is not there."""
    if not name or any(isinstance(i, str) and name in i for i in items) \
            or all(isinstance(i, str) for i in items):
        return None
    raw = "".join(i if isinstance(i, str) else i.raw for i in items)
    start = raw.find(name)
    if start == -1:
        return None
    end, pos = start + len(name), 0
    before: list[Inline] = []
    inside: list[Inline] = []
    after: list[Inline] = []
    for item in items:
        length = len(item) if isinstance(item, str) else len(item.raw)
        lo, hi = pos, pos + length
        if isinstance(item, str):
            cut1, cut2 = min(max(start - lo, 0), length), min(max(end - lo, 0), length)
            for part, target in ((part_of(item, 0, cut1), before), (part_of(item, cut1, cut2), inside),
                                 (part_of(item, cut2), after)):
                if part:
                    target.append(part)
        elif hi <= start:
            before.append(item)
        elif lo >= end:
            after.append(item)
        elif start <= lo and hi <= end:
            inside.append(item)
        else:
            return None  # the name begins or ends inside a mark
        pos = hi
    return before, inside, after


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child (as its tail) or as the parent's text."""
    if not text:
        return
    try:
        last = parent[-1]  # found from the end; len(parent) counts every child, quadratic over a paragraph
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def language_cert(name: str) -> str:
    """The certainty of `language_tag(name)`: "" when the name is the code's own English name
    ("Romanian"), "medium" when the code was matched from other words ("Serbo-Croat", "Romanian,
    Russian") or read as a code, "unknown" when no code was found ("und")."""
    tag = language_tag(name)
    if tag == "und":
        return "unknown"
    try:
        own = langcodes.get(tag).display_name("en")
    except (LookupError, ValueError):
        return "medium"
    return "" if own.casefold() == name.strip().casefold() else "medium"


#: the opener's items that stand on their own line; the editors' marks are inline
_OPENER_ITEM_TAGS = frozenset({"seg", "fw", "idno", "dateline", "address", "salute", "lb"})
#: a clerk a transmission line names: `sent by Yerofeyev`, `Typed by Bantsekina` (capitalised where it opens a line)
_CLERK_BY = re.compile(r"(?:(?:^|(?<=\n))(?i:sent|received|typed|decoded|deciphered|dispatched)|\b(?:sent|received|typed|decoded|deciphered|dispatched))"
                       r" by\s+([A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)?)")
#: an inverted personal name heading: "Cremin, Cornelius Christopher ("Con")", "Yeltsin, Boris"
_INVERTED_PERSON = re.compile(r"[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+)?, [A-Z][\w.'\u2019\-]*(?: [\w.'\u2019\-\"()]+){0,4}")
#: a corporate heading: "Poland. Embassy (Canada)", "United Nations. General Assembly"
_CORPORATE = re.compile(r"\w\. [A-Z]|\b(?:Embassy|Ministry|Committee|Party|Council|Organization|Organisation|Union|"
                        r"Nations|Department|Government|Army|Office|Agency|Bank|Foundation|Institute|Assembly)\b")


def name_kind(heading: str) -> str:
    """The name element of an "Associated People & Organizations" heading: orgName for a corporate
    heading, persName for an inverted personal name, rs when neither form is clear."""
    if _CORPORATE.search(heading):
        return "orgName"
    if _INVERTED_PERSON.fullmatch(heading.strip()):
        return "persName"
    return "rs"


def language_tag(name: str) -> str:
    """A BCP 47 tag for a language name ("Romanian" -> "ro"); "und" when unknown."""
    try:
        return langcodes.find(name.strip()).to_tag()
    except (LookupError, ValueError):
        try:
            return langcodes.standardize_tag(name.strip())
        except (LookupError, ValueError):
            return "und"


class TeiEncoder:
    """Builds the TEI tree for one document. `warnings` collects what it had to improvise."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.meta = doc.metadata
        self.warnings: list[str] = []
        self.hands: dict[str, str] = {}
        self.persons: dict[str, str] = {}
        marks = doc.marks()
        if any(m.kind in ("addition", "annotation") for m in marks):
            self.hands["hand-2"] = "A second hand, writing by hand on the typed document (additions, annotations)."
        originals = [language_tag(l) for l in self.meta.original_languages]
        self.original_lang = next((t for t in originals if t != "und"), "")
        # An original term of a document with several original languages is taken to be in the first.
        self.original_lang_cert = "medium" if len(set(originals) - {"und"}) > 1 else ""
        self.text_lang = language_tag(self.meta.text_language) if self.meta.text_language else "en"

    # -- the whole file --------------------------------------------------------------------

    def encode(self) -> etree._ElementTree:
        root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
        root.set(XML_LANG, self.text_lang)
        self.header(root)
        text = _el(root, "text")
        body = _el(text, "body")
        div = _el(body, "div", type="document")
        self.body(div)
        return etree.ElementTree(root)

    # -- header ----------------------------------------------------------------------------

    def header(self, root: etree._Element) -> None:
        header = _el(root, "teiHeader")
        if self.text_lang != "en":
            header.set(XML_LANG, "en")  # the header's words are the archive's and the edition's, in English
        file_desc = _el(header, "fileDesc")
        self.title_stmt(file_desc)
        self.publication_stmt(file_desc)
        self.notes_stmt(file_desc)
        self.source_desc(file_desc)
        self.encoding_desc(header)
        self.profile_desc(header)
        self.revision_desc(header)

    def title_stmt(self, file_desc: etree._Element) -> None:
        meta = self.meta
        stmt = _el(file_desc, "titleStmt")
        _el(stmt, "title", meta.title or "Untitled document", type="main", cert=meta.cert.get("title", ""))
        for author in meta.authors:
            _el(stmt, "author", author)
        for funder in dict.fromkeys(meta.funders):
            _el(stmt, "funder", funder)
        counts: dict[str, int] = {}
        for resp in meta.responsibilities:
            role = "translator" if resp.resp.lower().startswith("translated") else slug(resp.resp.lower().replace(" by", ""), r"\w", case="keep")
            counts[role] = counts.get(role, 0) + 1
            stmt_el = _el(stmt, "respStmt", **{XML_ID: f"{role}-{counts[role]}"})
            _el(stmt_el, "resp", resp.resp.replace(" by", f" for {resp.for_org} by") if resp.for_org else resp.resp)
            _el(stmt_el, "persName", resp.name)
            if resp.for_org:
                _el(stmt_el, "orgName", resp.for_org)

    def publication_stmt(self, file_desc: etree._Element) -> None:
        meta = self.meta
        stmt = _el(file_desc, "publicationStmt")
        publisher = _el(stmt, "publisher")
        _el(publisher, "orgName", PUBLISHER)
        if meta.record_id:
            _el(stmt, "idno", meta.record_id, type="record")
        if meta.url:
            _el(stmt, "idno", meta.url, type="URI")
        if meta.uploaded:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.uploaded):
                _el(stmt, "date", meta.uploaded, type="uploaded", when=meta.uploaded)
            else:
                _el(stmt, "date", meta.uploaded, type="uploaded")
        if meta.rights:
            licence = _el(_el(stmt, "availability"), "licence", cert=meta.cert.get("rights", ""))
            for paragraph in meta.rights:
                _el(licence, "p", paragraph)

    def notes_stmt(self, file_desc: etree._Element) -> None:
        """The archive's credit lines as written; the funders they name are in `titleStmt`."""
        if not (self.meta.credits or self.meta.extra):
            return
        notes = _el(file_desc, "notesStmt")
        for credit in self.meta.credits:
            _el(notes, "note", credit, type="credits")
        for label, value in self.meta.extra:
            _el(notes, "note", value, type=label)

    def source_desc(self, file_desc: etree._Element) -> None:
        meta = self.meta
        desc = _el(file_desc, "sourceDesc")
        if meta.archival_source:
            self.ms_desc(desc)
        if meta.published_source:
            pub = meta.published_source
            bibl = _el(desc, "bibl", type="published")
            _el(bibl, "author", pub.author)
            _el(bibl, "title", pub.title, level="m")
            _el(bibl, "pubPlace", pub.place)
            _el(bibl, "publisher", pub.publisher)
            _el(bibl, "date", pub.date, when=pub.date if re.fullmatch(r"\d{4}", pub.date) else "")
            if pub.pages:
                _el(bibl, "biblScope", pub.pages, unit="page")
            if self.original_lang:
                _el(bibl, "textLang", ", ".join(meta.original_languages), mainLang=self.original_lang)
        if meta.citation:
            bibl = _el(desc, "bibl", type="citation")
            text = meta.citation
            url = meta.url
            if url and url in text:
                before, after = text.split(url, 1)
                bibl.text = before.rstrip("<")
                _el(bibl, "ref", url, target=url)
                _append_text(bibl, after.lstrip(">"))
            else:
                bibl.text = text
        if meta.source_text and meta.source_text != meta.citation:
            _el(desc, "bibl", meta.source_text, type="source", cert=meta.cert.get("source", ""))
        if not len(desc):
            _el(desc, "p", "Source not stated in the export; converted from a text file of the "
                           f"{PUBLISHER}.")

    def ms_desc(self, desc: etree._Element) -> None:
        source = self.meta.archival_source
        ms = _el(desc, "msDesc", cert=self.meta.cert.get("source", ""))
        ident = self._ms_identifier(ms, source)
        for alternate in source.alternates:
            alt = _el(ident, "altIdentifier", type="copy")
            if alternate.settlement:
                _el(alt, "settlement", alternate.settlement)
            _el(alt, "repository", alternate.repository)
            _el(alt, "idno", alternate.idno or alternate.repository)
        if source.pages or self.original_lang:
            contents = _el(ms, "msContents")
            item = _el(contents, "msItem")
            if source.pages:
                _el(item, "locus", source.pages)
            _el(item, "title", self.meta.title or "Untitled document")
            if self.original_lang:
                _el(item, "textLang", ", ".join(self.meta.original_languages), mainLang=self.original_lang)

    @staticmethod
    def _ms_identifier(ms: etree._Element, source) -> etree._Element:
        ident = _el(ms, "msIdentifier")
        if source.settlement:
            _el(ident, "settlement", source.settlement)
        _el(ident, "repository", source.repository)
        for collection in source.collection:
            _el(ident, "collection", collection)
        if source.idno:
            _el(ident, "idno", source.idno)
        return ident

    def encoding_desc(self, header: etree._Element) -> None:
        enc = _el(header, "encodingDesc")
        app_info = _el(enc, "appInfo")
        app = _el(app_info, "application", ident="tei-edition", version=__version__)
        _el(app, "label", "tei-edition")
        _el(app, "desc", "Converted from the archive's plain-text export.")
        decl = _el(enc, "editorialDecl")
        words = ({"text": "translation", "marker": "translator"} if self.text_lang == "en"
                 else {"text": "original", "marker": "editors"})
        for part, text in EDITORIAL_DECLARATION.items():
            _el(_el(decl, part), "p", text.format_map(words))
        class_decl = _el(enc, "classDecl")
        for taxonomy, names in (("document-types", DOCUMENT_TYPES), ("classifications", CLASSIFICATIONS)):
            tax = _el(class_decl, "taxonomy", **{XML_ID: taxonomy})
            for name in names:
                category = _el(tax, "category", **{XML_ID: self.category_id(taxonomy, name)})
                _el(category, "catDesc", name)

    @staticmethod
    def category_id(taxonomy: str, name: str) -> str:
        return category_id(taxonomy, name)

    def profile_desc(self, header: etree._Element) -> None:
        meta = self.meta
        profile = _el(header, "profileDesc")
        creation = _el(profile, "creation")
        if meta.date is not None:
            _el(creation, "date", meta.date.text, **meta.date.attributes())
        else:
            _el(creation, "date", meta.undated or "undated")
        if meta.summary:
            abstract = _el(profile, "abstract", cert=meta.summary_cert)
            for paragraph in meta.summary:
                _el(abstract, "p", paragraph)
        if self.hands:
            notes = _el(profile, "handNotes")
            for ident, description in self.hands.items():
                _el(_el(notes, "handNote", **{XML_ID: ident}), "p", description)
        lang_usage = _el(profile, "langUsage")
        if meta.text_language:
            _el(lang_usage, "language", meta.text_language, ident=self.text_lang, cert=meta.cert.get("text_language", ""))
        else:
            _el(lang_usage, "language", meta.contents or "English", ident="en")
        for name in meta.original_languages:
            tag = language_tag(name)
            if tag == "und":
                self.warnings.append(f"language {name!r} has no known code: recorded as 'und'")
            if tag != self.text_lang:
                _el(lang_usage, "language", f"{name} (original language)", ident=tag, cert=language_cert(name))
        self.partic_desc(profile)
        self.text_class(profile)
        self.corresp_desc(profile)

    def partic_desc(self, profile: etree._Element) -> None:
        speakers = [b.speaker for b in _speech_turns(self.doc.body)]
        if not speakers:
            return
        partic = _el(profile, "particDesc")
        persons = _el(partic, "listPerson", type="speakers")
        for name in dict.fromkeys(speakers):
            # Two spellings can make one slug ("Kim Yong-nam", "Kim  Yong-nam"): each keeps its own id.
            ident = base = speaker_id(name)
            number = 1
            while ident in self.persons.values():
                number += 1
                ident = f"{base}-{number}"
            self.persons[name] = ident
            _el(_el(persons, "person", role="speaker", **{XML_ID: ident}), "persName", name)

    def text_class(self, profile: etree._Element) -> None:
        meta = self.meta
        text_class = _el(profile, "textClass")
        if meta.doc_type:
            _el(text_class, "catRef", scheme="#document-types",
                target="#" + self.category_id("document-types", meta.doc_type if meta.doc_type in DOCUMENT_TYPES else "Other"),
                cert=(meta.cert.get("doc_type") or self._given_cert(meta.doc_type_given, meta.doc_type)) if meta.doc_type_given
                else "low" if meta.doc_type == "Other" else "medium")
        if meta.classification in CLASSIFICATIONS:
            _el(text_class, "catRef", scheme="#classifications",
                target="#" + self.category_id("classifications", meta.classification),
                cert=self._given_cert(meta.classification_given, meta.classification) if meta.classification_given
                else "medium")
        as_given = [value for value, name in ((meta.doc_type_given, meta.doc_type), (meta.classification_given, meta.classification))
                    if value and value != name]
        for scheme, terms in (("#topics", meta.topics), ("#places", meta.places), ("#subjects", meta.subjects),
                              ("#as-given", as_given)):
            if terms:
                keywords = _el(text_class, "keywords", scheme=scheme)
                for term in terms:
                    _el(keywords, "term", term)
        if meta.people:
            # Names the registers may lack: each in its name element, so that the candidates of
            # `tei-edition entities` list them; the kind is read from the heading's form.
            keywords = _el(text_class, "keywords", scheme="#people-organizations")
            for name in meta.people:
                kind = name_kind(name)
                _el(_el(keywords, "term"), kind, name, cert="medium" if kind != "rs" else "")
        if not len(text_class):
            profile.remove(text_class)

    @staticmethod
    def _given_cert(given: str, name: str) -> str:
        """A value the export gives is certain when it is the closed list's own word; mapped to it
        from other words ("Ciphered telegram"), it is a likely reading."""
        return "" if re.sub(r"\W+", " ", given).strip().lower() == name.lower() else "medium"

    def corresp_desc(self, profile: etree._Element) -> None:
        corr = self.doc.correspondence
        if corr is None:
            return
        desc = _el(profile, "correspDesc")
        for kind, agents, place in (("sent", corr.senders, corr.sent_place), ("transmitted", corr.intermediaries, ""),
                                    ("received", corr.recipients, corr.received_place)):
            if not (agents or place or kind == "sent"):
                continue
            action = _el(desc, "correspAction", type=kind)
            for agent in agents:
                _el(action, agent.kind, agent.name, cert=agent.cert)
            if place:
                # read from the title, an agent's name or an address: a likely reading
                _el(action, "placeName", place, cert="medium")
            if kind == "sent" and self.meta.date is not None:
                _el(action, "date", **self.meta.date.attributes())
            if not len(action):
                _el(action, "note", "Not named in the document.")

    def revision_desc(self, header: etree._Element) -> None:
        """Only when SOURCE_DATE_EPOCH asks for a date: the same input otherwise gives the same bytes."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if not epoch or not epoch.isdigit():
            return
        when = datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
        revision = _el(header, "revisionDesc")
        _el(revision, "change", f"Converted by tei-edition {__version__}.", when=when)

    # -- body ------------------------------------------------------------------------------

    def body(self, div: etree._Element) -> None:
        blocks = self.doc.body
        if not blocks:
            _el(_el(div, "gap", reason="no-text"), "desc", "The export has no document text.")
            self.warnings.append("the document has no text")
            return
        closer_kinds = {"signed", "closing-date", "closing-rule"}
        opener = closer = None
        seen_text = container_text = False
        container = div
        for block in blocks:
            if block.kind == "byline":
                # Beside the closer, not in it: older TEI releases do not allow byline in closer.
                self.inline(_el(container, "byline"), block.content)
                continue
            if block.kind in OPENER_KINDS and not seen_text:
                if opener is None:
                    opener = _el(div, "opener")
                self.opener_part(opener, block)
                _append_text(opener, block.gap_after)
                continue
            if block.kind in closer_kinds and not container_text:
                # A closer needs text before it in its division (TEI): after headings only, the
                # signature is the text.
                seen_text = container_text = True
                self.inline(_el(container, "p"), block.content)
                continue
            if block.kind in closer_kinds or (block.kind == "salute" and seen_text):
                if closer is None:
                    closer = _el(container, "closer")
                self.closer_part(closer, block)
                continue
            if block.kind == "entry":
                # One day of a journal: the entries follow the text before them; the closer after
                # them is the whole journal's.
                self.entry(div, block)
                container, closer = div, None
                seen_text = container_text = True
                continue
            if block.kind == "head" and seen_text:
                # A heading inside the text opens a section: TEI puts heads only at a division's top.
                container = _el(div, "div", type="section")
                closer = None
                container_text = False
            elif block.kind == "head":
                opener = None  # the opener's items after it are a new opener: the source's order stays
            elif block.kind not in ("head", "space", "page-number"):
                seen_text = container_text = True
            self.block(container, block)

    def entry(self, div: etree._Element, block: Block) -> None:
        """`<div type="entry">`: the entry's date line as its dateline, then its blocks; a heading
        after its text opens a section inside it."""
        entry = _el(div, "div", type="entry")
        self.dateline(entry, block)
        container, container_text = entry, False
        for child in block.children:
            if child.kind == "head" and container_text:
                container, container_text = _el(entry, "div", type="section"), False
            elif child.kind not in ("head", "space", "page-number"):
                container_text = True
            self.block(container, child)

    def opener_part(self, opener: etree._Element, block: Block) -> None:
        kind = block.kind
        if kind == "registry":
            self.inline(_el(opener, "idno", type="registry"), block.content)
        elif kind in ("to", "from", "subject", "reference"):
            # a telegram's addressee read from the shape of its line: the name a likely reading
            names = {block.speaker: ("persName", block.speaker_cert), block.place: "placeName"} if block.speaker else None
            seg = _el(opener, "seg", type=kind)
            self.inline(seg, block.content, names=names)
            if len(seg) and seg.text is None:
                seg.text = ""  # a name alone in it: kept on the seg's line when the tree is indented
        elif kind == "dateline":
            self.dateline(opener, block)
        elif kind == "address":
            address = _el(opener, "address")
            for line in self.split_lines(block.content):
                self.inline(_el(address, "addrLine"), line)
        elif kind == "salute":
            self.inline(_el(opener, "salute"), block.content)
        elif kind == "column":
            self.inline(_el(opener, "seg"), block.content)
        elif kind == "copy-number":
            self.inline(_el(opener, "fw", type="copyNumber"), block.content)
        elif kind == "provenance":
            self.inline(_el(opener, "seg", type="provenance"), block.content)
        elif kind == "classification":
            self.inline(_el(opener, "seg", type="classification"), block.content)
        elif kind == "transmission-line":
            # the office's record, as the closer's transmission note: a clerk named by it a likely reading
            self.inline(_el(opener, "seg", type="transmission"), block.content, names=self.transmission_names(block))
        elif kind in ("distribution", "handling"):
            self.inline(_el(opener, "seg", type=kind), block.content)
        elif kind in ("stamp", "editorial"):
            if len(opener) and etree.QName(opener[-1]).localname not in _OPENER_ITEM_TAGS and not opener[-1].tail:
                # the marks of the block before on the line above (`[SED Central Committee]` /
                # `[Department of International Relations]`): not run together
                _el(opener, "lb")
            for item in block.content:  # the marks; the white space around them is layout
                if isinstance(item, EditorialMark):
                    self.mark(opener, item)

    def closer_part(self, closer: etree._Element, block: Block) -> None:
        if block.kind == "closing-date":
            self.dateline(closer, block)
            _append_text(closer, block.gap_after)  # a dateline and a name on one line: the space between
        elif block.kind == "salute":
            self.inline(_el(closer, "salute"), block.content)
        elif block.kind == "closing-rule":
            # a typed rule: the closer's own text, on a line of its own
            if len(closer) or closer.text:
                _el(closer, "lb")
            self.inline(closer, block.content)
        else:
            signed = _el(closer, "signed")
            names = {block.speaker: ("persName", block.speaker_cert), block.role: ("roleName", block.role_cert),
                     block.org: ("orgName", block.org_cert)}
            for name, (tag, cert) in names.items():
                around = _around_marks(block.content, name)
                if around is not None:
                    # a name with the editors' marks inside it (`[Chinese] Embassy in [North] Vietnam`)
                    before, inside, after = around
                    self.inline(signed, before, names=names)
                    self.inline(_el(signed, tag, cert=cert or None), inside)
                    self.inline(signed, after, names=names)
                    return
            self.inline(signed, block.content, names=names)

    def dateline(self, parent: etree._Element, block: Block) -> None:
        dateline = _el(parent, "dateline")
        text = text_of(block.content)
        label = re.match(r"^\s*(Date\s*:\s*)", text, re.IGNORECASE)
        items = list(block.content)
        if label and isinstance(items[0], str):
            dateline.text = items[0][: label.end()]
            items[0] = part_of(items[0], label.end())
        after = ""
        if DASHES_AROUND.match(text.strip()) and block.date is not None and block.date.known:
            # `- April 5 1972 -`: the dashes around the date stand outside it
            lead = _DASH_BEFORE.match(items[0]) if isinstance(items[0], str) else None
            trail = _DASH_AFTER.search(items[-1]) if isinstance(items[-1], str) else None
            if lead and trail and (len(items) > 1 or lead.end() < trail.start()):
                after = str(items[-1][trail.start():])
                items[-1] = part_of(items[-1], 0, trail.start())
                dateline.text = str(items[0][:lead.end()])
                items[0] = part_of(items[0], lead.end())
        if block.date is not None and block.date.known:
            # the date element holds the line: the dates found inside it are not written again
            items = [str(item) if isinstance(item, str) else item for item in items]
            self.inline(_el(dateline, "date", **block.date.attributes()), items)
            if after:
                dateline[-1].tail = after
        else:
            self.inline(dateline, items)

    def block(self, div: etree._Element, block: Block) -> None:
        kind = block.kind
        if kind == "p":
            self.inline(_el(div, "p", n=block.n), block.content)
        elif kind == "head":
            self.inline(_el(div, "head", cert=block.cert), block.content)
        elif kind == "space":
            for item in block.content:
                if isinstance(item, EditorialMark):
                    self.mark(div, item)
        elif kind == "page-number":
            self.inline(_el(div, "fw", type="pageNum"), block.content)
        elif kind == "sp":
            sp = _el(div, "sp", n=block.n, who="#" + self.persons.get(block.speaker, speaker_id(block.speaker)))
            if block.content:  # a label holding a mark (`GORBACHEV [laughing]:`)
                self.inline(_el(sp, "speaker"), block.content)
            else:
                _el(sp, "speaker", block.role, cert=block.role_cert)
            if block.stage:
                self.inline(_el(sp, "stage", type="delivery", rend=block.stage_rend), block.stage)
            for child in block.children:
                if child.kind == "page-number":
                    self.inline(_el(sp, "fw", type="pageNum"), child.content)
                else:
                    self.inline(_el(sp, "p", n=child.n), child.content)
        elif kind == "list":
            items = _el(div, "list", type=block.role)
            for child in block.children:
                item = _el(items, "item", n=child.n)
                self.inline(item, child.content)
                for sublist in child.children:  # a nested list stands inside its item
                    self.block(item, sublist)
        elif kind == "transmission":
            note = _el(div, "note", type="transmission", place="bottom")
            self.inline(note, block.content, names=self.transmission_names(block))
        elif kind == "annotation":
            mark = next(i for i in block.content if isinstance(i, EditorialMark))
            note = _el(div, "note", type="annotation", place=mark.place or "margin", hand="#hand-2")
            self.inline(note, mark.content)
        elif kind == "postscript":
            self.inline(_el(_el(div, "postscript"), "p"), block.content)
        else:
            self.warnings.append(f"block of unknown kind {kind!r} kept as a paragraph")
            self.inline(_el(div, "p"), block.content)

    @staticmethod
    def transmission_names(block: Block) -> dict[str, tuple[str, str]]:
        """The clerks a transmission line names (`sent by Yerofeyev`); the verb may be capitalised where
        it opens a line (`Deciphered by Morozov on ...`, `Typed by Bantsekina on ...`)."""
        return {name: ("persName", "medium") for name in _CLERK_BY.findall(text_of(block.content))}

    @staticmethod
    def split_lines(items: list[Inline]) -> list[list[Inline]]:
        lines: list[list[Inline]] = [[]]
        for item in items:
            if isinstance(item, str) and "\n" in item:
                start = 0
                for index, part in enumerate(item.split("\n")):
                    if index:
                        lines.append([])
                    if part:
                        lines[-1].append(part_of(item, start, start + len(part)))
                    start += len(part) + 1
            else:
                lines[-1].append(item)
        return [line for line in lines if line]

    # -- inline ----------------------------------------------------------------------------

    def inline(self, parent: etree._Element, items: list[Inline], names: dict[str, str | tuple[str, str]] | None = None) -> None:
        for item in items:
            if isinstance(item, str):
                self.text(parent, item, names or {})
            else:
                self.mark(parent, item)

    def text(self, parent: etree._Element, text: str, names: dict[str, str | tuple[str, str]]) -> None:
        """Plain text: newlines become `lb`; given names and the dates the reader found get their elements."""
        names = {k: v for k, v in names.items() if k and len(k) > 1}
        start = 0
        for index, line in enumerate(text.split("\n")):
            if index:
                _el(parent, "lb")
            self._names_and_dates(parent, part_of(text, start, start + len(line)), names)
            start += len(line) + 1

    def _names_and_dates(self, parent: etree._Element, text: str, names: dict[str, str | tuple[str, str]]) -> None:
        """`names` maps a name to its element, or to (element, @cert) for a name the reader inferred.
        A name wins over a date it overlaps."""
        spans: list[tuple[int, int, str, dict[str, str]]] = []
        for name, tag in sorted(names.items(), key=lambda kv: -len(kv[0])):
            tag, cert = tag if isinstance(tag, tuple) else (tag, "")
            start = text.find(name)
            if start != -1 and not any(s < start + len(name) and start < e for s, e, _, _ in spans):
                spans.append((start, start + len(name), tag, {"cert": cert}))
        for start, end, date in dates_in(text):
            if not any(s < end and start < e for s, e, _, _ in spans):
                spans.append((start, end, "date", date.attributes()))
        pos = 0
        for start, end, tag, attrs in sorted(spans):
            _append_text(parent, text[pos:start])
            _el(parent, tag, text[start:end], **attrs)
            pos = end
        _append_text(parent, text[pos:])

    def mark(self, parent: etree._Element, mark: EditorialMark) -> None:
        method = getattr(self, "mark_" + mark.kind.replace("-", "_"), None)
        if method is None:
            self.warnings.append(f"editorial mark of unknown kind {mark.kind!r} kept as a note: {mark.raw!r}")
            method = self.mark_unknown
        before = len(parent)
        method(parent, mark)
        if mark.double and len(parent) == before + 1:
            # the form of the source, rebuilt by the stylesheets; a sic's own @rend is a word (`sic!`)
            # the doubling joins, a gap's or a page break's is the label as printed, which stays whole
            made, rend = parent[-1], parent[-1].get("rend")
            if not rend or made.tag == T + "sic":
                made.set("rend", f"{rend} double-bracket" if rend else "double-bracket")

    def mark_sic(self, parent, mark):
        self.inline(_el(parent, "sic", rend=mark.variant), mark.content)

    def mark_omission(self, parent, mark):
        gap = _el(parent, "gap", reason="omitted", rend=mark.variant)
        if mark.label:
            _el(gap, "desc", mark.label)

    def mark_redaction(self, parent, mark):
        _el(_el(parent, "gap", reason="redacted"), "desc", mark.label or mark.raw[1:-1])

    def mark_addition(self, parent, mark):
        self.inline(_el(parent, "add", hand="#hand-2", type="insertion", place=mark.place), mark.content)

    def mark_annotation(self, parent, mark):
        self.inline(_el(parent, "add", hand="#hand-2", type="annotation", place=mark.place), mark.content)

    def mark_blank(self, parent, mark):
        _el(_el(parent, "space", type="blank"), "desc", mark.label)

    def _gap(self, parent, mark, reason):
        gap = _el(parent, "gap", reason=reason, unit=mark.unit, quantity=mark.quantity)
        _el(gap, "desc", mark.label or mark.raw[1:-1])

    def mark_signature(self, parent, mark):
        self._gap(parent, mark, "signature")

    def mark_illegible(self, parent, mark):
        self._gap(parent, mark, "illegible")

    def mark_missing(self, parent, mark):
        self._gap(parent, mark, "missing")

    def mark_undeciphered(self, parent, mark):
        self._gap(parent, mark, "undeciphered")

    def mark_unclear(self, parent, mark):
        self.inline(_el(parent, "unclear", cert="low" if mark.variant == "?" else ""), mark.content)

    def mark_expansion(self, parent, mark):
        choice = _el(parent, "choice")
        _el(choice, "abbr", mark.target)
        self.inline(_el(choice, "expan"), mark.content)

    def mark_variant_form(self, parent, mark):
        """The words as written and the other romanisation the editors gave in brackets."""
        choice = _el(parent, "choice")
        _el(choice, "orig", mark.target)
        self.inline(_el(choice, "reg", type="romanisation"), mark.content)

    def mark_supplied(self, parent, mark):
        self.inline(_el(parent, "supplied", reason="clarification"), mark.content)

    def mark_original_term(self, parent, mark):
        lang = f"{self.original_lang}-Latn" if self.original_lang else "und-Latn"
        cert = self.original_lang_cert if self.original_lang else ""
        self.inline(_el(parent, "term", type="original", cert=cert, **{XML_LANG: lang}), mark.content)

    def mark_underline(self, parent, mark):
        if mark.content:
            self.inline(_el(parent, "hi", rend="underline"), mark.content)
        else:
            _el(parent, "note", mark.label, type="editorial", subtype="rendition")

    def mark_stamp(self, parent, mark):
        if mark.content:
            stamp = _el(parent, "stamp")
            if mark.label and mark.label.strip().lower() not in ("stamp", "seal"):
                # the editors' words saying whose stamp it is (`[CPSU CC stamp: ...]`) stay, as theirs
                _el(stamp, "supplied", mark.label + ":", reason="clarification").tail = " "
            self.inline(stamp, mark.content)
        else:
            self._gap(parent, mark, "stamp")

    def mark_translator_note(self, parent, mark):
        self.inline(_el(parent, "note", type="translator"), mark.content)

    def mark_editorial_note(self, parent, mark):
        self.inline(_el(parent, "note", type="editorial"), mark.content)

    def mark_page_break(self, parent, mark):
        _el(parent, "pb", n=mark.variant, rend=mark.label)

    def mark_page_number(self, parent, mark):
        self.inline(_el(parent, "fw", type="pageNum"), mark.content)

    def mark_footnote(self, parent, mark):
        if mark.label == "unanswered":
            # the reference as given, pointing nowhere: the document does not have its note
            _el(parent, "ref", mark.raw, type="footnote", n=mark.variant)
            return
        self.inline(_el(parent, "note", type="footnote", place="foot", n=mark.variant), mark.content)

    def mark_layout_space(self, parent, mark):
        _el(parent, "space", unit="chars", quantity=mark.variant)

    def mark_unknown(self, parent, mark):
        note = _el(parent, "note", type="editorial", subtype="unknown")
        if mark.content:
            self.inline(note, mark.content)
        else:
            note.text = mark.raw[1:-1] or "(empty brackets)"


def encode_tei(doc: Document) -> etree._ElementTree:
    """The TEI tree of a document (see docs/encoding.md)."""
    return TeiEncoder(doc).encode()


def serialize_tei(tree: etree._ElementTree) -> bytes:
    """Indented UTF-8 with an XML declaration; mixed content is left exactly as it is."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
