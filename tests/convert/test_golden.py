"""Golden files: the TEI of each seed (tests/golden/) and each sample (samples/, in tests/golden-samples/:
apart, as other tests read tests/golden/ as the seeds'), reviewed by a person, compared byte for byte.

After a deliberate change to the encoding, regenerate them and review the diff:

    TEI_EDITION_REGENERATE=1 .venv/bin/pytest tests/convert/test_golden.py
"""

from __future__ import annotations

import difflib
import os

import pytest

from conftest import ROOT, SEEDS
from tei import convert_bytes

GOLDEN = ROOT / "tests" / "golden"


SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.mark.parametrize("path", [*SEEDS, *SAMPLES], ids=lambda p: p.stem)
def test_seed_matches_its_golden_tei(path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    tei, _ = convert_bytes(path.read_bytes(), path.name)
    golden = (GOLDEN if path in SEEDS else ROOT / "tests" / "golden-samples") / f"{path.stem}.xml"
    if os.environ.get("TEI_EDITION_REGENERATE"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(tei)
    assert golden.exists(), f"no golden file {golden}: regenerate on purpose (see this module's docstring)"
    expected = golden.read_bytes()
    if tei != expected:
        diff = "\n".join(difflib.unified_diff(expected.decode().splitlines(), tei.decode().splitlines(),
                                              "golden", "now", lineterm="", n=2))
        (ROOT / "tests" / "artifacts").mkdir(exist_ok=True)
        (ROOT / "tests" / "artifacts" / golden.name).write_bytes(tei)
        pytest.fail(f"{path.name} differs from its golden TEI:\n{diff[:6000]}")
