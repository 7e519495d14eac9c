"""Marks in double brackets (`[[illegible signature]]`): the inner bracket's mark, its doubling kept
as the form, rebuilt by the stylesheets. Small synthetic inputs."""

from __future__ import annotations

import pytest
from lxml import etree

from helpers import TEI, missing_words

from tei import convert_bytes, convert_text
from tei.convert.model import EditorialMark
from tei.convert.readers.marks import parse_inline
from tei.render.renderer import render
from tei.validate.validator import Validator

HEAD = "March 3, 1956\n\n**Memorandum of a Conversation**\n\n"


def _marks(text: str) -> list[EditorialMark]:
    items, warnings = parse_inline(text)
    assert not warnings
    return [item for item in items if isinstance(item, EditorialMark)]


@pytest.mark.parametrize("text, kind", [
    ("Sent to [[illegible signature]] today.", "signature"),
    ("The word [[2 words illegible]] here.", "illegible"),
    ("To Cdes. [[N. P. Petrov?]] and others.", "unclear"),
    ("For [[the interests of]] the party.", "supplied"),
    ("The names [[redacted]] were given.", "redaction"),
])
def test_a_double_bracket_is_the_mark_of_its_inner_bracket_doubled(text, kind):
    marks = _marks(text)
    assert [(m.kind, m.double) for m in marks] == [(kind, True)]
    assert not any(isinstance(c, EditorialMark) for c in marks[0].content)  # no mark inside a mark


def test_brackets_inside_a_bracket_that_are_not_one_double_bracket_stay_nested():
    marks = _marks("It was [[a] and [b]] then.")
    assert [(m.kind, m.double) for m in marks] == [("supplied", False)]
    assert [m.kind for m in marks[0].content if isinstance(m, EditorialMark)] == ["supplied", "supplied"]


def test_a_single_bracket_is_no_double_one():
    assert [m.double for m in _marks("Sent to [illegible signature] today.")] == [False]


def test_a_name_with_initials_and_a_question_mark_is_an_uncertain_reading():
    marks = _marks("To Cdes. [N. P. Petrov?] and others.")
    assert [(m.kind, m.content) for m in marks] == [("unclear", ["N. P. Petrov"])]


def test_double_brackets_are_encoded_with_their_form_and_rendered_as_written(tmp_path):
    text = HEAD + "Seen by [[illegible signature]] and [[N. P. Petrov?]] for [[the party]] then."
    root = convert_text(text).getroot()
    assert not missing_words(text, root)
    made = [(etree.QName(e).localname, e.get("reason") or e.get("cert"))
            for e in root.xpath("//t:body//*[@rend='double-bracket']", namespaces=TEI)]
    assert made == [("gap", "signature"), ("unclear", "low"), ("supplied", "clarification")]
    assert not root.xpath("//t:supplied//t:supplied | //t:supplied//t:gap", namespaces=TEI)
    data, _ = convert_bytes(text, "double.txt")
    path = tmp_path / "double.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    diplomatic = " ".join(render(path, "txt", view="diplomatic").decode().split())
    assert "Seen by [[illegible signature]] and [[N. P. Petrov?]] for [[the party]] then." in diplomatic
    html = render(path, "html").decode()
    assert '<span class="ed-label">[[</span>the party<span class="ed-label">]]</span>' in html


def test_a_doubled_sic_keeps_its_own_form_and_the_doubling(tmp_path):
    data, _ = convert_bytes(HEAD + "He came and [[sic!]] went, and [[sic]] here.", "sic.txt")
    path = tmp_path / "sic.xml"
    path.write_bytes(data)
    root = etree.fromstring(data)
    assert root.xpath("//t:sic/@rend", namespaces=TEI) == ["sic! double-bracket", "double-bracket"]
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    diplomatic = " ".join(render(path, "txt", view="diplomatic").decode().split())
    assert "came and [[sic!]] went, and [[sic]] here." in diplomatic
