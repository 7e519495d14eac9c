"""Shared test fixtures: the seeds, and the official TEI P5 schema."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The official TEI P5 tei_all.rng shipped in schemas/tei_all/ (its README says which release).
from tei.validate.validator import find_tei_all  # noqa: F401  (imported by the tests from here)

#: Headless Chromium fixtures (`browser`, `open_page`) for the browser tests.
pytest_plugins = ["browser_fixtures"]

#: The checkout and the tests' own folders, for every test module and helper (tests/ is on the
#: import path: pyproject.toml's pytest `pythonpath`).
ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
DATA = TESTS / "data"
HOSTILE = TESTS / "hostile"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
@pytest.fixture(scope="session")
def tei_all():
    """The compiled official TEI P5 RELAX NG (compiling takes seconds: once per session)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(find_tei_all())))


def assert_tei_all_valid(schema, tree, label: str = "document") -> None:
    if not schema.validate(tree):
        errors = "\n".join(f"  line {e.line}: {e.message}" for e in schema.error_log)
        raise AssertionError(f"{label} is not valid against tei_all:\n{errors}")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return SEEDS
