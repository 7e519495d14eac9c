"""What the export tests share: the golden TEI, sample registers, and the formats' own validators."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, isoschematron

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"
CMIF_DIR = SHARED_SCHEMAS / "cmif"
OAI_DC_DIR = SHARED_SCHEMAS / "oai_dc"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
SCH_NS = "http://purl.oclc.org/dsdl/schematron"

#: Seed (golden file) stems, by their number.
SEED = {path.name[:3]: path.stem for path in sorted(GOLDEN.glob("*.xml"))}

#: Registers as the names helper writes them (TEI lists, idnos by authority; one unverified).
PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="kim-il-sung">
        <persName type="main">Kim Il Sung</persName><persName>Kim Il-sung</persName>
        <idno type="wikidata">Q39464</idno><idno type="viaf">56611553</idno>
      </person>
      <person xml:id="stalin">
        <persName type="main">Joseph Stalin</persName><persName>I. Stalin</persName>
        <idno type="wikidata" cert="low">Q855</idno>
      </person>
    </listPerson>
  </standOff>
</TEI>
"""
PLACES = """<?xml version="1.0" encoding="UTF-8"?>
<listPlace xmlns="http://www.tei-c.org/ns/1.0">
  <place xml:id="pyongyang"><placeName>Pyongyang</placeName><location><geo>39.0339 125.7543</geo></location>
    <idno type="geonames">1871859</idno><idno type="wikidata">Q18808</idno></place>
  <place xml:id="moscow"><placeName>Moscow</placeName><idno type="geonames">https://www.geonames.org/524901</idno></place>
</listPlace>
"""


def write_registers(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "persons.xml").write_text(PERSONS, encoding="utf-8")
    (folder / "places.xml").write_text(PLACES, encoding="utf-8")
    return folder


def linked_golden(folder: Path) -> Path:
    """The golden TEI with correspDesc names pointing into the registers, as the names helper will."""
    folder.mkdir(parents=True, exist_ok=True)
    refs = {"Kim Il Sung": "registers/persons.xml#kim-il-sung", "I. Stalin": "registers/persons.xml#stalin",
            "Pyongyang": "registers/places.xml#pyongyang", "Moscow": "pl:moscow"}
    for path in sorted(GOLDEN.glob("*.xml")):
        tree = etree.parse(str(path))
        for name in tree.xpath("//t:correspDesc//*[@cert or self::t:placeName]", namespaces=TEI):
            if name.text in refs:
                name.set("ref", refs[name.text])
        tree.write(str(folder / path.name), xml_declaration=True, encoding="UTF-8")
    return folder


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found (the schemas beside the checkout, in ../shared/schemas): not checked")
    return path


def cmif_relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(need(CMIF_DIR / "cmi-customization.rng"))))


#: W0001 of cmif.sch (`matches(@xml:id, uuid-regex)`) in XPath 1.0, anchored, so a little stricter.
UUID_XPATH1 = ("string-length(@xml:id) = 36 and translate(@xml:id, '0123456789abcdef', '') = '----' and "
               "substring(@xml:id, 9, 1) = '-' and substring(@xml:id, 14, 1) = '-' and "
               "substring(@xml:id, 19, 1) = '-' and substring(@xml:id, 24, 1) = '-'")


def cmif_schematron() -> isoschematron.Schematron:
    """cmif.sch under XSLT 1.0 (lxml has no XSLT 2): its one XPath 2 test, W0001, rewritten in XPath 1."""
    sch = etree.parse(str(need(CMIF_DIR / "cmif.sch")))
    sch.getroot().set("queryBinding", "xslt")
    rewritten = 0
    for test in sch.getroot().iter(f"{{{SCH_NS}}}assert"):
        if "matches(" in test.get("test", ""):
            test.set("test", UUID_XPATH1)
            rewritten += 1
    assert rewritten == 1, "cmif.sch changed: review the XPath 1 rewrite"
    return isoschematron.Schematron(sch, store_report=True)


def schematron_failures(schema: isoschematron.Schematron, tree) -> list[str]:
    schema.validate(tree)
    report = schema.validation_report
    svrl = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    return [" ".join(t.split()) for t in report.xpath("//svrl:failed-assert/svrl:text/text()", namespaces=svrl)]


def oai_dc_schema():
    import xmlschema

    return xmlschema.XMLSchema(str(need(OAI_DC_DIR / "oai_dc.xsd")), allow="local")


PROJECT_REGISTERS = ROOT / "registers"


def project_registers():
    """The registers the project ships (registers/*.xml), or a skip while there are none."""
    from tei.export import Registers

    if not list(PROJECT_REGISTERS.glob("*.xml")):
        pytest.skip("the project has no registers/ yet")
    return Registers.load(PROJECT_REGISTERS)
