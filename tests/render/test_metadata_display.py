"""How a document's metadata reads on its page, in its text rendering and in the site's lists:
each value once, people, offices and places apart, and an unknown value said to be unknown."""

from __future__ import annotations

import re

import pytest
from lxml import html

from conftest import ROOT
from render_helpers import GOLDEN
from tei.site.build import build
from tei.render import render

BY_SEED = {path.name[:3]: path for path in GOLDEN}


def html_fields(seed: str) -> dict[str, str]:
    document = html.fromstring(render(BY_SEED[seed], "html"))
    return {dt.text_content(): " ".join(dt.getnext().text_content().split())
            for dt in document.xpath("//dl[@class='metadata']//dt")}


def text_fields(seed: str) -> dict[str, str]:
    header = render(BY_SEED[seed], "txt").decode("utf-8").split("\nSummary:")[0]
    return dict(re.findall(r"^([A-Z][^:\n]*): (.*)$", header, flags=re.M))


@pytest.fixture(params=["html", "txt"])
def fields(request):
    return html_fields if request.param == "html" else text_fields


def test_the_original_language_is_named_once(fields):
    assert fields("004")["Original language"] == "Russian"  # the archive's "Russian (original language)"
    assert fields("002")["Original language"] == "Romanian"
    assert "Original language" not in fields("003")  # written in English: no original language


def test_an_organisation_named_in_the_label_is_not_repeated_as_a_value(fields):
    values = fields("002")
    assert values["Obtained for NKIDP by"] == "Eliza Gheorghe"
    assert values["Translated for NKIDP by"] == "Eliza Gheorghe"
    assert fields("003")["Obtained by"] == "Jordan Baev"


def test_senders_and_addressees_keep_people_offices_and_places_apart(fields):
    values = fields("000")
    assert values["From"] == "Aurelian Lazar"
    assert values["From (place)"] == "Pyongyang"
    assert values["To"] == "Ion Ciubotaru; L. Petrescu"
    assert values["To (office)"] == "Direction I Relations; Direction II Relations"
    assert values["To (place)"] == "Bucharest"
    values = fields("002")  # offices only: they are the sender and the addressee
    assert values["From"] == "Romanian Embassy in Moscow" and "From (office)" not in values
    assert values["To"] == "Romanian Ministry of Foreign Affairs (First Directorate)"
    assert values["From (place)"] == "Moscow" and "To (place)" not in values


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site") / "edition"
    report = build([ROOT / "seeds"], folder, jobs=2, formats=("html",))
    assert not report.failed
    return html.fromstring((folder / "index.html").read_bytes())


def rows(home) -> dict[str, dict[str, str]]:
    """The home table as {document title: {column: cell text}}."""
    columns = [" ".join(th.text_content().split()) for th in home.xpath("//table[@id='documents']/thead//th")]
    table = {}
    for row in home.xpath("//table[@id='documents']/tbody/tr"):
        cells = [" ".join(td.text_content().split()) for td in row.xpath("td")]
        table[cells[1]] = dict(zip(columns, cells))
    return table


def test_the_home_table_does_not_give_a_publisher_as_the_archive(home):
    table = rows(home)
    published = next(row for title, row in table.items() if title.startswith("Excerpt from a Conversation"))
    source = published["Archive or publication"]
    assert "Ves Mir" not in source and source.startswith("Published: ") and "Otvechaya na Vyzov Vremeni" in source
    archived = next(row for title, row in table.items() if title.startswith("Telegram 057.139"))
    assert archived["Archive or publication"] == "Archive of the Romanian Ministry of Foreign Affairs (AMAE)"


def test_an_unknown_value_is_marked_the_same_way_in_every_column(home):
    cells = home.xpath("//table[@id='documents']/tbody/tr/td")
    assert all(cell.text_content().strip() for cell in cells)
    unknown = home.xpath("//table[@id='documents']//td[contains(concat(' ', @class, ' '), ' unknown ')]")
    assert unknown and {cell.text_content().strip() for cell in unknown} == {"—"}
    assert all(cell.xpath("string(.//@title)") == "unknown" for cell in unknown)
