"""A German edition (edition.toml: language = "de") in a real browser: the document page and the
search page show German labels, and the scripts speak German too (search status, name cards)."""

from __future__ import annotations

import pytest

from browser_fixtures import serious_accessibility_violations
from test_site_browser import served
from test_site_language import _german_site

STALIN_PAGE = "documents/wilson-119377.html"


@pytest.fixture(scope="module")
def german_url(tmp_path_factory):
    with served(_german_site(tmp_path_factory.mktemp("german-browser"))) as url:
        yield url


def test_a_german_document_page_shows_german_labels(german_url, open_page):
    page = open_page(german_url + STALIN_PAGE)
    navigation = page.get_by_role("navigation", name="Edition", exact=True).first
    assert [link.strip() for link in navigation.locator("a").all_text_contents()] == [
        "Dokumente", "Chronologie", "Register", "Suche", "Über die Edition"]
    assert navigation.evaluate("nav => nav.closest('[lang]').lang") == "de"
    assert page.get_by_role("heading", name="Dieses Dokument zitieren").is_visible()
    assert "Herunterladen:" in page.locator("nav.document-nav").text_content()
    page.locator("#text a.name[href$='#person-stalin']").first.hover()
    card = page.locator("#name-card")
    card.wait_for(state="visible")
    assert "Dokumente, die Joseph Stalin nennen" in card.text_content()
    assert card.locator("a.name-card-authority").text_content() == "Normdatensatz"
    assert page.problems == []


def test_the_german_search_page_labels_and_reports_in_german(german_url, open_page):
    page = open_page(german_url + "search.html")
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.get_by_role("heading", level=1).text_content() == "Die Dokumente durchsuchen"
    assert page.get_by_label("Wörter").is_visible() and page.get_by_label("Typ").is_visible()
    assert page.get_by_role("button", name="Suche").is_visible()
    page.fill("#search-input", "Shevardnadze")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('gefunden')", timeout=15000)
    assert page.locator("#search-status").text_content() == "1 Dokument gefunden"
    assert page.problems == []


def test_the_german_home_page_counts_in_german(german_url, open_page):
    page = open_page(german_url + "index.html")
    assert page.locator("#filter-count").text_content() == "5 von 5 Dokumenten"
    page.select_option("#filter-language", "Russian")
    assert page.locator("#filter-count").text_content() == "1 von 5 Dokumenten"
    assert page.problems == []


def test_the_german_copy_button_reports_in_german(german_url, open_page):
    """The reading edition's own script (xslt/edition.js) takes the page's translations too."""
    page = open_page(german_url + STALIN_PAGE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=german_url.rstrip("/"))
    page.click(".cite-box .copy-citation")
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    assert page.locator(".copy-status").text_content() == "Zitat kopiert."
    assert page.problems == []


@pytest.mark.parametrize("name", ["index.html", "chronology.html", "browse/index.html", "search.html", "about.html",
                                  STALIN_PAGE])
def test_no_serious_accessibility_violation_on_the_german_pages(german_url, open_page, name):
    """German labels are longer and marked lang="de" inside English documents: axe checks them too."""
    assert serious_accessibility_violations(open_page(german_url + name)) == []
