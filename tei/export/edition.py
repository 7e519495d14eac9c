"""The edition as a whole: its one identity (edition.toml), which the site and every export
write into their pages and headers, and its date.

An export is deterministic: the only date it writes that does not come from the documents is
SOURCE_DATE_EPOCH, when set (see https://reproducible-builds.org/specs/source-date-epoch/).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from ..core.archive import ARCHIVE as SOURCE_ARCHIVE
from ..core.errors import TeiEditionError
from ..core.files import read_bounded
from ..core.messages import interface_languages
from ..core.record import DocumentRecord
from ..core.urls import safe_url

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Licences an export can name by URL, with the sentence that says so.
LICENCES = {
    "https://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "https://creativecommons.org/publicdomain/zero/1.0/": "Creative Commons CC0 1.0 Universal (public domain dedication)",
    "https://creativecommons.org/licenses/by-sa/4.0/": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
}
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
DEFAULT_EDITOR = "tei-edition editors"
DEFAULT_EMAIL = "editors@example.org"
#: The defaults suit the Wilson Center seeds; an edition file (edition.toml) replaces them.
DEFAULT_TITLE = "Cold War Diplomatic Documents: a Digital Edition"
DEFAULT_SUBTITLE = f"Translated records from the {SOURCE_ARCHIVE}, edited in TEI P5"
DEFAULT_DESCRIPTION = ("Translated diplomatic records of the Cold War (telegrams, memoranda of conversation, "
                       f"letters and reports) published by the {SOURCE_ARCHIVE}, edited as TEI P5.")
#: The map page's tiles: OpenStreetMap's, whose tile usage policy asks for this attribution.
DEFAULT_MAP_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_MAP_ATTRIBUTION = "© OpenStreetMap contributors"
#: The name of the edition file, looked for beside the sources.
EDITION_FILE = "edition.toml"
#: An edition file is a few lines; one past this is not one (and is not read to the end).
MAX_EDITION_BYTES = 1024 * 1024
#: Interface languages the site can be shown in: English and those of tei/core/locale's catalogues.
INTERFACE_LANGUAGES = interface_languages()


@dataclass(frozen=True)
class Editor:
    """One person of the edition's team and what they did (general editor, encoding, translation)."""

    name: str
    role: str = "editor"
    email: str = ""


@dataclass(frozen=True)
class Edition:
    """The edition's one identity: every page, header and export that names the edition reads it
    from here. Every field has a default; `load_edition` reads an edition.toml into it.

    `licence` applies to the edition's own work (pages, headers, registers, catalogues), not to
    the documents, whose rights are stated in each document's header.
    """

    title: str = DEFAULT_TITLE
    subtitle: str = DEFAULT_SUBTITLE
    #: What the edition is, in a sentence or two: the home and About pages open with it.
    description: str = DEFAULT_DESCRIPTION
    editors: tuple[Editor, ...] = (Editor(DEFAULT_EDITOR, "editor"),)
    publisher: str = ""
    contact: str = ""
    licence: str = DEFAULT_LICENCE
    base_url: str = ""
    language: str = "en"
    citation: str = ""
    #: The map page's tile URL template ({z}, {x}, {y}; {s} for a subdomain), fetched by the
    #: reader's browser only, and the attribution (plain text) the tiles' provider asks for.
    map_tiles: str = DEFAULT_MAP_TILES
    map_attribution: str = DEFAULT_MAP_ATTRIBUTION
    #: The file it was read from ("" for the defaults), for messages.
    source: str = ""

    @property
    def editor(self) -> str:
        """The editors' names in one line (CMIF's editor, the bag's Contact-Name)."""
        return "; ".join(e.name for e in self.editors) or DEFAULT_EDITOR

    @property
    def named_editors(self) -> tuple[Editor, ...]:
        """The editors the edition file names (not the placeholder of the defaults), for readers."""
        return tuple(e for e in self.editors if e.name != DEFAULT_EDITOR)

    @property
    def public_email(self) -> str:
        """The contact address the edition file gives, "" when there is none (no placeholder on a site)."""
        return self.contact or next((e.email for e in self.editors if e.email), "")

    @property
    def email(self) -> str:
        """The edition's contact address (CMIF requires one)."""
        return self.contact or next((e.email for e in self.editors if e.email), "") or DEFAULT_EMAIL

    def publisher_for(self, records: list[DocumentRecord]) -> str:
        """The publisher given, else the one most of the documents name, else the editor."""
        if self.publisher:
            return self.publisher
        named = Counter(r.publisher for r in records if r.publisher)
        return min(named, key=lambda p: (-named[p], p)) if named else self.editor

    def summary(self) -> dict:
        """The edition's identity as the catalogues give it (the site's documents.json, `export json`):
        only what the edition file says, no placeholder."""
        return {"title": self.title, "subtitle": self.subtitle, "description": self.description,
                "editors": [{"name": e.name, "role": e.role} for e in self.named_editors], "publisher": self.publisher,
                "contact": self.public_email, "licence": self.licence, "url": self.url(), "language": self.language}

    @property
    def licence_text(self) -> str:
        return LICENCES.get(self.licence, f"Licensed under {self.licence}")

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    def url(self, path: str = "") -> str:
        """The absolute address of `path` in the published edition, or "" without a base URL."""
        if not self.base_url:
            return ""
        return f"{self.base_url.rstrip('/')}/{path.lstrip('/')}"

    def cite(self, publisher: str = "", year: str = "") -> str:
        """How to cite the edition: the file's `citation` as written, else one built from its parts
        (editors, title, publisher, year, URL), in the order of the Chicago style for a website."""
        if self.citation:
            return self.citation
        names = [e.name for e in self.editors if e.name and e.name != DEFAULT_EDITOR]
        parts = []
        if names:
            parts.append(f"{', '.join(names[:-1]) + ' and ' + names[-1] if len(names) > 1 else names[0]}, "
                         f"{'eds' if len(names) > 1 else 'ed'}.")
        parts.append(f"{self.full_title}.")
        tail = ", ".join(p for p in (publisher or self.publisher, year) if p)
        if tail:
            parts.append(f"{tail}.")
        if self.base_url:
            parts.append(self.url() + ".")
        return " ".join(parts)

    def document_url(self, record: DocumentRecord) -> str:
        """The document's address: the archive's URI when it is a web address that the URL
        allow-list (tei/core/urls.py) accepts, else one under `base_url`, else ""."""
        uri = safe_url(record.uri)
        if uri.lower().startswith(("http://", "https://")):
            return uri
        if self.base_url:
            return self.url(f"documents/{record.id}.html")
        return ""


class EditionFileError(TeiEditionError):
    """An edition file that cannot be read, is not TOML, or has an unknown key or a wrong value."""


#: The keys of an edition file and their types (editors is a list of tables).
_KEYS = {"title": str, "subtitle": str, "description": str, "publisher": str, "contact": str, "licence": str, "base_url": str,
         "language": str, "citation": str, "map_tiles": str, "map_attribution": str, "editors": list}
_EDITOR_KEYS = {"name", "role", "email"}
_TYPE_NAMES = {str: "a string", list: "a list of [[editors]] tables", dict: "a table", bool: "true or false",
               int: "an integer", float: "a number"}


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _absolute_url(value: str, key: str, path: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise EditionFileError(f"{key} must be an absolute http(s) URL, not {value!r}", path)
    return value


def _tile_url(value: str, path: str) -> str:
    """A tile URL template: https (a page served over https loads no http tiles), with {z}, {x}, {y}."""
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() or c in "\"'<>" for c in value):
        raise EditionFileError(f"map_tiles must be an https URL template, not {value!r}", path)
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in value]
    if missing:
        raise EditionFileError(f"map_tiles must contain {', '.join(missing)} (the tile's zoom and position), "
                               f"not {value!r}", path)
    return value


def edition_from(data: dict, path: str = EDITION_FILE, base: Edition | None = None) -> Edition:
    """An Edition from the parsed TOML `data`; the first unknown key or wrong type is an error."""
    values: dict = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise EditionFileError(f"unknown key {key!r} (known: {', '.join(sorted(_KEYS))})", path)
        if not isinstance(value, _KEYS[key]):
            raise EditionFileError(f"{key} must be {_TYPE_NAMES[_KEYS[key]]}, not {_type_name(value)}", path)
        values[key] = value.strip() if isinstance(value, str) else value
    if "editors" in values:
        editors = []
        for number, entry in enumerate(values["editors"], 1):
            if not isinstance(entry, dict):
                raise EditionFileError(f"editors[{number}] must be a table with name and role, not {_type_name(entry)}", path)
            unknown = sorted(set(entry) - _EDITOR_KEYS)
            if unknown:
                raise EditionFileError(f"editors[{number}]: unknown key {unknown[0]!r} (known: email, name, role)", path)
            for key, value in entry.items():
                if not isinstance(value, str):
                    raise EditionFileError(f"editors[{number}].{key} must be a string, not {_type_name(value)}", path)
            if not entry.get("name", "").strip():
                raise EditionFileError(f"editors[{number}] has no name", path)
            editors.append(Editor(entry["name"].strip(), entry.get("role", "editor").strip() or "editor",
                                  entry.get("email", "").strip()))
        values["editors"] = tuple(editors)
    if "map_tiles" in values:
        _tile_url(values["map_tiles"], path)
    for key in ("title", "map_tiles", "map_attribution"):
        if key in values and not values[key]:
            raise EditionFileError(f"{key} must not be empty", path)
    for key in ("licence", "base_url"):
        if values.get(key):
            _absolute_url(values[key], key, path)
    if "language" in values and values["language"] not in INTERFACE_LANGUAGES:
        raise EditionFileError(f"language {values['language']!r} is not available for the interface "
                               f"(available: {', '.join(INTERFACE_LANGUAGES)})", path)
    return replace(base or Edition(), source=path, **values)


def load_edition(path: str | os.PathLike) -> Edition:
    """Read an edition file; a missing, unreadable or wrong file is an EditionFileError naming it."""
    name = str(path)
    try:
        raw = read_bounded(Path(path), MAX_EDITION_BYTES)  # a FIFO or a device is refused, not waited on
    except OSError as exc:
        raise EditionFileError(f"cannot read the edition file: {exc.strerror or exc}", name) from None
    except ValueError as exc:
        raise EditionFileError(f"the edition file {exc}", name) from None
    if len(raw) > MAX_EDITION_BYTES:
        raise EditionFileError(f"the edition file is too large (over {MAX_EDITION_BYTES} bytes, the limit)", name)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise EditionFileError("the edition file is not UTF-8 text", name) from None
    except tomllib.TOMLDecodeError as exc:
        raise EditionFileError(f"not valid TOML: {exc}", name) from None
    return edition_from(data, name)


def find_edition(sources: Iterable[str | os.PathLike] = (), config: str | os.PathLike | None = None) -> Edition:
    """The edition of a build or export: `config` if given, else the first edition.toml beside the
    sources (in a source folder, or in the folder of a source file), else one in the current folder,
    else the defaults."""
    if config is not None:
        return load_edition(config)
    candidates = []
    for source in sources:
        folder = Path(source)
        candidates.append(folder / EDITION_FILE if folder.is_dir() else folder.parent / EDITION_FILE)
    candidates.append(Path(EDITION_FILE))
    for candidate in dict.fromkeys(candidates):
        if candidate.is_file():
            return load_edition(candidate)
    return Edition()


def with_options(edition: Edition, **given: str | None) -> Edition:
    """The edition with command-line values in place of the file's (None: not given)."""
    values = {k: v for k, v in given.items() if v is not None}
    if "base_url" in values and values["base_url"]:
        _absolute_url(values["base_url"], "--base-url", "command line")
    if "editor" in values:
        values["editors"] = (Editor(values.pop("editor"), "editor"),)
    if "email" in values:
        values["contact"] = values.pop("email")
    return replace(edition, **values)


STARTER = """\
# The edition file of a tei-edition project: the one place where the edition names itself.
# `tei-edition build` and `tei-edition export` read it from beside the sources (or --config).
# Every key is optional; a key left out keeps its default. Unknown keys are an error.

# The edition's title and subtitle: site header, page titles, corpus header, CMIF, bag-info.
title = "{title}"
subtitle = "{subtitle}"

# What the edition is, in a sentence or two: the home page and the About page open with it.
description = "{description}"

# Who publishes the edition and how to reach it (shown on the site; CMIF requires an address).
# Without a publisher the site names none, and the corpus header, CMIF and bag-info, which need
# one, name the publisher most documents name. Without a contact, an editor's email is used.
# publisher = "Your Institution"
# contact = "{contact}"

# The licence of the edition's own work (pages, headers, registers, exports), as a URL.
# The documents keep the rights statements of their archives.
licence = "{licence}"

# Where the edition is published. The sitemap needs it (its URLs must be absolute), and documents
# without an archive URI get BASE_URL/documents/ID.html in CMIF and Dublin Core.
# `tei-edition build --base-url URL` replaces it.
# base_url = "https://edition.example.org/"

# The language of the site's interface (available: {languages}).
language = "en"

# The map page (places of the registers with coordinates): where readers' browsers fetch its tiles
# (an https URL template with {{z}}, {{x}}, {{y}}) and the attribution the tiles' provider asks for.
# The build fetches no tile; without tiles the page is a list of the places.
# map_tiles = "{map_tiles}"
# map_attribution = "{map_attribution}"

# How to cite the edition, as it should be printed. Without it a citation is built from the
# editors, title, publisher, year and base URL.
# citation = "Name, ed. Title. Publisher, 2026. https://edition.example.org/."

# Who made the edition: one [[editors]] table per person, role says what they did. Tables come
# last in a TOML file: a key written below a table belongs to it.
[[editors]]
name = "Your Name"
role = "general editor"
# email = "you@example.org"

# [[editors]]
# name = "Another Name"
# role = "encoding"
"""


def starter_file() -> str:
    """The commented edition.toml that `tei-edition init` writes."""
    return STARTER.format(title=DEFAULT_TITLE, subtitle=DEFAULT_SUBTITLE, description=DEFAULT_DESCRIPTION, contact=DEFAULT_EMAIL,
                          licence=DEFAULT_LICENCE, languages=", ".join(INTERFACE_LANGUAGES),
                          map_tiles=DEFAULT_MAP_TILES, map_attribution=DEFAULT_MAP_ATTRIBUTION)


def init_edition(folder: str | os.PathLike = ".") -> Path:
    """Write the starter edition file into `folder` (made if missing) and return its path; an
    edition file already there is never overwritten (EditionFileError)."""
    target = Path(folder) / EDITION_FILE
    if os.path.lexists(target):
        raise EditionFileError("an edition file is already there; it was not overwritten", str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: a file that appears meanwhile is not overwritten either; the mode follows the umask.
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise EditionFileError("an edition file is already there; it was not overwritten", str(target)) from None
    except OSError as exc:
        raise EditionFileError(f"cannot write the edition file: {exc.strerror or exc}", str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(starter_file())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise EditionFileError(f"cannot write the edition file: {exc.strerror or exc}", str(target)) from None
    return target


def source_date() -> date | None:
    """The date of SOURCE_DATE_EPOCH, or None when it is not set (or not a number)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()


def edition_date(records: list[DocumentRecord]) -> str:
    """The export's date: SOURCE_DATE_EPOCH's, else the newest upload date of its documents.

    Never the clock, so that the same sources give the same bytes; 1970-01-01 when nothing is known.
    """
    given = source_date()
    if given is not None:
        return given.isoformat()
    uploaded = [r.uploaded for r in records if len(r.uploaded) == 10 and r.uploaded[4] == "-"]
    return max(uploaded, default="1970-01-01")
