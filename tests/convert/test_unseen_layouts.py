"""Layouts and forms met on archive pages the seeds and samples lack: a page cut off before its
labelled sections, dates with the month in Roman numerals."""

from __future__ import annotations

from helpers import TEI, missing_words
from tei import convert_text, read_document
from tei.convert.lossless import lost_words
from tei.convert.review import review_decisions
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


EARLIER_SITE = (
    "Search in\n\nDigital Archive International History Declassified\n\nMarch 2, 1956\n\n"
    "LETTER FROM THE FOREIGN MINISTRY TO THE ENVOY, 'ON THE DRAFT'\n\n"
    "This document was made possible with support from the Example Foundation\n\n"
    "CITATION SHARE DOWNLOAD\n  \u2022 Citation\n\n    get citation\n\n"
    "    The ministry tells the envoy what to say about the draft.\n"
    "    \"Letter from the Foreign Ministry to the Envoy, 'On the Draft',\" March 2, 1956, History and Public "
    "Policy Program Digital Archive, PRC FMA 105-00001-02, 3-4. Translated by Jane Roe.\n"
    "  \u2022 share document\n\n    https://digitalarchive.wilsoncenter.org/document/123456\n\n"
    "VIEW DOCUMENT IN\n\nEnglish HTML\n\n[To] the Envoy:\n\nWe have read the draft and accept it.\n"
)


def test_the_earlier_sites_citation_box_gives_summary_citation_address_and_title_case():
    doc = read_document(EARLIER_SITE)
    meta = doc.metadata
    assert meta.date.when == "1956-03-02"
    # the capitals of the earlier site's title give way to the citation's words, the same words
    assert meta.title == "Letter from the Foreign Ministry to the Envoy, 'On the Draft'"
    assert meta.summary == ["The ministry tells the envoy what to say about the draft."]
    assert meta.record_id == "123456"
    assert meta.url == "https://digitalarchive.wilsoncenter.org/document/123456"
    assert meta.archival_source.repository == "PRC FMA"
    assert meta.archival_source.idno == "105-00001-02, 3-4"
    assert [(r.resp, r.name) for r in meta.responsibilities] == [("Translated by", "Jane Roe")]
    root = convert_text(EARLIER_SITE).getroot()
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    for chrome in ("Search in", "get citation", "share document", "VIEW DOCUMENT IN", "English HTML", "CITATION SHARE"):
        assert chrome not in body
    assert root.xpath("//t:body//t:p[last()]/text()", namespaces=TEI) == ["We have read the draft and accept it."]
    # the box's buttons are chrome; every other word is kept (case aside: the capitals of the title)
    assert not lost_words(EARLIER_SITE, root)


def test_without_a_title_line_the_citation_names_the_document_with_medium_certainty():
    text = EARLIER_SITE.replace("LETTER FROM THE FOREIGN MINISTRY TO THE ENVOY, 'ON THE DRAFT'\n\n", "")
    doc = read_document(text)
    assert doc.metadata.title == "Letter from the Foreign Ministry to the Envoy, 'On the Draft'"
    assert doc.metadata.cert["title"] == "medium"
    root = convert_text(text).getroot()
    assert root.xpath("//t:titleStmt/t:title/@cert", namespaces=TEI) == ["medium"]
    # the credit line is not taken for the title
    assert root.xpath("//t:titleStmt/t:funder/text()", namespaces=TEI) == ["Example Foundation"]


#: an earlier-site page with neither a title line nor a credit line: the citation box follows the date
NO_TITLE_LINE = (
    "Search in\n\nDigital Archive International History Declassified\n\nMarch 2, 1956\n\n\n"
    "  \u2022 Citation\n\n    get citation\n\n"
    "    \"Transcript of the Council Session on the Harvest,\" March 2, 1956, History and Public Policy Program "
    "Digital Archive, TsKhSD, f. 9, per. 2, dok. 3\n"
    "  \u2022 share document\n\n\nEnglish HTML\n\nTop Secret\n\nThe council heard the report on the harvest.\n"
)


def test_the_citation_box_s_buttons_are_never_the_title_and_the_citation_names_the_document():
    doc = read_document(NO_TITLE_LINE)
    assert doc.metadata.title == "Transcript of the Council Session on the Harvest"
    assert doc.metadata.cert["title"] == "medium"
    assert doc.metadata.doc_type == "Transcript"
    root = convert_text(NO_TITLE_LINE).getroot()
    assert ["".join(t.itertext()) for t in root.xpath("//t:titleStmt/t:title", namespaces=TEI)] == [
        "Transcript of the Council Session on the Harvest"]
    assert root.xpath("//t:titleStmt/t:title/@cert", namespaces=TEI) == ["medium"]
    assert not root.xpath("//t:abstract", namespaces=TEI)
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert "Citation" not in body and "share document" not in body and "English HTML" not in body
    assert "The council heard the report on the harvest." in body
    assert not lost_words(NO_TITLE_LINE, root)  # the box's buttons aside, every word is kept
    for button in ("CITATION SHARE DOWNLOAD", "VIEW DOCUMENT IN", "  \u2022 share document", "get citation", "\u2022 Share",
                   "Original Scan"):
        page = NO_TITLE_LINE.replace("  \u2022 Citation", button + "\n\n  \u2022 Citation")
        assert read_document(page).metadata.title == "Transcript of the Council Session on the Harvest", button


def test_a_classification_alone_on_the_first_line_of_the_text_is_a_likely_classification():
    text = ("Skip to content\n\nJune 1, 1960\n\nCable from the Embassy, 'On the Visit'\n\n"
            "TOP SECRET\n\nThe visit will go ahead in July.\n")
    root = convert_text(text).getroot()
    assert [(c.get("target"), c.get("cert")) for c in root.xpath("//t:catRef[@scheme='#classifications']", namespaces=TEI)] \
        == [("#classification-top-secret", "medium")]
    # the marking stays in the text, and a longer first line is not read as one
    assert "TOP SECRET" in " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    decision, = [d for d in review_decisions(root, text) if d.field == "classification"]
    assert (decision.value, decision.line, decision.note) == ("Top Secret", 7, "read from the head of the text")
    later = convert_text(text.replace("TOP SECRET\n\n", "Secret talks were held.\n\n")).getroot()
    assert not later.xpath("//t:catRef[@scheme='#classifications']", namespaces=TEI)


RIGHTS = ("The History and Public Policy Program welcomes reuse of Digital Archive materials for research "
          "and educational purposes.")


def _head_block_telegram(tail: str) -> str:
    return ("Skip to content\n\nMay 3, 1975\n\nTelegram from the Embassy in Sofia, 'The Minister's Visit'\n\n"
            "TELEGRAM 011222\n\nTo: the Ministry of Foreign Affairs\n\nFrom: the Embassy in Sofia\n\n"
            "Subject: the minister's visit\n\nDate: May 3, 1975\n\nClassification: Strictly Secret\n\n"
            "The minister arrived on the first of the month and was received by the head of the government.\n\n"
            "The talks covered the trade agreement and the exchange of students for the next year.\n\n"
            + tail)


def test_a_classification_field_in_the_head_block_of_a_telegram_is_text_not_the_pages_labels():
    tail = ("The Embassy reports on the visit.\n\nDocument Information\n\n\n"
            "Archive of the Ministry, Folder 12/1975. Translated by A. Translator.\n\n\n" + RIGHTS + "\n\n"
            "Original Uploaded Date\n\n2015-01-01\n\nType\n\nTelegram\n\nLanguage\n\nBulgarian\n\nRecord ID\n\n123456\n")
    text = _head_block_telegram(tail)
    doc = read_document(text)
    # the page's source is its own; the text after the field stays the text
    assert doc.metadata.source_text.startswith("Archive of the Ministry")
    assert doc.metadata.record_id == "123456"
    root = convert_text(text).getroot()
    body = " ".join(root.xpath("//t:body//text()", namespaces=TEI))
    assert "exchange of students" in body and "Classification: Strictly Secret" in body
    assert not missing_words(text, root)
    # the field is the document's own marking: read as a likely classification
    assert root.xpath("//t:catRef[@scheme='#classifications']/@target", namespaces=TEI) == [
        "#classification-strictly-secret"]
    assert root.xpath("//t:catRef[@scheme='#classifications']/@cert", namespaces=TEI) == ["medium"]
    decision, = [d for d in review_decisions(root, text) if d.field == "classification"]
    assert decision.note == "read from the head of the text"


def test_a_pages_classification_label_with_its_value_still_opens_the_labelled_sections():
    # the page's own `Original Classification: Secret`, followed only by labels: the tail, as before
    text = ("May 3, 1975\n\nLetter to the Minister\n\nThe letter's one paragraph of text, which says very "
            "little.\n\nOriginal Classification: Secret\n\nType\n\nLetter\n\nRecord ID\n\n654321\n")
    doc = read_document(text)
    assert (doc.metadata.classification, doc.metadata.record_id) == ("Secret", "654321")


def test_a_citation_page_copied_without_blank_lines_keeps_one_paragraph_a_line():
    text = ("June 1, 1963\nRecord of the Talks at the Central Committee\n"
            "Citation: Record of the Talks at the Central Committee, June 1, 1963, Digital Archive, Archive of "
            "the Party, file 7/1963.\nSummary: The two delegations discuss their cooperation.\n"
            "Original Language: Romanian\nContents: English Translation\n"
            "RECORD of the talks held at the Central Committee on 1 June 1963 with the delegation of the other "
            "party, as the two sides had agreed at the end of the spring\n"
            "The following comrades took part in the talks:\n"
            "Comrade Ion Popescu: Welcome here, comrades. You had a long journey.\n"
            "Comrade Petr Ivanov: Thank you.\n")
    root = convert_text(text).getroot()
    assert len(root.xpath("//t:body//t:p", namespaces=TEI)) == 4
    assert not root.xpath("//t:body//t:lb", namespaces=TEI)
    assert len(root.xpath("//t:body//t:sp", namespaces=TEI)) == 2
    assert not missing_words(text, root)


def test_a_wrapped_citation_page_keeps_its_lines_in_one_paragraph():
    text = ("June 1, 1963\nRecord of the Talks\nCitation: Record of the Talks, June 1, 1963, Digital Archive.\n"
            "Summary: The delegations meet.\nOriginal Language: Romanian\nContents: English Translation\n"
            "The delegations met in the morning and\nagreed on the agenda before\nthe lunch break was called.\n")
    root = convert_text(text).getroot()
    paragraphs = root.xpath("//t:body//t:p", namespaces=TEI)
    assert len(paragraphs) == 1 and len(paragraphs[0].xpath("t:lb", namespaces=TEI)) == 2


def test_a_date_and_a_title_on_one_line_are_the_date_and_the_title():
    text = ("April 3, 1963 Memorandum of Conversation between the Two Delegations\n"
            "Citation: Memorandum of Conversation between the Two Delegations, April 3, 1963, Digital Archive.\n"
            "Summary: The delegations meet.\nOriginal Language: Romanian\nContents: English Translation\n"
            "The delegations met in the morning.\n")
    doc = read_document(text)
    assert doc.metadata.date.when == "1963-04-03"
    assert doc.metadata.title == "Memorandum of Conversation between the Two Delegations"
    assert not missing_words(text, convert_text(text).getroot())


def test_a_first_line_of_a_date_and_a_sentence_is_not_split():
    text = "April 3, 1963 the delegations met in the morning and agreed on the agenda.\n\nMore text.\n"
    doc = read_document(text)
    assert doc.metadata.date is None and "agenda" not in doc.metadata.title
    assert not missing_words(text, convert_text(text).getroot())


def test_sic_with_a_remark_is_an_editorial_remark_not_supplied_words():
    text = "June 2, 1958\n\nJournal\n\nThe invitation of Marshal Ya. R. [sic, R. Ya. is correct] Malinovsky came.\n"
    root = convert_text(text).getroot()
    assert root.xpath("string(//t:body//t:note[@type='editorial'])", namespaces=TEI) == "sic, R. Ya. is correct"
    assert not root.xpath("//t:body//t:supplied", namespaces=TEI)
    # a bare [sic] is still the sic of the word before
    root = convert_text("June 2, 1958\n\nJournal\n\nThe Pe Yon [sic] played.\n").getroot()
    assert root.xpath("//t:body//t:sic/text()", namespaces=TEI) == ["Yon"]


def test_the_signers_title_above_the_name_is_the_signatures_role():
    text = ("November 18, 1969\n\nRecord of a Conversation\n\nI was received at my request and passed "
            "him the letter.\n\nAmbassador of the USSR in the DPRK\n\nN. Sudarikov\n")
    root = convert_text(text).getroot()
    signed = root.xpath("//t:closer/t:signed", namespaces=TEI)[0]
    role = signed.xpath("string(t:roleName)", namespaces=TEI)
    assert role == "Ambassador of the USSR in the DPRK"
    assert signed.xpath("t:persName/@cert", namespaces=TEI) == ["medium"]
    assert signed.xpath("string(t:persName)", namespaces=TEI) == "N. Sudarikov"
    # a sentence about an ambassador before the name stays text
    text = ("November 18, 1969\n\nRecord\n\nThe Ambassador of the USSR in the DPRK was received.\n\nN. Sudarikov\n")
    root = convert_text(text).getroot()
    assert not root.xpath("//t:closer//t:roleName", namespaces=TEI)


def test_surnames_in_capitals_and_a_full_stop_are_the_turns_of_working_notes():
    text = ("April 16, 1981\n\nSession of the Politburo\n\nSESSION OF THE POLITBURO\n\n"
            "Also participating: the members of the Politburo.\n\n"
            "BREZHNEV. As you know, I had a conversation yesterday.\n\n"
            "YU. V. ANDROPOV. I think they will not take decisive measures.\n\n"
            "GROMYKO: We must tell them plainly what we expect.\n")
    root = convert_text(text).getroot()
    speakers = root.xpath("//t:sp/t:speaker", namespaces=TEI)
    assert ["".join(s.itertext()) for s in speakers] == ["BREZHNEV.", "YU. V. ANDROPOV.", "GROMYKO:"]
    assert root.xpath("string(//t:sp[2]/t:p)", namespaces=TEI) == "I think they will not take decisive measures."
    assert not missing_words(text, root)


def test_one_paragraph_opening_with_a_word_in_capitals_is_no_conversation():
    text = ("April 16, 1981\n\nReport\n\nTASS. The agency reported the meeting.\n\n"
            "The delegation left the next day.\n")
    root = convert_text(text).getroot()
    assert not root.xpath("//t:sp", namespaces=TEI)


def test_single_copy_at_the_top_is_the_copy_number():
    text = "April 16, 1981\n\nSession of the Politburo\n\nTop Secret\n\nSingle Copy\n\nThe session opened at ten.\n"
    root = convert_text(text).getroot()
    assert root.xpath("//t:opener/t:fw[@type='copyNumber']/text()", namespaces=TEI) == ["Single Copy"]
    # a sentence about the single copy is text
    text = "April 16, 1981\n\nReport\n\nSingle copy of the report was sent to the minister.\n"
    assert not convert_text(text).getroot().xpath("//t:fw", namespaces=TEI)


JOURNAL = ("February 22, 1960\n\nJournal of the Ambassador for 22 February 1960\n\nJOURNAL\n\n"
           "of the Ambassador for the period 16 February through 24 March 1960\n\n"
           "22 February 1960\n\nI received the Romanian Ambassador at his request.\n\n"
           "He complained about the procedure for getting information.\n\n"
           "23 February 1960\n\nI visited the minister and passed him the statement.\n")


def test_a_journal_of_dated_entries_is_one_entry_division_a_day():
    root = convert_text(JOURNAL).getroot()
    entries = root.xpath("//t:div[@type='document']/t:div[@type='entry']", namespaces=TEI)
    assert [e.xpath("t:dateline/t:date/@when", namespaces=TEI) for e in entries] == [["1960-02-22"], ["1960-02-23"]]
    assert [len(e.xpath("t:p", namespaces=TEI)) for e in entries] == [2, 1]
    # the heading before the first entry, going on in its next block, stays the document's
    assert root.xpath("string(//t:div[@type='document']/t:head)", namespaces=TEI).startswith(
        "JOURNALof the Ambassador for the period")
    assert not missing_words(JOURNAL, root)


def test_the_first_entry_may_open_with_the_openers_dateline():
    text = ("February 3, 1960\n\nJournal of the Ambassador\n\nJOURNAL\n\n3 February 1960\n\n"
            "The minister called on the telephone.\n\n4 February 1960\n\nI inspected the new theatre.\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:div[@type='entry']/t:dateline/t:date/@when", namespaces=TEI) == ["1960-02-03", "1960-02-04"]
    assert not root.xpath("//t:opener/t:dateline", namespaces=TEI)
    assert not missing_words(text, root)
    # a labelled date is the memorandum's field, not a journal's day
    labelled = text.replace("JOURNAL\n\n3 February 1960", "MEMORANDUM\n\nDate: 3 February 1960")
    root = convert_text(labelled).getroot()
    assert root.xpath("//t:opener/t:dateline/t:date/@when", namespaces=TEI) == ["1960-02-03"]
    assert not root.xpath("//t:div[@type='entry']", namespaces=TEI)


def test_one_date_alone_or_dates_out_of_order_make_no_journal():
    one = ("November 18, 1969\n\nRecord of a Conversation\n\n18 November 1969\n\nI was received at my request.\n")
    assert not convert_text(one).getroot().xpath("//t:div[@type='entry']", namespaces=TEI)
    backwards = JOURNAL.replace("23 February 1960", "20 February 1960")
    root = convert_text(backwards).getroot()
    assert not root.xpath("//t:div[@type='entry']", namespaces=TEI)
    # the first date, alone after the headings, is the opener's dateline; the other stays in the text
    assert root.xpath("//t:opener/t:dateline/t:date/@when", namespaces=TEI) == ["1960-02-22"]
    assert root.xpath("//t:body//t:p/t:date/@when", namespaces=TEI)[-1:] == ["1960-02-20"]
    # a date with nothing after it ends no day: no entries
    empty = JOURNAL.replace("\n\nI visited the minister and passed him the statement.\n", "\n")
    assert not convert_text(empty).getroot().xpath("//t:div[@type='entry']", namespaces=TEI)


def test_a_speech_turn_does_not_go_on_across_an_entrys_date():
    text = ("May 5, 1960\n\nJournal\n\n5 May 1960\n\nKim Il Sung: We welcome the delegation.\n\n"
            "Puzanov: Thank you.\n\n6 May 1960\n\nThe delegation left for Wonsan.\n")
    root = convert_text(text).getroot()
    second = root.xpath("//t:div[@type='entry'][2]", namespaces=TEI)[0]
    assert second.xpath("t:p/text()", namespaces=TEI) == ["The delegation left for Wonsan."]
    assert len(root.xpath("//t:div[@type='entry'][1]/t:sp", namespaces=TEI)) == 2


def test_a_short_line_in_mixed_case_between_paragraphs_is_a_likely_heading():
    text = ("May 3, 1972\n\nReport from the Embassy\n\nI stayed in the capital for a week and met the "
            "head of the department three times.\n\nBilateral relations\n\nThe ministry wishes to "
            "coordinate the work of the two countries.\n\nII. Miscellaneous\n\nThe minister also asked "
            "about the visit of the delegation.\n")
    root = convert_text(text).getroot()
    heads = root.xpath("//t:div[@type='section']/t:head", namespaces=TEI)
    assert [(h.text, h.get("cert")) for h in heads] == [("Bilateral relations", "medium"), ("II. Miscellaneous", "medium")]
    decisions = [d for d in review_decisions(root, text) if d.field == "heading"]
    assert [(d.value, d.line) for d in decisions] == [("Bilateral relations", 7), ("II. Miscellaneous", 11)]
    assert not missing_words(text, root)


def test_a_mixed_case_heading_ends_a_speech_turn():
    text = ("April 16, 1981\n\nSession\n\nAlso participating: the members.\n\n"
            "Brezhnev: As you know, I had a conversation yesterday.\n\nAndropov: I think they will wait.\n\n"
            "The resolution is adopted.\n\nII. Miscellaneous\n\nThe session then turned to the harvest.\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:sp[last()]/t:p/text()", namespaces=TEI) == ["I think they will wait.", "The resolution is adopted."]
    assert root.xpath("//t:div[@type='section']/t:head/text()", namespaces=TEI) == ["II. Miscellaneous"]


def test_short_lines_that_are_not_headings_stay_as_they_were():
    def body(middle: str):
        text = ("May 3, 1972\n\nReport\n\nThe delegation arrived on time and was met.\n\n" + middle
                + "\n\nThe talks went on for two more days and ended well.\n")
        return convert_text(text).getroot()
    for line in ("Top Secret", "Dear Comrade Kim,", "Comrade Puja", "A. Khavari", "Moscow, 5 March 1950",
                 "the talks went on", "Wheat     1950     2000 tons", "I thanked him for the information",
                 "Yours sincerely", "Ministry of Foreign Affairs"):
        root = body(line)
        assert not root.xpath("//t:head[@cert]", namespaces=TEI), line
    # a line with a sentence unfinished before it goes on that paragraph's thought: no heading
    root = convert_text("May 3, 1972\n\nReport\n\nThe delegation arrived and then\n\nBilateral relations\n\n"
                        "were discussed at length by the two sides.\n").getroot()
    assert not root.xpath("//t:head[@cert]", namespaces=TEI)


def test_surnames_in_mixed_case_open_turns_when_they_recur_or_are_listed():
    text = ("March 24, 1988\n\nNotes from a Meeting\n\nLigachev. Arguably, we will muddle through.\n\n"
            "Chebrikov. There are things that should remain a secret.\n\n"
            "Ligachev. We should think about the future too.\n\nChebrikov. I agree with that.\n\n"
            "Gorbachev. Let us end here.\n")
    root = convert_text(text).getroot()
    assert [s.xpath("string()") for s in root.xpath("//t:sp/t:speaker", namespaces=TEI)] == [
        "Ligachev.", "Chebrikov.", "Ligachev.", "Chebrikov."]
    # a name that neither recurs nor is listed stays the paragraph's first word
    assert root.xpath("string(//t:sp[last()]/t:p[last()])", namespaces=TEI) == "Gorbachev. Let us end here."
    assert not missing_words(text, root)
    listed = ("March 24, 1988\n\nNotes from a Meeting\n\nPresent: Gorbachev, Ligachev, Ryzhkov.\n\n"
              "Gorbachev. Let us begin with the letters.\n\nLigachev. We will muddle through.\n")
    root = convert_text(listed).getroot()
    assert root.xpath("//t:sp/@who", namespaces=TEI) == ["#person-gorbachev", "#person-ligachev"]


def test_a_place_opening_sentences_is_no_speaker():
    text = ("May 5, 1960\n\nNews digest\n\nMoscow. The talks went on for a second day.\n\n"
            "Moscow. The delegation left in the evening.\n\nPeking. The agency reported the visit.\n")
    assert not convert_text(text).getroot().xpath("//t:sp", namespaces=TEI)


def test_a_speakers_id_is_of_the_name_not_of_the_title_before_it():
    text = ("June 1, 1963\n\nRecord of the Talks\n\nComrade Ion Popescu: Welcome here, comrades.\n\n"
            "Comrade Petr Ivanov: Thank you.\n\nComrade Ion Popescu: Let us begin.\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:listPerson/t:person/@xml:id", namespaces=TEI) == ["person-ion-popescu", "person-petr-ivanov"]
    assert root.xpath("//t:sp/@who", namespaces=TEI) == ["#person-ion-popescu", "#person-petr-ivanov", "#person-ion-popescu"]
    # the speaker's label keeps its title as written
    assert root.xpath("string(//t:sp[1]/t:speaker)", namespaces=TEI) == "Comrade Ion Popescu:"


def test_the_speakers_of_a_journals_entries_are_the_headers_persons():
    text = ("May 5, 1960\n\nJournal\n\n5 May 1960\n\nKim Il Sung: We welcome the delegation.\n\n"
            "Puzanov: Thank you.\n\n6 May 1960\n\nThe delegation left for Wonsan.\n")
    root = convert_text(text).getroot()
    persons = root.xpath("//t:particDesc//t:person/@xml:id", namespaces=TEI)
    assert ["#" + p for p in persons] == root.xpath("//t:sp/@who", namespaces=TEI)


def _hungarian_telegram(dateline: str) -> str:
    return ("Skip to content\n\nOctober 2, 1980\n\nTelegram from the Embassy in Pyongyang, 'The Congress'\n\n"
            f"{dateline}\n\n\nCreated by Se 14.30\n\nChecked by [unknown signature]\n\n"
            "I forwarded the message to the referent on October 1.\n")


def test_a_dateline_with_a_two_digit_year_is_read_where_it_is_the_pages_date():
    text = _hungarian_telegram("PYONGYANG, 80. 10. 02.")
    root = convert_text(text).getroot()
    dateline, = root.xpath("//t:opener/t:dateline", namespaces=TEI)
    assert dateline.xpath("t:date/@when", namespaces=TEI) == ["1980-10-02"]
    assert dateline.xpath("string(t:date)", namespaces=TEI) == "80. 10. 02."
    # the clerks' lines after it stay text, no headings
    assert not root.xpath("//t:body//t:head", namespaces=TEI)
    assert root.xpath("string(//t:body//t:p[1])", namespaces=TEI) == "Created by Se 14.30"
    assert not missing_words(text, root)


def test_a_two_digit_year_date_that_is_not_the_pages_date_stays_text():
    for line in ("PYONGYANG, 80. 02. 10.", "PYONGYANG, 81. 10. 02.", "PYONGYANG, 02. 10. 80."):
        root = convert_text(_hungarian_telegram(line)).getroot()
        assert not root.xpath("//t:dateline", namespaces=TEI), line
        assert root.xpath("string(//t:body//t:p[1])", namespaces=TEI) == line


def test_two_days_of_a_month_are_a_span_not_a_year_read_from_the_first_day():
    assert parse_date("16/17 August 1957").attributes() == {"from": "1957-08-16", "to": "1957-08-17"}
    assert parse_date("August 16-17, 1957").attributes() == {"from": "1957-08-16", "to": "1957-08-17"}
    # not two days in order, not days of that month: no reading, never a year made of a day
    assert parse_date("17/16 August 1957") is None
    assert parse_date("30/31 February 1957") is None
    root = convert_text("August 17, 1957\n\nJournal\n\nNº 182\n\n16/17 August 1957\n\nI visited the minister.\n").getroot()
    assert root.xpath("//t:opener/t:dateline/t:date/@from", namespaces=TEI) == ["1957-08-16"]
    assert not root.xpath("//t:body//t:date[starts-with(@when, '2016')]", namespaces=TEI)


def test_a_period_with_the_year_written_once_is_one_date_from_its_start_to_its_end():
    root = convert_text(JOURNAL).getroot()
    period = root.xpath("//t:div[@type='document']/t:head/t:date", namespaces=TEI)[0]
    assert (period.text, period.get("from"), period.get("to")) == ("16 February through 24 March 1960", "1960-02-16", "1960-03-24")
    assert not period.get("when")
    text = ("June 9, 1961\n\nReport from the Embassy\n\nThe delegation stayed from 3 to 17 May 1958 and again "
            "16 February - 24 March 1960.\n\nThe talks took place between 1 and 5 June 1961.\n")
    root = convert_text(text).getroot()
    spans = [(d.text, d.get("from"), d.get("to")) for d in root.xpath("//t:body//t:p/t:date", namespaces=TEI)]
    assert spans == [("3 to 17 May 1958", "1958-05-03", "1958-05-17"),
                     ("16 February - 24 March 1960", "1960-02-16", "1960-03-24"),
                     ("1 and 5 June 1961", "1961-06-01", "1961-06-05")]
    assert not missing_words(text, root)
    assert parse_date("16 February - 24 March 1960").attributes() == {"from": "1960-02-16", "to": "1960-03-24"}


def test_a_period_that_would_end_before_it_starts_or_two_days_stay_their_last_day():
    for words, when in (("from 24 March to 16 February 1960", "1960-02-16"), ("on 1 and 5 June 1961", "1961-06-05"),
                        ("items 3 to 17 May 1958", "1958-05-17"), ("in No. 12 - 16 February 1960", "1960-02-16")):
        root = convert_text(f"June 9, 1961\n\nReport\n\nWe met {words}.\n").getroot()
        dates = root.xpath("//t:body//t:p/t:date", namespaces=TEI)
        assert [(d.get("when"), d.get("from")) for d in dates] == [(when, None)], words


def test_the_last_paragraph_after_a_heading_is_its_sections_text_not_the_summary():
    page = ("May 2, 1961\n\nReport on the Talks\n\nThe talks went well.\n\n{end}\n\n"
            "Document Information\nSource\nSAPMO-BArch, DY 30/3386.\nRecord ID: 12345\n")
    summary = convert_text(page.format(end="A summary.")).getroot()
    assert summary.xpath("string(//t:abstract/t:p)", namespaces=TEI) == "A summary."
    text = page.format(end="II. Miscellaneous\n\nThe session then turned to the harvest.")
    root = convert_text(text).getroot()
    assert not root.xpath("//t:abstract", namespaces=TEI)
    section = root.xpath("//t:div[@type='section'][t:head = 'II. Miscellaneous']", namespaces=TEI)
    assert section and section[0].xpath("string(t:p)", namespaces=TEI) == "The session then turned to the harvest."
    assert not missing_words(text, root)
    capitals = convert_text(page.format(end="II. MISCELLANEOUS\n\nThe session then turned to the harvest.")).getroot()
    assert not capitals.xpath("//t:abstract", namespaces=TEI)


#: a page with neither a title nor a citation: the date, the summary indented in the title's place
#: with the letterhead against it, then the text
DESCRIBED_IN_TITLE_PLACE = (
    "January 15, 1963\n\n\n"
    "    An account of conversation between the envoy of the republic, Dorj, and the Premier, which was "
    "relayed by the ambassador to the Soviet counsellor, Petrov. Dorj and the Premier discuss the sending of "
    "workers and of grain. Additionally, the two argue about the books being printed.\n"
    "Embassy of the USSR in the PRC\n\nTop Secret\n\n"
    "Enclosed is the copy of a record of conversation with the ambassador, which we sent on.\n\n"
    "The ambassador said the following about the talks of the delegation in the capital.\n"
)


def test_a_summary_in_the_title_s_place_is_the_abstract_and_the_title_is_supplied_in_brackets():
    doc = read_document(DESCRIBED_IN_TITLE_PLACE)
    meta = doc.metadata
    assert meta.title == "[Document of 15 January 1963]"
    assert meta.cert["title"] == "low"
    assert meta.summary == ["An account of conversation between the envoy of the republic, Dorj, and the Premier, "
                            "which was relayed by the ambassador to the Soviet counsellor, Petrov. Dorj and the "
                            "Premier discuss the sending of workers and of grain. Additionally, the two argue "
                            "about the books being printed."]
    assert meta.summary_cert == "low"
    assert any("supplied by the converter" in w for w in doc.warnings)
    assert any("describes the document" in w for w in doc.warnings)
    root = convert_text(DESCRIBED_IN_TITLE_PLACE).getroot()
    assert root.xpath("//t:titleStmt/t:title/text()", namespaces=TEI) == ["[Document of 15 January 1963]"]
    assert root.xpath("//t:titleStmt/t:title/@cert", namespaces=TEI) == ["low"]
    assert root.xpath("//t:abstract/@cert", namespaces=TEI) == ["low"]
    assert "An account of conversation" in "".join(root.xpath("//t:abstract//text()", namespaces=TEI))
    body = " ".join(" ".join(root.xpath("//t:body//text()", namespaces=TEI)).split())
    assert "An account" not in body
    assert "Embassy of the USSR in the PRC" in body and "the talks of the delegation in the capital." in body
    assert not lost_words(DESCRIBED_IN_TITLE_PLACE, root) and not missing_words(DESCRIBED_IN_TITLE_PLACE, root)
    titles = [d for d in review_decisions(root, DESCRIBED_IN_TITLE_PLACE) if d.field == "title"]
    assert [(d.value, d.certainty) for d in titles] == [("[Document of 15 January 1963]", "low")]
    assert titles[0].note.startswith("supplied by the converter")


def test_a_supplied_title_is_the_first_heading_that_names_the_document():
    text = DESCRIBED_IN_TITLE_PLACE.replace(
        "Embassy of the USSR in the PRC\n\nTop Secret\n\n",
        "\nTop Secret\n\nRecord of Conversation with Ambassador Dorj\n\n")
    doc = read_document(text)
    assert doc.metadata.title == "[Record of Conversation with Ambassador Dorj]"
    assert doc.metadata.cert["title"] == "low"
    assert doc.metadata.summary_cert == "low"
    root = convert_text(text).getroot()
    assert not lost_words(text, root) and not missing_words(text, root)
    titles = [d for d in review_decisions(root, text) if d.field == "title"]
    assert titles[0].line == text.split("\n").index("Record of Conversation with Ambassador Dorj") + 1


def test_a_supplied_title_names_the_type_given_and_the_date_as_far_as_it_is_known():
    from tei.convert.readers.wilson import supplied_title

    doc = read_document(DESCRIBED_IN_TITLE_PLACE)
    doc.metadata.doc_type = "Letter"
    assert supplied_title(doc) == ("[Letter, 15 January 1963]", "the document's type and date")
    doc.metadata.date = parse_date("March 1963")
    assert supplied_title(doc)[0] == "[Letter, March 1963]"


def test_a_title_line_is_still_the_title_and_a_sentence_that_names_the_speaker_is_no_summary():
    titled = DESCRIBED_IN_TITLE_PLACE.replace("January 15, 1963\n\n\n", "January 15, 1963\n\nLetter from Petrov to Dorj\n\n")
    assert read_document(titled).metadata.title == "Letter from Petrov to Dorj"
    first_person = DESCRIBED_IN_TITLE_PLACE.replace("Additionally, the two", "Additionally, we")
    doc = read_document(first_person)
    assert not doc.metadata.summary


#: the citation box's summary and quoted citation without the box: after the date and the credit line
BOXLESS_CITATION = (
    "April 05, 1972\n\n\nThis document was made possible with support from the Example Foundation\n\n"
    "    The envoy and the minister discuss the harvest and the new railway.\n"
    "    \"Minutes of Conversation between the Envoy and the Minister, in Cairo, April 5 1972,\" April 05, 1972, "
    "History and Public Policy Program Digital Archive, ANIC, dosar 19/1972, pp. 71-92. Translated by A. Writer.\n"
    "Minutes of the conversation\n\nThe meeting started at 18:00 and ended at 19:30.\n"
)


def test_a_summary_and_a_quoted_citation_without_the_box_are_the_abstract_and_the_citation():
    doc = read_document(BOXLESS_CITATION)
    meta = doc.metadata
    assert meta.title == "Minutes of Conversation between the Envoy and the Minister, in Cairo, April 5 1972"
    assert meta.cert["title"] == "medium"
    assert meta.summary == ["The envoy and the minister discuss the harvest and the new railway."]
    assert meta.citation.startswith("\"Minutes of Conversation") and meta.citation.endswith("A. Writer.")
    assert not any("supplied by the converter" in w for w in doc.warnings)
    root = convert_text(BOXLESS_CITATION).getroot()
    assert root.xpath("//t:sourceDesc/t:bibl[@type='citation']", namespaces=TEI)
    # a bibl holds no roleName of its own (TEI allows none there): `the President of ...` stays text
    with_role = BOXLESS_CITATION.replace("the Envoy and the Minister", "the Envoy and the President")
    cited = convert_text(with_role).getroot().xpath("//t:sourceDesc/t:bibl[@type='citation']", namespaces=TEI)[0]
    assert "the President" in "".join(cited.itertext()) and not cited.xpath("t:roleName", namespaces=TEI)
    body = " ".join(" ".join(root.xpath("//t:body//text()", namespaces=TEI)).split())
    assert body.startswith("Minutes of the conversation") and "harvest" not in body and "History and Public" not in body
    assert not lost_words(BOXLESS_CITATION, root) and not missing_words(BOXLESS_CITATION, root)
    # a title line before them is still the title; a citation alone is read without a summary
    titled = BOXLESS_CITATION.replace("1972\n\n\n", "1972\n\nMinutes of the Talks in Cairo\n\n")
    assert read_document(titled).metadata.title == "Minutes of the Talks in Cairo"
    assert read_document(titled).metadata.summary == meta.summary
    alone = BOXLESS_CITATION.replace("    The envoy and the minister discuss the harvest and the new railway.\n", "")
    assert read_document(alone).metadata.cert["title"] == "medium" and not read_document(alone).metadata.summary
    # a quoted line of another shape (no date and archive after the quote) stays in the text
    plain = BOXLESS_CITATION.replace("History and Public Policy Program Digital Archive", "Archive of the Ministry")
    assert read_document(plain).metadata.cert["title"] == "low"


def test_a_block_in_lower_case_after_a_heading_ending_with_of_goes_on_that_heading():
    text = ("April 05, 1972\n\nMinutes of the Talks in Cairo\n\nMinutes of\n\n"
            "conversation between the Envoy and the Minister of the Republic, in Cairo\n\n- April 5 1972 -\n\n"
            "The meeting started at 18:00 and ended at 19:30.\n")
    root = convert_text(text).getroot()
    heads = [" ".join("".join(h.itertext()).split()) for h in root.xpath("//t:body//t:head", namespaces=TEI)]
    assert heads == ["Minutes ofconversation between the Envoy and the Minister of the Republic, in Cairo"]
    assert root.xpath("count(//t:body//t:head/t:lb)", namespaces=TEI) == 1  # its line break kept
    assert root.xpath("//t:opener/t:dateline/t:date/@when", namespaces=TEI) == ["1972-04-05"]
    # a heading with a full stop, or a block opening in capitals, is not gone on
    stopped = text.replace("Minutes of\n\nconversation", "Minutes of.\n\nconversation")
    assert not any("conversation" in "".join(h.itertext())
                   for h in convert_text(stopped).getroot().xpath("//t:body//t:head", namespaces=TEI))


def test_a_bracket_never_closed_does_not_glue_the_paragraphs_after_it():
    text = ("March 3, 1955\n\nReport of the Legation\n\n"
            "The legation was given these tasks for the quarter:\n\n"
            "  1. Keep in touch [with the ministries and the press;\n"
            "  2. Report on the harvest;\n"
            "  3. Prepare the visit of the delegation.\n\n"
            "Our contacts with the ministries have become more frequent in this period.\n\n"
            "The envoy called on the [new] minister of trade before his departure.\n")
    root = convert_text(text).getroot()
    assert len(root.xpath("//t:body//t:list/t:item", namespaces=TEI)) == 3
    paragraphs = [" ".join(p.itertext()) for p in root.xpath("//t:body//t:p", namespaces=TEI)]
    assert any(p.startswith("Our contacts") for p in paragraphs)
    assert any(p.startswith("The envoy called") for p in paragraphs)
    assert not root.xpath("//t:body//t:lb", namespaces=TEI)
    assert not missing_words(text, root)


def test_a_bracket_closed_after_a_blank_line_still_keeps_its_block():
    text = ("March 3, 1955\n\nReport of the Legation\n\n"
            "The envoy reported as follows. [Note in the margin: seen by the minister.\n\n"
            "Seen again on 5 March.]\n\nThe talks went on the next day.\n")
    root = convert_text(text).getroot()
    paragraphs = [" ".join(p.itertext()) for p in root.xpath("//t:body//t:p", namespaces=TEI)]
    assert not any(p.startswith("Seen again") for p in paragraphs)
    assert not missing_words(text, root)


def test_a_compact_export_with_a_bracket_never_closed_keeps_one_paragraph_a_line():
    text = ("March 3, 1955\nReport of the Legation\n"
            "The envoy called on [the minister of trade before his departure to the capital.\n"
            "The talks with the delegation went on the next day and ended in agreement.\n"
            "The embassy will report on the results in its next telegram to the ministry.\n")
    root = convert_text(text).getroot()
    assert len(root.xpath("//t:body//t:p", namespaces=TEI)) == 3
    assert not missing_words(text, root)


def test_an_indented_numbered_point_keeps_its_number_and_loses_its_indentation():
    text = ("June 7, 1973\n\nTelegram from the Legation\n\n"
            "In reply to your telegram, I report the following:\n\n"
            "  1. The letter was delivered to the ministry on the day it arrived in the capital.\n\n"
            "The ministry thanked us for the care we took in the matter.\n\n"
            "  2. The minister will answer through the usual channels next week.\n")
    root = convert_text(text).getroot()
    numbered = root.xpath("//t:body//t:p[@n]", namespaces=TEI)
    assert [p.get("n") for p in numbered] == ["1", "2"]
    assert all(p.text.startswith(p.get("n") + ". ") for p in numbered)
    assert not missing_words(text, root)


def _to_line_telegram(to_lines: str) -> str:
    return ("June 7, 1973\n\nTelegram from the Legation\n\n" + to_lines +
            "\n\nWith respect to your telegram of June 3, I report the following matters to you today.\n")


def test_the_addressees_office_after_a_to_line_ending_with_a_comma_is_the_to_lines():
    root = convert_text(_to_line_telegram("To: Comrade Petru Ionescu,\n\nDeputy Minister of Trade")).getroot()
    assert not root.xpath("//t:body//t:head", namespaces=TEI)
    to = root.xpath("//t:opener/t:seg[@type='to']", namespaces=TEI)
    assert len(to) == 1 and "Deputy Minister of Trade" in "".join(to[0].itertext())
    # a heading after a To line that ends its address stays a heading
    root = convert_text(_to_line_telegram("To: Comrade Petru Ionescu\n\nDeputy Minister of Trade")).getroot()
    assert root.xpath("//t:body//t:head", namespaces=TEI)


def test_the_office_after_the_addressees_name_is_no_second_addressee():
    for to_lines in ("To: Comrade Petru Ionescu, Deputy Minister of Trade",
                     "To: Comrade Petru Ionescu,\n\nDeputy Minister of Trade"):
        root = convert_text(_to_line_telegram(to_lines)).getroot()
        received = root.xpath("//t:correspAction[@type='received']/t:persName/text()", namespaces=TEI)
        assert received == ["Petru Ionescu"]
        assert not root.xpath("//t:seg[@type='to']//t:persName[. = 'Deputy Minister of Trade']", namespaces=TEI)


def test_a_to_line_in_lower_case_with_the_form_of_address_is_the_to_line():
    text = ("September 28, 1950\n\nTelegram, Orlov to Cde. Petrov\n\nto Cde. P. I. PETROV\n\n"
            "I am sending you by diplomatic post the original of the letter we received yesterday.\n")
    root = convert_text(text).getroot()
    assert not root.xpath("//t:body//t:head", namespaces=TEI)
    assert root.xpath("//t:opener/t:seg[@type='to']", namespaces=TEI)
    assert not missing_words(text, root)


def test_talks_or_a_discussion_between_people_is_a_record_of_conversation():
    from tei.convert.readers.metadata import doc_type_from_title
    assert doc_type_from_title("Talks between Petar Ivanov and John Smith, Sofia") == "Memorandum of Conversation"
    assert doc_type_from_title("Discussion between Zhou Enlai and a Delegation") == "Memorandum of Conversation"
    # another kind the title names is the document's
    assert doc_type_from_title("Minutes of Talks between the Two Delegations") == "Minutes"
    assert doc_type_from_title("Report on the Talks between the Ministers") == "Report"
    text = ("February 4, 1982\n\nTalks between Petar Ivanov and John Smith, Sofia\n\n"
            "PETAR IVANOV:\nWelcome to Sofia; we are glad that you could come for these talks.\n\n"
            "JOHN SMITH:\nThank you; we hope the talks will be useful for both of our countries.\n")
    root = convert_text(text).getroot()
    assert root.xpath("//t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == [
        "#doctype-memorandum-of-conversation"]


def _letter_ending(ending: str) -> str:
    return ("August 31, 1950\n\nLetter from Petar Ivanov to the Central Committee\n\nDear Comrades,\n\n"
            "We thank you for the warm words of your message and for the help you gave our delegation.\n\n"
            + ending)


def test_devotedly_yours_is_a_closing_salute_and_opens_the_closer():
    root = convert_text(_letter_ending("Devotedly yours,\n\nPetar Ivanov\n\n31 August 1950\n")).getroot()
    assert root.xpath("//t:closer/t:salute/text()", namespaces=TEI) == ["Devotedly yours,"]
    assert root.xpath("//t:closer/t:signed", namespaces=TEI)
    # the adverb opening a sentence is no salute
    root = convert_text(_letter_ending("Faithfully they kept every promise of the agreement signed in the spring.\n")
                        ).getroot()
    assert not root.xpath("//t:closer/t:salute", namespaces=TEI)


def test_a_known_place_alone_above_the_closing_date_is_the_datelines():
    root = convert_text(_letter_ending("Sincerely yours,\n\nPetar Ivanov\nSofia\n\n31 August 1950\n")).getroot()
    dateline = root.xpath("//t:closer/t:dateline", namespaces=TEI)[0]
    assert dateline.xpath("t:placeName/text()", namespaces=TEI) == ["Sofia"]
    assert dateline.xpath("t:date/@when", namespaces=TEI) == ["1950-08-31"]
    assert not root.xpath("//t:closer/t:signed//t:placeName", namespaces=TEI)
    # a signer's title above the date stays the signature's
    root = convert_text(_letter_ending("Sincerely yours,\n\nPetar Ivanov\nAmbassador\n\n31 August 1950\n")).getroot()
    assert not root.xpath("//t:closer/t:dateline/t:placeName", namespaces=TEI)


def test_a_known_speakers_turn_without_its_colon_may_be_cut_off_at_the_pages_end():
    text = ("February 4, 1982\n\nTalks between Petar Ivanov and John Smith, Sofia\n\n"
            "PETAR IVANOV:\nWelcome to Sofia; we are glad that you could come for these talks.\n\n"
            "JOHN SMITH:\nThank you; we hope the talks will be useful for both of our countries.\n\n"
            "PETAR IVANOV\nSince you raised the question of trade, let me say a few words about our plans for the next")
    root = convert_text(text).getroot()
    assert len(root.xpath("//t:body//t:sp", namespaces=TEI)) == 3
    # a short line under a name is still its signer's title, no turn
    text = text.rsplit("PETAR IVANOV\n", 1)[0] + "PETAR IVANOV\nMinister of Trade\n"
    assert not convert_text(text).getroot().xpath("//t:sp[t:p = 'Minister of Trade']", namespaces=TEI)
