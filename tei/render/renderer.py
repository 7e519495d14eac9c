"""TEI file -> HTML page, PDF or plain text, through the stylesheets in xslt/.

Works on any TEI P5 file, not only the converter's: the stylesheets read TEI, not our model.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterable

from lxml import etree

from ..core.formats import RENDER, format_named, format_names
from ..core.tei import TEI_NS
from ..core.errors import OutputError, RenderError, TeiEditionError
from ..core.files import find_files, not_a_file, read_bounded, write_atomic
from ..core.messages import interface_languages
from ..core.resources import xslt_path
from ..core.xmlsafe import MAX_XML_BYTES, duplicate_ids, parse_untrusted
from . import corpus, iiif, transform
from .plaintext import wrap_text

#: The renderings, from the one table of formats (tei/core/formats.py).
FORMATS = format_names(RENDER)
VIEWS = ("diplomatic", "reading")
#: The plain text's line width, passed to the stylesheet as $text-width.
TEXT_WIDTH = 72
#: View shown first when none is asked for: HTML and PDF show the source's marks, text reads clean.
DEFAULT_VIEW = {"html": "diplomatic", "pdf": "diplomatic", "txt": "reading"}
#: The values a parameter of xslt/params.xsl may take, where they are a fixed few (compared
#: case-insensitively); the stylesheets would otherwise fall back to a default without a word.
PARAMETER_CHOICES = {"paper": ("A4", "letter"), "footnotes": ("end", "page"), "inline-notes": ("yes", "no"),
                     "interface-language": interface_languages()}
#: Parameters whose value is a count (a positive whole number).
COUNT_PARAMETERS = ("text-width", "short-title-length")


@functools.lru_cache(maxsize=1)
def stylesheet_parameters() -> frozenset[str]:
    """Names of the parameters documented in xslt/params.xsl (the only ones accepted)."""
    tree = etree.parse(str(xslt_path("params.xsl")))
    return frozenset(tree.xpath("/*/*[local-name()='param']/@name"))


@functools.lru_cache(maxsize=4)
def _asset(name: str) -> str:
    """A file of xslt/ that every page embeds (edition.css, edition.js), read once per process."""
    return xslt_path(name).read_text(encoding="utf-8")


#: The stylesheet of xslt/ each output is made with (the PDF is printed from the HTML).
STYLESHEETS = {name: format_named(name).made_by for name in FORMATS}


def compile_stylesheets(formats: Iterable[str]) -> None:
    """Compile, in this thread, the stylesheets of these outputs: a thread pool's threads then
    share them, since libxslt through lxml has been seen to run a stylesheet compiled in a pool
    thread wrongly ("xsl:element: The attribute 'name' is missing")."""
    for name in {STYLESHEETS[fmt] for fmt in formats}:
        transform.compiled(name)


def _check(to: str, view: str | None, params: dict[str, str]) -> None:
    if to not in FORMATS:
        raise RenderError(f"unknown output format {to!r}; choose one of {', '.join(FORMATS)}")
    if view is not None and view not in VIEWS:
        raise RenderError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    unknown = sorted(set(params) - stylesheet_parameters())
    if unknown:
        known = ", ".join(sorted(stylesheet_parameters()))
        raise RenderError(f"unknown stylesheet parameter {', '.join(unknown)}; known: {known}")
    for name, value in params.items():
        choices = PARAMETER_CHOICES.get(name)
        if choices and value.lower() not in (choice.lower() for choice in choices):
            raise RenderError(f"stylesheet parameter {name} cannot be {value!r}; choose {' or '.join(choices)}")
        if name in COUNT_PARAMETERS and not (value.isdigit() and int(value) > 0):
            raise RenderError(f"stylesheet parameter {name} must be a positive whole number, not {value!r}")


def _read_tei(path: Path, warnings: list[str] | None = None) -> tuple[etree._ElementTree, bytes]:
    """The parsed file and its bytes (the PDF attaches exactly what was rendered); what is odd
    but renderable is added to `warnings`."""
    try:
        source = read_bounded(path, MAX_XML_BYTES)  # parse_untrusted refuses one byte more
    except ValueError as exc:
        raise RenderError(str(exc), str(path)) from None
    except OSError as exc:
        raise RenderError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    tree = parse_untrusted(source, name=str(path), xinclude="fallback", repeated_ids="allow",
                           warnings=warnings)
    if warnings is not None:  # looking for repeated ids walks the file: only when they are reported
        for value, line, first in duplicate_ids(tree):
            warnings.append(f"line {line}: xml:id {value!r} is used again (first on line {first}); "
                            "links to it go to the first")
    _check_root(tree.getroot(), path)
    return tree, source


def _check_root(root, path: Path) -> None:
    """A TEI document or corpus; anything else is named, with what would be accepted."""
    name = etree.QName(root)
    if name.namespace == TEI_NS and name.localname in ("TEI", "teiCorpus"):
        return
    accepted = f"render accepts a TEI document (root TEI) or a corpus (root teiCorpus) in the TEI namespace {TEI_NS}"
    if name.namespace == TEI_NS:
        what = f"the root is <{name.localname}>, a fragment of a TEI document, not a whole one"
    elif name.localname in ("TEI", "teiCorpus"):
        what = (f"the root <{name.localname}> is in no namespace" if name.namespace is None
                else f"the root <{name.localname}> is in the namespace {name.namespace}")
    else:
        what = f"the root is <{name.localname}>" + (f" in the namespace {name.namespace}" if name.namespace else "")
    raise RenderError(f"not a TEI P5 document: {what}; {accepted}", str(path))


def _is_corpus(tree) -> bool:
    return tree.getroot().tag == f"{{{TEI_NS}}}teiCorpus"


def _html(tree, path: Path, view: str, footnotes: str, params: dict[str, str]) -> bytes:
    if _is_corpus(tree):
        parts = corpus.members(tree.getroot())
        header = _html_document(corpus.header_document(tree.getroot(), list(enumerate(parts, 1))), path, view, footnotes, params)
        return corpus.join_html(header, [_html_document(etree.ElementTree(part), path, view, footnotes, params)
                                         for part in parts])
    return _html_document(tree, path, view, footnotes, params)


def _html_document(tree, path: Path, view: str, footnotes: str, params: dict[str, str]) -> bytes:
    settings = {
        "view": view,
        "footnotes": footnotes,
        "css": _asset("edition.css"),
        "js": _asset("edition.js"),
        "source-name": path.name,
        **params,
    }
    result = transform.run(transform.compiled(STYLESHEETS["html"]), tree, settings, folder=path.parent)
    return bytes(result)


def _text(tree, path: Path, view: str, params: dict[str, str]) -> bytes:
    settings = {
        "view": view,
        "inline-notes": "yes" if view == "diplomatic" else "no",
        "text-width": str(TEXT_WIDTH),
        "source-name": path.name,
        **params,
    }
    width = int(settings["text-width"])  # a positive whole number: `_check` has refused others

    def one(document) -> str:
        result = transform.run(transform.compiled(STYLESHEETS["txt"]), document, settings, folder=path.parent)
        return wrap_text(str(result), width)

    if _is_corpus(tree):
        parts = corpus.members(tree.getroot())
        header = one(corpus.header_document(tree.getroot(), list(enumerate(parts, 1))))
        return corpus.join_text(header, [one(etree.ElementTree(part)) for part in parts], width).encode("utf-8")
    return one(tree).encode("utf-8")


def _make_txt(tree, path: Path, view: str, params: dict[str, str], source: bytes, warnings) -> bytes:
    return _text(tree, path, view, params)


def _make_html(tree, path: Path, view: str, params: dict[str, str], source: bytes, warnings) -> bytes:
    return _html(tree, path, view, params.pop("footnotes", "end"), params)


def _make_pdf(tree, path: Path, view: str, params: dict[str, str], source: bytes, warnings) -> bytes:
    from .pdf import html_to_pdf

    params.pop("footnotes", None)
    page = _html(tree, path, view, "page", params)
    return html_to_pdf(page, source=source, source_name=params.get("source-name") or path.name,
                       endnotes_html=lambda: _html(tree, path, view, "end", params), warnings=warnings)


#: What makes each rendering of FORMATS (tests/core/test_formats.py checks that they are the same).
MAKERS = {"html": _make_html, "pdf": _make_pdf, "txt": _make_txt}


def require_system_packages(formats: Iterable[str]) -> None:
    """Fail at once, in one line naming the missing packages, when a format that needs system
    packages (the PDF's Pango, through WeasyPrint) cannot load them."""
    if any(format_named(fmt).system_packages for fmt in formats):
        from .pdf import load_weasyprint

        load_weasyprint()


def render(path: str | Path, to: str, *, view: str | None = None,
           params: dict[str, str] | None = None, warnings: list[str] | None = None,
           manifests: list[dict] | None = None) -> bytes:
    """Render one TEI file to `to` ('html', 'pdf' or 'txt') and return the bytes; warnings (a
    repeated xml:id, a placeholder for an XInclude) are added to `warnings` when it is given.

    With `manifests` given, an HTML page of a document with page images links to its IIIF
    manifest (NAME.manifest.json beside it, or the iiif-manifest parameter's address), which is
    appended to `manifests` for the caller to write."""
    path = Path(path)
    params = dict(params or {})
    view = view or params.pop("view", None) or DEFAULT_VIEW.get(to)
    if "interface-language" in params:
        params["interface-language"] = params["interface-language"].lower()
    _check(to, view, params)
    tree, source = _read_tei(path, warnings)
    if manifests is not None and to == "html":
        address = params.get("iiif-manifest") or iiif.manifest_name(path.stem)
        published = address.lower().startswith(("http://", "https://"))
        found = iiif.manifest(tree.getroot(), manifest_url=address if published else iiif.manifest_name(path.stem),
                              facsimile_base=params.get("facsimile-base", ""))
        if found is not None:
            manifests.append(found)
            params["iiif-manifest"] = address
            if not published and warnings is not None:
                warnings.append(f"the IIIF manifest's ids are under {iiif.UNPUBLISHED_BASE} until the "
                                "iiif-manifest parameter gives the http(s) address it is published at")
    try:
        return MAKERS[to](tree, path, view, params, source, warnings)
    except RenderError as exc:
        exc.path = exc.path or str(path)
        raise
    except RecursionError:  # a layout engine that recurses deeper than Python allows
        raise RenderError(f"the document is nested too deeply to render as {to.upper()}", str(path)) from None


def tei_files(inputs: list[str | Path]) -> list[Path]:
    """The TEI files named, with each folder replaced by the .xml files under it."""
    files = list(find_files(inputs, (".xml",)))
    for path in files:
        if not path.is_file():
            raise RenderError(not_a_file(path, (".xml",)), str(path))
    return files


def render_files(inputs: list[str | Path], to: str, out_dir: str | Path, *, view: str | None = None,
                 params: dict[str, str] | None = None,
                 warnings: list[str] | None = None) -> tuple[list[Path], list[TeiEditionError]]:
    """Render files and folders of TEI into `out_dir` (NAME.xml -> NAME.html/.pdf/.txt).

    Returns the files written and the errors of the documents that failed: one bad document
    never stops the others. Only what concerns the whole batch (an unknown format or parameter,
    two inputs with one output name, an output folder that cannot be made) is raised. Warnings
    ("FILE: warning: ...") are added to `warnings` when it is given.
    """
    _check(to, view, dict(params or {}))
    files = list(find_files(inputs, (".xml",)))
    stems = [file.stem for file in files]
    twice = sorted({stem for stem in stems if stems.count(stem) > 1})
    if twice:
        raise OutputError(f"two inputs would write the same output: {', '.join(twice)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder: {exc.strerror}", str(out)) from None
    written, failures = [], []
    for file in files:
        target = out / f"{file.stem}{format_named(to).suffix}"
        try:
            if not file.is_file():
                raise RenderError(not_a_file(file, (".xml",)), str(file))
            noted: list[str] = []
            manifests: list[dict] = []
            data = render(file, to, view=view, params=params, warnings=noted, manifests=manifests)
            if warnings is not None:
                warnings.extend(f"{file}: warning: {message}" for message in noted)
            try:
                for found in manifests:  # the HTML's page images, for IIIF viewers
                    manifest_path = out / iiif.manifest_name(file.stem)
                    write_atomic(manifest_path, json.dumps(found, ensure_ascii=False, indent=1).encode("utf-8"))
                    written.append(manifest_path)
                write_atomic(target, data)  # a full disk or a kill never leaves half a file
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror}", str(target)) from None
        except TeiEditionError as exc:
            exc.path = exc.path or str(file)
            failures.append(exc)
            continue
        written.append(target)
    return written, failures
