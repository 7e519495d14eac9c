"""The same document in the layouts the archive varies: the header fields stay the same.

Each seed and sample is rewritten the way the archive's pages differ (label case, blank lines,
values on the label's line, today's unlabelled Document Information) and must convert to lossless
TEI with the same header fields as the source as given."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, SEEDS
from helpers import TEI, missing_words
from tei import convert_text
from tei.validate.validator import Validator, is_error

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
#: labels of the tail, written out here independently of the reader's tables
TAIL = ["Associated People & Organizations", "Associated Places", "Associated Topics", "Subjects Discussed",
        "Author(s):", "Document Information", "Source", "Original Archive", "Rights", "Original Uploaded Date",
        "Type", "Language", "Record ID", "Original Classification"]
ONE_VALUE = {"Original Uploaded Date", "Type", "Record ID", "Original Classification", "Original Archive"}


def tail_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip() in ("Document Information", "Associated Places", "Associated People & Organizations",
                            "Author(s):", "Associated Topics"):
            return index
    return None


def relabel(text: str, change) -> str:
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None:
        return text
    return "\n".join(lines[:start] + [change(line) if line.strip() in TAIL else line for line in lines[start:]])


def upper_labels(text: str) -> str:
    return relabel(text, lambda line: line.upper())


def lower_labels(text: str) -> str:
    return relabel(text, lambda line: line.lower())


def more_blank_lines(text: str) -> str:
    return re.sub(r"\n\n+", "\n\n\n\n", text)


def values_on_the_label_line(text: str) -> str:
    """`Record ID\\n\\n300645` -> `Record ID: 300645` for the one-value labels."""
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None:
        return text
    out, index = lines[:start], start
    while index < len(lines):
        line = lines[index]
        following = index + 1
        while following < len(lines) and not lines[following].strip():
            following += 1
        if (line.strip() in ONE_VALUE and following < len(lines)
                and lines[following].strip() not in TAIL and lines[following].strip()):
            out.append(f"{line.strip()}: {lines[following].strip()}")
            index = following + 1
        else:
            out.append(line)
            index += 1
    return "\n".join(out)


def unlabelled_document_information(text: str) -> str:
    """Today's site: the Source and Rights labels gone, their values after Document Information."""
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None or not any(line.strip() == "Document Information" for line in lines):
        return text
    return "\n".join(lines[:start] + [line for line in lines[start:] if line.strip() not in ("Source", "Rights")])


def no_blank_lines(text: str) -> str:
    """The compact export: one line a paragraph, no blank lines."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def reordered_sections(text: str) -> str:
    """The labelled sections in the reverse order, each label with its value."""
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None:
        return text
    blocks: list[list[str]] = []
    for line in lines[start:]:
        if line.strip() in TAIL or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    if any(block[0].strip() == "Document Information" and any(l.strip() for l in block[1:]) for block in blocks):
        return text  # unlabelled values belong after their section label
    return "\n".join(lines[:start] + [line for block in reversed(blocks) for line in ["", *block]])


def indented_labels(text: str) -> str:
    """The labels and their values indented, as a copy out of a web page's columns leaves them."""
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None:
        return text
    return "\n".join(lines[:start] + ["  " + line if line.strip() else line for line in lines[start:]])


def todays_compact_page(text: str) -> str:
    """Several at once: unlabelled Document Information, values on the label's line, no blank lines."""
    return no_blank_lines(values_on_the_label_line(unlabelled_document_information(lower_labels(text))))


VARIANTS = [no_blank_lines, upper_labels, lower_labels, more_blank_lines, values_on_the_label_line,
            unlabelled_document_information, reordered_sections, indented_labels, todays_compact_page]


def header_fields(root) -> dict:
    def texts(xpath):
        return [re.sub(r"\s+", " ", "".join(e.itertext())).strip() for e in root.xpath(xpath, namespaces=TEI)]

    return {
        "title": texts("//t:titleStmt/t:title"),
        "date": root.xpath("//t:creation/t:date/@when", namespaces=TEI),
        "record": texts("//t:publicationStmt/t:idno"),
        "uploaded": texts("//t:publicationStmt/t:date"),
        "funders": texts("//t:titleStmt/t:funder"),
        "resp": texts("//t:titleStmt/t:respStmt"),
        "rights": " ".join(texts("//t:licence/t:p")),
        "source": texts("//t:sourceDesc/t:bibl"),
        "repository": texts("//t:msIdentifier/*"),
        "abstract": " ".join(texts("//t:abstract/t:p")),
        "keywords": [(k.get("scheme"), texts_of(k)) for k in root.xpath("//t:keywords", namespaces=TEI)],
        "type": root.xpath("//t:catRef/@target", namespaces=TEI),
        "languages": root.xpath("//t:langUsage/t:language/@ident", namespaces=TEI),
    }


def texts_of(element) -> list[str]:
    return ["".join(t.itertext()).strip() for t in element]


def without_values(text: str) -> str:
    """Every one-value label left empty: the page has the label, the archive no value for it."""
    lines = text.split("\n")
    start = tail_start(lines)
    if start is None:
        return text
    out, skipping = lines[:start], False
    for line in lines[start:]:
        if line.strip() in TAIL:
            skipping = line.strip() in ONE_VALUE
            out.append(line)
        elif not skipping:
            out.append(line)
    return "\n".join(out)


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def errors(validator: Validator, tree, name: str) -> list[str]:
    return [str(m) for check in validator.checks for m in check.check(tree, name) if is_error(m)]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("path", [*SEEDS, *SAMPLES], ids=lambda p: p.stem.split("_")[0])
def test_a_layout_variant_has_the_same_header(path, variant, validator):
    text = path.read_text(encoding="utf-8")
    varied = variant(text)
    expected = header_fields(convert_text(text, path.name).getroot())
    tree = convert_text(varied, path.name)  # raises if a word is lost
    assert not missing_words(varied, tree.getroot())
    assert header_fields(tree.getroot()) == expected
    assert errors(validator, tree, path.name) == []


@pytest.mark.parametrize("path", [*SEEDS, *SAMPLES], ids=lambda p: p.stem.split("_")[0])
def test_labels_without_their_values_convert_to_valid_lossless_tei(path, validator):
    varied = without_values(path.read_text(encoding="utf-8"))
    tree = convert_text(varied, path.name)
    assert not missing_words(varied, tree.getroot())
    assert errors(validator, tree, path.name) == []
    # no record ID but one read from a record URL (the citation layout's)
    ids = tree.getroot().xpath("//t:idno[@type='record']/text()", namespaces=TEI)
    urls = tree.getroot().xpath("//t:idno[@type='URI']/text()", namespaces=TEI)
    assert all(any(url.endswith("/" + id_) for url in urls) for id_ in ids)
