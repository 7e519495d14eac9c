"""The built site in a real browser (headless Chromium through Playwright), served on localhost:
pages load cleanly, search finds documents, filters and the chronology lead to the right
documents, and axe-core finds no serious violation. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

from browser_fixtures import PHONE, serious_accessibility_violations
from conftest import ROOT
from render_helpers import ARTIFACTS
from tei.site.build import build


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` on a loopback server, as its URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The seeds' site (HTML and text: PDFs are tested elsewhere) on a loopback server."""
    folder = tmp_path_factory.mktemp("site") / "edition"
    build([ROOT / "seeds"], folder, jobs=2, formats=("html", "txt"))
    with served(folder) as url:
        yield url


@pytest.fixture(scope="module")
def parted_site_url(tmp_path_factory):
    """A site whose search index comes in parts, as a large edition's does: 60 documents (59
    copies of the Bulgarian memorandum, and Stalin's 1948 message), a part for every page."""
    sources = tmp_path_factory.mktemp("parted-sources")
    memo = ROOT / "seeds" / "003_9e4f21ecbb1f4041.txt"
    for number in range(59):
        text = memo.read_text(encoding="utf-8").replace("/document/", f"/document/9{number:03d}")
        text = re.sub(r"(Record ID\s*\n\s*\n?)(\d+)", lambda m: f"{m.group(1)}9{number:03d}{m.group(2)}", text)
        (sources / f"memo-{number:02d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "004_5a195c45a986ff21.txt", sources)
    folder = tmp_path_factory.mktemp("parted-site") / "edition"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tei.site.pages.SEARCH_PART_BYTES", 1)
        report = build([sources], folder, jobs=2, formats=("html",))
    assert len(report.documents) == 60 and not report.failed
    assert (folder / "pagefind" / "pagefind.js").is_file() and (folder / "pagefind-60" / "pagefind-entry.json").is_file()
    with served(folder) as url:
        yield url


PAGES = ["index.html", "chronology.html", "search.html", "about.html", "browse/index.html", "browse/type.html",
         "browse/person.html", "report.html", "documents/wilson-176345.html", "documents/wilson-119377.html"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_without_errors_and_is_kept_as_screenshots(site_url, open_page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    stem = "site-" + name.replace("/", "-").removesuffix(".html")
    page = open_page(site_url + name)
    page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
    assert page.problems == []
    phone = open_page(site_url + name, viewport=PHONE)
    phone.screenshot(path=str(ARTIFACTS / f"{stem}-phone.png"), full_page=True)
    assert phone.problems == []
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"] + 1, "scrolls sideways on a phone"


def search(page, words: str) -> list[str]:
    page.fill("#search-input", words)
    page.wait_for_function("document.getElementById('search-status').textContent.includes('found')", timeout=15000)
    return page.locator("#search-results li a").evaluate_all("links => links.map(a => a.textContent)")


def test_search_finds_the_documents_by_their_words(site_url, open_page):
    page = open_page(site_url + "search.html")
    found = search(page, "Shevardnadze")
    assert len(found) == 1 and found[0].startswith("Excerpt from a Conversation")
    assert "May 4, 1988" in page.locator("#search-results li").first.text_content()
    assert page.locator("#search-results mark").first.text_content() == "Shevardnadze"
    found = search(page, "Khabarovsk")
    assert len(found) == 1 and found[0].startswith("Telegram 057.139")
    assert page.problems == []


def test_search_indexes_the_text_and_the_metadata_fields_apart(site_url, open_page):
    """The metadata labels and values are fields, not words run together with the text: no
    "TypeMessage" is a hit, and no excerpt reads "DateOctober 12, 1948. TypeMessage. FromI. Stalin"."""
    page = open_page(site_url + "search.html")
    page.fill("#search-input", "TypeMessage")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('found')", timeout=15000)
    assert page.locator("#search-status").text_content() == "0 documents found"
    excerpts = []
    for words in ("Stalin", "Korea", "Telegram", "1948", "Classification"):
        search(page, words)
        excerpts += page.locator("#search-results li p").all_text_contents()
    assert excerpts
    run_together = re.compile(r"(?:Date|Type|From|To|Classification|Archive|Source|Original language|Record)[A-Z0-9]")
    assert [e for e in excerpts if run_together.search(e)] == []
    assert page.problems == []


def test_search_filters_by_type_and_year(site_url, open_page):
    page = open_page(site_url + "search.html")
    assert len(search(page, "Korea")) >= 3
    page.select_option("#search-type", "Telegram")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('found')")
    typed = page.locator("#search-results li .date").all_text_contents()
    assert typed and all("Telegram" in t for t in typed)
    page.select_option("#search-type", "")
    page.select_option("#search-year", "1948")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('1 ')")
    assert page.locator("#search-results li a").all_text_contents() == ["Telephone Message via VCh, I. Stalin to Kim Il Sung"]


def test_a_filter_without_words_lists_every_document_it_passes(site_url, open_page):
    page = open_page(site_url + "search.html")
    page.select_option("#search-type", "Telegram")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('found')", timeout=15000)
    assert page.locator("#search-status").text_content() == "2 documents found"
    dates = page.locator("#search-results li .date").all_text_contents()
    assert dates == ["November 26, 1973 · Telegram", "May 7, 1978 · Telegram"]
    page.select_option("#search-type", "")
    page.select_option("#search-year", "1948")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('1 ')")
    assert page.locator("#search-results li a").all_text_contents() == ["Telephone Message via VCh, I. Stalin to Kim Il Sung"]
    page.locator("#search-results li a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("documents/wilson-119377.html")
    page.go_back()
    page.select_option("#search-year", "")
    page.wait_for_function("document.getElementById('search-results').children.length === 0")
    assert page.problems == []


def test_search_merges_an_index_made_in_parts_and_filters_every_result(parted_site_url, open_page):
    page = open_page(parted_site_url + "search.html")
    found = search(page, "Korea")
    assert len(found) == 50 and "there are more" in page.locator("#search-status").text_content()
    page.select_option("#search-year", "1948")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('1 ')")
    assert page.locator("#search-results li a").all_text_contents() == ["Telephone Message via VCh, I. Stalin to Kim Il Sung"]
    assert page.problems == []


def test_home_page_filters_and_sorts_the_table(site_url, open_page):
    page = open_page(site_url + "index.html")
    rows = page.locator("#documents tbody tr")
    assert rows.count() == 5
    page.select_option("#filter-type", "Telegram")
    assert page.locator("#documents tbody tr:not([hidden])").count() == 2
    assert page.locator("#filter-count").text_content() == "2 of 5 documents"
    page.select_option("#filter-type", "")
    page.fill("#filter-text", "Bulgarian")
    visible = page.locator("#documents tbody tr:not([hidden]) td:nth-child(2)").all_text_contents()
    assert [v.strip() for v in visible] == ["Memorandum from the Bulgarian Foreign Ministry, Regarding Relations with North Korea"]
    page.fill("#filter-text", "")
    page.click("th:first-child button")
    assert page.locator("th:first-child").get_attribute("aria-sort") == "descending"
    assert rows.first.locator("td").first.text_content() == "May 4, 1988"


def test_chronology_leads_to_the_document(site_url, open_page):
    page = open_page(site_url + "chronology.html")
    page.click("a[href='#y1978']")
    page.locator("#y1978 a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("documents/wilson-116407.html")
    assert "Telegram 057.139" in page.locator("h1").first.text_content()
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert page.url.endswith("documents/wilson-176345.html")


@pytest.mark.parametrize("name", ["index.html", "search.html", "chronology.html", "about.html", "documents/wilson-165251.html"])
def test_no_serious_accessibility_violation(site_url, open_page, name):
    page = open_page(site_url + name)
    if name == "search.html":
        search(page, "Korea")
    assert serious_accessibility_violations(page) == []
