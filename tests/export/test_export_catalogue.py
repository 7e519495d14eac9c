"""CSV and JSON catalogues: parsed back, with stable columns and the seeds' metadata."""

from __future__ import annotations

import csv
import dataclasses
import json

from lxml import etree

from export_helpers import GOLDEN, SEED
from tei.export import export
from tei.export.catalogue import COLUMNS, catalogue_csv, catalogue_row, spreadsheet_safe
from tei.core.record import DocumentRecord


def test_csv_parses_back_with_the_columns_in_order(tmp_path):
    out = tmp_path / "catalogue.csv"
    assert export("csv", [GOLDEN], out).ok
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with out.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    assert [row["id"] for row in rows] == sorted(SEED.values())
    telegram = rows[0]
    assert telegram["title"] == "Telegram from Pyongyang to Bucharest, SECRET, No. 61.530"
    assert telegram["classification"] == "Secret" and telegram["type"] == "Telegram"
    assert telegram["recipients"] == "Direction I Relations; Ion Ciubotaru; Direction II Relations; L. Petrescu"
    stalin = rows[4]
    assert (stalin["date"], stalin["date_when"]) == ("1948-10-12", "1948-10-12")
    assert stalin["original_language"] == "ru" and stalin["archive"] == "RGASPI"
    assert stalin["idno"] == "f. 558, op. 11, d. 109, ll. 0113" and stalin["record_id"] == "119377"
    assert stalin["translators"] == "Gary Goldberg" and stalin["funders"] == "Leon Levy Foundation"
    assert stalin["senders"] == "I. Stalin" and stalin["received_places"] == "Pyongyang"
    assert rows[3]["summary"].endswith('declaration of the Ambassador as "person non grata."')


def test_json_has_the_same_fields_with_lists_as_arrays(tmp_path):
    out = tmp_path / "catalogue.json"
    assert export("json", [GOLDEN], out).ok
    rows = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [list(row) for row in rows] == [COLUMNS] * 5
    romanian = rows[2]
    assert romanian["original_language"] == ["ro"]
    assert romanian["uri"] == "https://digitalarchive.umd.edu/document/116407"
    assert romanian["collection"][0].startswith("Relations between North Korea and Socialist Countries")
    assert rows[1]["translators"] == ["Sergey Radchenko"] and rows[1]["uploaded"] == "2018-02-08"


def test_month_and_year_ranges():
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><creation>'
           '<date notBefore="1948-10-01" notAfter="1948-10-31">October 1948</date></creation>'
           '</profileDesc></teiHeader></TEI>')
    from lxml import etree

    row = catalogue_row(DocumentRecord.from_tei(etree.fromstring(tei), id="x"))
    assert (row["date"], row["date_when"], row["date_not_before"], row["date_not_after"]) == \
        ("1948-10", "", "1948-10-01", "1948-10-31")
    year = DocumentRecord.from_tei(etree.fromstring(tei.replace("1948-10-01", "1948-01-01").replace("1948-10-31", "1948-12-31")))
    assert year.date.iso == "1948"


def test_a_record_holds_plain_values_and_not_the_document():
    """lxml's attribute results are strings that keep their whole document alive: a record that
    held one would keep every document of a large export in memory."""
    def values(item):
        if dataclasses.is_dataclass(item):
            for field in dataclasses.fields(item):
                yield from values(getattr(item, field.name))
        elif isinstance(item, (list, tuple)):
            for element in item:
                yield from values(element)
        elif item is not None:
            yield item

    for path in sorted(GOLDEN.glob("*.xml")):
        found = list(values(DocumentRecord.from_tei(etree.parse(str(path)))))
        assert found and {type(value) for value in found} <= {str, bool, int}, path.name


def test_csv_cells_that_start_like_a_formula_are_quoted_as_text():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "  @A1"):
        assert spreadsheet_safe(cell) == "'" + cell
    for cell in ("", "1948-10-12", "Kim Il Sung", "'quoted", "a=1", "1-2", " 1"):
        assert spreadsheet_safe(cell) == cell
    record = DocumentRecord(id="x", title="=cmd|' /C calc'!A0", topics=["-topic", "ok"], translators=["a", "@b"])
    [row] = list(csv.DictReader(catalogue_csv([record]).decode("utf-8").splitlines()))
    # a list is one cell: only its start counts, the separator is written as it is
    assert (row["title"], row["topics"], row["translators"]) == ("'=cmd|' /C calc'!A0", "'-topic; ok", "a; @b")


def test_csv_cells_are_all_quoted_so_no_separator_inside_one_can_start_a_cell():
    """OWASP: a separator (, or ;) in a value must not let a formula start a cell of its own."""
    record = DocumentRecord(id="x", translators=["a", "@b"], collections=["=1+1,=2+2"], title='say "=1", ok')
    data = catalogue_csv([record]).decode("utf-8")
    header, line = data.split("\r\n")[:2]
    assert line.startswith('"x","') and line.count('","') == len(COLUMNS) - 1 and line.endswith('"')
    [row] = list(csv.DictReader(data.splitlines()))
    assert (row["translators"], row["collection"], row["title"]) == ("a; @b", "'=1+1,=2+2", 'say "=1", ok')
    assert not [cell for cell in row.values() if cell[:1] in ("=", "+", "-", "@")]
