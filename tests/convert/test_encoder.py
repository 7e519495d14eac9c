"""The encoder (tei/convert/encoder.py) on its own: a document model made by hand, the TEI it
writes. Each mark kind's element is the one docs/encoding.md gives; the encoder writes what the
model holds and reads nothing out of the text itself (that is the reader's work)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tei.convert.encoder import TeiEncoder
from tei.convert.model import Block, Document, EditorialMark, Metadata
from tei.core.tei import T

M = EditorialMark


def _paragraph(*content, metadata: Metadata | None = None) -> tuple[str, list[str]]:
    """The first body paragraph as written, without namespace declarations, and the warnings."""
    encoder = TeiEncoder(Document(metadata or Metadata(title="A note"), body=[Block("p", list(content))]))
    p = encoder.encode().getroot().find(f".//{T}body//{T}p")
    return re.sub(r' xmlns(:\w+)?="[^"]+"', "", etree.tostring(p, encoding="unicode", with_tail=False)), encoder.warnings


@pytest.mark.parametrize("mark, written", [
    (M("sic", "[sic!]", ["governmnet"], target="governmnet", variant="sic!"), '<sic rend="sic!">governmnet</sic>'),
    (M("sic", "[sic]", ["governmnet"], target="governmnet"), "<sic>governmnet</sic>"),
    (M("omission", "[...]", variant="..."), '<gap reason="omitted" rend="..."/>'),
    (M("omission", "[text omitted]", label="text omitted"), '<gap reason="omitted"><desc>text omitted</desc></gap>'),
    (M("redaction", "[redacted]", label="redacted"), '<gap reason="redacted"><desc>redacted</desc></gap>'),
    (M("addition", "[inserted by hand: yes]", ["yes"], label="inserted by hand"),
     '<add hand="#hand-2" type="insertion">yes</add>'),
    (M("annotation", "[Handwritten: approve]", ["approve"], label="Handwritten"),
     '<add hand="#hand-2" type="annotation">approve</add>'),
    (M("blank", "[date left blank]", label="date left blank"), '<space type="blank"><desc>date left blank</desc></space>'),
    (M("signature", "[signature]", label="signature"), '<gap reason="signature"><desc>signature</desc></gap>'),
    (M("illegible", "[illegible word]", label="illegible word"), '<gap reason="illegible"><desc>illegible word</desc></gap>'),
    (M("unclear", "[Kremlin?]", ["Kremlin"], variant="?"), '<unclear cert="low">Kremlin</unclear>'),
    (M("unclear", "[unclear: two words]", ["two words"], label="unclear"), "<unclear>two words</unclear>"),
    (M("expansion", "[Central Committee]", ["Central Committee"], target="CC"),
     "<choice><abbr>CC</abbr><expan>Central Committee</expan></choice>"),
    (M("variant-form", "[Pak Hon Yong]", ["Pak Hon Yong"], target="Pak Heon-Yeong", variant=" "),
     '<choice><orig>Pak Heon-Yeong</orig><reg type="romanisation">Pak Hon Yong</reg></choice>'),
    (M("supplied", "[Soviet]", ["Soviet"]), '<supplied reason="clarification">Soviet</supplied>'),
    (M("original-term", "[opis']", ["opis'"]), '<term type="original" xml:lang="und-Latn">opis\'</term>'),
    (M("underline", "[underlined: this]", ["this"], label="underlined"), '<hi rend="underline">this</hi>'),
    (M("underline", "[underlined]", label="underlined"), '<note type="editorial" subtype="rendition">underlined</note>'),
    (M("stamp", "[stamp: Secret]", ["Secret"], label="stamp"), "<stamp>Secret</stamp>"),
    (M("stamp", "[stamp]", label="stamp"), '<gap reason="stamp"><desc>stamp</desc></gap>'),
    (M("translator-note", "[Translator's note: boss]", ["boss"], label="Translator's note"),
     '<note type="translator">boss</note>'),
    (M("editorial-note", "[Note: see p. 4]", ["see p. 4"], label="Note"), '<note type="editorial">see p. 4</note>'),
    (M("page-break", "[page 2]", variant="2", label="page 2"), '<pb n="2" rend="page 2"/>'),
    (M("footnote", "[12]", variant="12"), '<note type="footnote" place="foot" n="12"/>'),
    (M("layout-space", "\u25a1\u25a1", variant="2"), '<space unit="chars" quantity="2"/>'),
    (M("unknown", "[Foo: bar]", ["Foo: bar"]), '<note type="editorial" subtype="unknown">Foo: bar</note>'),
    (M("unknown", "[]"), '<note type="editorial" subtype="unknown">(empty brackets)</note>'),
], ids=lambda value: value.raw if isinstance(value, EditorialMark) else "")
def test_each_mark_kind_is_written_as_its_element(mark, written):
    assert _paragraph("a ", mark, " b") == (f"<p>a {written} b</p>", [])


def test_marks_inside_marks_are_written_inside_their_element():
    inner = M("original-term", "[opis']", ["opis'"])
    outer = M("addition", "[inserted by hand: yes [opis']]", ["yes ", inner, " no"], label="inserted by hand")
    assert _paragraph(outer)[0] == ('<p><add hand="#hand-2" type="insertion">yes '
                                    '<term type="original" xml:lang="und-Latn">opis\'</term> no</add></p>')


def test_an_original_term_is_in_the_documents_original_language():
    written, _ = _paragraph(M("original-term", "[opis']", ["opis'"]),
                            metadata=Metadata(title="A note", original_languages=["Russian"]))
    assert written == '<p><term type="original" xml:lang="ru-Latn">opis\'</term></p>'


def test_a_mark_of_a_kind_the_encoder_does_not_know_is_kept_as_a_note_and_reported():
    written, warnings = _paragraph(M("hologram", "[hologram]"))
    assert written == '<p><note type="editorial" subtype="unknown">hologram</note></p>'
    assert warnings == ["editorial mark of unknown kind 'hologram' kept as a note: '[hologram]'"]


def test_a_line_break_of_the_source_is_an_lb():
    assert _paragraph("line one\nline two")[0] == "<p>line one<lb/>line two</p>"


def test_the_encoder_writes_brackets_in_a_string_as_text():
    """Recognising marks is the reader's work: text the model holds as text stays text."""
    assert _paragraph("the governmnet [sic] and [...] more")[0] == "<p>the governmnet [sic] and [...] more</p>"


def test_the_same_model_gives_the_same_bytes():
    doc = Document(Metadata(title="A note"), body=[Block("p", ["a ", M("supplied", "[b]", ["b"]), " c"])])
    assert etree.tostring(TeiEncoder(doc).encode()) == etree.tostring(TeiEncoder(doc).encode())
