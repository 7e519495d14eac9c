"""Patterns of other projects' TEI that a reading edition must show as the project meant them:
tokens written together (@join, punctuation), divisions numbered only by @n, dictionary entries,
empty header parts, and names side by side in the header."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from tei.render import render

HEADER = """<teiHeader><fileDesc><titleStmt><title>Probe</title>{authors}</titleStmt>
<publicationStmt><p>Published.</p></publicationStmt><sourceDesc>{source}</sourceDesc></fileDesc></teiHeader>"""


def tei_file(tmp_path: Path, body: str, authors: str = "", source: str = "<p>A source.</p>") -> Path:
    path = tmp_path / "probe.xml"
    path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(authors=authors, source=source)}'
                    f"<text><body>{body}</body></text></TEI>", encoding="utf-8")
    return path


def rendered(path: Path) -> tuple[html.HtmlElement, str]:
    return html.fromstring(render(path, "html")), render(path, "txt").decode()


def body_text(page: html.HtmlElement) -> str:
    return " ".join(page.xpath("string(//div[@class='tei-body'])").split())


@pytest.mark.parametrize("tokens, expected", [
    ('<w join="right">Kata</w> <w>word</w>', "Kataword"),
    ('<w>word</w><w join="left">s</w>', "words"),
    ('<w join="both">x</w><w>y</w>', "xy"),
    ("<w>Kata</w><pc>,</pc><w>word</w>", "Kata, word"),
    ("<pc>(</pc><w>aside</w><pc>)</pc><w>after</w>", "(aside) after"),
    ("<w>one</w><w>two</w>", "one two"),
])
def test_tokens_are_joined_as_they_say_and_separated_otherwise(tmp_path, tokens, expected):
    page, text = rendered(tei_file(tmp_path, f"<p>{tokens.replace('> <', '><')}</p>"))
    assert body_text(page) == expected
    assert expected in text


def test_a_division_without_a_head_shows_its_number_but_not_an_identifier(tmp_path):
    body = ('<div type="chapter" n="4"><p>Gamma.</p></div>'
            '<div n="urn:cts:greekLit:tlg0006.tlg001:1"><p>Delta.</p></div>'
            '<div n="5"><head>Headed</head><p>Epsilon.</p></div>')
    page, text = rendered(tei_file(tmp_path, body))
    assert page.xpath("//p[@class='division-number']/text()") == ["4"]
    assert page.xpath("//p[@class='division-number']/following-sibling::p[1]/text()") == ["Gamma."]
    assert "\n4\n\nGamma." in text
    assert "urn:cts" not in text and "urn:cts" not in body_text(page)
    assert not page.xpath("//div[*[@class='tei-head'] = 'Headed']/p[@class='division-number']")  # its head says it
    assert "\n5\n" not in text


def test_dictionary_entries_are_blocks_of_their_own(tmp_path):
    body = ('<entry><form><orth>abbot</orth></form><sense><def>head of an abbey</def></sense></entry>'
            '<entryFree>zebra, a horse</entryFree>'
            '<superEntry><entry><form><orth>bank</orth></form></entry>'
            '<entry><form><orth>bank</orth></form><sense>a seat</sense></entry></superEntry>')
    page, text = rendered(tei_file(tmp_path, body))
    assert [" ".join(e.text_content().split()) for e in page.xpath("//div[@class='tei-entry' or @class='tei-entryFree']")] \
        == ["abbot head of an abbey", "zebra, a horse", "bank", "bank a seat"]
    assert page.xpath("//div[@class='tei-superEntry']/div[@class='tei-entry']")
    assert "abbot head of an abbey\n\nzebra, a horse\n\nbank\n\nbank a seat" in text


def test_an_empty_source_description_gives_no_bare_label(tmp_path):
    page, text = rendered(tei_file(tmp_path, "<p>Text.</p>", source="<p/>"))
    assert "Source" not in page.xpath("//dl[@class='metadata']//dt/text()")
    assert "Source:" not in text
    page, text = rendered(tei_file(tmp_path, "<p>Text.</p>", source="<p>Archive box 4.</p>"))
    assert "Source: Archive box 4." in text


def test_names_side_by_side_in_the_header_keep_a_space(tmp_path):
    authors = "<author><persName>Anna</persName><persName>Bell</persName></author>"
    page, text = rendered(tei_file(tmp_path, "<p>Text.</p>", authors=authors))
    assert "Author: Anna Bell" in text
    assert " ".join(page.xpath("string(//dt[.='Author']/following-sibling::dd)").split()) == "Anna Bell"
