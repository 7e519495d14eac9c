"""The site's interface language: edition.toml's `language` picks the catalogue (tei/core/locale) that
the templates' strings are translated from; the German catalogue is complete."""

from __future__ import annotations

import re
import shutil

import pytest
from babel.messages.extract import extract_from_dir

from conftest import ROOT
from tei.site.build import build
from tei.core.errors import TeiEditionError
from tei.export.edition import INTERFACE_LANGUAGES, edition_from
from tei.core.messages import LOCALE, read_catalogue
from tei.site.pages import SCRIPT_MESSAGES

PACKAGE = ROOT / "tei"


def _german_site(folder):
    sources = folder / "sources"
    sources.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, sources)
    (sources / "edition.toml").write_text('title = "Akten zum Kalten Krieg"\nlanguage = "de"\n', encoding="utf-8")
    site = folder / "site"
    build([sources], site, jobs=2, formats=("html",))
    return site


@pytest.fixture(scope="module")
def german_site(tmp_path_factory):
    return _german_site(tmp_path_factory.mktemp("german"))


def _used_messages() -> set[str]:
    """Every msgid of the interface: the templates' (Jinja's i18n extension) and the site's N_ and _gettext."""
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "_gettext": (2,)}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map, options, keywords=keywords):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_the_interface_offers_english_and_german():
    assert INTERFACE_LANGUAGES[0] == "en" and "de" in INTERFACE_LANGUAGES
    assert (LOCALE / "de" / "LC_MESSAGES" / "messages.po").is_file()


def test_a_language_without_a_catalogue_is_refused_naming_the_file():
    with pytest.raises(TeiEditionError, match="language 'xx' is not available.*available: en, de"):
        edition_from({"language": "xx"}, "edition.toml")


def test_every_interface_message_has_a_german_translation():
    used = _used_messages()
    assert {"Documents", "Search the documents", "Cite this document", "Document types"} <= used
    catalogue = read_catalogue("de")
    missing = sorted(m for m in used if not (catalogue.get(m) and all(catalogue.get(m).string if isinstance(
        catalogue.get(m).string, tuple) else [catalogue.get(m).string])))
    assert missing == [], f"no German for: {missing}"
    fuzzy = sorted(m.id for m in catalogue if m.id and m.fuzzy)
    assert fuzzy == []


def test_the_german_catalogue_keeps_every_placeholder():
    """A translation that drops or misspells a %(name)s would fail at render time, in German only."""
    catalogue = read_catalogue("de")
    assert [(message.id, errors) for message, errors in catalogue.check()] == []
    # the scripts' messages fill in {name}s (site.SCRIPT_MESSAGES), which Babel does not check
    for message in SCRIPT_MESSAGES:
        assert sorted(re.findall(r"\{\w+\}", catalogue.get(message).string)) == sorted(re.findall(r"\{\w+\}", message))


def test_a_german_edition_has_a_german_interface(german_site):
    home = (german_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in home
    for label in ('<nav aria-label="Edition">', ">Dokumente</a>", ">Chronologie</a>", ">Suche</a>",
                  ">Über die Edition</a>", "5 Dokumente.", ">Originalsprache</button>", "Zum Inhalt springen"):
        assert label in home, label
    assert ">Documents</a>" not in home and "Skip to content" not in home
    chronology = (german_site / "chronology.html").read_text(encoding="utf-8")
    assert "<h1>Chronologie</h1>" in chronology and "<h3>Oktober " in chronology and "<h3>October" not in chronology
    browse = (german_site / "browse" / "index.html").read_text(encoding="utf-8")
    assert ">Dokumenttypen</a>" in browse and ">Personen</a>" in browse
    assert "<h1>Die Dokumente durchsuchen</h1>" in (german_site / "search.html").read_text(encoding="utf-8")
    about = (german_site / "about.html").read_text(encoding="utf-8")
    assert "<h1>Über diese Edition</h1>" in about and "Sie umfasst 5 Dokumente" in about


def test_a_german_document_page_has_german_navigation_marked_as_german(german_site):
    page = (german_site / "documents" / "wilson-176345.html").read_text(encoding="utf-8")
    assert '<header class="edition-nav" lang="de"' in page and "<title>" in page
    for label in ("Zum Inhalt springen", "Herunterladen:", "Dieses Dokument zitieren", "Die Zitierangabe herunterladen:"):
        assert label in page, label
    assert "Cite this document" not in page
