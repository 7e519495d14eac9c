"""The language of the text: an English translation stays as it always was; a page that gives the
original says so, from its Contents label or as the text reads, the reading marked for review."""

from __future__ import annotations

from lxml import etree

from tei.convert.pipeline import convert_bytes
from tei.convert.review import review_decisions
from tei.core.tei import TEI_PREFIXES, XML_LANG

GERMAN = ("Der Bundeskanzler heißt Außenminister Levy herzlich willkommen. Außenminister Levy bedankt "
          "sich für die Möglichkeit des Gesprächs. Das sei ein Lichtblick in schwieriger Zeit gewesen.")
ENGLISH = ("The Chancellor welcomes Foreign Minister Levy warmly. Foreign Minister Levy thanks him for "
           "the opportunity of the conversation. That had been a bright spot in difficult times.")


def _page(text: str, labels: str = "") -> bytes:
    return (f"March 18, 1991\n\nThe Chancellor's Meeting with Foreign Minister Levy\n\n{labels}"
            f"{text}\n").encode()


def _languages(tei: bytes) -> tuple[str, list[tuple[str, str, str]]]:
    root = etree.fromstring(tei)
    usage = root.xpath("//t:langUsage/t:language", namespaces=TEI_PREFIXES)
    return root.get(XML_LANG), [(l.get("ident"), l.text, l.get("cert") or "") for l in usage]


def test_an_english_translation_is_english_without_a_mark():
    tei, doc = convert_bytes(_page(ENGLISH, "Original Language:\n\nGerman\n\n"), "en.txt")
    assert _languages(tei) == ("en", [("en", "English", ""), ("de", "German (original language)", "")])
    assert not any("reads as" in w for w in doc.warnings)


def test_a_german_original_is_german_and_the_reading_is_for_review():
    tei, doc = convert_bytes(_page(GERMAN, "Original Language:\n\nGerman\n\n"), "de.txt")
    assert _languages(tei) == ("de", [("de", "German", "medium")])
    assert any("reads as German" in w for w in doc.warnings)
    assert [(d.field, d.value, d.certainty) for d in review_decisions(etree.fromstring(tei))
            if "German" in d.value] == [("language", "German", "medium")]


def test_without_a_stated_language_the_archive_languages_are_looked_among():
    tei, _ = convert_bytes(_page(GERMAN), "de.txt")
    assert _languages(tei) == ("de", [("de", "German", "medium")])


def test_the_contents_label_decides_without_a_reading():
    for contents in ("Translation - English", "English Translation", "Original Scan\n\nTranslation - English",
                     "Transcript - Russian\n\nTranslation - English"):
        tei, doc = convert_bytes(_page(GERMAN, f"Contents:\n\n{contents}\n\n"), "label.txt")
        assert _languages(tei)[0] == "en" and doc.metadata.contents == " ".join(contents.split("\n\n"))
    tei, _ = convert_bytes(_page(ENGLISH, "Contents:\n\nTranscript - Russian\n\n"), "label.txt")
    assert _languages(tei) == ("ru", [("ru", "Russian", "")])


def test_an_original_s_header_stays_english_and_says_it_is_the_original():
    tei, _ = convert_bytes(_page(GERMAN, "Original Language:\n\nGerman\n\n"), "de.txt")
    root = etree.fromstring(tei)
    header = root.find("t:teiHeader", TEI_PREFIXES)
    assert (root.get(XML_LANG), header.get(XML_LANG)) == ("de", "en")
    correction = header.findtext(".//t:editorialDecl/t:correction/t:p", namespaces=TEI_PREFIXES)
    assert correction.startswith("The original is transcribed") and "translat" not in correction
    english, _ = convert_bytes(_page(ENGLISH), "en.txt")
    english_header = etree.fromstring(english).find("t:teiHeader", TEI_PREFIXES)
    assert english_header.get(XML_LANG) is None
    assert english_header.findtext(".//t:correction/t:p", namespaces=TEI_PREFIXES).startswith("The translation")


def test_capitalised_nouns_of_a_german_text_are_not_taken_for_names():
    text = GERMAN + " Er dankt dem Herrn Bundeskanzler für die Hilfe der Vereinten Nationen."
    tei, _ = convert_bytes(_page(text, "Original Language:\n\nGerman\n\n"), "de.txt")
    body = etree.fromstring(tei).find(".//t:body", TEI_PREFIXES)
    assert not body.xpath(".//*[@type = 'candidate']"), "German capitalises every noun"
    english = ENGLISH + " He thanks the Federal Chancellor for the help of the United Nations Relief Agency."
    tei, _ = convert_bytes(_page(english), "en.txt")
    body = etree.fromstring(tei).find(".//t:body", TEI_PREFIXES)
    assert body.xpath(".//*[@type = 'candidate']"), "in English a capitalised run is a candidate"
