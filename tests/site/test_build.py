"""`tei-edition build`: the site's pages and files, and builds that are incremental,
deterministic and atomic."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree

from conftest import ROOT, SEEDS
from tei.site.build import build

FAST = ("html", "txt")


def site_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seeds' site, with every format, built once for the module."""
    folder = tmp_path_factory.mktemp("site") / "edition"
    report = build([ROOT / "seeds"], folder, jobs=2)
    return folder, report


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def test_the_site_has_its_pages_and_files(site):
    folder, report = site
    assert not report.failed and not report.invalid
    for name in ("index.html", "chronology.html", "search.html", "about.html", "browse/index.html",
                 "browse/type.html", "browse/language.html", "browse/place.html", "browse/person.html",
                 "browse/org.html", "corpus.xml", "documents.json", "build-report.json",
                 "pagefind/pagefind.js", "schemas/tei-edition.rng"):
        assert (folder / name).is_file(), name
    # No document of the seeds has topics: no Topics page is offered, and no page links to one.
    browse = (folder / "browse" / "index.html").read_text(encoding="utf-8")
    assert not (folder / "browse" / "topic.html").exists() and "topic.html" not in browse and "Topics" not in browse
    # Without the edition's base URL there is no sitemap (its addresses must be absolute), and the build says so.
    assert not (folder / "sitemap.xml").exists() and "sitemap" in " ".join(report.notes)
    catalogue = json.loads((folder / "documents.json").read_text())["documents"]
    assert len(catalogue) == len(SEEDS)
    assert [d["date"] for d in catalogue] == sorted(d["date"] for d in catalogue)
    for entry in catalogue:
        for path in [entry["page"], *entry["downloads"].values(), *entry["citation"].values()]:
            assert (folder / path).is_file(), path
        assert set(entry["downloads"]) == {"xml", "pdf", "txt"}
        assert set(entry["citation"]) == {"csl-json", "bibtex", "ris"}
        assert json.loads((folder / entry["citation"]["csl-json"]).read_text(encoding="utf-8"))
    corpus = etree.parse(str(folder / "corpus.xml")).getroot()
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    assert len(corpus.findall("{http://www.tei-c.org/ns/1.0}TEI")) == len(SEEDS)


def test_every_internal_link_and_download_resolves(site):
    folder, _ = site
    broken = []
    pages = sorted(folder.rglob("*.html"))
    ids = {}
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        ids[page] = parser
    for page, parser in ids.items():
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("mailto:", "data:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(folder)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids[target].ids:
                broken.append(f"{page.relative_to(folder)} -> {link} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_the_about_page_is_for_readers(site):
    """What the edition is, its licence, how to cite it, how the documents are edited and the key
    to the marks; not the developers' notes (the encoding guide is docs/encoding.md)."""
    folder, _ = site
    about = (folder / "about.html").read_text(encoding="utf-8")
    for heading in ("The edition", "Who made it", "Licence", "How to cite", "How the documents are edited",
                    "Editorial marks"):
        assert f">{heading}</h" in about, heading
    assert "<td><code>The [sic]</code>, <code>but [sic!]</code></td><td>thus in the original</td>" in about
    assert "published by Wilson Center Digital Archive" in about and "from 1948 to 1988" in about
    for developer_note in ("encoder.py", "Schematron", "lossless", "docs/encoding.md", "xml:id", "@cert", "<pre>"):
        assert developer_note not in about, developer_note


def test_document_pages_link_to_neighbours_in_date_order(site):
    folder, _ = site
    page = (folder / "documents" / "wilson-165251.html").read_text(encoding="utf-8")  # June 1967
    assert 'rel="prev" href="wilson-119377.html"' in page  # October 1948
    assert 'rel="next" href="000_f425829870b8b895.html"' in page  # November 1973
    assert "data-pagefind-body" in page and 'data-pagefind-meta="type" data-pagefind-ignore>Memorandum' in page


def test_names_in_the_documents_link_to_their_index_entries(site):
    folder, _ = site
    page = (folder / "documents" / "wilson-119377.html").read_text(encoding="utf-8")
    assert 'href="../browse/person.html#person-kim-il-sung"' in page
    assert 'href="../browse/place.html#place-pyongyang"' in page
    people = (folder / "browse" / "person.html").read_text(encoding="utf-8")
    entry = people[people.index('id="person-kim-il-sung"'):]
    entry = entry[:entry.index("</section>")]
    assert "Kim Il Sung <span class=\"count\">(3)</span>" in entry
    assert "wikidata.org/entity/Q39364" in entry
    assert entry.count("<li>") == 3


def test_browsing_pages_count_documents(site):
    folder, _ = site
    types = (folder / "browse" / "type.html").read_text(encoding="utf-8")
    assert "Telegram <span class=\"count\">(2)</span>" in types
    chronology = (folder / "chronology.html").read_text(encoding="utf-8")
    assert chronology.index("1948") < chronology.index("1967") < chronology.index("1988")


def test_the_catalogue_keeps_one_copy_of_what_documents_share(site):
    """A large edition names the same people thousands of times: the build holds each once."""
    _, report = site
    named: dict[str, list] = {}
    for doc in report.documents:
        for item in doc.record["people"] + doc.record["places"] + doc.record["organisations"]:
            named.setdefault(item["anchor"], []).append(item)
    shared = {anchor: items for anchor, items in named.items() if len(items) > 1}
    assert "person-kim-il-sung" in shared
    assert all(item is items[0] for items in shared.values() for item in items)
    types = [doc.record["type"] for doc in report.documents if doc.record["type"] == "Telegram"]
    assert len(types) == 2 and types[0] is types[1]


def copy_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copyfile(seed, folder / seed.name)
    return folder


def test_incremental_build_redoes_only_the_changed_document_and_matches_a_clean_build(tmp_path):
    sources = copy_seeds(tmp_path / "sources")
    first = build([sources], tmp_path / "a" / "edition", jobs=1, formats=FAST)
    assert first.rebuilt == len(SEEDS)
    changed = sources / SEEDS[1].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("Do you really doubt", "Do you truly doubt"), encoding="utf-8")
    second = build([sources], tmp_path / "a" / "edition", jobs=1, formats=FAST)
    assert (second.rebuilt, second.reused) == (1, len(SEEDS) - 1)
    clean = build([sources], tmp_path / "b" / "edition", jobs=1, formats=FAST)
    assert clean.rebuilt == len(SEEDS)
    incremental, fresh = site_files(tmp_path / "a" / "edition"), site_files(tmp_path / "b" / "edition")
    assert incremental.keys() == fresh.keys()
    assert [k for k in incremental if incremental[k] != fresh[k]] == []
    assert b"Do you truly doubt" in incremental["documents/wilson-176345.html"]


def test_two_clean_builds_are_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = build([ROOT / "seeds"], tmp_path / "one" / "edition", jobs=2, formats=FAST)
    two = build([ROOT / "seeds"], tmp_path / "two" / "edition", jobs=1, formats=FAST)
    assert one.rebuilt == two.rebuilt == len(SEEDS)
    assert site_files(tmp_path / "one" / "edition") == site_files(tmp_path / "two" / "edition")


def test_a_failing_build_leaves_the_previous_site_whole(tmp_path, monkeypatch):
    out = tmp_path / "edition"
    build([ROOT / "seeds"], out, jobs=1, formats=FAST)
    before = site_files(out)

    def broken(folder, *args, **kwargs):
        (folder / "index.html").parent.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text("half a site")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tei.site.pages.write_site", broken)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # another day accessed: the site is assembled again
    with pytest.raises(OSError):
        build([ROOT / "seeds"], out, jobs=1, formats=FAST)
    assert site_files(out) == before
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name or ".old-" in p.name]


def test_an_interrupted_build_leaves_the_previous_site_whole(tmp_path):
    out = tmp_path / "edition"
    build([ROOT / "seeds"], out, jobs=1, formats=FAST)
    before = site_files(out)
    process = subprocess.Popen([sys.executable, "-m", "tei.cli", "build", str(ROOT / "seeds"), "-o", str(out),
                                "--formats", "html,pdf,txt", "-q", "-j", "1"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # killed while its workers make the documents (a fixed delay could land in the update of the
    # site, which the next build repairs from its journal: tests/site/test_build_safety.py)
    workers = _children(process.pid)
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert site_files(out) == before
    # its workers do not outlive it, holding the build's lock: they are gone within seconds
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "the killed build's workers are still running"
    assert not build([ROOT / "seeds"], out, jobs=1, formats=FAST).failed  # and no "a build is running"


def _children(pid: int) -> list[int]:
    """The processes `pid` started (Linux: /proc), once it has started any."""
    for _ in range(50):
        found = [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                 for child in (task / "children").read_text().split()]
        if found:
            return found
        time.sleep(0.1)
    return []


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_a_bad_source_is_reported_and_not_published(tmp_path):
    sources = copy_seeds(tmp_path / "sources")
    (sources / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    report = build([sources], tmp_path / "edition", jobs=1, formats=FAST)
    assert [Path(d.source).name for d in report.failed] == ["broken.txt"]
    build_report = json.loads((tmp_path / "edition" / "build-report.json").read_text())
    assert build_report["failed"][0]["error"].startswith("is not a text document")
    assert "broken.txt" in (tmp_path / "edition" / "report.html").read_text()
    assert len(list((tmp_path / "edition" / "documents").glob("*.html"))) == len(SEEDS)


def test_an_invalid_document_is_marked_on_the_site(tmp_path, monkeypatch):
    def invalid(self, tree, file, noted=()):
        from tei.validate.validator import Message
        return [Message(file=file, line=1, column=1, severity="error", schema="test",
                        rule_id="demo", message="a planted error")]

    # every way of validating (a file, bytes) ends in validate_tree
    monkeypatch.setattr("tei.validate.validator.Validator.validate_tree", invalid)
    report = build([SEEDS[0]], tmp_path / "edition", jobs=1, formats=FAST)
    assert len(report.invalid) == 1
    page = (tmp_path / "edition" / "documents" / f"{report.documents[0].id}.html").read_text()
    assert "not valid against the edition" in page
    assert "not valid" in (tmp_path / "edition" / "index.html").read_text()


def test_two_builds_make_the_same_pdfs_without_source_date_epoch(tmp_path, monkeypatch):
    """A PDF's dates are the TEI's, never the clock's: two cold builds a moment apart, in two
    folders, publish byte-identical PDFs."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build([SEEDS[0]], tmp_path / "one" / "edition", jobs=1, formats=("html", "pdf"))
    time.sleep(1.1)
    second = build([SEEDS[0]], tmp_path / "two" / "edition", jobs=1, formats=("html", "pdf"))
    assert first.rebuilt == second.rebuilt == 1
    pdfs = {name: data for name, data in site_files(tmp_path / "one" / "edition").items() if name.endswith(".pdf")}
    assert pdfs and pdfs == {name: data for name, data in site_files(tmp_path / "two" / "edition").items()
                             if name.endswith(".pdf")}
