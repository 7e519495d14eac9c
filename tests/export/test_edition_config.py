"""One edition identity, configured in edition.toml: the same record names the edition in the site's
pages, its corpus, catalogue and sitemap, and in the CMIF, Dublin Core and BagIt exports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SEEDS
from tei.cli import cli
from tei.export import export
from tei.export.edition import DEFAULT_TITLE, find_edition, load_edition

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
DC = {"dc": "http://purl.org/dc/elements/1.1/"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

#: Two editions of the same documents, as different as an edition file lets them be.
POP = {
    "file": """\
title = "Letters of Ana Pop"
subtitle = "A test edition of five records"
description = "Five records, edited for a test of the edition file."
publisher = "Pop Institute"
contact = "ana@pop.example.org"
licence = "https://creativecommons.org/publicdomain/zero/1.0/"
base_url = "https://pop.example.org/edition/"
citation = "Ana Pop, ed. Letters of Ana Pop. Pop Institute, 2026."

[[editors]]
name = "Ana Pop"
role = "general editor"

[[editors]]
name = "Ion Rus"
role = "encoding"
""",
    "title": "Letters of Ana Pop", "licence": "https://creativecommons.org/publicdomain/zero/1.0/",
    "url": "https://pop.example.org/edition/", "email": "ana@pop.example.org", "publisher": "Pop Institute",
}
RUS = {
    "file": """\
title = "Telegrams from Pyongyang"
subtitle = ""
licence = "https://creativecommons.org/licenses/by-sa/4.0/"
base_url = "https://ignored.example.org/"

[[editors]]
name = "Ion Rus"
role = "editor"
email = "ion@rus.example.net"
""",
    "title": "Telegrams from Pyongyang", "licence": "https://creativecommons.org/licenses/by-sa/4.0/",
    # given on the command line, which wins over the file's base_url
    "url": "https://rus.example.net/", "email": "ion@rus.example.net", "publisher": "Wilson Center Digital Archive",
}


def copy_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copyfile(seed, folder / seed.name)
    return folder


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """The seeds built twice: with the edition.toml beside them (Pop), and with --config and
    --base-url (Rus); each with its site and exports."""
    root = tmp_path_factory.mktemp("editions")
    built = {}
    pop_sources = copy_seeds(root / "pop" / "sources")
    (pop_sources / "edition.toml").write_text(POP["file"], encoding="utf-8")
    result = run("build", str(pop_sources), "-o", str(root / "pop" / "site"), "--formats", "html,txt", "-q")
    assert result.exit_code == 0, result.output
    built["pop"] = (POP, root / "pop", pop_sources, find_edition([pop_sources]))
    rus_sources = copy_seeds(root / "rus" / "sources")
    config = root / "rus" / "rus.toml"
    config.write_text(RUS["file"], encoding="utf-8")
    result = run("build", str(rus_sources), "-o", str(root / "rus" / "site"), "--formats", "html,txt", "-q",
                 "--config", str(config), "--base-url", RUS["url"])
    assert result.exit_code == 0, result.output
    assert "sitemap" not in result.output  # a base URL is known: no note about the sitemap
    from tei.export.edition import with_options
    built["rus"] = (RUS, root / "rus", rus_sources, with_options(load_edition(config), base_url=RUS["url"]))
    for _, folder, sources, edition in built.values():
        export("cmif", [sources], folder / "cmif.xml", edition=edition)
        export("dc", [sources], folder / "dc.xml", edition=edition)
        export("bagit", [sources], folder / "bag", edition=edition)
        export("json", [sources], folder / "catalogue.json", edition=edition)
    return built


@pytest.fixture(params=["pop", "rus"])
def edition(request, editions):
    return editions[request.param]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_names_the_edition_and_its_licence(edition):
    expected, folder, _, _ = edition
    site = folder / "site"
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        assert expected["title"] in head[head.index("<title>"):head.index("</title>")], page
        assert DEFAULT_TITLE not in text, page
        if page.parent.name != "documents":  # document pages: the site's pages only frame them
            assert '<html lang="en">' in text
            assert f'<a rel="license" href="{expected["licence"]}"' in text, page
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{expected['title']}</h1>" in index
    assert f'<link rel="canonical" href="{expected["url"]}index.html">' in index


def test_the_about_page_says_who_made_the_edition_and_how_to_cite_it(editions):
    about = (editions["pop"][1] / "site" / "about.html").read_text(encoding="utf-8")
    assert "<li>Ana Pop, general editor</li>" in about and "<li>Ion Rus, encoding</li>" in about
    assert "Published by Pop Institute." in about and "mailto:ana@pop.example.org" in about
    assert "Creative Commons CC0 1.0 Universal" in about
    assert "Ana Pop, ed. Letters of Ana Pop. Pop Institute, 2026." in about
    assert "Five records, edited for a test of the edition file." in about
    about = (editions["rus"][1] / "site" / "about.html").read_text(encoding="utf-8")
    # no citation given: one is built from the editor, title, year (the newest upload) and address; the
    # archive that published the documents is not named as the edition's publisher
    assert re.search(r"Ion Rus, ed\. Telegrams from Pyongyang\. \d{4}\. https://rus\.example\.net/\.", about)
    assert "Published by" not in about


def test_the_sitemap_has_absolute_addresses_under_the_base_url(edition):
    expected, folder, _, _ = edition
    site = folder / "site"
    locations = etree.parse(str(site / "sitemap.xml")).xpath("//s:loc/text()", namespaces=SITEMAP)
    assert locations and all(loc.startswith(expected["url"]) for loc in locations)
    listed = {loc[len(expected["url"]):] for loc in locations}
    assert "index.html" in listed and "documents/wilson-119377.html" in listed
    assert all((site / path).is_file() for path in listed)


def test_the_corpus_and_catalogue_name_the_edition(edition):
    expected, folder, _, _ = edition
    site = folder / "site"
    corpus = etree.parse(str(site / "corpus.xml"))
    header = "/t:teiCorpus/t:teiHeader/t:fileDesc"
    assert corpus.xpath(f"string({header}/t:titleStmt/t:title[1])", namespaces=TEI) == expected["title"]
    assert corpus.xpath(f"string({header}/t:publicationStmt/t:availability/t:licence/@target)",
                        namespaces=TEI) == expected["licence"]
    assert corpus.xpath(f"string({header}/t:publicationStmt/t:idno[@type='URL'])", namespaces=TEI) == expected["url"]
    assert corpus.xpath(f"string({header}/t:publicationStmt/t:publisher)", namespaces=TEI) == expected["publisher"]
    assert corpus.xpath(f"string({header}/t:publicationStmt//t:email)", namespaces=TEI) == expected["email"]
    for catalogue in (site / "documents.json", folder / "catalogue.json"):  # the site's, and `export json`'s
        named = json.loads(catalogue.read_text(encoding="utf-8"))["edition"]
        assert (named["title"], named["licence"], named["url"]) == (expected["title"], expected["licence"],
                                                                    expected["url"]), catalogue


def test_the_corpus_header_lists_the_editors_with_their_roles(editions):
    corpus = etree.parse(str(editions["pop"][1] / "site" / "corpus.xml"))
    roles = [(r.xpath("string(t:persName)", namespaces=TEI), r.xpath("string(t:resp)", namespaces=TEI))
             for r in corpus.xpath("/t:teiCorpus/t:teiHeader//t:titleStmt/t:respStmt", namespaces=TEI)]
    assert roles == [("Ana Pop", "general editor"), ("Ion Rus", "encoding")]
    assert corpus.xpath("string(//t:titleStmt/t:title[@type='sub'])", namespaces=TEI) == "A test edition of five records"


def test_cmif_names_the_edition(edition):
    expected, folder, _, _ = edition
    cmif = etree.parse(str(folder / "cmif.xml"))
    assert cmif.xpath("string(//t:titleStmt/t:title)", namespaces=TEI) == f"Correspondence metadata: {expected['title']}"
    assert cmif.xpath("string(//t:licence/@target)", namespaces=TEI) == expected["licence"]
    assert cmif.xpath("string(//t:publisher/t:ref/@target)", namespaces=TEI) == expected["url"]
    assert cmif.xpath("string(//t:editor/t:email)", namespaces=TEI) == expected["email"]


def test_each_edition_s_cmif_is_valid_and_its_corpus_is_tei(edition, tei_all):
    from conftest import assert_tei_all_valid
    from export_helpers import cmif_relaxng, cmif_schematron, schematron_failures

    _, folder, _, _ = edition
    assert_tei_all_valid(tei_all, etree.parse(str(folder / "site" / "corpus.xml")), "the site's corpus.xml")
    cmif = etree.parse(str(folder / "cmif.xml"))
    schema = cmif_relaxng()
    assert schema.validate(cmif), "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
    assert schematron_failures(cmif_schematron(), cmif) == []


def test_dublin_core_records_point_to_the_edition(edition):
    expected, folder, _, _ = edition
    records = etree.parse(str(folder / "dc.xml"))
    relations = records.xpath("//dc:relation[starts-with(., 'Part of: ')]/text()", namespaces=DC)
    assert len(relations) == len(SEEDS)
    assert all(expected["title"] in r and r.endswith(expected["url"]) for r in relations)
    # the one seed without an archive address is found under the edition's
    identifiers = records.xpath("//dc:identifier/text()", namespaces=DC)
    assert f"{expected['url']}documents/000_f425829870b8b895.html" in identifiers


def test_the_bag_describes_the_edition(edition):
    expected, folder, _, _ = edition
    bag = bagit.Bag(str(folder / "bag"))
    assert bag.is_valid()
    assert bag.info["External-Description"].startswith(expected["title"])
    assert bag.info["External-Identifier"] == expected["url"]
    assert bag.info["Edition-Licence"] == expected["licence"]
    assert bag.info["Contact-Email"] == expected["email"]


def test_a_new_edition_file_rebuilds_the_pages_and_no_document(tmp_path):
    from tei.site.build import build

    sources = copy_seeds(tmp_path / "sources")
    (sources / "edition.toml").write_text('title = "First title"\n', encoding="utf-8")
    build([sources], tmp_path / "site", formats=("html",), jobs=1)
    (sources / "edition.toml").write_text('title = "Second title"\n', encoding="utf-8")
    report = build([sources], tmp_path / "site", formats=("html",), jobs=1)
    assert report.rebuilt == 0 and report.reused == len(SEEDS)
    for page in pages(tmp_path / "site"):
        text = page.read_text(encoding="utf-8")
        assert "Second title" in text and "First title" not in text, page


def test_without_a_base_url_no_sitemap_and_one_note(tmp_path):
    sources = copy_seeds(tmp_path / "sources")
    result = run("build", str(sources), "-o", str(tmp_path / "site"), "--formats", "html", "-q")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert result.output.count("sitemap") == 1 and "--base-url" in result.output
    assert "canonical" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--base-url", "edition/"], "--base-url must be an absolute http(s) URL"),
    (["--config", "missing.toml"], "cannot read the edition file"),
])
def test_a_bad_edition_is_one_line_and_builds_nothing(tmp_path, args, message):
    sources = copy_seeds(tmp_path / "sources")
    result = run("build", str(sources), "-o", str(tmp_path / "site"), "-q", *args)
    assert result.exit_code == 1 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()


def test_a_bad_edition_file_beside_the_sources_is_named(tmp_path):
    sources = copy_seeds(tmp_path / "sources")
    (sources / "edition.toml").write_text('titel = "x"\n', encoding="utf-8")
    result = run("build", str(sources), "-o", str(tmp_path / "site"), "-q")
    assert result.exit_code == 1 and str(sources / "edition.toml") in result.output and "unknown key 'titel'" in result.output
