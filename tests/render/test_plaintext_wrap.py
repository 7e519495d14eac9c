"""The text output's line wrapping keeps textwrap's results exactly: no-break spaces, other spaces,
words longer than a line, at every width."""

from __future__ import annotations

import random
import re
import textwrap

import pytest
import wcwidth
from conftest import DATA

from lxml import etree

from tei.render import render
from tei.render.plaintext import _SPACES, CONTINUATION_INDENT, _wrap_line, wrap_text
from tei.render.texttable import CELL_START, ROW_START, TABLE_END, TABLE_START, lay_out_tables

PIECES = ["a", "é", "-", ".", "word", "x" * 9, "y" * 80, " ", " ", " ", "\u00a0", "\u00a0 ", "\u2003", "\u3000",
          "\x1c", "\x85", "\u2028", "\t", "zz\x1f"]


def _textwrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False)


@pytest.mark.parametrize("width", [1, 3, 10, 40, 72])
def test_lines_wrap_as_textwrap_wraps_them(width):
    rng = random.Random(width)
    for _ in range(3000):
        line = _SPACES.sub(" ", "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))).strip(" ")
        assert _wrap_line(line, width) == _textwrap(line, width), repr(line)


def test_a_word_longer_than_the_line_stands_alone_and_is_not_broken():
    assert _wrap_line("aa " + "b" * 12 + " cc dd", 8) == ["aa", "b" * 12, "cc dd"]


def test_no_break_spaces_are_kept_and_never_broken_at():
    text = wrap_text("\u00a0\u00a0Indented " + "word " * 30 + "\u00a0end\u00a0of\u00a0line", 20)
    lines = text.splitlines()
    assert lines[0].startswith("  Indented") and lines[-1].endswith("end of line")
    assert all(len(line) <= 20 for line in lines)


def test_a_paragraph_of_ideographs_wraps_between_them_in_display_columns():
    """Chinese is written without spaces and each character takes two columns: a paragraph of it is
    wrapped between the characters, never before a closing mark, within the width as shown."""
    sentence = "中华人民共和国外交部档案馆。" * 6
    text = wrap_text(f"{sentence}\nZhou Enlai 周恩来 said: 「好。」 " + "word " * 12, 20)
    lines = text.splitlines()
    assert all(wcwidth.width(line) <= 20 for line in lines) and len(lines) > 6
    assert not any(line.startswith(("。", "」")) for line in lines)
    assert "".join(lines[:lines.index("档案馆。")]) + "档案馆。" == sentence


@pytest.mark.parametrize("width", [4, 11, 72])
def test_text_with_ideographs_keeps_every_character_and_fits_the_width(width):
    pieces = ["中", "国", "。", "」", "「", "한국", "word", "x" * 14, " ", " ", "\u3000", "é", "\n"]
    rng = random.Random(width)
    for _ in range(500):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        text = wrap_text(raw, width)
        assert "".join(text.split()) == "".join(raw.split()), repr(raw)
        assert all(wcwidth.width(line) <= width or " " not in line for line in text.splitlines()), repr(raw)


def _wrapped_line_by_line(raw: str, width: int) -> str:
    """What wrap_text makes, each line of `raw` wrapped by textwrap."""
    lines = []
    for line in raw.split("\n"):
        line = _SPACES.sub(" ", line).strip(" ")
        lines.extend(part.replace("\u00a0", " ").rstrip() for part in _textwrap(line, width) or [""])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


@pytest.mark.parametrize("width", [1, 10, 72])
@pytest.mark.parametrize("spaces", ["only ' '", "any"])
def test_texts_wrap_as_their_lines_wrapped_one_by_one(width, spaces):
    """Text whose only spaces are " " is wrapped over the whole text at once, other text line by line."""
    pieces = PIECES + ["\n", "\n\n\n", " \n ", "\n \n"]
    if spaces != "any":
        pieces = [piece for piece in pieces if not re.search(r"[^\S \n]", piece)]
    rng = random.Random(width)
    for _ in range(2000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        assert wrap_text(raw, width) == _wrapped_line_by_line(raw, width), repr(raw)


def test_a_line_with_a_margin_goes_on_under_its_text():
    """CONTINUATION_INDENT (after a verse line's margin) indents the continuation lines as far as the
    text starts, the space after the margin included; the first line and a line that fits are unchanged."""
    margin = "\u00a0\u00a012\u00a0\u00a0" + CONTINUATION_INDENT
    assert wrap_text(margin + "one two three four five six", 14) == "  12  one two\n      three\n      four\n      five six\n"
    assert wrap_text(margin + " one two three", 14) == "  12   one two\n       three\n"
    assert wrap_text(margin + "one two", 14) == "  12  one two\n"
    assert wrap_text("x " + margin + "one two", 6) == "x\n  12  one\ntwo\n"  # no room left beside the margin


# ---------------------------------------------------------------- tables, drawn as grids

def _table(tmp_path, rows: str, width: int = 72, head: str = "") -> list[str]:
    """The grid lines of a table of `rows` (TEI row elements) in the text output."""
    path = tmp_path / "table.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                    "</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>"
                    f"</fileDesc></teiHeader><text><body><p>Before.</p><table>{head}{rows}</table><p>After.</p>"
                    "</body></text></TEI>", encoding="utf-8")
    text = render(path, "txt", params={"text-width": str(width)}).decode()
    assert not re.search("[\ufdd0-\ufdef]", text)
    body = text[text.index("Before.\n"):text.index("\nAfter.")].splitlines()
    return [line for line in body[1:] if line]


def test_a_table_is_a_grid_of_columns_as_wide_as_their_widest_cell_with_its_label_row_ruled_off(tmp_path):
    rows = ('<row role="label"><cell>Year</cell><cell>Exports</cell></row>'
            "<row><cell>1971</cell><cell>252.3</cell></row><row><cell>1977 (est.)</cell><cell>9</cell></row>")
    assert _table(tmp_path, rows, head="<head>Table 1. Trade</head>") == [
        "Table 1. Trade",
        "+-------------+---------+",
        "| Year        | Exports |",
        "+=============+=========+",
        "| 1971        | 252.3   |",
        "+-------------+---------+",
        "| 1977 (est.) | 9       |",
        "+-------------+---------+"]


def test_a_cell_spans_its_columns_and_its_rows(tmp_path):
    rows = ('<row><cell rows="2">both rows</cell><cell>b1</cell><cell>c1</cell></row>'
            '<row><cell>b2</cell><cell>c2</cell></row><row><cell>a3</cell><cell cols="2">across two</cell></row>')
    assert _table(tmp_path, rows) == [
        "+-----------+------+-----+",
        "| both rows | b1   | c1  |",
        "|           +------+-----+",
        "|           | b2   | c2  |",
        "+-----------+------+-----+",
        "| a3        | across two |",
        "+-----------+------------+"]


def test_ragged_rows_are_filled_with_blank_cells_and_absurd_spans_clamped_to_the_table(tmp_path):
    """Other projects' tables: no label row, rows of unequal length, spans far past the table."""
    rows = ('<row><cell>a</cell><cell>b</cell><cell>c</cell></row><row><cell>only</cell></row>'
            '<row><cell cols="100000">wide</cell></row><row><cell rows="99999">r</cell><cell cols="x">y</cell></row>')
    assert _table(tmp_path, rows) == [
        "+------+---+---+",
        "| a    | b | c |",
        "+------+---+---+",
        "| only |   |   |",
        "+------+---+---+",
        "| wide         |",
        "+------+---+---+",
        "| r    | y |   |",
        "+------+---+---+"]


def test_text_outside_the_cells_is_a_cell_of_its_own_and_blank_text_none():
    """Text before a table's first row, or before a row's first cell, is a cell; spaces and line
    breaks there add no cell."""
    raw = (f"{TABLE_START}caption\n{ROW_START}  lead  {CELL_START}a{CELL_START}b"
           f"{ROW_START} \n {CELL_START}c{CELL_START}d{TABLE_END}")
    assert lay_out_tables(raw, 72).replace("\u00a0", " ").splitlines() == [
        "+---------+---+---+",
        "| caption |   |   |",
        "+---------+---+---+",
        "| lead    | a | b |",
        "+---------+---+---+",
        "| c       | d |   |",
        "+---------+---+---+"]


def test_a_table_wider_than_the_text_wraps_its_cells_and_keeps_every_word(tmp_path):
    words = "the quick brown fox jumps over the lazy dog again and again".split()
    rows = "".join("<row>" + "".join(f"<cell>{' '.join(words[c:c + 6])} r{r}c{c}</cell>" for c in range(4)) + "</row>"
                   for r in range(3))
    lines = _table(tmp_path, rows, width=50)
    assert all(len(line) <= 50 for line in lines) and len(lines) > 3 * 2 + 1
    assert len({line.index("|", 1) for line in lines if line.startswith("|")}) == 1  # the columns line up
    assert len({len(line) for line in lines}) == 1
    written = [word for line in lines if line.startswith("|") for word in line.replace("|", " ").split()]
    assert sorted(written) == sorted(word for r in range(3) for c in range(4)
                                     for word in f"{' '.join(words[c:c + 6])} r{r}c{c}".split())


def test_a_table_of_wide_characters_lines_up_in_display_columns(tmp_path):
    """A Chinese character takes two columns of a terminal, a combining accent none: the rules stand
    where the text ends as it is shown, and a cell of ideographs (no spaces) wraps between them."""
    rows = ('<row role="label"><cell>地点</cell><cell>Name</cell></row>'
            "<row><cell>北京</cell><cell>Zhou Enlai 周恩来</cell></row><row><cell>Orleans</cell><cell>Ame\u0301lie</cell></row>")
    assert _table(tmp_path, rows) == [
        "+---------+-------------------+",
        "| 地点    | Name              |",
        "+=========+===================+",
        "| 北京    | Zhou Enlai 周恩来 |",
        "+---------+-------------------+",
        "| Orleans | Ame\u0301lie            |",
        "+---------+-------------------+"]
    narrow = _table(tmp_path, "<row><cell>中华人民共和国外交部档案馆。</cell><cell>x</cell></row>", width=16)
    assert narrow[1:-1] == ["| 中华人民 | x |", "| 共和国外 |   |", "| 交部档案 |   |", "| 馆。     |   |"]
    assert {wcwidth.width(line) for line in narrow} == {16}


@pytest.mark.parametrize("path", [DATA / "foreign" / "table-report.xml",
                                  DATA / "foreign" / "projects" / "tei-stylesheets-test20.xml",
                                  DATA.parent / "hostile" / "xml" / "huge-colspan.xml"], ids=lambda path: path.name)
def test_every_word_of_every_cell_is_in_the_text(path):
    cells = [" ".join("".join(cell.itertext()).split()) for cell in etree.parse(str(path)).iter("{*}cell")]
    text = " ".join(render(path, "txt").decode().replace("|", " ").split())
    assert [cell for cell in cells if any(word not in text for word in cell.split())] == []
