"""BagIt export: bagit itself validates the bag, and finds a tampered payload."""

from __future__ import annotations

import bagit
import pytest

from export_helpers import GOLDEN, SEED, write_registers
from tei.export.edition import Editor
from tei.export import Edition, Registers, export


@pytest.fixture
def bag(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    renderings = tmp_path / "html"
    (renderings / "assets").mkdir(parents=True)
    (renderings / "index.html").write_text("<html>index</html>", encoding="utf-8")
    (renderings / "assets" / "edition.css").write_text("body {}", encoding="utf-8")
    registers = Registers.load(write_registers(tmp_path / "registers"))
    result = export("bagit", [GOLDEN], tmp_path / "bag", registers=registers, include=renderings,
                    edition=Edition(editors=(Editor("Ana Pop"),), contact="ana@example.org"))
    assert result.ok
    return tmp_path / "bag"


def test_bagit_validates_the_bag(bag):
    loaded = bagit.Bag(str(bag))
    loaded.validate()
    assert loaded.algorithms == ["sha256"]


def test_payload_has_tei_registers_and_renderings(bag):
    payload = sorted(str(p.relative_to(bag / "data")) for p in (bag / "data").rglob("*") if p.is_file())
    assert payload == sorted([*(f"tei/{stem}.xml" for stem in SEED.values()), "registers/persons.xml",
                              "registers/places.xml", "renderings/index.html", "renderings/assets/edition.css"])
    assert (bag / "data" / "tei" / f"{SEED['002']}.xml").read_bytes() == (GOLDEN / f"{SEED['002']}.xml").read_bytes()


def test_bag_info_describes_the_edition(bag):
    info = bagit.Bag(str(bag)).info
    assert info["Source-Organization"] == "Wilson Center Digital Archive"
    assert info["Bagging-Date"] == "2023-11-14"
    assert info["Bag-Count"] == "1 of 1"
    assert (info["Contact-Name"], info["Contact-Email"]) == ("Ana Pop", "ana@example.org")
    assert "5 documents" in info["External-Description"] and "1948-1988" in info["External-Description"]
    assert info["Payload-Oxum"].endswith(".9")


def test_a_tampered_payload_fails_validation(bag):
    document = bag / "data" / "tei" / f"{SEED['004']}.xml"
    document.write_bytes(document.read_bytes().replace(b"Stalin", b"Stalim"))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag)).validate()


def test_same_sources_same_bag_and_no_clock_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name in ("one", "two"):
        assert export("bagit", [GOLDEN], tmp_path / name).ok
    for tag_file in ("bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"):
        assert (tmp_path / "one" / tag_file).read_bytes() == (tmp_path / "two" / tag_file).read_bytes()
    assert "Bagging-Date" not in bagit.Bag(str(tmp_path / "one")).info
    bagit.Bag(str(tmp_path / "one")).validate()
