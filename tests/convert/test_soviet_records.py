"""The head and the signature of Soviet journals and cables: a classification marking with the
copy number beside it, an outgoing number, and a closing line in capitals with the name in
parentheses. Made-up texts in the archive's layouts."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers import TEI, missing_words, xpath
from tei import convert_text
from tei import convert_reviewed

LABELS = ("Author(s):\nAssociated Places\nDocument Information\nSource\nRights\n"
          "The History and Public Policy Program welcomes reuse of Digital Archive materials.\n"
          "Original Uploaded Date\nType\nLanguage\nRecord ID\n")

JOURNAL = (
    "May 3, 1961\n"
    "From the Journal of N.P. Orlov, 'Record of a Conversation with the Minister, 2 May 1961'\n"
    "This document was made possible with support from Example Foundation\n"
    "Secret Copy No. 2\n"
    "3 May 1961\n"
    "Outgoing Nº 143\n"
    "from the journal of\n"
    "N. P. ORLOV\n"
    "I met with the minister at his request and passed him the note of the ministry.\n"
    "He promised to give an answer in the next few days.\n"
    "USSR AMBASSADOR IN THE REPUBLIC OF RURITANIA (N. ORLOV)\n"
    "Orlov passes a note to the minister.\n"
) + LABELS


def test_a_marking_beside_the_copy_number_is_the_classification_and_the_copy_number():
    root = convert_text(JOURNAL).getroot()
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["Secret"]
    assert xpath(root, "//t:opener/t:fw[@type='copyNumber']/text()") == ["Copy No. 2"]
    assert xpath(root, "//t:catRef[@scheme='#classifications']/@target") == ["#classification-secret"]
    # read from the text, not the page: a likely reading
    assert xpath(root, "//t:catRef[@scheme='#classifications']/@cert") == ["medium"]
    assert not xpath(root, "//t:body//t:head[contains(., 'Copy')]")
    assert not missing_words(JOURNAL, root)


def test_an_outgoing_number_is_the_registry_number_of_the_original():
    root = convert_text(JOURNAL).getroot()
    assert xpath(root, "//t:opener/t:idno[@type='registry']/text()") == ["Outgoing Nº 143"]
    # the opener stays one: the marking, the date, the number and the provenance line in order
    assert [e.tag.split("}")[1] for e in xpath(root, "//t:opener[1]/*")] == ["seg", "fw", "dateline", "idno", "seg"]
    for text, number in (("Nº 12", "Nº 12"), ("No 66", "No 66"), ("Incoming No. 7", "Incoming No. 7")):
        doc = f"May 3, 1961\n\nCable from Orlov\n\nTop Secret\n\n{text}\n\nThe talks went well.\n"
        root = convert_text(doc).getroot()
        assert xpath(root, "//t:opener/t:idno[@type='registry']/text()") == [number]
        assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["Top Secret"]


def test_a_marking_in_a_sentence_or_before_other_words_is_text():
    doc = "May 3, 1961\n\nCable from Orlov\n\nSecret talks began in May.\n\nSecret Service Report\n\nThe talks went well.\n"
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:seg[@type='classification']")


def _signed(text):
    root = convert_text(text).getroot()
    return root, xpath(root, "//t:closer/t:signed")


def test_a_closing_title_in_capitals_with_the_name_in_parentheses_is_the_signature():
    root, signed = _signed(JOURNAL)
    assert len(signed) == 1
    assert signed[0].xpath("string(t:roleName)", namespaces=TEI) == "USSR AMBASSADOR IN THE REPUBLIC OF RURITANIA"
    assert xpath(signed[0], "t:persName/text()") == ["N. ORLOV"]
    assert xpath(signed[0], "t:persName/@cert") == ["medium"]
    assert xpath(signed[0], "t:roleName/@cert") == ["medium"]
    # the signature ends the text: the page's summary after it is the abstract, not a section of the text
    assert not xpath(root, "//t:body//t:head[contains(., 'AMBASSADOR')]")
    assert xpath(root, "string(//t:abstract)").strip() == "Orlov passes a note to the minister."
    assert not missing_words(JOURNAL, root)


def test_the_signature_readings_are_in_the_review_list():
    _tree, _doc, decisions = convert_reviewed(JOURNAL, "journal.txt")
    fields = {(d.field, d.value) for d in decisions}
    assert ("signer", "N. ORLOV") in fields
    assert ("signer's role", "USSR AMBASSADOR IN THE REPUBLIC OF RURITANIA") in fields


def test_a_name_after_a_signature_mark_is_the_signer():
    text = ("May 3, 1961\n\nCable from the Embassy\n\nThe delegation left on the morning train.\n\n"
            "COUNSELOR OF THE EMBASSY (signature) I. PETROV\n")
    _root, signed = _signed(text)
    assert xpath(signed[0], "t:roleName/text()") == ["COUNSELOR OF THE EMBASSY"]
    assert xpath(signed[0], "t:persName/text()") == ["I. PETROV"]


def test_a_heading_in_capitals_with_a_bracket_is_no_signature():
    for line in ("THE SITUATION IN THE SOUTH (A. SUMMARY)", "MINISTER OF FOREIGN AFFAIRS (DRAFT)"):
        text = f"May 3, 1961\n\nCable from the Embassy\n\nThe delegation left.\n\n{line}\n\nThe talks on the border went on until noon.\n"
        root = convert_text(text).getroot()
        assert not xpath(root, "//t:signed"), line


def test_a_sentence_after_a_name_in_capitals_is_no_signer_s_title():
    text = ("May 3, 1961\n\nTalks in the capital\n\nWe welcome you and your delegation.\n\n"
            "PETAR MARKOV\nSince you raised this question, let me say a few words about it.\n")
    root = convert_text(text).getroot()
    assert not xpath(root, "//t:roleName[contains(., 'Since you')]")
    assert not missing_words(text, root)


def test_a_record_number_of_a_bulgarian_fond_is_part_of_the_signature():
    from tei.convert.readers.metadata import _archival_parts
    source = _archival_parts("State Archive, Ruritown, Fond 7-B, Record 12, File 40")
    assert source.idno == "Fond 7-B, Record 12, File 40"
    assert source.collection == []
    # words about a record are no unit of the signature
    assert _archival_parts("State Archive, Ruritown, Records of the talks").idno == ""


def test_a_provenance_line_cut_before_the_keeper_s_name_is_one_line():
    root = convert_text(JOURNAL).getroot()
    provenance = xpath(root, "//t:opener/t:seg[@type='provenance']")
    assert len(provenance) == 1
    assert provenance[0].xpath("string()") == "from the journal ofN. P. ORLOV"  # an lb between the lines
    assert len(xpath(provenance[0], "t:lb")) == 1
    assert not xpath(root, "//t:body//t:head[. = 'N. P. ORLOV']")
    # cut before its `of`, in capitals
    text = JOURNAL.replace("from the journal of\nN. P. ORLOV", "FROM THE JOURNAL\nOF N. P. ORLOV")
    root = convert_text(text).getroot()
    assert [p.xpath("string()") for p in xpath(root, "//t:opener/t:seg[@type='provenance']")] == [
        "FROM THE JOURNALOF N. P. ORLOV"]
    assert not xpath(root, "//t:body//t:head")


def test_a_heading_going_on_in_lower_case_on_the_next_line_is_one_heading():
    text = ("May 3, 1961\nJournal of N. Orlov\nThis document was made possible with support from Example Foundation\n"
            "RECORD OF A CONVERSATION\nwith the Minister of Trade\nof the Republic\n2 May 1961\n"
            "I met with the minister at his request and passed him the note of the ministry.\n"
            "He promised to give an answer in the next few days.\n") + LABELS
    root = convert_text(text).getroot()
    heads = xpath(root, "//t:body//t:head")
    assert len(heads) == 1
    assert len(xpath(heads[0], "t:lb")) == 2
    assert not missing_words(text, root)
    # two headings in capitals stay two
    text = text.replace("with the Minister of Trade\nof the Republic\n", "MINISTRY OF TRADE\n")
    assert len(xpath(convert_text(text).getroot(), "//t:body//t:head")) == 2


CITED = ("April 5, 1963\n\n**From the Journal of N. Orlov**\n\nCitation:\n\n"
         "\"From the Journal of N. Orlov,\" April 5, 1963, Wilson Center Digital Archive, AVP RF, f. 1, op. 2, d. 3. "
         "Translated by Example Translator.{run_on}\n\n{field}Summary:\n\nOrlov passes a note.\n\n"
         "Original Language:\n\nRussian\n\nContents:\n\nTranslation - English\n\n"
         "I met with the minister at his request and passed him the note.\n")


def test_an_original_classification_field_is_the_classification_not_the_citation():
    for run_on, field in ((" Original Classification: Strictly Secret", ""),
                          ("", "Original Classification: Strictly Secret\n\n"),
                          ("", "Original Classification:\n\nStrictly Secret\n\n")):
        text = CITED.format(run_on=run_on, field=field)
        tree, doc, _decisions = convert_reviewed(text, "cited.txt")
        root = tree.getroot()
        assert doc.metadata.classification_given == "Strictly Secret", (run_on, field)
        assert "Classification" not in root.xpath("string(//t:bibl[@type='citation'])", namespaces=TEI)
        assert xpath(root, "//t:catRef[@scheme='#classifications']/@target") == ["#classification-strictly-secret"]
        # the label run on in the citation is a label, as on a line of its own
        label = Counter({"Original": 1, "Classification": 1}) if run_on else Counter()
        assert not missing_words(text, root) - label


LETTERHEAD = ("May 3, 1961\nRecord of a Conversation with the Minister\n"
              "Embassy of the USSR\nin Ruritania {marking}\n3 May 1961\n"
              "I met with the minister at his request and passed him the note of the ministry.\n"
              "He promised to give an answer in the next few days.\n") + LABELS


@pytest.mark.parametrize("marking", ["Secret", "Top Secret", "Strictly confidential", "SECRET"])
def test_a_marking_at_the_end_of_the_letterhead_is_the_classification(marking):
    doc = LETTERHEAD.format(marking=marking)
    root = convert_text(doc).getroot()
    heads = xpath(root, "//t:body//t:head")
    assert len(heads) == 1 and "".join(heads[0].itertext()) == "Embassy of the USSRin Ruritania"
    assert len(xpath(heads[0], "t:lb")) == 1
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == [marking]
    assert xpath(root, "//t:opener/t:dateline/t:date/@when") == ["1961-05-03"]
    assert not missing_words(doc, root)


def test_a_marking_at_the_end_of_a_letterhead_block_is_the_classification():
    doc = "May 3, 1961\n\nCable from Orlov\n\nEmbassy of the USSR\nin Ruritania Secret\n\nThe talks went well.\n"
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["Secret"]
    assert ["".join(h.itertext()) for h in xpath(root, "//t:body//t:head")] == ["Embassy of the USSRin Ruritania"]


@pytest.mark.parametrize("line", [
    "Report on the Secret", "Embassy of the USSR in Ruritania secret", "Secret talks",
    "Talks of the Most Secret", "Minutes of the Meeting held on the Third of May in the Old Capital Top Secret"])
def test_a_marking_word_ending_a_name_or_a_long_line_stays_in_the_heading(line):
    root = convert_text(LETTERHEAD.format(marking="").replace("in Ruritania \n", f"{line}\n")).getroot()
    assert not xpath(root, "//t:seg[@type='classification']")
    assert line in ["".join(e.itertext()) for e in xpath(root, "//t:body//t:head | //t:body//t:p")]


CAPS_HEADING = ("May 3, 1961\nJournal of N. Orlov\nThis document was made possible with support from Example Foundation\n"
                "3 May 1961\n{first}\n{second}\n"
                "I met with the minister at his request and passed him the note of the ministry.\n"
                "He promised to give an answer in the next few days.\n") + LABELS


@pytest.mark.parametrize("second", ["OF THE REPUBLIC c. ORLOV", "WITH THE MINISTER", "AND THE DEPUTY MINISTER",
                                    "BETWEEN THE TWO DELEGATIONS", "ON TRADE", "FOR THE MINISTER", "IN RURITANIA",
                                    "THE MINISTER OF TRADE"])
def test_a_heading_going_on_in_capitals_with_a_preposition_is_one_heading(second):
    text = CAPS_HEADING.format(first="RECORD OF CONVERSATION WITH PRIME MINISTER", second=second)
    root = convert_text(text).getroot()
    heads = xpath(root, "//t:body//t:head")
    assert len(heads) == 1 and len(xpath(heads[0], "t:lb")) == 1
    assert "".join(heads[0].itertext()) == "RECORD OF CONVERSATION WITH PRIME MINISTER" + second
    assert not missing_words(text, root)


@pytest.mark.parametrize("first, second", [
    ("WHAT NEXT FOR THE TALKS?", "IN RURITANIA"),  # the line before ends with its stop
    ("RECORD OF CONVERSATION", "MINISTRY OF TRADE"),  # the next opens with a name's word
    ("RECORD OF CONVERSATION", "Of the Republic"),  # the next is not in capitals
])
def test_two_heading_lines_that_do_not_go_on_in_capitals_stay_two(first, second):
    root = convert_text(CAPS_HEADING.format(first=first, second=second)).getroot()
    assert len(xpath(root, "//t:body//t:head")) == 2
