"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright (no browser
download). A missing tool fails the tests with the package to install (see
render_helpers.missing_tool; $TEI_EDITION_ALLOW_MISSING=chromium skips them instead)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from render_helpers import INSTALL_HINT, missing_tool

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1100, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright import sync_api as playwright
    except ImportError:
        missing_tool("browser tests need playwright (pip install -e '.[test]')", "playwright")
    if not CHROMIUM.is_file():
        missing_tool(f"browser tests need the Debian package chromium (no {CHROMIUM}): {INSTALL_HINT}", "chromium")
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a file (a Path) or a page on a local server (a URL) in a fresh page; collect console
    errors, uncaught exceptions and any request that leaves the page's own origin."""
    contexts = []

    def opener(target: Path | str, viewport=DESKTOP, javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        url = target.as_uri() if isinstance(target, Path) else target
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(url)) if url.startswith("http") else None
        page.on("console", lambda msg: msg.type in ("error", "warning") and page.problems.append(msg.text))
        page.on("pageerror", lambda exc: page.problems.append(str(exc)))
        page.on("request", lambda req: req.url.startswith(("http:", "https:"))
                and not (origin and req.url.startswith(origin)) and page.problems.append(f"fetch {req.url}"))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    try:
        from axe_playwright_python import sync_playwright as axe
    except ImportError:
        missing_tool("accessibility tests need axe-playwright-python (pip install -e '.[test]')", "axe")
    results = axe.Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
