"""The archive page's own labels and summary, and the document type of diaries and journals: what
pages the seeds lack show (a page cut off after one or two labels, a summary without any label)."""

from __future__ import annotations

from helpers import TEI
from tei import convert_text, read_document


def _cable(tail: str) -> str:
    return ("October 20, 1964\n"
            "Cable from the Embassy in Hanoi, 'Reactions to the Test'\n"
            "To the Foreign Ministry\n"
            "The First Secretary met our representatives and congratulated us on the successful test of the week.\n"
            "Embassy in Hanoi\n"
            "20 October 1964\n" + tail)


def test_one_or_two_page_labels_at_the_end_are_the_pages_sections_not_a_signature():
    root = convert_text(_cable("Author(s):\nAssociated People & Organizations\n")).getroot()
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert "Author(s)" not in body and "Associated People" not in body
    assert not root.xpath("//t:signed[contains(., 'Associated')]", namespaces=TEI)


def test_the_values_of_few_page_labels_go_to_the_header():
    doc = read_document(_cable("Author(s):\nLe Duan\nAssociated Places\nHanoi\n"))
    assert doc.metadata.authors == ["Le Duan"]
    assert doc.metadata.places == ["Hanoi"]
    root = convert_text(_cable("Author(s):\nLe Duan\nAssociated Places\nHanoi\n")).getroot()
    assert root.xpath("//t:keywords[@scheme='#places']/t:term/text()", namespaces=TEI) == ["Hanoi"]
    assert "Le Duan" not in " ".join(root.xpath("//t:body//text()", namespaces=TEI))


def test_a_label_a_document_may_have_is_no_page_section_alone():
    # `Source:` and `Notes:` stand in letters too: one of them at the end is the text
    doc = read_document(_cable("Notes:\nSee the enclosed list.\n"))
    assert doc.metadata.extra == []
    assert "See the enclosed list." in " ".join(str(b.content) for b in doc.body)


def test_page_labels_followed_by_sentences_are_text():
    text = _cable("Associated Places\nThe delegation then travelled to the coast and met the local committee there.\n")
    doc = read_document(text)
    assert doc.metadata.places == []
