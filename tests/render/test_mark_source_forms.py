"""Marks rendered back in the form the source wrote them (docs/encoding.md, "recovered as"):
small converted pages, rendered as plain text and HTML."""

from __future__ import annotations

from lxml import html

from tei import convert_bytes
from tei.render.renderer import render

HEAD = "March 3, 1956\n\n**Memorandum of a Conversation**\n\n"


def _converted(tmp_path, sentence: str):
    data, _ = convert_bytes(HEAD + sentence + "\n", "marks.txt")
    path = tmp_path / "marks.xml"
    path.write_bytes(data)
    return path


def _diplomatic(path) -> str:
    return " ".join(render(path, "txt", view="diplomatic").decode().split())


def test_a_translators_doubt_is_written_back_with_its_question_mark(tmp_path):
    path = _converted(tmp_path, "He met [Kim?] and [unclear: Pak] then.")
    assert "He met [Kim?] and [unclear: Pak] then." in _diplomatic(path)
    assert "He met Kim and Pak then." in " ".join(render(path, "txt").decode().split())
    page = html.fromstring(render(path, "html"))
    marks = page.xpath("//main//*[contains(concat(' ', @class, ' '), ' ed-unclear ')]")
    assert [m.text_content() for m in marks] == ["[Kim?]", "[unclear: Pak]"]
    assert "low certainty" in marks[0].get("title")
    # the key to the marks shows each form the text uses
    key = [" ".join(dt.text_content().split()) for dt in page.xpath("//section[@class='marks-key']//dt")]
    assert "[text?]" in key and "[unclear: text]" in key
