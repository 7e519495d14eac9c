"""Patterns of other projects' TEI that a reading edition must show as the project meant them:
tokens written together (@join, punctuation), divisions numbered only by @n, dictionary entries,
empty header parts, and names side by side in the header."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from tei.render import render

from render_helpers import DATA

PROJECTS = DATA / "foreign" / "projects"
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


def reading_view_text(path: Path) -> str:
    """The HTML page's text as the reading view shows it (what edition.css hides, left out)."""
    page = html.fromstring(render(path, "html", view="reading"))
    for hidden in page.xpath("//*[contains(concat(' ', @class, ' '), ' ed-drop ')]"
                             "|//*[contains(concat(' ', @class, ' '), ' ed-quiet ')]/span[@class='ed-label']"):
        hidden.drop_tree()
    return body_text(page)


def test_a_wholly_deleted_block_is_shown_struck_through_in_the_reading_view(tmp_path):
    body = ("<p><del>Struck out entirely.</del></p>"
            "<p>Kept <del>dropped</del> text, <subst><del>old</del><add>new</add></subst>.</p>"
            "<div><del><p>A deleted paragraph.</p></del><p>After it.</p></div>"
            "<lg><l><del>a deleted line</del></l><l>a kept line</l></lg>")
    path = tei_file(tmp_path, body)
    page = html.fromstring(render(path, "html"))
    whole = page.xpath("//del[contains(@class, 'ed-del')][not(contains(@class, 'ed-drop'))]")
    assert [" ".join(d.text_content().split()) for d in whole] == [
        "[deleted: Struck out entirely.]", "[deleted: A deleted paragraph.]", "[deleted: a deleted line]"]
    assert all("ed-quiet" not in d.get("class") for d in whole)  # its label is seen in the reading view too
    assert len(page.xpath("//del[contains(@class, 'ed-drop')]")) == 2  # "dropped" and "old" are left out
    shown = reading_view_text(path)
    assert "[deleted: Struck out entirely.]" in shown and "[deleted: a deleted line]" in shown
    assert "Kept text, new." in shown and "dropped" not in shown and "old" not in shown
    reading = render(path, "txt", view="reading").decode()
    assert "\n[deleted: Struck out entirely.]\n" in reading and "\n[deleted: a deleted line]\n" in reading
    assert "A deleted paragraph." in reading and "Kept text, new." in reading
    assert "dropped" not in reading and "old" not in reading
    diplomatic = render(path, "txt", view="diplomatic").decode()
    assert "[deleted: dropped]" in diplomatic and "[deleted: Struck out entirely.]" in diplomatic


def test_a_text_that_is_all_deleted_is_not_an_empty_reading_view(tmp_path):
    path = tei_file(tmp_path, "<div><head><del>Draft</del></head><p><subst><del>first</del><add/></subst></p></div>")
    shown = reading_view_text(path)
    assert "[deleted: Draft]" in shown and "[deleted: first]" in shown
    reading = render(path, "txt", view="reading").decode()
    assert "[deleted: Draft]" in reading and "[deleted: first]" in reading


TRANSCRIPT = ('<div><note type="narrative">The sitting opens.</note>'
              '<u who="#Smith">Thank you. <note type="comment">Applause</note> We begin.'
              '<note place="foot">Said twice in the recording.</note></u>'
              '<note type="time">(10.05)</note>'
              '<u who="#Jones"><seg>Yes.</seg><note type="kinesic">nods</note><seg>Second point.</seg></u></div>'
              '<p>Prose<note>A footnote of the prose.</note>.</p>')
SPEAKERS = '<listPerson><person xml:id="Smith"><persName>Jane Smith</persName></person></listPerson>'


def test_the_notes_of_a_transcript_are_asides_in_place_and_other_notes_stay_footnotes(tmp_path):
    path = tei_file(tmp_path, TRANSCRIPT, source=f"<p>A record.</p>{SPEAKERS}")
    page, text = rendered(path)
    asides = page.xpath("//*[contains(@class, 'ed-transcript-note')]")
    assert [" ".join(a.text_content().split()) for a in asides] == [
        "[The sitting opens.]", "[Applause]", "(10.05)", "[nods]"]  # the record's own brackets kept
    assert [a.tag for a in asides] == ["div", "span", "div", "div"]  # between utterances, a block
    assert asides[1].get("title") == "Remark of the transcript, not spoken (comment)"
    footnotes = page.xpath("//section[@class='footnotes']//div[@class='fn-body']")
    assert [" ".join(f.text_content().replace("↩", "").split()) for f in footnotes] == [
        "Said twice in the recording.", "A footnote of the prose."]
    utterances = page.xpath("//div[@class='tei-u']")
    assert [u.xpath("string(span[@class='tei-speaker'])") for u in utterances] == ["Jane Smith", "Jones"]
    assert utterances[1].xpath("p[@class='tei-seg tei-p']/text()") == ["Yes.", "Second point."]
    for view in ("diplomatic", "reading"):
        text = render(path, "txt", view=view).decode()
        assert "\n[The sitting opens.]\n\nJane Smith: Thank you. [Applause] We begin.[1]\n\n(10.05)\n\nJones:\n\nYes.\n\n[nods]\n\nSecond point.\n" in text
        assert "Prose[2]." in text and "\n[1] Said twice in the recording.\n" in text and "\n[2] A footnote of the prose.\n" in text
        assert "[Applause]" not in text.split("Notes", 1)[1]


SPOKEN = """<div><u who="#A">Well <vocal><desc>laughs</desc></vocal> that was it.</u>
<incident><desc>a telephone rings</desc></incident>
<u who="#B">No <kinesic type="reinforcing"><desc>shakes head</desc></kinesic> never.</u>
<p>Plain <vocal>coughs</vocal> prose, <kinesic><desc>(shrugs)</desc></kinesic> <incident/>done.</p></div>"""


def test_sounds_gestures_and_events_of_a_spoken_text_are_asides_in_brackets(tmp_path):
    """vocal, kinesic and incident, told in their desc (or text), are drawn as the transcript's
    remarks: bracketed and italic, a block between utterances, inline within them."""
    path = tei_file(tmp_path, SPOKEN)
    page = html.fromstring(render(path, "html"))
    asides = page.xpath("//*[contains(@class, 'ed-transcript-note')]")
    assert [(a.tag, " ".join(a.text_content().split()), a.get("title")) for a in asides] == [
        ("span", "[laughs]", "A sound, not a word"),
        ("div", "[a telephone rings]", "Something that happened, not spoken"),
        ("span", "[shakes head]", "A gesture, not spoken (reinforcing)"),
        ("span", "[coughs]", "A sound, not a word"),
        ("span", "(shrugs)", "A gesture, not spoken")]  # its own brackets kept
    assert "ed-block" in asides[1].get("class") and "ed-quiet" not in asides[0].get("class")
    german = html.fromstring(render(path, "html", params={"interface-language": "de"}))
    assert german.xpath("(//span[contains(@class, 'ed-transcript-note')])[1]/@title") == ["Ein Laut, kein Wort"]
    for view in ("diplomatic", "reading"):
        text = render(path, "txt", view=view).decode()
        assert ("\nA: Well [laughs] that was it.\n\n[a telephone rings]\n\nB: No [shakes head] never.\n\n"
                "Plain [coughs] prose, (shrugs) done.\n") in text

def line_numbers(page: html.HtmlElement) -> list[tuple[str, str]]:
    """(number, line) of each verse line that shows its number."""
    return [(line.xpath("string(span[@class='line-number'])"),
             " ".join("".join(line.xpath("text()")).split()))
            for line in page.xpath("//span[@class='tei-l numbered']")]


def test_verse_lines_show_every_fifth_number_or_all_where_the_source_numbers_only_some(tmp_path):
    poem = "".join(f'<l n="{n}">line {n}</l>' for n in range(1, 12))
    sparse = '<l>first</l><l n="12">twelfth</l><l>third</l>'
    play = '<sp><speaker>EGEON</speaker><l n="1.1.4">Proceed</l><l n="1.1.5">And by the doom</l></sp>'
    page, text = rendered(tei_file(tmp_path, f"<lg>{poem}</lg><lg>{sparse}</lg>{play}<lg><l>unnumbered</l></lg>"))
    assert line_numbers(page) == [("5", "line 5"), ("10", "line 10"), ("12", "twelfth"), ("1.1.5", "And by the doom")]
    assert not page.xpath("//span[@class='tei-l'][.='unnumbered']/span")
    # the text's margin is as wide as the longest number ("1.1.5") and two columns more
    margin = " " * 7
    for expected in (f"\n{margin}line 4\n    5  line 5\n{margin}line 6\n", "\n   10  line 10\n",
                     f"\n{margin}first\n   12  twelfth\n{margin}third\n", "\n1.1.5  And by the doom\n",
                     "\nunnumbered\n"):
        assert expected in text


def test_a_line_number_is_not_an_identifier_and_a_speech_s_first_line_says_its_number(tmp_path):
    body = ('<lg><l n="urn:cts:x:1.5">urn line</l><l n="5">five</l></lg>'
            '<sp><speaker>DUKE</speaker><l n="10">Merchant of Syracusa</l><l n="11">plead no more</l></sp>')
    page, text = rendered(tei_file(tmp_path, body))
    assert line_numbers(page) == [("5", "five"), ("10", "Merchant of Syracusa")]
    assert "urn:cts" not in text
    assert "DUKE Merchant of Syracusa  [10]" in text.replace("\u00a0", " ")


def test_a_wrapped_verse_line_goes_on_under_its_text_and_leaves_the_numbers_their_margin(tmp_path):
    long_line = "a long line of verse that goes on past the width of the text and wraps over"
    poem = "".join(f'<l n="{n}">line {n}</l>' for n in range(1, 5))
    body = f'<lg>{poem}<l n="5">{long_line}</l><l n="6">{long_line}</l></lg><lg><l>{long_line}</l></lg>'
    text = render(tei_file(tmp_path, body), "txt", params={"text-width": "30"}).decode()
    assert ("\n   line 4\n"
            "5  a long line of verse that\n   goes on past the width of\n   the text and wraps over\n"
            "   a long line of verse that\n   goes on past the width of\n   the text and wraps over\n\n"
            "a long line of verse that goes\non past the width of the text\nand wraps over\n") in text
    assert "\ufdd0" not in text


# ---------------------------------------------------------------- what lists hold besides items

def test_a_bibliography_keeps_its_entries_of_every_kind_each_in_a_list_item(tmp_path):
    """TEI's own test file testms.xml holds msDesc entries in a listBibl; the text lost them."""
    body = ("<listBibl><bibl>Alpha edition</bibl>"
            "<biblStruct><monogr><title>Beta returns</title> <imprint><date>1899</date></imprint></monogr></biblStruct>"
            "<msDesc><msIdentifier><settlement>Gamma</settlement> <idno>MS 1</idno></msIdentifier>"
            "<msContents><p>Delta drafts</p></msContents></msDesc>"
            "<listBibl><bibl>Epsilon copy</bibl></listBibl></listBibl>")
    page, text = rendered(tei_file(tmp_path, body))
    entries = page.xpath("//div[@class='tei-body']/ul/*")
    assert [entry.tag for entry in entries] == ["li"] * 4
    assert [" ".join(entry.text_content().split()) for entry in entries] == [
        "Alpha edition", "Beta returns 1899", "Gamma MS 1 Delta drafts", "Epsilon copy"]
    assert "\n- Alpha edition\n- Beta returns 1899\n- Gamma MS 1\n\nDelta drafts\n\n- Epsilon copy\n" in text


def test_a_page_break_or_note_between_list_items_stays_in_place(tmp_path):
    body = ('<list><item>first</item><pb n="2"/><item>second</item><note>A lost third.</note></list>'
            '<list type="gloss"><label>Ink</label><item>iron gall</item><pb n="3"/>'
            '<label>Paper</label><item>laid</item></list>')
    page, text = rendered(tei_file(tmp_path, body))
    bullets = page.xpath("//div[@class='tei-body']/ul/*")
    assert [(item.tag, item.get("class")) for item in bullets] == [
        ("li", None), ("li", "list-between"), ("li", None), ("li", "list-between")]
    assert bullets[1].text_content() == "[page 2]" and bullets[3].xpath("a[@class='noteref']")
    gloss = page.xpath("//dl[contains(@class, 'tei-list')]/*")
    assert [(term.tag, " ".join(term.text_content().split())) for term in gloss] == [
        ("dt", "Ink"), ("dd", "iron gall"), ("dd", "[page 3]"), ("dt", "Paper"), ("dd", "laid")]
    assert "- second[1]" in text and "[1] A lost third." in text
    assert "Ink: iron gall[page 3]\nPaper: laid" in text


def test_a_page_break_before_a_gloss_list_s_first_item_gets_an_empty_term(tmp_path):
    page, _ = rendered(tei_file(tmp_path, '<list type="gloss"><pb n="4"/><label>Ink</label><item>black</item></list>'))
    assert [(term.tag, term.text_content()) for term in page.xpath("//dl[contains(@class, 'tei-list')]/*")] == [
        ("dt", ""), ("dd", "[page 4]"), ("dt", "Ink"), ("dd", "black")]


def test_a_gloss_list_s_label_that_glosses_no_item_is_kept_as_a_term_of_its_own(tmp_path):
    """A label after the last item, or before another label, glossed nothing and was lost."""
    body = ('<list type="gloss"><label>Ink</label><item>black</item><label>Seal</label><label>Paper</label>'
            '<pb n="2"/><item>laid</item><label>Wax</label></list>')
    page, text = rendered(tei_file(tmp_path, body))
    gloss = page.xpath("//dl[contains(@class, 'tei-list')]/*")
    assert [(term.tag, term.text_content()) for term in gloss] == [
        ("dt", "Ink"), ("dd", "black"), ("dt", "Seal"), ("dd", "[page 2]"), ("dt", "Paper"), ("dd", "laid"),
        ("dt", "Wax"), ("dd", "")]
    assert "\nInk: black\nSeal[page 2]\nPaper: laid\nWax\n" in text


def test_a_group_of_roles_is_a_nested_list_followed_by_what_it_says_of_them(tmp_path):
    body = ("<castList><castGroup><castItem><role>Anna</role></castItem><castItem><role>Boris</role></castItem>"
            "<roleDesc>cousins</roleDesc></castGroup><castItem><role>Clerk</role></castItem></castList>")
    page, text = rendered(tei_file(tmp_path, body))
    group = page.xpath("//li[@class='cast-group']")[0]
    assert [" ".join(li.text_content().split()) for li in group.xpath("ul/li")] == ["Anna", "Boris"]
    assert group.xpath("ul/following-sibling::span[@class='tei-roleDesc']/text()") == ["cousins"]
    assert "\nAnna\nBoris\ncousins\nClerk" in text


# ---------------------------------------------------------------- blocks inside paragraphs

def test_a_paragraph_quoting_verse_or_a_poem_is_no_html_paragraph(tmp_path):
    """HTML ends a p where a blockquote begins: the Walt Whitman Archive's q of a floatingText
    poem, and a q of verse lines (TEI's torture.xml), each left an empty p and a stray </p>."""
    body = ("<p>He sang <q><l>God bless you,</l><l>merry gentleman!</l></q> and fled.</p>"
            "<p>A review: <q><floatingText><body><lg><l>I celebrate myself</l></lg></body></floatingText></q></p>"
            "<p>Plain <q>spoken</q> words.</p>")
    page, _ = rendered(tei_file(tmp_path, body))
    paragraphs = page.xpath("(//div[@class='tei-body'])[1]/*")
    assert [element.tag for element in paragraphs] == ["div", "div", "p"]
    assert paragraphs[0].xpath("blockquote") and paragraphs[1].xpath("blockquote//*[contains(@class, 'tei-floatingText')]")


def test_a_manuscript_field_with_paragraphs_further_down_is_no_html_paragraph(tmp_path):
    source = ("<msDesc><msIdentifier><idno>MS 1</idno></msIdentifier><physDesc><objectDesc><layoutDesc>"
              "<layout ruledLines='38'><p>Ruled in crayon.</p></layout></layoutDesc></objectDesc></physDesc></msDesc>")
    page, _ = rendered(tei_file(tmp_path, "<p>Text.</p>", source=source))
    field = page.xpath("//*[contains(@class, 'tei-layoutDesc')]")[0]
    assert field.tag == "div" and field.xpath("p[.='Ruled in crayon.']")


# ---------------------------------------------------------------- languages

@pytest.mark.parametrize("tag, expected", [
    ("lat", "la"), ("eng", "en"), ("ger", "de"), ("LAT-Latn", "la-Latn"), ("grc", "grc"), ("la", "la"),
    ("heb", "he"), ("sa-Latn", "sa-Latn"), ("x-private", "x-private"),
])
def test_a_three_letter_language_code_is_written_as_html_asks(tmp_path, tag, expected):
    """Perseus writes xml:lang="lat" and "eng": HTML's lang takes BCP 47's two-letter code."""
    path = tmp_path / "probe.xml"
    path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{tag}">{HEADER.format(authors="", source="<p>s</p>")}'
                    f'<text><body><p xml:lang="{tag}">Verba.</p></body></text></TEI>', encoding="utf-8")
    page = html.fromstring(render(path, "html"))
    assert page.get("lang") == expected
    assert page.xpath("//div[@class='tei-body']/p")[0].get("lang") == expected


# ---------------------------------------------------------------- critical apparatus

APPARATUS = ('<p>Before <app><rdgGrp type="orthographic"><lem wit="#A">colour</lem><rdg wit="#B">color</rdg></rdgGrp>'
             '<rdgGrp><rdg wit="#C">hue</rdg></rdgGrp><witDetail wit="#C">in the margin</witDetail></app> after.</p>'
             '<lg><l>Cas B <app><lem wit="#A" type="omission"/><rdg wit="#B">vraiment </rdg></app>suite.</l>'
             '<l>Cas C <app><lem wit="#A">vraiment </lem><rdg wit="#B" type="omission"/></app>suite.</l></lg>')


def test_an_apparatus_shows_the_readings_of_its_groups_and_what_it_says_of_a_witness(tmp_path):
    path = tei_file(tmp_path, APPARATUS)
    diplomatic = render(path, "txt", view="diplomatic").decode()
    assert "Before colour [B: color] [C: hue] [C: in the margin] after." in diplomatic
    assert "Before colour after." in render(path, "txt").decode()


def test_a_reading_that_omits_says_so_and_the_words_after_an_apparatus_keep_their_space(tmp_path):
    """Modelled on an edition of Racine's variants: an empty lem or rdg is an omission, and the
    space the source keeps inside a reading ("vraiment ") is the one before the next word."""
    path = tei_file(tmp_path, APPARATUS)
    diplomatic = render(path, "txt", view="diplomatic").decode()
    assert "\nCas B [B: vraiment ] suite.\nCas C vraiment [B: omitted] suite.\n" in diplomatic
    page = html.fromstring(render(path, "html", params={"interface-language": "de"}))
    assert "[B: fehlt]" in " ".join(page.xpath("string(//div[@class='tei-body'])").split())


def test_a_speech_in_verse_has_no_blank_line_after_its_first_line(tmp_path):
    body = ('<sp><speaker>ORESTE</speaker><l>Line one.</l><l>Line two.</l></sp>'
            '<sp><speaker>PYLADE</speaker><p>Prose one.</p><p>Prose two.</p></sp>')
    text = render(tei_file(tmp_path, body), "txt").decode()
    assert "\nORESTE Line one.\nLine two.\n\nPYLADE Prose one.\n\nProse two.\n" in text


def test_notes_numbered_anew_in_each_division_are_listed_under_its_title(tmp_path):
    """FRUS numbers each document's notes from 1: the list of notes says whose note 1 it is."""
    body = ('<div type="document" xml:id="d9"><head>9. Telegram From <choice><sic>Mscow</sic><corr>Moscow</corr></choice>'
            '<note n="1" xml:id="d9fn1">Source: Central Files.</note></head><p>Text.</p></div>'
            '<div type="document" xml:id="d10"><head>10. Telegram<note n="1" xml:id="d10fn1">Source: Lot files.</note></head>'
            '<p>See.<note n="2" xml:id="d10fn2">Document 9.</note></p></div>')
    page, text = rendered(tei_file(tmp_path, body))
    entries = page.xpath("//section[@class='footnotes']/ol/li")
    assert [(entry.get("class"), " ".join(entry.text_content().split())[:20]) for entry in entries] == [
        ("fn-division", "9. Telegram From Mos"), (None, "1Source: Central Fil"),
        ("fn-division", "10. Telegram"), (None, "1Source: Lot files. "), (None, "2Document 9. ↩")]
    assert "9. Telegram From Moscow\n\n[1] Source: Central Files.\n\n10. Telegram\n\n[1] Source: Lot files." in text


def test_notes_numbered_through_the_file_have_no_division_titles(tmp_path):
    body = ('<div><head>One<note n="1">First.</note></head><p>A.</p></div>'
            '<div><head>Two<note n="2">Second.</note></head><p>B.</p></div>')
    page, text = rendered(tei_file(tmp_path, body))
    assert not page.xpath("//li[@class='fn-division']")
    assert "\n\nOne\n\n[1]" not in text


def test_a_pointer_to_an_identifier_the_file_lacks_is_shown_but_not_linked(tmp_path):
    body = ('<div xml:id="d9"><p>Held.</p></div><p><ref target="#d9">Document 9</ref>, '
            '<ref target="#d12">Document 12</ref>, <ref target="frus1958-60v10p1">vol. X</ref></p>')
    page, _ = rendered(tei_file(tmp_path, body))
    assert page.xpath("//a[@class='tei-ref']/@href") == ["#d9"]
    assert [(span.get("title"), span.text) for span in page.xpath("//span[@class='tei-ref']")] == [
        ("#d12", "Document 12"), ("frus1958-60v10p1", "vol. X")]


def test_labels_that_only_number_their_items_stand_beside_them(tmp_path):
    body = ('<list><label>(1)</label><item>First.</item><label>(2)</label><item>Second.</item></list>'
            '<list type="gloss"><label>Commodity Credit</label><item>a corporation</item></list>')
    page, _ = rendered(tei_file(tmp_path, body))
    assert [dl.get("class") for dl in page.xpath("//div[@class='tei-body']//dl")] == ["tei-list type-gloss short-labels", "tei-list type-gloss"]


def test_a_page_break_naming_a_scan_file_keeps_its_page_number_and_the_words_apart(tmp_path):
    """FRUS's pb facs="0057" names a scan the page cannot show: the page number stayed unseen."""
    body = '<p>at second part of 15th <pb n="29" facs="0057"/>Session, nega<pb n="30" facs="0058"/>tively</p>'
    page, text = rendered(tei_file(tmp_path, body))
    assert "15th [page 29] Session, nega[page 30]tively" in body_text(page)
    assert "15th [page 29] Session, nega[page 30]tively" in text


def test_a_surface_that_starts_at_a_page_break_is_its_image(tmp_path):
    """FRUS links its scans the other way round: <surface start="#pg_114">, the pb's facs a file name."""
    path = tmp_path / "probe.xml"
    path.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(authors="", source="<p>A source.</p>")}'
        '<facsimile><surface start="#pg_114"><graphic mimeType="image/tiff" url="https://img.example.org/0145.tif"/>'
        '<graphic url="https://img.example.org/0145.png"/></surface>'
        '<surface start="#nowhere"><graphic url="https://img.example.org/0999.png"/></surface></facsimile>'
        '<text><body><p>the way <pb facs="0145" n="114" xml:id="pg_114"/> we had</p></body></text></TEI>',
        encoding="utf-8")
    page, text = rendered(path)
    body_images = page.xpath("//div[@class='tei-body']//img/@src")
    assert body_images == ["https://img.example.org/0145.png"]
    assert page.xpath("//section[@id='page-images']//img/@src") == ["https://img.example.org/0999.png"]
    assert "the way [page 114]\n[page image: https://img.example.org/0145.png]\nwe had" in text


def test_ruby_is_drawn_over_its_base_and_bracketed_in_the_text(tmp_path):
    page, text = rendered(tei_file(tmp_path, "<p>Tokyo is <ruby><rb>東京</rb><rt>とうきょう</rt></ruby>.</p>"))
    ruby = page.xpath("//ruby")[0]
    assert ruby.xpath("string(rt)") == "とうきょう" and ruby.xpath("rp/text()") == ["(", ")"]
    assert "Tokyo is 東京(とうきょう)." in text


def test_a_figure_s_title_and_description_do_not_run_together_in_the_text(tmp_path):
    body = "<figure><head>A page of the score</head><figDesc>Ink on paper.</figDesc></figure>"
    _, text = rendered(tei_file(tmp_path, body))
    assert "[Figure: A page of the score. Ink on paper.]" in text


@pytest.mark.parametrize("figure, expected", [
    ('<figure><head>The score</head><graphic url="https://img.example.org/a.png"/></figure>', "[Figure: The score]"),
    ('<figure><figDesc>Ink.</figDesc><graphic url="https://img.example.org/a.png"/></figure>', "[Figure: Ink.]"),
    ('<figure><graphic url="https://img.example.org/a.png"/></figure>', "[Figure: https://img.example.org/a.png]"),
    ('<figure><graphic url="https://img.example.org/a.png"/><graphic url=" b.png "/></figure>',
     "[Figure: https://img.example.org/a.png b.png]"),
    ('<figure><graphic url=""/><p>A drawing.</p></figure>', "[Figure]"),
])
def test_a_figure_s_images_are_named_only_where_nothing_else_names_the_figure(tmp_path, figure, expected):
    _, text = rendered(tei_file(tmp_path, figure))
    assert expected in text
    assert "[Figure: ]" not in text and "[image" not in text
    if "figDesc" in figure or "head" in figure:
        assert "a.png" not in text


def test_an_image_outside_a_figure_gives_its_address_and_the_words_are_the_interface_s(tmp_path):
    path = tei_file(tmp_path, '<p>See <graphic url="https://img.example.org/a.png"/> here.</p>'
                              '<figure><graphic url="https://img.example.org/b.png"/></figure><p><graphic/></p>')
    text = render(path, "txt").decode()
    assert "See [image: https://img.example.org/a.png] here." in text
    assert "[Figure: https://img.example.org/b.png]" in text and text.count("[image") == 1
    german = render(path, "txt", params={"interface-language": "de"}).decode()
    assert "See [Bild: https://img.example.org/a.png] here." in german
    assert "[Abbildung: https://img.example.org/b.png]" in german and "Figure" not in german
    page = html.fromstring(render(path, "html", params={"interface-language": "de"}))
    assert page.xpath("//span[@class='tei-graphic']/text()")[0] == "[Bild: https://img.example.org/a.png]"
    # an image without an address shows nothing, in HTML as in the text (it was `[image: ]`)
    assert "[Bild: ]" not in page.text_content() and "[Bild]" not in page.text_content()


def test_the_parts_of_a_stand_off_entry_keep_their_spaces_in_the_text(tmp_path):
    path = tmp_path / "probe.xml"
    path.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(authors="", source="<p>A source.</p>")}'
        "<text><body><p>Text.</p></body></text><standOff><listPerson><person xml:id='P1'>"
        "<persName>Carl Maria von Weber</persName><birth>1786, <placeName>Eutin</placeName></birth></person>"
        "</listPerson><listPlace><place><placeName>Eutin</placeName><location><geo>54.14 10.62</geo></location></place>"
        "</listPlace></standOff></TEI>", encoding="utf-8")
    _, text = rendered(path)
    assert "- Carl Maria von Weber 1786, Eutin\n" in text and "- Eutin 54.14 10.62\n" in text


def test_a_quotation_written_the_other_way_has_its_marks_outside_it(tmp_path):
    page, text = rendered(tei_file(tmp_path, '<p>It said <q xml:lang="he">שלום</q> and <q>hello</q>.</p>'))
    across = page.xpath("//span[@class='quoted-across']/q")
    assert [(q.get("dir"), q.text) for q in across] == [("rtl", "שלום")]
    assert page.xpath("//p/q[not(@dir)]/text()") == ["hello"]
    assert "It said “שלום” and “hello”." in text


def test_stage_directions_are_italic_spans_and_stand_in_the_text_as_written(tmp_path):
    body = ('<div><stage>Enter Hamlet.</stage><sp><speaker>HAMLET.</speaker><stage>(aside)</stage>'
            '<l>A little more than kin <stage>(bows)</stage> and less than kind.</l><stage>Exit.</stage>'
            '<l>Gone.</l></sp></div>')
    page, text = rendered(tei_file(tmp_path, body))
    assert page.xpath("//span[contains(concat(' ', @class, ' '), ' tei-stage ')]/text()") == [
        "Enter Hamlet.", "(aside)", "(bows)", "Exit."]
    assert "\nEnter Hamlet.\n" in text
    # right after the speaker it is said with the name; inside a line it stays in the line
    assert "HAMLET. (aside) A little more than kin (bows) and less than kind." in text
    assert "\nExit.\n\nGone." in text


def test_a_stage_direction_in_brackets_gets_them_back_with_the_label_s_stop(tmp_path):
    body = ('<div><sp><speaker>GORBACHEV</speaker><stage type="delivery" rend="bracket colon">laughing</stage>'
            '<p>Yes.</p></sp><sp><speaker>BREZHNEV</speaker><stage rend="bracket full-stop">reading</stage>'
            '<p>The text.</p><p>More.</p></sp></div>')
    page, text = rendered(tei_file(tmp_path, body))
    assert page.xpath("//span[contains(@class, 'tei-stage')]/text()") == ["[laughing]:", "[reading]."]
    assert page.xpath("//span[contains(@class, 'tei-stage')]/@class")[0] == "tei-stage type-delivery"
    assert "GORBACHEV [laughing]: Yes." in text
    assert "BREZHNEV [reading]. The text.\n\nMore." in text


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def test_each_part_of_a_title_page_is_a_paragraph_of_its_own_in_plain_text(tmp_path):
    path = tmp_path / "title-page.xml"
    path.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(authors="", source="<p>A source.</p>")}'
        "<text><front><titlePage><docTitle><titlePart type='main'>Foreign Relations</titlePart>"
        "<titlePart type='sub'>Volume Two</titlePart></docTitle>"
        "<byline>Edited by <docAuthor>Ann Editor</docAuthor></byline><docEdition>Second edition</docEdition>"
        "<docImprint><pubPlace>Washington</pubPlace> <publisher>Printing Office</publisher> <docDate>1991</docDate></docImprint>"
        "<docDate>March 1991</docDate></titlePage></front><body><p>The text.</p></body></text></TEI>",
        encoding="utf-8")
    found = paragraphs(render(path, "txt").decode())
    start = found.index("Foreign Relations")
    assert found[start:start + 7] == ["Foreign Relations", "Volume Two", "Edited by Ann Editor", "Second edition",
                                      "Washington Printing Office 1991", "March 1991", "The text."]


def test_a_frus_title_page_keeps_its_parts_apart_in_plain_text():
    found = paragraphs(render(PROJECTS / "frus-1958-60v02-front.xml", "txt").decode())
    assert "United Nations and general international matters" in found
    assert "Department of State Washington" in found
    assert "General Editor: John P. Glennon" in found
