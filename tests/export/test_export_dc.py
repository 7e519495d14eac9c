"""Dublin Core export: oai_dc records valid against the OAI's XSD, with the seeds' metadata."""

from __future__ import annotations

import pytest
from lxml import etree

from export_helpers import GOLDEN, SEED, oai_dc_schema
from tei.export import Edition, export

DC = {"dc": "http://purl.org/dc/elements/1.1/", "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "oai": "http://www.openarchives.org/OAI/2.0/"}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dc") / "records"
    assert export("dc", [GOLDEN], folder).ok
    return folder


def values(path, element):
    return etree.parse(str(path)).xpath(f"/oai_dc:dc/dc:{element}/text()", namespaces=DC)


def test_one_record_per_document_valid_against_oai_dc_xsd(records):
    schema = oai_dc_schema()
    files = sorted(records.glob("*.xml"))
    assert [f.stem for f in files] == sorted(SEED.values())
    for path in files:
        schema.validate(str(path))  # raises with the reason when invalid


def test_languages_are_iso_639(records):
    assert values(records / f"{SEED['002']}.xml", "language") == ["en", "ro"]
    assert values(records / f"{SEED['004']}.xml", "language") == ["en", "ru"]
    assert values(records / f"{SEED['000']}.xml", "language") == ["en"]


def test_telegram_of_the_romanian_embassy(records):
    record = records / f"{SEED['002']}.xml"
    assert values(record, "title") == ["Telegram 057.139 from the Romanian Embassy in Moscow to the Romanian "
                                       "Ministry of Foreign Affairs"]
    assert values(record, "date") == ["1978-05-07"]
    assert values(record, "creator") == ["Romanian Embassy in Moscow"]
    assert values(record, "contributor") == ["Eliza Gheorghe"]
    assert values(record, "type") == ["Text", "Telegram"]
    assert "https://digitalarchive.umd.edu/document/116407" in values(record, "identifier")
    assert values(record, "publisher") == ["Wilson Center Digital Archive"]
    assert values(record, "source")[0].startswith("Archive of the Romanian Ministry of Foreign Affairs (AMAE)")
    assert values(record, "description")[0].startswith("The Romanian Embassy in Moscow reports")
    assert values(record, "coverage") == ["Moscow"]


def test_rights_relation_and_published_sources(records):
    stalin = records / f"{SEED['004']}.xml"
    assert values(stalin, "relation") == ["Copy: AP RF, f. 45, op. 1, d. 346", f"Part of: {Edition().full_title}"]
    conversation = records / f"{SEED['001']}.xml"
    assert values(conversation, "creator") == ["Mikhail Gorbachev"]
    assert values(conversation, "source")[0].startswith("Mikhail Gorbachev, Otvechaya na Vyzov Vremeni")
    assert values(conversation, "rights")[0].startswith("The History and Public Policy Program welcomes reuse")


def test_list_records_file_as_a_harvester_receives_it(tmp_path):
    out = tmp_path / "oai.xml"
    assert export("dc", [GOLDEN], out).ok
    tree = etree.parse(str(out))
    assert tree.getroot().tag == "{http://www.openarchives.org/OAI/2.0/}OAI-PMH"
    assert tree.xpath("string(//oai:request/@verb)", namespaces=DC) == "ListRecords"
    identifiers = tree.xpath("//oai:record/oai:header/oai:identifier/text()", namespaces=DC)
    assert identifiers == [f"oai:tei-edition:{stem}" for stem in sorted(SEED.values())]
    schema = oai_dc_schema()
    for dc in tree.xpath("//oai:metadata/oai_dc:dc", namespaces=DC):
        schema.validate(etree.ElementTree(dc))
