"""The site's map page: built from the places register (the places that have coordinates and that
documents name), a list in the page itself, with the tiles the edition file names."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT
from tei.site.build import build
from tei.export.edition import DEFAULT_MAP_TILES, Edition, EditionFileError, edition_from, load_edition
from tei.convert import names
from tei.core.registers import Registers

#: The one seed used (Shtykov's telegram of 1949, wilson-119377): it names Korea, Moscow, North
#: Korea, Pyongyang and the Soviet Union, all of them entries of the package's places register.
SEED = "004_5a195c45a986ff21.txt"
#: A name that must be escaped everywhere the page shows it.
HOSTILE_NAME = 'Pyongyang <script>alert("x")</script> & Co'
TEST_TILES = "https://tiles.example.test/{z}/{x}/{y}.png"
TEST_ATTRIBUTION = 'Test tiles <b>bold</b> & "quoted"'


def places_register(folder: Path, places: str) -> Path:
    """A places register of the test's own (`places`: the <place> elements)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "places.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Places</title></titleStmt>'
        "<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><listPlace>{places}</listPlace></body></text></TEI>", encoding="utf-8")
    return folder


#: Two places with coordinates that the seed names (one with a name to escape, one whose point the
#: register calls approximate and unchecked), one it names
#: without coordinates, and one with coordinates that no document names.
TEST_PLACES = f"""
<place xml:id="pyongyang"><placeName type="main">{HOSTILE_NAME.replace('&', '&amp;').replace('<', '&lt;')}</placeName>
  <placeName>Pyongyang</placeName>
  <location><geo>10.5 -20.25</geo></location></place>
<place xml:id="moscow"><placeName type="main">Moscow</placeName>
  <location type="approximate"><geo cert="medium">55.7558 37.6173</geo></location></place>
<place xml:id="korea"><placeName type="main">Korea</placeName></place>
<place xml:id="atlantis"><placeName type="main">Atlantis</placeName><location><geo>31 -24</geo></location></place>
"""


def build_map_site(tmp: Path, places: str, edition: Edition | None = None) -> Path:
    """The seed's site (HTML only), its map made from a places register with `places`."""
    sources = tmp / "sources"
    sources.mkdir()
    shutil.copy(ROOT / "seeds" / SEED, sources)
    registers = Registers.load(places_register(tmp / "registers", places))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Registers, "package", lambda: registers)
        patch.setattr(names, "_DEFAULT_TAGGER", None)  # the text is tagged with these registers too
        report = build([sources], tmp / "site", jobs=1, formats=("html",), edition=edition)
    assert not report.failed
    return tmp / "site"


@pytest.fixture(scope="module")
def map_site(tmp_path_factory) -> Path:
    edition = Edition(map_tiles=TEST_TILES, map_attribution=TEST_ATTRIBUTION, base_url="https://edition.example.org/")
    return build_map_site(tmp_path_factory.mktemp("map"), TEST_PLACES, edition)


def rows(page: lxml.html.HtmlElement) -> list[list[str]]:
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
            for row in page.xpath("//table[contains(@class, 'place-list')]/tbody/tr")]


def test_the_list_has_the_named_places_with_coordinates_from_the_register(map_site):
    page = lxml.html.parse(str(map_site / "map.html")).getroot()
    # Korea has no coordinates, Atlantis no document: neither is listed; sorted by name.
    assert rows(page) == [["Moscow", "55.7558° N, 37.6173° E (approximate, unchecked)", "1"],
                          [HOSTILE_NAME, "10.5000° N, 20.2500° W", "1"]]
    links = page.xpath("//table[contains(@class, 'place-list')]//a/@href")
    assert links == ["browse/place.html#place-moscow", "browse/place.html#place-pyongyang"]
    markers = page.xpath("//tr[@data-lat]")
    assert [(float(r.get("data-lat")), float(r.get("data-lon"))) for r in markers] == [(55.7558, 37.6173), (10.5, -20.25)]
    # The links lead to entries that the browsing page has.
    place_page = lxml.html.parse(str(map_site / "browse" / "place.html")).getroot()
    assert place_page.xpath("//section[@id='place-moscow']") and place_page.xpath("//section[@id='place-pyongyang']")


def test_the_page_says_which_points_are_approximate_or_unchecked(map_site):
    page = lxml.html.parse(str(map_site / "map.html")).getroot()
    assert page.xpath("//tr[@data-marks]/th//text()") == ["Moscow"]
    assert "centre of a country or region" in page.xpath("normalize-space(//main)")


def test_names_and_the_attribution_are_escaped(map_site):
    text = (map_site / "map.html").read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<b>bold</b>" not in text
    assert "Pyongyang &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in text
    page = lxml.html.fromstring(text)
    assert page.xpath("string(//*[@id='place-map']/@data-attribution)") == TEST_ATTRIBUTION


def test_the_tiles_come_from_the_edition_file_and_leaflet_is_in_the_site(map_site):
    page = lxml.html.parse(str(map_site / "map.html")).getroot()
    assert page.xpath("string(//*[@id='place-map']/@data-tiles)") == TEST_TILES
    assert DEFAULT_MAP_TILES not in (map_site / "map.html").read_text(encoding="utf-8")
    for name in ("leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png", "images/marker-shadow.png"):
        assert (map_site / "vendor" / "leaflet" / name).is_file(), name
    scripts = page.xpath("//script/@src")
    assert "vendor/leaflet/leaflet.js" in scripts
    # Nothing the page loads by itself leaves the site: the tiles are the browser's to fetch.
    assert not [u for u in page.xpath("//script/@src | //link[not(@rel='canonical')]/@href") if u.startswith(("http:", "https:", "//"))]


def test_every_site_page_links_the_map(map_site):
    for name in ("index.html", "about.html", "browse/place.html", "map.html"):
        page = lxml.html.parse(str(map_site / name)).getroot()
        assert page.xpath("//nav[@aria-label='Edition']//a[text()='Map']"), name
    page = lxml.html.parse(str(map_site / "map.html")).getroot()
    assert page.xpath("//nav[@aria-label='Edition']//a[text()='Map']/@aria-current") == ["page"]


def test_the_sitemap_lists_the_map_page(map_site):
    assert "<loc>https://edition.example.org/map.html</loc>" in (map_site / "sitemap.xml").read_text(encoding="utf-8")


def test_no_place_with_coordinates_no_map_page_and_no_link(tmp_path):
    site = build_map_site(tmp_path, '<place xml:id="moscow"><placeName type="main">Moscow</placeName></place>',
                          Edition(base_url="https://edition.example.org/"))
    assert not (site / "map.html").exists() and not (site / "vendor").exists()
    assert ">Map<" not in (site / "index.html").read_text(encoding="utf-8")
    assert "map.html" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_default_tiles_are_openstreetmap_over_https(tmp_path):
    assert Edition().map_tiles.startswith("https://tile.openstreetmap.org/")
    assert "OpenStreetMap" in Edition().map_attribution
    edition_file = tmp_path / "edition.toml"
    edition_file.write_text(f'map_tiles = "{TEST_TILES}"\nmap_attribution = "Test tiles"\n', encoding="utf-8")
    edition = load_edition(edition_file)
    assert (edition.map_tiles, edition.map_attribution) == (TEST_TILES, "Test tiles")


@pytest.mark.parametrize("tiles, message", [
    ("http://tile.example.org/{z}/{x}/{y}.png", "https URL template"),
    ("tile.example.org/{z}/{x}/{y}.png", "https URL template"),
    ("https://tile.example.org/{z}/{x}.png", "must contain {y}"),
    ('https://tile.example.org/{z}/{x}/{y}.png"><script>', "https URL template"),
    ("", "https URL template"),
])
def test_a_wrong_tile_url_is_an_error_naming_the_file(tiles, message):
    with pytest.raises(EditionFileError, match=message) as error:
        edition_from({"map_tiles": tiles}, "my/edition.toml")
    assert "my/edition.toml" in str(error.value)


def test_an_empty_attribution_is_an_error():
    with pytest.raises(EditionFileError, match="map_attribution must not be empty"):
        edition_from({"map_attribution": " "}, "my/edition.toml")


@pytest.mark.parametrize("geo, point", [
    ("39.0392 125.7625", (39.0392, 125.7625)),
    ("-33.9 -70.65", (-33.9, -70.65)),
    ("91 10", None),            # no latitude
    ("10 181", None),           # no longitude
    ("39.0392,125.7625", None),  # not TEI's default notation: not guessed
    ("39 125 10", None),
    ("N39 E125", None),
])
def test_a_register_point_is_read_only_when_it_is_one(tmp_path, geo, point):
    folder = places_register(tmp_path, f'<place xml:id="p"><placeName>P</placeName><location><geo>{geo}</geo></location></place>')
    assert Registers.load(folder).entries["p"].geo == point


def test_a_point_in_another_notation_is_not_read_as_latitude_and_longitude(tmp_path):
    folder = places_register(tmp_path, '<place xml:id="p"><placeName>P</placeName>'
                                       '<location><geo decls="#utm">39 125</geo></location></place>')
    assert Registers.load(folder).entries["p"].geo is None


@pytest.mark.parametrize("location, marks", [
    ("<location><geo>1 2</geo></location>", ()),
    ('<location type="approximate"><geo>1 2</geo></location>', ("approximate",)),
    ('<location><geo cert="low">1 2</geo></location>', ("unchecked",)),
    ('<location type="approximate"><geo cert="high">1 2</geo></location>', ("approximate",)),
])
def test_what_the_register_says_of_a_point_is_kept(tmp_path, location, marks):
    folder = places_register(tmp_path, f'<place xml:id="p"><placeName>P</placeName>{location}</place>')
    assert Registers.load(folder).entries["p"].geo_marks == marks
