"""The HTML pages in a real browser (Debian's headless Chromium driven by Playwright), under
axe-core, and under the Nu HTML Checker. Skipped, with the reason, where those are not installed;
.ci/run installs them. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tei.render import render

from render_helpers import ALL_TEI, ARTIFACTS, INSTALL_HINT, SAMPLE, ids, missing_tool

from browser_fixtures import PHONE, serious_accessibility_violations


@pytest.fixture(scope="module")
def page_files(tmp_path_factory) -> dict[Path, Path]:
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for path in ALL_TEI:
        files[path] = folder / f"{path.stem}.html"
        files[path].write_bytes(render(path, "html"))
    return files


# ---------------------------------------------------------------- Nu HTML Checker

def _vnu_jar() -> Path | None:
    if os.environ.get("VNU_JAR"):
        jar = Path(os.environ["VNU_JAR"])
        return jar if jar.is_file() else None
    npm = shutil.which("npm")
    if npm:
        root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True).stdout.strip()
        jar = Path(root) / "vnu-jar" / "build" / "dist" / "vnu.jar"
        if jar.is_file():
            return jar
    return None


def test_pages_are_valid_html(page_files):
    jar, java = _vnu_jar(), shutil.which("java")
    if not (jar and java):
        missing_tool("the Nu HTML Checker needs the Debian packages default-jre-headless and npm and the npm "
                     f"package vnu-jar (no {'java' if jar else 'vnu.jar'} found): {INSTALL_HINT}", "vnu")
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json",
                             *map(str, page_files.values())], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []


# ---------------------------------------------------------------- Chromium

@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_page_opens_cleanly_and_is_kept_as_screenshots(path, page_files, open_page):
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(page_files[path])
    page.screenshot(path=str(ARTIFACTS / f"{path.stem}.png"), full_page=True)
    assert page.problems == []
    phone = open_page(page_files[path], viewport=PHONE)
    phone.screenshot(path=str(ARTIFACTS / f"{path.stem}-phone.png"), full_page=True)
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], "scrolls sideways on a phone"
    assert phone.problems == []


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_no_serious_accessibility_violation(path, page_files, open_page):
    page = open_page(page_files[path])
    for view in ("diplomatic", "reading"):
        page.click(f"button[data-view={view}]")
        assert serious_accessibility_violations(page) == [], view


def test_view_switch_changes_the_text(page_files, open_page):
    page = open_page(page_files[SAMPLE])
    sic_label = page.locator(".ed-sic .ed-label").first
    expansion_orig = page.locator(".ed-choice .orig").first
    assert page.locator("body").get_attribute("class").startswith("view-diplomatic")
    assert sic_label.bounding_box()["width"] > 5 and expansion_orig.is_visible()

    page.click("button[data-view=reading]")
    assert "view-reading" in page.locator("body").get_attribute("class")
    assert page.get_attribute("button[data-view=reading]", "aria-pressed") == "true"
    assert sic_label.bounding_box()["width"] <= 1, "the [sic] label should be hidden from sight"
    assert sic_label.text_content() == " [sic]", "...but still there for screen readers"
    assert not expansion_orig.is_visible()
    assert not page.locator(".ed-gap .ed-label").first.bounding_box()["width"] <= 1, "omissions stay visible"

    page.click("button[data-view=diplomatic]")
    assert sic_label.bounding_box()["width"] > 5
    assert page.get_attribute("button[data-view=diplomatic]", "aria-pressed") == "true"


def test_without_scripts_the_diplomatic_view_is_shown_and_no_dead_control(page_files, open_page):
    page = open_page(page_files[SAMPLE], javascript=False)
    assert not page.locator(".view-switch").is_visible()
    assert not page.locator(".copy-citation").is_visible()
    assert page.locator(".ed-sic .ed-label").first.bounding_box()["width"] > 5
    assert page.locator(".ed-choice .reg").first.is_visible()


def test_footnote_links_go_and_come_back(page_files, open_page):
    page = open_page(page_files[SAMPLE])
    for index in range(page.locator("a.noteref").count()):
        ref = page.locator("a.noteref").nth(index)
        ref.click()
        note_id = page.evaluate("location.hash").lstrip("#")
        note = page.locator(f"[id='{note_id}']")
        assert note.evaluate("el => el.matches(':target')") and note.is_visible()
        note.locator("a.fn-back").click()
        assert page.evaluate("location.hash") == f"#{ref.get_attribute('id')}"
        assert ref.is_visible()


def test_each_editorial_mark_has_an_explanation(page_files, open_page):
    """Without the script, in its tooltip; with it, in the popover it opens (its data-explanation)."""
    for path, file in page_files.items():
        for javascript in (False, True):
            page = open_page(file, javascript=javascript)
            untitled = page.evaluate(
                "[...document.querySelectorAll('.ed')].filter(e => !(e.title || e.dataset.explanation || '').trim())"
                ".map(e => e.outerHTML)")
            assert untitled == [], path.name


def test_copy_citation_button(page_files, open_page):
    page = open_page(page_files[SAMPLE])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click(".copy-citation")
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    assert page.locator(".copy-status").text_content() in ("Citation copied.", "Select the citation and copy it.")
