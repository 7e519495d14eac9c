"""Citing a document: the plain text, the CSL-JSON, BibTeX and RIS downloads, and the Highwire tags
and schema.org JSON-LD of its page, for the seeds and for titles that try to break each format."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from lxml import etree, html

from conftest import ROOT
from tei.site.build import build
from tei.export import citation as cite
from tei.export.edition import Edition
from tei.core.record import DateValue, DocumentRecord
from tei.site.pages import _environment

GOLDEN = ROOT / "tests" / "golden"
CSL_SCHEMA = json.loads((ROOT / "tests" / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
ACCESSED = date(2026, 12, 2)
BASE = "https://edition.example.org/"
#: Titles that are hard for one format or another: quotes, TeX specials, braces, markup, scripts.
HOSTILE_TITLES = [
    'He said "no" to {Kim} & 100% of the \\plan #1 ~ $5_000 ^ }{',
    "Telegram </script><script>alert(1)</script> <!-- and ]]> too",
    "Телеграмма из Пхеньяна в Бухарест, № 61.530",
    "金日成同志致斯大林的信 — 1948年10月12日",
    "Unbalanced {{{ braces",
    "Note @misc{x, title = {y}} ER  - \nTY  - JOUR\r\n on two\tlines",
]


def golden_record(number: str) -> DocumentRecord:
    path = next(GOLDEN.glob(f"{number}_*.xml"))
    return DocumentRecord.from_tei(etree.parse(str(path)), id=path.stem, file=path.name)


def hostile_record(title: str) -> DocumentRecord:
    return DocumentRecord(id="doc-1", title=title, date=DateValue("October 12, 1948", when="1948-10-12"),
                          repository="RGASPI {fond} & co", archive_idno="f. 558, op. 11 % d. 109",
                          translators=["Gary Goldberg", "Ю. {Иванов}"], authors=['I. "Koba" Stalin'],
                          publisher="Wilson Center Digital Archive", uri="https://digitalarchive.umd.edu/document/119377",
                          language="en", doc_type="Message")


def every_citation() -> list[cite.Citation]:
    records = [golden_record(n) for n in ("000", "001", "002", "003", "004")]
    records += [hostile_record(title) for title in HOSTILE_TITLES]
    return [cite.Citation(r, Edition(base_url=base), ACCESSED) for r in records for base in ("", BASE)]


CITATIONS = every_citation()
IDS = [f"{c.record.id}-{'base' if c.edition.base_url else 'nobase'}-{i}" for i, c in enumerate(CITATIONS)]


# -- plain text --------------------------------------------------------------------------------

def test_plain_text_of_an_archival_document_has_every_part_in_order():
    text = cite.plain_text(cite.Citation(golden_record("004"), Edition(), ACCESSED))
    parts = ["“Telephone Message via VCh, I. Stalin to Kim Il Sung,”", "October 12, 1948", "RGASPI",
             "f. 558, op. 11, d. 109, ll. 0113", "Translated by Gary Goldberg.", "Wilson Center Digital Archive.",
             "https://digitalarchive.umd.edu/document/119377", "(accessed December 2, 2026)."]
    positions = [text.find(part) for part in parts]
    assert -1 not in positions, text
    assert positions == sorted(positions), text


def test_plain_text_names_an_author_only_when_the_header_has_one():
    with_author = cite.plain_text(cite.Citation(golden_record("001"), Edition(), ACCESSED))
    assert with_author.startswith("Mikhail Gorbachev, “Excerpt from a Conversation")
    assert cite.plain_text(cite.Citation(golden_record("004"), Edition(), ACCESSED)).startswith("“Telephone")


def test_a_document_without_any_url_still_says_when_it_was_accessed():
    text = cite.plain_text(cite.Citation(golden_record("000"), Edition(), ACCESSED))
    assert "http" not in text
    assert text.endswith("Accessed December 2, 2026.")


def test_an_undated_document_is_cited_as_undated():
    record = DocumentRecord(id="x", title="A note")
    assert "“A note,” n.d." in cite.plain_text(cite.Citation(record, Edition(), ACCESSED))
    assert "issued" not in cite.csl_item(cite.Citation(record, Edition(), ACCESSED))


# -- CSL-JSON ----------------------------------------------------------------------------------

@pytest.mark.parametrize("citation", CITATIONS, ids=IDS)
def test_csl_json_is_valid_against_the_csl_schema(citation):
    data = json.loads(cite.csl_json(citation))
    jsonschema.validate(data, CSL_SCHEMA, cls=jsonschema.Draft7Validator)
    [item] = data
    assert item["title"] == citation.record.title
    assert item["accessed"] == {"date-parts": [[2026, 12, 2]]}


def test_csl_json_of_a_seed_has_the_archive_the_signature_the_translator_and_the_url():
    [item] = json.loads(cite.csl_json(cite.Citation(golden_record("004"), Edition(), ACCESSED)))
    assert item["type"] == "manuscript"
    assert item["issued"] == {"date-parts": [[1948, 10, 12]]}
    assert item["archive"] == "RGASPI"
    assert item["archive_location"] == "f. 558, op. 11, d. 109, ll. 0113"
    assert item["translator"] == [{"literal": "Gary Goldberg"}]
    assert item["URL"] == "https://digitalarchive.umd.edu/document/119377"
    assert "author" not in item


@pytest.mark.parametrize("value, parts", [
    (DateValue(when="1948-10-12"), [[1948, 10, 12]]),
    (DateValue(not_before="1948-10-01", not_after="1948-10-31"), [[1948, 10]]),
    (DateValue(not_before="1948-01-01", not_after="1948-12-31"), [[1948]]),
    (DateValue(not_before="1948-03-05", not_after="1949-02-01"), [[1948, 3, 5], [1949, 2, 1]]),
    (DateValue(text="Autumn 1948"), None),
])
def test_dates_become_csl_date_parts(value, parts):
    assert cite.date_parts(value) == parts


def test_a_date_known_only_as_text_is_a_csl_literal_and_no_highwire_date():
    record = DocumentRecord(id="x", title="A note", date=DateValue(text="Autumn 1948"))
    citation = cite.Citation(record, Edition(), ACCESSED)
    assert cite.csl_item(citation)["issued"] == {"literal": "Autumn 1948"}
    assert "citation_date" not in dict(cite.highwire(citation))


def test_a_range_across_years_gives_no_single_date_to_highwire_or_schema_org():
    record = DocumentRecord(id="x", title="A file", date=DateValue(not_before="1948-03-05", not_after="1949-02-01"))
    citation = cite.Citation(record, Edition(), ACCESSED)
    assert "citation_date" not in dict(cite.highwire(citation))
    assert "dateCreated" not in cite.json_ld(citation)


# -- BibTeX ------------------------------------------------------------------------------------

def braces_balance(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("citation", CITATIONS, ids=IDS)
def test_bibtex_is_one_well_formed_entry(citation):
    text = cite.bibtex(citation)
    assert braces_balance(text)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.entry_type == "misc"
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", entry.key)
    fields = {f.key: f.value for f in entry.fields}
    assert fields["urldate"] == "2026-12-02"
    for name, value in fields.items():
        # No field holds an unescaped TeX special, which would break (%) or change (&, #, $) LaTeX output.
        assert not re.search(r"(?<!\\)[%&#$_]", value.replace("\\textbackslash{}", "")) or name == "url", (name, value)


def test_bibtex_keeps_the_title_recoverable_and_escapes_its_specials():
    record = hostile_record(HOSTILE_TITLES[0])
    [entry] = bibtexparser.parse_string(cite.bibtex(cite.Citation(record, Edition(), ACCESSED))).entries
    title = entry.fields_dict["title"].value
    assert title.startswith("{") and title.endswith("}")
    assert r"\&" in title and r"100\%" in title and r"\#1" in title and r"\$5\_000" in title
    assert r"\textbraceleft{}Kim\textbraceright{}" in title
    assert entry.fields_dict["translator"].value == r"{Gary Goldberg} and {Ю. \textbraceleft{}Иванов\textbraceright{}}"


def test_bibtex_of_a_seed_names_its_archive_and_translator():
    [entry] = bibtexparser.parse_string(cite.bibtex(cite.Citation(golden_record("004"), Edition(), ACCESSED))).entries
    fields = {f.key: f.value for f in entry.fields}
    assert fields["title"] == "{Telephone Message via VCh, I. Stalin to Kim Il Sung}"
    assert (fields["date"], fields["year"], fields["month"]) == ("1948-10-12", "1948", "10")
    assert fields["howpublished"] == "RGASPI, f. 558, op. 11, d. 109, ll. 0113"
    assert fields["translator"] == "{Gary Goldberg}"
    assert fields["url"] == "https://digitalarchive.umd.edu/document/119377"
    assert "author" not in fields


# -- RIS ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("citation", CITATIONS, ids=IDS)
def test_ris_is_one_well_formed_record(citation):
    text = cite.ris(citation)
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    assert "\n" not in "".join(lines) and "\r" not in "".join(lines)
    assert lines[0] == "TY  - MANSCPT" and lines[-1] == "ER  - "
    assert [line[:2] for line in lines].count("TY") == [line[:2] for line in lines].count("ER") == 1
    assert f"TI  - {' '.join(citation.record.title.split())}" in lines
    assert lines.count("TY  - JOUR") == 0
    assert "Y2  - 2026/12/02" in lines


def test_ris_of_a_seed_has_the_date_translator_archive_and_url():
    lines = cite.ris(cite.Citation(golden_record("004"), Edition(), ACCESSED)).split("\r\n")
    for line in ("DA  - 1948/10/12", "PY  - 1948", "A4  - Gary Goldberg", "AV  - RGASPI, f. 558, op. 11, d. 109, ll. 0113",
                 "UR  - https://digitalarchive.umd.edu/document/119377"):
        assert line in lines
    assert not any(line.startswith("AU  - ") for line in lines)


# -- the page's head ---------------------------------------------------------------------------

def page_head(citation: cite.Citation) -> html.HtmlElement:
    macros = _environment(Edition(), []).get_template("citation.html").module
    head = str(macros.head(cite.highwire(citation), cite.json_ld_script_text(citation)))
    return html.document_fromstring(f"<!DOCTYPE html><html><head>{head}</head><body><p id=after>x</p></body></html>")


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_no_title_breaks_out_of_the_json_ld_or_the_meta_tags(title):
    citation = cite.Citation(hostile_record(title), Edition(base_url=BASE), ACCESSED)
    page = page_head(citation)
    [script] = page.xpath("//script")
    assert script.get("type") == "application/ld+json"
    assert json.loads(script.text)["name"] == title
    assert page.xpath("//meta[@name='citation_title']/@content") == [" ".join(title.split())]
    assert page.xpath("//body/*/@id") == ["after"]  # nothing leaked into the body


def test_json_ld_describes_the_archival_document_in_the_edition():
    data = cite.json_ld(cite.Citation(golden_record("004"), Edition(base_url=BASE), ACCESSED))
    assert data["@context"] == "https://schema.org" and data["@type"] == "ArchiveComponent"
    assert (data["name"], data["dateCreated"], data["inLanguage"]) == (
        "Telephone Message via VCh, I. Stalin to Kim Il Sung", "1948-10-12", "en")
    assert data["holdingArchive"] == {"@type": "ArchiveOrganization", "name": "RGASPI"}
    assert data["translator"] == [{"@type": "Person", "name": "Gary Goldberg"}]
    assert data["url"] == BASE + "documents/004_5a195c45a986ff21.html"
    assert data["sameAs"] == "https://digitalarchive.umd.edu/document/119377"
    assert data["isPartOf"]["url"] == BASE and data["isPartOf"]["name"] == Edition().title


def test_a_document_known_from_a_publication_is_a_creative_work_with_its_author():
    data = cite.json_ld(cite.Citation(golden_record("001"), Edition(), ACCESSED))
    assert data["@type"] == "CreativeWork" and "holdingArchive" not in data
    assert data["author"] == [{"@type": "Person", "name": "Mikhail Gorbachev"}]


def test_the_accessed_date_is_the_reproducible_build_date_when_one_is_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert cite.accessed_date() == date(2023, 11, 14)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert cite.accessed_date() >= date(2026, 1, 1)


# -- the site ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seeds built with a base URL, and the accessed date fixed."""
    folder = tmp_path_factory.mktemp("cite") / "edition"
    patch = pytest.MonkeyPatch()
    patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    try:
        build([ROOT / "seeds"], folder, jobs=1, formats=("html",), edition=Edition(base_url=BASE))
    finally:
        patch.undo()
    return folder


def meta(page: html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in page.xpath("//meta[starts-with(@name, 'citation_')]"):
        found.setdefault(element.get("name"), []).append(element.get("content"))
    return found


def test_a_document_page_has_the_highwire_tags_of_its_record(site: Path):
    page = html.parse(str(site / "documents" / "wilson-119377.html")).getroot()
    url = BASE + "documents/wilson-119377.html"
    assert meta(page) == {
        "citation_title": ["Telephone Message via VCh, I. Stalin to Kim Il Sung"],
        "citation_date": ["1948/10/12"],
        "citation_publisher": ["Wilson Center Digital Archive"],
        "citation_public_url": [url],
        "citation_abstract_html_url": [url],
        "citation_language": ["en"],
    }
    assert meta(html.parse(str(site / "documents" / "wilson-176345.html")).getroot())["citation_author"] == [
        "Mikhail Gorbachev"]


def test_a_document_page_has_its_json_ld_and_a_cite_box_linking_its_downloads(site: Path):
    documents = site / "documents"
    page = html.parse(str(documents / "wilson-119377.html")).getroot()
    [script] = page.xpath("//head/script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["url"] == BASE + "documents/wilson-119377.html" and data["holdingArchive"]["name"] == "RGASPI"
    [box] = page.xpath("//main//section[contains(@class, 'cite-box')]")
    assert box.get("data-pagefind-ignore") is not None
    assert page.xpath("//h2[.='Cite this document']") == box.xpath("h2")  # it replaces the reading edition's
    assert page.xpath("//*[@id='citation']") == box.xpath("p[@id='citation']")  # the copy button copies it
    text = " ".join(box.xpath("string(p[@id='citation'])").split())
    assert text.startswith("“Telephone Message via VCh, I. Stalin to Kim Il Sung,” October 12, 1948, RGASPI")
    assert text.endswith("https://digitalarchive.umd.edu/document/119377 (accessed November 14, 2023).")
    assert box.xpath(".//time/@datetime") == ["2023-11-14"]
    links = box.xpath(".//a/@href")
    assert links == ["wilson-119377.csl.json", "wilson-119377.bib", "wilson-119377.ris"]
    [item] = json.loads((documents / links[0]).read_text(encoding="utf-8"))
    jsonschema.validate([item], CSL_SCHEMA, cls=jsonschema.Draft7Validator)
    assert item["archive_location"] == "f. 558, op. 11, d. 109, ll. 0113"
    assert len(bibtexparser.parse_string((documents / links[1]).read_text(encoding="utf-8")).entries) == 1
    assert (documents / links[2]).read_bytes().startswith(b"TY  - MANSCPT\r\n")


def test_every_document_page_has_its_citation(site: Path):
    pages = sorted((site / "documents").glob("*.html"))
    assert pages
    for path in pages:
        page = html.parse(str(path)).getroot()
        assert meta(page)["citation_title"], path.name
        assert page.xpath("//section[contains(@class, 'cite-box')]"), path.name
        for suffix in (".csl.json", ".bib", ".ris"):
            assert path.with_suffix(suffix).is_file() or (path.parent / (path.stem + suffix)).is_file()


@pytest.mark.parametrize("ident, key", [("wilson-119377", "wilson-119377"), ("004_5a19", "doc-004_5a19"),
                                        ("Телеграмма 61.530", "doc-61-530"), ("", "document")])
def test_bibtex_keys_are_ascii_and_start_with_a_letter(ident, key):
    assert cite.Citation(DocumentRecord(id=ident, title="x"), Edition(), ACCESSED).key == key
