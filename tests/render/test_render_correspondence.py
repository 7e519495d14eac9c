"""Every correspAction of a letter or telegram is shown in the header of its reading editions:
the sender, the intermediary who passed it on, the addressee, and who redirected or forwarded it."""

from __future__ import annotations

import re

import pytest
from lxml import html

from tei.render import render

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Cable, Terebin to Stalin [via Kuznetsov]</title></titleStmt>
<publicationStmt><p>Unpublished test file.</p></publicationStmt>
<sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc>
<profileDesc><correspDesc>
  <correspAction type="sent"><persName>Terebin</persName><placeName>Yan'an</placeName>
    <date when="1945-04-02">April 2, 1945</date></correspAction>
  <correspAction type="transmitted"><persName>Kuznetsov</persName>
    <orgName>Main Intelligence Directorate</orgName><placeName>Moscow</placeName></correspAction>
  <correspAction type="received"><persName>Stalin</persName></correspAction>
  <correspAction type="redirected"><persName>Poskrebyshev</persName></correspAction>
  <correspAction type="forwarded"><orgName>Politburo Secretariat</orgName></correspAction>
</correspDesc></profileDesc></teiHeader>
<text><body><p>Mao asks for advice.</p></body></text></TEI>"""

#: (label, value) in the order of the header, as the message went.
EXPECTED = [("Date", "April 2, 1945"), ("From", "Terebin"), ("From (place)", "Yan'an"),
            ("Via", "Kuznetsov"), ("Via (office)", "Main Intelligence Directorate"), ("Via (place)", "Moscow"),
            ("To", "Stalin"), ("Redirected by", "Poskrebyshev"), ("Forwarded by", "Politburo Secretariat"),
            ("Source", "Written for the test.")]


@pytest.fixture
def telegram(tmp_path):
    path = tmp_path / "transmitted.xml"
    path.write_text(TEI, encoding="utf-8")
    return path


def html_fields(path, **params) -> list[tuple[str, str]]:
    page = html.fromstring(render(path, "html", params=params or None))
    return [(dt.text_content(), " ".join(dt.getnext().text_content().split()))
            for dt in page.xpath("//dl[@class='metadata']//dt")]


def text_fields(path, **params) -> list[tuple[str, str]]:
    """The header's fields: the lines of the block under the title's rule."""
    fields = render(path, "txt", params=params or None).decode("utf-8").split("\n\n")[1]
    return [tuple(line.split(": ", 1)) for line in fields.splitlines()]


@pytest.fixture(params=["html", "txt"])
def fields(request):
    return html_fields if request.param == "html" else text_fields


def test_the_intermediary_is_shown_between_sender_and_addressee(fields, telegram):
    assert fields(telegram) == EXPECTED


def test_the_intermediary_labels_are_translated(fields, telegram):
    german = dict(fields(telegram, **{"interface-language": "de"}))
    assert german["Über"] == "Kuznetsov"
    assert german["Über (Dienststelle)"] == "Main Intelligence Directorate"
    assert german["Über (Ort)"] == "Moscow"
    assert german["Umgeleitet von"] == "Poskrebyshev"
    assert german["Weitergeleitet von"] == "Politburo Secretariat"
    assert "Via" not in german and "Von" in german and "An" in german


def test_a_message_with_no_intermediary_has_no_via(fields, telegram):
    plain = re.sub(r'<correspAction type="(transmitted|redirected|forwarded)">.*?</correspAction>', "", TEI,
                   flags=re.S)
    telegram.write_text(plain, encoding="utf-8")
    labels = [label for label, _ in fields(telegram)]
    assert labels == ["Date", "From", "From (place)", "To", "Source"]


OTHER_ACTIONS = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Letter, Lenz to Hahn</title></titleStmt>
<publicationStmt><p>Unpublished test file.</p></publicationStmt>
<sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc>
<profileDesc><correspDesc>
  <correspAction type="sent"><persName>Lenz</persName></correspAction>
  <correspAction><persName>Hahn</persName><orgName>Embassy</orgName><placeName>Bonn</placeName></correspAction>
  <correspAction type="delivered"><persName>Courier</persName></correspAction>
  <correspAction type=" "><persName>Clerk</persName></correspAction>
</correspDesc></profileDesc></teiHeader>
<text><body><p>A letter.</p></body></text></TEI>"""


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "other-actions.xml"
    path.write_text(OTHER_ACTIONS, encoding="utf-8")
    return path


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_an_action_of_no_type_or_of_a_type_of_its_own_is_shown_under_a_neutral_label(fields, letter, view):
    """A typed action under its type as written; those of no type together, as "Correspondence"."""
    assert fields(letter, view=view) == [
        ("From", "Lenz"), ("delivered", "Courier"),
        ("Correspondence", "Hahn; Clerk"), ("Correspondence (office)", "Embassy"), ("Correspondence (place)", "Bonn"),
        ("Source", "Written for the test.")]


def test_the_neutral_label_is_translated(fields, letter):
    german = fields(letter, **{"interface-language": "de"})
    assert ("Korrespondenz", "Hahn; Clerk") in german
    assert ("Korrespondenz (Dienststelle)", "Embassy") in german and ("Korrespondenz (Ort)", "Bonn") in german
    assert ("delivered", "Courier") in german
