"""What the tests share: reading words out of sources and TEI, independently of the converter, and
timing a stage at two sizes."""

from __future__ import annotations

import gc
import re
import time
from collections import Counter

from lxml import etree

TEI = {"t": "http://www.tei-c.org/ns/1.0"}

#: Labels of the archive's pages, written out here independently of the reader's own tables.
LABELS = [
    "Skip to content", "Associated Places", "Associated Topics", "Author(s)", "Document Information",
    "Source", "Rights", "Original Uploaded Date", "Type", "Language", "Record ID",
    "Original Classification", "Citation", "Summary", "Credits", "Original Language", "Contents",
    "Associated People & Organizations", "Subjects Discussed", "Original Archive", "Contributors", "Contributed By",
    "Donors", "Donated By", "Funders", "Funded By",
]
#: The words of editorial marks that name the mark rather than carry text ("[inserted by hand: X]").
MARK_LABELS = re.compile(
    r"\[(?:sic!?|(?:inserted by hand|inserted|handwritten|in the margin)(?:\s+(?:note|above|below|in|on|at|the|line|left|right|margin|top|bottom|of|page))*:|handwritten(?:\s+(?:above|below|in|on|at|the|line|left|right|margin|top|bottom|of|page))*\]|…|\.\.\.|translator['’]s note:|editor['’]s note:|note:|stamp:|"
    r"underlined:|unclear:|page break|\d{1,3}\])\]?",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
#: Footnote references glued to their word (`tests1`, `tests¹`): the TEI keeps them as `note/@n`.
GLUED = re.compile(r"(?<=[a-z])\d{1,3}\b|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
#: A typewritten footnote marker after its word or mark (`[Stalin].x/`): the TEI keeps it as `note/@n`.
TYPED_MARKER = re.compile(r"(?<=[^\w\s/])x{1,3}/(?!\w)")


def source_words(text: str) -> Counter:
    """The words of a source document, labels aside."""
    kept = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip().lstrip("\ufeff")
        for label in LABELS:
            if stripped.lower() == label.lower() or stripped.lower() == label.lower() + ":":
                stripped = ""
                break
            if stripped.lower().startswith(label.lower() + ":"):
                stripped = stripped[len(label) + 1:]
                break
        kept.append(stripped)
    return Counter(WORD.findall(GLUED.sub("", TYPED_MARKER.sub("", MARK_LABELS.sub(" ", "\n".join(kept)).replace("**", " ")))))


def tei_words(tree) -> Counter:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    numbers = root.xpath("//t:note[@place='foot']/@n", namespaces=TEI)
    return Counter(WORD.findall(GLUED.sub("", " ".join([*root.itertext(), *numbers]))))


def missing_words(source_text: str, tree) -> Counter:
    return source_words(source_text) - tei_words(tree)


def converted(text: str):
    """The root of `text` converted, with no word of it lost."""
    from tei import convert_text

    root = convert_text(text).getroot()
    assert not missing_words(text, root)
    return root


def xpath(node, path: str):
    return node.xpath(path, namespaces=TEI)


def parse(data: bytes):
    return etree.fromstring(data)


def least_cpu_seconds(function, *args) -> float:
    """CPU time of `function(*args)`, the least of three runs: a loaded machine's waits are noise, and
    so is the cyclic collector's walk over the whole test session's heap, which a large run sets off
    more often than a small one (it measures the tests run before, not the stage)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            function(*args)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def assert_linear(seconds_at, n: int) -> None:
    """Four times the input takes well under sixteen times as long (a quadratic stage would):
    `seconds_at(size)` times the stage on an input of that size."""
    small, large = seconds_at(n), seconds_at(4 * n)
    assert large < 8 * small + 0.05, f"{n}: {small:.3f} s, {4 * n}: {large:.3f} s"
