"""Inputs the fuzzers in fuzz/ found crashing (tests/data/fuzz/), kept so each bug stays fixed."""

from __future__ import annotations


import pytest
from lxml import etree

from tei import convert_bytes
from tei.core.errors import TeiEditionError
from conftest import DATA

FOUND = DATA / "fuzz"


@pytest.mark.parametrize("path", sorted(FOUND.glob("reader-*")), ids=lambda p: p.name)
def test_reader_crash_stays_fixed(path):
    try:
        tei, _ = convert_bytes(path.read_bytes(), path.name)
    except TeiEditionError:
        return
    etree.fromstring(tei)  # well-formed: no duplicate xml:id either


def test_two_spellings_of_one_speaker_get_two_ids():
    text = "May 4, 1988\n\nA conversation\n\nKim Yong-nam: Yes.\n\nKim  Yong-nam: No.\n"
    root = etree.fromstring(convert_bytes(text.encode(), "sp.txt")[0])
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    assert {"#" + i for i in ids} >= set(root.xpath("//*/@who"))
