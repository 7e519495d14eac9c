"""CMIF export: valid against the CMIF RELAX NG and Schematron, with the seeds' letters in it."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from export_helpers import (GOLDEN, SEED, TEI, cmif_relaxng, cmif_schematron, linked_golden, project_registers,
                            schematron_failures, write_registers)
from tei.export.edition import Editor
from tei.export import Edition, Registers, export
from tei.export.cmif import bibl_id


@pytest.fixture(scope="module")
def cmif(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cmif")
    registers = Registers.load(write_registers(folder / "registers"))
    edition = Edition(editors=(Editor("Ana Pop"),), contact="ana@example.org")
    result = export("cmif", [linked_golden(folder / "tei")], folder / "cmif.xml", registers=registers,
                    edition=edition, cmif_url="https://example.org/cmif.xml")
    assert result.ok, result.failures
    return etree.parse(str(folder / "cmif.xml"))


def descs(tree):
    return tree.xpath("//t:correspDesc", namespaces=TEI)


def action(desc, kind):
    return desc.xpath(f"t:correspAction[@type='{kind}']", namespaces=TEI)[0]


def test_valid_against_the_cmif_relaxng(cmif):
    schema = cmif_relaxng()
    assert schema.validate(cmif), "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)


def test_valid_against_the_cmif_schematron(cmif):
    assert schematron_failures(cmif_schematron(), cmif) == []


def test_the_schematron_rules_do_catch_errors(cmif):
    """The XSLT 1.0 copy of cmif.sch still finds what it is for (so a pass above means something)."""
    broken = copy.deepcopy(cmif)
    first = descs(broken)[0]
    first.remove(action(first, "received"))
    first.set("source", "#nowhere")
    etree.SubElement(action(first, "sent"), "{http://www.tei-c.org/ns/1.0}date").text = "sometime"
    broken.xpath("//t:bibl", namespaces=TEI)[0].set("{http://www.w3.org/XML/1998/namespace}id", "not-a-uuid")
    failures = " ".join(schematron_failures(cmif_schematron(), broken))
    for rule in ("E0002", "E0003", "E0004", "W0001"):
        assert rule in failures


def test_one_correspdesc_per_letter_telegram_or_message(cmif):
    # seeds 000 (telegram), 002 (telegram) and 004 (telephone message); 001 and 003 have none
    assert len(descs(cmif)) == 3
    senders = [" | ".join(action(d, "sent").xpath("t:persName/text() | t:orgName/text()", namespaces=TEI))
               for d in descs(cmif)]
    assert senders == ["Aurelian Lazar", "Romanian Embassy in Moscow", "I. Stalin"]


def test_places_dates_and_addressees(cmif):
    lazar, embassy, stalin = descs(cmif)
    assert action(lazar, "sent").xpath("string(t:placeName)", namespaces=TEI) == "Pyongyang"
    assert action(lazar, "sent").xpath("string(t:date/@when)", namespaces=TEI) == "1973-11-26"
    assert action(lazar, "received").xpath("string(t:placeName)", namespaces=TEI) == "Bucharest"
    assert "Ion Ciubotaru" in action(lazar, "received").xpath("t:persName/text()", namespaces=TEI)
    assert action(embassy, "sent").xpath("string(t:date/@when)", namespaces=TEI) == "1978-05-07"
    assert action(embassy, "received").xpath("string(t:orgName)", namespaces=TEI).startswith("Romanian Ministry")
    assert action(stalin, "received").xpath("string(t:persName)", namespaces=TEI) == "Kim Il Sung"
    assert action(stalin, "sent").xpath("string(t:date/@when)", namespaces=TEI) == "1948-10-12"


def test_authority_uris_come_from_the_registers(cmif):
    _, embassy, stalin = descs(cmif)
    # VIAF is preferred to Wikidata for persons; GeoNames for places; a verified id before an unverified one
    assert action(stalin, "received").xpath("string(t:persName/@ref)", namespaces=TEI) == "http://viaf.org/viaf/56611553"
    assert action(stalin, "received").xpath("string(t:placeName/@ref)", namespaces=TEI) == "http://www.geonames.org/1871859"
    assert action(stalin, "sent").xpath("string(t:persName/@ref)", namespaces=TEI) == "http://www.wikidata.org/entity/Q855"
    assert action(embassy, "sent").xpath("string(t:placeName/@ref)", namespaces=TEI) == "https://www.geonames.org/524901"
    # names without a register entry have no @ref, and guesses from the title are cert="low"
    assert not descs(cmif)[0].xpath(".//t:persName/@ref | .//t:orgName/@ref", namespaces=TEI)
    assert action(stalin, "sent").xpath("string(t:persName/@cert)", namespaces=TEI) == "low"


def test_sources_point_to_one_bibl_per_document(cmif):
    ids = cmif.xpath("//t:sourceDesc/t:bibl/@xml:id", namespaces=TEI)
    assert len(ids) == len(set(ids)) == 3
    assert [d.get("source") for d in descs(cmif)] == ["#" + i for i in ids]
    assert cmif.xpath("//t:sourceDesc/t:bibl/@type", namespaces=TEI) == ["online"] * 3
    stalin = descs(cmif)[2]
    assert stalin.get("ref") == "https://digitalarchive.umd.edu/document/119377"


def test_header_fields_cmif_requires(cmif):
    assert cmif.xpath("string(//t:titleStmt/t:editor/t:email)", namespaces=TEI) == "ana@example.org"
    assert cmif.xpath("string(//t:titleStmt/t:editor)", namespaces=TEI).startswith("Ana Pop")
    assert cmif.xpath("string(//t:publicationStmt/t:idno[@type='url'])", namespaces=TEI) == "https://example.org/cmif.xml"
    assert cmif.xpath("string(//t:publicationStmt/t:date/@when)", namespaces=TEI) == "2018-02-08"
    assert cmif.xpath("string(//t:licence/@target)", namespaces=TEI).startswith("https://creativecommons.org/")


def test_bibl_ids_are_uuids_that_are_xml_names():
    for key in ("https://digitalarchive.umd.edu/document/119377", "a", "b", "c", "d", "e"):
        ident = bibl_id(key)
        assert ident == bibl_id(key) and ident[0].isalpha() and len(ident) == 36


def test_works_without_registers_and_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    export("cmif", [GOLDEN], first)
    export("cmif", [GOLDEN / f"{SEED[n]}.xml" for n in ("004", "002", "000")], second)
    assert first.read_bytes().replace(b"a.xml", b"b.xml") == second.read_bytes()
    tree = etree.parse(str(first))
    assert tree.xpath("string(//t:publicationStmt/t:date/@when)", namespaces=TEI) == "2023-11-14"
    assert not tree.xpath("//t:correspDesc//@ref[not(parent::t:correspDesc)]", namespaces=TEI)
    assert cmif_relaxng().validate(tree)


def test_with_the_project_registers(tmp_path):
    """Names linked as the names tagger links them (`person:ID`) get the registers' authority URIs."""
    registers = project_registers()
    tree = etree.parse(str(GOLDEN / f"{SEED['004']}.xml"))
    for name, ref in (("I. Stalin", "person:stalin"), ("Kim Il Sung", "person:kim-il-sung")):
        tree.xpath(f"//t:correspDesc//t:persName[.='{name}']", namespaces=TEI)[0].set("ref", ref)
    tree.write(str(tmp_path / "stalin.xml"))
    assert export("cmif", [tmp_path / "stalin.xml"], tmp_path / "cmif.xml", registers=registers).ok
    cmif = etree.parse(str(tmp_path / "cmif.xml"))
    assert cmif_relaxng().validate(cmif)
    refs = cmif.xpath("//t:persName/@ref", namespaces=TEI)
    expected = [registers.entries[i].authority_uri() for i in ("stalin", "kim-il-sung")]
    assert refs == expected and all(r.startswith("http") for r in refs)


def test_a_date_read_with_low_certainty_keeps_its_cert_in_the_cmif(tmp_path):
    folder = linked_golden(tmp_path / "tei")
    changed = []
    for path in sorted(folder.glob("*.xml")):
        tree = etree.parse(str(path))
        dates = tree.xpath("//t:correspAction[@type='sent']/t:date[@when]", namespaces=TEI)
        if dates:
            dates[0].set("cert", "low")  # as the encoder writes a date whose day and month may be swapped
            tree.write(str(path), xml_declaration=True, encoding="UTF-8")
            changed.append(dates[0].get("when"))
    assert changed
    registers = Registers.load(write_registers(tmp_path / "registers"))
    result = export("cmif", [folder], tmp_path / "cmif.xml", registers=registers,
                    edition=Edition(editors=(Editor("Ana Pop"),), contact="ana@example.org"),
                    cmif_url="https://example.org/cmif.xml")
    assert result.ok, result.failures
    cmif = etree.parse(str(tmp_path / "cmif.xml"))
    sent = cmif.xpath("//t:correspAction[@type='sent']/t:date[@cert='low']/@when", namespaces=TEI)
    assert sorted(sent) == sorted(changed)
    schema = cmif_relaxng()
    assert schema.validate(cmif), "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
    assert schematron_failures(cmif_schematron(), cmif) == []
