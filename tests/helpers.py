"""What the tests share: reading words out of sources and TEI, independently of the converter."""

from __future__ import annotations

import re
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
    r"\[(?:sic!?|inserted by hand:|handwritten:|handwritten\]|…|\.\.\.|translator['’]s note:|editor['’]s note:|note:|stamp:|"
    r"underlined:|unclear:|page break|\d{1,3}\])\]?",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
#: Footnote references glued to their word (`tests1`, `tests¹`): the TEI keeps them as `note/@n`.
GLUED = re.compile(r"(?<=[a-z])\d{1,3}\b|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")


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
    return Counter(WORD.findall(GLUED.sub("", MARK_LABELS.sub(" ", "\n".join(kept)).replace("**", " "))))


def tei_words(tree) -> Counter:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    numbers = root.xpath("//t:note[@place='foot']/@n", namespaces=TEI)
    return Counter(WORD.findall(GLUED.sub("", " ".join([*root.itertext(), *numbers]))))


def missing_words(source_text: str, tree) -> Counter:
    return source_words(source_text) - tei_words(tree)


def parse(data: bytes):
    return etree.fromstring(data)
