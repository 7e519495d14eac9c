"""The map page in a real browser (headless Chromium through Playwright), served on localhost:
with the tiles out of reach the list is there and Leaflet puts a marker for every place on the
map; without JavaScript the page is the list; axe-core finds no serious violation."""

from __future__ import annotations

import pytest

from browser_fixtures import DESKTOP, serious_accessibility_violations
from render_helpers import ARTIFACTS
from test_site_browser import served
from test_site_map import HOSTILE_NAME, TEST_ATTRIBUTION, TEST_PLACES, build_map_site
from tei.export.edition import Edition

TILES = "https://tiles.example.test/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def map_url(tmp_path_factory):
    site = build_map_site(tmp_path_factory.mktemp("map-browser"), TEST_PLACES,
                          Edition(map_tiles=TILES, map_attribution=TEST_ATTRIBUTION))
    with served(site) as url:
        yield url + "map.html"


@pytest.fixture
def offline_page(browser):
    """A page whose requests beyond its own server are refused (as offline, or with the tile
    server down), each refused address recorded in `page.refused`; console errors other than
    the refused loads' in `page.problems`."""
    contexts = []

    def opener(url: str, javascript: bool = True):
        context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.refused, page.problems = [], []
        origin = url.split("/map.html")[0]

        def route(request_route):
            if request_route.request.url.startswith(origin):
                request_route.continue_()
            else:
                page.refused.append(request_route.request.url)
                request_route.abort("internetdisconnected")

        context.route("**/*", route)
        page.on("console", lambda msg: msg.type in ("error", "warning") and "Failed to load resource" not in msg.text
                and page.problems.append(msg.text))
        page.on("pageerror", lambda exc: page.problems.append(str(exc)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def list_names(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("table.place-list tbody th").all_text_contents()]


def test_without_tiles_the_list_is_shown_and_every_place_has_a_marker(map_url, offline_page):
    page = offline_page(map_url)
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_function("document.getElementById('map-note').textContent.length > 0")
    assert page.problems == []
    assert page.refused and all(u.startswith("https://tiles.example.test/") for u in page.refused)
    assert page.locator("table.place-list").is_visible()
    assert list_names(page) == ["Moscow", HOSTILE_NAME]
    assert page.locator("#place-map").is_visible()
    markers = page.locator(".leaflet-marker-icon")
    assert sorted(markers.evaluate_all("ms => ms.map(m => m.getAttribute('title'))")) == \
        sorted(["Moscow (1 document; location approximate, unchecked)", f"{HOSTILE_NAME} (1 document)"])
    assert "could not be loaded" in page.locator("#map-note").inner_text()
    # The attribution is the edition file's, as text; a marker's popup leads to the place's entry.
    assert TEST_ATTRIBUTION in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".leaflet-control-attribution b").count() == 0
    page.locator(".leaflet-marker-icon[title^='Moscow']").click()
    popup = page.locator(".leaflet-popup-content a")
    assert popup.inner_text() == "Moscow (1 document; location approximate, unchecked)"
    # The popup pans the map as it opens; under load a pointer click can land while it still
    # moves, so the link is followed by its own click event rather than at screen coordinates.
    with page.expect_navigation(url="**/browse/place.html#place-moscow"):
        popup.dispatch_event("click")
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(map_url)
    page.wait_for_selector(".leaflet-marker-icon")
    page.screenshot(path=str(ARTIFACTS / "site-map-offline.png"), full_page=True)


def test_without_javascript_the_page_is_the_list(map_url, offline_page):
    page = offline_page(map_url, javascript=False)
    assert page.refused == []
    assert list_names(page) == ["Moscow", HOSTILE_NAME]
    assert page.locator("table.place-list tbody td").all_inner_texts() == \
        ["55.7558° N, 37.6173° E (approximate, unchecked)", "1", "10.5000° N, 20.2500° W", "1"]
    assert not page.locator("#place-map").is_visible()
    page.locator("table.place-list a", has_text="Moscow").click()
    page.wait_for_url("**/browse/place.html#place-moscow")


def test_axe_finds_no_serious_violation_on_the_map_page(map_url, offline_page):
    page = offline_page(map_url)
    page.wait_for_selector(".leaflet-marker-icon")
    assert serious_accessibility_violations(page) == []
