"""`bagit`: a BagIt bag (RFC 8493) for long-term preservation, made with the `bagit` package.

Payload: `data/tei/` (the TEI files, as given, or as converted from text exports),
`data/registers/` (when there are registers) and `data/renderings/` (a folder given with
`--include`, copied as it is). `bag-info.txt` describes the edition; the payload manifest is
SHA-256. Bagging-Date is SOURCE_DATE_EPOCH's date, and left out when it is not set, so the same
input gives the same bag.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit

from .. import __version__
from ..core.errors import OutputError
from .edition import Edition, source_date
from ..core.record import DocumentRecord
from ..core.registers import Registers
from .sources import SourceDocument

CHECKSUMS = ["sha256"]


def bag_info(records: list[DocumentRecord], edition: Edition) -> dict[str, str]:
    dates = sorted(r.date.sort_key[:4] for r in records if r.date and r.date.sort_key)
    span = f", {dates[0]}-{dates[-1]}" if dates else ""
    publishers = sorted({r.publisher for r in records if r.publisher})
    origin = f" from the {', '.join(publishers)}" if publishers else ""
    info = {
        "Source-Organization": edition.publisher_for(records),
        "Contact-Name": edition.editor,
        "Contact-Email": edition.email,
        "External-Description": f"{edition.full_title}. TEI P5 files of {len(records)} documents{origin}{span}, "
                                "with their registers and renderings where present.",
        "External-Identifier": edition.base_url,
        # Not a reserved bag-info element (RFC 8493, 2.2.2): the licence of the edition's own work.
        "Edition-Licence": edition.licence,
        "Bag-Count": "1 of 1",
        "Bag-Software-Agent": f"tei-edition {__version__} (bagit.py {bagit.VERSION})",
    }
    when = source_date()
    if when is not None:
        info["Bagging-Date"] = when.isoformat()
    return {key: value for key, value in info.items() if value}


def _copy_tree(source: Path, target: Path) -> None:
    """Regular files only, in sorted order: links are not followed out of the folder given."""
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def build_bag(folder: Path, documents: list[SourceDocument], records: list[DocumentRecord],
              registers: Registers, edition: Edition, include: Path | None = None) -> bagit.Bag:
    """Fill the empty `folder` with the payload, then make it a bag in place."""
    (folder / "tei").mkdir()
    for document in documents:
        (folder / "tei" / document.file_name).write_bytes(document.data)
    if registers.files:
        (folder / "registers").mkdir()
        for path, _tree in registers.files:
            shutil.copyfile(path, folder / "registers" / path.name)
    if include is not None:
        _copy_tree(include, folder / "renderings")
    info = bag_info(records, edition)
    dated = "Bagging-Date" in info
    try:
        bag = bagit.make_bag(str(folder), info, checksums=CHECKSUMS)
        if not dated:  # bagit dates a bag with the clock unless told otherwise: take it out
            del bag.info["Bagging-Date"]
            bag.save()
    except (bagit.BagError, OSError) as exc:
        raise OutputError(f"cannot make the bag: {exc}") from None
    for manifest in folder.glob("tagmanifest-*.txt"):
        lines = sorted(manifest.read_text(encoding="utf-8").splitlines(keepends=True))
        manifest.write_text("".join(lines), encoding="utf-8")
    return bag
