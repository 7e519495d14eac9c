"""The parts of an archival source citation between its commas: a date written with a comma
(`September 23, 1978`) is one part, never a year left as a signature."""

from __future__ import annotations

import pytest

from helpers import converted, xpath
from tei.convert.readers.metadata import _split_commas, parse_archival


@pytest.mark.parametrize("text, part", [
    ("AMFA, Memorandum of September 23, 1978, f. 5, op. 2", "Memorandum of September 23, 1978"),
    ("AVPRF, f. 0102, Record of conversation, Saturday, September 23, 1978, l. 3", "Saturday, September 23, 1978"),
    ("National Archives, RG 59, telegram of Sept. 23rd, 1978", "telegram of Sept. 23rd, 1978"),
    ("PRC FMA 118-01082-04, Cable of October 1, 1950", "Cable of October 1, 1950"),
])
def test_a_date_with_a_comma_is_one_part(text, part):
    assert part in _split_commas(text)


def test_the_year_of_a_date_is_no_signature():
    source = parse_archival("Archive of the Ministry of Foreign Affairs, Memorandum of September 23, 1978, f. 5, op. 2")
    assert source.idno == "f. 5, op. 2" and source.collection == ["Memorandum of September 23, 1978"]


@pytest.mark.parametrize("text, parts", [
    ("RGASPI, f. 558, op. 11, d. 109", ["RGASPI", "f. 558", "op. 11", "d. 109"]),
    ("Archive, May 1978, folder 3", ["Archive", "May 1978", "folder 3"]),
    ("Archive, box 23, 1978 files", ["Archive", "box 23", "1978 files"]),
])
def test_other_commas_still_part_a_citation(text, parts):
    assert _split_commas(text) == parts


def test_a_converted_citation_keeps_the_date_in_its_collection():
    text = ("**Memorandum of a Conversation**\n\nCitation:\n\n"
            '"Memorandum of a Conversation", May 7, 1978, Wilson Center Digital Archive, Archive of the '
            "Ministry of Foreign Affairs, Memorandum of September 23, 1978, f. 5, op. 2.\n\n"
            "Summary:\n\nThe two sides met.\n\nThe two sides met and talked about the harvest.\n")
    root = converted(text)
    assert xpath(root, "//t:msIdentifier/t:idno/text()") == ["f. 5, op. 2"]
    assert xpath(root, "//t:msIdentifier/t:collection/text()") == ["Memorandum of September 23, 1978"]
