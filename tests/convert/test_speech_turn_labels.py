"""Speech turns whose label is more than a name and a colon: a bracket after the name, a name in
capitals on a line of its own. Small synthetic inputs."""

from __future__ import annotations

import pytest
from lxml import etree

from helpers import converted, xpath

from conftest import assert_tei_all_valid
from tei import convert_bytes
from tei.validate.validator import Validator

HEAD = "March 3, 1956\n\n**Record of a Conversation**\n\n"


def _convert(body: str):
    return converted(HEAD + body)


_x = xpath


def _turns(root):
    return [(sp.get("who"), _x(sp, "string(t:speaker)"), [p.xpath("string()") for p in _x(sp, "t:p")])
            for sp in _x(root, "//t:sp")]


@pytest.mark.parametrize("end, rend", [(":", "bracket colon"), (".", "bracket full-stop")])
def test_a_stage_direction_after_the_speaker_is_a_stage_after_the_speaker(end, rend):
    root = _convert(f"PETROV [laughing]{end} We shall see.\n\nIVANOV{end} Indeed.\n\nPETROV [reading]{end} The text is long.")
    assert _turns(root) == [
        ("#person-petrov", "PETROV", ["We shall see."]),
        ("#person-ivanov", f"IVANOV{end}", ["Indeed."]),
        ("#person-petrov", "PETROV", ["The text is long."]),
    ]
    stages = _x(root, "//t:sp/t:speaker/following-sibling::*[1][self::t:stage]")
    assert [(s.text, s.get("type"), s.get("rend")) for s in stages] == [
        ("laughing", "delivery", rend), ("reading", "delivery", rend)]
    assert not _x(root, "//t:sp//t:supplied")


@pytest.mark.parametrize("words", ["to Ivanov", "in English", "interrupting", "jokingly", "with a smile"])
def test_a_bracket_of_manner_or_address_is_a_stage_direction(words):
    root = _convert(f"Petrov [{words}]: Sit down.\n\nIvanov: Thank you.")
    assert _turns(root)[0] == ("#person-petrov", "Petrov", ["Sit down."])
    assert _x(root, "string(//t:sp[1]/t:stage)") == words
    assert _x(root, "//t:person/t:persName/text()") == ["Petrov", "Ivanov"]


@pytest.mark.parametrize("words", ["KGB chairman", "Chancellor", "interpreter", "of the KGB"])
def test_a_bracket_that_says_who_speaks_stays_in_the_label(words):
    root = _convert(f"PETROV [{words}]: Sit down.\n\nIVANOV: Thank you.")
    assert _turns(root)[0] == ("#person-petrov", f"PETROV {words}:", ["Sit down."])
    assert not _x(root, "//t:stage")
    assert _x(root, "string(//t:sp[1]/t:speaker/t:supplied)") == words


def test_a_bracket_after_a_mixed_case_surname_and_a_stop_where_the_names_are_accepted():
    body = ("Present: Petrov, Ivanov.\n\nPetrov [KGB chairman]. There are things to keep.\n\n"
            "Ivanov. I agree with that.")
    assert [t[1] for t in _turns(_convert(body))] == ["Petrov KGB chairman.", "Ivanov."]


def test_a_forename_the_editors_supplied_before_the_name_opens_the_speakers_turn():
    root = _convert("[Stepan] Chervonenko: In accordance with the request, I inform you:\n\n"
                    "The Central Committee received an invitation.\n\nPremier Zhou [Enlai]: Thank you.\n\n"
                    "Chervonenko: Has it been confirmed?")
    assert _turns(root) == [
        ("#person-chervonenko", "Stepan Chervonenko:",
         ["In accordance with the request, I inform you:", "The Central Committee received an invitation."]),
        ("#person-zhou", "Premier Zhou Enlai:", ["Thank you."]),
        ("#person-chervonenko", "Chervonenko:", ["Has it been confirmed?"]),
    ]
    # the supplied forename inside the speaker (and inside the register name it links)
    assert [s.text for s in _x(root, "//t:sp[1]/t:speaker//t:supplied")] == ["Stepan"]


def test_a_footnote_number_after_the_name_is_no_label_bracket():
    root = _convert("PETROV[1]: We shall see.\n\nIVANOV: Indeed.\n\nPETROV: Yes.\n\n[1] A note.")
    assert not _x(root, "//t:speaker//t:note")
    assert _x(root, "//t:note[@place='foot']")


def test_a_turn_label_with_a_bracket_is_valid(tei_all, tmp_path):
    data, _ = convert_bytes(HEAD + "PETROV [laughing]: We shall see.\n\nIVANOV [KGB chairman]: Indeed.", "label.txt")
    path = tmp_path / "label.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), "turn label")


# -- a name in capitals on a line of its own -------------------------------------------------------

PARTICIPANTS = "Present: Petar Ivanov, Stoyan Petrov.\n\n"


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_name_in_capitals_alone_on_its_line_heads_a_turn_where_the_participants_are_named(gap):
    root = _convert(PARTICIPANTS + f"PETAR IVANOV{gap}We have discussed it.\n\nSTOYAN PETROV{gap}I agree.")
    assert _turns(root) == [("#person-petar-ivanov", "PETAR IVANOV", ["We have discussed it."]),
                            ("#person-stoyan-petrov", "STOYAN PETROV", ["I agree."])]
    assert [s.get("cert") for s in _x(root, "//t:speaker")] == ["medium", "medium"]
    assert not _x(root, "//t:head")


def test_a_name_in_capitals_heads_turns_where_the_text_has_several_of_that_shape():
    body = "PETAR IVANOV\n\nWe have discussed it.\n\nSTOYAN PETROV\n\nI agree.\n\nPETAR IVANOV\n\nThen it is settled."
    assert [t[1] for t in _turns(_convert(body))] == ["PETAR IVANOV", "STOYAN PETROV", "PETAR IVANOV"]


def test_a_name_in_capitals_that_heads_a_turn_with_a_colon_heads_one_without_it():
    # the colon left out once: the turn is that speaker's, not the text of the turn before it
    root = _convert("PETAR IVANOV:\nWe have discussed it.\n\nSTOYAN PETROV:\nI agree.\n\n"
                    "PETAR IVANOV\nThen let us sign.")
    assert _turns(root) == [("#person-petar-ivanov", "PETAR IVANOV:", ["We have discussed it."]),
                            ("#person-stoyan-petrov", "STOYAN PETROV:", ["I agree."]),
                            ("#person-petar-ivanov", "PETAR IVANOV", ["Then let us sign."])]
    assert [s.get("cert") for s in _x(root, "//t:speaker")] == [None, None, "medium"]


@pytest.mark.parametrize("body", [
    # a report's headings: two of them, none repeated and no participants
    "INTRODUCTION\n\nThe situation is difficult.\n\nCONCLUSION\n\nMeasures must be taken.",
    # one name listed is no conversation
    "Present: Petar Ivanov.\n\nPETAR IVANOV\n\nWe have discussed it.\n\nThe meeting then closed.",
])
def test_headings_in_capitals_stay_headings_without_a_conversation(body):
    root = _convert(body)
    assert not _x(root, "//t:sp")
    assert _x(root, "//t:head")


def test_a_turn_headed_by_a_name_in_capitals_is_in_the_review_list():
    from tei.convert.pipeline import convert_reviewed
    _, _, decisions = convert_reviewed((HEAD + PARTICIPANTS + "PETAR IVANOV\nWe met.\n\nSTOYAN PETROV\nYes.").encode(),
                                       "turns.txt")
    assert [(d.field, d.value) for d in decisions if d.field == "speaker"] == [
        ("speaker", "PETAR IVANOV"), ("speaker", "STOYAN PETROV")]


def test_turns_headed_by_names_in_capitals_are_valid(tei_all, tmp_path):
    data, _ = convert_bytes(HEAD + PARTICIPANTS + "PETAR IVANOV\nWe met.\n\nSTOYAN PETROV\n\nYes.", "heads.txt")
    path = tmp_path / "heads.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), "heading turns")


def test_a_signature_of_a_listed_name_and_a_title_stays_the_closer():
    root = _convert(PARTICIPANTS + "PETAR IVANOV\n\nWe met.\n\nSTOYAN PETROV\n\nYes.\n\nPETAR IVANOV\nAmbassador")
    assert [t[1] for t in _turns(root)] == ["PETAR IVANOV", "STOYAN PETROV"]
    assert _x(root, "string(//t:closer//t:persName)") == "PETAR IVANOV"
