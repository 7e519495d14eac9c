"""A place and a date written year first, as Hungarian writes it (`Budapest, 1957. március 3.`), is a
dateline that holds its date. Small synthetic inputs."""

from __future__ import annotations

import pytest

from helpers import converted, xpath


HEAD = "March 3, 1957\n\n**Report on the talks**\n\nThe talks went well and ended in agreement.\n\n"


def _convert(tail: str):
    return converted(HEAD + tail)


_x = xpath


@pytest.mark.parametrize("date", ["1957. március 3.", "1957. március 3"])
def test_a_year_first_place_and_date_after_the_signature_is_the_closers_dateline(date):
    root = _convert(f"[signature]\nJános Kovács\n\nBudapest, {date}\n")
    datelines = _x(root, "//t:closer/t:dateline")
    assert len(datelines) == 1 and datelines[0].xpath("string()") == f"Budapest, {date}"
    assert [(d.get("when"), d.text) for d in _x(datelines[0], "t:date")] == [("1957-03-03", date)]
    assert _x(root, "//t:closer/t:signed")


@pytest.mark.parametrize("line", [
    "Budapest, 1957. listopad 3.",  # a month name two languages give different months
    "Budapest, 1957. március",  # no day
    "Budapest, 1957. március 3. The talks began.",  # a sentence
])
def test_a_year_first_line_that_is_not_one_whole_day_stays_text(line):
    root = _convert(line + "\n")
    assert not _x(root, "//t:dateline")
