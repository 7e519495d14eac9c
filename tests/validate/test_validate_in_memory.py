"""`Validator.validate_bytes` (what `build` uses, parsing the TEI it has once) gives exactly the
messages `validate_file` gives for the same file, and the faster lookups inside validation (the
ids outside egXML, the elements with language codes) find what a walk over every element finds."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from tei.validate import Validator
from tei.validate.validator import _WITH_LANGUAGE_CODES
from tei.core.xmlsafe import EGXML_NS, XML_ID, duplicate_ids

from conftest import TESTS

DATA = TESTS / "data" / "validate"
FILES = sorted(DATA.glob("*.xml")) + sorted((TESTS / "golden").glob("*.xml"))
assert FILES, f"no TEI files under {DATA} or tests/golden"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_validating_the_bytes_gives_the_messages_of_the_file(validator, path):
    messages, tree = validator.validate_bytes(path.read_bytes(), str(path))
    assert messages == validator.validate_file(path)
    assert tree is not None and tree.getroot().tag == etree.parse(str(path)).getroot().tag


def test_bytes_that_are_not_xml_give_one_message_and_no_tree(validator):
    messages, tree = validator.validate_bytes(b"<TEI><p></TEI>", "broken.xml")
    assert tree is None
    assert [(m.file, m.schema, m.severity) for m in messages] == [("broken.xml", "xml", "error")]


def _duplicate_ids_by_walking(tree) -> list[tuple[str, int, int]]:
    """The definition: every element, its ancestors looked at one by one."""
    first, repeats = {}, []
    for element in tree.iter(etree.Element):
        value = element.get(XML_ID)
        if value is None or any(etree.QName(e).namespace == EGXML_NS
                                for e in (element, *element.iterancestors(etree.Element))):
            continue
        if value in first:
            repeats.append((value, element.sourceline or 0, first[value]))
        else:
            first[value] = element.sourceline or 0
    return repeats


def _random_tree(rng: random.Random) -> etree._ElementTree:
    root = etree.Element(f"{{{TEI}}}TEI")
    nodes = [root]
    for _ in range(rng.randint(1, 40)):
        parent = rng.choice(nodes)
        namespace = rng.choice([TEI, TEI, EGXML_NS, ""])
        child = etree.SubElement(parent, f"{{{namespace}}}e" if namespace else "e")
        if rng.random() < 0.6:
            child.set(XML_ID, rng.choice("abc"))
        for name in ("{http://www.w3.org/XML/1998/namespace}lang", "mainLang", "otherLangs"):
            if rng.random() < 0.15:
                child.set(name, "en")
        if rng.random() < 0.1:
            language = etree.SubElement(parent, f"{{{TEI}}}language")
            if rng.random() < 0.7:
                language.set("ident", "fr")
        nodes.append(child)
    # parsed back for source lines; libxml2 refuses a repeated xml:id unless it collects none
    return etree.ElementTree(etree.fromstring(etree.tostring(root), etree.XMLParser(collect_ids=False)))


@pytest.mark.parametrize("seed", range(200))
def test_the_lookups_find_what_a_walk_finds(seed):
    tree = _random_tree(random.Random(seed))
    assert duplicate_ids(tree) == _duplicate_ids_by_walking(tree)
    walked = [e for e in tree.iter(etree.Element)
              if any(e.get(a) is not None for a in ("{http://www.w3.org/XML/1998/namespace}lang", "mainLang",
                                                     "otherLangs"))
              or (e.tag == f"{{{TEI}}}language" and e.get("ident") is not None)]
    assert _WITH_LANGUAGE_CODES(tree) == walked
