"""The reader for Wilson Center Digital Archive text exports.

The archive's exports come in several page layouts: a web page (`Skip to content`, date, title,
body, summary, then labelled sections), a citation layout (date, `**title**`, `Citation:`,
`Summary:`, ... then the body) and a compact one (one line a paragraph, labels without values).
The reader does not rely on line positions: it recognises the labels wherever they stand, in any
case, with the value on the same line or on the following ones. What is left between the head
fields and the tail sections is the body, which `BodyReader` splits into structure.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from dataclasses import dataclass, field

from ...core.archive import ARCHIVE
from ...core.dates import DateValue
from ..model import OPENER_KINDS, Document, Metadata, Responsibility, text_of
from .body import BodyReader, marking_line, marks_only
from .dates import MONTH_NAMES, find_dates, parse_date
from .language import text_language
from .metadata import (
    CLASSIFICATIONS, DOCUMENT_TYPES, classification_from_title, doc_type_from_title, funder_line, normalise_classification,
    normalise_doc_type, parse_correspondence, parse_credits, parse_source,
)
from .source import decode_source

#: Boilerplate of the web page's top bar, skipped before the date. Lower down, a line like "Share"
#: may be a document's title or text, and is kept.
CHROME = {"skip to content", "skip to main content", "back to top", "print", "share", "download",
          # the earlier site's search bar and banner
          "search in", "add search filter cancel search filter", "digital archive international history declassified"}

#: The earlier site's citation box between the title and the text: its buttons and tabs, each alone on
#: a line (a bullet before some); after `get citation` the summary and the quoted citation, after
#: `share document` the record's address, after `view document in` the versions on offer.
_BOX_LINES = {"citation share download", "citation", "get citation", "share document", "share", "download",
              "view document in"}
_BOX_BULLET = re.compile(r"^[\u2022\u25cf*\-]\s*")
#: a version of the document the earlier site offers ("English HTML", "Original Scan", "Russian PDF")
_VERSION_LINE = re.compile(r"^(?:[A-Z][a-z]+ ){1,2}(?:HTML|PDF|Scan|Transcript)$")
#: the quoted title that opens a citation: "Cable from X, 'Title'," August 13, 1955, ...
_CITED_TITLE = re.compile(r"^[\"\u201c](?P<title>.+?),?[\"\u201d],?\s")
#: the whole opening of the archive's citation: the quoted title, the date, the programme's archive
_QUOTED_CITATION = re.compile(_CITED_TITLE.pattern + r"(?P<date>[^\"\u201c\u201d]{1,40}?\d{4}),\s+"
                              r"History and Public Policy Program Digital Archive\b")
#: the summary lines a quoted citation may follow when the page gives both without the citation box
_CITED_SUMMARY_LINES = 2

#: Labels of fields before the body (citation layout), lower case without the colon.
HEAD_LABELS = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "original_language",
    "original languages": "original_language",
    "contents": "contents",
    "date": "date_field",
    "title": "title_field",
    "record id": "record_id",
    "original classification": "classification",
}

#: Labels of the sections after the body (web and compact layouts), lower case without the colon.
TAIL_LABELS = {
    "associated places": "places",
    "associated topics": "topics",
    "associated people & organizations": "people",
    "associated people and organizations": "people",
    "associated people": "people",
    "associated organizations": "people",
    "subjects discussed": "subjects",
    "subjects": "subjects",
    "original archive": "original_archive",
    # lists of the document's contributors, donors and funders, where a page labels them
    "contributors": "contributors",
    "contributor": "contributors",
    "contributed by": "contributors",
    "donors": "donors",
    "donor": "donors",
    "donated by": "donors",
    "funders": "funders",
    "funder": "funders",
    "funded by": "funders",
    "author(s)": "authors",
    "authors": "authors",
    "author": "authors",
    "document information": "section",
    "source": "source",
    "rights": "rights",
    "original uploaded date": "uploaded",
    "uploaded date": "uploaded",
    "type": "type",
    "language": "language",
    "languages": "language",
    "record id": "record_id",
    "original classification": "classification",
    "classification": "classification",
    "summary": "summary",
    "credits": "credits",
    "citation": "citation",
    "original language": "language",
    "keywords": "topics",
    "related documents": "related",
    "notes": "notes",
}

#: Labels only the archive's page has, never a document's text: a run of them at the end is the page's
#: labelled sections even when fewer than three stand there (a page cut off after `Author(s):`).
PAGE_ONLY_LABELS = {
    "associated places", "associated topics", "associated people & organizations",
    "associated people and organizations", "associated people", "associated organizations",
    "subjects discussed", "author(s)", "document information", "original uploaded date", "uploaded date",
    "record id", "related documents", "contributed by", "original archive",
}

#: the kinds of document a page's summary speaks of, in the third person
_DESCRIBED = (r"(?:telegram|cable|letter|document|report|memorandum|memo|record|note|message|minutes|transcript|"
              r"diary|journal|excerpt|conversation|speech|statement|directive|resolution|dispatch|despatch|telegraph)s?")
#: what a summary says the document does: "relays a request", "entails positive responses"
_DESCRIBING = (r"(?:relays|reports|describes|details|discusses|summari[sz]es|conveys|entails|recounts|contains|includes|"
               r"outlines|concerns|records|transmits|informs|notes|provides|presents|expresses|explains|assesses|"
               r"analy[sz]es|examines|covers|mentions|lists|offers|documents|reveals|highlights|addresses|deals with|"
               r"focuses on|relates|reviews|evaluates|proposes|requests|announces|criticizes|criticises)")
#: what a summary calls itself: "An account of conversation between ...", "A summary of ..."
_ACCOUNT = r"(?:An?|The)\s+(?:(?:brief|short|detailed|full)\s+)?(?:account|summary|description|overview|synopsis)\s+of\b"
#: a page's summary without its label: "The telegram relays a request from Mao ...", "This document
#: describes ...", "Cable from the Chinese Embassy in Vietnam entails positive responses of ...",
#: "An account of conversation between ..."
_DESCRIPTION = re.compile(
    rf"^(?:{_ACCOUNT}"
    rf"|(?:The|This|These)\s+(?:[A-Za-z\-]+\s+){{0,2}}?{_DESCRIBED}\s+(?:[a-z]+ly\s+)?{_DESCRIBING}\b"
    rf"|(?:(?:Ciphered|Coded|Secret|Urgent|Top Secret)\s+)?{_DESCRIBED}\s+(?:from|by|of|to|sent)\s+[^.;:]{{1,150}}?"
    rf"(?<!\sthe)(?<!\sa)(?<!\sof)\s(?:[a-z]+ly\s+)?{_DESCRIBING}\b)", re.IGNORECASE)
#: no longer than a summary is
_DESCRIPTION_WORDS = 90

#: A label, then a colon and its value or nothing (matched against the stripped line). The label ends in
#: a letter or bracket, never a space, so a long run of spaces cannot be split between the label and
#: the space after it in many ways: the earlier pattern backtracked quadratically on such lines.
_LABEL_LINE = re.compile(r"(?P<label>[A-Za-z][A-Za-z()&' ]{0,39}[A-Za-z()&'])\s*(?::(?P<value>.*))?", re.DOTALL)
_BOLD_TITLE = re.compile(r"^\*\*(.*)$")
#: The date line of an undated document: the page prints this in the date's place.
_UNDATED_LINE = re.compile(r"(?i)undated|n\.\s?d\.|\(undated\)|date unknown|no date")
_CREDIT = re.compile(r"^This document was made possible", re.IGNORECASE)
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_RECORD_FROM_URL = re.compile(r"/document/(?:[\w-]+/)?(\d+)")
#: a record ID as the archive gives it: one token with a digit ("300645", "116407"), never words
_RECORD_ID = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
#: a lone record URL, <bracketed> or not
_RECORD_URL = re.compile(r"<?(https?://\S+/document/(?:[\w-]+/)?\d+\S*?)>?")
#: a paragraph about reuse and rights: the archive's rights statement and others like it
_RIGHTS_LIKE = re.compile(r"\b(?:reuse|re-use|copyright|rights? (?:status|holders?|reserved)|permission|licen[cs]e[ds]?|terms of use)\b",
                          re.IGNORECASE)
#: the archive's own rights statement (History and Public Policy Program): recognised, not guessed
_ARCHIVE_RIGHTS = re.compile(r"History and Public Policy Program|Digital Archive materials|HAPP@", re.IGNORECASE)
#: a citation of the original: an archival unit, a responsibility sentence, or a comma list with numbers
_CITATION_LIKE = re.compile(
    r"\b(?:f|fond|op|opis|d|delo|ll?|list|folder|box|file|vol|volume|no|nr|series|record group)\.?\s*\d"
    r"|\b(?:Translated|Obtained|Contributed|Donated|Transcribed|Provided)\b.{0,40}?\bby\b|,\s*[^,]*\d", re.IGNORECASE)
#: the labels of the citation layout's head; another field's value runs up to one of them
_HEAD_SEQUENCE = {"citation", "summary", "credits", "original_language", "contents"}
#: a head field's value may run over this many paragraphs when the next head label follows them
_HEAD_PARAGRAPHS = 8
#: no hard-wrapped text has lines longer than this: a longer line is a whole paragraph
_WRAPPED_LINE = 120
#: fields of one value: their first paragraph is the value, what follows it is placed by its content
_SINGLE = {"record_id", "uploaded", "type", "classification", "original_archive"}


def describes_document(text: str) -> bool:
    """Whether a paragraph describes the document in the third person, as the archive's summary does
    ("The telegram relays ...", "An account of conversation between ..."): a sentence of at most
    `_DESCRIPTION_WORDS` words, with no editorial bracket and no *I* or *we* (a provenance line,
    `Excerpt from the notes of ...`, ends without a stop and is no description)."""
    text = re.sub(r"\s+", " ", text).strip()
    return (len(text.split()) <= _DESCRIPTION_WORDS and bool(_DESCRIPTION.match(text)) and "[" not in text
            and bool(re.search(r"[.!?][\"'\u201d\u2019)]?$", text))
            and not re.search(r"\b(?:I|we|us|our|my)\b", text))


def citation_box_line(line: str) -> bool:
    """Whether a line is a button, tab or version of the earlier site's citation box: page chrome."""
    text = _BOX_BULLET.sub("", line.strip())
    return text.lower() in _BOX_LINES or bool(_VERSION_LINE.match(text))


def _blank(line: str) -> bool:
    return not line.strip(" \t\u00a0\u200b\ufeff")


def _label(line: str, labels: dict[str, str]) -> tuple[str, str] | None:
    """(field, value on the same line) when the line is one of `labels`, else None."""
    match = _LABEL_LINE.fullmatch(line.strip())
    if not match:
        return None
    key = match.group("label").lower()
    if key in labels:
        return labels[key], (match.group("value") or "").strip()
    return None


@dataclass
class _Fields:
    """Labelled values as found, in order: field -> list of paragraphs."""

    values: dict[str, list[str]] = field(default_factory=dict)
    labels_seen: list[str] = field(default_factory=list)

    def add(self, name: str, paragraphs: list[str]) -> None:
        self.labels_seen.append(name)
        self.values.setdefault(name, []).extend(p for p in paragraphs if p.strip())

    def first(self, name: str) -> str:
        return (self.values.get(name) or [""])[0]


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines of a field value grouped into paragraphs at blank lines."""
    paragraphs, current = [], []
    for line in lines:
        if _blank(line):
            if current:
                paragraphs.append("\n".join(current))
                current = []
        else:
            current.append(line.strip())
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _unlabelled_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs at blank lines; in a compact page (no blank lines), one a line."""
    paragraphs = _paragraphs(lines)
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        return paragraphs[0].split("\n")
    return paragraphs


def _sentence_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs at blank lines; in a compact page, where each line is a whole paragraph (it ends
    with a full stop, or is a funder line), one a line, as the web page shows them."""
    paragraphs = _paragraphs(lines)
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        parts = paragraphs[0].split("\n")
        if all(re.search(r"[.!?][\"'\u201d\u2019)]?$", part) or funder_line(part, []) for part in parts):
            return parts
    return paragraphs


def _belongs_elsewhere(name: str, paragraph: str) -> bool:
    """A paragraph of a Source value that is rights, or of a Rights value that is a funder line."""
    if name == "source":
        return bool(_RIGHTS_LIKE.search(paragraph))
    return bool(funder_line(paragraph, []))


def _valid_single(name: str, value: str) -> bool:
    """Whether a one-value field's value is of its kind: a label's line after an empty label is
    often the next section's text (a funder line after an empty `Record ID`)."""
    value = value.strip()
    if name == "record_id":
        return bool(_RECORD_ID.fullmatch(value) or _RECORD_URL.fullmatch(value))
    if name == "uploaded":
        return parse_date(value) is not None
    words = len(value.split())
    if name in ("type", "classification"):
        return words <= 6 and "\n" not in value and not value.endswith(".")
    return words <= 20 and not re.search(r"[a-z]{2}[.!?](?:\s|$)", value)


#: a sentence ends inside the line: a lower-case word, a stop, a space and a capital
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019)]?\s+[\"'\u201c\u2018(]?[A-Z]")
#: the line ends like a sentence: a lower-case word and a full stop
_SENTENCE_END = re.compile(r"(?:^|\s)[a-z][\w'\u2019\-]+[.!?][\"'\u201d\u2019)]?$")


def _prose_line(line: str) -> bool:
    """A line of the document's text: a sentence of some words that is neither rights nor a funder line."""
    text = line.strip()
    return (len(text.split()) >= 8 and bool(_SENTENCE_END.search(text)) and not _RIGHTS_LIKE.search(text)
            and not _ARCHIVE_RIGHTS.search(text) and not funder_line(text, []))


def _date_before_title(line: str) -> tuple[DateValue, str] | None:
    """(date, title) when a line opens with a whole date (day, month and year) and goes on with a
    title-like line; a sentence after the date is text, not a title."""
    text = line.strip()
    found = find_dates(text)
    if not found or found[0][0] != 0 or len(found[0][2].when) != len("1963-04-03"):
        return None
    rest = text[found[0][1]:].lstrip(" ,:;.\u2013\u2014-")
    if len(rest.split()) < 3 or not rest[0].isupper() or not title_like(rest):
        return None
    return found[0][2], rest


def title_like(line: str, strict: bool = True) -> bool:
    """Whether a line can be a title: short, not a run of sentences, not ending like a sentence.
    `strict` is for a source without a date line, where nothing says the line is the title; after the
    date (the archive's layouts) only a paragraph of several sentences is refused."""
    text = line.strip()
    words = text.split()
    if not words or len(text) > 500 or marks_only(text):
        return False  # `[…]` alone is the editors' mark, not the document's title
    if strict:
        return (len(words) <= 40 and not text[0].islower() and not _SENTENCE_BREAK.search(text)
                and not _SENTENCE_END.search(text))
    return len(words) <= 80 and not (_SENTENCE_BREAK.search(text) and _SENTENCE_END.search(text))


class WilsonReader:
    """Reads one export into a `Document`; collects warnings instead of failing."""

    archive = ARCHIVE

    def __init__(self, name: str = "<input>"):
        self.name = name
        self.warnings: list[str] = []

    def read_bytes(self, data: bytes) -> Document:
        text, warnings = decode_source(data, self.name)
        self.warnings.extend(warnings)
        return self.read(text)

    def read(self, text: str) -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        lines = text.split("\n")
        doc = Document(source_name=self.name)
        meta = doc.metadata
        pos = self._skip_chrome(lines, 0)
        pos = self._read_date(lines, pos, meta)
        pos = self._read_title(lines, pos, meta)
        head, pos, layout = self._read_head(lines, pos)
        tail_start = self._find_tail(lines, pos)
        tail = self._read_tail(lines, tail_start) if tail_start is not None else _Fields()
        body_lines = lines[pos:tail_start if tail_start is not None else len(lines)]
        if tail_start is not None and layout == "unknown":
            layout = "compact" if self._is_compact(body_lines) else "web"
        self._fill_metadata(meta, head, tail)
        if not meta.summary and tail_start is not None:
            body_lines, summary = self._split_trailing_summary(body_lines, layout)
            meta.summary = summary
            meta.summary_cert = "medium" if summary else ""
        elif not meta.summary and layout == "unknown":
            body_lines = self._split_described_summary(body_lines, meta)
        compact = (layout == "compact" or layout == "unknown" and self._is_compact_page(body_lines, meta)
                   or layout == "citation" and self._is_unwrapped_compact(body_lines))
        body = BodyReader(compact=compact, page_date=meta.date, title=meta.title)
        doc.body = body.read(body_lines)
        self.warnings.extend(body.warnings)
        doc.layout = layout
        supplied = not meta.title and meta.date is not None
        if supplied:
            # the archive's head without its title: the converter supplies one, in square brackets
            meta.title, made_from = supplied_title(doc)
            meta.cert["title"] = "low"
            self.warnings.append(f"no title line: the title {meta.title!r} is supplied by the converter, from {made_from}")
        if not meta.title:
            meta.title = PurePath(self.name).stem if self.name and self.name != "<input>" else "Untitled document"
            meta.cert["title"] = "low"
            self.warnings.append(f"no title-like line: the title is {meta.title!r}, from the source's name")
        if layout == "unknown":
            if not meta.cert.get("title") and meta.date is None:
                meta.cert["title"] = "medium"  # a title-like first line, but nothing says it is the title
            if supplied:
                self.warnings.append("no metadata labels found: the date read from the opening line, the rest kept "
                                     "as body; no source, rights or citation in the header")
            elif meta.date is not None and not meta.cert.get("title"):
                # A date line and a title line, as the archive's pages open: only the labelled
                # fields (source, rights, citation...) are missing, not the layout.
                self.warnings.append("no metadata labels found: date and title read from the opening lines, "
                                     "the rest kept as body; no source, rights or citation in the header")
            else:
                kept = "all text kept as body" if meta.cert.get("title") == "low" else "the first line taken as the title, the rest kept as body"
                self.warnings.append(f"layout not recognised (no metadata labels found): {kept}")
        if meta.date is None:
            self.warnings.append("no document date found")
        self._infer(doc, body, body_lines)
        doc.warnings = self.warnings
        return doc

    # -- the head: chrome, date, title, labelled fields ------------------------------------

    @staticmethod
    def _skip_chrome(lines: list[str], pos: int) -> int:
        while pos < len(lines) and (_blank(lines[pos]) or lines[pos].strip().lower() in CHROME):
            pos += 1
        return pos

    @staticmethod
    def _skip_blank(lines: list[str], pos: int) -> int:
        while pos < len(lines) and _blank(lines[pos]):
            pos += 1
        return pos

    def _read_date(self, lines: list[str], pos: int, meta: Metadata) -> int:
        if pos < len(lines):
            date = parse_date(lines[pos].strip())
            if date is not None:
                meta.date = date
                return self._skip_blank(lines, pos + 1)
            if _UNDATED_LINE.fullmatch(lines[pos].strip()):
                # the date's place saying there is none: the page's head goes on after it as on a
                # dated page (read as the title, it made the citation's labels body text)
                meta.undated = lines[pos].strip()
                return self._skip_blank(lines, pos + 1)
            joined = _date_before_title(lines[pos])
            if joined is not None:
                # the date and the title on one line, as a printed page's head copied as text gives
                # them (`April 3, 1963 Memorandum of Conversation ...`): the title is read from the rest
                meta.date, lines[pos] = joined
        return pos

    def _read_title(self, lines: list[str], pos: int, meta: Metadata) -> int:
        if (pos >= len(lines) or _label(lines[pos], HEAD_LABELS) or _CREDIT.match(lines[pos].strip())
                or citation_box_line(lines[pos]) and lines[pos].strip().lower() not in CHROME
                or _QUOTED_CITATION.match(lines[pos].strip())):
            # no title line: the page goes on with its fields or its citation box (a credit line, a
            # button or tab of the box is never the title; the citation's quoted title is then taken).
            # A bare `Share` after the date may be the document's own title, as in the top bar's case;
            # the quoted citation is never the title, its quoted part is.
            return pos
        bold = _BOLD_TITLE.match(lines[pos].strip())
        if bold:
            parts, index = [], pos
            while index < len(lines) and index < pos + 6:
                part = lines[index].strip()
                parts.append(part)
                if part.endswith("**") and (index > pos or len(part) > 4):
                    break
                index += 1
            else:
                # No closing asterisks: only the first line is the title.
                parts, index = [lines[pos].strip()], pos
            meta.title = re.sub(r"\s+", " ", " ".join(parts).strip("*").strip())
            return self._skip_blank(lines, index + 1)
        if not title_like(lines[pos], strict=meta.date is None) or describes_document(lines[pos]):
            # A paragraph is not a title, nor is the page's summary in the title's place: they stay
            # in the body (the summary is taken from there; the title is then supplied).
            return pos
        meta.title = lines[pos].strip()
        return self._skip_blank(lines, pos + 1)

    def _read_head(self, lines: list[str], pos: int) -> tuple[_Fields, int, str]:
        """Labelled fields right after the title (citation layout) and unlabelled credit lines."""
        fields = _Fields()
        layout = "unknown"
        while pos < len(lines):
            if _CREDIT.match(lines[pos].strip()):
                fields.add("credits", [lines[pos].strip()])
                pos = self._skip_blank(lines, pos + 1)
                continue
            box_end = self._read_citation_box(lines, pos, fields)
            if box_end is not None:
                layout = "citation"
                pos = self._skip_blank(lines, box_end)
                continue
            cited_end = None if "citation" in fields.values else self._quoted_citation_end(lines, pos)
            if cited_end is not None:
                # the box's summary and citation without the box (a page of the earlier site copied
                # without its buttons): read as the box gives them, the text starting after them
                values = [line.strip() for line in lines[pos:cited_end] if not _blank(line)]
                fields.add("citation", values[-1:])
                fields.add("summary", values[:-1])
                layout = "citation"
                pos = self._skip_blank(lines, cited_end)
                continue
            found = _label(lines[pos], HEAD_LABELS)
            if not found:
                after = self._skip_blank(lines, pos + 1)
                line = lines[pos].strip()
                if (not fields.values and len(line.split()) <= 15 and not line.endswith((".", "!", "?", ":"))
                        and (not _blank(lines[pos - 1]) or after == pos + 1)
                        and after < len(lines) and _label(lines[after], HEAD_LABELS)):
                    # a line against the title or the citation's first field (`(Excerpt)`): the
                    # title's own addition, kept in the header, and the fields read after it; a
                    # sentence, or a line apart from both, is the text
                    fields.add("subtitle", [line])
                    pos = after
                    continue
                break
            layout = "citation"
            name, same_line = found
            pos += 1
            value_lines = [same_line] if same_line else []
            if name == "contents":
                pos = self._skip_blank(lines, pos)
                while pos < len(lines) and re.match(r"^(?:[A-Z][a-z]+\s+)?(Translation|Transcript|Transcription|Original|Scan)\b.{0,60}$", lines[pos].strip(), re.IGNORECASE):
                    value_lines.append(lines[pos].strip())
                    pos = self._skip_blank(lines, pos + 1)
                fields.add(name, value_lines)
                break
            if not same_line:
                while pos < len(lines) and _blank(lines[pos]):
                    pos += 1
            # A head field's value is one paragraph: the lines up to the next blank line or label; or
            # several, when the next label of the citation layout follows them (a long summary).
            while pos < len(lines) and not _blank(lines[pos]) and not _label(lines[pos], HEAD_LABELS):
                value_lines.append(lines[pos])
                pos += 1
            end = self._next_head_label(lines, pos) if name in _HEAD_SEQUENCE else None
            if end is not None:
                value_lines.extend(lines[pos:end])
                pos = end
            pos = self._skip_blank(lines, pos)
            values = _paragraphs(value_lines)
            if name == "citation":
                values = _take_trailing_classification(values, fields)
            fields.add(name, values)
        return fields, pos, layout

    @classmethod
    def _read_citation_box(cls, lines: list[str], pos: int, fields: _Fields) -> int | None:
        """The line after one line of the earlier site's citation box, its values added to `fields`;
        None when the line is not of the box."""
        if not citation_box_line(lines[pos]):
            return None
        key = _BOX_BULLET.sub("", lines[pos].strip()).lower()
        index = pos + 1
        if key not in ("get citation", "share document"):
            return index
        values: list[str] = []
        while index < len(lines) and len(values) < _HEAD_PARAGRAPHS:
            line = lines[index].strip()
            if line and citation_box_line(line):
                break
            if line:
                values.append(line)
            index += 1
        if key == "share document":
            fields.add("unlabelled", values)  # the record's address, placed by its content
            return index
        cited = [value for value in values if _CITED_TITLE.match(value)]
        if cited:
            fields.add("citation", cited)
        fields.add("summary", [value for value in values if value not in cited])
        return index

    @staticmethod
    def _quoted_citation_end(lines: list[str], pos: int) -> int | None:
        """The line after a quoted citation at `pos` or after a summary line or two there; None when
        no citation of the archive's shape follows so soon."""
        summary_lines, index = 0, pos
        while index < len(lines) and summary_lines <= _CITED_SUMMARY_LINES:
            line = lines[index].strip()
            if line:
                if _QUOTED_CITATION.match(line):
                    return index + 1
                if _label(line, HEAD_LABELS) or citation_box_line(line):
                    return None
                summary_lines += 1
            index += 1
        return None

    @staticmethod
    def _next_head_label(lines: list[str], pos: int) -> int | None:
        """The line of the next citation-layout label when only a few paragraphs stand before it."""
        paragraphs, index = 0, pos
        while index < len(lines):
            if _blank(lines[index]):
                index += 1
                continue
            found = _label(lines[index], HEAD_LABELS)
            if found:
                return index if found[0] in _HEAD_SEQUENCE and paragraphs else None
            paragraphs += 1
            if paragraphs > _HEAD_PARAGRAPHS:
                return None
            while index < len(lines) and not _blank(lines[index]) and not _label(lines[index], HEAD_LABELS):
                index += 1
        return None

    # -- the tail: labelled sections after the body ----------------------------------------

    @staticmethod
    def _find_tail(lines: list[str], start: int) -> int | None:
        """The first line of the labelled sections: a label followed by at least two more, with
        no long run of prose after it (a lone word like `Source` inside a letter is not a label)."""
        label_lines = [i for i in range(start, len(lines)) if _label(lines[i], TAIL_LABELS)]
        for position, index in enumerate(label_lines):
            if len(label_lines) - position < 3:
                if WilsonReader._page_labels_end(lines, label_lines[position:]):
                    return index
                return next((i for i in label_lines[position:] if WilsonReader._cut_page_section(lines, i)), None)
            if WilsonReader._document_field(lines, index, label_lines[position + 1]):
                continue
            if not any(len(lines[i].split()) > 150 for i in range(index, len(lines))):
                return index
        return None

    @staticmethod
    def _page_labels_end(lines: list[str], label_lines: list[int]) -> bool:
        """Whether one or two labels end the page as its own sections: each only the page has
        (`Author(s):`, `Associated People & Organizations`), with no sentence of text after them."""
        if not all(_LABEL_LINE.fullmatch(lines[i].strip()).group("label").lower() in PAGE_ONLY_LABELS
                   for i in label_lines):
            return False
        return not any(_prose_line(line) for line in lines[label_lines[0]:])

    @staticmethod
    def _cut_page_section(lines: list[str], index: int) -> bool:
        """Whether a page cut short after its `Document Information` heading starts its sections
        there: the archive's rights statement follows it, which no document's text holds."""
        if _label(lines[index], TAIL_LABELS) != ("section", ""):
            return False
        return any(_ARCHIVE_RIGHTS.search(line) and _RIGHTS_LIKE.search(line) for line in lines[index + 1:])

    @staticmethod
    def _document_field(lines: list[str], index: int, next_label: int) -> bool:
        """Whether a label line is a field of the document's own head (`Classification: Secret`,
        `Type: ...` in a telegram's header block) rather than of the page: its value is on its line
        and the text goes on in sentences before the next label."""
        name, value = _label(lines[index], TAIL_LABELS)
        if not value or name not in _SINGLE | {"language"}:
            return False
        return any(_prose_line(lines[i]) for i in range(index + 1, next_label))

    @staticmethod
    def _read_tail(lines: list[str], start: int) -> _Fields:
        fields = _Fields()
        index = start
        while index < len(lines):
            found = _label(lines[index], TAIL_LABELS)
            if not found:
                index += 1
                continue
            name, same_line = found
            index += 1
            value_lines = [same_line] if same_line else []
            while index < len(lines) and not _label(lines[index], TAIL_LABELS):
                value_lines.append(lines[index])
                index += 1
            if name in ("places", "topics", "authors", "people", "subjects", "contributors", "donors", "funders"):
                fields.add(name, [line.strip() for line in value_lines if not _blank(line)])
            elif name == "section":
                # Today's layout: the Source and Rights values follow "Document Information" unlabelled.
                fields.add("unlabelled", _unlabelled_paragraphs(value_lines))
            elif name in ("rights", "source"):
                # Today's layout may drop one label of a pair: the rights after a labelled source, a
                # funder line after the rights. Those paragraphs are placed by their content.
                paragraphs = (_sentence_paragraphs if name == "rights" else _paragraphs)(value_lines)
                own = paragraphs[:1] + [p for p in paragraphs[1:] if not _belongs_elsewhere(name, p)]
                fields.add(name, own)
                fields.add("unlabelled", [p for p in paragraphs[1:] if _belongs_elsewhere(name, p)])
            elif name in _SINGLE:
                paragraphs = _paragraphs(value_lines)
                if paragraphs and "\n" in paragraphs[0] and (name == "record_id" or not _valid_single(name, paragraphs[0])):
                    # One value is one line (an ID always): in a compact page the next section's
                    # lines follow it without a blank line (a funder, the rights without their label).
                    line, _, rest = paragraphs[0].partition("\n")
                    paragraphs[:1] = [line, *rest.split("\n")]
                first = paragraphs[:1]
                if first and not _valid_single(name, first[0]):
                    first = []
                fields.add(name, first)
                fields.add("unlabelled", paragraphs[len(first):])
            else:
                fields.add(name, _paragraphs(value_lines))
        return fields

    @staticmethod
    def _is_compact(body_lines: list[str]) -> bool:
        """Compact exports put one paragraph a line with no blank lines between them (blank lines
        before or after the text, as before the labelled sections, do not count)."""
        content = [line for line in body_lines if not _blank(line)]
        start = next((i for i, line in enumerate(body_lines) if not _blank(line)), 0)
        end = next((i for i in range(len(body_lines), 0, -1) if not _blank(body_lines[i - 1])), 0)
        blanks = max(0, end - start - len(content))
        return len(content) > 1 and blanks <= len(content) // 10

    @classmethod
    def _is_unwrapped_compact(cls, body_lines: list[str]) -> bool:
        """One paragraph a line after the citation layout's fields, as a page copied without its blank
        lines gives them: a line longer than any hard-wrapped text has says the lines are not wrapped
        (the text of a printed citation page, wrapped, keeps its lines in one paragraph)."""
        return cls._is_compact(body_lines) and any(len(line.strip()) > _WRAPPED_LINE for line in body_lines)

    @classmethod
    def _is_compact_page(cls, body_lines: list[str], meta: Metadata) -> bool:
        """A compact page without its labelled sections (the page cut off after the text): the
        archive's head (a date line) or a line longer than any hard-wrapped text has, and one paragraph
        a line. Hard-wrapped prose without the archive's head keeps its lines in one paragraph."""
        if not cls._is_compact(body_lines):
            return False
        return meta.date is not None or any(len(line.strip()) > _WRAPPED_LINE for line in body_lines)

    @staticmethod
    def _split_trailing_summary(body_lines: list[str], layout: str) -> tuple[list[str], list[str]]:
        """Web and compact pages put the archive's summary right after the document's text."""
        end = len(body_lines)
        while end and _blank(body_lines[end - 1]):
            end -= 1
        if not end:
            return body_lines, []
        start = end - 1
        if layout != "compact":
            while start and not _blank(body_lines[start - 1]):
                start -= 1
        summary = " ".join(line.strip() for line in body_lines[start:end])
        if start == 0 or BodyReader.is_closer_line(summary) or "[" in summary:
            # A signature, a date or an editorial mark is the document's own end, not a summary.
            return body_lines, []
        before = start
        while before and _blank(body_lines[before - 1]):
            before -= 1
        if before and (before < 2 or _blank(body_lines[before - 2]) or layout == "compact") \
                and BodyReader.is_head_line(body_lines[before - 1]):
            # after a heading of its own the paragraph is that section's text (`II. Miscellaneous`)
            return body_lines, []
        return body_lines[:start], [summary]

    def _split_described_summary(self, body_lines: list[str], meta: Metadata) -> list[str]:
        """A page without labels may still end with its summary, or open with it right after the
        title: a paragraph that describes the document in the third person ("The telegram relays
        ...", "Cable from ... entails ..."). It is the abstract with cert below high (medium at the
        end, where the archive puts it; low before the text), and a warning; any other paragraph
        stays in the body."""
        blocks = self._outer_paragraphs(body_lines)
        if len(blocks) < 3:
            return body_lines
        (first_start, first_end), (last_start, last_end) = blocks[0], blocks[-1]
        candidates = [((last_start, last_end), "medium", "end"), ((first_start, first_end), "low", "start")]
        if first_end - first_start > 1 and len(body_lines[first_start].strip()) > _WRAPPED_LINE:
            # a whole paragraph on its line, the letterhead against it without a blank line
            candidates.append(((first_start, first_start + 1), "low", "start"))
        for (start, end), cert, where in candidates:
            text = " ".join(line.strip() for line in body_lines[start:end])
            if describes_document(text):
                meta.summary, meta.summary_cert = [text], cert
                self.warnings.append(f"no metadata labels: the paragraph at the {where} of the text describes the "
                                     f"document and is taken as its summary (abstract, cert=\"{cert}\"): {text[:60]!r}")
                return body_lines[:start] + body_lines[end:]
        return body_lines

    @classmethod
    def _outer_paragraphs(cls, body_lines: list[str]) -> list[tuple[int, int]]:
        """(start, end) of each paragraph of the body's lines: at blank lines, or one a line in a page
        without blank lines."""
        spans, start = [], None
        for index, line in enumerate(body_lines + [""]):
            if _blank(line):
                if start is not None:
                    spans.append((start, index))
                    start = None
            elif start is None:
                start = index
        if cls._is_compact(body_lines):
            return [(i, i + 1) for i, line in enumerate(body_lines) if not _blank(line)]
        return spans

    # -- metadata --------------------------------------------------------------------------

    def _fill_metadata(self, meta: Metadata, head: _Fields, tail: _Fields) -> None:
        both = _Fields()
        for part in (head, tail):
            for name, values in part.values.items():
                both.add(name, values)
        meta.summary = both.values.get("summary", [])
        citation = " ".join(both.values.get("citation", []))
        url = _URL.search(citation)
        if url:
            meta.url = url.group(1)
        meta.citation = re.sub(r"\s*\n\s*", " ", citation).strip()
        for credit in both.values.get("credits", []):
            meta.credits.append(credit)
            meta.funders.extend(parse_credits(credit))
        record = both.first("record_id").strip()
        if record and not _valid_single("record_id", record):
            # A head `Record ID:` (the citation layout) is checked as the tail's is.
            both.values.setdefault("unlabelled", []).insert(0, record)
            record = ""
        record_url = _RECORD_URL.fullmatch(record)
        if record_url:
            meta.url = meta.url or record_url.group(1)
        else:
            meta.record_id = record
        if not meta.record_id and meta.url:
            found = _RECORD_FROM_URL.search(meta.url)
            if found:
                meta.record_id = found.group(1)
        meta.authors = both.values.get("authors", [])
        meta.topics = both.values.get("topics", [])
        meta.places = both.values.get("places", [])
        meta.subjects = both.values.get("subjects", [])
        meta.people = both.values.get("people", [])
        meta.original_archive = re.sub(r"\s+", " ", both.first("original_archive")).strip()
        meta.rights = both.values.get("rights", [])
        uploaded = parse_date(both.first("uploaded"))
        if both.first("uploaded"):
            meta.uploaded = (uploaded.when if uploaded else "") or both.first("uploaded")
        meta.contents = " ".join(both.values.get("contents", []))
        for value in both.values.get("original_language", []) + both.values.get("language", []):
            for language in re.split(r"\s*(?:,|;|\band\b|\n)\s*", value):
                if language and language not in meta.original_languages:
                    meta.original_languages.append(language.strip())
        given_type = both.first("type").strip()
        if given_type:
            meta.doc_type, meta.doc_type_given = normalise_doc_type(given_type), given_type
            if meta.doc_type not in DOCUMENT_TYPES:
                self.warnings.append(f"document type {given_type!r} is not in the closed list: recorded as 'Other'")
        given_class = both.first("classification").strip()
        if given_class:
            meta.classification, meta.classification_given = normalise_classification(given_class), given_class
        if both.first("date_field") and meta.date is None:
            meta.date = parse_date(both.first("date_field"))
        if both.first("title_field") and not meta.title:
            meta.title = both.first("title_field")
        cited_title = _CITED_TITLE.match(meta.citation)
        if cited_title:
            title = re.sub(r"\s+", " ", cited_title.group("title")).strip()
            if not meta.title:
                # the page shows no title: the citation names the document
                meta.title = title
                meta.cert["title"] = "medium"
            elif meta.title.isupper() and meta.title.lower() == title.lower():
                # the earlier site set titles in capitals: the citation has the same words as written
                meta.title = title
        source_text = " ".join(both.values.get("source", []))
        source_text = self._place_unlabelled(meta, both.values.get("unlabelled", []), source_text)
        if not meta.record_id and meta.url:  # a record URL placed by its content
            found = _RECORD_FROM_URL.search(meta.url)
            if found:
                meta.record_id = found.group(1)
        if not source_text and citation:
            source_text = citation
        meta.source_text = re.sub(r"\s*\n\s*", " ", source_text).strip()
        parse_source(meta, self.archive)
        for name, resp in (("contributors", "Contributed by"), ("donors", "Donated by")):
            for who in both.values.get(name, []):
                if not any(r.resp == resp and r.name == who for r in meta.responsibilities):
                    meta.responsibilities.append(Responsibility(resp=resp, name=who))
        for funder in both.values.get("funders", []):
            if funder not in meta.funders:
                meta.funders.append(funder)
        for extra in ("subtitle", "notes", "related"):
            for value in both.values.get(extra, []):
                meta.extra.append((extra, value))

    def _place_unlabelled(self, meta: Metadata, paragraphs: list[str], source_text: str) -> str:
        """Values without their label (today's layout after `Document Information`, or a line after an
        empty label), placed by what they say; the source citation found this way is returned. A value
        that fits nowhere is kept in the header as a note, with a warning."""
        citation: list[str] = []
        follows_citation = False
        for paragraph in paragraphs:
            text = re.sub(r"\s*\n\s*", " ", paragraph).strip()
            record_url = _RECORD_URL.fullmatch(text)
            funders = funder_line(text, meta.funders)
            if _RIGHTS_LIKE.search(text):
                meta.rights.append(paragraph)
                if not _ARCHIVE_RIGHTS.search(text):
                    meta.cert["rights"] = "medium"
            elif record_url and (not meta.url or meta.url == record_url.group(1)):
                meta.url = record_url.group(1)
            elif text.lower() in (t.lower() for t in DOCUMENT_TYPES) and not meta.doc_type_given:
                meta.doc_type, meta.doc_type_given = normalise_doc_type(text), text
                meta.cert["doc_type"] = "high"
            elif funders:
                meta.funders.extend(f for f in funders if f not in meta.funders)
                meta.extra.append(("funders", text))
            elif not source_text and (_CITATION_LIKE.search(text) or follows_citation):
                citation.append(text)
                follows_citation = True
                continue
            else:
                meta.extra.append(("unplaced", text))
                self.warnings.append(f"a line after the labels could not be placed: {text[:60]!r} (kept in the header as a note)")
            follows_citation = False
        if citation:
            meta.cert["source"] = "medium"
            return " ".join(citation)
        return source_text

    def _infer(self, doc: Document, body: BodyReader, body_lines: list[str]) -> None:
        meta = doc.metadata
        if not meta.doc_type:
            # The closed list ends with "Other": every document has a type, guessed ones say so.
            meta.doc_type = doc_type_from_title(meta.title) or "Other"
        if not meta.classification:
            meta.classification = (classification_from_title(meta.title) or _classification_line(body_lines)
                                   or _opener_classification(doc.body))
        doc.correspondence = parse_correspondence(doc, body)
        meta.text_language, cert = text_language("\n".join(body_lines), meta.original_languages, meta.contents)
        if cert:
            meta.cert["text_language"] = cert
            self.warnings.append(f"the text reads as {meta.text_language}, not English: recorded as its language "
                                 f"with cert=\"{cert}\"")


#: the page's classification field run on at the end of the citation: `... l. 66. Original Classification: Top Secret`
TRAILING_CLASSIFICATION = re.compile(r"(?:(?<=[.;,])|^)\s*Original Classification\s*:\s*(?P<value>[A-Za-z][A-Za-z ]{2,40}?)\.?\s*$",
                                      re.IGNORECASE)


def _take_trailing_classification(values: list[str], fields: "_Fields") -> list[str]:
    """The citation's paragraphs without the `Original Classification: ...` field run on at their
    end, which is the page's classification field (added to `fields`), no part of the citation."""
    out = []
    for value in values:
        match = TRAILING_CLASSIFICATION.search(value)
        if match:
            fields.add("classification", [match.group("value").strip()])
            value = value[:match.start()].rstrip()
        if value:
            out.append(value)
    return out


#: a classification given as a field of the document's head block: `Classification: Secret`
_CLASSIFICATION_FIELD = re.compile(r"(?:Security\s+)?Classification\s*:\s*(?P<value>[A-Za-z ]{3,30}?)\.?", re.IGNORECASE)
#: how many of the text's first lines its head block (To:, From:, Subject:, Date: ...) may take
_HEAD_BLOCK_LINES = 12


def _classification_line(body_lines: list[str]) -> str:
    """The classification the document's first line is ("Secret", "TOP SECRET"), alone on it, or the
    value of a `Classification:` field in the head block of the text: the document's own marking,
    read where the page gives none (a likely reading, not the archive's)."""
    head = [line.strip() for line in body_lines if not _blank(line)][:_HEAD_BLOCK_LINES]
    first = marking_line(head[0]) if head else ""  # `Top Secret Copy Nº 1`: the marking before the copy number
    if first and len(first.split()) <= 3:
        cleaned = re.sub(r"[^A-Za-z ]", "", first).strip().lower()
        found = next((name for name in CLASSIFICATIONS if name.lower() == cleaned), "")
        if found:
            return found
    for line in head:
        match = _CLASSIFICATION_FIELD.fullmatch(line)
        if match:
            value = match.group("value").strip().lower()
            return next((name for name in CLASSIFICATIONS if name.lower() == value), "")
    return ""


def _opener_classification(blocks: list) -> str:
    """The classification of the first marking the top of the text holds, on a line after others
    (`6 October 1956` / `Top Secret`) or at the end of the letterhead's (`... Republic TOP SECRET!`):
    the document's own marking, a likely reading as the first line's is. "" where none is, or it is
    no name of the closed list (`Highly Confidential`)."""
    for block in blocks:
        if block.kind == "classification":
            cleaned = re.sub(r"[^A-Za-z ]", "", text_of(block.content)).strip().lower()
            return next((name for name in CLASSIFICATIONS if name.lower() == cleaned), "")
        if block.kind not in OPENER_KINDS and block.kind != "head":
            return ""
    return ""


#: no longer than a heading that names the document is
_NAMING_HEAD_WORDS = 20


def supplied_title(doc: Document) -> tuple[str, str]:
    """(title, what it was made from) for a page that gives no title: the document's first heading
    where it names a kind of document (`Record of Conversation with ...`), else the type and the
    date (`Letter, 15 January 1963`, `Document of 15 January 1963`). It is in square brackets, as
    archives write a title they devise: not the archive's title, and marked so wherever it is shown."""
    head = next((block for block in doc.body if block.kind == "head"), None)
    if head is not None:
        text = re.sub(r"\s+", " ", text_of(head.content)).strip()
        if text and len(text.split()) <= _NAMING_HEAD_WORDS and doc_type_from_title(text):
            return f"[{text}]", "the document's first heading"
    date = _date_words(doc.metadata.date)
    kind = doc.metadata.doc_type if doc.metadata.doc_type not in ("", "Other") else ""
    return (f"[{kind}, {date}]" if kind else f"[Document of {date}]"), "the document's type and date"


def _date_words(date: DateValue) -> str:
    """`15 January 1963`: the date's ISO value in words; a period (`March 1963`, a range) as written."""
    found = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date.when)
    if not found:
        return re.sub(r"\s+", " ", date.text).strip()
    year, month, day = found.groups()
    words = [str(int(day))] if day else []
    return " ".join([*words, *([MONTH_NAMES[int(month) - 1]] if month else []), year])


def read_wilson(text: str, name: str = "<input>") -> Document:
    return WilsonReader(name).read(text)
