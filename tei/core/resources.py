"""Where the package finds its schemas, stylesheets and data files.

`schemas/`, `xslt/`, `registers/` and `docs/` sit at the top of the repository; a wheel installs them
inside the package (see `package-dir` in pyproject.toml). Both layouts are looked up, in that order.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # tei/


def _folder(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def schema_path(name: str) -> Path:
    return _folder("schemas") / name


def xslt_path(name: str) -> Path:
    return _folder("xslt") / name


def register_path(name: str) -> Path:
    """A register of names (persons.xml, places.xml, orgs.xml): TEI files the editors maintain."""
    return _folder("registers") / name


def doc_path(name: str) -> Path:
    """The documentation (docs/encoding.md is also the edition site's About page)."""
    return _folder("docs") / name
