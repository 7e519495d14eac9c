"""Layouts the seeds do not show: labels in other cases, values on the label's line, other orders."""

from __future__ import annotations

from helpers import TEI, missing_words
from tei import convert_text, read_document


def test_labels_in_other_case_with_values_on_the_same_line():
    text = (
        "March 3, 1956\n\n**Letter from Kim Il Sung to\nthe CC CPSU**\n\n"
        "SUMMARY: Kim asks for advice.\n\nORIGINAL LANGUAGE: Korean\n\nCITATION: \"Letter\", March 3, 1956, "
        "Wilson Center Digital Archive, AVPRF, f. 0102, op. 12, d. 68, ll. 1-3. Translated by Jane Roe.\n\n"
        "Dear Comrades,\n\nWe ask for advice on [illegible] matters.\n\nWith comradely greetings,\n\nKIM IL SUNG\n"
    )
    doc = read_document(text)
    meta = doc.metadata
    assert meta.title == "Letter from Kim Il Sung to the CC CPSU"
    assert meta.summary == ["Kim asks for advice."]
    assert meta.original_languages == ["Korean"]
    assert meta.archival_source.repository == "AVPRF"
    assert meta.archival_source.idno == "f. 0102, op. 12, d. 68, ll. 1-3"
    assert meta.doc_type == "Letter"
    root = convert_text(text).getroot()
    assert root.xpath("//t:opener/t:salute/text()", namespaces=TEI) == ["Dear Comrades,"]
    assert root.xpath("//t:closer/t:salute/text()", namespaces=TEI) == ["With comradely greetings,"]
    assert root.xpath("//t:closer/t:signed/t:persName/text()", namespaces=TEI) == ["KIM IL SUNG"]
    assert root.xpath("//t:gap/@reason", namespaces=TEI) == ["illegible"]
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=TEI) == ["en", "ko"]
    assert not missing_words(text, root)


def test_web_layout_with_reordered_sections_and_topics():
    text = (
        "Skip to content\n\n1962\n\nReport on the Situation in Laos\n\nThe situation is tense.\n\n"
        "A report on Laos.\n\nType\n\nReport\n\nAssociated Topics\n\nLaos Crisis\nSoviet Union\n\n"
        "Record ID\n\n12345\n\nAssociated Places\n\nLaos\n\nOriginal Classification\n\nTop Secret\n"
    )
    root = convert_text(text).getroot()
    assert root.xpath("//t:creation/t:date/@notBefore", namespaces=TEI) == ["1962-01-01"]
    assert root.xpath("//t:creation/t:date/@notAfter", namespaces=TEI) == ["1962-12-31"]
    assert root.xpath("//t:keywords[@scheme='#topics']/t:term/text()", namespaces=TEI) == ["Laos Crisis", "Soviet Union"]
    assert root.xpath("//t:keywords[@scheme='#places']/t:term/text()", namespaces=TEI) == ["Laos"]
    assert root.xpath("//t:catRef/@target", namespaces=TEI) == ["#doctype-report", "#classification-top-secret"]
    assert root.xpath("string(//t:abstract/t:p)", namespaces=TEI) == "A report on Laos."
    assert root.xpath("//t:abstract/t:p/t:placeName/@ref", namespaces=TEI) == ["place:laos"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["12345"]
    assert not missing_words(text, root)


def test_marks_the_seeds_do_not_show():
    text = (
        "May 1, 1950\n\nNote on a meeting\n\n"
        "The [stamp: Top Secret] paper[1] was [underlined: approved] by [unclear: Pak] and [Kim?].\n\n"
        "[page break]\n\nMore text [Translator's note: the original is damaged] and [Photo: a group of delegates].\n\n"
        "[1] A footnote text.\n"
    )
    root = convert_text(text).getroot()
    body = root.xpath("//t:body", namespaces=TEI)[0]
    assert body.xpath("string(.//t:stamp)", namespaces=TEI) == "Top Secret"
    assert body.xpath("string(.//t:hi[@rend='underline'])", namespaces=TEI) == "approved"
    assert [u.text for u in body.xpath(".//t:unclear", namespaces=TEI)] == ["Pak", "Kim"]
    assert body.xpath(".//t:unclear/@cert", namespaces=TEI) == ["low"]
    assert len(body.xpath(".//t:pb", namespaces=TEI)) == 1
    assert body.xpath("string(.//t:note[@type='translator'])", namespaces=TEI) == "the original is damaged"
    assert body.xpath("string(.//t:note[@type='footnote'][@n='1'])", namespaces=TEI) == "A footnote text."
    assert body.xpath("string(.//t:note[@subtype='unknown'])", namespaces=TEI) == "Photo: a group of delegates"
    assert not missing_words(text, root)


def test_web_chrome_is_skipped_only_in_the_top_bar():
    """"Share" or "Print" before the date is the page's bar; after it, such a line is the
    document's (here its title: found by the property tests)."""
    text = "Skip to content\n\nMay 7, 1978\n\nSHARE\n\nA.\n\nA.\n\nAssociated Places\n\nSource\n\nA\n\nType\n\nTelegram\n\nRecord ID\n\n1"
    doc = read_document(text)
    assert doc.metadata.title == "SHARE"
    assert missing_words(text, convert_text(text)) == {}
    barred = read_document("Skip to content\nPrint\nShare\n\nMay 7, 1978\n\nA title\n\nBody.\n\nRecord ID\n\n1")
    assert barred.metadata.title == "A title"
