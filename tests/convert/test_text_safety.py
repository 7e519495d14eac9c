"""Sources in damaged or legacy encodings, Unicode white space at line edges, and stages that must
stay linear in the size of their input (each of these was once a fault: see the hostile corpus)."""

from __future__ import annotations


import pytest
from lxml import etree

import tei
from tei.convert.names import default_tagger
from tei.convert.pipeline import convert_bytes
from tei.convert.readers.source import decode_source, normalise_layout

from helpers import TEI, assert_linear as assert_scaling, least_cpu_seconds

HEAD = "May 4, 1988\n\nA Title of the Document\n\n"


def body_text(tei_bytes: bytes) -> str:
    root = etree.fromstring(tei_bytes)
    return "".join(root.xpath("//t:text//text()", namespaces=TEI))


def test_utf8_with_one_stray_byte_stays_utf8():
    data = (HEAD + "Летопись сообщает о встрече.\n").encode().replace("сообщает".encode(), "сообщает".encode() + b"\xff")
    tei_bytes, doc = convert_bytes(data, "stray.txt")
    text = body_text(tei_bytes)
    assert "Летопись сообщает\ufffd о встрече." in text
    position = data.index(b"\xff")
    assert any("invalid UTF-8" in w and f"at byte {position}" in w for w in doc.warnings), doc.warnings
    assert not any("Latin-1" in w or "Windows-" in w for w in doc.warnings)


def test_utf8_damage_is_reported_by_position_and_count():
    data = "Ça va très bien, déjà vu.\n".encode() + b"\xc3" + b" end\xe9\n"
    text, warnings = decode_source(data, "d.txt")
    assert text.count("\ufffd") == 2 and text.startswith("Ça va très bien")
    first, second = data.index(b"\xc3 "), data.index(b"\xe9")
    assert warnings == [f"invalid UTF-8: 2 byte(s) replaced by U+FFFD (at byte {first}, {second})"]


@pytest.mark.parametrize("encoding, name", [("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R")])
def test_cyrillic_legacy_code_pages_are_detected(encoding, name):
    text = HEAD + "Летопись сообщает, что посол прибыл в Москву 12 октября 1948 года и был принят министром.\n"
    tei_bytes, doc = convert_bytes(text.encode(encoding), "legacy.txt")
    assert "посол прибыл в Москву" in body_text(tei_bytes)
    assert any(name in w for w in doc.warnings), doc.warnings


def test_english_in_the_archives_code_page_is_read_as_windows_1252(seed_paths):
    for path in seed_paths:
        original = path.read_text(encoding="utf-8")
        data = original.encode("cp1252", errors="replace")
        text, warnings = decode_source(data, path.name)
        assert warnings == ["not UTF-8: decoded as Windows-1252"] or "’" not in original
        assert text == normalise_layout(data.decode("cp1252"))


def test_normalise_layout_changes_only_the_documented_characters():
    source = ("a\u2028b\r\nc\u00a0\u00a0\n\u00a0\u00a0x\u00a0y\u3000\n\u200b\n \t\n\u3000\u00a0\u200b\n"
              "N°\u00a031\u2029last  ")
    assert normalise_layout(source) == "a\nb\nc\n  x\u00a0y\n\n\n\nN°\u00a031\nlast"


def test_unicode_white_space_at_line_edges_loses_no_character_of_the_text():
    body = ("\u00a0\u00a0Indented by no-break spaces.\u3000\nA line separator ends this line\u2028\n"
            "\u200b\n\n\u3000\u3000Ideographic indentation and words\u00a0inside kept.")
    tei_bytes, _ = convert_bytes((HEAD + body + "\n").encode(), "spaces.txt")
    kept = "".join(body_text(tei_bytes).split())
    expected = "".join(c for c in body if not c.isspace() and c != "\u200b")
    assert expected in kept
    assert "words\u00a0inside" in body_text(tei_bytes)


# -- linear in the size of the input ----------------------------------------------------------------

def assert_linear(make_source, n: int, convert=tei.convert_text) -> None:
    assert_scaling(lambda size: least_cpu_seconds(convert, make_source(size)), n)


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_the_reader_is_linear_in_a_long_run_of_spaces(space):
    # the label pattern once took 60 s on "ab" + 8,000 spaces + "x"
    assert_linear(lambda n: HEAD + "ab" + space * n + "x\n", 4000)


def test_the_date_reader_is_linear_in_the_number_of_dates_in_one_line():
    # each date searched all the line before it for a numbering word, and was compared with every
    # date found before it: 2,000 Roman-numeral dates in one line took 30 s
    assert_linear(lambda n: HEAD + "on 5 X 1962 and 3 May 1960, " * n + "\n", 500)


def test_the_encoder_is_linear_in_the_number_of_marks():
    # appending text counted the paragraph's children each time: 100,000 [sic] took over 300 s
    assert_linear(lambda n: HEAD + "word [sic] " * n + "\n", 1500)


def test_the_tagger_is_linear_in_the_number_of_names_in_one_text():
    # each name copied the rest of its text: 32,000 roles in one paragraph took over 40 s
    assert_linear(lambda n: HEAD + "the Ambassador " * n + "\n", 2000)


def test_the_tagger_is_linear_in_the_number_of_inline_elements_in_one_text():
    # each orig looked for its parent among all the paragraph's children, and each atom for the name
    # it moved into among all the names
    unit = ("met Kim Il Sung <choice><orig>Han Byong Su</orig><reg>Han</reg></choice> and <hi>Ri</hi> Chang Ho, "
            "the Soviet <hi>Ambassador</hi>. ")

    def tag(source: str) -> None:
        default_tagger().tag(etree.fromstring(source))

    assert_linear(lambda n: f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>{unit * n}</p></body></text>'
                            '</TEI>', 1000, tag)
