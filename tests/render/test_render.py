"""Reading editions: HTML and plain text of our files and of TEI written in other projects' styles."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html

from tei.core.errors import RenderError
from tei.render import render, render_files

from conftest import ROOT, assert_tei_all_valid
from render_helpers import (ALL_TEI, FOREIGN, READING_DROPS, SAMPLE, html_text, ids, missing_words,
                            tei_words)


FOREIGN_BY_NAME = {path.stem: path for path in FOREIGN}


@pytest.fixture(scope="module")
def pages():
    """Each file's HTML page, rendered once."""
    return {path: render(path, "html") for path in ALL_TEI}


def test_sample_and_foreign_files_are_valid_tei(tei_all):
    for path in [SAMPLE, *FOREIGN]:
        assert_tei_all_valid(tei_all, etree.parse(str(path)), path.name)


# ---------------------------------------------------------------- nothing is lost

@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_html_keeps_every_word_of_the_text(path, pages):
    assert missing_words(tei_words(path), html_text(pages[path])) == {}


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_diplomatic_text_keeps_every_word(path):
    text = render(path, "txt", view="diplomatic").decode()
    assert missing_words(tei_words(path), text) == {}


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_reading_text_keeps_every_word_but_deletions_and_replaced_forms(path):
    text = render(path, "txt").decode()
    assert missing_words(tei_words(path, drop=READING_DROPS), text) == {}


# ---------------------------------------------------------------- plain text

@pytest.fixture(scope="module")
def diplomatic():
    return render(SAMPLE, "txt", view="diplomatic").decode()


@pytest.fixture(scope="module")
def reading():
    return render(SAMPLE, "txt").decode()


@pytest.mark.parametrize("recovered", [
    "Sok The [sic]", "but [sic!]", "improving […]", "close [inserted by hand: appropriate]",
    "[date left blank] October 1948", "[signature]", "[illegible word]", "[unclear: Kim]",
    "CC BCP [Central Committee of the Bulgarian Communist Party]", "affairs [of each country]",
    "[underlined]", "[stamp: Secret No. 12]", "[stamp]", "[Seal: Embassy of Romania]",
    "[Translator’s note: The Romanian original reads “Hamhîn”.]", "[Page 2 of 3]", "years.[1]",
    "[1] The treaty of friendship", "[handwritten: 2nn, a second copy",
])
def test_diplomatic_text_recreates_the_bracketed_marks(diplomatic, recovered):
    assert recovered in " ".join(diplomatic.split())


def test_reading_text_is_clean(reading):
    flat = " ".join(reading.split())
    assert "[sic]" not in flat and "[unclear:" not in flat and "[inserted by hand" not in flat
    assert "visit to the Democratic People's Republic of Korea." in flat
    assert "internal affairs of each country," in flat
    assert "close appropriate economic" in flat
    # Marks that are the source's own content stay: omissions, blanks, signatures.
    assert "[…]" in flat and "[date left blank]" in flat and "[signature]" in flat


def test_text_has_the_header_on_top_and_the_notes_at_the_end(reading):
    title = "Telegram 057.139 from the Romanian Embassy"
    assert reading.startswith(title)
    summary, body = reading.index("Summary: The Romanian Embassy"), reading.index("TELEGRAM 057.139")
    notes = reading.index("\nNotes\n")
    last_note = reading.index("[3] Editors’ note: The last line is damaged.")
    rights = reading.index("Rights: The History and Public Policy Program")
    assert summary < body < notes < last_note < rights
    assert "Cite as: \"Telegram 057.139" in reading


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_text_is_wrapped_at_72_columns(path):
    for view in ("reading", "diplomatic"):
        for line in render(path, "txt", view=view).decode().splitlines():
            assert len(line) <= 72 or " " not in line.strip(), line


def test_text_keeps_line_breaks_and_layout_indentation(diplomatic):
    assert "to Mr. Kim Il Sung\n        Pyongyang" in diplomatic
    assert "Minister of Foreign Affairs:\n[signature]\n/ Ivan Bashev /" in diplomatic


def test_reading_text_drops_deletions_and_shows_corrections():
    page = FOREIGN_BY_NAME["diplomatic-page"]
    reading = " ".join(render(page, "txt").decode().split())
    diplomatic = " ".join(render(page, "txt", view="diplomatic").decode().split())
    assert "Nothing of note" not in reading and "[deleted: Nothing of note.]" in diplomatic
    assert "Mr Möllendorff, who declared" in reading
    assert "Moellendorf [Möllendorff]" in diplomatic
    assert "was absent" in reading



# ---------------------------------------------------------------- HTML page

def test_html_is_one_standalone_page(pages):
    for path, page in pages.items():
        document = html.fromstring(page)
        assert document.get("lang"), path
        assert document.xpath("//style") and document.xpath("//script[not(@src)]"), path
        assert not document.xpath("//link[@rel='stylesheet'] | //script[@src] | //img | //iframe"), path
        assert not re.search(rb"(src|href)=\"(https?:)?//[^\"]*\.(css|js)", page), path


def test_html_metadata_block(pages):
    document = html.fromstring(pages[SAMPLE])
    fields = {dt.text_content(): dt.getnext().text_content().strip()
              for dt in document.xpath("//dl[@class='metadata']//dt")}
    assert fields["Date"] == "May 7, 1978"
    assert fields["Type"] == "Telegram"
    assert fields["Classification"] == "Secret"
    assert fields["Obtained and translated by"] == "Eliza Gheorghe"
    assert fields["Made possible with support from"] == "ROK Ministry of Unification"
    assert "Archive of the Romanian Ministry of Foreign Affairs (AMAE)" in fields["Archive"]
    assert fields["Record"] == "https://digitalarchive.umd.edu/document/116407"
    assert document.xpath("//section[@class='summary']/p")[0].text_content().startswith("The Romanian Embassy")
    citation = document.get_element_by_id("citation").text_content()
    assert citation.startswith('"Telegram 057.139') and "Eliza Gheorghe" in citation
    assert document.xpath("//h2[.='Cite this document']")


def test_html_builds_a_citation_when_the_header_has_none():
    document = html.fromstring(render(FOREIGN_BY_NAME["tei-lite-letter"], "html"))
    citation = document.get_element_by_id("citation").text_content()
    assert citation.startswith("“Letter from Pyotr Kapitsa to Ernest Rutherford, 12 March 1935”")


def test_every_editorial_mark_explains_itself(pages):
    for path, page in pages.items():
        for mark in html.fromstring(page).xpath("//*[contains(concat(' ', @class, ' '), ' ed ')]"):
            assert mark.get("title", "").strip(), (path.name, html.tostring(mark)[:200])


def test_marks_are_drawn_with_their_labels(pages):
    document = html.fromstring(pages[SAMPLE])

    def marks(kind):
        return document.xpath(f"//*[contains(concat(' ', @class, ' '), ' ed-{kind} ')]")

    assert [m.text_content() for m in marks("sic")] == ["The [sic]", "but [sic!]"]
    assert marks("add")[0].text_content() == "[inserted by hand: appropriate]"
    assert "another hand" in marks("add")[0].get("title")
    assert marks("gap")[0].text_content() == "[…]"
    assert marks("space")[0].text_content() == "[date left blank]"
    assert marks("supplied")[0].text_content() == "[of each country]"
    assert marks("unclear")[0].text_content() == "[unclear: Kim]"
    assert marks("choice")[0].xpath("string(.//*[@class='reg'])") == "Democratic People's Republic of Korea"
    assert marks("annotation")[-1].tag == "div"


def test_footnotes_link_both_ways(pages):
    for path, page in pages.items():
        document = html.fromstring(page)
        for ref in document.xpath("//a[@class='noteref']"):
            note = document.get_element_by_id(ref.get("href")[1:])
            back = note.xpath(".//a[@class='fn-back']")[0]
            assert back.get("href") == f"#{ref.get('id')}", path.name


def test_foreign_names_keep_their_language_and_links():
    document = html.fromstring(render(FOREIGN_BY_NAME["tei-lite-letter"], "html"))
    assert document.xpath("//i[@lang='fr']")[0].text_content() == "c'est la vie"
    frus = html.fromstring(render(FOREIGN_BY_NAME["frus-telegram"], "html"))
    kim = frus.xpath("//a[contains(@class, 'tei-persName')][.='Kim Il-sung']")[0]
    assert kim.get("href") == "#p_KIS1" and "Premier" in kim.get("title")
    assert frus.get_element_by_id("p_KIS1") is not None
    source_note = frus.xpath("//section[@class='footnotes']//li")[0].text_content()
    assert source_note.startswith("1Source: National Archives")


def test_view_parameter_sets_the_first_view():
    assert b'class="view-diplomatic' in render(SAMPLE, "html")
    assert b'class="view-reading' in render(SAMPLE, "html", view="reading")


def test_paper_parameter_reaches_the_print_style_sheet():
    assert b"size: letter" in render(SAMPLE, "html", params={"paper": "letter"})
    assert b"size: letter" in render(SAMPLE, "html", params={"paper": "Letter"})
    assert b"size: A4" in render(SAMPLE, "html", params={"paper": "a4"})


@pytest.mark.parametrize("name, value", [("paper", "tabloid"), ("paper", "</style><script>alert(1)</script>"),
                                         ("footnotes", "side"), ("inline-notes", "maybe"),
                                         ("text-width", "wide"), ("text-width", "0"), ("short-title-length", "-5")])
def test_a_parameter_value_outside_its_choices_is_refused(name, value):
    """A value the stylesheets do not know would silently become the default (A4 for tabloid)."""
    with pytest.raises(RenderError, match=f"stylesheet parameter {name} "):
        render(SAMPLE, "html", params={name: value})
    with pytest.raises(RenderError, match=f"stylesheet parameter {name} "):
        render_files([SAMPLE], "html", "unused", params={name: value})


def test_cli_refuses_an_unknown_paper_size(tmp_path):
    from click.testing import CliRunner

    from tei.cli import cli

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "--to", "pdf", "-o", str(out), "--param", "paper=tabloid"])
    assert result.exit_code != 0 and "paper cannot be 'tabloid'; choose A4 or letter" in result.output
    assert not out.exists()


def test_unknown_parameters_and_formats_are_refused():
    with pytest.raises(RenderError, match="unknown stylesheet parameter colour"):
        render(SAMPLE, "html", params={"colour": "red"})
    with pytest.raises(RenderError, match="unknown output format"):
        render(SAMPLE, "docx")


def test_a_parameter_value_is_a_string_not_an_expression():
    value = "concat('a', document('/etc/passwd'))"
    page = render(FOREIGN_BY_NAME["tei-lite-letter"], "html", params={"archive-name": value})
    assert value in html.fromstring(page).get_element_by_id("citation").text_content()


# ---------------------------------------------------------------- command line

def test_cli_renders_files_and_folders(tmp_path):
    from click.testing import CliRunner

    from tei.cli import cli

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), str(FOREIGN[0].parent), "--to", "txt",
                                      "-o", str(out), "--view", "diplomatic", "--param", "text-width=60"])
    # the folder holds, under projects/, other projects' files, one of them a fragment render refuses
    projects = sorted((FOREIGN[0].parent / "projects").glob("*.xml"))
    fragment = FOREIGN[0].parent / "projects" / "sga-surface-c56-0001.xml"
    assert result.exit_code == 1 and f"{fragment}: error: not a TEI P5 document" in result.output, result.output
    written = sorted(path.name for path in out.iterdir())
    assert written == sorted([f"{SAMPLE.stem}.txt"] + [f"{path.stem}.txt" for path in FOREIGN + projects
                                                       if path != fragment])
    sample = (out / f"{SAMPLE.stem}.txt").read_text()
    assert "Sok The [sic]" in sample
    assert max(len(line) for line in sample.splitlines() if " " in line) <= 60


def test_cli_refuses_a_malformed_param(tmp_path):
    from click.testing import CliRunner

    from tei.cli import cli

    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "--to", "html", "-o", str(tmp_path),
                                      "--param", "paper"])
    assert result.exit_code == 2 and "NAME=VALUE" in result.output
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "--to", "html", "-o", str(tmp_path),
                                      "--param", "colour=red"])
    assert result.exit_code == 1 and "unknown stylesheet parameter colour" in result.output
    assert "Example:" in CliRunner().invoke(cli, ["render", "--help"]).output


# ---------------------------------------------------------------- attribution (issue 16)

@pytest.mark.parametrize("path", FOREIGN, ids=lambda path: path.stem)
def test_foreign_files_are_attributed_only_to_whom_their_header_names(path):
    source = path.read_text(encoding="utf-8")
    for fmt in ("html", "txt"):
        out = render(path, fmt).decode("utf-8")
        assert ("Wilson" in out) == ("Wilson" in source), (path.name, fmt)


def test_the_citation_takes_its_publisher_from_the_header_or_the_parameter():
    letter = FOREIGN_BY_NAME["tei-lite-letter"]
    plain = html.fromstring(render(letter, "html")).get_element_by_id("citation").text_content()
    assert plain.endswith("1935”.")  # no publisher in the header: none is invented
    named = render(letter, "html", params={"archive-name": "Example Edition"})
    assert html.fromstring(named).get_element_by_id("citation").text_content().endswith(
        "1935”, Example Edition.")
    ours = html.fromstring(render(SAMPLE, "html")).get_element_by_id("citation").text_content()
    assert "Wilson Center Digital Archive" in ours  # from our own header's publisher


def test_text_lists_show_each_marker_once(tmp_path):
    """The converter keeps a list's markers in its items ("1. Trade"); a list without them
    (TEI from elsewhere) is numbered or bulleted by the renderer."""
    from tei import convert_bytes
    source = ("March 3, 1956\n\n**Memorandum of a Conversation**\n\nThe points were:\n\n1. Trade\n2. Aid\n\n"
              "a) one\nb) two\n\n- dash one\n- dash two\n\nEnd of the memo here.\n")
    data, _ = convert_bytes(source, "lists.txt")
    converted = tmp_path / "lists.xml"
    converted.write_bytes(data)
    lines = [line.strip() for line in render(converted, "txt").decode().splitlines()]
    for item in ("1. Trade", "2. Aid", "a) one", "b) two", "- dash one", "- dash two"):
        assert item in lines
    bare = tmp_path / "bare.xml"
    bare.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                    '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
                    '</teiHeader><text><body><list type="numbered"><item>Trade</item><item>1990 was hard</item>'
                    '</list><list><item>point</item></list></body></text></TEI>', encoding="utf-8")
    lines = [line.strip() for line in render(bare, "txt").decode().splitlines()]
    assert {"1. Trade", "2. 1990 was hard", "- point"} <= set(lines)


def test_html_lists_whose_items_carry_their_markers_add_none(tmp_path):
    """"1. Trade" in an <ol> would read "1. 1. Trade": such a list is drawn without its own markers;
    a list whose items have none keeps the browser's numbers and bullets."""
    from tei import convert_bytes
    source = ("March 3, 1956\n\n**Memorandum of a Conversation**\n\nThe points were:\n\n1. Trade\n2. Aid\n\n"
              "End of the memo here.\n")
    data, _ = convert_bytes(source, "lists.txt")
    converted = tmp_path / "lists.xml"
    converted.write_bytes(data)
    page = html.fromstring(render(converted, "html"))
    [listed] = page.xpath("//*[contains(concat(' ', @class, ' '), ' tei-list ')]")
    assert "marked" in listed.get("class").split() and listed.xpath("string(li[1])").startswith("1. Trade")
    bare = tmp_path / "bare.xml"
    bare.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                    '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
                    '</teiHeader><text><body><list type="numbered"><item>Trade</item></list></body></text></TEI>',
                    encoding="utf-8")
    [listed] = html.fromstring(render(bare, "html")).xpath("//ol")
    assert "marked" not in listed.get("class").split()
    css = (ROOT / "xslt" / "edition.css").read_text(encoding="utf-8")
    assert ".tei-list.marked { list-style: none;" in css
