"""The project's Schematron schemas checked in one pass give exactly the messages, in the same order,
of lxml's ISO skeleton run on each schema in turn: on every test document, every golden file, and
documents mutated to break many rules of several patterns at once."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from tei.core.errors import SchemaError
from tei.core.resources import schema_path
from tei.validate.schematron import compile_schematron, matches_only_elements
from tei.validate.validator import LanguageRegistryCheck, OnePassSchematronCheck, SchematronCheck, Validator, _language_codes
from tei.core.xmlsafe import parse_untrusted
from conftest import TESTS

SCHEMAS = sorted(schema_path("").glob("tei-edition*.sch"))
WHOLE = sorted([*(TESTS / "golden").glob("*.xml"), *(TESTS / "golden-samples").glob("*.xml")])
DOCUMENTS = sorted((TESTS / "data" / "validate").glob("*.xml")) + WHOLE
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def skeleton_messages(tree: etree._ElementTree, file: str) -> list:
    """What the validator reported before: one SchematronCheck (lxml's skeleton) per schema file."""
    return [message for path in SCHEMAS for message in SchematronCheck(path, "sch").check(tree, file)]


def one_pass_messages(tree: etree._ElementTree, file: str) -> list:
    return OnePassSchematronCheck(SCHEMAS, "sch").check(tree, file)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_one_pass_gives_the_skeletons_messages(path):
    tree = parse_untrusted(path, repeated_ids="allow")
    assert one_pass_messages(tree, path.name) == skeleton_messages(tree, path.name)


def _mutate(tree: etree._ElementTree, rng: random.Random, count: int) -> None:
    """Break rules of many patterns at random places of the document."""
    elements = [element for element in tree.iter(f"{TEI}*")]
    ids = [element.get(XML_ID) for element in elements if element.get(XML_ID)]
    changes = [
        ("when", "2020-13-45"), ("when", "1999-02-29"), ("from", "1950"), ("to", "1940"),
        ("notBefore", "1960-05"), ("notAfter", "1959"), ("when", "abcd"),
        ("{http://www.w3.org/XML/1998/namespace}lang", "--x"), ("{http://www.w3.org/XML/1998/namespace}lang", "toolongtag1"),
        ("mainLang", "e"), ("otherLangs", "ru x-- de"), ("{http://www.w3.org/XML/1998/namespace}lang", "zz"),
        ("otherLangs", "en zz qq"),
        ("hand", "#nowhere"), ("ref", "#missing"), ("target", "#also-missing #x"), ("corresp", "#a #b"),
        ("resp", "#nobody"), ("who", "#ghost"),
        *[("hand", f"#{value}") for value in ids[:3]], *[("who", f"#{value}") for value in ids[:3]],
        ("type", "bogus"), ("subtype", "odd"), ("place", "foot"), ("n", " "),
        ("scheme", "#document-types"), ("target", "#doctype-nonsense"), ("scheme", "#classifications"),
    ]
    for _ in range(count):
        element = rng.choice(elements)
        name, value = rng.choice(changes)
        element.set(name, value)
    for paragraph in rng.sample(list(tree.iter(f"{TEI}p")), k=min(2, sum(1 for _ in tree.iter(f"{TEI}p")))):
        paragraph.clear()  # empty paragraph


@pytest.mark.parametrize("seed", range(12))
def test_one_pass_gives_the_skeletons_messages_on_many_failures(seed):
    rng = random.Random(seed)
    path = rng.choice(WHOLE)
    tree = parse_untrusted(path, repeated_ids="allow")
    _mutate(tree, rng, rng.randint(5, 60))
    expected = skeleton_messages(tree, path.name)
    assert len({message.rule_id for message in expected}) > 2  # several rules, from several patterns
    assert one_pass_messages(tree, path.name) == expected


def _registry_messages_of_every_element(tree: etree._ElementTree) -> list[tuple[int, str]]:
    """The registry check as it was: every element visited in Python."""
    import langcodes

    return [(element.sourceline, f'{name}="{code}"') for element in tree.iter(etree.Element)
            for name, codes in _language_codes(element) for code in codes if not langcodes.tag_is_valid(code)]


@pytest.mark.parametrize("seed", range(6))
def test_the_registry_check_finds_the_codes_of_every_element(seed):
    rng = random.Random(seed)
    tree = parse_untrusted(rng.choice(WHOLE), repeated_ids="allow")
    _mutate(tree, rng, 40)
    expected = _registry_messages_of_every_element(tree)
    found = [(message.line, message.message.split(" on ")[0]) for message in LanguageRegistryCheck().check(tree, "f")]
    assert expected and found == expected


def test_the_project_validator_runs_schematron_once():
    checks = Validator().checks
    assert [type(check) for check in checks].count(OnePassSchematronCheck) == 1
    assert not any(type(check) is SchematronCheck for check in checks)


def test_every_pattern_is_compiled():
    stylesheet = compile_schematron(SCHEMAS)
    patterns = sum(1 for path in SCHEMAS for _ in etree.parse(str(path)).iter("{http://purl.oclc.org/dsdl/schematron}pattern"))
    checked = {int(failure.get("p")) for failure in stylesheet.iter("m")}
    assert checked == set(range(patterns)) and patterns > 10


def _schema(tmp_path: Path, body: str, name: str = "s.sch") -> Path:
    path = tmp_path / name
    path.write_text(f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
                    f'<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>{body}</schema>')
    return path


@pytest.mark.parametrize("body", [
    '<pattern abstract="true" id="a"><rule context="$x"><assert test="1">x</assert></rule></pattern>',
    '<pattern><rule context="@xml:id"><assert test="1">x</assert></rule></pattern>',
    '<pattern><rule context="tei:p/text()"><assert test="1">x</assert></rule></pattern>',
    '<pattern><rule context="tei:p"><assert test="1" subject="..">x</assert></rule></pattern>',
    '<pattern><rule context="tei:p"><assert test="1">x <emph>y</emph></assert></rule></pattern>',
    '<phase id="p"/>',
    '<let name="x" value="1"/>',
])
def test_what_one_pass_cannot_compile_is_refused_not_skipped(tmp_path, body):
    with pytest.raises(SchemaError, match="one-pass"):
        compile_schematron([_schema(tmp_path, body)])


def test_keys_of_the_same_name_must_agree(tmp_path):
    key = '<xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="k" match="*" use="{}"/>'
    first = _schema(tmp_path, key.format("@n"), "a.sch")
    same = _schema(tmp_path, key.format("@n"), "b.sch")
    other = _schema(tmp_path, key.format("@xml:id"), "c.sch")
    compile_schematron([first, same])
    with pytest.raises(SchemaError, match="defined differently"):
        compile_schematron([first, other])


def test_only_element_contexts_are_walked():
    assert matches_only_elements("tei:text//tei:note[@subtype]")
    assert matches_only_elements("tei:*[@hand] | tei:p")
    assert matches_only_elements("tei:list[@type = 'a/b']/tei:item")
    assert not matches_only_elements("tei:p | @xml:id")
    assert not matches_only_elements("/")
    assert not matches_only_elements("node()")


def test_a_wildcard_rule_is_tried_only_on_elements_with_the_attributes_it_needs():
    from tei.validate.schematron import _needed_attributes

    assert _needed_attributes("tei:*[not(self::tei:locus)][@when or @from]") == {"when", "from"}
    assert _needed_attributes("tei:*[@xml:lang or self::tei:language[@ident]]") == {"xml:lang", "ident"}
    # anything else may match an element without those attributes: tried on every element
    for context in ("tei:*", "tei:*[@a or b]", "tei:*[@a = 'x or y']", "tei:*[not(@a)]", "tei:*[@a or(@b)]",
                    "tei:*[@a and @b or c]"):
        assert _needed_attributes(context) is None, context


_RULE_ORDER_DOCUMENT = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<p n="1"/><p/><p n="2"/><div><p/><p n="x"/><note/><note n="3"/><p type="t" n="4"/></div>
<list type="numbered"><item/><item n="1"/></list><list><item/><item n="b" type="c"/><item type="d"/></list>
</body></text></TEI>"""


@pytest.mark.parametrize("rules", [
    # one context written as a test on the element, the other not (positional): both match some elements, p[@n] first among them
    ('tei:p[@n]', 'tei:p[1]'),
    ('tei:p[1]', 'tei:p[@n]'),
    ('tei:*[@n]', 'tei:p[position() = 1]'),
    ('tei:list[@type]/tei:item | tei:p[@n]', 'tei:item[1] | tei:p[last()]'),
    ('tei:body//tei:*[@n]', 'tei:note | tei:p'),
    ('tei:p', 'tei:*[@n]'),
    # wildcards that need attributes, checked from the walk over the attributes
    ('tei:*[@type]', 'tei:*[@n][1]'),
    ('tei:*[@n][1]', 'tei:*[@type or @n]'),
    ('tei:*[@type]', 'tei:*[@n]'),
])
def test_rules_checked_in_place_keep_the_skeletons_first_match(tmp_path, rules):
    body = "".join(f'<rule context="{context}"><assert id="r{number}" test="false()">rule {number} on '
                   f'<name/> <value-of select="@n"/></assert></rule>' for number, context in enumerate(rules))
    schema = _schema(tmp_path, f'<pattern id="order">{body}</pattern>')
    tree = parse_untrusted(_RULE_ORDER_DOCUMENT)
    expected = SchematronCheck(schema, "sch").check(tree, "f")
    assert len({message.rule_id for message in expected}) == 2
    assert OnePassSchematronCheck([schema], "sch").check(tree, "f") == expected


def test_a_context_is_written_as_a_test_only_when_it_cannot_depend_on_position():
    from tei.validate.schematron import _context_test

    tei_p = ("http://www.tei-c.org/ns/1.0", "p")
    assert _context_test("tei:p", tei_p) == ""
    assert _context_test("child::tei:p[@n]", tei_p) == "@n"
    assert _context_test("tei:*[@n]", None) == "(self::tei:*) and (@n)"
    assert _context_test("tei:div[@type = 'a/b']/tei:p[not(@n)]", tei_p) == "(not(@n)) and (parent::tei:div[@type = 'a/b'])"
    assert _context_test("tei:text//tei:div/tei:p", tei_p) == "parent::tei:div[ancestor::tei:text]"
    for context in ("tei:p[1]", "tei:p[position() = 1]", "tei:p[last()]", "tei:p[count(tei:lb)]", "tei:p[@n + 1]",
                    "tei:p[$x]", "tei:p['a']", "tei:div[2]/tei:p", "/tei:p", "//tei:p", "tei:p[@a | @b]",
                    "tei:p[string-length(@n)]", "tei:p[@n = current()/@n]", "ancestor::tei:div/tei:p"):
        assert _context_test(context, tei_p) is None, context
