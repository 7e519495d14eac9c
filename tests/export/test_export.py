"""The export command: bad sources reported and skipped, exit codes, atomic and deterministic output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from export_helpers import GOLDEN, PERSONS, write_registers
from tei.cli import cli
from tei.core.errors import OutputError
from tei.export import FORMATS, Registers, export
from tei.export import catalogue as catalogue_module

OUTPUTS = {"tei-corpus": "corpus.xml", "cmif": "cmif.xml", "dc": "dc", "csv": "catalogue.csv",
           "json": "catalogue.json", "bagit": "bag"}


def run(*args):
    return CliRunner().invoke(cli, ["export", *map(str, args)])


@pytest.fixture
def sources(tmp_path):
    """Two good TEI files, a broken one, one with a DOCTYPE, and one that is not TEI."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("002_39ac39eaf12fa5af.xml", "004_5a195c45a986ff21.xml"):
        (folder / name).write_bytes((GOLDEN / name).read_bytes())
    (folder / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    (folder / "entity.xml").write_text('<!DOCTYPE TEI [<!ENTITY x "y">]><TEI>&x;</TEI>', encoding="utf-8")
    (folder / "html.xml").write_text("<html><body/></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_sources_are_reported_on_one_line_and_the_rest_exported(fmt, sources, tmp_path):
    out = tmp_path / OUTPUTS[fmt]
    result = run(fmt, sources, "-o", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert sorted(line.split(": error: ")[0] for line in errors) == \
        [str(sources / name) for name in ("broken.xml", "entity.xml", "html.xml")]
    assert "2 documents exported" in result.stderr and out.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_sources_give_the_same_bytes(fmt, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outputs = []
    for run_name in ("a", "b"):
        out = tmp_path / run_name / OUTPUTS[fmt]
        assert run(fmt, GOLDEN, "-o", out).exit_code == 0
        files = sorted(p for p in ([out] if out.is_file() else out.rglob("*")) if p.is_file())
        outputs.append({str(p.relative_to(out.parent)): p.read_bytes() for p in files})
    assert outputs[0] == outputs[1]


def test_text_exports_are_converted_in_memory(tmp_path):
    out = tmp_path / "catalogue.csv"
    result = run("csv", SEEDS[0], SEEDS[4], "-o", out)
    assert result.exit_code == 0, result.output
    assert "wilson-119377" in out.read_text(encoding="utf-8")


def test_usage_errors_exit_2(tmp_path):
    assert run("pdf", GOLDEN, "-o", tmp_path / "x").exit_code == 2
    assert run("csv", GOLDEN).exit_code == 2
    assert run("csv", "-o", tmp_path / "x.csv").exit_code == 2
    assert run("csv", GOLDEN, "-o", tmp_path / "x.csv", "--include", GOLDEN).exit_code == 2


def test_existing_output_is_kept_without_force(tmp_path):
    out = tmp_path / "catalogue.csv"
    out.write_text("keep me", encoding="utf-8")
    result = run("csv", GOLDEN, "-o", out)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("csv", GOLDEN, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,file,title")


def test_nothing_written_when_no_source_is_readable(sources, tmp_path):
    result = run("json", sources / "broken.xml", "-o", tmp_path / "out.json")
    assert result.exit_code == 1 and "nothing exported" in result.stderr
    assert list(tmp_path.iterdir()) == [sources]


def test_a_failed_export_leaves_nothing_half_written(tmp_path, monkeypatch):
    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("tei.export.dc.dc_fields", fail)
    with pytest.raises(OutputError, match="disk full"):
        export("dc", [GOLDEN], tmp_path / "dc")
    monkeypatch.setattr(catalogue_module, "json", None)
    with pytest.raises(AttributeError):
        export("json", [GOLDEN], tmp_path / "c.json")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_output_replaced_with_force(tmp_path):
    out = tmp_path / "dc"
    out.mkdir()
    (out / "old.xml").write_text("old", encoding="utf-8")
    assert run("dc", GOLDEN, "-o", out).exit_code == 1
    assert run("dc", GOLDEN, "-o", out, "--force").exit_code == 0
    assert not (out / "old.xml").exists() and len(list(out.glob("*.xml"))) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["dc"]


def test_registers_from_the_option_or_the_working_folder(tmp_path, monkeypatch):
    write_registers(tmp_path / "registers")
    monkeypatch.chdir(tmp_path)
    assert run("bagit", GOLDEN, "-o", "bag").exit_code == 0
    assert (tmp_path / "bag" / "data" / "registers" / "persons.xml").exists()
    (tmp_path / "bad.xml").write_text("<listPerson", encoding="utf-8")
    result = run("csv", GOLDEN, "-o", "c.csv", "--registers", "bad.xml")
    assert result.exit_code == 1 and "bad.xml: error: " in result.stderr and not (tmp_path / "c.csv").exists()


def test_register_entries_and_their_authorities(tmp_path):
    registers = Registers.load(write_registers(tmp_path / "registers"))
    kim = registers.entries["kim-il-sung"]
    assert (kim.kind, kim.name) == ("person", "Kim Il Sung")
    assert kim.authorities["wikidata"] == ("http://www.wikidata.org/entity/Q39464", True)
    assert registers.entries["stalin"].authorities["wikidata"][1] is False
    assert registers.entry_id("registers/persons.xml#stalin") == "stalin"
    assert registers.entry_id("#pyongyang") == "pyongyang" and registers.entry_id("pl:moscow") == "moscow"
    assert registers.entry_id("#nobody") is None and registers.entry_id("https://example.org/#stalin") is None
    assert registers.authority_uris("https://viaf.org/viaf/1 #pyongyang") == \
        ["https://viaf.org/viaf/1", "http://www.geonames.org/1871859"]
    assert [list_.tag.split("}")[1] for list_ in registers.lists()] == ["listPerson", "listPlace"]
    assert not Registers() and Registers().entries == {}
    assert "Q39464" in PERSONS



@pytest.fixture
def tei_folder(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    for name in ("002_39ac39eaf12fa5af.xml", "004_5a195c45a986ff21.xml"):
        (folder / name).write_bytes((GOLDEN / name).read_bytes())
    return folder


def test_a_sites_reading_texts_beside_their_tei_are_not_taken_for_archive_exports(tei_folder, tmp_path, caplog):
    """`export` on a site's documents/ once converted each NAME.txt reading text into a bogus record
    and refused the real NAME.xml as a duplicate of it."""
    rendered = CliRunner().invoke(cli, ["render", str(tei_folder), "--to", "txt", "-o", str(tei_folder)])
    assert rendered.exit_code == 0, rendered.output
    texts = sorted(tei_folder.glob("*.txt"))
    assert len(texts) == 2
    out = tmp_path / "catalogue.json"
    result = run("json", tei_folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert "2 documents exported as json" in result.output
    for text in texts:
        assert f"{text}: warning: the reading text of {text.stem}.xml beside it, not a source: skipped" in caplog.text
    records = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert sorted(record["file"] for record in records) == sorted(f"{text.stem}.xml" for text in texts)


def test_an_archive_export_without_tei_beside_it_is_still_converted(tei_folder, tmp_path, caplog):
    (tei_folder / "seed.txt").write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "catalogue.json"
    result = run("json", tei_folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert "not a source" not in caplog.text
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 3


def test_a_skipped_register_entry_is_a_warning_and_the_export_goes_on(tmp_path):
    register = tmp_path / "foreign.xml"
    register.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>\n'
                        "<person><persName>Nobody</persName></person></listPerson></body></text></TEI>", encoding="utf-8")
    result = run("cmif", GOLDEN, "-o", tmp_path / "cmif.xml", "--registers", register)
    assert result.exit_code == 0 and (tmp_path / "cmif.xml").exists()
    assert f"{register}: warning: line 2: a person needs an xml:id" in result.stderr


@pytest.mark.parametrize("command", [["entities"], ["review", "-o", "review.csv"]])
def test_entities_and_review_skip_a_sites_reading_texts_too(command, tei_folder, tmp_path, caplog, monkeypatch):
    """`entities edition/documents` (as the README prints it) converted each reading text as an
    archive export and failed on it ("lost words")."""
    rendered = CliRunner().invoke(cli, ["render", str(tei_folder), "--to", "txt", "-o", str(tei_folder)])
    assert rendered.exit_code == 0, rendered.output
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [command[0], str(tei_folder), *command[1:]])
    assert result.exit_code == 0, result.output
    for text in sorted(tei_folder.glob("*.txt")):
        assert f"{text}: warning: the reading text of {text.stem}.xml beside it, not a source: skipped" in caplog.text
