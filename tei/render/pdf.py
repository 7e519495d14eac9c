"""PDF through WeasyPrint, from the HTML page and its print style sheet.

The PDF is tagged (the structure PDF/UA asks for, which screen readers follow) and PDF/A-3b, and
carries the TEI source as an embedded file (relationship "Source"), so that an archive that keeps
the PDF keeps the data too. Nothing is fetched while printing. The same
input gives the same bytes on every run: the PDF's dates come from SOURCE_DATE_EPOCH when it is set
(reproducible builds), else from the TEI itself (never from the clock).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
from datetime import datetime, timezone
from typing import Callable

from ..core.formats import format_named
from ..core.errors import RenderError, TeiEditionError
from ..core.resources import xslt_path
from ..core.urls import safe_url
from ..core.xmlsafe import parse_untrusted

#: The Debian packages of the PDF stack that WeasyPrint loads (README, Requirements).
PDF_SYSTEM_PACKAGES = format_named("pdf").system_packages
#: The PDF's date when neither SOURCE_DATE_EPOCH nor the TEI gives one (as tei/export/edition.py).
UNKNOWN_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_TEI_DATES = ("/*/*[local-name()='teiHeader']/*[local-name()='fileDesc']/*[local-name()='publicationStmt']"
              "/*[local-name()='date']/@when"
              " | /*/*[local-name()='teiHeader']/*[local-name()='revisionDesc']//*[local-name()='change']/@when")


def load_weasyprint():
    """WeasyPrint, imported only when a PDF is made: without Pango it cannot even be imported, and
    that must fail the PDF alone, in one line naming the system packages (not five banners)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except ImportError as exc:
        raise RenderError(f"PDF output needs WeasyPrint (pip install weasyprint): {exc}") from None
    except OSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RenderError(f"PDF output needs Pango, which WeasyPrint cannot load ({reason}): install the "
                          f"Debian packages {PDF_SYSTEM_PACKAGES} (scripts/install-system-packages), "
                          f"or leave PDFs out with --formats html,txt") from None
    return weasyprint


def _refuse_fetch(url: str, *args, **kwargs):
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise RenderError(f"the PDF may not load {url}: pages are printed without a network")


def _drop_unsafe_links(document) -> None:
    """A second guard behind the stylesheets: the PDF gets no link action outside the URL
    allow-list (tei/core/urls.py), whatever the HTML holds. Relative links are dropped too: a PDF has
    no address of its own to resolve them against (and WeasyPrint has percent-encoded them)."""
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] == "internal" or safe_url(link[1])]


def _creation_time(source: bytes) -> datetime:
    """SOURCE_DATE_EPOCH's time, else the TEI's newest publication or revision date (YYYY-MM-DD),
    else 1970-01-01: the same source gives the same PDF whenever it is printed."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    try:
        found = parse_untrusted(source).xpath(_TEI_DATES)
    except TeiEditionError:  # the renderer has parsed it already; a bare attachment gives no date
        found = []
    dates = [str(when)[:10] for when in found if _ISO_DATE.match(str(when)[:10])]
    if not dates:
        return UNKNOWN_DATE
    try:
        return datetime.strptime(max(dates), "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return UNKNOWN_DATE


def overflowing_note_pages(document) -> list[int]:
    """Pages (from 1) whose footnote area reaches above the top of the page's text block:
    WeasyPrint neither splits a note nor carries it over, so notes that do not fit on their page
    are drawn over the running head and the text."""
    pages = []
    for number, page in enumerate(document.pages, start=1):
        box = getattr(page, "_page_box", None)  # WeasyPrint's layout tree (tested with WeasyPrint 70)
        for area in getattr(box, "children", ()):
            if type(area).__name__ == "FootnoteAreaBox" and area.position_y < box.content_box_y() - 0.5:
                pages.append(number)
    return pages


def html_to_pdf(html: bytes, *, source: bytes, source_name: str,
                endnotes_html: Callable[[], bytes] | None = None, warnings: list[str] | None = None) -> bytes:
    """Print an HTML page (made with footnotes='page') to PDF/A-3b with the TEI attached. When
    the notes of a page do not fit on it, the page made by `endnotes_html` (notes after the text)
    is printed instead, with a warning: a note is never drawn over the text."""
    weasyprint = load_weasyprint()
    CSS, HTML, Attachment = weasyprint.CSS, weasyprint.HTML, weasyprint.Attachment
    created = _creation_time(source)
    attachment = Attachment(string=source, name=source_name, relationship="Source",
                            description="TEI P5 source of this edition", created=created, modified=created)
    paged = CSS(string=xslt_path("paged.css").read_text(encoding="utf-8"))
    document = HTML(string=html.decode("utf-8"), url_fetcher=_refuse_fetch).render(stylesheets=[paged])
    crowded = overflowing_note_pages(document)
    if crowded and endnotes_html is not None:
        if warnings is not None:
            warnings.append(f"{source_name}: the notes of page {crowded[0]} do not fit on that page; the PDF "
                            "gives all notes after the text")
        html = endnotes_html()
        document = HTML(string=html.decode("utf-8"), url_fetcher=_refuse_fetch).render(stylesheets=[paged])
    _drop_unsafe_links(document)
    document.metadata.created = document.metadata.modified = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    identifier = hashlib.sha256(html + source).hexdigest()[:32].encode("ascii")
    return document.write_pdf(pdf_variant="pdf/a-3b", pdf_tags=True, attachments=[attachment],
                              pdf_identifier=identifier)
