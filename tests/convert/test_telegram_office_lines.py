"""The telegraph office's lines at the top of a telegram: its record of the sending and receipt,
who gets a copy and how the telegram is handled are items of the opener, not text; a line alone
naming the addressee before the text is the opener's To line. Made-up telegrams in the archive's
layouts."""

from __future__ import annotations

from helpers import converted, missing_words, xpath
from tei import convert_text

CABLE = (
    "March 2, 1951\n\nCiphered Telegram, Ivanov to Petrov\n\nCiphered Telegram # 100200/sh\n\n"
    "FROM: HARBIN\n\n"
    "Sent by wire on 3/2/51 at 04:10 a.m.\n\n"
    "Received in Moscow on 3/2/51 at 7:20 a.m.\n\n"
    "Arrived at the 2D/GS on 3/2/51 at 8:00 a.m.\n\n"
    "Deciphered by Sidorenko on 3/2/51 at 9:15 a.m.\n\n"
    "Distribution list - 4 copies: Molotov - 1, Beria - 1, Malenkov - 2.\n\n"
    "I had a meeting with the commander as you directed.\n\n"
    "He received the ambassador on 1 March at his office.\n\n"
    "I V A N O V\n\nNo. 1200/sh\n2 March 1951\n"
)


def test_the_office_s_lines_at_the_top_are_items_of_the_opener():
    root = convert_text(CABLE).getroot()
    lines = xpath(root, "//t:opener/t:seg[@type='transmission']")
    assert [line.xpath("string()") for line in lines] == [
        "Sent by wire on 3/2/51 at 04:10 a.m.", "Received in Moscow on 3/2/51 at 7:20 a.m.",
        "Arrived at the 2D/GS on 3/2/51 at 8:00 a.m.", "Deciphered by Sidorenko on 3/2/51 at 9:15 a.m."]
    # the opener stays one, in the source's order: the From line first
    assert [e.get("type") for e in xpath(root, "//t:opener[1]/t:seg")] == [
        "from", "transmission", "transmission", "transmission", "transmission", "distribution"]
    assert len(xpath(root, "//t:opener")) == 1
    assert not xpath(root, "//t:body//t:p[starts-with(., 'Sent by') or starts-with(., 'Deciphered')]")
    assert not missing_words(CABLE, root)


def test_the_clerk_an_office_line_names_is_a_likely_reading():
    root = convert_text(CABLE).getroot()
    clerk = xpath(root, "//t:opener/t:seg[@type='transmission']/t:persName")
    assert [(e.text, e.get("cert")) for e in clerk] == [("Sidorenko", "medium")]
    # the places stay tagged inside
    assert xpath(root, "//t:opener/t:seg[@type='transmission']/t:placeName/text()") == ["Moscow"]


def test_a_sentence_of_the_text_with_an_office_verb_stays_text():
    root = convert_text(CABLE).getroot()
    assert xpath(root, "//t:body//t:p[starts-with(., 'He received the ambassador')]")
    doc = ("March 2, 1951\n\nCable from Orlov\n\nFrom PEKING\n\nThe talks went well.\n\n"
           "Sent by wire on 3/2/51 at 04:10 a.m.\n\nThe minister agreed.\n")
    root = convert_text(doc).getroot()
    # below the text's first paragraph an office line is no item of the opener
    assert not xpath(root, "//t:seg[@type='transmission']")
    # a line opening with the verb but naming no time or date is no office line
    doc = "March 2, 1951\n\nCable from Orlov\n\nReceived by the minister\n\nThe talks went well.\n"
    assert not xpath(convert_text(doc).getroot(), "//t:seg[@type='transmission']")


def test_the_leader_dots_of_a_form_mark_an_office_line():
    doc = ("May 29, 1963\n\nSecret Telegram from Novak (Hanoi) to Kowalski (Warsaw)\n\nSecret\n\n"
           "From…Hanoi……dispatched on 29.5.63 at 6:50 hours……..received 30.5.63 at 9:50 hours……\n\n"
           "Came in to the Decoding Department…30.5.63 at 14:00 hours………\n\n"
           "I am passing on a report from the talks with the premier.\n")
    root = convert_text(doc).getroot()
    assert [e.xpath("string()")[:14] for e in xpath(root, "//t:opener/t:seg[@type='transmission']")] == [
        "From…Hanoi……di", "Came in to the"]
    assert not missing_words(doc, root)


def test_distribution_and_handling_lines_at_the_top_are_items_of_the_opener():
    doc = ("May 13, 1950\n\nCiphered Telegram, Orlov to Petrov\n\nCiphered Telegram\n\nStrictly Secret\n\n"
           "Making copies is forbidden\n\nFrom HARBIN\n\nFor immediate report to comrade Petrov.\n\n"
           "Copies to: Molotov, Beria\n\nFYI: Kowalski, Nowak\n\n"
           "Today the minister paid a visit to me and let me know the following.\n")
    root = convert_text(doc).getroot()
    assert [(e.get("type"), e.xpath("string()")) for e in xpath(root, "//t:opener/t:seg")] == [
        ("classification", "Strictly Secret"), ("handling", "Making copies is forbidden"), ("from", "From HARBIN"),
        ("handling", "For immediate report to comrade Petrov."), ("distribution", "Copies to: Molotov, Beria"),
        ("distribution", "FYI: Kowalski, Nowak")]
    # one opener after the title line: no heading splits it
    assert xpath(root, "//t:div[@type='document']/t:head/text()") == ["Ciphered Telegram"]
    assert len(xpath(root, "//t:opener")) == 1
    # the names in them stay tagged
    assert "Molotov" in xpath(root, "//t:opener/t:seg[@type='distribution']/t:persName/text()")
    assert not missing_words(doc, root)


def test_a_sentence_about_copies_in_the_text_is_text():
    doc = ("May 13, 1950\n\nCable from Orlov\n\nFrom HARBIN\n\nThe talks went well.\n\n"
           "Copies to: Molotov, Beria\n\nMaking copies is forbidden by the new rules, he said.\n")
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:seg[@type='distribution' or @type='handling']")


ADDRESSED = (
    "October 14, 1950\n\nCiphered Telegram, Ivanov to Petrov\n\nCiphered Telegram # 100200/sh\n\n"
    "FROM: HARBIN\n\nSent by wire on 10/14/50 at 03:15 a.m.\n\n"
    "{addressee}\n\n"
    "I had a meeting with the commander as you directed.\n\nI V A N O V\n\nNo. 1200/sh\n14 October 1950\n"
)


def _addressee(line):
    root = convert_text(ADDRESSED.format(addressee=line)).getroot()
    return root, xpath(root, "//t:opener/t:seg[@type='to']")


def test_a_name_alone_after_the_office_s_lines_is_the_addressee():
    root, to = _addressee("LUO XI [PETROV]")
    assert [e.xpath("string()") for e in to] == ["LUO XI PETROV"]
    assert [(e.text, e.get("cert")) for e in to[0].xpath("t:persName[1]", namespaces={"t": "http://www.tei-c.org/ns/1.0"})] == [
        ("LUO XI", "medium")]
    assert to[0].xpath(".//*[local-name()='supplied']/text()") == ["PETROV"]
    assert not xpath(root, "//t:body//t:head[contains(., 'LUO')]")
    assert not xpath(root, "//t:div[@type='section']")
    root, to = _addressee("Kowalski (Gdansk)")
    assert xpath(root, "//t:opener/t:seg[@type='to']/t:persName[@cert='medium']/text()") == ["Kowalski"]
    assert xpath(root, "//t:opener/t:seg[@type='to']/t:placeName/text()") == ["Gdansk"]
    root, to = _addressee("Kowalski")
    # the name alone stays on the seg's line, no white space put into it
    assert [e.xpath("string()") for e in to] == ["Kowalski"]
    assert not missing_words(ADDRESSED.format(addressee="Kowalski"), root)


def test_a_distribution_line_may_follow_the_addressee():
    doc = ADDRESSED.format(addressee="Kowalski\n\nFYI: Nowak, Zielinski")
    root = convert_text(doc).getroot()
    assert [e.get("type") for e in xpath(root, "//t:opener/t:seg")] == ["from", "transmission", "to", "distribution"]


def test_a_section_heading_at_the_top_stays_a_heading():
    for line in ("I. Political situation", "II. Miscellaneous", "MEMORANDUM", "Urgent Report"):
        root, to = _addressee(line)
        assert not to, line
        assert line in [e.xpath("string()") for e in xpath(root, "//t:body//t:head")], line
    # without the office's lines above it, a name-shaped line is no addressee
    doc = "October 14, 1950\n\nCable from Ivanov\n\nFROM: HARBIN\n\nLUO XI\n\nI had a meeting with the commander.\n"
    assert not xpath(convert_text(doc).getroot(), "//t:seg[@type='to']")
    # nor is one with another heading after it
    root, to = _addressee("Kowalski\n\nI. Political situation")
    assert not to


def test_the_addressee_read_from_its_line_is_a_likely_recipient():
    root, _ = _addressee("LUO XI [PETROV]")
    received = xpath(root, "//t:correspAction[@type='received']/*")
    # the name, not the editors' identification run into it; a likely reading
    assert ("LUO XI", "medium") in [(e.text, e.get("cert")) for e in received]
    assert not [e for e in received if "PETROV" in (e.text or "")]
    # the title's form stays where it names the same one
    root, _ = _addressee("PETROV")
    assert [e.text for e in xpath(root, "//t:correspAction[@type='received']/*")] == ["Petrov"]


RECEIVED = ("May 3, 1965\n\nCable from the Embassy in Jakarta\n\n"
            "Cabled Received by the [Polish] Foreign Ministry\n\nLevel: Urgent\n\n"
            "Received from the Asian Desk\n\nForeign Ministry Incoming (12) Wang (307)\n\n"
            "Reaction to the Talks\n\nTo the Foreign Ministry:\n\n"
            "The talks were held on the second day of the visit.\n")


def test_an_office_s_receipt_and_precedence_lines_without_a_time_are_items_of_the_opener():
    root = converted(RECEIVED)
    assert [(e.get("type"), e.xpath("string()")) for e in xpath(root, "//t:opener[1]/t:seg")] == [
        ("transmission", "Cabled Received by the Polish Foreign Ministry"), ("handling", "Level: Urgent"),
        ("transmission", "Received from the Asian Desk"),
        ("transmission", "Foreign Ministry Incoming (12) Wang (307)")]
    # the text's heading after them stays one, and the addressee's line after it is the To line
    assert xpath(root, "//t:body//t:head/text()") == ["Reaction to the Talks"]
    assert [e.xpath("string()") for e in xpath(root, "//t:opener/t:seg[@type='to']")] == ["To the Foreign Ministry:"]
    assert not xpath(root, "//t:body//t:p[starts-with(., 'Level') or starts-with(., 'Received')]")


def test_a_precedence_field_of_any_name_is_a_handling_line():
    for line in ("Urgency: Immediate", "Priority: Flash", "Precedence: Routine"):
        doc = f"May 3, 1965\n\nCable from Orlov\n\n{line}\n\nFrom: Hanoi\n\nThe talks went well.\n"
        assert [e.xpath("string()") for e in xpath(converted(doc), "//t:opener/t:seg[@type='handling']")] == [line]


def test_a_receipt_naming_no_office_stays_out_of_the_opener():
    for line in ("Received by the minister", "Received from the ambassador himself"):
        doc = f"May 3, 1965\n\nCable from Orlov\n\n{line}\n\nThe talks went well.\n"
        assert not xpath(converted(doc), "//t:seg[@type='transmission']"), line


def test_a_to_line_whose_to_the_editors_supplied_is_the_opener_s_to_line():
    doc = ("October 23, 1964\n\nCable from the Embassy in Jakarta\n\n[To] The Ministry of Foreign Affairs:\n\n"
           "The minister met with me in the afternoon.\n")
    root = converted(doc)
    to = xpath(root, "//t:opener/t:seg[@type='to']")
    assert [e.xpath("string()") for e in to] == ["To The Ministry of Foreign Affairs:"]
    # the editors' word stays theirs inside it
    assert xpath(to[0], "t:supplied/text()") == ["To"]
    assert not xpath(root, "//t:body//t:p[contains(., 'Ministry of Foreign Affairs:')]")
    # the addressee is the ministry, without the article or the colon after it
    assert xpath(root, "//t:correspAction[@type='received']/t:orgName/text()") == ["Ministry of Foreign Affairs"]


def test_a_classification_field_among_the_head_lines_is_the_opener_s_marking():
    for line in ("Classification: Secret", "Security classification: Strictly secret", "Secrecy: Top Secret"):
        doc = (f"April 14, 1978\n\nTelegram from the Embassy\n\nTo: the Ministry of Foreign Affairs\n\n"
               f"From: the Embassy in Hanoi\n\nDate: April 14th, 1978\n\n{line}\n\nThe minister received me.\n")
        root = converted(doc)
        assert [(e.tag.split("}")[1], e.get("type")) for e in xpath(root, "//t:opener/*")][-1] == ("seg", "classification"), line
        assert xpath(root, "//t:opener/t:seg[@type='classification']")[0].xpath("string()") == line
        assert not xpath(root, "//t:body//t:p[starts-with(., 'Classification') or starts-with(., 'Secrecy')]")
    # a sentence after the label is text
    doc = ("April 14, 1978\n\nTelegram from the Embassy\n\nFrom: the Embassy in Hanoi\n\n"
           "Classification: the files were sorted by year and kept in the archive.\n\nThe minister received me.\n")
    assert not xpath(converted(doc), "//t:seg[@type='classification']")
