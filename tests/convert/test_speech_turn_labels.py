"""Speech turns whose label is more than a name and a colon: a bracket after the name, a name in
capitals on a line of its own. Small synthetic inputs."""

from __future__ import annotations

import pytest
from lxml import etree

from helpers import TEI, missing_words

from conftest import assert_tei_all_valid
from tei import convert_bytes, convert_text
from tei.validate.validator import Validator

HEAD = "March 3, 1956\n\n**Record of a Conversation**\n\n"


def _convert(body: str):
    text = HEAD + body
    root = convert_text(text).getroot()
    assert not missing_words(text, root)
    return root


def _x(root, path):
    return root.xpath(path, namespaces=TEI)


def _turns(root):
    return [(sp.get("who"), _x(sp, "string(t:speaker)"), [p.xpath("string()") for p in _x(sp, "t:p")])
            for sp in _x(root, "//t:sp")]


@pytest.mark.parametrize("end", [":", "."])
def test_a_bracket_after_the_speaker_is_part_of_the_label_not_a_break_of_the_turn(end):
    root = _convert(f"PETROV [laughing]{end} We shall see.\n\nIVANOV{end} Indeed.\n\nPETROV [reading]{end} The text is long.")
    assert _turns(root) == [
        ("#person-petrov", f"PETROV laughing{end}", ["We shall see."]),
        ("#person-ivanov", f"IVANOV{end}", ["Indeed."]),
        ("#person-petrov", f"PETROV reading{end}", ["The text is long."]),
    ]
    supplied = _x(root, "//t:sp/t:speaker/t:supplied")
    assert [s.text for s in supplied] == ["laughing", "reading"]
    assert not _x(root, "//t:sp/t:p//t:supplied")


def test_a_bracket_after_a_mixed_case_speaker_with_a_colon():
    root = _convert("Petrov [to Ivanov]: Sit down.\n\nIvanov: Thank you.")
    assert _turns(root)[0] == ("#person-petrov", "Petrov to Ivanov:", ["Sit down."])
    assert _x(root, "//t:person/t:persName/text()") == ["Petrov", "Ivanov"]


def test_a_bracket_after_a_mixed_case_surname_and_a_stop_where_the_names_are_accepted():
    body = ("Present: Petrov, Ivanov.\n\nPetrov [KGB chairman]. There are things to keep.\n\n"
            "Ivanov. I agree with that.")
    assert [t[1] for t in _turns(_convert(body))] == ["Petrov KGB chairman.", "Ivanov."]


def test_a_footnote_number_after_the_name_is_no_label_bracket():
    root = _convert("PETROV[1]: We shall see.\n\nIVANOV: Indeed.\n\nPETROV: Yes.\n\n[1] A note.")
    assert not _x(root, "//t:speaker//t:note")
    assert _x(root, "//t:note[@place='foot']")


def test_a_turn_label_with_a_bracket_is_valid(tei_all, tmp_path):
    data, _ = convert_bytes(HEAD + "PETROV [laughing]: We shall see.\n\nIVANOV: Indeed.", "label.txt")
    path = tmp_path / "label.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), "turn label")
