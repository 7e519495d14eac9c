"""The document model between readers and writers: plain dataclasses, no XML.

A reader fills a `Document`; the encoder turns it into TEI. Inline content is a list of `Inline`
items: plain strings and `EditorialMark`s (which may nest), so that every character of the
source's text has a place in the model. A string in which the reader found dates is a `Text`,
which carries them as spans: the encoder writes what the model holds and reads no text itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple, Union

from ..core.dates import DateValue


@dataclass
class EditorialMark:
    """A square-bracketed intervention of the archive's editors or the translator, or a thing of
    the page's layout read in the text (layout squares, a typed page's number inside a paragraph).

    `kind` is one of the names in `MARK_KINDS`; `raw` is the mark exactly as it stood in the
    source (brackets included), so it can always be rebuilt.
    """

    kind: str
    raw: str
    content: list["Inline"] = field(default_factory=list)
    #: the text the mark applies to: the word before `[sic]`, the abbreviation before its expansion
    target: str = ""
    #: a variant form worth keeping (`sic!`, `...`), a page number, a footnote number
    variant: str = ""
    #: descriptive words of the mark (`date left blank`, `signature`, `illegible word`)
    label: str = ""
    #: the extent of text a gap stands for, where the mark gives it (`[2 words illegible]`: "2",
    #: "word"; `[several lines missing]`: "", "line")
    quantity: str = ""
    unit: str = ""
    #: the mark stood in double brackets (`[[illegible signature]]`): its reading is the inner
    #: bracket's, the doubling its form (`@rend="double-bracket"`)
    double: bool = False
    #: where on the page a hand wrote it, as the TEI's `@place` (`above`, `margin`): from the
    #: label (`[handwritten above: ...]`), empty where the label does not say
    place: str = ""


class DateSpan(NamedTuple):
    """A date written out in running text: where it stands in its `Text` and what it says."""

    start: int
    end: int
    date: DateValue


class Text(str):
    """Running text with the dates the reader found in it (`dates`, in order, none across a line break).

    It is a `str`, so that the model's strings compare and print as before; string methods return
    plain `str` without the dates, which is why `part` exists.
    """

    dates: tuple[DateSpan, ...]

    def __new__(cls, text: str, dates: Iterable[DateSpan] = ()) -> "Text":
        self = super().__new__(cls, text)
        self.dates = tuple(dates)
        return self

    def __reduce__(self):
        return (Text, (str(self), self.dates))

    def part(self, start: int, end: int | None = None) -> "Text":
        """The text from `start` to `end`, with the dates that lie wholly inside it."""
        end = len(self) if end is None else end
        return Text(str.__getitem__(self, slice(start, end)),
                    (DateSpan(s - start, e - start, d) for s, e, d in self.dates if start <= s and e <= end))


def dates_in(text: str) -> tuple[DateSpan, ...]:
    """The dates the reader found in a string of the model (none in a plain `str`)."""
    return text.dates if isinstance(text, Text) else ()


def part_of(text: str, start: int, end: int | None = None) -> str:
    """`text[start:end]`, keeping the dates of a `Text`."""
    return text.part(start, end) if isinstance(text, Text) else text[start:end]


Inline = Union[str, EditorialMark]

MARK_KINDS = (
    "sic", "omission", "redaction", "addition", "annotation", "blank", "signature", "illegible", "unclear",
    "expansion", "supplied", "underline", "stamp", "translator-note", "editorial-note",
    "page-break", "footnote", "original-term", "variant-form", "unknown", "layout-space", "missing",
    "undeciphered", "page-number",
)


@dataclass
class Block:
    """One block of the body. `kind` says what it is (`BLOCK_KINDS`); `content` holds its text,
    where a newline inside a string is a line break of the source."""

    kind: str
    content: list[Inline] = field(default_factory=list)
    #: the number of a numbered paragraph
    n: str = ""
    #: the speaker of a speech turn; the signer's name in a `signed` block
    speaker: str = ""
    #: the signer's role, the speaker label as written ("Gorbachev:"), a list's kind ("bulleted")
    role: str = ""
    #: a speech turn's stage direction, the bracket after the name that says how the words are said
    #: (`GORBACHEV [laughing]:`), and how it stood (`stage_rend`: "bracket colon", "bracket full-stop")
    stage: list[Inline] = field(default_factory=list)
    stage_rend: str = ""
    #: the institution that signs a `signed` block ("Ministry of Foreign Affairs")
    org: str = ""
    #: the addressee's place of a telegram's To line read from its shape (`Spasowski (Warsaw)`)
    place: str = ""
    #: how sure the reader is of `speaker`, `role` and `org` when it inferred them (a signer read
    #: from the closer's lines): "" (high), "medium" or "low", encoded as @cert (docs/encoding.md)
    speaker_cert: str = ""
    role_cert: str = ""
    org_cert: str = ""
    #: how sure the reader is of the block's kind when it read it from its shape alone (a heading
    #: in mixed case): "" (high), "medium" or "low", encoded as @cert
    cert: str = ""
    #: speech turns hold their paragraphs here, a journal's entries the blocks of their day
    children: list["Block"] = field(default_factory=list)
    #: the date a `dateline`, `closing-date` or `entry` gives, read by the reader; None when its text is
    #: not a date on its own or nothing could be read from it
    date: DateValue | None = None
    #: the white space after the block on its source line: the gap between two columns of a line of
    #: the opener (`Neuer` ... `Bonn, 12 September 1996`), kept between their elements
    gap_after: str = ""


#: The kinds of block that are items of the opener (`opener` in the TEI).
OPENER_KINDS = frozenset({"registry", "to", "from", "subject", "reference", "dateline", "address", "salute", "column",
                          "copy-number", "provenance", "stamp", "editorial", "classification",
                          "transmission-line", "distribution", "handling"})

BLOCK_KINDS = (
    "p", "head", "space", "page-number", "sp", "list", "item",
    # one day of a journal: its date line (`date`) and the day's blocks (`children`)
    "entry",
    # opener parts
    "registry", "to", "from", "subject", "reference", "dateline", "address", "salute", "column",
    # the archive's apparatus at the top: `Copy No. 3`, `From the diary of ...`, a stamp alone,
    # editorial marks alone (`[…]`, `[Translation from the Russian]`), a classification marking (`Top Secret`)
    "copy-number", "provenance", "stamp", "editorial", "classification",
    # a telegram's office lines at the top: the office's record of its sending and receipt (`Sent by wire
    # on ...`, `Deciphered by Morozov on ...`), who gets a copy (`Distribution list - 11 copies: ...`),
    # how it is handled (`Making copies is forbidden`)
    "transmission-line", "distribution", "handling",
    # closer parts
    "byline", "signed", "closing-date", "closing-rule",
    # after the closer
    "postscript", "transmission", "annotation",
)


#: A date as written, with what could be read from it: the one date value of `tei.core.dates`.
DocDate = DateValue


@dataclass
class Agent:
    """A person, organisation or place named as a party to a letter or telegram."""

    name: str
    kind: str = "persName"  # persName | orgName | placeName | rs (a name of unknown kind)
    role: str = ""
    #: "" when a To/From line names it, "medium" when it is read from the title or a signature
    cert: str = ""


@dataclass
class ArchivalSource:
    """The holding archive of the original, as structured as the source text allows."""

    repository: str = ""
    settlement: str = ""
    collection: list[str] = field(default_factory=list)
    idno: str = ""
    pages: str = ""
    alternates: list["ArchivalSource"] = field(default_factory=list)
    note: str = ""


@dataclass
class PublishedSource:
    """A printed book or journal the translation was made from."""

    author: str = ""
    title: str = ""
    place: str = ""
    publisher: str = ""
    date: str = ""
    pages: str = ""


@dataclass
class Responsibility:
    """Somebody who did something for this document: translated it, obtained it."""

    resp: str
    name: str
    for_org: str = ""


@dataclass
class Metadata:
    title: str = ""
    date: DateValue | None = None
    #: what the page prints in the date's place of an undated document (`Undated`), kept as written
    undated: str = ""
    summary: list[str] = field(default_factory=list)
    #: "medium" when the summary is the paragraph the page puts after the text, not a labelled field
    summary_cert: str = ""
    citation: str = ""
    url: str = ""
    record_id: str = ""
    funders: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source_text: str = ""
    archival_source: ArchivalSource | None = None
    published_source: PublishedSource | None = None
    rights: list[str] = field(default_factory=list)
    uploaded: str = ""
    doc_type: str = ""
    #: the type and classification as the archive gave them ("" when inferred from the title)
    doc_type_given: str = ""
    classification: str = ""
    classification_given: str = ""
    original_languages: list[str] = field(default_factory=list)
    contents: str = ""
    #: the language the text is in, by its English name, where it is not English (a page giving the
    #: original); its @cert is cert["text_language"] when it was read from the text itself
    text_language: str = ""
    topics: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    #: the archive's subject headings ("Subjects Discussed"), and its associated people and organisations
    subjects: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    #: the archive holding the original, as the page names it ("Original Archive")
    original_archive: str = ""
    #: field -> @cert of a value placed by its content, not by a label ("rights", "source", "doc_type",
    #: "title"); a field not listed was labelled
    cert: dict[str, str] = field(default_factory=dict)
    #: fields the reader found but knows no home for: (label, value), kept in the header as notes
    extra: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Correspondence:
    senders: list[Agent] = field(default_factory=list)
    recipients: list[Agent] = field(default_factory=list)
    #: who passed it on to the recipients ("to Stalin [via Kuznetsov]"): correspAction type="transmitted"
    intermediaries: list[Agent] = field(default_factory=list)
    sent_place: str = ""
    received_place: str = ""
    #: where the parties were read from: "title", "opener", "closer"
    source: str = ""


@dataclass
class Document:
    metadata: Metadata = field(default_factory=Metadata)
    body: list[Block] = field(default_factory=list)
    correspondence: Correspondence | None = None
    #: the name of the layout the reader recognised ("citation", "web", "compact", "unknown")
    layout: str = "unknown"
    warnings: list[str] = field(default_factory=list)
    #: a name for messages and file names (the source file's stem)
    source_name: str = ""

    def marks(self) -> list[EditorialMark]:
        """Every editorial mark in the body, in document order, nested ones included."""
        return [mark for block in self.body for mark in block_marks(block)]


def inline_marks(items: list[Inline]) -> Iterator[EditorialMark]:
    for item in items:
        if isinstance(item, EditorialMark):
            yield item
            yield from inline_marks(item.content)


def block_marks(block: Block) -> Iterator[EditorialMark]:
    yield from inline_marks(block.content)
    for child in block.children:
        yield from block_marks(child)


def text_of(items: list[Inline]) -> str:
    """The plain text of inline content, marks replaced by their content (for matching, not output)."""
    return "".join(item if isinstance(item, str) else text_of(item.content) for item in items)
