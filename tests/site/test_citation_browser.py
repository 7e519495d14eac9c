"""The "Cite this document" box in a real browser (headless Chromium): the reader's day in the
visible citation (the build's day without scripts), and the three downloads as a reader gets them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from conftest import ROOT
from tei.site.build import build
from test_site_browser import served

CSL_SCHEMA = json.loads((ROOT / "tests" / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
PAGE = "documents/wilson-119377.html"
BUILD_DAY = "November 14, 2023"  # SOURCE_DATE_EPOCH=1700000000


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cite-site") / "edition"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        build([ROOT / "seeds"], folder, jobs=1, formats=("html",))
    with served(folder) as url:
        yield url


def test_the_visible_citation_gives_the_readers_day(site_url, open_page):
    page = open_page(site_url + PAGE)
    today = page.evaluate("""() => { const d = new Date();
        return [d.toLocaleDateString('en-US', {month: 'long', day: 'numeric', year: 'numeric'}),
                d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')]; }""")
    time = page.locator(".cite-box time.cite-accessed")
    assert time.inner_text() == today[0]
    assert time.get_attribute("datetime") == today[1]
    assert page.locator(".cite-box .cite-text").inner_text().endswith(f"(accessed {today[0]}).")
    assert page.problems == []


def test_without_scripts_the_citation_gives_the_build_day(site_url, open_page):
    page = open_page(site_url + PAGE, javascript=False)
    assert page.locator(".cite-box time.cite-accessed").inner_text() == BUILD_DAY


def download(page, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("link", name=label, exact=True).click()
    item = info.value
    return item.suggested_filename, Path(item.path()).read_text(encoding="utf-8")


def test_the_three_downloads_are_well_formed_citations_of_the_document(site_url, open_page):
    page = open_page(site_url + PAGE)
    name, text = download(page, "CSL-JSON")
    assert name == "wilson-119377.csl.json"
    data = json.loads(text)
    jsonschema.validate(data, CSL_SCHEMA, cls=jsonschema.Draft7Validator)
    assert data[0]["title"] == "Telephone Message via VCh, I. Stalin to Kim Il Sung"
    assert data[0]["issued"] == {"date-parts": [[1948, 10, 12]]}

    name, text = download(page, "BibTeX")
    assert name == "wilson-119377.bib"
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert library.entries[0].fields_dict["translator"].value == "{Gary Goldberg}"

    name, text = download(page, "RIS")
    assert name == "wilson-119377.ris"
    lines = text.splitlines()
    assert lines[0] == "TY  - MANSCPT" and lines[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines)
    assert "A4  - Gary Goldberg" in lines


def test_the_copy_button_copies_the_complete_citation_with_the_readers_day(site_url, open_page):
    page = open_page(site_url + PAGE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    assert page.locator(".cite-box .copy-citation").is_visible()
    page.click(".cite-box .copy-citation")
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    assert page.locator(".copy-status").text_content() == "Citation copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.split() == page.locator("#citation").inner_text().split()
    assert "RGASPI, f. 558, op. 11, d. 109, ll. 0113" in copied and BUILD_DAY not in copied
