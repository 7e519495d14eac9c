"""Running the xslt/ stylesheets on untrusted TEI, with the XSLT engine's powers taken away.

The stylesheets may not write files or reach the network; `document()` may read only files inside
the input's folder, and those are parsed with the same safety rules as the input itself.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from ..errors import RenderError, UnsafeXMLError
from ..resources import xslt_path
from ..xmlsafe import one_line, parse_untrusted

ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                 read_network=False, write_network=False)


class _InputFolderResolver(etree.Resolver):
    """Lets `document()` read files inside one folder (and the stylesheets' own folder, for
    `xsl:include`), refusing everything else."""

    def __init__(self, folder: Path | None):
        super().__init__()
        self.folder = folder.resolve() if folder else None

    def resolve(self, url, pubid, context):
        if url.startswith(("http:", "https:", "ftp:")):
            raise RenderError(f"document() may not reach the network: {url}")
        path = Path(url[7:] if url.startswith("file://") else url).resolve()
        allowed = [xslt_path(".").resolve()] + ([self.folder] if self.folder else [])
        if not any(path == root or root in path.parents for root in allowed):
            raise RenderError(f"document() may only read files in the input's folder: {url}")
        try:
            tree = parse_untrusted(path)
        except UnsafeXMLError as exc:
            raise RenderError(f"document() refused {path.name}: {exc.message}") from None
        return self.resolve_string(etree.tostring(tree), context)


def compile_stylesheet(path: Path, folder: Path | None) -> etree.XSLT:
    """Compile a stylesheet whose document() may read only `folder` (and xslt/ itself)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_InputFolderResolver(folder))
    try:
        return etree.XSLT(etree.parse(str(path), parser), access_control=ACCESS)
    except (etree.XSLTParseError, etree.XMLSyntaxError) as exc:
        raise RenderError(f"stylesheet {path.name} does not compile: {one_line(exc)}") from None


@functools.lru_cache(maxsize=32)
def compiled(name: str, folder: Path | None = None) -> etree.XSLT:
    """A stylesheet of xslt/ by file name, compiled once per input folder (the folder is part of
    the resolver that guards `document()`)."""
    return compile_stylesheet(xslt_path(name), folder)


def run(stylesheet: etree.XSLT, tree: etree._ElementTree, params: dict[str, str]) -> etree._XSLTResultTree:
    """Apply a stylesheet; every parameter is passed as a string, never as an XPath expression."""
    quoted = {name: etree.XSLT.strparam(str(value)) for name, value in params.items()}
    try:
        result = stylesheet(tree, **quoted)
    except etree.XSLTApplyError as exc:
        raise RenderError(f"transformation failed: {one_line(exc)}") from None
    errors = [entry for entry in stylesheet.error_log if entry.level_name in ("ERROR", "FATAL")]
    if result.getroot() is None and errors:
        raise RenderError(f"transformation failed: {one_line(errors[0].message)}")
    return result
