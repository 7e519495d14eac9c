"""The tei-edition TEI customisation as data: the one source of schemas/tei-edition.{odd,rng,xsd}.

Every element is a restriction of its TEI P5 definition (see docs/encoding.md), so a file the
generated schemas accept is also valid against tei_all. `tei.schema.schemagen` writes the schemas;
`tests/validate/test_validate_schemas.py` checks the committed files match and samples documents from this
grammar to check them against the official tei_all.

One definition per element name (XSD needs it, and it keeps the grammar readable).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.archive import ARCHIVE
from ..core.tei import TEI_NS  # noqa: F401 (schemagen reads spec.TEI_NS)
from ..core.vocabulary import (  # noqa: F401 (the closed lists are part of the spec schemagen reads)
    CLASSIFICATION_TAXONOMY, CLASSIFICATIONS, DOCTYPE_TAXONOMY, DOCUMENT_TYPES, classification_id, doctype_id,
)


# -- content patterns ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Ref:
    """An element (a key of ELEMENTS) or a group (a key of GROUPS)."""

    name: str


@dataclass(frozen=True)
class Seq:
    items: tuple


@dataclass(frozen=True)
class Alt:
    items: tuple


@dataclass(frozen=True)
class Opt:
    item: object


@dataclass(frozen=True)
class Many:
    item: object


@dataclass(frozen=True)
class Some:
    item: object


@dataclass(frozen=True)
class Mixed:
    """Text interleaved with any of the referenced elements and groups, zero or more times."""

    items: tuple


class _Leaf:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


TEXT = _Leaf("TEXT")
EMPTY = _Leaf("EMPTY")


def seq(*items) -> Seq:
    return Seq(tuple(_ref(i) for i in items))


def alt(*items) -> Alt:
    return Alt(tuple(_ref(i) for i in items))


def opt(item) -> Opt:
    return Opt(_ref(item))


def many(item) -> Many:
    return Many(_ref(item))


def some(item) -> Some:
    return Some(_ref(item))


def mixed(*items: str) -> Mixed:
    return Mixed(tuple(Ref(i) for i in items))


def _ref(item):
    return Ref(item) if isinstance(item, str) else item


# -- attributes and datatypes -------------------------------------------------------------------

#: Datatypes, each a restriction of the TEI datatype of the attributes that use it.
#: name -> (XSD base type, pattern or None, list?, documentation)
DATATYPES: dict[str, tuple[str, str | None, bool, str]] = {
    "text": ("string", None, False, "any text (teidata.text)"),
    "word": ("token", r"[^\p{C}\p{Z}]+", False, "one word without spaces (teidata.word, teidata.enumerated)"),
    "words": ("token", r"[^\p{C}\p{Z}]+", True, "one or more words (a list of teidata.word)"),
    "name": ("Name", None, False, "an XML name (xsd:Name)"),
    "pointer": ("anyURI", r"\S+", False, "a URI; '#id' points into this file (teidata.pointer)"),
    "pointers": ("anyURI", r"\S+", True, "one or more pointers (a list of teidata.pointer)"),
    "date": ("", None, False, "an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD (a subset of teidata.temporal.w3c)"),
    "language": ("language", None, False, "a BCP 47 language tag (teidata.language, not empty)"),
    "languages": ("language", None, True, "one or more BCP 47 language tags"),
    "count": ("nonNegativeInteger", None, False, "a whole number, 0 or more (teidata.count)"),
    "decimal": ("decimal", None, False, "a number (a subset of teidata.numeric)"),
    "id": ("ID", None, False, "an identifier unique in the file (xsd:ID)"),
    "version": ("token", r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}", False, "a version number (teidata.versionNumber)"),
}

#: the member types of the "date" datatype, in XSD
DATE_TYPES = ("date", "gYearMonth", "gYear")


@dataclass(frozen=True)
class Attr:
    name: str
    type: str = "word"
    required: bool = False
    #: a closed list of values; the attribute then holds exactly one of them
    values: tuple[str, ...] = ()
    doc: str = ""


#: attributes every element may carry (a subset of TEI's att.global)
GLOBAL_ATTRIBUTES = (
    Attr("xml:id", "id", doc="identifier, derived from the content (hand-2, translator-1)"),
    Attr("xml:lang", "language", doc="language of the content"),
    Attr("n", "text", doc="a number or label (numbered paragraphs, footnotes, pages)"),
    Attr("rend", "words", doc="the less common form of a mark in the source (sic!, ...)"),
    Attr("cert", values=("high", "medium", "low", "unknown"), doc="certainty of an inference"),
    Attr("resp", "pointers", doc="who is responsible for the encoding"),
    Attr("source", "pointers", doc="where an inferred value was read from (#title)"),
    Attr("corresp", "pointers", doc="corresponding elements"),
)


# -- closed lists of docs/encoding.md ------------------------------------------------------------

# DOCUMENT_TYPES, CLASSIFICATIONS and their ids live in tei/core/vocabulary.py, shared with the reader
# and the encoder.
DOCTYPE_IDS = tuple(doctype_id(label) for label in DOCUMENT_TYPES)
CLASSIFICATION_IDS = tuple(classification_id(label) for label in CLASSIFICATIONS)

#: the vocabularies of textClass/keywords: the archive's associated topics and places, its subject
#: headings ("Subjects Discussed"), its associated people and organisations, and a type or
#: classification as given when it differs from the closed list's name
KEYWORD_SCHEMES = ("#topics", "#places", "#subjects", "#people-organizations", "#as-given")

#: note types and subtypes used in the text (the header's notes are free)
NOTE_TYPES = ("footnote", "translator", "editorial", "annotation", "transmission")
NOTE_SUBTYPES = ("rendition", "unknown")
#: forme work types used in the text: the archive's copy number at the top of a document, a typed
#: page's number between blocks or inside the paragraph it cut
FW_TYPES = ("copyNumber", "pageNum")


# -- elements -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Element:
    name: str
    module: str
    content: object
    attributes: tuple[Attr, ...] = ()
    doc: str = ""


#: named groups of elements: name -> members
GROUPS: dict[str, tuple[str, ...]] = {
    "inline": (
        "sic", "gap", "add", "space", "supplied", "choice", "unclear", "hi", "stamp", "note", "pb",
        "lb", "date", "persName", "placeName", "orgName", "roleName", "idno", "seg", "ref",
        "foreign", "num", "title", "term", "rs", "fw",
    ),
    # what may stand between blocks of a division: layout space, page breaks, a page's number, notes, and a gap
    # where the export has no text at all
    "between": ("space", "pb", "note", "gap", "fw"),
    "bibl.part": ("author", "title", "pubPlace", "publisher", "date", "biblScope", "ref", "idno", "note",
                  "persName", "placeName", "orgName"),
    "agent": ("persName", "orgName"),
    "corresp.part": ("persName", "orgName", "placeName", "rs", "date", "note"),
}

DATABLE = (
    Attr("when", "date", doc="the date, ISO 8601"),
    Attr("notBefore", "date", doc="earliest possible date"),
    Attr("notAfter", "date", doc="latest possible date"),
    Attr("from", "date", doc="start of a period (with to)"),
    Attr("to", "date", doc="end of a period (with from)"),
)
NAMING = (
    Attr("ref", "pointers", doc="the person, place or organisation meant"),
    Attr("type", doc="a kind of name"),
    Attr("role", "words", doc="the role of the named party"),
)
TYPED = (Attr("type", doc="a kind"),)
#: a header value that is a whole name points to its register entry (docs/encoding.md, "Names")
REGISTER_REF = (Attr("ref", "pointers", doc="the register entry: person:ID, place:ID, org:ID"),)
PHRASE = mixed("inline")
#: content of notes, licences, hand notes: phrases or paragraphs (TEI's macro.specialPara)
SPECIAL_PARA = mixed("inline", "p")


def _between(item) -> Seq:
    """An item followed by any layout spaces, page breaks and notes (TEI's model.global*)."""
    return seq(item, many("between"))


_ELEMENTS = (
    # -- the document ---------------------------------------------------------------------------
    Element("TEI", "textstructure", seq("teiHeader", "text"),
            (Attr("xml:lang", "language", required=True, doc="en: the archive publishes English translations"),),
            "One document, in the TEI namespace."),
    Element("text", "textstructure", seq("body"), doc="The document text."),
    Element("body", "textstructure", seq("div"), doc="Exactly one division: the document."),
    Element("div", "textstructure",
            seq(many("between"),
                many(_between(alt("head", "opener", "dateline"))),
                opt(seq(alt(seq(some(_between(alt("p", "sp", "list"))), many(_between("div"))),
                            some(_between("div"))),
                        many(_between(alt("byline", "closer", "postscript")))))),
            (Attr("type", required=True, values=("document", "section", "entry")),),
            "The document: heads and opener, then paragraphs and speech turns (a heading inside the "
            "text opens a div type=\"section\"; a journal's day is a div type=\"entry\" opening with "
            "its dateline), then byline, closer and postscripts; spaces, page breaks and notes between them."),
    Element("opener", "textstructure", mixed("inline", "dateline", "salute", "address", "byline", "signed"),
            doc="Registry number, copy number (fw), To/From/Subject and provenance lines (seg), stamps, "
                "dateline, address, salute."),
    Element("closer", "textstructure", mixed("inline", "signed", "dateline", "salute"),
            doc="Signatures, closing dateline, closing salute (the byline stands before the closer)."),
    Element("dateline", "textstructure", PHRASE, doc="Place and date of writing."),
    Element("salute", "textstructure", PHRASE),
    Element("byline", "textstructure", PHRASE, doc="'Written by ...'."),
    Element("signed", "textstructure", PHRASE, doc="A signature: role, signature gap, name."),
    Element("list", "core", seq(some(_between("item"))),
            (Attr("type", required=True, values=("bulleted", "lettered", "numbered", "contents")),),
            "A list: bulleted, lettered (a, b, ...) or numbered lines, or a table of contents (entries "
            "with dot leaders and page numbers); the markers and page numbers stay in the items."),
    Element("item", "core", mixed("inline", "list"),
            doc="A list item; @n for a letter, a number or a contents entry's page; a nested list after its text."),
    Element("postscript", "textstructure", seq(many("between"), some(_between("p"))), doc="P.S."),
    Element("p", "core", PHRASE, doc="A paragraph; @n for numbered points (the number stays in the text)."),
    Element("head", "core", PHRASE, TYPED, doc="A heading (TELEGRAM 057.139, MEMORANDUM)."),
    Element("sp", "core", seq(many("between"), opt(_between("speaker")), opt(_between("stage")), some(_between("p"))),
            (Attr("who", "pointers", doc="the speaker: a person in particDesc"),),
            "A speech turn in a record of conversation."),
    Element("speaker", "core", PHRASE, doc="The speaker's name as written (Gorbachev:)."),
    Element("stage", "drama", PHRASE,
            (Attr("type", values=("delivery",), doc="delivery: how the turn is spoken"),),
            "A stage direction after the speaker's name ([laughing], [to Kohl]); @rend keeps its brackets "
            "and the label's stop after them (bracket colon, bracket full-stop)."),
    Element("address", "core", seq(some("addrLine"))),
    Element("addrLine", "core", PHRASE),
    # -- editorial marks and phrases ------------------------------------------------------------
    Element("sic", "core", PHRASE, doc="Thus in the original: wraps the word before [sic]."),
    Element("gap", "core", many("desc"),
            (Attr("reason", values=("omitted", "redacted", "signature", "illegible", "missing", "undeciphered", "stamp",
                                    "no-text")),
             Attr("unit"), Attr("quantity", "decimal"), Attr("extent", "text")),
            "An omission ([...]), a redaction (desc says what was withheld), an untranscribed signature, illegible, missing or "
            "undeciphered text (@quantity and @unit where the mark gives its extent), a bare stamp."),
    Element("space", "transcr", many("desc"),
            (Attr("type", values=("blank",), doc="blank: a blank left in the original (TEI has no space@reason)"),
             Attr("unit"), Attr("quantity", "count"),
             Attr("dim", values=("horizontal", "vertical")), Attr("extent", "text")),
            "A blank left in the original, or layout squares (unit=chars)."),
    Element("add", "core", PHRASE,
            (Attr("hand", "pointer", doc="a handNote"), Attr("type", values=("insertion", "annotation")),
             Attr("place", "words")),
            "An addition in another hand."),
    Element("supplied", "core", PHRASE, (Attr("reason", values=("clarification",)),),
            "Words supplied by the translator."),
    Element("choice", "core", alt(seq("abbr", "expan"), seq("orig", "reg")),
            doc="An abbreviation and its expansion; or the words as written and another romanisation."),
    Element("orig", "core", PHRASE, doc="The words as written, before another romanisation in brackets."),
    Element("reg", "core", PHRASE, (Attr("type", values=("romanisation",)),),
            doc="Another romanisation the editors gave in brackets (Pak Heon-Yeong [Pak Hon Yong])."),
    Element("abbr", "core", PHRASE, TYPED),
    Element("expan", "core", PHRASE),
    Element("unclear", "core", PHRASE, (Attr("reason", "words"),),
            "An uncertain reading."),
    Element("hi", "core", PHRASE, doc="Highlighting; @rend says how (underline)."),
    Element("stamp", "transcr", PHRASE, TYPED, doc="The text of a stamp."),
    Element("note", "core", SPECIAL_PARA,
            (Attr("type", doc=f"in the text one of: {', '.join(NOTE_TYPES)}"),
             Attr("subtype", doc=f"in the text one of: {', '.join(NOTE_SUBTYPES)}"),
             Attr("place", "words"), Attr("hand", "pointer"), Attr("target", "pointers")),
            "Footnotes, translator's and editors' notes, annotations, transmission lines."),
    Element("pb", "core", EMPTY, doc="A page break; @n the page, @rend the label as given."),
    Element("lb", "core", EMPTY, doc="A line break inside a block."),
    Element("date", "core", PHRASE, DATABLE + TYPED, doc="A date, with its ISO value where it can be read."),
    Element("persName", "namesdates", PHRASE, NAMING),
    Element("placeName", "namesdates", PHRASE, NAMING),
    Element("orgName", "namesdates", PHRASE, NAMING),
    Element("roleName", "namesdates", PHRASE, NAMING, doc="A function: Minister of Foreign Affairs."),
    Element("idno", "header", TEXT, TYPED, doc="An identifier: record, URI, registry number, signature."),
    Element("seg", "linking", PHRASE,
            (Attr("type", values=("to", "from", "subject", "reference", "provenance", "classification",
                                  "transmission", "distribution", "handling")), Attr("subtype")),
            "A To/From/Subject/Reference line of the opener (@type), a provenance line (type=provenance: "
            "From the diary of ...), a classification marking (type=classification: Top Secret), a telegraph "
            "office's line (type=transmission: Sent by wire on ...), a distribution line (type=distribution: "
            "Distribution list - 11 copies: ...), a handling line (type=handling: Making copies is forbidden), "
            "or, without @type, one column of an opener line typed in columns."),
    Element("fw", "transcr", PHRASE,
            (Attr("type", doc=f"in the text one of: {', '.join(FW_TYPES)}"), Attr("place", "words")),
            "Forme work: the archive's copy number at the top of a document (type=copyNumber)."),
    Element("ref", "core", PHRASE, (Attr("target", "pointers"), Attr("type")), doc="A link."),
    Element("foreign", "core", PHRASE),
    Element("num", "core", PHRASE, (Attr("value", "decimal"), Attr("type"))),
    Element("title", "core", PHRASE,
            (Attr("type"), Attr("level", values=("a", "m", "j", "s", "u"))), doc="A title."),
    Element("term", "core", PHRASE, (Attr("ref", "pointers"), Attr("type"))),
    Element("rs", "namesdates", PHRASE, NAMING, doc="Any other name or reference."),
    Element("desc", "core", TEXT, TYPED, doc="Words describing a gap or a space."),
    Element("label", "core", TEXT),
    # -- header ---------------------------------------------------------------------------------
    Element("teiHeader", "header", seq("fileDesc", opt("encodingDesc"), opt("profileDesc"), opt("revisionDesc"))),
    Element("revisionDesc", "header", some("change"),
            doc="Only when SOURCE_DATE_EPOCH is set (reproducible builds): the conversion, dated by it."),
    Element("change", "header", TEXT, (Attr("when", "date", required=True),)),
    Element("fileDesc", "header", seq("titleStmt", "publicationStmt", opt("notesStmt"), "sourceDesc")),
    Element("titleStmt", "header", seq(some("title"), many(alt("author", "respStmt", "funder")))),
    Element("author", "core", PHRASE, REGISTER_REF),
    Element("respStmt", "core", seq(some("resp"), some("agent"), many("note")),
            doc="Translated by / Obtained by, with a persName (xml:id translator-1...)."),
    Element("resp", "core", TEXT),
    Element("funder", "header", TEXT, REGISTER_REF, doc="'This document was made possible with support from'."),
    Element("publicationStmt", "header",
            seq("publisher", many(alt("idno", "date", "availability", "pubPlace"))),
            doc=f"{ARCHIVE}; idno type=record and type=URI; date type=uploaded."),
    Element("publisher", "core", PHRASE, REGISTER_REF),
    Element("pubPlace", "core", PHRASE, REGISTER_REF),
    Element("availability", "header", some(alt("licence", "p")),
            (Attr("status", values=("free", "unknown", "restricted")),)),
    Element("licence", "header", SPECIAL_PARA, (Attr("target", "pointers"),), doc="The rights text."),
    Element("notesStmt", "header", some("note"), doc="Header fields the converter knows no home for."),
    Element("sourceDesc", "header", alt(some(alt("msDesc", "bibl")), some("p"))),
    Element("msDesc", "msdescription", seq("msIdentifier", opt("msContents"))),
    Element("msIdentifier", "msdescription",
            seq(opt("settlement"), opt("repository"), many("collection"), many("idno"), many("altIdentifier"))),
    Element("altIdentifier", "msdescription",
            seq(opt("settlement"), opt("repository"), opt("collection"), "idno", opt("note")),
            TYPED, "'A copy may also be in ...'."),
    Element("settlement", "namesdates", TEXT, REGISTER_REF),
    Element("repository", "msdescription", TEXT, REGISTER_REF),
    Element("collection", "msdescription", TEXT),
    Element("msContents", "msdescription", seq(opt("textLang"), many("msItem"))),
    Element("msItem", "msdescription", seq(many("locus"), some(alt("textLang", "title", "note")))),
    Element("locus", "msdescription", TEXT, (Attr("from"), Attr("to")), "Pages (from/to are pages, not dates)."),
    Element("textLang", "msdescription", TEXT,
            (Attr("mainLang", "language"), Attr("otherLangs", "languages")), "The original language."),
    Element("bibl", "core", mixed("bibl.part"), TYPED, "A published source (type=published) or the citation as given (type=citation)."),
    Element("biblScope", "core", TEXT, (Attr("unit"), Attr("from"), Attr("to"))),
    Element("encodingDesc", "header", some(alt("editorialDecl", "classDecl", "appInfo", "listPrefixDef")),
            doc="In any order, as in TEI."),
    Element("editorialDecl", "header",
            some(alt("correction", "normalization", "interpretation", "segmentation", "punctuation", "p"))),
    Element("correction", "header", some("p"),
            (Attr("status", values=("high", "medium", "low", "unknown")), Attr("method", values=("silent", "markup")))),
    Element("normalization", "header", some("p"), (Attr("method", values=("silent", "markup")),)),
    Element("interpretation", "header", some("p")),
    Element("segmentation", "header", some("p")),
    Element("punctuation", "header", some("p"),
            (Attr("marks", values=("none", "some", "all")), Attr("placement", values=("internal", "external")))),
    Element("listPrefixDef", "header", some("prefixDef"),
            doc="Declares the prefixes of register pointers (person:, place:, org:)."),
    Element("prefixDef", "header", EMPTY,
            (Attr("ident", required=True), Attr("matchPattern", "text", required=True),
             Attr("replacementPattern", "text", required=True)),
            "person:ID -> ../registers/persons.xml#ID."),
    Element("classDecl", "header", some("taxonomy"), doc="The closed lists of document types and classifications."),
    Element("taxonomy", "header", seq(opt("desc"), some("category")), (Attr("xml:id", "id", required=True),)),
    Element("category", "header", seq("catDesc", many("category")), (Attr("xml:id", "id", required=True),)),
    Element("catDesc", "header", TEXT),
    Element("appInfo", "header", some("application")),
    Element("application", "header", seq(some(alt("label", "desc")), many("ref")),
            (Attr("ident", "name", required=True), Attr("version", "version", required=True), Attr("when", "date"))),
    Element("profileDesc", "header",
            many(alt("creation", "abstract", "handNotes", "langUsage", "particDesc", "textClass", "correspDesc")),
            doc="In any order, as in TEI."),
    Element("creation", "header", mixed("date", "placeName"), doc="date @when, or @notBefore/@notAfter."),
    Element("abstract", "header", some("p"), doc="The archive's summary."),
    Element("handNotes", "header", some("handNote")),
    Element("handNote", "header", SPECIAL_PARA,
            (Attr("scope", values=("sole", "major", "minor")), Attr("medium", "words"), Attr("scribe", "name")),
            "A hand other than the typist's."),
    Element("langUsage", "header", some("language")),
    Element("language", "header", TEXT, (Attr("ident", "language", required=True),)),
    Element("particDesc", "corpus", some("listPerson"), doc="The speakers of a conversation."),
    Element("listPerson", "namesdates", some("person"), TYPED, "type=speakers."),
    Element("person", "namesdates", seq(some("persName"), many("note")), (Attr("role", "words"),)),
    Element("textClass", "header", many(alt("catRef", "keywords"))),
    Element("catRef", "header", EMPTY,
            (Attr("scheme", "pointer", required=True, values=(f"#{DOCTYPE_TAXONOMY}", f"#{CLASSIFICATION_TAXONOMY}")),
             Attr("target", "pointer", required=True, values=tuple(f"#{i}" for i in DOCTYPE_IDS + CLASSIFICATION_IDS))),
            "The document type or the classification."),
    Element("keywords", "header", some("term"), (Attr("scheme", "pointer", values=KEYWORD_SCHEMES),),
            "scheme=#topics, #places, #subjects, #people-organizations (terms holding persName, orgName or rs) "
            "or #as-given."),
    Element("correspDesc", "header", seq(some("correspAction"), many("note"))),
    Element("correspAction", "header", some("corresp.part"),
            (Attr("type", values=("sent", "received", "transmitted", "redirected", "forwarded")),)),
)

ELEMENTS: dict[str, Element] = {element.name: element for element in _ELEMENTS}
START = "TEI"


def attributes_of(element: Element) -> tuple[Attr, ...]:
    """The element's own attributes, then the global ones it does not redefine."""
    own = {attr.name for attr in element.attributes}
    return element.attributes + tuple(a for a in GLOBAL_ATTRIBUTES if a.name not in own)
