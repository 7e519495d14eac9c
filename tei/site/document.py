"""One document, in a worker: its source's bytes converted, validated and rendered into its files
and its catalogue record, as data (`make_document`). Everything this module imports, directly or
not, shapes what the build caches of a document: the document cache's key is made from these
modules' code (`DOCUMENT_MODULES`, read through the package's import graph, `tei.core.imports`),
with the stylesheets, schemas and registers, so a change to the site's pages or templates keeps
the documents cached and a change to a converter, validator or renderer makes them again."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import langcodes
from lxml import etree

from ..convert.pipeline import convert_bytes, output_name
from ..convert.review import count_decisions
from ..core.errors import TeiEditionError
from ..core.messages import SOURCE_LANGUAGE
from ..core.tei import TEI_PREFIXES
from ..core.registers import Registers
from ..core.tei import slug as core_slug
from ..core.tei import text_of

#: The modules whose code makes a document's files and record: this one and, through the import
#: graph, every module of the package it imports.
DOCUMENT_MODULES = (__name__,)


@dataclass
class DocumentBuild:
    """What the build knows of one document after the per-document stages."""

    source: str
    key: str
    id: str = ""
    record: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: str = ""
    #: how many of the converter's decisions are below high certainty (tei/convert/review.py)
    review: int = 0
    #: seconds spent in each stage (convert, validate, html, pdf, txt), for the benchmark
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors and not self.failed


def slug(text: str) -> str:
    """An anchor or a file stem for the site's pages: 'Kim Il Sung' -> 'kim-il-sung', never empty."""
    return core_slug(text, default="x")


def _language_name(code: str) -> str:
    try:
        return langcodes.Language.get(code).display_name()
    except (LookupError, ValueError):
        return code


def catalogue_record(tree: etree._ElementTree) -> dict:
    """The metadata the site's lists need, read from the TEI (so any TEI would do); names that
    point to a register entry are listed under the entry's main name."""
    from ..core.record import DocumentRecord

    record = DocumentRecord.from_tei(tree)
    root = tree.getroot()
    registers = Registers.package()

    def names(tag: str, prefix: str, extra: list[str] = ()) -> list[dict]:
        """Each entity named once: {anchor, name, entry}, the anchor being the site's index entry."""
        found: dict[str, dict] = {}
        for element in root.xpath(f"//t:text//t:{tag}[@ref] | //t:correspDesc//t:{tag}", namespaces=TEI_PREFIXES):
            ids = [i for i in map(registers.entry_id, (element.get("ref") or "").split()) if i]
            if ids:
                entry = registers.entries[ids[0]]
                found[f"{prefix}-{entry.ident}"] = {"anchor": f"{prefix}-{entry.ident}", "name": entry.name, "entry": entry.ident}
            elif text_of(element):
                name = text_of(element)
                found.setdefault(f"{prefix}-{slug(name)}", {"anchor": f"{prefix}-{slug(name)}", "name": name, "entry": ""})
        for name in extra:
            if not any(item["name"] == name for item in found.values()):
                found[f"{prefix}-{slug(name)}"] = {"anchor": f"{prefix}-{slug(name)}", "name": name, "entry": ""}
        return sorted(found.values(), key=lambda item: (item["name"].lower(), item["anchor"]))

    return {
        "title": record.title,
        "date": record.date.sort_key if record.date else "",
        "date_text": record.date.text if record.date else "",
        "type": record.doc_type,
        "classification": record.classification,
        "languages": record.original_languages,
        "language_names": [_language_name(code) for code in record.original_languages],
        "archive": record.repository,
        "published_in": record.published_in,
        "record_id": record.record_id,
        "uri": record.uri,
        "summary": record.summary,
        "topics": record.topics,
        "places": names("placeName", "place", record.places),
        "people": names("persName", "person"),
        "organisations": names("orgName", "org"),
        "translators": record.translators,
    }


def make_document(source: str, data: bytes, key: str, formats: tuple[str, ...],
                  scratch_in: str | None = None, language: str = SOURCE_LANGUAGE) -> tuple[DocumentBuild, dict[str, bytes]]:
    """Convert, validate and render one source's bytes: the document's record and its files
    ({"xml": TEI, "html": ..., ...}) as data, so that it can run where the cache is not (another
    machine), with the interface words of the renderings in `language`; never raises for bad input.
    The validator and the stylesheets read files, so the TEI is written to a temporary folder (in `scratch_in`, else the system's), removed before it returns."""
    from ..render.renderer import render
    from ..validate.validator import Validator

    result = DocumentBuild(source=source, key=key)
    outputs: dict[str, bytes] = {}
    scratch = tempfile.mkdtemp(prefix=f".{key}.scratch-", dir=scratch_in)
    try:
        clock = time.perf_counter()
        tei, doc = convert_bytes(data, source)
        result.seconds["convert"] = time.perf_counter() - clock
        result.warnings = list(doc.warnings)
        result.id = Path(output_name(doc, Path(source))).stem
        tei_path = Path(scratch) / "document.xml"
        tei_path.write_bytes(tei)
        outputs["xml"] = tei
        result.files.append("xml")
        clock = time.perf_counter()
        # the TEI is parsed once, as `validate` parses a file, for the messages and the record
        messages, tree = Validator().validate_bytes(tei, f"{result.id}.xml")
        result.seconds["validate"] = time.perf_counter() - clock
        result.errors = [str(m) for m in messages if m.severity == "error"]
        result.warnings += [str(m) for m in messages if m.severity != "error"]
        tree = tree if tree is not None else etree.ElementTree(etree.fromstring(tei))
        result.record = catalogue_record(tree)
        result.review = count_decisions(tree)
        for fmt in formats:
            params = {"source-name": f"{result.id}.xml", "interface-language": language}
            if fmt == "html":
                params["name-index"] = "../browse/"  # names link to the site's index entries
            clock = time.perf_counter()
            try:
                outputs[fmt] = render(tei_path, fmt, params=params)
            except TeiEditionError as exc:
                if fmt == "html":
                    raise
                # One rendering that fails (a font, a PDF library) does not hold back the others.
                result.warnings.append(f"no {fmt.upper()}: {exc.message}")
                continue
            result.seconds[fmt] = time.perf_counter() - clock
            result.files.append(fmt)
    except TeiEditionError as exc:
        result.failed = exc.message
        outputs = {}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result, outputs
