"""The output formats, each named once: what it is called, the file it writes, its media type and
what makes it.

The command line's choices, the build's renderings, the renderer's stylesheets and dispatch and
the export's dispatch are all read from `FORMATS` (pandoc keeps such a table of its writers). A new
format is a row here and the code that makes it; tests/core/test_formats.py checks that every consumer
sees the row.
"""

from __future__ import annotations

from dataclasses import dataclass

RENDER = "render"
EXPORT = "export"


@dataclass(frozen=True)
class Format:
    name: str
    #: RENDER (one reading edition of each TEI file) or EXPORT (one output for a set of files)
    kind: str
    #: the suffix of the file it writes; "" when it writes a folder
    suffix: str
    #: the IANA media type of that file; "" for a folder
    media_type: str
    #: what makes it: the stylesheet of xslt/ for a rendering, the module of tei/export for an export
    made_by: str
    #: the Debian packages it needs beyond the Python ones, checked before a build makes it
    system_packages: str = ""


FORMATS: tuple[Format, ...] = (
    Format("html", RENDER, ".html", "text/html", "html.xsl"),
    # printed from the HTML by WeasyPrint, which loads Pango
    Format("pdf", RENDER, ".pdf", "application/pdf", "html.xsl", system_packages="libpango-1.0-0 libpangoft2-1.0-0"),
    Format("txt", RENDER, ".txt", "text/plain", "text.xsl"),
    Format("tei-corpus", EXPORT, ".xml", "application/tei+xml", "corpus"),
    Format("cmif", EXPORT, ".xml", "application/tei+xml", "cmif"),
    # a folder of records, or one OAI-PMH ListRecords file when the output's name ends in .xml
    Format("dc", EXPORT, "", "", "dc"),
    Format("csv", EXPORT, ".csv", "text/csv", "catalogue"),
    Format("json", EXPORT, ".json", "application/json", "catalogue"),
    Format("bagit", EXPORT, "", "", "bag"),
)


def format_names(kind: str) -> tuple[str, ...]:
    """The names of the formats of one kind, in the table's order."""
    return tuple(f.name for f in FORMATS if f.kind == kind)


def format_named(name: str) -> Format:
    """The row of a format; KeyError for a name the table does not hold."""
    for row in FORMATS:
        if row.name == name:
            return row
    raise KeyError(name)


def one_of(names: tuple[str, ...]) -> str:
    """`html, pdf and txt`: the names for a message."""
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)
