"""Which lines open a speech turn: a field's label is none (`Sending: Rio`), a turn's label may
declare the short name of the later turns, a name may stand alone on its line, initials and a
surname in capitals may open the text's only turn. Small synthetic inputs."""

from __future__ import annotations

import pytest
from lxml import etree

from helpers import converted, xpath

from conftest import assert_tei_all_valid
from tei import convert_bytes
from tei.validate.validator import Validator

HEAD = "March 3, 1962\n\n**Record of a Conversation**\n\n"

_x = xpath


def _turns(root):
    return [(sp.get("who"), _x(sp, "string(t:speaker)"), [p.xpath("string()") for p in _x(sp, "t:p")])
            for sp in _x(root, "//t:sp")]


def _speakers(root):
    return [(p.get("{http://www.w3.org/XML/1998/namespace}id"), _x(p, "string(t:persName)"))
            for p in _x(root, "//t:listPerson[@type='speakers']/t:person")]


def _paragraphs(root):
    return [p.xpath("string()") for p in _x(root, "//t:body//t:p[not(ancestor::t:sp)]")]


def _valid(data: bytes, tmp_path, tei_all, what: str) -> None:
    path = tmp_path / "turns.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), what)


# -- a field's label is no speaker ----------------------------------------------------------------

TELEGRAM = ("Ministry of Foreign Affairs\n\nSending: Rio\n\nReceived: 5.XI 62. at 18.45\n\nNo. 415\n\n"
            "Completed: 5.XI 62 at 18.55\n\nThe talks with Bernardes on 31 October went well. He said that "
            "the envoy had been received in Havana.\n\nBrazil finds the proposal acceptable.\n")


def test_the_labelled_lines_of_a_telegram_are_no_speech_turns():
    root = converted(HEAD + TELEGRAM)
    assert not _x(root, "//t:sp") and not _x(root, "//t:listPerson")
    paragraphs = _paragraphs(root)
    for line in ("Sending: Rio", "Received: 5.XI 62. at 18.45", "Completed: 5.XI 62 at 18.55"):
        assert line in paragraphs
    assert "Brazil finds the proposal acceptable." in paragraphs


def test_a_run_of_labelled_lines_at_the_top_with_a_field_among_them_is_no_conversation():
    # `Operator` is neither a known field nor a word of English by its ending: the run says what it is
    root = converted(HEAD + "Sending: Rio\n\nOperator: Lukić\n\nThe talks with Bernardes went well, he said, "
                     "and the envoy was received.\n")
    assert not _x(root, "//t:sp")
    assert "Operator: Lukić" in _paragraphs(root)


@pytest.mark.parametrize("label", ["Location", "Venue", "Place", "Participants"])
def test_a_field_line_before_a_dialogue_stays_a_paragraph_and_takes_no_turn(label):
    root = converted(HEAD + f"Time: 7:30 p.m.\n\n{label}: Residence of the Delegation in Bucharest\n\n"
                     "Kim: Are you healthy?\n\nDeng: I am all right.\n\nKim: On a direct flight?\n\nDeng: Yes.\n")
    assert [t[1] for t in _turns(root)] == ["Kim:", "Deng:", "Kim:", "Deng:"]
    assert _turns(root)[0][2] == ["Are you healthy?"]
    assert f"{label}: Residence of the Delegation in Bucharest" in _paragraphs(root)
    assert [name for _, name in _speakers(root)] == ["Kim", "Deng"]


def test_a_word_of_english_heading_one_turn_in_a_dialogue_is_no_speaker():
    root = converted(HEAD + "Kim: Are you healthy?\n\nDeng: I am all right.\n\nKim: Good.\n\n"
                     "Signing: in Beijing, the day after.\n")
    assert [name for _, name in _speakers(root)] == ["Kim", "Deng"]


def test_two_speakers_who_speak_once_each_at_the_top_keep_their_turns():
    root = converted(HEAD + "Ivanov: Sit down.\n\nPetrov: Thank you.\n")
    assert [t[1] for t in _turns(root)] == ["Ivanov:", "Petrov:"]


# -- a label that declares the short name ---------------------------------------------------------

MINUTES = ("Kim Gwang-hyeop [Kim Kwang Hyop] (to be abbreviated as Kim): Are you healthy?\n\n"
           "Deng Xiaoping (to be abbreviated as Deng): I am all right. We took off at three.\n\n"
           "Kim: On a direct flight?\n\nDeng: We flew for fifteen hours.\n\n"
           "Kang Shen (to be abbreviated as Kang): How is the health of the Premier?\n\n"
           "Kim: It is all right.\n\nKang: He should rest.\n")


def test_the_later_turns_of_a_declared_short_name_are_the_same_speakers():
    root = converted(HEAD + MINUTES)
    assert [(who, label) for who, label, _ in _turns(root)] == [
        ("#person-kim-gwang-hyeop", "Kim Gwang-hyeopKim Kwang Hyop (to be abbreviated as Kim):"),  # orig, reg
        ("#person-deng-xiaoping", "Deng Xiaoping (to be abbreviated as Deng):"),
        ("#person-kim-gwang-hyeop", "Kim:"),
        ("#person-deng-xiaoping", "Deng:"),
        ("#person-kang-shen", "Kang Shen (to be abbreviated as Kang):"),
        ("#person-kim-gwang-hyeop", "Kim:"),
        ("#person-kang-shen", "Kang:"),
    ]
    assert _speakers(root) == [("person-kim-gwang-hyeop", "Kim Gwang-hyeop"),
                               ("person-deng-xiaoping", "Deng Xiaoping"), ("person-kang-shen", "Kang Shen")]
    assert _turns(root)[0][2] == ["Are you healthy?"]
    # the editors' bracket stays in the label as the mark it is
    assert _x(root, "string(//t:sp[1]/t:speaker//t:reg)") == "Kim Kwang Hyop"


def test_turns_of_declared_short_names_are_valid(tei_all, tmp_path):
    data, _ = convert_bytes(HEAD + MINUTES, "minutes.txt")
    _valid(data, tmp_path, tei_all, "declared short names")


def _label_names(root):
    return [[(e.text, e.get("ref"), e.get("type"), e.get("cert")) for e in _x(sp, "t:speaker//t:persName")]
            for sp in _x(root, "//t:sp")]


def test_a_declared_short_name_another_person_shares_is_tagged_as_the_speakers_full_name():
    # `Kim` alone is Kim Il Sung's surname too: only the label's declaration makes it this speaker's
    root = converted(HEAD + MINUTES.replace("the Premier?", "Premier Kim [Il Sung]?"))
    candidate = ("Kim", None, "candidate", None)
    names = _label_names(root)
    assert names[0] == [("Kim Gwang-hyeop", None, "candidate", None), candidate]
    assert names[2] == names[5] == [candidate]
    assert names[4] == [("Kang Shen", None, "candidate", None), ("Kang", None, "candidate", None)]
    assert names[6] == [("Kang", None, "candidate", None)]
    assert not _x(root, "//t:speaker//*[@ref='person:kim-il-sung']")


def test_a_declared_short_name_of_a_linked_speaker_links_to_that_speaker_only():
    root = converted(HEAD + "Kim Yong-nam (to be abbreviated as Kim): Kim Il Sung sends his greetings.\n\n"
                     "Deng Xiaoping (to be abbreviated as Deng): Thank you.\n\nKim: He is well.\n\n"
                     "Deng: Good.\n\nKim: Kim Jong Il too.\n")
    linked = ("Kim", "person:kim-yong-nam", None, "medium")
    names = _label_names(root)
    assert names[0] == [("Kim Yong-nam", "person:kim-yong-nam", None, None), linked]
    assert names[2] == names[4] == [linked]
    assert [e.get("ref") for e in _x(root, "//t:sp/t:p//t:persName")] == ["person:kim-il-sung", "person:kim-jong-il"]


DIALOGUE = ("Ivanov: We met the delegation.\n\nPetrov: It went well.\n\nIvanov: Then we talked.\n\n"
            "Petrov: Agreed.\n\n{lead}\n\nThe trade should grow by a tenth.\n\nIvanov: Good.\n")


@pytest.mark.parametrize("lead", ["Proposals:", "Conclusions:", "Recommendations:", "Agreements: two."])
def test_a_plural_noun_of_a_documents_parts_is_no_speaker_where_the_speakers_repeat(lead):
    root = converted(HEAD + DIALOGUE.format(lead=lead))
    assert [label for _, label, _ in _turns(root)] == ["Ivanov:", "Petrov:", "Ivanov:", "Petrov:", "Ivanov:"]
    assert lead in [p.xpath("string()") for p in _x(root, "//t:body//t:p")]


def test_a_surname_ending_as_a_plural_still_speaks():
    root = converted(HEAD + DIALOGUE.format(lead="Jennings:"))
    assert "Jennings:" in [label for _, label, _ in _turns(root)]


# -- a name alone on its line ---------------------------------------------------------------------

TRANSCRIPT = ("Erich Honecker:\n\nI welcome you, Comrade Arafat, in the most cordial way.\n\n"
              "We are happy for the successes you have achieved.\n\nYasser Arafat:\n\n"
              "Thank you, Comrade Honecker, for these warm words.\n")


def test_a_name_alone_on_its_line_heads_a_turn_of_the_paragraphs_after_it():
    root = converted(HEAD + TRANSCRIPT)
    assert _turns(root) == [
        ("#person-erich-honecker", "Erich Honecker:", ["I welcome you, Comrade Arafat, in the most cordial way.",
                                                       "We are happy for the successes you have achieved."]),
        ("#person-yasser-arafat", "Yasser Arafat:", ["Thank you, Comrade Honecker, for these warm words."]),
    ]
    assert [name for _, name in _speakers(root)] == ["Erich Honecker", "Yasser Arafat"]


def test_the_only_name_alone_on_its_line_heads_a_turn_where_the_text_names_that_person():
    root = converted(HEAD + "The talks between Erich Honecker and Yasser Arafat, 9 March 1982.\n\n"
                     "Erich Honecker:\n\nI welcome you in the most cordial way.\n\nWe are happy for your successes.\n")
    assert _turns(root) == [("#person-erich-honecker", "Erich Honecker:",
                             ["I welcome you in the most cordial way.", "We are happy for your successes."])]


@pytest.mark.parametrize("lead", ["The following was agreed:", "Soviet Proposals:", "Dear Comrade Ivanov:"])
def test_a_lead_line_with_a_colon_is_no_turn(lead):
    root = converted(HEAD + f"{lead}\n\nThe delegation will leave on Monday, and the talks will go on in Moscow.\n")
    assert not _x(root, "//t:sp")


def test_a_name_line_before_no_speech_is_no_turn():
    root = converted(HEAD + TRANSCRIPT + "\nKarl Marx:\n\nKARL MARX STREET\n")
    assert [t[1] for t in _turns(root)] == ["Erich Honecker:", "Yasser Arafat:"]


def test_turns_of_names_alone_on_their_lines_are_valid(tei_all, tmp_path):
    data, _ = convert_bytes(HEAD + TRANSCRIPT, "transcript.txt")
    _valid(data, tmp_path, tei_all, "name-line turns")


# -- initials and a surname in capitals -----------------------------------------------------------

MEMCON = ("After mutual greetings, Com. Dorticos said that Castro was unwell.\n\n"
          "A.I. MIKOYAN expressed his sympathy in regard to the fact.\n\n"
          "O. DORTICOS. We have analyzed the latest proposals of Comrade Mikoyan.\n\n"
          "After we have finished, we could move to our tasks.\n")


def test_initials_and_a_surname_in_capitals_open_the_texts_only_turn():
    root = converted(HEAD + MEMCON)
    assert _turns(root) == [("#person-o-dorticos", "O. DORTICOS.", [
        "We have analyzed the latest proposals of Comrade Mikoyan.", "After we have finished, we could move to our tasks."])]
    assert "A.I. MIKOYAN expressed his sympathy in regard to the fact." in _paragraphs(root)
    assert _speakers(root) == [("person-o-dorticos", "O. DORTICOS")]


@pytest.mark.parametrize("text", [
    "U.S. POLICY. The United States will hold to its policy, said the Policy Planning Staff.\n",
    "O. DORTICOS. We have analyzed the proposals.\n",  # a name the text gives nowhere else
])
def test_initials_in_capitals_alone_open_no_turn_unless_the_text_names_the_person(text):
    root = converted(HEAD + text)
    assert not _x(root, "//t:sp")


def test_a_word_alone_on_its_line_heading_one_turn_is_a_lead_not_a_speaker():
    root = converted(HEAD + TRANSCRIPT + "\nProposals:\n\nThe delegations will meet again in the spring.\n")
    assert [t[1] for t in _turns(root)] == ["Erich Honecker:", "Yasser Arafat:"]
    assert "Proposals:" in [p.xpath("string()") for p in _x(root, "//t:body//t:p")]


def test_a_surname_alone_on_its_line_heading_turns_is_a_speaker():
    root = converted(HEAD + "Honecker:\n\nI welcome you.\n\nArafat:\n\nThank you.\n\nHonecker:\n\nPlease sit down.\n")
    assert [t[1] for t in _turns(root)] == ["Honecker:", "Arafat:", "Honecker:"]
