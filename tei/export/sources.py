"""Reading the documents to export: TEI files, folders of them, and archive text exports.

Every XML file is untrusted and goes through `parse_untrusted`. A source that cannot be read
becomes a `SourceFailure` (reported as `file: error: cause`) and never stops the others.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

from ..convert.pipeline import convert_bytes, output_name
from ..core.tei import TEI_NS, slug
from ..core.errors import TeiEditionError
from ..core.files import find_files, read_bounded, skip_reading_texts
from ..core.xmlsafe import MAX_XML_BYTES, parse_untrusted

SOURCE_SUFFIXES = (".xml", ".txt")



@dataclass
class SourceDocument:
    """One TEI document, as parsed, with the bytes to copy and a name unique in the export."""

    id: str
    path: Path
    data: bytes
    tree: etree._ElementTree

    @property
    def file_name(self) -> str:
        return f"{self.id}.xml"


@dataclass(frozen=True)
class SourceFailure:
    path: str
    cause: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.cause}"


def iter_source_paths(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files as given; under folders, `*.xml` and `*.txt` files, recursively, in sorted order; a
    site's reading texts beside their TEI are not sources (`files.skip_reading_texts`)."""
    return skip_reading_texts(find_files(inputs, SOURCE_SUFFIXES))


def safe_id(name: str) -> str:
    """A file stem usable as a file name and (with `ncname`) as an xml:id."""
    return slug(name, "A-Za-z0-9._-", case="keep", strip="-.", limit=100, default="document")


def read_source(path: Path) -> SourceDocument:
    """A TEI file, or a text export converted in memory. Raises TeiEditionError."""
    try:
        raw = read_bounded(path, MAX_XML_BYTES)  # a device or FIFO is refused, not read without end
        if len(raw) > MAX_XML_BYTES:
            raise TeiEditionError(f"file too large (over {MAX_XML_BYTES} bytes, the limit)")
    except ValueError as exc:
        raise TeiEditionError(str(exc)) from None
    except OSError as exc:
        raise TeiEditionError(f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".txt":
        data, doc = convert_bytes(raw, str(path))
        stem = output_name(doc, path)[: -len(".xml")]
    else:
        data, stem = raw, path.stem
    tree = parse_untrusted(data, name=str(path))
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise TeiEditionError(f"not a TEI document (the root element is {etree.QName(root).localname})")
    if root.find(f"{{{TEI_NS}}}teiHeader") is None:
        raise TeiEditionError("the TEI document has no teiHeader")
    return SourceDocument(id=safe_id(stem), path=path, data=data, tree=tree)


def load_sources(inputs: Iterable[str | os.PathLike]) -> tuple[list[SourceDocument], list[SourceFailure]]:
    """Every readable document, sorted by id, and one failure per unreadable source."""
    documents: dict[str, SourceDocument] = {}
    failures: list[SourceFailure] = []
    for path in iter_source_paths(inputs):
        if not path.exists():
            failures.append(SourceFailure(str(path), "no such file or folder"))
            continue
        try:
            document = read_source(path)
        except TeiEditionError as exc:
            failures.append(SourceFailure(str(path), exc.message))
            continue
        except RecursionError:
            failures.append(SourceFailure(str(path), "the document is nested too deeply to read"))
            continue
        if document.id in documents:
            failures.append(SourceFailure(str(path), f"another source has the same name ({document.id}); "
                                                     f"first: {documents[document.id].path}"))
            continue
        documents[document.id] = document
    return [documents[key] for key in sorted(documents)], failures
