"""`Cde.`, `Cdes.`, `Cds.` (Comrade, Comrades in East European translations) are titles like `Comrade`
and `Com.`; a forename after a title before the translator's bracketed surname (`Cde. Wieslaw
[Gomulka]`) is one name with it. Small synthetic inputs."""

from __future__ import annotations

import pytest
from lxml import etree

from helpers import converted, xpath
from tei.convert.encoder import speaker_id

HEAD = "March 3, 1956\n\n**Record of a Conversation**\n\n"


def _paragraph(sentence: str):
    root = converted(HEAD + sentence)
    (p,) = xpath(root, "//t:body//t:p")
    assert p.xpath("string()") == sentence.replace("[", "").replace("]", "")  # tagging adds elements, never text
    return p


def _names(p):
    return [(n.get("ref"), xpath(n, "string(t:roleName)"), n.xpath("string()")) for n in xpath(p, ".//t:persName")]


@pytest.mark.parametrize("title", ["Cde.", "Cdes.", "Cds.", "cde."])
def test_a_comrade_abbreviation_is_the_title_of_the_name_after_it(title):
    p = _paragraph(f"Then {title} Zhivkov agreed with the proposal.")
    assert _names(p) == [("person:zhivkov", title, f"{title} Zhivkov")]


@pytest.mark.parametrize("title", ["Comrade", "Cde.", "Mr."])
def test_a_forename_before_the_translators_surname_is_one_name(title):
    p = _paragraph(f"It was said that {title} Wieslaw [Gomulka] spoke. Then Comrade Ulanfu spoke.")
    (name,) = [n for n in xpath(p, ".//t:persName") if n.get("ref") == "person:gomulka"]
    assert etree.tostring(name, encoding=str, with_tail=False).split(">", 1)[1] == (
        f'<roleName>{title}</roleName> Wieslaw <supplied reason="clarification">Gomulka</supplied></persName>')
    assert not xpath(p, ".//t:persName[@type='candidate'][contains(., 'Wieslaw')]")


def test_no_title_no_join_and_a_bracket_that_is_no_surname_stays_apart():
    p = _paragraph("Then Wieslaw [Gomulka] spoke, and Comrade Ulanfu [Mongolia] agreed.")
    assert xpath(p, "string(.//t:persName[@ref='person:gomulka'])") == "Gomulka"
    assert xpath(p, ".//t:placeName[@ref='place:mongolia']")
    assert not xpath(p, ".//t:persName[contains(., 'Ulanfu')][.//t:supplied]")


def test_a_speaker_id_leaves_the_comrade_abbreviations_out():
    assert [speaker_id(f"{title} Novotny") for title in ("Cde.", "Cdes.", "Cds.")] == ["person-novotny"] * 3
