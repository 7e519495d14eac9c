"""Name cards: what the edition's registers say of each person, place and organisation that a
reading edition links to its index (role, dates, note, authority), for the card that opens on a
name in the text. Everything comes from the registers at build time: a page needs no network."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree

from ..core.registers import ENTRY_TAGS, Registers
from ..core.tei import T, XML_ID, text_of

#: the site's index pages and anchors (browse/person.html#person-ID), as tei.site.build names them
INDEX_PREFIX = {"person": "person", "place": "place", "org": "org"}
KIND_LABEL = {"person": "Person", "place": "Place", "org": "Organisation"}
#: a name in a reading edition that links to the site's index: ../browse/person.html#person-stalin
INDEX_LINK = re.compile(r'href="\.\./browse/(person|place|org)\.html#((?:person|place|org)-[^"]+)"')


@dataclass(frozen=True)
class Card:
    anchor: str
    name: str
    role: str
    dates: str
    note: str
    authority: str
    #: the index's sort key: the surname first where the register gives one
    sort_key: str

    def as_json(self) -> dict:
        return {"name": self.name, "role": self.role, "dates": self.dates, "note": self.note,
                "authority": self.authority}


def _year_of(element: etree._Element | None) -> str:
    if element is None:
        return ""
    when = element.get("when") or element.get("notBefore") or element.get("from") or text_of(element)
    match = re.match(r"-?\d{3,4}", when or "")
    if not match:
        return ""
    year = match.group(0).lstrip("0") or "0"
    uncertain = element.get("cert") in ("low", "medium") or element.get("precision") == "low"
    return f"c. {year}" if uncertain else year


def _dates(element: etree._Element) -> str:
    """"1878–1953", "born 1912", "died 1953", or a floruit/existence span; "" when none is recorded."""
    birth = _year_of(element.find(T + "birth"))
    death = _year_of(element.find(T + "death"))
    if birth and death:
        return f"{birth}–{death}"
    if birth:
        return f"born {birth}"
    if death:
        return f"died {death}"
    floruit = element.find(T + "floruit")
    if floruit is not None and (floruit.get("from") or floruit.get("to")):
        return f"active {_year_of(floruit)}–{(floruit.get('to') or '')[:4]}".rstrip("–")
    return ""


def register_cards(registers: Registers) -> dict[str, Card]:
    """Index anchor (person-stalin) -> the entry's card, for every entry of the registers."""
    cards: dict[str, Card] = {}
    for _path, tree in registers.files:
        for element in tree.getroot().iter(*ENTRY_TAGS):
            ident = element.get(XML_ID)
            entry = registers.entries.get(ident or "")
            if entry is None:
                continue
            anchor = f"{INDEX_PREFIX[entry.kind]}-{ident}"
            if anchor in cards:
                continue
            main = next((n for n in element if isinstance(n.tag, str) and n.tag.endswith("Name")
                         and n.get("type") in ("main", "reg", "preferred")), None)
            surname = main.findtext(T + "surname") if main is not None else None
            role = KIND_LABEL[entry.kind]
            if element.get("type"):
                role += f" ({element.get('type')})"
            note = element.find(T + "note")
            cards[anchor] = Card(anchor, entry.name, role, _dates(element), text_of(note) if note is not None else "",
                                 entry.authority_uri(), (f"{surname} {entry.name}" if surname else entry.name).lower())
    return cards


def page_cards(page: str, cards: dict[str, Card]) -> str:
    """The data of the cards a page's names need, as a JSON script element ("" when it links none)."""
    used = {anchor: cards[anchor].as_json() for _kind, anchor in INDEX_LINK.findall(page) if anchor in cards}
    if not used:
        return ""
    data = json.dumps(used, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="name-cards">{data}</script>'

