"""Running the xslt/ stylesheets on untrusted TEI, with the XSLT engine's powers taken away.

The stylesheets may not write files or reach the network; `document()` may read only files inside
the input's folder, and those are parsed with the same safety rules as the input itself, and the
interface's words in a language ("interface-labels:LANG", from the message catalogue).

A stylesheet is compiled once per process: the folder `document()` may read is the run's
(`run(..., folder=)`), held in a context variable while the transformation runs, not a part of the
compiled stylesheet. A build of many documents, each in a folder of its own, then compiles each
stylesheet once rather than once per document.
"""

from __future__ import annotations

import contextvars
import functools
from pathlib import Path

from lxml import etree

from ..core.errors import RenderError, UnsafeXMLError
from ..core.messages import interface_languages, labels_document
from ..core.resources import xslt_path
from ..core.xmlsafe import one_line, parse_untrusted

ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                 read_network=False, write_network=False)


#: The address under which the stylesheets read the interface's words in a language
#: (`document('interface-labels:de')`): the message catalogue's, never a file.
LABELS_SCHEME = "interface-labels:"

#: The folder `document()` may read during the transformation under way in this thread or task,
#: as given: it is resolved only when a document is read (resolving costs a system call a folder).
_RUN_FOLDER: contextvars.ContextVar[Path | None] = contextvars.ContextVar("document_folder", default=None)


class _InputFolderResolver(etree.Resolver):
    """Lets `document()` read files inside one folder (and the stylesheets' own folder, for
    `xsl:include`), refusing everything else. The folder is the running transformation's, or,
    when it names none, the one given at compile time."""

    def __init__(self, folder: Path | None):
        super().__init__()
        self.folder = folder.resolve() if folder else None

    def resolve(self, url, pubid, context):
        if url.startswith(LABELS_SCHEME):
            language = url[len(LABELS_SCHEME):]
            if language not in interface_languages():
                raise RenderError(f"no interface language {language!r}; choose one of {', '.join(interface_languages())}")
            return self.resolve_string(labels_document(language), context)
        if url.startswith(("http:", "https:", "ftp:")):
            raise RenderError(f"document() may not reach the network: {url}")
        path = Path(url[7:] if url.startswith("file://") else url).resolve()
        folder = _RUN_FOLDER.get()
        folder = folder.resolve() if folder else self.folder
        allowed = [_stylesheet_folder()] + ([folder] if folder else [])
        if not any(path == root or root in path.parents for root in allowed):
            raise RenderError(f"document() may only read files in the input's folder: {url}")
        try:
            tree = parse_untrusted(path)
        except UnsafeXMLError as exc:
            raise RenderError(f"document() refused {path.name}: {exc.message}") from None
        return self.resolve_string(etree.tostring(tree), context)


@functools.lru_cache(maxsize=1)
def _stylesheet_folder() -> Path:
    return xslt_path(".").resolve()


def compile_stylesheet(path: Path, folder: Path | None = None) -> etree.XSLT:
    """Compile a stylesheet whose document() may read only `folder` (and xslt/ itself), unless a
    run names another folder."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_InputFolderResolver(folder))
    try:
        return etree.XSLT(etree.parse(str(path), parser), access_control=ACCESS)
    except (etree.XSLTParseError, etree.XMLSyntaxError) as exc:
        raise RenderError(f"stylesheet {path.name} does not compile: {one_line(exc)}") from None


@functools.lru_cache(maxsize=32)
def compiled(name: str) -> etree.XSLT:
    """A stylesheet of xslt/ by file name, compiled once per process; `run(..., folder=)` says
    which folder its document() may read."""
    return compile_stylesheet(xslt_path(name), None)


@functools.lru_cache(maxsize=64)
def _quoted(value: str) -> object:
    """A parameter's value as an XPath string, quoted once per process for the values every run
    passes (the page's CSS and script, some 20 KB, are encoded anew by each quoting)."""
    return etree.XSLT.strparam(value)


def run(stylesheet: etree.XSLT, tree: etree._ElementTree, params: dict[str, str],
        folder: Path | None = None) -> etree._XSLTResultTree:
    """Apply a stylesheet; every parameter is passed as a string, never as an XPath expression.
    While it runs, `document()` may read files in `folder` (else the compile-time folder) only."""
    quoted = {name: _quoted(str(value)) for name, value in params.items()}
    token = _RUN_FOLDER.set(folder)
    try:
        result = stylesheet(tree, **quoted)
    except etree.XSLTApplyError as exc:
        raise RenderError(f"transformation failed: {one_line(exc)}") from None
    finally:
        _RUN_FOLDER.reset(token)
    errors = [entry for entry in stylesheet.error_log if entry.level_name in ("ERROR", "FATAL")]
    if result.getroot() is None and errors:
        raise RenderError(f"transformation failed: {one_line(errors[0].message)}")
    return result
