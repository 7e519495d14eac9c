"""Tables of the text output drawn as grids, as pandoc's plain writer draws its grid tables.

xslt/text/core.xsl writes a table's rows and cells between markers (noncharacters, which no text
uses; never output); this module lays each table out: every column as wide as its widest cell,
narrowed and the cells' lines wrapped when the table would be wider than the text; a cell spanning
columns (@cols) or rows (@rows, the rows below left blank in its columns); a label row
(row/@role="label") ruled off with "=". Spans are clamped to the table, as in the HTML: a span
of 100,000 columns in a table of three reaches to its last column. Rows with fewer cells than the
table has columns are filled with blank cells. The grid's spaces are no-break spaces, so the
wrapping that follows keeps its lines as they are.

Widths are display columns (wcwidth), not characters: a Chinese or Japanese character takes two, a
combining accent none, so the rules line up under the text as a terminal or a monospaced font
shows it. Words are broken at spaces only, except a word of wide characters, which breaks where
Unicode's line breaking allows (between ideographs, never before a closing mark), as it is written
without spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import wcwidth

TABLE_START = "\ufdd1"
TABLE_END = "\ufdd2"
ROW_START = "\ufdd3"
LABEL_ROW_START = "\ufdd4"
CELL_START = "\ufdd5"
CELL_FIELD = "\ufdd6"
#: written by xslt/text/core.xsl where a line's text starts after its margin: the columns before it
#: are the indent of the line's continuation lines (tei.render.plaintext wraps them so); a cell's
#: lines do not wrap under a margin, so inside a table it is left out
CONTINUATION_INDENT = "\ufdd0"

_TABLE = re.compile(f"{TABLE_START}([^{TABLE_END}]*){TABLE_END}?")
_ROWS = re.compile(f"([{ROW_START}{LABEL_ROW_START}])")
_MARKERS = re.compile(f"[{CONTINUATION_INDENT}{TABLE_START}{TABLE_END}{ROW_START}{LABEL_ROW_START}{CELL_START}{CELL_FIELD}]")
_TABLE_MARKERS = re.compile(f"[{TABLE_START}{TABLE_END}{ROW_START}{LABEL_ROW_START}{CELL_START}{CELL_FIELD}]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
#: a span as the stylesheet passes it on (normalize-space(@cols)): a whole number, maybe with decimals
_SPAN = re.compile(r"(\d+)(?:\.\d*)?")


@dataclass
class _Cell:
    lines: list[str]
    cols: int = 1
    rows: int = 1
    top: int = 0
    left: int = 0
    wrapped: list[str] = field(default_factory=list)


def _width(text: str) -> int:
    """The columns `text` takes on a terminal or in a monospaced font."""
    return wcwidth.width(text)


def has_wide(text: str) -> bool:
    """Whether `text` has letters or signs two columns wide (Chinese, Japanese, Korean, ...); a wide
    space (U+3000) alone does not make a line of them, it is wrapped at as any space."""
    return not text.isascii() and any(wcwidth.wcwidth(char) == 2 for char in set(text)
                                      if not char.isascii() and not char.isspace())


def _pieces(word: str) -> list[str]:
    """The parts a word may be broken into: itself, or for a word with wide characters (written
    without spaces) the parts between its line-break opportunities."""
    if not has_wide(word):
        return [word]
    return wcwidth.wrap(word, 1, break_long_words=False, break_on_hyphens=False) or [word]


def wrap_columns(line: str, width: int) -> list[str]:
    """`line` in lines of at most `width` columns, broken at spaces (a longer word stands alone)."""
    lines: list[str] = []
    current, used = "", 0
    for word in line.split(" "):
        for index, piece in enumerate(_pieces(word) if _width(word) > width else [word]):
            size = _width(piece)
            glue = " " if current and index == 0 else ""
            if current and used + len(glue) + size > width:
                lines.append(current)
                current, used, glue = "", 0, ""
            current, used = current + glue + piece, used + len(glue) + size
    if current:
        lines.append(current)
    return lines


def _ljust(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _span(value: str) -> int:
    """A span of 1 or more; one not a number is 1, one of more digits than any table has columns is huge."""
    match = _SPAN.fullmatch(value)
    if not match:
        return 1
    digits = match.group(1)
    return max(1, int(digits)) if len(digits) <= 9 else 10 ** 9


def _cell_lines(text: str) -> list[str]:
    """The cell's lines of text, spaces collapsed and empty lines left out."""
    lines = (_SPACES.sub(" ", line).strip(" ") for line in _MARKERS.sub("", text).split("\n"))
    return [line for line in lines if line]


def _parse_cell(piece: str) -> _Cell:
    cols, sep, rest = piece.partition(CELL_FIELD)
    rows, sep2, text = rest.partition(CELL_FIELD)
    if not (sep and sep2):  # not written by the stylesheet: all text
        return _Cell(_cell_lines(piece))
    return _Cell(_cell_lines(text), _span(cols), _span(rows))


def _loose_cell(text: str) -> list[_Cell]:
    """Text outside any cell as a cell of its own, none where it has no lines of text."""
    lines = _cell_lines(text)
    return [_Cell(lines)] if lines else []


def _parse(body: str) -> list[tuple[bool, list[_Cell]]]:
    """The table's rows, each (whether a label row, its cells); text outside any row or cell is a cell."""
    pieces = _ROWS.split(body)
    rows = []
    if loose := _loose_cell(pieces[0]):
        rows.append((False, loose))
    for marker, content in zip(pieces[1::2], pieces[2::2]):
        before, *cells = content.split(CELL_START)
        rows.append((marker == LABEL_ROW_START, _loose_cell(before) + [_parse_cell(cell) for cell in cells]))
    return rows


def _place(rows: list[list[_Cell]]) -> tuple[list[list[_Cell | None]], int]:
    """Each row's columns, by the cell that covers them (None: none does), and the number of columns."""
    most_cells = max(len(cells) for cells in rows)
    columns = max(sum(min(cell.cols, most_cells) for cell in cells) for cells in rows)
    taken: list[dict[int, _Cell]] = [{} for _ in rows]
    for top, cells in enumerate(rows):
        left = 0
        for cell in cells:
            while left in taken[top]:
                left += 1
            cell.cols, cell.rows = min(cell.cols, max(columns - left, 1)), min(cell.rows, len(rows) - top)
            cell.top, cell.left = top, left
            for row in range(top, top + cell.rows):
                for column in range(left, left + cell.cols):
                    taken[row][column] = cell
            left += cell.cols
    width = max((max(row) + 1 for row in taken if row), default=0)
    return [[row.get(column) for column in range(width)] for row in taken], width


def _spread(widths: list[int], cells: list[_Cell], need) -> None:
    """Widen the columns under each spanning cell until `need(cell)` fits across them."""
    for cell in sorted(cells, key=lambda cell: cell.cols):
        have = sum(widths[cell.left:cell.left + cell.cols]) + 3 * (cell.cols - 1)
        short = need(cell) - have
        for step in range(max(short, 0)):
            widths[cell.left + step % cell.cols] += 1


def _column_widths(cells: list[_Cell], columns: int, width: int) -> list[int]:
    """Each column as wide as its widest line, or narrower where the table is wider than `width`
    (never narrower than its longest word, which is not broken, or its widest piece)."""
    def longest_line(cell):
        return max((_width(line) for line in cell.lines), default=0)

    def longest_word(cell):
        return max((_width(piece) for line in cell.lines for word in line.split(" ") for piece in _pieces(word)),
                   default=0)

    natural, least = [1] * columns, [1] * columns
    for cell in cells:
        if cell.cols == 1:
            natural[cell.left] = max(natural[cell.left], longest_line(cell))
            least[cell.left] = max(least[cell.left], longest_word(cell))
    spanning = [cell for cell in cells if cell.cols > 1]
    _spread(natural, spanning, longest_line)
    _spread(least, spanning, longest_word)
    room = width - 3 * columns - 1
    if sum(natural) <= room:
        return natural
    widths = [max(a, b) for a, b in zip(least, [1] * columns)]
    for _ in range(max(room - sum(widths), 0)):  # the room left goes to the columns cut the most
        short, column = max((natural[c] - widths[c], c) for c in range(columns))
        if short <= 0:
            break
        widths[column] += 1
    return widths


def _draw(rows: list[tuple[bool, list[_Cell]]], width: int) -> list[str]:
    grid, columns = _place([cells for _, cells in rows])
    if not columns:
        return []
    cells = [cell for _, row in rows for cell in row]
    widths = _column_widths(cells, columns, width)

    def across(cell):
        return sum(widths[cell.left:cell.left + cell.cols]) + 3 * (cell.cols - 1)

    for cell in cells:
        cell.wrapped = [part for line in cell.lines for part in wrap_columns(line, across(cell))]
    heights = [1] * len(rows)
    for cell in sorted(cells, key=lambda cell: cell.rows):
        bottom = cell.top + cell.rows - 1
        have = sum(heights[cell.top:bottom + 1]) + cell.rows - 1
        heights[bottom] += max(len(cell.wrapped) - have, 0)
    starts = [0]
    for height in heights:
        starts.append(starts[-1] + height + 1)  # a row's lines, then the rule below it

    def text(cell, line: int) -> str:
        wrapped = cell.wrapped
        at = line - starts[cell.top]
        return " " + _ljust(wrapped[at] if at < len(wrapped) else "", across(cell)) + " "

    def edge(row: int, boundary: int) -> bool:
        """Whether a line parts the columns either side of `boundary` in `row`."""
        if not 0 <= row < len(grid):
            return False
        if boundary in (0, columns):
            return True
        left, right = grid[row][boundary - 1], grid[row][boundary]
        return left is None or left is not right

    def content(row: int, line: int) -> str:
        parts, column = [], 0
        while column < columns:
            cell = grid[row][column]
            parts.append(text(cell, line) if cell else " " * (widths[column] + 2))
            column += cell.cols if cell else 1
        return "|" + "|".join(parts) + "|"

    def rule(above: int, fill: str) -> str:
        """The line below row `above`: a rule, broken where a cell spans the rows either side."""
        below, line = above + 1, starts[above + 1] - 1
        out, column, was_on = [], 0, False
        while column < columns:
            cell = grid[above][column] if 0 <= above and below < len(grid) else None
            on = cell is not None and grid[below][column] is cell
            if on and (was_on or column == 0):
                out.append("|")
            elif column == 0:
                out.append("+")
            else:
                out.append("+" if was_on or edge(above, column) or edge(below, column) else fill)
            out.append(text(cell, line) if on else fill * (widths[column] + 2))
            column, was_on = column + (cell.cols if on else 1), on
        out.append("|" if was_on else "+")
        return "".join(out)

    lines = [rule(-1, "-")]
    for row, (label, _) in enumerate(rows):
        lines.extend(content(row, starts[row] + line) for line in range(heights[row]))
        last = row == len(rows) - 1
        under_label = label and not last and not rows[row + 1][0]
        lines.append(rule(row, "=" if under_label else "-"))
    return lines


def lay_out_tables(raw: str, width: int) -> str:
    """`raw` with each table between its markers drawn as a grid of lines no wider than `width`
    (unless its longest words are), its spaces no-break spaces."""
    def table(match: re.Match) -> str:
        rows = _parse(match.group(1))
        lines = _draw(rows, width) if rows else []
        return "\n".join(line.replace(" ", "\u00a0") for line in lines) + "\n"
    if not _TABLE_MARKERS.search(raw):
        return raw
    return _TABLE_MARKERS.sub("", _TABLE.sub(table, raw))
