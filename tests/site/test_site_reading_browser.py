"""A reader's tools on the site's document pages, in a real browser (headless Chromium through
Playwright): the site navigation, the name cards (mouse, keyboard, touch), the explanations of
the editorial marks (keyboard, touch), the per-document key of marks, and axe-core on every
kind of page, with the cards and explanations open."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from browser_fixtures import PHONE, serious_accessibility_violations
from conftest import ROOT
from test_site_browser import served
from tei.site.build import build

TEI = "{http://www.tei-c.org/ns/1.0}"
STALIN_PAGE = "documents/wilson-119377.html"  # Stalin to Kim Il Sung: names, additions, a blank, an annotation


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reading-site") / "edition"
    build([ROOT / "seeds"], folder, jobs=2, formats=("html",))
    with served(folder) as url:
        yield url, folder


@pytest.fixture
def touch_page(browser):
    """A phone-sized page with a touch screen (taps, no mouse)."""
    contexts = []

    def opener(url: str):
        context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda exc: page.problems.append(str(exc)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def register_entry(ident: str) -> etree._Element:
    tree = etree.parse(str(ROOT / "registers" / "persons.xml"))
    return tree.find(f".//{TEI}person[@{{http://www.w3.org/XML/1998/namespace}}id='{ident}']")


def words(text: str) -> str:
    return " ".join(text.split())


def tab_until(page, script: str, limit: int = 400) -> None:
    """Press Tab until the focused element satisfies `script` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({script})); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {script}")


def test_a_document_page_has_the_site_navigation(site, open_page):
    url, _ = site
    page = open_page(url + STALIN_PAGE)
    nav = page.locator("nav[aria-label=Edition]")
    assert nav.locator("a").all_text_contents() == ["Documents", "Chronology", "Browse", "Search", "About"]
    assert nav.locator("a[aria-current]").all_text_contents() == ["Documents"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert page.locator(".edition-skip").bounding_box()["x"] >= 0, "the skip link shows when focused"
    page.keyboard.press("Enter")
    # following a fragment link is asynchronous: on a loaded machine the URL changes a moment later
    page.wait_for_function("location.hash === '#main'", timeout=10_000)
    assert page.url.endswith("#main")
    for label, target in (("Chronology", "chronology.html"), ("Browse", "browse/index.html"),
                          ("Search", "search.html"), ("About", "about.html")):
        page.goto(url + STALIN_PAGE)
        page.locator("nav[aria-label=Edition] a", has_text=label).click()
        page.wait_for_load_state()
        assert page.url == url + target and page.locator("h1").count() == 1
    page.goto(url + STALIN_PAGE)
    assert page.locator("a[rel=prev]").count() + page.locator("a[rel=next]").count() >= 1
    assert page.problems == []


def test_a_name_opens_its_card_on_hover(site, open_page):
    url, _ = site
    page = open_page(url + STALIN_PAGE)
    stalin = register_entry("stalin")
    page.locator("#text a.name[href$='#person-stalin']").first.hover()
    card = page.locator("#name-card")
    card.wait_for(state="visible")
    text = words(card.text_content())
    assert "Joseph Stalin" in text and "Person" in text
    assert stalin.find(f"{TEI}birth").get("when")[:4] + "–" + stalin.find(f"{TEI}death").get("when")[:4] in text
    assert words(stalin.findtext(f"{TEI}note")) in text
    authority = card.locator("a.name-card-authority")
    assert authority.get_attribute("href") == "http://www.wikidata.org/entity/Q855"
    page.mouse.move(0, 0)
    card.wait_for(state="detached")
    assert page.problems == []


def test_a_name_opens_its_card_on_keyboard_focus_and_escape_closes_it(site, open_page):
    url, _ = site
    page = open_page(url + STALIN_PAGE)
    tab_until(page, "el.matches('#text a.name[href$=\"#person-kim-il-sung\"]')")
    card = page.locator("#name-card")
    card.wait_for(state="visible")
    assert "Kim Il Sung" in card.text_content()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "name-card-about"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Tab")  # into the card: its links are reachable without a mouse
    assert page.evaluate("document.getElementById('name-card').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert card.count() == 0
    assert page.evaluate("document.activeElement.matches('a.name[href$=\"#person-kim-il-sung\"]')"), "focus goes back to the name"
    assert page.problems == []


def test_a_tap_on_a_name_opens_its_card_and_a_tap_elsewhere_closes_it(site, touch_page):
    url, _ = site
    page = touch_page(url + STALIN_PAGE)
    page.locator("#text a.name[href$='#person-stalin']").first.tap()
    card = page.locator("#name-card")
    card.wait_for(state="visible")
    assert page.url == url + STALIN_PAGE, "the first tap opens the card, it does not leave the page"
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the card fits the phone's screen"
    page.locator("h1").first.tap()
    card.wait_for(state="detached")
    page.locator("#text a.name[href$='#person-stalin']").first.tap()
    card.locator("a", has_text="Documents that name").tap()
    page.wait_for_url("**/browse/person.html#person-stalin", timeout=5000)
    assert page.problems == []


def test_marks_explain_themselves_on_keyboard_focus(site, open_page):
    url, _ = site
    page = open_page(url + STALIN_PAGE)
    tab_until(page, "el.matches('.ed')")
    tip = page.locator("#mark-explanation")
    assert tip.is_visible()
    mark = page.evaluate("[document.activeElement.dataset.explanation, document.activeElement.getAttribute('aria-describedby')]")
    assert mark[0] and tip.text_content() == mark[0] and mark[1] == "mark-explanation"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert page.locator("#text .ed[title]").count() == 0, "the popover replaces the tooltip"
    assert page.problems == []


def test_marks_explain_themselves_on_a_tap(site, touch_page):
    url, _ = site
    page = touch_page(url + STALIN_PAGE)
    mark = page.locator("#text .ed-space").first
    mark.tap()
    tip = page.locator("#mark-explanation")
    assert tip.is_visible() and tip.text_content() == "Blank space left in the original"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.locator("h1").first.tap()
    assert not tip.is_visible()
    assert page.problems == []


def test_the_key_lists_exactly_the_marks_each_document_uses(site, open_page):
    url, folder = site
    for html_page in sorted((folder / "documents").glob("*.html")):
        page = open_page(url + "documents/" + html_page.name, javascript=False)
        used = set(page.locator("#text .ed[title]").evaluate_all(
            "marks => marks.map(m => m.classList.contains('ed-choice') ? m.title.split(/[;:]/)[0] : m.title)"))
        listed = page.locator(".marks-key dd").all_text_contents()
        assert sorted(listed) == sorted(used), html_page.name
        tei = etree.parse(str(html_page.with_suffix(".xml")))
        terms = page.locator(".marks-key dt").all_text_contents()
        sics = {s.get("rend") for s in tei.iter(f"{TEI}sic") if s.getparent().tag != f"{TEI}choice"}
        assert any(re.search(r"\[sic!\]", t) for t in terms) == ("sic!" in sics), html_page.name
        assert any(re.search(r"\[sic\]", t) for t in terms) == bool(sics - {"sic!"}), html_page.name
        labels = page.locator("#text .ed > .ed-label").all_text_contents()
        for term in terms:  # every bracket of the key is one the text shows
            for bracket in re.findall(r"\[[^\]\[]*?(?=text|\]|$)", term.replace("editors’ form", "")):
                assert any(bracket.strip() in label for label in labels), (html_page.name, term)


def test_the_person_index_gives_dates_and_notes_and_is_sorted_by_surname(site, open_page):
    url, _ = site
    page = open_page(url + "browse/person.html")
    stalin = page.locator("#person-stalin")
    assert "1878–1953" in stalin.locator(".entry-dates").text_content()
    assert words(register_entry("stalin").findtext(f"{TEI}note")) == words(stalin.locator(".entry-note").text_content())
    tree = etree.parse(str(ROOT / "registers" / "persons.xml"))
    surnames = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p.findtext(f"{TEI}persName[@type='main']/{TEI}surname")
                for p in tree.iter(f"{TEI}person")}
    anchors = page.locator("nav.facet-values a").evaluate_all("links => links.map(a => a.hash.slice(8))")
    known = [surnames[a].lower() for a in anchors if surnames.get(a)]
    assert len(known) > 5 and known == sorted(known)


@pytest.mark.parametrize("name", ["index.html", "chronology.html", "browse/index.html", "browse/person.html",
                                  "browse/type.html", "search.html", "about.html", "report.html", STALIN_PAGE,
                                  "documents/wilson-165251.html"])
def test_no_serious_accessibility_violation_on_any_kind_of_page(site, open_page, name):
    url, _ = site
    page = open_page(url + name)
    checks = [page]
    if name.startswith("documents/"):  # with a name card and a mark's explanation open too
        tab_until(page, "el.matches('#text a.name')")
        page.locator("#name-card").wait_for(state="visible")
        marked = open_page(url + name)
        tab_until(marked, "el.matches('.ed')")
        checks.append(marked)
    for checked in checks:
        assert serious_accessibility_violations(checked) == []
