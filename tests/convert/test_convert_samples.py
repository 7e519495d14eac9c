"""The seven samples (samples/, today's site and other layouts): every header field their page has,
per field, as for the seeds. Their body structures are tested with the body's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, assert_tei_all_valid
from helpers import TEI
from tei import convert_paths, convert_text, read_document
from tei.convert.lossless import lost_words

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
RIGHTS = "The History and Public Policy Program welcomes reuse of Digital Archive materials"
ENQUIRE = "To enquire about this document's rights status"


def sample(prefix: str) -> Path:
    return next(p for p in SAMPLES if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def tei():
    """Sample prefix ("short-005") -> root of its TEI."""
    return {p.name.split("_")[0]: convert_text(p.read_bytes(), p.name).getroot() for p in SAMPLES}


def values(root, xpath: str) -> list[str]:
    return ["".join(e.itertext()).strip() if not isinstance(e, str) else e for e in root.xpath(xpath, namespaces=TEI)]


def one(root, xpath: str) -> str:
    found = values(root, xpath)
    assert len(found) == 1, f"{xpath}: {found}"
    return found[0]


def test_the_seven_samples_are_in_the_project():
    assert [p.name.split("_")[0] for p in SAMPLES] == [
        "long-002", "long-003", "long-009", "short-004", "short-005", "short-009", "short-011"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_is_valid_tei_all_and_lossless(tei_all, path):
    tree = convert_text(path.read_bytes(), path.name)
    assert_tei_all_valid(tei_all, tree, path.name)
    text = path.read_text(encoding="utf-8")
    assert lost_words(text, tree) == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_is_valid_against_the_project_schemas(path, tmp_path):
    """RELAX NG, XSD and Schematron errors (warnings name fields the page does not have)."""
    from tei import convert_bytes
    from tei.validate.validator import Validator
    data, _ = convert_bytes(path.read_bytes(), path.name)
    written = tmp_path / (path.stem + ".xml")
    written.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(written) if m.severity == "error"] == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_sample_is_silently_incomplete(path):
    """The rights statement is in every sample's licence, and no value is left unplaced."""
    doc = read_document(path.read_bytes(), path.name)
    root = convert_text(path.read_bytes(), path.name).getroot()
    licence = root.xpath("//t:availability/t:licence/t:p", namespaces=TEI)
    assert "".join(licence[0].itertext()).startswith(RIGHTS)
    assert ENQUIRE in "".join(root.xpath("//t:availability/t:licence", namespaces=TEI)[0].itertext())
    assert not [w for w in doc.warnings if "could not be placed" in w]
    assert not root.xpath("//t:notesStmt/t:note[@type='unplaced']", namespaces=TEI)


def test_short_004_bare_labels_without_values(tei):
    root = tei["short-004"]
    assert one(root, "//t:titleStmt/t:title").startswith("Cable from the Chinese Foreign Ministry, 'Instruction")
    assert values(root, "//t:titleStmt/t:funder") == ["Leon Levy Foundation"]
    assert root.xpath("//t:creation/t:date/@when", namespaces=TEI) == ["1962-11-05"]
    assert one(root, "//t:abstract").startswith("Instruction to from the Chinese Foreign Ministry")
    # empty Author(s), Subjects Discussed, Source, Original Archive: nothing invented for them
    assert not root.xpath("//t:titleStmt/t:author | //t:keywords | //t:msDesc | //t:idno[@type='record']",
                          namespaces=TEI)
    # a compact page: each line of the rights value is a whole paragraph, as on the web page
    assert [p.text[:20] for p in root.xpath("//t:licence/t:p", namespaces=TEI)] == ["The ", "To enquire about thi"]
    # the title's quoted part names no parties; the title names the sender alone
    assert not root.xpath("//t:correspAction/*[contains(., 'Instruction')]", namespaces=TEI)
    sent = root.xpath("//t:correspAction[@type='sent']/t:orgName", namespaces=TEI)
    assert [("".join(e.itertext()), e.get("cert")) for e in sent] == [("Chinese Foreign Ministry", "medium")]


def test_short_005_todays_layout_unlabelled_source_and_rights(tei):
    root = tei["short-005"]
    assert values(root, "//t:titleStmt/t:funder") == ["MacArthur Foundation", "Henry Luce Foundation"]
    assert values(root, "//t:notesStmt/t:note[@type='funders']") == ["MacArthur Foundation and Henry Luce Foundation"]
    assert not root.xpath("//t:idno[@type='record']", namespaces=TEI), "a funder line is not a record ID"
    source = root.xpath("//t:sourceDesc/t:bibl[@type='source']", namespaces=TEI)[0]
    assert "".join(source.itertext()) == "PRC FMA 118-01082-04, 60. Translated by Charles Kraus."
    assert source.get("cert") == "medium"
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["PRC FMA"] and values(ident, "t:idno") == ["118-01082-04, 60"]
    assert values(root, "//t:respStmt[t:resp='Translated by']/t:persName") == ["Charles Kraus"]
    licence = root.xpath("//t:availability/t:licence", namespaces=TEI)[0]
    assert len(licence.xpath("t:p", namespaces=TEI)) == 2 and licence.get("cert") is None  # the archive's own text
    assert not root.xpath("//t:publicationStmt/t:date[@type='uploaded']", namespaces=TEI)  # empty label
    assert one(root, "//t:abstract") == (
        "The Chinese Foreign Ministry asks for information on the movements of Soviet owned automobiles in Xinjiang.")


def test_short_009_todays_layout_letter(tei):
    root = tei["short-009"]
    assert one(root, "//t:titleStmt/t:title").startswith("Letter, First Secretary of the People's Party of Iran")
    assert values(root, "//t:respStmt/t:resp") == ["Contributed by", "Translated by"]
    assert values(root, "//t:respStmt/t:persName") == ["Roham Alvandi", "Richard Iserman"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["RGANI"] and values(ident, "t:idno") == ["f. 89, op.15, d.22, ll. 4-5"]
    assert root.xpath("//t:msDesc/@cert", namespaces=TEI) == ["medium"]
    assert root.xpath("//t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == ["#doctype-letter"]
    assert not root.xpath("//t:idno[@type='record'] | //t:titleStmt/t:funder", namespaces=TEI)
    assert one(root, "//t:abstract").startswith("Request from Ali Khavari")
    # the sender named by office and name in the title is the person, not the office's organisation
    assert values(root, "//t:correspAction[@type='sent']/t:persName") == ["A. Khavari"]
    assert values(root, "//t:correspAction[@type='received']/t:orgName") == [
        "International Department of the CPSU Central Committee"]


def test_short_011_todays_layout_telegram(tei):
    root = tei["short-011"]
    assert values(root, "//t:titleStmt/t:funder") == ["Leon Levy Foundation"]
    assert not root.xpath("//t:idno[@type='record']", namespaces=TEI), "the funder line after Record ID is no ID"
    assert values(root, "//t:notesStmt/t:note[@type='funders']") == ["Leon Levy Foundation"]
    stmt = root.xpath("//t:respStmt", namespaces=TEI)[0]
    assert values(stmt, "t:resp") == ["Translated for NKIDP by"]
    assert values(stmt, "t:persName") == ["James F. Person"] and values(stmt, "t:orgName") == ["NKIDP"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["TsAMO RF"]
    assert values(ident, "t:idno") == ["fond 5, opis 918795, delo 121, list 720"]
    assert root.xpath("//t:creation/t:date/@when", namespaces=TEI) == ["1950-10-08"]


def test_long_002_original_archive_subjects_and_people(tei):
    root = tei["long-002"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["300645"]
    assert root.xpath("//t:publicationStmt/t:date[@type='uploaded']/@when", namespaces=TEI) == ["2023-10-02"]
    assert values(root, "//t:titleStmt/t:funder") == ["Carnegie Corporation of New York (CCNY)"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["National Archives of Ireland"]
    assert values(ident, "t:collection") == [
        'Department of Foreign Affairs/5/313/3D, published in "Documents on Irish Foreign Policy," Volume XI, Document No. 96']
    source = one(root, "//t:bibl[@type='source']")
    assert "Original Archive" not in source and source.endswith("Contributed by Mervyn O'Driscoll.")
    assert values(root, "//t:respStmt[t:resp='Contributed by']/t:persName") == ["Mervyn O'Driscoll"]
    assert values(root, "//t:keywords[@scheme='#subjects']/t:term") == [
        "United Nations--Ireland", "Ireland--Foreign relations--Poland", "Ireland--Foreign relations--Soviet Union"]
    assert values(root, "//t:keywords[@scheme='#places']/t:term") == ["Ireland", "Poland", "Canada"]
    people = root.xpath("//t:keywords[@scheme='#people-organizations']/t:term/*", namespaces=TEI)
    assert [(p.tag.split("}")[1], "".join(p.itertext())) for p in people] == [
        ("persName", 'Cremin, Cornelius Christopher ("Con")'), ("persName", "Sieradzki, Mieczyslaw"),
        ("orgName", "Poland. Embassy (Canada)")]
    assert {p.get("cert") for p in people} == {"medium"}
    # "Confidential Report from ...": a classification read from the title, a likely reading
    refs = root.xpath("//t:catRef[@scheme='#classifications']", namespaces=TEI)
    assert [(r.get("target"), r.get("cert")) for r in refs] == [("#classification-confidential", "medium")]
    assert not root.xpath("//t:keywords[@scheme='#topics']", namespaces=TEI), "people are not topics"
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=TEI) == ["en"]


def test_long_003_online_source_with_its_archive(tei):
    root = tei["long-003"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["300646"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["United Nations Digital Library"]
    assert values(ident, "t:idno") == ["A/PV.751"]
    assert values(root, "//t:keywords[@scheme='#subjects']/t:term") == ["United Nations--Ireland", "Nuclear disarmament"]
    assert values(root, "//t:keywords[@scheme='#places']/t:term") == ["Ireland"]
    assert one(root, "//t:abstract").startswith("Aiken’s landmark address")
    assert root.xpath("//t:creation/t:date/@when", namespaces=TEI) == ["1958-09-19"]


def test_long_009_archive_named_by_its_abbreviation(tei):
    root = tei["long-009"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["German Federal Archives (BArch)"]
    assert values(ident, "t:idno") == ["B 136/59748, 297-301"] and not values(ident, "t:collection")
    stmts = [(values(s, "t:resp")[0], values(s, "t:persName")[0]) for s in root.xpath("//t:respStmt", namespaces=TEI)]
    assert stmts == [("Contributed by", "Stephan Kieninger"), ("Transcribed by", "Stephan Kieninger"),
                     ("Translated by", "Stephan Kieninger")]
    assert values(root, "//t:keywords[@scheme='#people-organizations']/t:term/t:persName") == [
        "Neuer, Walter", "Yeltsin, Boris", "Chirac, Jacques"]
    assert len(values(root, "//t:keywords[@scheme='#subjects']/t:term")) == 5
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=TEI) == ["en", "de"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["300237"]


def test_output_names_come_from_the_record_id_or_the_file_stem(tmp_path):
    results = convert_paths([ROOT / "samples"], tmp_path)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    names = sorted(Path(r.output).name for r in results)
    assert names == sorted(["wilson-300645.xml", "wilson-300646.xml", "wilson-300237.xml"]
                           + [f"{p.stem}.xml" for p in SAMPLES if p.name.startswith("short-")])
