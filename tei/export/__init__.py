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

from ..errors import OutputError
from .bag import build_bag
from .catalogue import catalogue_csv, catalogue_json
from .cmif import build_cmif
from .corpus import build_corpus
from .dc import dc_record, list_records
from .edition import Edition
from .output import folder_atomic, write_file
from .record import DocumentRecord
from .registers import Registers
from .sources import SourceDocument, SourceFailure, load_sources
from .xmlbuild import to_bytes

FORMATS = ("tei-corpus", "cmif", "dc", "csv", "json", "bagit")


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
    records = records_of(documents)
    if fmt == "tei-corpus":
        write_file(target, to_bytes(build_corpus(documents, records, registers, edition)), force)
    elif fmt == "cmif":
        write_file(target, to_bytes(build_cmif(records, registers, edition, cmif_url or target.name)), force)
    elif fmt == "csv":
        write_file(target, catalogue_csv(records), force)
    elif fmt == "json":
        write_file(target, catalogue_json(records, edition), force)
    elif fmt == "dc" and target.suffix.lower() == ".xml":
        write_file(target, to_bytes(list_records(records, edition)), force)
    elif fmt == "dc":
        with folder_atomic(target, force) as folder:
            for record in records:
                (folder / f"{record.id}.xml").write_bytes(to_bytes(dc_record(record, edition)))
    elif fmt == "bagit":
        include_dir = Path(include) if include is not None else None
        if include_dir is not None and not include_dir.is_dir():
            raise OutputError(f"{include_dir}: not a folder (--include takes a folder of renderings)")
        with folder_atomic(target, force) as folder:
            build_bag(folder, documents, records, registers, edition, include_dir)
    result.output = target
    return result


__all__ = ["Edition", "ExportResult", "FORMATS", "DocumentRecord", "Registers", "export", "records_of"]
