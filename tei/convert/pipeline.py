"""Conversion: source files to TEI files. The only place where read -> encode -> write are put in order.

Every function here is usable from Python; the command line is a thin layer over `convert_paths`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from ..core.tei import slug
from .encoder import TeiEncoder, serialize_tei
from ..core.errors import OutputError, TeiEditionError
from ..core.files import find_files, not_a_file, skip_reading_texts, write_atomic
from .lossless import check_lossless
from .model import Document
from .names import default_tagger
from .readers import WilsonReader
from .readers.source import decode_source, read_source_file
from .review import Decision, review_decisions
from ..core.xmlsafe import parse_untrusted


@dataclass
class Conversion:
    """The result of converting one document."""

    source: str
    output: str | None = None
    record_id: str = ""
    layout: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    #: the decisions below high certainty (tei/convert/review.py), when the conversion was asked to review them
    decisions: list[Decision] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_dict(self) -> dict:
        return {"source": self.source, "output": self.output, "record_id": self.record_id, "layout": self.layout,
                "warnings": self.warnings, "error": self.error}


def _read(data: bytes | str, name: str) -> tuple[str, Document]:
    """The decoded source text (what the lossless check compares with) and its document model."""
    text, warnings = decode_source(data, name) if isinstance(data, bytes) else (data, [])
    reader = WilsonReader(name)
    reader.warnings.extend(warnings)
    return text, reader.read(text)


def read_document(data: bytes | str, name: str = "<input>") -> Document:
    """Source bytes (or text) -> document model; warnings are on the document."""
    return _read(data, name)[1]


def encode_document(doc: Document) -> etree._ElementTree:
    encoder = TeiEncoder(doc)
    tree = encoder.encode()
    doc.warnings.extend(encoder.warnings)
    default_tagger().tag(tree)  # names linked to the registers, read once per process (docs/encoding.md, Names)
    return tree


def _convert(data: bytes | str, name: str) -> tuple[str, etree._ElementTree, Document]:
    text, doc = _read(data, name)
    tree = encode_document(doc)
    check_lossless(text, tree, name)
    return text, tree, doc


def convert_document(data: bytes | str, name: str = "<input>") -> tuple[etree._ElementTree, Document]:
    """Read, encode and check: the TEI tree and the document model. A conversion that would lose a word
    of the source raises `LostWordsError` (tei/convert/lossless.py), so nothing is written for it."""
    _, tree, doc = _convert(data, name)
    return tree, doc


def convert_reviewed(data: bytes | str, name: str = "<input>") -> tuple[etree._ElementTree, Document, list[Decision]]:
    """`convert_document`, and the decisions below high certainty with the source lines they were read
    from (tei/convert/review.py)."""
    text, tree, doc = _convert(data, name)
    return tree, doc, review_decisions(tree, text, name)


def convert_text(data: bytes | str, name: str = "<input>") -> etree._ElementTree:
    """A source document (bytes or text) as a TEI tree, checked to hold every word of the source."""
    return convert_document(data, name)[0]


def convert_bytes(data: bytes | str, name: str = "<input>") -> tuple[bytes, Document]:
    tree, doc = convert_document(data, name)
    return serialize_tei(tree), doc


# -- files -------------------------------------------------------------------------------

def iter_sources(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files as given, and `*.txt` files under folders (recursively, in sorted order)."""
    return find_files(inputs, (".txt",))


def output_name(doc: Document, source: Path) -> str:
    """`wilson-<record id>.xml`, or a slug of the source's name: never a path from the text."""
    record = slug(doc.metadata.record_id, "A-Za-z0-9", case="keep")
    if record:
        return f"wilson-{record[:64]}.xml"
    stem = slug(source.stem, "A-Za-z0-9._-", case="keep", strip="-.", default="document")
    if stem != source.stem or len(stem) > 80:
        # The hash tells apart the names that the slug made equal; it is kept whole when the
        # name is shortened, or two long names would become one.
        digest = hashlib.sha256(source.stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        stem = stem[:71].rstrip("-.") + "-" + digest
    return f"{stem}.xml"


def convert_file(source: Path, out_dir: Path, force: bool = False, taken: set[str] | None = None,
                 review: bool = False) -> Conversion:
    """Convert one file into `out_dir`; failures are reported in the result, never raised. With
    `review`, the result lists the decisions below high certainty."""
    result = Conversion(source=str(source))
    try:
        if review:
            tree, doc, decisions = convert_reviewed(read_source_file(source), str(source))
            tei = serialize_tei(tree)
        else:
            tei, doc = convert_bytes(read_source_file(source), str(source))
            decisions = []
        result.record_id, result.layout, result.warnings = doc.metadata.record_id, doc.layout, doc.warnings
        name = output_name(doc, source)
        if taken is not None:
            if name in taken:
                raise OutputError(f"another source in this batch has the same record ID ({name})", str(source))
            taken.add(name)
        target = (out_dir / name).resolve()
        if target.parent != out_dir.resolve():
            raise OutputError("output name would leave the output folder", str(source))
        if target.exists() and not force:
            raise OutputError(f"{target} exists (use --force to overwrite)", str(source))
        try:
            write_atomic(target, tei)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}", str(source)) from None
        result.output = str(target)
        for decision in decisions:
            decision.tei = result.output
        result.decisions = decisions
    except TeiEditionError as exc:
        result.error = exc.message
    except RecursionError:
        result.error = "the document is nested too deeply to convert"
    return result


def convert_paths(inputs: Iterable[str | os.PathLike], out_dir: str | os.PathLike, force: bool = False,
                  progress: Callable[[Conversion], None] | None = None, review: bool = False) -> list[Conversion]:
    """Convert every source; one bad document never stops the batch. With `review`, each result lists
    its decisions below high certainty (tei/convert/review.py)."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError("the output path exists and is not a folder", str(out))
    results = []
    taken: set[str] = set()
    for source in iter_sources(inputs):
        if not source.is_file():
            result = Conversion(source=str(source), error=not_a_file(source, (".txt",)))
        else:
            result = convert_file(source, out, force=force, taken=taken, review=review)
        results.append(result)
        if progress:
            progress(result)
    return results


def tagged_sources(inputs: Iterable[str | Path]) -> Iterator[tuple[str, etree._ElementTree | None, str | None]]:
    """(source, tagged TEI tree, error) for archive exports (.txt, converted) and TEI files (.xml, read and
    tagged); folders are searched for both. One unreadable source never stops the others. (Here and
    not in names.py: it runs the conversion, which runs the name tagging.)"""
    # links out of a folder are not followed; a site's reading texts beside their TEI are not sources
    for source in skip_reading_texts(find_files(inputs, (".txt", ".xml"))):
        try:
            if source.is_dir():
                raise TeiEditionError(not_a_file(source, (".txt", ".xml")))
            if source.suffix.lower() == ".xml":
                tree = parse_untrusted(source)
                default_tagger().tag(tree)
            else:
                # read with a bound: a FIFO or a device is refused, not waited on or read without end
                tree = convert_text(read_source_file(source), str(source))
        except TeiEditionError as exc:
            yield str(source), None, exc.message
        except OSError as exc:
            yield str(source), None, f"cannot read: {exc.strerror or exc}"
        else:
            yield str(source), tree, None


def review_paths(inputs: Iterable[str | Path]) -> tuple[list[Decision], list[tuple[str, str]]]:
    """(decisions, failures) for archive exports (*.txt: converted in memory, with their source lines)
    and TEI files (*.xml: read as untrusted XML, without lines), and folders of either. A file that
    cannot be read or converted is a failure, (file, message); the others are still reviewed."""
    decisions: list[Decision] = []
    failures: list[tuple[str, str]] = []
    for path in skip_reading_texts(find_files(inputs, (".txt", ".xml"))):
        try:
            if not path.is_file():
                failures.append((str(path), not_a_file(path, (".txt", ".xml"))))
            elif path.suffix.lower() == ".xml":
                decisions += review_decisions(parse_untrusted(path, name=str(path)), document=str(path))
            else:
                decisions += convert_reviewed(read_source_file(path), str(path))[2]
        except TeiEditionError as exc:
            failures.append((str(path), exc.message))
        except RecursionError:
            failures.append((str(path), "the document is nested too deeply to review"))
    return decisions, failures
