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
import inspect
import io
import os
import re
import weakref
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
#: The WeasyPrint releases (major versions, from and before) whose text drawing
#: `_draw_first_line_keeping_joiners` is written against; pyproject.toml requires the same range.
WEASYPRINT_MAJORS = (70, 71)
#: Format characters that are part of a word's spelling (Persian می‌خواهم, Indic conjuncts) but that
#: Pango shapes to an empty glyph, which WeasyPrint writes to the PDF without any text.
JOINERS = ("\u200c", "\u200d")
_TEI_DATES = ("/*/*[local-name()='teiHeader']/*[local-name()='fileDesc']/*[local-name()='publicationStmt']"
              "/*[local-name()='date']/@when"
              " | /*/*[local-name()='teiHeader']/*[local-name()='revisionDesc']//*[local-name()='change']/@when")


def load_weasyprint():
    """WeasyPrint, imported only when a PDF is made: without Pango it cannot even be imported, and
    that must fail the PDF alone, in one line naming the system packages (not five banners)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
            _keep_joiners_in_text_layer(weasyprint)
    except ImportError as exc:
        raise RenderError(f"PDF output needs WeasyPrint (pip install weasyprint): {exc}") from None
    except OSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RenderError(f"PDF output needs Pango, which WeasyPrint cannot load ({reason}): install the "
                          f"Debian packages {PDF_SYSTEM_PACKAGES} (scripts/install-system-packages), "
                          f"or leave PDFs out with --formats html,txt") from None
    return weasyprint


def joiner_hook_problem(weasyprint) -> str | None:
    """Why the joiner hook does not fit this WeasyPrint (None when it does): it is written against
    the text drawing of the releases in WEASYPRINT_MAJORS, and checks what it relies on."""
    version = getattr(weasyprint, "__version__", "?")
    if not version.split(".")[0].isdigit() or not WEASYPRINT_MAJORS[0] <= int(version.split(".")[0]) < WEASYPRINT_MAJORS[1]:
        return f"WeasyPrint {version} is not a release {WEASYPRINT_MAJORS[0]}.x the PDF's text layer was tested with"
    try:
        from weasyprint.draw import text
        from weasyprint.pdf.stream import Stream
        from weasyprint.svg.text import Style
        from weasyprint.text.ffi import pango
    except ImportError as exc:
        return f"WeasyPrint {version} has changed its modules ({exc})"
    drawer = getattr(text, "draw_first_line", None)
    parameters = list(inspect.signature(drawer).parameters) if callable(drawer) else None
    if parameters != ["stream", "textbox", "text_overflow", "block_ellipsis", "matrix"]:
        return f"WeasyPrint {version} has changed weasyprint.draw.text.draw_first_line ({parameters})"
    missing = [name for name in ("add_font", "show_text", "set_text_rendering") if not hasattr(Stream, name)]
    missing += [name for name in ("PANGO_GLYPH_EMPTY", "pango_layout_set_single_paragraph_mode")
                if not hasattr(pango, name)]
    if missing or not isinstance(Style, type):
        return f"WeasyPrint {version} lacks {', '.join(missing) or 'weasyprint.svg.text.Style'}"
    return None


def _keep_joiners_in_text_layer(weasyprint) -> None:
    """Wrap WeasyPrint's drawing of a line (once) so that ZWNJ and ZWJ reach the PDF's text layer."""
    from weasyprint.draw import text

    if not hasattr(text.draw_first_line, "keeps_joiners") and joiner_hook_problem(weasyprint) is None:
        text.draw_first_line = _draw_first_line_keeping_joiners(text.draw_first_line)


#: Each embedded font's glyph for each joiner (None where its cmap has none), read once per font.
_JOINER_GLYPHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _joiner_glyph(font, joiner: str) -> int:
    """The font's own (never visible) glyph for the joiner, else an id WeasyPrint keeps for a
    character missing from the font: it is drawn invisibly, so it needs no outline."""
    if font not in _JOINER_GLYPHS:
        from fontTools.ttLib import TTFont

        try:
            program = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
            cmap = program.getBestCmap() or {}
            _JOINER_GLYPHS[font] = {joiner: program.getGlyphID(cmap[ord(joiner)]) if ord(joiner) in cmap else None
                                    for joiner in JOINERS}
        except Exception:  # an unreadable font program: use ids kept for missing characters
            _JOINER_GLYPHS[font] = dict.fromkeys(JOINERS)
    glyph = _JOINER_GLYPHS[font][joiner]
    return glyph if glyph is not None else font.get_unused_glyph_id(ord(joiner))


def _draw_first_line_keeping_joiners(draw_first_line):
    """WeasyPrint writes the empty glyph Pango gives a ZWNJ or ZWJ as a bare shift, with no text,
    so pdftotext (and a screen reader, and search) reads می‌خواهم as میخواهم. For the line being
    drawn, each such glyph (of zero width, alone in its cluster) becomes a real glyph id mapped to
    the joiner in ToUnicode, of width 0, drawn with text rendering mode 3 (invisible): the page
    looks the same, glyph for glyph and point for point. Lines of SVG text, whose rendering mode
    SVG sets, and ellipsised lines, which WeasyPrint lays out again, are left as they are."""
    from weasyprint.svg.text import Style
    from weasyprint.text.ffi import ffi, pango

    def drawing(stream, textbox, text_overflow, block_ellipsis, matrix):
        layout = textbox.pango_layout
        if (text_overflow == "ellipsis" or block_ellipsis != "none" or isinstance(textbox.style, Style)
                or not any(joiner in layout.text for joiner in JOINERS)):
            return draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
        pango.pango_layout_set_single_paragraph_mode(layout.layout, True)  # as draw_first_line does
        line, _ = layout.get_first_line()
        utf8 = layout.text.encode()
        replaced, hidden = [], {}
        run = line.runs[0]
        while run != ffi.NULL:
            item, glyphs = run.data.item, run.data.glyphs
            run = run.next
            font, _ = stream.add_font(item.analysis.font)  # in drawing order, as draw_first_line adds them
            count, clusters = glyphs.num_glyphs, glyphs.log_clusters
            for i in range(count):
                info = glyphs.glyphs[i]
                geometry = info.geometry
                if font.bitmap or info.glyph != pango.PANGO_GLYPH_EMPTY or geometry.width or geometry.x_offset \
                        or geometry.y_offset:
                    continue
                if item.analysis.level % 2:  # the cluster's bytes, as draw_first_line finds them
                    end = item.length if i == 0 else clusters[i - 1]
                else:
                    end = item.length if i == count - 1 else clusters[i + 1]
                joiner = utf8[item.offset + clusters[i]:item.offset + end].decode("utf-8", "replace")
                if joiner not in JOINERS:
                    continue
                glyph = _joiner_glyph(font, joiner)
                font.widths[glyph], font.to_unicode[glyph] = 0, joiner
                info.glyph = glyph
                replaced.append(info)
                hidden.setdefault(font.hash, set()).add(f"{glyph:04x}")
        if not replaced:
            return draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
        show_text = stream.show_text
        stream.show_text = lambda string: _show_text_hiding(stream, show_text, string, hidden)
        try:
            return draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            del stream.show_text
            for info in replaced:  # the layout may be drawn again (another write_pdf)
                info.glyph = pango.PANGO_GLYPH_EMPTY

    drawing.keeps_joiners = True
    drawing.__wrapped__ = draw_first_line
    return drawing


_GLYPH_RUN = re.compile(r"(<[0-9a-f]*>)")


def _show_text_hiding(stream, show_text, string: str, hidden: dict[str, set[str]]) -> None:
    """Show a TJ string of the current font, its hidden glyphs (4-digit hex ids) in their own TJ
    with rendering mode 3. HTML text is always drawn in mode 0 by WeasyPrint."""
    font = stream._current_font[0] if stream._current_font else None
    ids = hidden.get(font)
    if not ids:
        return show_text(string)
    pending = []
    for token in filter(None, _GLYPH_RUN.split(string)):
        if not token.startswith("<"):
            pending.append(token)  # a shift between glyphs
            continue
        shown = ""
        for start in range(1, len(token) - 1, 4):
            glyph = token[start:start + 4]
            if glyph not in ids:
                shown += glyph
                continue
            if shown:
                pending.append(f"<{shown}>")
                shown = ""
            if pending:
                show_text("".join(pending))
                pending = []
            stream.set_text_rendering(3)
            show_text(f"<{glyph}>")
            stream.set_text_rendering(0)
        if shown:
            pending.append(f"<{shown}>")
    if pending:
        show_text("".join(pending))


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
