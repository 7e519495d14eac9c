"""The top of a document's body read line by line: a marking and a copy number in one block with
the heading, a letterhead with its columns merged, a dateline and a Subject line after lines no
rule names. Made-up texts in the archive's layouts."""

from __future__ import annotations

from helpers import missing_words, xpath
from tei import convert_text


def kinds(root, path: str = "//t:body/t:div/*") -> list[str]:
    return [e.tag.split("}")[1] for e in xpath(root, path)]


def test_a_marking_and_a_copy_number_above_a_heading_in_its_block_are_the_openers():
    doc = ("March 22, 1979\n\nTranscript of a Session\n\nTop Secret\nOnly copy\nWorking transcript\n\n"
           "22 March 1979\n\nThe session discussed the harvest at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener[1]/t:seg[@type='classification']/text()") == ["Top Secret"]
    assert xpath(root, "//t:opener[1]/t:fw[@type='copyNumber']/text()") == ["Only copy"]
    assert xpath(root, "//t:body//t:head/text()") == ["Working transcript"]
    assert kinds(root)[:3] == ["opener", "head", "opener"]
    assert not missing_words(doc, root)


def test_a_heading_of_three_lines_without_a_marking_stays_one():
    doc = ("March 22, 1979\n\nTranscript of a Session\n\nWorking transcript\nof the session\nof the bureau\n\n"
           "The session discussed the harvest at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert not xpath(root, "//t:opener")
    assert xpath(root, "count(//t:body//t:head/t:lb)") == 2.0


def test_a_marking_with_an_exclamation_mark_is_a_marking():
    doc = ("October 20, 1983\n\nProtocol of a Meeting\n\nHighly Confidential!\n\nProtocol of the meeting\n\n"
           "The committee discussed the situation at length and agreed on the plan.\n")
    root = convert_text(doc).getroot()
    assert xpath(root, "//t:opener/t:seg[@type='classification']/text()") == ["Highly Confidential!"]
    assert not xpath(root, "//t:head[contains(., 'Confidential')]")
    # a sentence with the words stays text
    doc = doc.replace("Highly Confidential!", "Secret talks began!")
    assert not xpath(convert_text(doc).getroot(), "//t:opener/t:seg[@type='classification']")
