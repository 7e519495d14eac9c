"""CSV cells that a spreadsheet shows as text: the catalogue and the review list both write them."""

from __future__ import annotations

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"; NUL
#: from OWASP ASVS 1.2.10). A line feed is added: some spreadsheets drop it and read what follows.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def spreadsheet_safe(cell: str) -> str:
    """The cell with a single quote in front when it starts like a formula (`=HYPERLINK(...)`,
    `@SUM(...)`, `+1`, `-1`, also after spaces), so that a spreadsheet opening the catalogue shows
    it as text and never runs it."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) or cell.lstrip().startswith(FORMULA_TRIGGERS) else cell
