"""The edition's registers of persons, places and organisations, as the exports need them.

The registers are TEI files (`listPerson`, `listPlace`, `listOrg`, by default in `registers/`);
documents point to their entries with `@ref` (`registers/persons.xml#kim-il-sung`, `#kim-il-sung`
or `per:kim-il-sung`). The exports need two things from them: the lists themselves (teiCorpus,
BagIt) and each entry's authority URI (CMIF), built from its `idno`s. An idno with a `@cert` other
than "high" (the registers' mark for an identifier not checked against the authority) is used
only when the entry has no checked one.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..core.tei import T, TEI_NS, XML_ID
from ..core.resources import register_path
from ..core.urls import safe_url
from ..core.xmlsafe import parse_untrusted

LIST_TAGS = ("listPerson", "listPlace", "listOrg")
ENTRY_TAGS = {T + "person": "person", T + "place": "place", T + "org": "org", T + "personGrp": "person"}

#: idno/@type -> URI pattern for a bare identifier (a value that is already a URI is kept as it is).
AUTHORITY_URIS = {
    "viaf": "http://viaf.org/viaf/{}",
    "gnd": "http://d-nb.info/gnd/{}",
    "lc": "http://id.loc.gov/authorities/names/{}",
    "geonames": "http://www.geonames.org/{}",
    "wikidata": "http://www.wikidata.org/entity/{}",
}
#: Which authority to give first, by kind of entry: those correspSearch reads before Wikidata.
AUTHORITY_ORDER = {
    "person": ("viaf", "gnd", "lc", "wikidata"),
    "org": ("viaf", "gnd", "lc", "wikidata"),
    "place": ("geonames", "wikidata"),
}
UNVERIFIED = re.compile(r"unverified|unchecked|guess", re.IGNORECASE)


@dataclass
class RegisterEntry:
    id: str
    kind: str
    name: str
    #: authority type -> (URI, verified?)
    authorities: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: (latitude, longitude) of a place's location/geo, None when it has none that reads as a point
    geo: tuple[float, float] | None = None
    #: what the register says of that point: "approximate" (a country's or region's centre,
    #: location/@type) and "unchecked" (geo/@cert low or medium: not checked against an authority)
    geo_marks: tuple[str, ...] = ()

    def authority_uri(self) -> str:
        """The preferred authority URI, verified ones first; "" when the entry has none."""
        order = AUTHORITY_ORDER.get(self.kind, ()) + tuple(sorted(self.authorities))
        ranked = [self.authorities[t] for t in dict.fromkeys(order) if t in self.authorities]
        ranked.sort(key=lambda pair: not pair[1])
        return ranked[0][0] if ranked else ""


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _point(element: etree._Element) -> tuple[float, float] | None:
    """The point of a place's `location/geo`: "latitude longitude" in decimal degrees (WGS 84, TEI's
    default notation). Anything else (a line, an area, another notation, a value out of range) is
    no point: a place on the map at a wrong spot is worse than a place only in the list."""
    geo = element.find(f"{T}location/{T}geo")
    if geo is None or geo.get("decls"):  # @decls: a geoDecl's notation, not the default one
        return None
    parts = _text(geo).split()
    if len(parts) != 2 or not all(re.fullmatch(r"[-+]?\d{1,3}(?:\.\d+)?", p) for p in parts):
        return None
    latitude, longitude = float(parts[0]), float(parts[1])
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude


def _point_marks(element: etree._Element) -> tuple[str, ...]:
    location, geo = element.find(f"{T}location"), element.find(f"{T}location/{T}geo")
    marks = []
    if location.get("type") == "approximate":
        marks.append("approximate")
    if geo.get("cert") in ("low", "medium", "unknown"):
        marks.append("unchecked")
    return tuple(marks)


def _authority(idno: etree._Element) -> tuple[str, str, bool] | None:
    kind = (idno.get("type") or "").strip().lower()
    value = _text(idno)
    if not value or not kind:
        return None
    if kind == "loc":
        kind = "lc"
    if re.match(r"https?://", value):
        uri = value
    elif kind in AUTHORITY_URIS:
        uri = AUTHORITY_URIS[kind].format(value)
    else:
        return None
    if not safe_url(uri):  # the site links it, CMIF copies it: the one URL allow-list (tei/core/urls.py)
        return None
    marks = " ".join(filter(None, (idno.get("cert"), idno.get("subtype"), idno.get("resp"), idno.get("status"))))
    verified = not UNVERIFIED.search(marks) and idno.get("cert", "high") == "high"
    return kind, uri, verified


class Registers:
    """All register files of an edition; empty when there are none (every export works without)."""

    def __init__(self, files: list[tuple[Path, etree._ElementTree]] | None = None):
        self.files = files or []
        self.entries: dict[str, RegisterEntry] = {}
        for _path, tree in self.files:
            for element in tree.getroot().iter(*ENTRY_TAGS):
                ident = element.get(XML_ID)
                if not ident or ident in self.entries:
                    continue
                names = [n for n in element if isinstance(n.tag, str) and n.tag.endswith("Name")]
                preferred = next((n for n in names if n.get("type") in ("main", "reg", "preferred")), None)
                entry = RegisterEntry(ident, ENTRY_TAGS[element.tag], _text(preferred if preferred is not None
                                                                          else names[0]) if names else ident)
                for idno in element.findall(T + "idno"):
                    found = _authority(idno)
                    if found and found[0] not in entry.authorities:
                        entry.authorities[found[0]] = (found[1], found[2])
                if entry.kind == "place":
                    entry.geo = _point(element)
                    entry.geo_marks = _point_marks(element) if entry.geo else ()
                self.entries[ident] = entry

    @classmethod
    def load(cls, location: str | os.PathLike | None) -> "Registers":
        """Read a register file, or every `*.xml` file of a folder; nothing when `location` is None."""
        if location is None:
            return cls()
        path = Path(location)
        paths = sorted(path.glob("*.xml")) if path.is_dir() else [path]
        return cls([(p, parse_untrusted(p)) for p in paths])

    def __bool__(self) -> bool:
        return bool(self.entries)

    def lists(self) -> list[etree._Element]:
        """The outermost listPerson/listPlace/listOrg elements of every register file, in order."""
        found = []
        for _path, tree in self.files:
            for element in tree.getroot().iter(*(T + tag for tag in LIST_TAGS)):
                if not any(a.tag in (T + tag for tag in LIST_TAGS) for a in element.iterancestors()):
                    found.append(element)
        return found

    def entry_id(self, pointer: str) -> str | None:
        """The register entry a pointer names (`file.xml#id`, `#id`, `prefix:id`), or None."""
        if re.match(r"https?://", pointer):
            return None
        if "#" in pointer:
            ident = pointer.rsplit("#", 1)[1]
        elif re.fullmatch(r"[A-Za-z][\w.-]*:[^\s:/]+", pointer):
            ident = pointer.split(":", 1)[1]
        else:
            return None
        return ident if ident in self.entries else None

    def authority_uris(self, ref: str) -> list[str]:
        """The authority URIs for a `@ref` value: its http(s) URIs as given, register pointers resolved."""
        uris = []
        for token in ref.split():
            if re.match(r"https?://", token):
                uris.append(token)
            elif (ident := self.entry_id(token)) and (uri := self.entries[ident].authority_uri()):
                uris.append(uri)
        return list(dict.fromkeys(uris))


@functools.lru_cache(maxsize=1)
def edition_registers() -> Registers:
    """The project's registers of persons, places and organisations (read once per process)."""
    folder = register_path("")
    return Registers.load(folder if folder.is_dir() else None)
