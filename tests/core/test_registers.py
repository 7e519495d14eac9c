"""The one register reader (tei/core/registers.py): strict for our registers, lenient for any
register an export is given, one pointer parser for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.core.registers import KINDS, RegisterError, Registers, parse_pointer

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
PERSONS = f"""<TEI {NS}><text><body><listPerson>
  <person xml:id="stalin"><persName type="main"><forename>Iosif</forename> <surname>Stalin</surname></persName></person>
  <person xml:id="kim"><persName>Kim Il Sung</persName><idno type="wikidata">Q39464</idno></person>
</listPerson></body></text></TEI>"""
PLACES = f"""<TEI {NS}><text><body><listPlace>
  <place xml:id="moscow"><placeName>Moscow</placeName><location><geo>55.75 37.62</geo></location></place>
</listPlace></body></text></TEI>"""
ORGS = f"""<TEI {NS}><text><body><listOrg><org xml:id="cpsu"><orgName>CPSU</orgName></org></listOrg></body></text></TEI>"""


def write(folder: Path, persons: str = PERSONS, places: str = PLACES, orgs: str = ORGS) -> Path:
    folder.mkdir(exist_ok=True)
    for kind, text in (("person", persons), ("place", places), ("org", orgs)):
        (folder / KINDS[kind][0]).write_text(text, encoding="utf-8")
    return folder


def test_both_modes_read_the_same_entries_from_our_registers(tmp_path):
    strict, lenient = Registers.load(write(tmp_path), strict=True), Registers.load(tmp_path)
    assert set(strict.entries) == set(lenient.entries) == {"stalin", "kim", "moscow", "cpsu"}
    stalin = strict.entries["stalin"]
    assert (stalin.kind, stalin.name, stalin.surname) == ("person", "Iosif Stalin", "Stalin")
    assert "I. Stalin" in stalin.forms and strict.lookup("I. STALIN") is stalin
    assert strict.entries["kim"].authority_uri() == "http://www.wikidata.org/entity/Q39464"
    assert lenient.entries["moscow"].geo == (55.75, 37.62)
    assert not strict.warnings and not lenient.warnings
    # the lists in file-name order, whichever mode read them: teiCorpus and BagIt copy them so
    assert [lst.tag.split("}")[1] for lst in strict.lists()] == ["listOrg", "listPerson", "listPlace"]
    assert [lst.tag.split("}")[1] for lst in lenient.lists()] == ["listOrg", "listPerson", "listPlace"]


@pytest.mark.parametrize("persons, problem, where", [
    (PERSONS.replace('<person xml:id="kim">', "<person>"), "a person needs an xml:id", ("persons.xml", 3)),
    (PERSONS.replace("<persName>Kim Il Sung</persName>", ""), "a person needs an xml:id and at least one persName", ("persons.xml", 3)),
    # persons are read before places: the place is the second claim
    (PERSONS.replace('xml:id="kim"', 'xml:id="moscow"'), "the identifier 'moscow' is used twice", ("places.xml", 2)),
    (PERSONS.replace("<persName>Kim Il Sung</persName>", "<persName>Moscow</persName>"),
     "the name 'Moscow' belongs to both person:kim and place:moscow", ("places.xml", 2)),
])
def test_a_strict_error_names_the_file_and_the_line(tmp_path, persons, problem, where):
    folder = write(tmp_path, persons=persons)
    with pytest.raises(RegisterError) as caught:
        Registers.load(folder, strict=True)
    assert str(caught.value).startswith(f"{folder / where[0]}: line {where[1]}: {problem}")


def test_strict_reading_needs_all_three_files(tmp_path):
    write(tmp_path)
    (tmp_path / "orgs.xml").unlink()
    with pytest.raises(Exception, match="orgs.xml"):
        Registers.load(tmp_path, strict=True)


def test_lenient_reading_skips_a_bad_entry_with_a_warning(tmp_path):
    (tmp_path / "a.xml").write_text(f"""<TEI {NS}><text><body><listPerson>
<person><persName>Nobody</persName></person>
<person xml:id="a"><persName>First A</persName></person>
<person xml:id="b"/>
</listPerson></body></text></TEI>""", encoding="utf-8")
    (tmp_path / "b.xml").write_text(f"""<TEI {NS}><text><body><listPerson>
<personGrp xml:id="a"><persName>Second A</persName></personGrp>
</listPerson></body></text></TEI>""", encoding="utf-8")
    registers = Registers.load(tmp_path)
    assert list(registers.entries) == ["a", "b"]
    assert registers.entries["a"].name == "First A" and registers.entries["b"].name == "b"
    assert registers.warnings == [
        (str(tmp_path / "a.xml"), "line 2: a person needs an xml:id and at least one persName; the entry is skipped"),
        (str(tmp_path / "b.xml"), "line 2: the identifier 'a' is used twice in the registers; the entry is skipped")]


def test_the_package_registers_and_none_are_said_explicitly():
    package = Registers.package()
    assert package.strict and package and Registers.package() is package
    assert not Registers() and Registers().entries == {} and Registers().lists() == []
    with pytest.raises(TypeError):
        Registers.load(None)


@pytest.mark.parametrize("pointer, parsed", [
    ("registers/persons.xml#stalin", (None, "stalin")),
    ("#stalin", (None, "stalin")),
    ("person:stalin", ("person", "stalin")),
    ("per:stalin", ("per", "stalin")),
    ("https://example.org/#stalin", None),
    ("http://www.wikidata.org/entity/Q855", None),
    ("person:stalin person:kim", None),
    ("stalin", None),
    ("a#b#c", None),
])
def test_one_parser_reads_every_pointer_form(pointer, parsed):
    assert parse_pointer(pointer) == parsed


def test_a_pointer_with_our_prefix_names_an_entry_of_that_kind_only(tmp_path):
    registers = Registers.load(write(tmp_path), strict=True)
    assert registers.resolve("person:stalin") is registers.entries["stalin"]
    assert registers.entry_id("place:stalin") is None and registers.resolve("place:stalin") is None
    assert registers.entry_id("per:stalin") == "stalin"  # another edition's prefix: any kind
    assert registers.entry_id("#moscow") == "moscow" and registers.entry_id("places.xml#moscow") == "moscow"
    assert registers.entry_id("#nobody") is None
    assert registers.authority_uris("https://viaf.org/viaf/1 person:kim place:kim") == \
        ["https://viaf.org/viaf/1", "http://www.wikidata.org/entity/Q39464"]
