"""The archive page's own labels and summary, and the document type of diaries and journals: what
pages the seeds lack show (a page cut off after one or two labels, a summary without any label)."""

from __future__ import annotations

from helpers import TEI, converted
from tei import convert_text, read_document
from tei.convert.review import review_decisions


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


_TELEGRAM = ("May 13, 1950\n"
             "Ciphered Telegram, Roshchin to Filippov\n"
             "From PEKING\n"
             "Today Zhou Enlai paid a visit to me and let me know the following about the Korean comrades.\n"
             "The Chinese comrades are requesting an urgent answer.\n"
             "13/5-50. Roshchin\n")


def _abstract(root) -> tuple[list[str], list[str]]:
    return ([p.xpath("string()") for p in root.xpath("//t:profileDesc/t:abstract/t:p", namespaces=TEI)],
            root.xpath("//t:profileDesc/t:abstract/@cert", namespaces=TEI))


def test_a_paragraph_describing_the_telegram_after_its_signature_is_the_likely_summary_of_a_page_without_labels():
    summary = "The telegram relays a request from Mao, conveyed via Zhou Enlai, on a potential action."
    text = _TELEGRAM + summary + "\n"
    root = converted(text)
    assert _abstract(root) == ([summary], ["medium"])
    assert "relays" not in " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert [d for d in review_decisions(root.getroottree(), text, "t.txt") if d.field == "summary"]


def test_a_cable_from_someone_that_entails_something_is_a_summary_too():
    summary = "Cable from the Chinese Embassy in Vietnam entails positive responses of Le Duan regarding the test."
    root = converted(_TELEGRAM + summary + "\n")
    assert _abstract(root)[0] == [summary]


def test_a_summary_right_after_the_title_is_a_summary_of_low_certainty():
    summary = "This telegram describes the visit of Zhou Enlai and his request for an answer."
    text = _TELEGRAM.replace("From PEKING\n", summary + "\nFrom PEKING\n")
    root = converted(text)
    assert _abstract(root) == ([summary], ["low"])


def test_a_last_paragraph_that_is_the_documents_own_text_stays_in_the_body():
    for last in ("The telegram reports that we have agreed to the request.",  # the writer speaks
                 "Zhou Enlai relays a request from Mao on the action.",  # not about the document
                 "The telegram [of 12 May] describes the visit.",  # an editor's mark: the document's text
                 "Excerpt from the notes of the Ambassador"):  # a provenance line, no sentence
        root = converted(_TELEGRAM + last + "\n")
        assert _abstract(root) == ([], []), last


def test_the_protocol_of_a_meeting_is_its_minutes_and_a_treaty_protocol_an_agreement():
    from tei.convert.readers.metadata import doc_type_from_title

    assert doc_type_from_title("Protocol of the extraordinary meeting of the Committee of Ministers for Defense "
                               "from the Warsaw Treaty member states") == "Minutes"
    assert doc_type_from_title("Protocol to the Treaty of Friendship and Cooperation") == "Agreement"



_RIGHTS = ("The History and Public Policy Program welcomes reuse of Digital Archive materials for research and "
           "educational purposes. Some documents may be subject to copyright, which is retained by the rights")


def _telegram_cut_after(section: str) -> str:
    """Today's layout, blank lines between the blocks, cut short after `Document Information`."""
    return ("Skip to content\n\nApril 14, 1978\n\nTelegram from the Embassy in Pyongyang\n\n"
            "To: the Ministry of Foreign Affairs\n\nFrom: the Embassy in Pyongyang\n\n"
            "Classification: Secret\n\nOn April 13th 1978, in a conversation with the Ambassador, the Minister "
            "said that the new embassy would be opened shortly.\n\nAmbassador Dumitru Popa\n\n"
            "The embassy reports on the opening of a new embassy.\n\nDocument Information\n\n" + section)


def test_a_page_cut_after_document_information_has_its_sections_there():
    text = _telegram_cut_after("AMAE, Folder 12/1978. Translated by A. Translator.\n\n" + _RIGHTS + "\n")
    doc = read_document(text)
    assert doc.metadata.summary == ["The embassy reports on the opening of a new embassy."]
    assert doc.metadata.rights and _RIGHTS[:40] in doc.metadata.rights[0]
    root = converted(text)
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert "Document Information" not in body and "welcomes reuse" not in body and "AMAE" not in body
    assert root.xpath("//t:sourceDesc//t:bibl[contains(., 'AMAE, Folder 12/1978')]", namespaces=TEI)


def test_document_information_without_the_archives_rights_after_it_stays_text():
    root = converted(_telegram_cut_after("The attached papers were read by the committee on Monday.\n"))
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert "Document Information" in body and "attached papers" in body
