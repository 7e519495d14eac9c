"""The site's interface language: edition.toml's `language` picks the catalogue (tei/core/locale) that
the templates' strings are translated from; the German catalogue is complete."""

from __future__ import annotations

import re
import shutil

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

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


# -- the reading edition's own words (xslt/, through ed:label) ------------------------------------

def _reading_edition_messages() -> dict[str, str]:
    """The catalogue's messages that the stylesheets use (those it places in xslt/), with their German."""
    return {m.id: m.string for m in read_catalogue("de") if m.id and any(f.startswith("xslt/") for f, _ in m.locations)}


def _stylesheet_words() -> set[str]:
    """What the stylesheets translate, found as `pybabel extract` finds it (tei/core/locale/babel.cfg)."""
    with open(LOCALE / "babel.cfg", encoding="utf-8") as config:
        method_map, options = parse_mapping_cfg(config)
    return {message for _file, _line, message, _comments, _context
            in extract_from_dir(str(ROOT / "xslt"), method_map, options)}


def _interface_words_left(page: str, english: set[str]) -> set[str]:
    """The English interface words a document page shows outside the document's own text: as a whole
    text node (a label, a heading), as a title, aria-label or alt, or, for a phrase, anywhere."""
    import lxml.html

    root = lxml.html.fromstring(page)
    content = ("ancestor-or-self::*[@id='text' or self::dd or self::title or self::h1 or self::script or self::style"
               " or contains(concat(' ', @class, ' '), ' fn-body ') or contains(concat(' ', @class, ' '), ' citation ')"
               " or contains(concat(' ', @class, ' '), ' running-title ')]")
    texts = {" ".join(t.split()) for t in root.xpath(f"//text()[not({content})]")}
    attributes = {" ".join(a.split()) for a in root.xpath("//@title | //@aria-label | //@alt")}
    everything = " ".join(texts | attributes)
    return {word for word in english if word in texts | attributes or (len(word) >= 12 and word in everything)}


def test_every_word_of_the_stylesheets_is_in_the_catalogue_with_its_german():
    words = _stylesheet_words()
    assert {"Date", "From", "Original language", "Source", "Notes", "Editorial marks", "Skip to the text"} <= words
    messages = _reading_edition_messages()
    assert sorted(words - set(messages)) == [], "add these to messages.po, marked #: xslt/..."
    # the correspondents' offices and places are labelled "From (office)", "To (place)"...
    assert {f"{side} ({what})" for side in ("From", "To") for what in ("office", "place")} <= set(messages)
    assert sorted(m for m, german in messages.items() if not german) == []


def test_a_german_edition_has_german_document_pages_with_no_english_interface_words_left(german_site):
    english = {message for message, german in _reading_edition_messages().items() if german != message}
    pages = sorted((german_site / "documents").glob("*.html"))
    assert len(pages) == 5
    for page in pages:
        assert _interface_words_left(page.read_text(encoding="utf-8"), english) == set(), page.name
    page = (german_site / "documents" / "wilson-116407.html").read_text(encoding="utf-8")
    for label in (">Datum</dt>", ">Von</dt>", ">An</dt>", ">Originalsprache</dt>", ">Zum Text springen</a>",
                  '<h2 id="marks-key-title">Editorische Zeichen</h2>', "Leseausgabe, erzeugt aus der TEI-P5-Quelle",
                  'aria-label="Text des Dokuments"', ">Diplomatisch</button>"):
        assert label in page, label
    # marked as German, in a page whose lang is the document's
    import lxml.html

    root = lxml.html.fromstring(page)
    assert root.get("lang") == "en" and root.xpath("//dt[. = 'Datum']/@lang") == ["de"]
    assert root.xpath("//section[@class = 'marks-key']/@lang") == ["de"]
    assert root.xpath("//a[@class = 'skip-link']/@lang") == ["de"]


def test_the_same_document_in_english_shows_the_words_the_german_check_looks_for(german_site):
    """The check above can fail: the English rendering of the same TEI is full of them."""
    from tei.render.renderer import render

    english = {message for message, german in _reading_edition_messages().items() if german != message}
    page = render(german_site / "documents" / "wilson-116407.xml", "html", params={"name-index": "../browse/"}).decode()
    assert {"Date", "From", "To", "Original language", "Editorial marks", "Skip to the text",
            "Reading edition generated from the TEI P5 source"} <= _interface_words_left(page, english)


def test_english_is_the_stylesheets_own_words_and_an_unknown_language_is_refused(tmp_path):
    from tei.render.renderer import render

    source = ROOT / "tests" / "data" / "render" / "sample-telegram.xml"
    for fmt in ("html", "txt"):
        assert render(source, fmt, params={"interface-language": "en"}) == render(source, fmt)
    german = render(source, "txt", params={"interface-language": "DE"}).decode()
    assert "\nDatum: May 7, 1978\n" in german and "\nDate: May 7, 1978\n" not in german
    with pytest.raises(TeiEditionError, match="interface-language cannot be 'xx'; choose en or de"):
        render(source, "html", params={"interface-language": "xx"})
