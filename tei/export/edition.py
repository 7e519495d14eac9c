"""The edition as a whole: the settings an export writes into its headers, and its date.

An export is deterministic: the only date it writes that does not come from the documents is
SOURCE_DATE_EPOCH, when set (see https://reproducible-builds.org/specs/source-date-epoch/).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone

from .record import DocumentRecord

#: Licences an export can name by URL, with the sentence that says so.
LICENCES = {
    "https://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "https://creativecommons.org/publicdomain/zero/1.0/": "Creative Commons CC0 1.0 Universal (public domain dedication)",
    "https://creativecommons.org/licenses/by-sa/4.0/": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
}
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
DEFAULT_EDITOR = "tei-edition editors"
DEFAULT_EMAIL = "editors@example.org"
DEFAULT_TITLE = "TEI edition of documents from the Wilson Center Digital Archive"


@dataclass(frozen=True)
class Edition:
    """Who publishes the export, under which licence, and where. Every field has a default.

    `licence` applies to the export's own metadata (the CMIF file, the catalogues), not to the
    documents, whose rights are stated in each document's header.
    """

    title: str = DEFAULT_TITLE
    editor: str = DEFAULT_EDITOR
    email: str = DEFAULT_EMAIL
    publisher: str = ""
    licence: str = DEFAULT_LICENCE
    base_url: str = ""

    def publisher_for(self, records: list[DocumentRecord]) -> str:
        """The publisher given, else the one most of the documents name, else the editor."""
        if self.publisher:
            return self.publisher
        named = Counter(r.publisher for r in records if r.publisher)
        return min(named, key=lambda p: (-named[p], p)) if named else self.editor

    @property
    def licence_text(self) -> str:
        return LICENCES.get(self.licence, f"Licensed under {self.licence}")

    def document_url(self, record: DocumentRecord) -> str:
        """The document's address: the archive's URI, else one under `base_url`, else ""."""
        if record.uri:
            return record.uri
        if self.base_url:
            return f"{self.base_url.rstrip('/')}/{record.id}.html"
        return ""


def source_date() -> date | None:
    """The date of SOURCE_DATE_EPOCH, or None when it is not set (or not a number)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()


def edition_date(records: list[DocumentRecord]) -> str:
    """The export's date: SOURCE_DATE_EPOCH's, else the newest upload date of its documents.

    Never the clock, so that the same sources give the same bytes; 1970-01-01 when nothing is known.
    """
    given = source_date()
    if given is not None:
        return given.isoformat()
    uploaded = [r.uploaded for r in records if len(r.uploaded) == 10 and r.uploaded[4] == "-"]
    return max(uploaded, default="1970-01-01")
