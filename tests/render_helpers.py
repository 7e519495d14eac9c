"""Shared helpers of the rendering tests: which files to render, and the words of a TEI text."""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import DATA, ROOT, TESTS  # noqa: F401 (DATA and ROOT are imported by the tests from here)

ARTIFACTS = TESTS / "artifacts"
SAMPLE = DATA / "render" / "sample-telegram.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": TEI[1:-1]}

#: The converter's outputs for the seeds (when they exist), our sample, and the foreign files.
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.xml"))
FOREIGN = sorted((DATA / "foreign").glob("*.xml"))
ALL_TEI = GOLDEN + [SAMPLE] + FOREIGN

_WORD = re.compile(r"\w+")
#: What the reading view leaves out on purpose: deletions, variant readings, the original side of a choice.
READING_DROPS = ("//tei:del", "//tei:app/tei:rdg", "//tei:app/tei:rdgGrp//tei:rdg", "//tei:app/tei:witDetail",
                 "//tei:choice/tei:abbr[../tei:expan]", "//tei:choice/tei:sic[../tei:corr]",
                 "//tei:choice/tei:orig[../tei:reg]")


def ids(paths: list[Path]) -> list[str]:
    return [path.stem for path in paths]


def tei_words(path: Path, drop: tuple[str, ...] = (), join_broken_words: bool = True) -> Counter:
    """Words of the TEI `text` element, counted; a word split by <lb break="no"/> is one word,
    unless the rendering breaks the line there too (a page of the PDF)."""
    text = copy.deepcopy(etree.parse(str(path)).getroot().find(f"{TEI}text"))
    for xpath in drop:
        for element in text.xpath(xpath, namespaces=NS):
            _remove_keeping_tail(element)
    for lb in text.xpath("//tei:lb[@break='no']", namespaces=NS) if join_broken_words else ():
        _remove_keeping_tail(lb)
    words: Counter = Counter()
    for chunk in text.itertext():
        words.update(_WORD.findall(chunk))
    return words


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def missing_words(words: Counter, rendered: str) -> dict[str, tuple[int, int]]:
    """Words found fewer times in `rendered` than in the TEI: {word: (in TEI, in rendering)}."""
    return {word: (count, rendered.count(word)) for word, count in words.items()
            if rendered.count(word) < count}


def html_text(page: bytes) -> str:
    """The visible-or-hidden text of a page, without its style sheet and script."""
    document = html.fromstring(page)
    for element in document.xpath("//script | //style"):
        element.drop_tree()
    return document.text_content()


#: Names a reader may list in $TEI_EDITION_ALLOW_MISSING (comma-separated, or "all") to skip the
#: tests that need them instead of failing: the README's opt-out, which CI never sets.
ALLOW_MISSING = "TEI_EDITION_ALLOW_MISSING"
INSTALL_HINT = "scripts/install-system-packages installs it when run as root"


def missing_tool(reason: str, tool: str) -> None:
    """Fail a test whose system package or tool is missing, with the reason naming what to install;
    skip it instead only when $TEI_EDITION_ALLOW_MISSING names `tool` (or says "all"), so that a
    broken set-up can never pass as a green run."""
    allowed = {name.strip().lower() for name in os.environ.get(ALLOW_MISSING, "").split(",")}
    if tool.lower() in allowed or "all" in allowed:
        pytest.skip(f"{reason} ({ALLOW_MISSING} allows a missing {tool})")
    pytest.fail(f"{reason}; or set {ALLOW_MISSING}={tool} to skip these tests", pytrace=False)
