"""A dateline's date set off by a dash each side (`- April 5 1972 -`), and a date without the comma
after its day (`April 5 1972`): read as dates, the dashes outside the `date`."""

from __future__ import annotations

import pytest

from helpers import converted, xpath
from tei.convert.readers.dates import find_dates, parse_date

HEAD = "**Memorandum of a Conversation**\n\n"
BODY = "\n\nThe two delegations met and spoke about the harvest of the year.\n"


@pytest.mark.parametrize("line", [
    "- April 5 1972 -", "– April 5, 1972 –", "— 5 April 1972 —", "-April 5 1972-", "--  April 5, 1972  --",
    "April 5 1972", "April 5, 1972"])
def test_a_date_between_dashes_or_without_its_comma_is_read(line):
    date = parse_date(line)
    assert date is not None and date.when == "1972-04-05"


@pytest.mark.parametrize("line, before, after", [
    ("- April 5 1972 -", "- ", " -"),
    ("– April 5, 1972 –", "– ", " –"),
    ("—5 April 1972—", "—", "—"),
])
def test_the_dashes_of_a_dateline_stand_outside_its_date(line, before, after):
    root = converted(HEAD + line + BODY)
    (dateline,) = xpath(root, "//t:text//t:dateline")
    (date,) = xpath(dateline, "t:date")
    assert (dateline.text, date.get("when"), date.tail) == (before, "1972-04-05", after)
    assert "".join(dateline.itertext()) == line


def test_a_date_without_a_comma_in_running_text():
    (found,) = find_dates("The meeting on April 5 1972 was held in Moscow.")
    assert found[2].when == "1972-04-05" and found[2].text == "April 5 1972"


@pytest.mark.parametrize("line", ["- 2 -", "– 12 –", "- the talks -"])
def test_a_page_number_or_words_between_dashes_are_no_date(line):
    assert parse_date(line) is None
