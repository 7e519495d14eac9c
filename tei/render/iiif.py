"""An IIIF Presentation API 3.0 manifest of a TEI document's page images, for IIIF viewers
(Mirador, Universal Viewer) to show the facsimile beside or without the edition.

The images are named, never fetched: a canvas's size comes from the TEI (`@width`/`@height` of the
graphic in pixels, else the extent `@lrx - @ulx` by `@lry - @uly` of its surface), else the
documented default `DEFAULT_SIZE`. The images are chosen as the HTML chooses them
(xslt/common/facsimile.xsl): only http(s) addresses the URL allow-list (tei/core/urls.py) accepts, a
relative one only under `facsimile-base`, no TIFF where another image is given. An IIIF Image API
address gets its image service (`ImageService3` when the address asks for a size `max` only an
Image API 3 server has to know, `ImageService2` otherwise, both at the least claim `level0`).
"""

from __future__ import annotations

import mimetypes
import re
from urllib.parse import quote

from lxml import etree

from ..core.tei import TEI_NS
from ..core.urls import safe_url

#: A canvas's width and height when the TEI gives neither: the proportions of an A4 page.
DEFAULT_SIZE = (1000, 1414)
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
MEDIA_TYPE = f'application/ld+json;profile="{PRESENTATION_CONTEXT}"'
#: Where a manifest's ids live when no `manifest-url` says where it is published: a reserved,
#: never-resolving name (RFC 2606), so that a viewer reads the file and no id points at anyone.
UNPUBLISHED_BASE = "https://manifest.invalid/"

_NS = {"tei": TEI_NS}
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_QUALITIES = ("default", "native", "color", "gray", "grey", "bitonal")
_PIXELS = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")


def iiif_image_base(url: str) -> str:
    """The IIIF Image API base of `url` (before /full/SIZE/ROTATION/QUALITY.FORMAT or /info.json),
    or "" when it is no Image API address: the rule of common/facsimile.xsl's iiif-base."""
    path = url.split("?", 1)[0]
    if path.endswith("/info.json"):
        return path[: -len("/info.json")]
    head, sep, after = path.partition("/full/")
    if not sep or "/full/" in after or after.count("/") != 2:
        return ""
    quality = after.split("/")[2].split(".", 1)
    return head if len(quality) == 2 and quality[0] in _QUALITIES else ""


def _image_url(value: str | None, facsimile_base: str) -> str:
    url = (value or "").strip()
    first = re.split(r"[/?#]", url, 1)[0]
    base = safe_url(facsimile_base)
    if url and base and ":" not in first and not url.startswith(("/", "#")):
        url = base + url
    url = safe_url(url)
    return url if url.lower().startswith(("http://", "https://")) else ""


def _is_tiff(graphic) -> bool:
    return graphic.get("mimeType") == "image/tiff" or (graphic.get("url") or "").strip().lower().endswith((".tif", ".tiff"))


def _graphic(target, facsimile_base: str):
    """(graphic, url) shown for a surface, zone or graphic, or (None, "")."""
    if target.tag == f"{{{TEI_NS}}}graphic":
        graphics = [target]
    else:
        graphics = target.findall(f"{{{TEI_NS}}}graphic")
        if not graphics and target.tag == f"{{{TEI_NS}}}zone":
            surface = next(target.iterancestors(f"{{{TEI_NS}}}surface"), None)
            graphics = surface.findall(f"{{{TEI_NS}}}graphic") if surface is not None else []
    shown = [g for g in graphics if not _is_tiff(g)]
    for choice in ([g for g in shown if g.get("rend") != "thumbnail"], shown):
        for graphic in choice:
            url = _image_url(graphic.get("url"), facsimile_base)
            if url:
                return graphic, url
    return None, ""


def _pixels(value: str | None) -> int | None:
    match = _PIXELS.match(value or "")
    return round(float(match.group(1))) or None if match else None


def _size(graphic, surface) -> tuple[int, int] | None:
    width, height = _pixels(graphic.get("width")), _pixels(graphic.get("height"))
    if (not width or not height) and surface is not None:
        try:
            width = round(float(surface.get("lrx")) - float(surface.get("ulx", "0")))
            height = round(float(surface.get("lry")) - float(surface.get("uly", "0")))
        except (TypeError, ValueError):
            width = height = None
    return (width, height) if width and height and width > 0 and height > 0 else None


def _label(element, fallback: str) -> str:
    """A pb's "page N"; a surface's @n, else its label or desc; else `fallback`."""
    number = (element.get("n") or "").strip()
    if element.tag == f"{{{TEI_NS}}}pb":
        return f"page {number}" if number else fallback
    return number or element.xpath("normalize-space((tei:label | tei:desc)[1])", namespaces=_NS) or fallback


def _pages(root, facsimile_base: str):
    """(label, graphic, url, surface) of each page image: the pb with @facs in reading order,
    then the surfaces no pb points at, in document order."""
    by_id = {el.get(_XML_ID): el for el in root.xpath(".//tei:facsimile//*[@xml:id]", namespaces=_NS)}
    seen, pages = set(), []
    for number, pb in enumerate(root.iterfind(".//tei:text//tei:pb[@facs]", _NS), 1):
        pointer = (pb.get("facs") or "").split()[0] if (pb.get("facs") or "").split() else ""
        target = by_id.get(pointer[1:]) if pointer.startswith("#") else None
        if target is not None:
            graphic, url = _graphic(target, facsimile_base)
            surface = target if target.tag == f"{{{TEI_NS}}}surface" else next(target.iterancestors(f"{{{TEI_NS}}}surface"), None)
            seen.update(id(el) for el in (target, surface) if el is not None)
        else:
            graphic, url, surface = etree.Element("graphic", url=pointer), _image_url(pointer, facsimile_base), None
        if url:
            fallback = _label(surface, f"page {number}") if surface is not None else f"page {number}"
            pages.append((_label(pb, fallback), graphic, url, surface))
    # as in the page (common/facsimile.xsl): a surface any @facs of the text points at (at it, one
    # of its zones or graphics) is placed, even where no pb gives it a canvas
    for pointer in root.xpath(".//tei:text//@facs", namespaces=_NS):
        first = pointer.split()[0] if pointer.split() else ""
        target = by_id.get(first[1:]) if first.startswith("#") else None
        if target is not None:
            seen.update(id(el) for el in (target, *target.iterancestors(f"{{{TEI_NS}}}surface")))
    surfaces = root.xpath(".//tei:facsimile//tei:surface | .//tei:sourceDoc//tei:surface[tei:graphic]", namespaces=_NS)
    for number, surface in enumerate(surfaces, 1):
        if id(surface) in seen:
            continue
        graphic, url = _graphic(surface, facsimile_base)
        if url:
            pages.append((_label(surface, f"surface {number}"), graphic, url, surface))
    return pages


def _body(graphic, url: str, size: tuple[int, int] | None) -> dict:
    """The painting annotation's image: its size only where the TEI gives it."""
    base = iiif_image_base(url)
    if base:
        version = 3 if "/full/max/" in url else 2
        service = ({"id": base, "type": "ImageService3", "profile": "level0"} if version == 3
                   else {"@id": base, "@type": "ImageService2", "profile": "level0"})
        image = url if not url.split("?", 1)[0].endswith("/info.json") else f"{base}/full/max/0/default.jpg"
        body = {"id": image, "type": "Image", "format": _format(graphic, image), "service": [service]}
    else:
        body = {"id": url, "type": "Image", "format": _format(graphic, url)}
    if not body["format"]:
        del body["format"]
    if size:
        body["width"], body["height"] = size
    return body


def _format(graphic, url: str) -> str:
    declared = (graphic.get("mimeType") or "").strip()
    return declared if declared.startswith("image/") else (mimetypes.guess_type(url.split("?", 1)[0])[0] or "")


def _title(root) -> str:
    header = root.find("tei:teiHeader", _NS)
    title = header.xpath("normalize-space(tei:fileDesc/tei:titleStmt/tei:title[1])", namespaces=_NS) if header is not None else ""
    return title or "Untitled"


def _language(root) -> str:
    lang = root.xpath("normalize-space((tei:text/@xml:lang | @xml:lang)[1])", namespaces=_NS)
    return lang or "none"


def manifest(root, *, manifest_url: str = "", facsimile_base: str = "", html_url: str = "") -> dict | None:
    """The Presentation 3 manifest of a TEI element's page images, or None when it has none.

    `manifest_url` is the http(s) address the manifest is published at (its id, and the base of
    its canvases' ids); without one the ids are under UNPUBLISHED_BASE. `html_url`, when given, is
    the edition's page, linked as the manifest's homepage."""
    pages = _pages(root, facsimile_base)
    if not pages:
        return None
    own = safe_url(manifest_url)
    if not own.lower().startswith(("http://", "https://")):
        own = UNPUBLISHED_BASE + quote(manifest_url or "manifest.json", safe="/")
    canvases = []
    for number, (label, graphic, url, surface) in enumerate(pages, 1):
        size = _size(graphic, surface)
        width, height = size or DEFAULT_SIZE
        canvas_id = f"{own}/canvas/{number}"
        canvases.append({
            "id": canvas_id, "type": "Canvas", "label": {"none": [label]}, "width": width, "height": height,
            "items": [{"id": f"{canvas_id}/page", "type": "AnnotationPage", "items": [{
                "id": f"{canvas_id}/page/image", "type": "Annotation", "motivation": "painting",
                "body": _body(graphic, url, size), "target": canvas_id}]}],
        })
    result = {"@context": PRESENTATION_CONTEXT, "id": own, "type": "Manifest",
              "label": {_language(root): [_title(root)]}, "items": canvases}
    page = safe_url(html_url, relative=True)
    if page.lower().startswith(("http://", "https://")):
        result["homepage"] = [{"id": page, "type": "Text", "label": {"none": [_title(root)]}, "format": "text/html"}]
    return result


def manifest_name(stem: str) -> str:
    """The manifest's file beside NAME.html."""
    return f"{stem}.manifest.json"
