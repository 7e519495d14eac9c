"""tei.validate.validator on the project's schemas: the valid samples pass, and every invalid document in
tests/data/validate/ is rejected for the reason its header comment gives, at the line it gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import TESTS, assert_tei_all_valid
from tei.schema import schemaspec as spec
from tei.core.resources import schema_path
from tei.validate.validator import Message, Summary, Validator, validate_file
from tei.core.xmlsafe import parse_untrusted

DATA = TESTS / "data" / "validate"
GOLDEN = sorted((TESTS / "golden").glob("*.xml"))
VALID = [DATA / "minimal.xml", DATA / "valid-telegram.xml"]
INVALID = sorted(DATA.glob("invalid-*.xml"))
EXPECT = re.compile(r'^\s*expect: (\S+) (\S+) line (\d+) "(.*)"$', re.M)
GRAMMAR = re.compile(r"grammar: (valid|invalid)")


def expectations(path: Path) -> tuple[list[tuple[str, str, int, str]], bool]:
    """What the document's comment promises: (schema, rule id, line, message part), grammar-valid?"""
    text = path.read_text(encoding="utf-8")
    expected = [(s, r, int(line), m) for s, r, line, m in EXPECT.findall(text)]
    return expected, GRAMMAR.search(text).group(1) == "valid"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_samples_pass_every_project_check(validator, path):
    assert validator.validate_file(path) == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_samples_pass_tei_all(tei_all, path):
    assert_tei_all_valid(tei_all, parse_untrusted(path), path.name)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_document_fails_for_its_reason(validator, path):
    expected, grammar_valid = expectations(path)
    assert expected, f"{path.name} states no expectation"
    messages = validator.validate_file(path)
    for schema, rule, line, text in expected:
        found = [m for m in messages if m.schema == schema and (rule == "*" or m.rule_id == rule)]
        assert found, f"{path.name}: no [{schema} {rule}] in {[str(m) for m in messages]}"
        assert any(m.line == line for m in found), f"{path.name}: [{schema} {rule}] not at line {line}: {found}"
        assert any(text.lower() in m.message.lower() for m in found), f"{path.name}: {text!r} not in {found}"
    # a structural rule is caught by both grammars; a Schematron-only rule by neither
    for grammar in ("rng", "xsd"):
        assert any(m.schema == grammar for m in messages) is not grammar_valid, (path.name, grammar)
    # nothing else fires: each document breaks one rule
    promised = {(s, r) for s, r, _, _ in expected}
    others = [m for m in messages if m.schema not in ("rng", "xsd") and (m.schema, m.rule_id) not in promised]
    assert others == [], f"{path.name}: unexpected {[str(m) for m in others]}"


def _assert_ids() -> dict[str, str]:
    """Every Schematron assert id -> its role ('error' when none)."""
    ids = {}
    for path in sorted(schema_path("").glob("tei-edition*.sch")):
        for node in etree.parse(str(path)).iter("{http://purl.oclc.org/dsdl/schematron}assert"):
            assert node.get("id"), f"{path.name}: an assert without id: {node.get('test')}"
            assert node.get("id") not in ids, f"duplicate assert id {node.get('id')}"
            ids[node.get("id")] = node.get("role", "error")
    return ids


def test_every_assert_has_a_unique_id_and_a_known_role():
    roles = _assert_ids()
    assert len(roles) >= 20
    assert set(roles.values()) <= {"error", "warning"}


def test_every_assert_and_the_registry_check_have_an_invalid_document():
    covered = {r for path in INVALID for _, r, _, _ in expectations(path)[0]}
    missing = (set(_assert_ids()) | {"lang-bcp47-registry"}) - covered
    assert not missing, f"no invalid document triggers {sorted(missing)}"


def test_advisory_rules_are_warnings(validator):
    messages = validator.validate_file(DATA / "invalid-header-abstract.xml")
    assert [(m.severity, m.rule_id) for m in messages] == [("warning", "header-abstract")]


def test_every_closed_list_has_an_invalid_document():
    names = {path.stem.removeprefix("invalid-") for path in INVALID}
    special = {("catRef", "target"): "doctype-closed"}
    for element in spec.ELEMENTS.values():
        for attr in element.attributes:
            if attr.values:
                name = special.get((element.name, attr.name), f"{element.name.lower()}-{attr.name.lower()}")
                assert name in names, f"no invalid document for the closed list {element.name}/@{attr.name}"
    assert {"global-cert", "classification-closed", "doctype-category-closed", "classification-category-closed",
            "note-type-closed", "note-subtype-closed", "fw-type-closed"} <= names


@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda p: p.name)
def test_xmlschema_agrees_with_relax_ng(path):
    """The XSD, as the xmlschema package reads it, accepts and rejects what the RELAX NG does."""
    xmlschema = pytest.importorskip("xmlschema")
    tree = parse_untrusted(path)
    rng = etree.RelaxNG(etree.parse(str(schema_path("tei-edition.rng"))))
    assert _xmlschema(xmlschema).is_valid(tree) == rng.validate(tree)


_XMLSCHEMA = {}


def _xmlschema(module):
    if "schema" not in _XMLSCHEMA:
        _XMLSCHEMA["schema"] = module.XMLSchema(str(schema_path("tei-edition.xsd")))
    return _XMLSCHEMA["schema"]


@pytest.mark.skipif(not GOLDEN, reason="no converter output in tests/golden yet")
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_converter_output_passes_the_project_schemas(validator, path):
    errors = [str(m) for m in validator.validate_file(path) if m.severity == "error"]
    assert errors == []


@pytest.mark.skipif(not GOLDEN, reason="no converter output in tests/golden yet")
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_converter_output_passes_tei_all(tei_all, path):
    assert_tei_all_valid(tei_all, parse_untrusted(path), path.name)


def test_message_format_and_summary():
    message = Message("a.xml", 3, 7, "error", "sch", "p-not-empty", "empty paragraph")
    assert str(message) == "a.xml:3:7: [sch p-not-empty] error: empty paragraph"
    summary = Summary()
    summary.add([message, Message("a.xml", 1, 0, "warning", "sch", "header-abstract", "x")])
    summary.add([])
    assert (summary.files, summary.invalid, summary.errors, summary.warnings, summary.exit_code) == (2, 1, 1, 1, 1)
    assert str(summary) == "2 files checked: 1 valid, 1 invalid; 1 error, 1 warning"


def test_a_single_schema_file_can_be_used_alone():
    messages = validate_file(DATA / "invalid-p-not-empty.xml", [str(schema_path("tei-edition.sch"))])
    assert [(m.schema, m.rule_id) for m in messages] == [("tei-edition.sch", "p-not-empty")]
    assert validate_file(DATA / "invalid-div-type.xml", [str(schema_path("tei-edition.xsd"))])[0].schema == "tei-edition.xsd"


def test_validators_share_compiled_schemas():
    first, second = Validator(), Validator()
    assert first.checks[0].schema is second.checks[0].schema


def test_a_reproducible_build_conversion_with_its_revision_date_is_valid(validator, tei_all, monkeypatch, tmp_path):
    """SOURCE_DATE_EPOCH dates the conversion in revisionDesc: the file must still be valid."""
    from tei.convert.pipeline import convert_bytes
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    source = (TESTS.parent / "seeds" / "000_f425829870b8b895.txt").read_bytes()
    tei, _ = convert_bytes(source, "000.txt")
    root = etree.fromstring(tei)
    assert root.xpath("//*[local-name()='change']/@when") == ["2025-12-06"]
    path = tmp_path / "dated.xml"
    path.write_bytes(tei)
    assert [str(m) for m in validator.validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, root.getroottree(), path.name)
