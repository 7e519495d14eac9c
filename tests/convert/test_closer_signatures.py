"""Signatures the closer reads at the end of a text: a name in spaced capitals with its number,
date and typist under it, a date and a surname on one line, a title with a signature mark, and an
institution with its date. Made-up texts in the archive's layouts."""

from __future__ import annotations

import pytest

from helpers import converted, missing_words, xpath
from tei import convert_text

TOP = "May 3, 1961\n\nCable from Orlov\n\nThe talks went well and the minister agreed to the plan.\n\n"
SPACED = TOP + ("He asked us to help him develop a plan.\n\nS H T Y K O V\n\n"
                "No. 1476/sh\n14 October 1950\nTyped by Bantsekina on 10/14/50 at 13:30 p.m.\n")


def test_a_name_in_spaced_capitals_with_its_lines_under_it_is_the_signature():
    root = convert_text(SPACED).getroot()
    assert not xpath(root, "//t:body//t:head")
    assert xpath(root, "//t:closer/t:signed/t:persName/text()") == ["S H T Y K O V"]
    # the number and the date stay in the signature, each on its line
    assert xpath(root, "//t:closer/t:signed/t:date/@when") == ["1950-10-14"]
    assert len(xpath(root, "//t:closer/t:signed/t:lb")) == 2
    assert "No. 1476/sh" in "".join(xpath(root, "//t:closer/t:signed/text()"))
    assert not xpath(root, "//t:closer//t:roleName")
    # the typist a likely reading, as a clerk named by any transmission line, its verb opening the line
    note = xpath(root, "//t:note[@type='transmission']")[0]
    assert "".join(note.itertext()) == "Typed by Bantsekina on 10/14/50 at 13:30 p.m."
    assert [(e.text, e.get("cert")) for e in note.iter("{*}persName")] == [("Bantsekina", "medium")]
    assert not missing_words(SPACED, root)


def test_a_spaced_heading_with_text_after_it_stays_a_heading():
    doc = TOP + "S U M M A R Y\n\nThe minister agreed to the plan and promised an answer soon.\n"
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:body//t:head/text()") == ["S U M M A R Y"]
    assert not xpath(root, "//t:closer")


def test_a_date_and_a_surname_on_the_last_line_are_the_dateline_and_the_signature():
    doc = ("May 13, 1950\n\nCable from Roshchin\n\nThe talks went well and the minister agreed to the plan.\n\n"
           "The Chinese comrades are requesting an urgent answer.\n\n13/5-50. Roshchin\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:closer/t:dateline/t:date/@when") == ["1950-05-13"]
    assert xpath(root, "//t:closer/t:signed/t:persName/text()") == ["Roshchin"]
    assert not missing_words(doc, root)
    # the page's date gives the century; a page of another decade leaves the date unread
    other = convert_text(doc.replace("May 13, 1950", "May 13, 1960")).getroot()
    assert not xpath(other, "//t:closer//t:date/@when")
    assert xpath(other, "//t:closer/t:signed/t:persName/text()") == ["Roshchin"]
    # a sentence on that line is text
    prose = convert_text(doc.replace("13/5-50. Roshchin", "On 13/5-50 Roshchin left the city.")).getroot()
    assert not xpath(prose, "//t:closer")


def test_a_date_and_a_surname_with_a_day_the_calendar_lacks_keep_the_date_unread():
    doc = ("May 13, 1950\n\nCable from Roshchin\n\nThe talks went well and the minister agreed to the plan.\n\n"
           "The Chinese comrades are requesting an urgent answer.\n\n31/2-50. Roshchin\n")
    root = converted(doc)
    # the day and the month each in range, 31 February no day: the dateline's text, no @when
    assert not xpath(root, "//t:closer//t:date/@when")
    assert "31/2-50." in "".join(xpath(root, "//t:closer/t:dateline//text()"))
    assert xpath(root, "//t:closer/t:signed/t:persName/text()") == ["Roshchin"]
    leap = converted(doc.replace("May 13, 1950", "May 13, 1952").replace("31/2-50", "29/2-52"))
    assert xpath(leap, "//t:closer/t:dateline/t:date/@when") == ["1952-02-29"]


def test_an_institution_with_supplied_words_signs_with_its_date():
    doc = TOP + "He asked us to help him develop a plan.\n\n[Chinese] Embassy in [North] Vietnam\n\n20 October 1964\n"
    root = convert_text(doc).getroot()
    org = xpath(root, "//t:closer/t:signed/t:orgName")
    assert len(org) == 1 and "".join(org[0].itertext()) == "Chinese Embassy in North Vietnam"
    assert len(xpath(root, "//t:closer/t:signed/t:orgName/t:supplied")) == 2
    assert xpath(root, "//t:closer/t:dateline/t:date/@when") == ["1964-10-20"]
    assert not missing_words(doc, root)
    # a sentence with supplied words is text
    prose = convert_text(doc.replace("[Chinese] Embassy in [North] Vietnam\n\n20 October 1964\n",
                                     "The [Chinese] Embassy in [North] Vietnam agreed to the plan.\n")).getroot()
    assert not xpath(prose, "//t:closer")


def test_a_typed_rule_under_the_signature_is_the_closer_s_text_not_a_signer():
    text = ("Cable from Orlov\n\nThe talks went well and the minister agreed to the proposal.\n\n"
            "N. ORLOV\n\n——————\n")
    root = convert_text(text).getroot()
    assert xpath(root, "//t:closer/t:signed//text()") == ["N. ORLOV"]
    assert xpath(root, "//t:closer/text()") == ["——————"]
    assert not xpath(root, "//t:body//t:p[. = '——————']")


@pytest.mark.parametrize("closing, between", [
    ("Ambassador of the USSR in the MPR [Signature] V[asily]. Pisarev", "gap"),
    ("Ambassador of the USSR in the MPR [illegible signature] V[asily]. Pisarev", "gap"),
    ("Ambassador of the USSR in the MPR V. Pisarev", None),
    ("Ambassador of the USSR in the MPR\nV[asily]. Pisarev", "lb"),
])
def test_a_last_line_of_title_mark_and_name_is_the_signature(closing, between):
    doc = TOP + "He asked us to help him develop a plan.\n\n" + closing + "\n"
    root = convert_text(doc).getroot()
    signed = xpath(root, "//t:body//t:closer/t:signed")
    assert len(signed) == 1
    assert [(c.tag.split("}")[1], c.get("cert")) for c in signed[0]] == [
        ("roleName", "medium")] + ([(between, None)] if between else []) + [("persName", "medium")]
    assert "".join(xpath(signed[0], "t:roleName")[0].itertext()) == "Ambassador of the USSR in the MPR"
    assert "".join(xpath(signed[0], "t:persName")[0].itertext()) in ("Vasily. Pisarev", "V. Pisarev")
    if "[asily]" in closing:
        assert xpath(signed[0], "t:persName/t:supplied/text()") == ["asily"]
    if between == "gap":
        assert xpath(signed[0], "t:gap/@reason") == ["signature"]
    assert not xpath(root, "//t:body//t:p[contains(., 'Pisarev')]")
    assert not missing_words(doc, root)


@pytest.mark.parametrize("ending", [
    "He met the Ambassador of the USSR in the MPR V. Pisarev",
    "He went home. Ambassador of the USSR in the MPR V. Pisarev",
    "Minister of Foreign Affairs spoke to V. Pisarev",
    "Ambassador of the USSR in the MPR V. Pisarev\nHe told us that the plan is good and will go ahead.",
])
def test_prose_ending_with_a_title_and_a_name_is_no_signature(ending):
    root = convert_text(TOP + "He asked us to help him develop a plan.\n\n" + ending + "\n").getroot()
    assert not xpath(root, "//t:closer")
    assert xpath(root, "//t:body//t:p[contains(., 'Pisarev')]")
