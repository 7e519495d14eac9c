"""The review list: every decision below high certainty, read back from @cert, with its source line."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SEEDS, assert_tei_all_valid
from tei.cli import cli
from tei.convert.pipeline import convert_reviewed
from tei.convert.encoder import serialize_tei
from tei.export.catalogue import spreadsheet_safe
from tei.convert.review import COLUMNS, decisions_csv, decisions_json, review_decisions

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
CERTAINTIES = {"high", "medium", "low", "unknown"}

#: A citation-layout document with a numeric date whose day and month may be swapped, no type word in
#: its title, and a signature in capitals.
SWAPPABLE = """May 5, 1973
**Account of the visit**
Citation:
"Account of the visit", May 5, 1973, Wilson Center Digital Archive, Archive of the Romanian Ministry of Foreign Affairs, Folder 1/1973. <https://digitalarchive.wilsoncenter.org/document/999001>
Summary:
A short account.
Original Language:
Romanian
Contents:
Translation - English

Date: {date}

The visit took place as planned and the delegation met the minister in the capital.

{signature}
"""


def seed(prefix: str):
    return next(path for path in SEEDS if path.name.startswith(prefix))


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


def loose(text: str) -> str:
    """Case, runs of spaces, bold marks and transliteration hyphens aside (the test's own normalisation)."""
    return re.sub(r"\s+", " ", text.replace("**", " ").replace("-", " ").replace("\u2019", "'")).strip().casefold()


def uncertain_elements(tree) -> list[etree._Element]:
    return [e for e in tree.getroot().iter() if isinstance(e.tag, str) and e.get("cert") not in (None, "high")]


@pytest.fixture(scope="module")
def reviewed():
    """Each seed: (source text, TEI tree, decisions)."""
    out = {}
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        tree, _, decisions = convert_reviewed(path.read_bytes(), path.name)
        out[path.stem] = (text, tree, decisions)
    return out


# -- what the list holds -------------------------------------------------------------------------

def test_every_seed_has_decisions_to_review_and_each_is_an_uncertain_element(reviewed):
    for stem, (_, tree, decisions) in reviewed.items():
        assert decisions, f"{stem}: the seeds all use heuristics, the list is empty"
        elements = uncertain_elements(tree)
        assert len(decisions) == len(elements), stem
        for decision, element in zip(decisions, elements):
            assert decision.certainty == element.get("cert")
            assert decision.document == f"{stem}.txt"
            found = tree.getroot().xpath(re.sub(r"/(\w+)", r"/t:\1", decision.location), namespaces=TEI)
            assert found == [element], f"{stem}: {decision.location} does not name the element"


def test_each_row_names_a_real_source_line_that_holds_the_value_or_says_why_not(reviewed):
    for stem, (text, _, decisions) in reviewed.items():
        lines = lines_of(text)
        for decision in decisions:
            assert decision.line is not None, f"{stem}: {decision}"
            assert 1 <= decision.line <= len(lines)
            assert decision.source_text == lines[decision.line - 1].strip()
            if loose(decision.value) not in loose(decision.source_text):
                assert "does not hold" in decision.note, f"{stem}: {decision}"


def test_the_heuristics_of_the_seeds_are_listed(reviewed):
    def rows(stem_prefix):
        stem = next(s for s in reviewed if s.startswith(stem_prefix))
        return {(d.field, d.value): d for d in reviewed[stem][2]}

    seed_000, seed_002, seed_004 = rows("000"), rows("002"), rows("004")
    # the type is read from the title's word "Telegram", on the title's line
    assert seed_000[("document type", "Telegram")].source_text.startswith("Telegram from Pyongyang")
    # the sender is the signer: a likely reading, found on the signature's line
    assert seed_000[("sender", "Aurelian Lazar")].source_text == "Signed: Aurelian Lazar"
    assert ("place of sending", "Pyongyang") in seed_000
    # a compact page's summary is the paragraph after the text: its own line
    summary = next(d for (field, _), d in seed_000.items() if field == "summary")
    assert summary.source_text.startswith("The telegram highlights") and summary.line == 11
    # a signature in capitals and the line after it as the role
    assert seed_004[("signer", "I. STALIN")].certainty == "medium"
    assert seed_004[("signer's role", "Chairman of the USSR Council of Ministers")].line == 45
    assert seed_004[("name link", "Yerofeyev")].source_text.endswith("sent by Yerofeyev")
    # a title before a name after a bare "Signed"
    assert seed_002[("signer", "Gheorghe Badrus")].source_text == "Ambassador Gheorghe Badrus"
    # a title over two lines: its own first line, not the citation that quotes it
    assert seed_002[("document type", "Telegram")].source_text.startswith("**Telegram 057.139")


def test_certain_decisions_are_not_listed(reviewed):
    seed_000 = {(d.field, d.value) for d in reviewed[seed("000").stem][2]}
    # "Signed: Aurelian Lazar" names the signer; the To lines name the recipients
    assert ("signer", "Aurelian Lazar") not in seed_000
    assert not {value for field, value in seed_000 if field == "recipient"}
    # the classification the export gives ("Original Classification: Secret") is certain
    assert "classification" not in {field for field, _ in seed_000}
    # a summary under a "Summary:" label is certain
    assert "summary" not in {d.field for d in reviewed[seed("002").stem][2]}
    for _, _, decisions in reviewed.values():
        assert all(d.certainty != "high" for d in decisions)


def test_high_certainty_and_probability_one_are_left_out_and_lower_ones_listed(reviewed):
    _, tree, _ = reviewed[seed("003").stem]
    tree = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    paragraphs = tree.getroot().findall(".//t:body//t:p", TEI)[:4]
    for paragraph, cert in zip(paragraphs, ("high", "1", "0.4", "unknown")):
        paragraph.set("cert", cert)
    listed = [d for d in review_decisions(tree) if d.field == "p"]
    assert [d.certainty for d in listed] == ["0.4", "unknown"]
    assert [d.value for d in listed] == ["".join(p.itertext()).strip() for p in paragraphs[2:]]


def test_a_swappable_numeric_date_is_low_and_an_unambiguous_one_is_not_listed():
    tree, _, decisions = convert_reviewed(SWAPPABLE.format(date="05.04.1973", signature="I. STALIN"), "swap.txt")
    dates = [d for d in decisions if d.field == "date"]
    assert [(d.value, d.certainty, d.line) for d in dates] == [("05.04.1973", "low", 12)]
    assert "1973-05-04" in dates[0].note
    _, _, decisions = convert_reviewed(SWAPPABLE.format(date="29.04.1973", signature="I. STALIN"), "plain.txt")
    assert not [d for d in decisions if d.field == "date"]


@pytest.mark.parametrize("signature, expected", [
    ("Signed: Gheorghe Badrus", []),
    ("/ Gheorghe Badrus /", []),
    ("GHEORGHE BADRUS", [("signer", "GHEORGHE BADRUS", "medium")]),
    ("Signed\n\nGheorghe Badrus", [("signer", "Gheorghe Badrus", "medium")]),
    ("[signature]\n\nGheorghe Badrus", [("signer", "Gheorghe Badrus", "low")]),
    ("Minister of Foreign Affairs:\n\n/ Gheorghe Badrus /", [("signer's role", "Minister of Foreign Affairs", "medium")]),
])
def test_the_signers_certainty_follows_how_the_closer_names_him(signature, expected):
    _, _, decisions = convert_reviewed(SWAPPABLE.format(date="29.04.1973", signature=signature), "signed.txt")
    rows = [(d.field, d.value, d.certainty) for d in decisions if d.field.startswith("signer")]
    assert rows == expected
    for decision in decisions:
        if decision.field.startswith("signer"):
            assert decision.source_text in signature.split("\n")


@pytest.mark.parametrize("language, expected", [
    ("Romanian", []), ("Serbo-Croat", [("Serbo-Croat", "medium")]), ("Nadsat", [("Nadsat", "unknown")]),
])
def test_a_language_code_matched_from_other_words_is_medium_and_none_unknown(language, expected):
    text = SWAPPABLE.format(date="29.04.1973", signature="Signed: I. Stalin").replace("\nRomanian\n", f"\n{language}\n")
    _, _, decisions = convert_reviewed(text, "language.txt")
    rows = [d for d in decisions if d.field == "language"]
    assert [(d.value, d.certainty) for d in rows] == expected
    assert all(d.source_text == language and d.note.startswith("recorded as ") for d in rows)


def test_a_doubtful_reading_and_an_original_term_of_several_languages_are_listed():
    text = SWAPPABLE.format(date="29.04.1973", signature="Signed: I. Stalin")
    text = text.replace("\nRomanian\n", "\nRussian, Korean\n").replace(
        "met the minister", "met the minister [Kim?] with the inventory [opis']")
    _, _, decisions = convert_reviewed(text, "marks.txt")
    rows = {d.field: d for d in decisions}
    assert (rows["unclear reading"].value, rows["unclear reading"].certainty) == ("Kim", "low")
    term = rows["language of an original term"]
    assert (term.value, term.certainty, term.note) == ("opis'", "medium", "recorded as ru-Latn")
    assert rows["unclear reading"].line == term.line == 14
    # one original language: the term's language is not in doubt
    _, _, decisions = convert_reviewed(text.replace("Russian, Korean", "Russian"), "one.txt")
    assert "language of an original term" not in {d.field for d in decisions}


def test_a_type_nothing_names_is_low_and_a_mapped_one_medium():
    _, _, decisions = convert_reviewed(SWAPPABLE.format(date="29.04.1973", signature="Signed: I. Stalin"), "x.txt")
    rows = {d.field: d for d in decisions}
    assert (rows["document type"].value, rows["document type"].certainty) == ("Other", "low")
    assert "does not hold" in rows["document type"].note
    assert "signer" not in rows  # "Signed:" names the signer
    text = seed("003").read_text(encoding="utf-8").replace("\nMemorandum\n\nLanguage", "\nMemorandum (draft)\n\nLanguage")
    _, _, decisions = convert_reviewed(text, "mapped.txt")
    mapped = [d for d in decisions if d.field == "document type"]
    assert [(d.value, d.certainty, d.source_text) for d in mapped] == [("Memorandum", "medium", "Memorandum (draft)")]
    _, _, decisions = convert_reviewed(seed("003").read_bytes(), "given.txt")
    assert not [d for d in decisions if d.field == "document type"]


def test_the_list_is_read_back_from_an_existing_tei_file(reviewed, tmp_path):
    for stem, (_, tree, decisions) in reviewed.items():
        path = tmp_path / f"{stem}.xml"
        path.write_bytes(serialize_tei(tree))
        again = review_decisions(etree.parse(str(path)))
        assert [(d.field, d.value, d.certainty, d.location) for d in again] == \
               [(d.field, d.value, d.certainty, d.location) for d in decisions]
        assert all(d.line is None and d.source_text == "" and d.document == str(path) for d in again)


def test_the_samples_rows_name_real_lines_too():
    from samples import sample_paths
    from tei.core.errors import TeiEditionError

    checked = 0
    for path in sample_paths():
        try:
            _, _, decisions = convert_reviewed(path.read_bytes(), path.name)
        except TeiEditionError:
            continue  # a sample the converter does not yet read losslessly (tests/convert/test_lossless_check.py)
        lines = lines_of(path.read_text(encoding="utf-8"))
        for decision in decisions:
            assert decision.line is not None and decision.source_text == lines[decision.line - 1].strip(), decision
            assert loose(decision.value) in loose(decision.source_text) or "does not hold" in decision.note, decision
        checked += len(decisions)
    if not checked:
        pytest.skip("no sample to review")


# -- valid TEI ----------------------------------------------------------------------------------

def test_cert_values_are_valid_against_the_project_schemas_and_tei_all(reviewed, tei_all, tmp_path):
    from tei.validate.validator import Validator

    validator = Validator()
    trees = {stem: tree for stem, (_, tree, _) in reviewed.items()}
    trees["swappable"] = convert_reviewed(SWAPPABLE.format(date="05.04.1973", signature="I. STALIN"), "s.txt")[0]
    for language in ("Serbo-Croat", "Nadsat"):
        text = SWAPPABLE.format(date="05.04.1973", signature="[signature]\n\nGheorghe Badrus")
        trees[language] = convert_reviewed(text.replace("\nRomanian\n", f"\n{language}\n"), "l.txt")[0]
    for stem, tree in trees.items():
        assert {e.get("cert") for e in tree.getroot().iter() if isinstance(e.tag, str) and e.get("cert")} <= CERTAINTIES
        path = tmp_path / f"{stem}.xml"
        path.write_bytes(serialize_tei(tree))
        errors = [str(m) for m in validator.validate_file(path) if m.severity == "error"]
        assert not errors, f"{stem}: {errors}"
        assert_tei_all_valid(tei_all, tree, stem)


# -- CSV and JSON ------------------------------------------------------------------------------

def test_csv_and_json_hold_the_same_rows_and_are_well_formed(reviewed):
    decisions = [d for _, _, ds in reviewed.values() for d in ds]
    rows = list(csv.reader(io.StringIO(decisions_csv(decisions).decode("utf-8"), newline="")))
    assert rows[0] == COLUMNS
    assert len(rows) == len(decisions) + 1
    assert all(len(row) == len(COLUMNS) for row in rows)
    objects = json.loads(decisions_json(decisions))
    assert [list(o) for o in objects] == [COLUMNS] * len(decisions)
    for row, obj in zip(rows[1:], objects):
        assert row[COLUMNS.index("line")] == str(obj["line"])
        assert row[COLUMNS.index("value")] == spreadsheet_safe(obj["value"])


def test_csv_cells_cannot_run_as_formulas(reviewed):
    _, tree, _ = reviewed[seed("003").stem]
    tree = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    paragraph = tree.getroot().find(".//t:body//t:p", TEI)
    for text in ("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)"):
        etree.SubElement(paragraph, f"{{{TEI['t']}}}persName", cert="low").text = text
    decisions = [d for d in review_decisions(tree) if d.field == "persName"]
    values = [row[COLUMNS.index("value")] for row in csv.reader(io.StringIO(decisions_csv(decisions).decode(), newline=""))][1:]
    assert len(values) == 4
    assert all(value.startswith("'") for value in values), values
    assert [spreadsheet_safe(cell) for cell in ("\tx", "\rx", "x=1", "")] == ["'\tx", "'\rx", "x=1", ""]
    assert json.loads(decisions_json(decisions))[0]["value"] == "=HYPERLINK(\"http://x\")"


# -- the command line ---------------------------------------------------------------------------

def test_convert_review_writes_csv_or_json_by_extension_or_option(tmp_path):
    runner = CliRunner()
    for name, option, fmt in (("review.csv", [], "csv"), ("review.json", [], "json"),
                              ("review.txt", ["--review-format", "json"], "json")):
        out = tmp_path / name.replace(".", "-")
        result = runner.invoke(cli, ["convert", str(seed("000")), str(seed("004")), "-o", str(out),
                                     "--review", str(tmp_path / name), *option])
        assert result.exit_code == 0, result.output
        data = (tmp_path / name).read_text(encoding="utf-8")
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(data, newline="")))
        else:
            rows = json.loads(data)
        assert {row["document"] for row in rows} == {str(seed("000")), str(seed("004"))}
        assert {row["tei"] for row in rows} == {str(p) for p in out.iterdir()}
        assert any(row["field"] == "signer" and row["value"] == "I. STALIN" for row in rows)
        assert f"{len(rows)} decisions to review" in result.output


def test_convert_review_with_an_unknown_extension_is_a_usage_error_before_anything_is_written(tmp_path):
    result = CliRunner().invoke(cli, ["convert", str(seed("000")), "-o", str(tmp_path / "tei"),
                                      "--review", str(tmp_path / "review.xlsx")])
    assert result.exit_code == 2
    assert "csv or .json" in result.output
    assert not (tmp_path / "tei").exists() and not (tmp_path / "review.xlsx").exists()


def test_convert_review_from_standard_input(tmp_path):
    review = tmp_path / "review.json"
    result = CliRunner().invoke(cli, ["convert", "-", "--review", str(review)], input=seed("004").read_bytes(),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert etree.fromstring(result.stdout_bytes).tag == f"{{{TEI['t']}}}TEI"
    rows = json.loads(review.read_text(encoding="utf-8"))
    assert rows and {row["document"] for row in rows} == {"<stdin>"}
    assert all(row["line"] for row in rows)


# -- the build's report ------------------------------------------------------------------------

def test_the_build_report_gives_each_documents_review_count(tmp_path):
    from tei.site.build import build

    report = build([seed("000").parent], tmp_path / "edition", jobs=1, formats=("html",))
    assert not report.failed
    page = (tmp_path / "edition" / "report.html").read_text(encoding="utf-8")
    assert "To review" in page
    for doc in report.documents:
        tree = etree.parse(str(tmp_path / "edition" / "documents" / f"{doc.id}.xml"))
        count = len(uncertain_elements(tree))
        assert doc.review == count > 0
        assert re.search(rf'href="documents/{re.escape(doc.id)}\.html">[^<]*</a>:\s*{count} decisions?<', page), doc.id


def test_the_review_command_reads_tei_files_and_exports(tmp_path, reviewed):
    runner = CliRunner()
    tei_dir = tmp_path / "tei"
    assert runner.invoke(cli, ["convert", str(seed("000").parent), "-o", str(tei_dir), "-q"]).exit_code == 0
    expected = sum(len(ds) for _, _, ds in reviewed.values())
    # TEI files: the rows, without source lines
    result = runner.invoke(cli, ["review", str(tei_dir), "-o", str(tmp_path / "tei.json")])
    assert result.exit_code == 0, result.output
    rows = json.loads((tmp_path / "tei.json").read_text(encoding="utf-8"))
    assert len(rows) == expected and all(row["line"] is None for row in rows)
    assert {row["document"] for row in rows} == {str(p) for p in tei_dir.iterdir()}
    # archive exports: converted in memory, the rows name their lines, nothing is written beside them
    before = sorted(p.name for p in seed("000").parent.iterdir())
    result = runner.invoke(cli, ["review", str(seed("000").parent), "-o", str(tmp_path / "txt.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "txt.csv").read_text(encoding="utf-8"), newline="")))
    assert len(rows) == expected and all(row["line"].isdigit() for row in rows)
    assert sorted(p.name for p in seed("000").parent.iterdir()) == before
    assert f"{expected} decisions to review in {len(SEEDS)} documents" in result.output


def test_the_review_command_goes_on_after_a_bad_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes(seed("004").read_bytes())
    result = CliRunner().invoke(cli, ["review", str(bad), str(good), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    assert f"{bad}: error:" in result.output
    rows = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert rows and {row["document"] for row in rows} == {str(good)}
    result = CliRunner().invoke(cli, ["review", str(good), "-o", str(tmp_path / "r.ods")])
    assert result.exit_code == 2 and not (tmp_path / "r.ods").exists()
