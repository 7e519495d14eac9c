"""Right-to-left text: `dir` from xml:lang (language or script subtag) and from @rend/@style."""

from __future__ import annotations

import io

import pytest
from lxml import html

from tei.schema.directiongen import language_aliases, main as directiongen, rtl_languages, rtl_scripts
from tei.render import render

HEADER = """<teiHeader><fileDesc><titleStmt><title>Direction</title></titleStmt>
<publicationStmt><p>Unpublished test file.</p></publicationStmt><sourceDesc><p>Written for the test.</p>
</sourceDesc></fileDesc></teiHeader>"""


def tei(tmp_path, body: str, lang: str | None = None, name: str = "doc.xml"):
    lang_attr = f' xml:lang="{lang}"' if lang else ""
    path = tmp_path / name
    path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text{lang_attr}><body>{body}</body></text></TEI>',
                    encoding="utf-8")
    return path


def page(path):
    return html.fromstring(render(path, "html"))


def by_text(document, text):
    (element,) = [e for e in document.iter() if e.text and e.text.strip() == text]
    return element


def effective_dir(element):
    """The direction HTML gives an element: its own dir or its nearest ancestor's, else ltr."""
    while element is not None:
        if element.get("dir"):
            return element.get("dir")
        element = element.getparent()
    return "ltr"


@pytest.mark.parametrize("lang, text", [("fa", "سلام دنیا"), ("ar", "مرحبا بالعالم"), ("he", "שלום עולם"),
                                        ("per", "سلام"), ("ur", "سلام"), ("yi", "שלום"), ("syr", "ܫܠܡܐ"),
                                        ("dv", "ސަލާމް"), ("fa-IR", "سلام"), ("und-Arab", "سلام")])
def test_text_in_a_right_to_left_language_is_right_to_left(tmp_path, lang, text):
    document = page(tei(tmp_path, f"<p>{text}</p>", lang=lang))
    assert effective_dir(by_text(document, text)) == "rtl"
    assert document.get_element_by_id("text").get("dir") == "rtl"
    assert effective_dir(document.get_element_by_id("title")) == "ltr"  # the page's own labels stay


def test_latin_transliteration_and_english_inside_rtl_are_left_to_right(tmp_path):
    body = ('<p>متن <foreign xml:lang="ar-Latn">al-kitāb</foreign> و <foreign xml:lang="en">the book</foreign>'
            ' و <foreign xml:lang="fa">کتاب</foreign></p>')
    document = page(tei(tmp_path, body, lang="ar"))
    assert effective_dir(by_text(document, "al-kitāb")) == "ltr"
    assert effective_dir(by_text(document, "the book")) == "ltr"
    persian = by_text(document, "کتاب")
    assert effective_dir(persian) == "rtl" and persian.get("dir") is None  # no dir where nothing changes


def test_rtl_phrases_in_an_english_text(tmp_path):
    body = ('<p>He wrote <foreign xml:lang="he">שלום</foreign>, <q xml:lang="ar">سلام</q> and'
            ' <foreign xml:lang="de">Grüß Gott</foreign>; <hi rend="rtl">reversed</hi>'
            ' <seg style="direction: rtl">styled</seg> <hi xml:lang="he-Latn">shalom</hi></p>')
    document = page(tei(tmp_path, body, lang="en"))
    assert document.get_element_by_id("text").get("dir") is None
    assert by_text(document, "שלום").get("dir") == "rtl"
    assert by_text(document, "سلام").get("dir") == "rtl"
    assert by_text(document, "Grüß Gott").get("dir") is None
    assert by_text(document, "reversed").get("dir") == "rtl"
    assert by_text(document, "styled").get("dir") == "rtl"
    assert effective_dir(by_text(document, "shalom")) == "ltr"


def test_a_footnote_of_an_rtl_text_is_rtl_in_the_note_list(tmp_path):
    document = page(tei(tmp_path, "<p>متن<note>یادداشت</note></p>", lang="fa"))
    (body,) = document.find_class("fn-body")
    assert effective_dir(body) == "rtl"


def test_the_lists_come_from_unicode_and_cldr_data():
    scripts = rtl_scripts()
    assert {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Samr", "Phnx"} <= set(scripts)
    assert not {"Latn", "Cyrl", "Grek", "Deva", "Hani", "Ethi"} & set(scripts)
    languages = set(rtl_languages(scripts))
    assert {"ar", "fa", "he", "ur", "yi", "ps", "syr", "dv", "ara", "per", "fas", "heb", "urd", "ckb", "sd"} <= languages
    assert not {"en", "de", "ru", "el", "hi", "zh", "am", "tr", "la"} & languages


def test_the_committed_direction_stylesheet_is_up_to_date():
    assert directiongen(["--check"]) == 0


def test_a_language_alias_leads_to_its_last_replacement_in_one_look_up():
    aliases = dict(alias.split("=") for alias in language_aliases())
    assert {"eng": "en", "lat": "la", "ger": "de", "deu": "de", "iw": "he", "mol": "ro"}.items() <= aliases.items()
    assert set(aliases.values()).isdisjoint(aliases), "an alias of an alias"


def test_pdf_of_an_rtl_text_keeps_its_words(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    path = tei(tmp_path, "<p>سلام دنیا</p><p xml:lang=\"he\">שלום עולם</p>", lang="fa")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render(path, "pdf"))).pages)
    for word in ("سلام", "دنیا", "שלום", "עולם"):
        assert word in text
