"""PDF through WeasyPrint, from the HTML page and its print style sheet.

The PDF is PDF/A-3b and carries the TEI source as an embedded file (relationship "Source"), so
that an archive that keeps the PDF keeps the data too. Nothing is fetched while printing. The same
input gives the same bytes when SOURCE_DATE_EPOCH fixes the creation date (reproducible builds).
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone

from ..errors import RenderError
from ..resources import xslt_path
from ..urls import safe_url


def _refuse_fetch(url: str, *args, **kwargs):
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise RenderError(f"the PDF may not load {url}: pages are printed without a network")


def _drop_unsafe_links(document) -> None:
    """A second guard behind the stylesheets: the PDF gets no link action outside the URL
    allow-list (tei/urls.py), whatever the HTML holds. Relative links are dropped too: a PDF has
    no address of its own to resolve them against (and WeasyPrint has percent-encoded them)."""
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] == "internal" or safe_url(link[1])]


def _creation_time() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def html_to_pdf(html: bytes, *, source: bytes, source_name: str) -> bytes:
    """Print an HTML page (made with footnotes='page') to PDF/A-3b with the TEI attached."""
    try:
        from weasyprint import CSS, HTML, Attachment
    except ImportError as exc:  # pragma: no cover - weasyprint is a runtime dependency
        raise RenderError(f"PDF output needs WeasyPrint: {exc}") from None
    created = _creation_time()
    attachment = Attachment(string=source, name=source_name, relationship="Source",
                            description="TEI P5 source of this edition", created=created, modified=created)
    paged = CSS(string=xslt_path("paged.css").read_text(encoding="utf-8"))
    document = HTML(string=html.decode("utf-8"), url_fetcher=_refuse_fetch).render(stylesheets=[paged])
    _drop_unsafe_links(document)
    document.metadata.created = document.metadata.modified = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    identifier = hashlib.sha256(html + source).hexdigest()[:32].encode("ascii")
    return document.write_pdf(pdf_variant="pdf/a-3b", attachments=[attachment], pdf_identifier=identifier)
