"""The registers of persons, places and organisations: the one reader, the one entry, the one
pointer parser.

The registers are TEI files (`listPerson`, `listPlace`, `listOrg`). Documents point to their entries
with `@ref`: `person:kim-il-sung` (our prefix, docs/encoding.md "Names"), `registers/persons.xml#kim-il-sung`,
`#kim-il-sung`, or another edition's prefix (`per:kim-il-sung`).

Two modes, because two kinds of register are read:
- strict (`Registers.package()`, `Registers.load(folder, strict=True)`): our own registers, the
  three files of `KINDS`, that the converter links names to. A bad entry, an identifier used twice
  or a name two entries claim is an error naming the file and the line: a conversion must not
  link names to a register it misreads.
- lenient (`Registers.load(path)`): any register an export is given, a file or every `*.xml` of a
  folder, from another edition too. An entry without an identifier, or with one used before, is
  skipped and noted in `warnings`; every export works with what remains, or with none
  (`Registers()`).

An idno with a `@cert` other than "high" (the registers' mark for an identifier not checked against
the authority) gives an authority URI only when the entry has no checked one.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from lxml import etree

from .errors import TeiEditionError
from .resources import register_path
from .urls import safe_url
from .xmlsafe import parse_untrusted
from .tei import T, XML_ID, text_of

#: entry kind -> (register file, name element); the kind is also our @ref prefix ("person:kim-il-sung")
KINDS = {"person": ("persons.xml", "persName"), "place": ("places.xml", "placeName"), "org": ("orgs.xml", "orgName")}
KIND_OF_NAME = {element: kind for kind, (_, element) in KINDS.items()}
LIST_TAGS = ("listPerson", "listPlace", "listOrg")
ENTRY_TAGS = {T + "person": "person", T + "place": "place", T + "org": "org", T + "personGrp": "person"}
#: a register pointer: "file.xml#id" or "#id" (a fragment), or "prefix:id"
_FRAGMENT = re.compile(r"[^\s#]*#([^\s#]+)")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*):([^\s:/]+)")

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

# -- folding: compare names without minding quotes, accents and transliteration hyphens ------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u00a0": " ", "\u2010": "-", "\u2011": "-"})


def fold(text: str, hyphens: bool = True) -> str:
    """The text with the same length, so that positions map back: curly quotes straight, accents off,
    and (hyphens=True) a hyphen between letters read as a space before a capital, so that
    "Kim Il-sung", "Kim Il-Sung" and "Kim Il Sung" fold alike."""
    text = _QUOTE_CHARS.sub(_straight_quote, text)
    if not text.isascii():
        text = _NON_ASCII.sub(_base_letter, text)
    return fold_hyphens(text) if hyphens else text


def fold_hyphens(text: str) -> str:
    """The last step of fold(): fold(text) is fold_hyphens(fold(text, hyphens=False))."""
    if "-" in text:
        text = _TRANSLITERATION_HYPHEN.sub(_hyphen_to_space, text)
    return text


#: the characters of _QUOTES: replacing the few there are is ten times faster than str.translate, which
#: looks every character of the text up in the table
_QUOTE_CHARS = re.compile("[" + re.escape("".join(map(chr, _QUOTES))) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: a hyphen between letters; the pattern starts with the hyphen (the letter before it is a lookbehind after
#: it) so that the search skips to the hyphens instead of trying the lookbehind at every character
_TRANSLITERATION_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)([^\W\d_])")


def _straight_quote(match: re.Match) -> str:
    return _QUOTES[ord(match.group())]


def _hyphen_to_space(match: re.Match) -> str:
    upper = match.group(1).upper()
    return " " + (upper if len(upper) == 1 else match.group(1))


def _base_letter(match: re.Match) -> str:
    return _base_of(match.group())


@lru_cache(maxsize=4096)
def _base_of(char: str) -> str:
    """"ș" -> "s", "é" -> "e"; a letter of another script stays as it is."""
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() or not base.isalpha() else char


def normal_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()



#: words that name a kind of institution, not one institution: a form made only of these (and of the small
#: words between them) is generic ("Foreign Ministry", "Ministry of Foreign Affairs", "Central Committee",
#: "Cabinet of Ministers"); so is a form the register marks with subtype="generic" ("Korean Embassy")
GENERIC_WORDS = frozenset("""
ministry ministries minister ministers foreign affairs trade internal interior defence defense justice
finance embassy embassies consulate consulates legation mission delegation central committee cabinet
council government administrative politburo presidium department directorate first second third state
archive archives party general staff secretariat office bureau commission executive national assembly
supreme international relations security service section division headquarters parliament agency
the of and for
""".split())


def is_generic(form: str) -> bool:
    """A form made only of institution words: it does not say which ministry or committee it is."""
    words = re.findall(r"[\w']+", fold(form, hyphens=False).lower())
    return bool(words) and all(w in GENERIC_WORDS for w in words) and any(w not in {"the", "of", "and", "for"} for w in words)


class RegisterError(TeiEditionError):
    """A register cannot be read, or two entries claim the same identifier or the same name."""


def text_without_roles(element: etree._Element) -> str:
    """A name form as text, without its titles: the tagger recognises "Comrade" and "President" by itself."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != T + "roleName":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return normal_space("".join(parts))


def initial_forms(forenames: Iterable[str], surname: str) -> list[str]:
    """"I. Stalin", "I. V. Stalin", "I.V. Stalin", "D. A. Kunaev": the forms with initials a name implies."""
    initials = [re.sub(r"(\w)\w*", r"\1.", name) for name in forenames if name]
    forms = []
    if initials and surname:
        forms.append(f"{initials[0]} {surname}")
        if len(initials) > 1:
            forms += [f"{' '.join(initials)} {surname}", f"{''.join(initials)} {surname}"]
    return forms


def _point(element: etree._Element) -> tuple[float, float] | None:
    """The point of a place's `location/geo`: "latitude longitude" in decimal degrees (WGS 84, TEI's
    default notation). Anything else (a line, an area, another notation, a value out of range) is
    no point: a place on the map at a wrong spot is worse than a place only in the list."""
    geo = element.find(f"{T}location/{T}geo")
    if geo is None or geo.get("decls"):  # @decls: a geoDecl's notation, not the default one
        return None
    parts = text_of(geo).split()
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
    value = text_of(idno)
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


@dataclass(frozen=True, eq=False)
class Entry:
    """One person, place or organisation of a register: what the tagger looks for (`forms`), what the
    site and the exports show (`name`, `authorities`, `geo`), and the element itself (name cards).

    `generic` forms ("Foreign Ministry") name an institution without saying whose: several entries
    may share one, and the tagger links them only where the document fixes which (`NameTagger`)."""

    ident: str
    kind: str
    #: the preferred name as written (type main, reg or preferred, else the first), the identifier when none
    name: str
    forms: tuple[str, ...] = ()
    surname: str = ""
    forenames: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    #: authority type -> (URI, verified?)
    authorities: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: (latitude, longitude) of a place's location/geo, None when it has none that reads as a point
    geo: tuple[float, float] | None = None
    #: what the register says of that point: "approximate" (a country's or region's centre,
    #: location/@type) and "unchecked" (geo/@cert low or medium: not checked against an authority)
    geo_marks: tuple[str, ...] = ()
    element: etree._Element | None = field(default=None, repr=False)

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.ident}"

    def authority_uri(self) -> str:
        """The preferred authority URI, verified ones first; "" when the entry has none."""
        order = AUTHORITY_ORDER.get(self.kind, ()) + tuple(sorted(self.authorities))
        ranked = [self.authorities[t] for t in dict.fromkeys(order) if t in self.authorities]
        ranked.sort(key=lambda pair: not pair[1])
        return ranked[0][0] if ranked else ""


def _entry(element: etree._Element, kind: str, ident: str) -> Entry:
    forms: list[str] = []
    generic: list[str] = []
    surname, forenames = "", ()
    for name in element.findall(T + KINDS[kind][1]):
        form = text_without_roles(name)
        if name.get("subtype") == "generic" or is_generic(form):
            generic.append(form)
            continue
        forms.append(form)
        parts_surname = name.findtext(T + "surname") or ""
        parts_forenames = tuple(f.text or "" for f in name.findall(T + "forename"))
        forms += initial_forms(parts_forenames, parts_surname)
        if not surname and parts_surname:
            surname, forenames = parts_surname, parts_forenames
    names = [n for n in element if isinstance(n.tag, str) and n.tag.endswith("Name")]
    preferred = next((n for n in names if n.get("type") in ("main", "reg", "preferred")), None)
    authorities: dict[str, tuple[str, bool]] = {}
    for idno in element.findall(T + "idno"):
        found = _authority(idno)
        if found and found[0] not in authorities:
            authorities[found[0]] = (found[1], found[2])
    geo = _point(element) if kind == "place" else None
    return Entry(ident, kind, text_of(preferred if preferred is not None else names[0]) if names else ident,
                 tuple(f for f in dict.fromkeys(forms) if f), surname, forenames,
                 tuple(f for f in dict.fromkeys(generic) if f), authorities, geo,
                 _point_marks(element) if geo else (), element)


def parse_pointer(pointer: str) -> tuple[str | None, str] | None:
    """(prefix or None, identifier) of one register pointer: `file.xml#id` and `#id` -> (None, id),
    `prefix:id` -> (prefix, id); None for anything else (an http(s) URI, several tokens)."""
    if re.match(r"https?://", pointer):
        return None
    if match := _FRAGMENT.fullmatch(pointer):
        return None, match.group(1)
    if match := _PREFIXED.fullmatch(pointer):
        return match.group(1), match.group(2)
    return None


class Registers:
    """Register entries by identifier, and the files they come from; `Registers()` has none.

    Strict or lenient as the module says; `lookup` finds an entry by one of its forms (in lenient
    registers the first entry to claim a form keeps it)."""

    def __init__(self, files: Iterable[tuple[Path, etree._ElementTree]] = (), *, strict: bool = False):
        read = list(files)
        self.strict = strict
        #: (path, tree) of each file, by file name: the order the lists are copied in (teiCorpus, BagIt)
        self.files = sorted(read, key=lambda pair: pair[0].name)
        #: (file, "line N: what is wrong; the entry is skipped") of each entry lenient reading skipped
        self.warnings: list[tuple[str, str]] = []
        self.entries: dict[str, Entry] = {}
        self.by_form: dict[str, Entry] = {}
        #: folded generic form -> the entries that have it (any number)
        self.by_generic: dict[str, list[Entry]] = {}
        for path, tree in read:
            for element, kind in self._elements(path, tree):
                self._add(path, element, kind)

    def _elements(self, path: Path, tree: etree._ElementTree) -> Iterable[tuple[etree._Element, str]]:
        if self.strict:  # each of our files holds one kind
            kind = next(k for k, (filename, _) in KINDS.items() if filename == path.name)
            return ((element, kind) for element in tree.iter(T + kind))
        return ((element, ENTRY_TAGS[element.tag]) for element in tree.getroot().iter(*ENTRY_TAGS))

    def _refuse(self, path: Path, element: etree._Element, problem: str) -> None:
        if self.strict:
            raise RegisterError(f"line {element.sourceline}: {problem}", path=str(path))
        self.warnings.append((str(path), f"line {element.sourceline}: {problem}; the entry is skipped"))

    def _add(self, path: Path, element: etree._Element, kind: str) -> None:
        ident = element.get(XML_ID)
        if not ident or (self.strict and element.find(T + KINDS[kind][1]) is None):
            return self._refuse(path, element, f"a {kind} needs an xml:id and at least one {KINDS[kind][1]}")
        if ident in self.entries:
            return self._refuse(path, element, f"the identifier {ident!r} is used twice in the registers")
        entry = _entry(element, kind, ident)
        for form in entry.generic:
            self.by_generic.setdefault(fold(form), []).append(entry)
        self.entries[ident] = entry
        for form in entry.forms:
            other = self.by_form.setdefault(fold(form), entry)
            if other is not entry and self.strict:
                raise RegisterError(f"line {element.sourceline}: the name {form!r} belongs to both {other.ref} "
                                    f"and {entry.ref}", path=str(path))

    @classmethod
    def load(cls, location: str | os.PathLike, *, strict: bool = False) -> "Registers":
        """Lenient: a register file, or every `*.xml` file of a folder. Strict: the three files of
        `KINDS` in the folder."""
        path = Path(location)
        if strict:
            paths = [path / filename for filename, _ in KINDS.values()]
        else:
            paths = sorted(path.glob("*.xml")) if path.is_dir() else [path]
        return cls([(p, parse_untrusted(p)) for p in paths], strict=strict)

    @classmethod
    @lru_cache(maxsize=1)
    def package(cls) -> "Registers":
        """The registers shipped with the package, read strictly once per process."""
        return cls.load(register_path(""), strict=True)

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
        """The identifier of the entry a pointer names, or None. A pointer with one of our prefixes
        names an entry of that kind only ("place:stalin" names none); another edition's prefix any."""
        parsed = parse_pointer(pointer)
        if parsed is None:
            return None
        prefix, ident = parsed
        entry = self.entries.get(ident)
        if entry is None or (prefix in KINDS and entry.kind != prefix):
            return None
        return ident

    def resolve(self, pointer: str) -> Entry | None:
        """The entry a pointer names ("person:stalin", "#stalin"), or None."""
        ident = self.entry_id(pointer)
        return self.entries[ident] if ident else None

    def lookup(self, text: str, kinds: Iterable[str] = tuple(KINDS)) -> Entry | None:
        """The entry one of whose forms the whole text is (in capitals too: "I. STALIN")."""
        key = fold(normal_space(text))
        entry = self.by_form.get(key)
        if entry is None and key.isupper():
            entry = next((e for k, e in self.by_form.items() if k.upper() == key), None)
        return entry if entry is not None and entry.kind in kinds else None

    def authority_uris(self, ref: str) -> list[str]:
        """The authority URIs for a `@ref` value: its http(s) URIs as given, register pointers resolved."""
        uris = []
        for token in ref.split():
            if re.match(r"https?://", token):
                uris.append(token)
            elif (entry := self.resolve(token)) and (uri := entry.authority_uri()):
                uris.append(uri)
        return list(dict.fromkeys(uris))
