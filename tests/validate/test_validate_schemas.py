"""The schema files: generated ones match tei/schema/schemaspec.py, all load, and the grammar is a strict
subset of TEI P5 (documents sampled from it are valid against the official tei_all)."""

from __future__ import annotations

import pytest
from lxml import etree, isoschematron

from conftest import assert_tei_all_valid
from schema_sampler import Sampler
from tei.schema import schemagen
from tei.core.resources import schema_path


def test_committed_schemas_match_their_source(capsys):
    assert schemagen.main(["--check"]) == 0, capsys.readouterr().err


def test_the_shipped_tei_all_is_the_official_release_its_readme_names():
    import hashlib

    from tei.validate.validator import find_tei_all

    data = find_tei_all().read_bytes()
    readme = schema_path("tei_all/README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in readme
    assert "TEI Edition: P5 Version\N{NO-BREAK SPACE}4.12.0".encode() in data[:2000] and "4.12.0" in readme


def test_schemas_load():
    etree.RelaxNG(etree.parse(str(schema_path("tei-edition.rng"))))
    etree.XMLSchema(etree.parse(str(schema_path("tei-edition.xsd"))))
    for path in sorted(schema_path("").glob("tei-edition*.sch")):
        isoschematron.Schematron(etree.parse(str(path)))


def test_xmlschema_loads_the_xsd():
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(schema_path("tei-edition.xsd")))
    assert schema.elements["TEI"] is not None
    assert list(schema.elements) == ["TEI"], "only TEI may be a root, as in the RELAX NG"


def test_the_odd_is_a_valid_tei_document(tei_all):
    assert_tei_all_valid(tei_all, etree.parse(str(schema_path("tei-edition.odd"))), "tei-edition.odd")


def test_the_odd_lists_every_schematron_rule():
    odd = schema_path("tei-edition.odd").read_text(encoding="utf-8")
    for _, rule_id, _, _ in schemagen.schematron_rules(schema_path("")):
        assert f"<cell>{rule_id}</cell>" in odd


@pytest.fixture(scope="module")
def project_grammars():
    xmlschema = pytest.importorskip("xmlschema")
    return (etree.RelaxNG(etree.parse(str(schema_path("tei-edition.rng")))),
            etree.XMLSchema(etree.parse(str(schema_path("tei-edition.xsd")))),
            xmlschema.XMLSchema(str(schema_path("tei-edition.xsd"))))


@pytest.mark.parametrize("seed", range(60))
def test_documents_sampled_from_the_grammar_are_valid_tei(tei_all, project_grammars, seed):
    """Random documents the grammar allows: all three grammars accept them, and so does tei_all."""
    rng, xsd, xmlschema_xsd = project_grammars
    tree = etree.ElementTree(etree.fromstring(etree.tostring(Sampler(seed).document())))
    assert rng.validate(tree), rng.error_log
    assert xsd.validate(tree), xsd.error_log
    assert xmlschema_xsd.is_valid(tree)
    assert_tei_all_valid(tei_all, tree, f"sample {seed}")
