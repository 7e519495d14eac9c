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


def test_a_diary_or_journal_the_title_names_first_is_the_documents_type():
    from tei.convert.readers.metadata import doc_type_from_title

    assert doc_type_from_title("Excerpts from Tsedenbal's Diary on his Conversation with Mikoyan") == "Diary"
    assert doc_type_from_title("From the Journal of M.G. Podol'sky, 'Record of a Conversation with R. Berthold'") == "Diary"
    # the conversation named first is the record's kind, the diary where it was kept
    assert doc_type_from_title("Record of a Conversation, from the Diary of A. A. Gromyko") == "Memorandum of Conversation"
    assert doc_type_from_title("Letter on the Diary of the Ambassador") == "Letter"
    assert doc_type_from_title("Anatoly Chernyaev, Notes from a Meeting of the Politburo") == "Note"
    assert doc_type_from_title("Notes of a Conversation with Mao Zedong") == "Memorandum of Conversation"


def test_a_journals_record_of_conversation_is_classed_a_diary_with_medium_certainty():
    text = ("February 26, 1971\nFrom the Journal of M. G. Podol'sky, 'Record of a Conversation with R. Berthold'\n"
            "I visited R. Berthold on a return protocol visit.\nThe counsellor spoke of the ties between the parties.\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:textClass/t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == ["#doctype-diary"]
    assert root.xpath("//t:textClass/t:catRef[@scheme='#document-types']/@cert", namespaces=TEI) == ["medium"]
