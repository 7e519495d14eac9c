"""How to cite one document: plain text, CSL-JSON, BibTeX, RIS, Highwire meta tags and schema.org.

Every form starts from the document's `DocumentRecord` (the header read once, tei/core/record.py)
and the edition; nothing here reads TEI. The forms say the same things: title, date, author (only
when the header names one), the archive and the archival signature, the translators, the record's
URL and the date accessed.

The date accessed is given by the caller. A static site cannot know the day a reader opens a page,
so the site writes its build date (`accessed_date`: SOURCE_DATE_EPOCH's day, else today) into the
files and lets a small script put the reader's day into the visible text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ..core.tei import slug
from ..core.urls import safe_url
from .edition import Edition, source_date
from ..core.record import DateValue, DocumentRecord

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
#: The CSL type of an archival document (CSL 1.0.2 has no "letter"; the genre says what it is).
CSL_TYPE = "manuscript"
RIS_TYPE = "MANSCPT"


def accessed_date() -> date:
    """The build's date: SOURCE_DATE_EPOCH's day when set (reproducible builds), else today (UTC)."""
    return source_date() or datetime.now(timezone.utc).date()


def long_date(day: date) -> str:
    """A date as a Chicago citation writes it: December 2, 2026."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


@dataclass(frozen=True)
class Citation:
    """One document's citation: its record, the edition that publishes it, and the day accessed."""

    record: DocumentRecord
    edition: Edition
    accessed: date

    @property
    def url(self) -> str:
        """The record's URL: the archive's, else the page in the edition (with a base URL), else ""."""
        return self.edition.document_url(self.record)

    @property
    def page_url(self) -> str:
        """The document's page in the published edition, or "" without a base URL."""
        return self.edition.url(f"documents/{self.record.id}.html") if self.record.id else ""

    @property
    def archive_url(self) -> str:
        """The archive's own address of the record, when it is an allowed web address."""
        uri = safe_url(self.record.uri)
        return uri if uri.lower().startswith(("http://", "https://")) else ""

    @property
    def archive(self) -> str:
        """The holding archive; for a document known from a publication, nothing."""
        return self.record.repository

    @property
    def signature(self) -> str:
        """Where in the archive: collections, the archival signature and the pages."""
        r = self.record
        return ", ".join(p for p in (*r.collections, r.archive_idno, r.pages) if p)

    @property
    def source(self) -> str:
        """The archival source in one line, or the publication the document is known from."""
        return self.record.source_description

    @property
    def publisher(self) -> str:
        return self.record.publisher or self.edition.publisher

    @property
    def key(self) -> str:
        """A BibTeX key: ASCII letters, digits, '_' and '-', starting with a letter."""
        key = slug(self.record.id or self.record.record_id, "A-Za-z0-9_-", case="keep")
        return key if key[:1].isalpha() else f"doc-{key}" if key else "document"


# -- dates -------------------------------------------------------------------------------------

def _parts(iso: str) -> list[int] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    return [int(p) for p in match.groups() if p] if match else None


def date_parts(value: DateValue | None) -> list[list[int]] | None:
    """CSL's date-parts: [[y, m, d]] for a day, month or year, [[start], [end]] for a range."""
    if value is None or not value.iso:
        return None
    pieces = [_parts(p) for p in value.iso.split("/")]
    if not pieces or len(pieces) > 2 or any(p is None for p in pieces):
        return None
    return pieces


def slashed_date(value: DateValue | None) -> str:
    """The date as Highwire and RIS write it (1948/10/12, 1948/10, 1948); for a range only the
    year it lies in, and "" when it spans years (a range's start is not the document's date)."""
    parts = date_parts(value)
    if not parts:
        return ""
    if len(parts) == 2:
        return str(parts[0][0]) if parts[0][0] == parts[1][0] else ""
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0]))


# -- plain text --------------------------------------------------------------------------------

def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def plain_text_parts(citation: Citation) -> tuple[str, str, str]:
    """The plain-text citation as (before, the accessed date, after), so that a page can mark the
    date up; `plain_text` joins them. Chicago's order for an archival document, as the Wilson
    Center writes it: author, “title,” date, archive and signature; translators; publisher;
    edition; URL (accessed date)."""
    r = citation.record
    title = r.title or r.id or "Untitled document"
    comma = "" if title[-1:] in "?!." else ","
    head = f"“{title}{comma}” " + ", ".join(p for p in (r.date.text if r.date and r.date.text else "n.d.",
                                                         citation.source) if p) + "."
    sentences = [f"{_and(r.authors)}, {head}" if r.authors else head]
    if r.translators:
        sentences.append(f"Translated by {_and(r.translators)}.")
    if citation.publisher:
        sentences.append(f"{citation.publisher}.")
    edition = citation.edition.title
    if citation.page_url and citation.page_url != citation.url:
        edition += f", {citation.page_url}"
    sentences.append(f"In {edition}.")
    accessed = long_date(citation.accessed)
    if citation.url:
        return " ".join(sentences) + f" {citation.url} (accessed ", accessed, ")."
    return " ".join(sentences) + " Accessed ", accessed, "."


def plain_text(citation: Citation) -> str:
    return "".join(plain_text_parts(citation))


# -- CSL-JSON ----------------------------------------------------------------------------------

def _names(names: list[str]) -> list[dict]:
    """Names as written: CSL literals, since splitting them into given and family names would guess."""
    return [{"literal": name} for name in names]


def csl_item(citation: Citation) -> dict:
    """The document as one CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    r = citation.record
    item: dict = {"id": citation.key, "type": CSL_TYPE, "title": r.title or r.id}
    parts = date_parts(r.date)
    if parts:
        item["issued"] = {"date-parts": parts}
    elif r.date and r.date.text:
        item["issued"] = {"literal": r.date.text}
    optional = {
        "author": _names(r.authors), "translator": _names(r.translators), "genre": r.doc_type,
        "archive": citation.archive, "archive-place": r.settlement, "archive_location": citation.signature,
        "source": "" if citation.archive else r.published_source, "publisher": citation.publisher,
        "collection-title": citation.edition.title, "language": r.language, "URL": citation.url,
        "abstract": r.summary,
    }
    item.update((name, value) for name, value in optional.items() if value)
    day = citation.accessed
    item["accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
    return item


def csl_json(citation: Citation) -> str:
    """A CSL-JSON file: a list of one item, as Zotero and citeproc read it."""
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"


# -- BibTeX ------------------------------------------------------------------------------------

_BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                    "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                    "^": r"\textasciicircum{}"}


def bibtex_escape(text: str) -> str:
    """Text for a braced BibTeX field: LaTeX's specials as commands, braces as commands (so that
    every brace in the file is one the writer put there and they always balance), one line."""
    text = " ".join(text.split())
    return "".join(_BIBTEX_SPECIALS.get(c, c) for c in text)


def _bibtex_url(url: str) -> str:
    """A URL as a verbatim field: braces, backslashes and spaces percent-encoded."""
    return url.replace("%", "%25").replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C").replace(" ", "%20")


def bibtex(citation: Citation) -> str:
    """One @misc entry in UTF-8 (biblatex fields; classic BibTeX reads title, author, year, month,
    howpublished and note). Names are braced: they are written as given, never split."""
    r = citation.record
    parts = date_parts(r.date)
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(r.title or r.id) + "}")]
    if r.authors:
        fields.append(("author", " and ".join("{" + bibtex_escape(n) + "}" for n in r.authors)))
    if parts:
        fields.append(("date", "/".join("-".join(f"{p:02d}" if i else f"{p}" for i, p in enumerate(piece))
                                        for piece in parts)))
        fields.append(("year", str(parts[0][0])))
        if len(parts) == 1 and len(parts[0]) > 1:
            fields.append(("month", str(parts[0][1])))
    elif r.date and r.date.text:
        fields.append(("year", bibtex_escape(r.date.text)))
    if r.translators:
        fields.append(("translator", " and ".join("{" + bibtex_escape(n) + "}" for n in r.translators)))
    if r.doc_type:
        fields.append(("type", bibtex_escape(r.doc_type)))
    if citation.source:
        fields.append(("howpublished", bibtex_escape(citation.source)))
    if citation.publisher:
        fields.append(("publisher", bibtex_escape(citation.publisher)))
    fields.append(("note", bibtex_escape(f"In {citation.edition.title}")))
    if r.language:
        fields.append(("langid", bibtex_escape(r.language)))
    if citation.url:
        fields.append(("url", _bibtex_url(citation.url)))
    fields.append(("urldate", citation.accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation.key},\n{body}\n}}\n"


# -- RIS ---------------------------------------------------------------------------------------

def _ris_value(text: str) -> str:
    return " ".join(text.split())


def ris(citation: Citation) -> str:
    """One RIS record (TY first, ER last, one `XX  - value` line per tag, CRLF line ends)."""
    r = citation.record
    lines: list[tuple[str, str]] = [("TY", RIS_TYPE), ("TI", r.title or r.id)]
    lines += [("AU", name) for name in r.authors]
    lines += [("A4", name) for name in r.translators]
    when = slashed_date(r.date)
    if when:
        lines.append(("PY", when[:4]))
        lines.append(("DA", when))
    elif r.date and r.date.text:
        lines.append(("DA", r.date.text))
    optional = [("M3", r.doc_type), ("AV", citation.source), ("CY", r.settlement), ("PB", citation.publisher),
                ("T2", citation.edition.title), ("LA", r.language), ("UR", citation.url), ("AB", r.summary)]
    lines += [(tag, value) for tag, value in optional if value]
    lines.append(("Y2", citation.accessed.strftime("%Y/%m/%d")))
    text = "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines if _ris_value(value))
    return text + "ER  - \r\n"


# -- Highwire and schema.org -------------------------------------------------------------------

def highwire(citation: Citation, pdf: bool = False) -> list[tuple[str, str]]:
    """The Highwire Press `citation_*` meta tags (name, content) that Zotero and Google Scholar
    read; addresses only when they are absolute (with a base URL)."""
    r = citation.record
    tags = [("citation_title", r.title or r.id)]
    tags += [("citation_author", name) for name in r.authors]
    when = slashed_date(r.date)
    if when:
        tags.append(("citation_date", when))
    if citation.publisher:
        tags.append(("citation_publisher", citation.publisher))
    if citation.page_url:
        tags.append(("citation_public_url", citation.page_url))
        tags.append(("citation_abstract_html_url", citation.page_url))
        if pdf:
            tags.append(("citation_pdf_url", citation.page_url[:-len(".html")] + ".pdf"))
    if r.language:
        tags.append(("citation_language", r.language))
    return [(name, " ".join(value.split())) for name, value in tags if value.strip()]


def json_ld(citation: Citation) -> dict:
    """The document as schema.org data: an ArchiveComponent of its holding archive (a CreativeWork
    when no archive is known), part of the edition."""
    r = citation.record
    data: dict = {"@context": "https://schema.org",
                  "@type": "ArchiveComponent" if citation.archive else "CreativeWork",
                  "name": r.title or r.id}
    if r.date and r.date.iso and "/" not in r.date.iso:
        data["dateCreated"] = r.date.iso
    if r.language:
        data["inLanguage"] = r.language
    if r.doc_type:
        data["genre"] = r.doc_type
    if citation.archive:
        archive = {"@type": "ArchiveOrganization", "name": citation.archive}
        if r.settlement:
            archive["location"] = {"@type": "Place", "name": r.settlement}
        data["holdingArchive"] = archive
    if citation.signature:
        data["identifier"] = citation.signature
    if r.authors:
        data["author"] = [{"@type": "Person", "name": n} for n in r.authors]
    if r.translators:
        data["translator"] = [{"@type": "Person", "name": n} for n in r.translators]
    if citation.publisher:
        data["publisher"] = {"@type": "Organization", "name": citation.publisher}
    if citation.page_url or citation.url:
        data["url"] = citation.page_url or citation.url
    if citation.archive_url and citation.archive_url != data.get("url"):
        data["sameAs"] = citation.archive_url
    edition = {"@type": "CreativeWork", "name": citation.edition.title}
    if citation.edition.base_url:
        edition["url"] = citation.edition.url()
    data["isPartOf"] = edition
    return data


def json_ld_script_text(citation: Citation) -> str:
    """The JSON-LD for a <script type="application/ld+json">: `<`, `>` and `&` as JSON escapes, so
    that no value (a title holding `</script>` or `<!--`) can end the script or change how it is read."""
    text = json.dumps(json_ld(citation), ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
