"""Layouts and forms met on archive pages the seeds and samples lack: a page cut off before its
labelled sections, dates with the month in Roman numerals."""

from __future__ import annotations

from helpers import TEI, missing_words
from tei import convert_text, read_document
from tei.convert.readers.dates import parse_date


def test_a_day_a_roman_month_and_a_year_is_a_full_date():
    assert parse_date("17.XII.1947").when == "1947-12-17"
    assert parse_date("3 IV 1953").when == "1953-04-03"
    assert parse_date("9.IX.1961.").when == "1961-09-09"
    # no such day, no such numeral: not a date
    assert parse_date("30.II.1950") is None
    assert parse_date("5.IIII.1950") is None


def test_a_closing_date_with_a_roman_month_is_the_closer_dateline():
    text = ("March 2, 1948\n\nCable, Orlov to Moscow\n\nThe meeting took place as planned.\n\n"
            "Orlov.\n\n2.III.1948\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:closer/t:dateline/t:date/@when", namespaces=TEI) == ["1948-03-02"]
    assert not root.xpath("//t:body//t:head[. = '2.III.1948']", namespaces=TEI)


def test_a_compact_page_cut_off_before_its_labels_keeps_one_paragraph_a_line():
    text = (
        "May 5, 1955\n"
        "Cable from the Foreign Ministry, 'Instructions for the Envoy'\n"
        "[To] the Envoy:\n"
        "1. We have your report of the fourth meeting and agree with the line you took there; the other "
        "side is expected to raise the question of the detained nationals again at the next one.\n"
        "2. Do not give way on the date, but offer to examine each case as soon as the talks allow it.\n"
    )
    doc = read_document(text)
    assert doc.metadata.title == "Cable from the Foreign Ministry, 'Instructions for the Envoy'"
    root = convert_text(text).getroot()
    assert root.xpath("//t:body//t:p/@n", namespaces=TEI) == ["1", "2"]
    assert not root.xpath("//t:body//t:lb", namespaces=TEI)
    assert not missing_words(text, root)


def test_hard_wrapped_prose_without_the_archive_head_stays_one_paragraph():
    text = ("Notes on the meeting\n\nThe delegates met in the morning and\nagreed on the agenda before\n"
            "the lunch break was called.\n")
    root = convert_text(text).getroot()
    paragraphs = root.xpath("//t:body//t:p", namespaces=TEI)
    assert len(paragraphs) == 1
    assert len(paragraphs[0].xpath("t:lb", namespaces=TEI)) == 2
