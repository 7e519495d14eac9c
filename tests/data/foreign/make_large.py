"""Large files like the real ones that once took minutes to render (issue 16): a DTA volume of
4 MB and a FRUS volume of 2 MB, made at any size from files of this corpus, for bench/large_files.py
and tests/test_linear_time.py.

- DTA-like: the body divisions of `projects/dta-kant-kritik-1781.xml` (DTA base format: `lb`,
  `pb`, `fw`, `choice`, `hi`, long s) repeated, each copy's ids made its own, until the size asked.
- FRUS-like: `frus-telegram.xml`'s header and back matter around documents like its telegram, each
  with a source note and footnotes numbered through the volume (1,100 and more at 2 MB, as in the
  monograph whose `note-number` once recounted every note), names, dates, and now and then a table
  and a page break.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
DTA_SOURCE = HERE / "projects" / "dta-kant-kritik-1781.xml"
FRUS_SOURCE = HERE / "frus-telegram.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _grow(root, container, units, target_bytes: int) -> bytes:
    """`root` with copies of `units` appended to `container` until it serialises to at least
    `target_bytes`; each copy's ids (and the pointers at them) get the copy's number."""
    unit_bytes = sum(len(etree.tostring(unit, encoding="UTF-8")) for unit in units) or 1
    number = 0
    while number == 0 or len(etree.tostring(root, encoding="UTF-8")) < target_bytes:
        copies = max(1, -(-(target_bytes - len(etree.tostring(root, encoding="UTF-8"))) // unit_bytes))
        number = _add_copies(container, units, number, copies)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _add_copies(container, units, done: int, copies: int) -> int:
    for number in range(done + 1, done + copies + 1):
        for unit in units:
            twin = copy.deepcopy(unit)
            for element in twin.iter():
                if element.get(XML_ID):
                    element.set(XML_ID, f"{element.get(XML_ID)}-c{number}")
                for name in ("target", "facs"):
                    value = element.get(name)
                    if value and value.startswith("#"):
                        element.set(name, f"{value}-c{number}")
            container.append(twin)
    return done + copies


def dta_like(target_bytes: int) -> bytes:
    """A DTA base-format volume of at least `target_bytes`."""
    root = etree.parse(str(DTA_SOURCE)).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    units = list(body)
    for unit in units:
        body.remove(unit)
    return _grow(root, body, units, target_bytes)


def _frus_document(number: int, first_note: int) -> tuple[str, int]:
    """One document of the volume and the number of its last note."""
    notes = []
    for k in range(4):
        n = first_note + k
        notes.append(f'<note n="{n}" xml:id="d{number}fn{n}">Telegram {58000 + n} informed the Embassy of the '
                     f"talks of {1969 + number % 4}; the Department's reply, drafted by the country director "
                     f"and cleared with the Bureau, is ibid., POL 33-6 KOR N-US, page {n}.</note>")
    table = ("" if number % 5 else
             "<table><row role=\"label\"><cell>Item</cell><cell>FY 1970</cell><cell>FY 1971</cell><cell>FY 1972</cell></row>"
             + "".join(f"<row><cell>Line {r}</cell><cell>{r * 13}</cell><cell>{r * 17}</cell><cell>{r * 19}</cell></row>"
                       for r in range(1, 7)) + "</table>")
    page = f'<pb n="{number // 3 + 1}"/>' if number % 3 == 0 else ""
    text = (f'<div type="document" n="{number}" xml:id="d{number}">{page}'
            f"<head>{number}. Telegram From the Embassy in Korea to the Department of State{notes[0]}</head>"
            f'<opener><dateline><placeName>Seoul</placeName>, <date when="1969-04-16">April 16, 1969</date>, 0930Z.'
            "</dateline></opener>"
            f"<p>{1900 + number}. Subj: Talks with the Government. I saw President <persName>Park Chung Hee</persName> "
            "at 0830 this morning and we went over the points of the Department's instructions one by one; he "
            f"listened closely and asked that they be put in writing.{notes[1]}</p>"
            f"<p>1. He said that <persName>Kim Il-sung</persName> had chosen the moment carefully, and compared it "
            f"with the <placeName>Pueblo</placeName> affair of January 1968.{notes[2]} I replied that I had no "
            "instructions beyond the telegram of yesterday, and that the Department would answer shortly.</p>"
            f"{table}<p>2. Park asked that the United States <q>not let this pass</q>.{notes[3]}</p>"
            '<closer><signed><persName><hi rend="strong">Porter</hi></persName></signed></closer></div>')
    return text, first_note + 3


def frus_like(target_bytes: int) -> bytes:
    """A FRUS volume of at least `target_bytes`, its footnotes numbered through the volume."""
    root = etree.parse(str(FRUS_SOURCE)).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    for div in list(body):
        body.remove(div)
    size, number, note = len(etree.tostring(root, encoding="UTF-8")), 0, 0
    while size < target_bytes:
        number += 1
        text, note = _frus_document(number, note + 1)
        div = etree.fromstring(f'<wrap xmlns="http://www.tei-c.org/ns/1.0">{text}</wrap>')[0]
        body.append(div)
        size += len(text.encode("utf-8"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
