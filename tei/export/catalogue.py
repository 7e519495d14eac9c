"""`csv` and `json`: a catalogue of the documents' metadata, one row (object) per document.

Both have the same fields in the same order (`COLUMNS`). In CSV, lists are joined with "; " and
dates are split into when / notBefore / notAfter; JSON keeps lists as arrays. A CSV cell that a
spreadsheet would read as a formula gets a single quote in front (`spreadsheet_safe`).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from ..core.spreadsheet import FORMULA_TRIGGERS, spreadsheet_safe  # noqa: F401 (part of this module's API)
from ..core.record import DocumentRecord, names_of

if TYPE_CHECKING:
    from .edition import Edition

COLUMNS = [
    "id", "file", "title", "date", "date_when", "date_not_before", "date_not_after", "type", "classification",
    "original_language", "archive", "settlement", "collection", "idno", "record_id", "uri", "uploaded",
    "translators", "funders", "summary", "senders", "recipients", "sent_places", "received_places",
    "topics", "places",
]
LIST_SEPARATOR = "; "


def catalogue_row(record: DocumentRecord) -> dict[str, str | list[str]]:
    """The record as catalogue fields, in `COLUMNS` order."""
    date = record.date
    row = {
        "id": record.id, "file": record.file, "title": record.title,
        "date": date.iso if date else "",
        "date_when": date.when if date else "",
        "date_not_before": date.not_before or date.from_ if date else "",
        "date_not_after": date.not_after or date.to if date else "",
        "type": record.doc_type, "classification": record.classification,
        "original_language": record.original_languages,
        "archive": record.repository, "settlement": record.settlement, "collection": record.collections,
        "idno": record.archive_idno, "record_id": record.record_id, "uri": record.uri, "uploaded": record.uploaded,
        "translators": record.translators, "funders": record.funders, "summary": record.summary,
        "senders": names_of(record.senders), "recipients": names_of(record.recipients),
        "sent_places": names_of(record.sent_places), "received_places": names_of(record.received_places),
        "topics": record.topics, "places": record.places,
    }
    return row


def catalogue_csv(records: list[DocumentRecord]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(COLUMNS)
    # Every value in quotes, so that no separator inside one can start a cell of its own (OWASP).
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for record in records:
        writer.writerow({key: spreadsheet_safe(LIST_SEPARATOR.join(value) if isinstance(value, list) else value)
                         for key, value in catalogue_row(record).items()})
    return out.getvalue().encode("utf-8")


def catalogue_json(records: list[DocumentRecord], edition: "Edition") -> bytes:
    """The edition's identity (as in the site's documents.json), then one object per document."""
    catalogue = {"edition": edition.summary(), "documents": [catalogue_row(record) for record in records]}
    return (json.dumps(catalogue, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
