"""Exports of an edition for other archives, aggregators and preservation.

    result = export("cmif", ["edition/tei"], "cmif.xml", registers=Registers.load("registers"))

`export` reads the sources (a bad one is reported in `result.failures` and the others go on),
builds the format, and writes it atomically: the output appears complete, or not at all. One
module per format; `record.DocumentRecord` is the one reader of TEI metadata they share.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..core.formats import EXPORT, format_names
from ..core.errors import OutputError
from .bag import build_bag
from .catalogue import catalogue_csv, catalogue_json
from .cmif import build_cmif
from .corpus import build_corpus
from .dc import dc_record, list_records
from .edition import Edition
from .output import folder_atomic, write_file
from ..core.record import DocumentRecord
from ..core.registers import Registers
from .sources import SourceDocument, SourceFailure, load_sources
from .xmlbuild import to_bytes

#: The exports, from the one table of formats (tei/core/formats.py).
FORMATS = format_names(EXPORT)


@dataclass
class ExportResult:
    format: str
    output: Path | None = None
    documents: list[str] = field(default_factory=list)
    failures: list[SourceFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.output is not None and not self.failures


def records_of(documents: list[SourceDocument]) -> list[DocumentRecord]:
    return [DocumentRecord.from_tei(d.tree, id=d.id, file=d.file_name) for d in documents]


def export(fmt: str, sources: Iterable[str | os.PathLike], output: str | os.PathLike, *,
           registers: Registers | None = None, edition: Edition | None = None, include: str | os.PathLike | None = None,
           cmif_url: str = "", force: bool = False) -> ExportResult:
    """Export the readable sources; nothing is written when none is readable."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    registers = registers or Registers()
    edition = edition or Edition()
    target = Path(output)
    documents, failures = load_sources(sources)
    result = ExportResult(fmt, documents=[d.id for d in documents], failures=failures)
    if not documents:
        return result
    job = _Job(target, documents, records_of(documents), registers, edition,
               Path(include) if include is not None else None, cmif_url, force)
    WRITERS[fmt](job)
    result.output = target
    return result


@dataclass
class _Job:
    """What one export is made from and where it goes."""

    target: Path
    documents: list[SourceDocument]
    records: list[DocumentRecord]
    registers: Registers
    edition: Edition
    include: Path | None
    cmif_url: str
    force: bool


def _tei_corpus(job: _Job) -> None:
    write_file(job.target, to_bytes(build_corpus(job.documents, job.records, job.registers, job.edition)), job.force)


def _cmif(job: _Job) -> None:
    cmif = build_cmif(job.records, job.registers, job.edition, job.cmif_url or job.target.name)
    write_file(job.target, to_bytes(cmif), job.force)


def _dc(job: _Job) -> None:
    if job.target.suffix.lower() == ".xml":
        write_file(job.target, to_bytes(list_records(job.records, job.edition)), job.force)
        return
    with folder_atomic(job.target, job.force) as folder:
        for record in job.records:
            (folder / f"{record.id}.xml").write_bytes(to_bytes(dc_record(record, job.edition)))


def _csv(job: _Job) -> None:
    write_file(job.target, catalogue_csv(job.records), job.force)


def _json(job: _Job) -> None:
    write_file(job.target, catalogue_json(job.records, job.edition), job.force)


def _bagit(job: _Job) -> None:
    if job.include is not None and not job.include.is_dir():
        raise OutputError(f"{job.include}: not a folder (--include takes a folder of renderings)")
    with folder_atomic(job.target, job.force) as folder:
        build_bag(folder, job.documents, job.records, job.registers, job.edition, job.include)


#: What writes each export of FORMATS (tests/core/test_formats.py checks that they are the same).
WRITERS = {"tei-corpus": _tei_corpus, "cmif": _cmif, "dc": _dc, "csv": _csv, "json": _json, "bagit": _bagit}


__all__ = ["Edition", "ExportResult", "FORMATS", "DocumentRecord", "Registers", "export", "records_of"]
