"""A rebuild updates the site in place: what did not change is not touched (same inode, same mtime),
a build with nothing changed writes nothing, and a failed or interrupted update never leaves the
site half old, half new."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from tei.site.build import SITE_MANIFEST, build
from tei.core.files import UPDATE_JOURNAL

FAST = ("html", "txt")
EDITED = SEEDS[1].name
EDITED_ID = "wilson-176345"


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder (the site itself as ".") with its inode and mtime in nanoseconds."""
    found = {".": (folder.stat().st_ino, folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[path.relative_to(folder).as_posix()] = (info.st_ino, info.st_mtime_ns)
    return found


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(sources: Path) -> None:
    path = sources / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("Do you really doubt", "Do you truly doubt"),
                    encoding="utf-8")


@pytest.fixture
def built(tmp_path):
    """A copy of the seeds and their site, built once."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for seed in SEEDS:
        shutil.copyfile(seed, sources / seed.name)
    site = tmp_path / "site"
    report = build([sources], site, jobs=1, formats=FAST)
    assert not report.failed and report.site.written and not report.site.removed
    return sources, site


def test_a_build_with_nothing_changed_writes_nothing(built, monkeypatch):
    sources, site = built
    before = stamps(site)
    real_run = subprocess.run

    def no_pagefind(command, *args, **kwargs):
        assert "pagefind" not in command, "the search index was made again from unchanged pages"
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr("tei.site.pages.subprocess.run", no_pagefind)
    report = build([sources], site, jobs=1, formats=FAST)
    assert stamps(site) == before
    assert (report.rebuilt, report.reused) == (0, len(SEEDS))
    assert (report.site.written, report.site.removed) == ([], [])
    assert report.site.unchanged == len([p for p in site.rglob("*") if p.is_file()])
    assert not [p for p in site.parent.iterdir() if ".staging-" in p.name]


def test_editing_one_source_touches_only_what_shows_it(built, tmp_path):
    sources, site = built
    before, old = stamps(site), contents(site)
    edit(sources)
    report = build([sources], site, jobs=1, formats=FAST)
    new = contents(site)
    assert (report.rebuilt, report.reused) == (1, len(SEEDS) - 1)
    differing = sorted(name for name in new if old.get(name) != new[name])
    assert report.site.written == differing
    # Pagefind names its files by their content: the edited document's old fragments went.
    assert report.site.removed == sorted(set(old) - set(new))
    assert all(name.startswith("pagefind/") for name in report.site.removed)
    # Only what changed was touched: every other file keeps its inode and mtime.
    after = stamps(site)
    touched = sorted(name for name in new if after[name] != before.get(name))
    assert touched == differing
    # The edited document's files and the search index (which holds its text) changed; the other
    # documents, the listings that show only its unchanged title and date, the assets did not.
    assert {f"documents/{EDITED_ID}.html", f"documents/{EDITED_ID}.txt", f"documents/{EDITED_ID}.xml",
            "corpus.xml"} <= set(differing)
    assert any(name.startswith("pagefind/") for name in differing)
    others = [name for name in differing if name.startswith("documents/") and EDITED_ID not in name]
    assert others == []
    assert not [name for name in differing if name.startswith(("assets/", "schemas/", "browse/"))]
    assert b"Do you truly doubt" in new[f"documents/{EDITED_ID}.html"]
    # In place or clean, the same site.
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == new


def test_a_removed_source_takes_its_pages_away(built, tmp_path):
    sources, site = built
    (sources / EDITED).unlink()
    report = build([sources], site, jobs=1, formats=FAST)
    assert not list((site / "documents").glob(f"{EDITED_ID}.*"))
    assert {f"documents/{EDITED_ID}.html", f"documents/{EDITED_ID}.txt"} <= set(report.site.removed)
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)


def test_a_folder_no_longer_needed_is_pruned(built):
    sources, site = built
    (site / "old-part" / "deep").mkdir(parents=True)
    (site / "old-part" / "deep" / "page.html").write_text("from an earlier build")
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.site.removed == ["old-part/deep/page.html"] and not (site / "old-part").exists()


def test_a_build_that_fails_midway_leaves_the_previous_site_untouched(built, monkeypatch):
    sources, site = built
    before, old = stamps(site), contents(site)
    edit(sources)

    def broken(folder, *args, **kwargs):
        (folder / "corpus.xml").write_text("half a corpus")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tei.site.pages._write_corpus", broken)
    with pytest.raises(OSError):
        build([sources], site, jobs=1, formats=FAST)
    assert contents(site) == old and stamps(site) == before
    assert not [p for p in site.parent.iterdir() if ".staging-" in p.name or ".old-" in p.name]


#: A build in a child process that dies (as if killed, or the machine stopped) after it has written
#: its update's journal and moved the first half of the changed files into the site.
CRASHING_BUILD = """
import json, os, sys
import tei.core.files
finish = tei.core.files.finish_update
def crash(new, target):
    write = json.loads((new / tei.core.files.UPDATE_JOURNAL).read_text())["write"]
    for name in write[: len(write) // 2]:
        os.replace(new / name, target / name)
    os._exit(9)
tei.core.files.finish_update = crash
from tei.cli import cli
cli(sys.argv[1:], prog_name="tei-edition")
"""


def test_an_update_interrupted_after_its_journal_is_finished_by_the_next_build(built, tmp_path):
    sources, site = built
    edit(sources)
    # The site this update should give.
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    expected, old = contents(tmp_path / "clean"), contents(site)
    crashed = subprocess.run([sys.executable, "-c", CRASHING_BUILD, "build", str(sources), "-o", str(site),
                              "--formats", "html,txt", "-j", "1", "-q"], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert crashed.returncode == 9, crashed.stderr
    [staging] = [p for p in site.parent.iterdir() if ".staging-" in p.name]
    assert (staging / UPDATE_JOURNAL).is_file()
    half = contents(site)
    assert half != expected and half != old  # half old, half new
    # The next build finishes the update before anything else, even one that publishes nothing.
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    report = build([bad], site, jobs=1, formats=FAST)
    assert not report.replaced
    assert contents(site) == expected and not staging.exists()
    # And the one after it finds nothing left to do.
    before = stamps(site)
    again = build([sources], site, jobs=1, formats=FAST)
    assert (again.site.written, again.site.removed) == ([], []) and stamps(site) == before


def test_a_file_changed_in_the_site_by_hand_is_put_back_by_a_build_with_nothing_changed(built):
    sources, site = built
    old = contents(site)
    (site / "index.html").write_text("changed by hand")
    (site / "documents" / f"{EDITED_ID}.txt").unlink()
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.site.written == ["documents/" + f"{EDITED_ID}.txt", "index.html"]
    assert contents(site) == old


def test_what_the_pages_say_around_the_documents_is_written_again_when_it_changes(built, monkeypatch):
    sources, site = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # another day accessed, in every citation
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.rebuilt == 0 and f"documents/{EDITED_ID}.bib" in report.site.written
    assert "November 14, 2023" in (site / "documents" / f"{EDITED_ID}.html").read_text(encoding="utf-8")


def neighbours(site: Path, ident: str) -> set[str]:
    """The documents listed just before and after `ident` (whose pages link to it)."""
    order = [entry["id"] for entry in json.loads((site / "documents.json").read_text(encoding="utf-8"))["documents"]]
    at = order.index(ident)
    return set(order[max(0, at - 1):at] + order[at + 1:at + 2])


def test_an_edit_that_moves_a_document_remakes_only_what_shows_it_and_gives_the_clean_site(built, tmp_path,
                                                                                            monkeypatch):
    """A document redated moves in the chronology: its page, and its old and new neighbours' pages
    (which link to it by title and date), are made again; every other page, citation and part of
    the teiCorpus is the one the last build kept. The site is byte for byte a clean build's."""
    import tei.site.pages as pages_module
    from tei.export.corpus import header_record, write_corpus
    from tei.export.edition import Edition
    from tei.core.record import DocumentRecord
    from tei.core.registers import Registers
    from tei.export.sources import read_source

    sources, site = built
    before = neighbours(site, EDITED_ID)
    path = sources / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("May 4, 1988", "May 4, 1950", 1), encoding="utf-8")
    pages, members = [], []
    citation = pages_module._citation
    monkeypatch.setattr(pages_module, "_citation", lambda doc, *args: pages.append(doc.id) or citation(doc, *args))
    import tei.export.corpus
    real_member = tei.export.corpus.corpus_member
    monkeypatch.setattr(tei.export.corpus, "corpus_member",
                        lambda document, *args: members.append(document.id) or real_member(document, *args))
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.rebuilt == 1
    after = neighbours(site, EDITED_ID)
    assert before != after
    assert sorted(pages) == sorted({EDITED_ID} | before | after)
    assert members == [EDITED_ID]
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)
    # What the site puts together from kept entries is what the exports write whole.
    text = (site / "documents.json").read_text(encoding="utf-8")
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=True) == text
    files = sorted((site / "documents").glob("*.xml"))
    documents = [read_source(p) for p in files]
    order = [entry["id"] for entry in json.loads(text)["documents"]]
    documents.sort(key=lambda d: order.index(d.id))
    records = [header_record(DocumentRecord.from_tei(d.tree, id=d.id, file=d.file_name)) for d in documents]
    write_corpus(tmp_path / "corpus.xml", lambda: documents, records, Registers.package(), Edition())
    assert (tmp_path / "corpus.xml").read_bytes() == (site / "corpus.xml").read_bytes()


@pytest.mark.parametrize("old, new", [
    ("Kim expresses concern about the Soviet Union's increasing", "Kim voices concern about the Soviet Union's growing"),
    ("Excerpt from a Conversation with Member", "Excerpts from a Talk with Member"),
], ids=["summary", "title"])
def test_an_edit_of_a_record_makes_only_its_own_entries_in_the_listings_and_gives_the_clean_site(
        built, tmp_path, monkeypatch, old, new):
    """An edit of a document's summary or title changes its record, and so documents.json and (for
    the title) every page that lists it: they are put together from the entries the last build
    kept for the other documents (`ListingFragments`, keyed by each one's content key), and only
    the edited document's are made again. The site is byte for byte a clean build's."""
    listed = {EDITED_ID}
    import tei.site.pages as pages_module

    sources, site = built
    path = sources / EDITED
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    made = []
    save = pages_module.ListingFragments.save
    monkeypatch.setattr(pages_module.ListingFragments, "save", lambda self, listings: made.append(
        {key for key in self.used if key not in self.kept} | self.made_entries) or save(self, listings))
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.rebuilt == 1
    assert len(made) == 1 and made[0]
    assert {key[2] for key in made[0] if isinstance(key, tuple)} == listed
    assert len([key for key in made[0] if isinstance(key, str)]) == 1  # its entry in documents.json
    assert new in (site / "documents.json").read_text(encoding="utf-8")
    monkeypatch.undo()
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)


def test_files_kept_in_the_site_still_make_what_the_cache_lost(built, tmp_path):
    """A rebuild leaves in the site the files it already holds rather than linking them again; what
    is made from them (the teiCorpus's parts, the listings) is made from the cache's copies, so a
    cache that lost those entries still gives the clean build's site."""
    sources, site = built
    cache = site.parent / f".{site.name}.cache"
    for entry in cache.iterdir():
        if entry.name.startswith(("corpus-", "listings-", SITE_MANIFEST)):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    before = stamps(site)
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.rebuilt == 0 and (report.site.written, report.site.removed) == ([], [])
    assert stamps(site) == before
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)


@pytest.fixture
def counted_reads(monkeypatch):
    """The sources the build reads to key them (the workers' reads, in other processes, are not
    counted); every recorded file state is old enough to be trusted."""
    import tei.site.build as build_module

    monkeypatch.setattr(build_module, "RACY_NS", 0)
    reads = []
    real = build_module.read_source_file
    monkeypatch.setattr(build_module, "read_source_file", lambda path, *args: reads.append(path.name) or real(path, *args))
    return reads


def test_a_source_whose_file_state_is_unchanged_is_not_read_again(built, counted_reads):
    sources, site = built
    build([sources], site, jobs=1, formats=FAST)  # records the states, now trusted
    counted_reads.clear()
    before = stamps(site)
    report = build([sources], site, jobs=1, formats=FAST)
    assert counted_reads == [] and report.reused == len(SEEDS)
    assert stamps(site) == before


def test_a_touched_source_is_read_again_and_writes_nothing(built, counted_reads):
    sources, site = built
    build([sources], site, jobs=1, formats=FAST)
    counted_reads.clear()
    before = stamps(site)
    os.utime(sources / EDITED)
    report = build([sources], site, jobs=1, formats=FAST)
    assert counted_reads == [EDITED] and (report.rebuilt, report.reused) == (0, len(SEEDS))
    assert (report.site.written, report.site.removed) == ([], []) and stamps(site) == before


def test_an_edit_that_keeps_the_size_and_the_mtime_is_seen(built, counted_reads, tmp_path):
    """The ctime, which no program sets, tells the edit apart."""
    sources, site = built
    build([sources], site, jobs=1, formats=FAST)
    path = sources / EDITED
    info = path.stat()
    text = path.read_bytes()
    assert b"Do you really doubt" in text
    path.write_bytes(text.replace(b"Do you really doubt", b"Do you fairly doubt"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    report = build([sources], site, jobs=1, formats=FAST)
    assert report.rebuilt == 1
    assert b"Do you fairly doubt" in (site / "documents" / f"{EDITED_ID}.html").read_bytes()
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)


def test_two_sources_with_the_same_bytes_are_two_documents_in_a_rebuild_as_in_a_clean_build(tmp_path):
    """A source without a record ID is named by its file: the cache keeps the two apart."""
    sources = tmp_path / "sources"
    sources.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")  # no record ID
    for name in ("first.txt", "second.txt"):
        (sources / name).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    first = build([sources], site, jobs=1, formats=FAST)
    again = build([sources], site, jobs=1, formats=FAST)
    assert [d.id for d in first.documents] == [d.id for d in again.documents] == ["first", "second"]
    assert not again.failed and (again.site.written, again.site.removed) == ([], [])


def test_a_corpus_changed_by_hand_in_the_site_is_not_spliced_from(built, tmp_path):
    """The site's corpus.xml is the cache's file under another name: written in place, it no longer
    has the size and mtime its index was made with, and the next corpus is made whole again."""
    sources, site = built
    with open(site / "corpus.xml", "r+b") as corpus:
        text = corpus.read()
        starts = [match.start() for match in re.finditer(rb"<TEI[ >]", text)]
        # a paragraph in the part of a document other than the edited one, which is made again anyway
        other = next(start for start, end in zip(starts, starts[1:] + [len(text)])
                     if EDITED_ID.encode() not in text[start:end])
        at = text.index(b"<p>", other) + 3
        corpus.seek(at)
        corpus.write(b"X" * 8)
    edit(sources)
    build([sources], site, jobs=1, formats=FAST)
    build([sources], tmp_path / "clean", jobs=1, formats=FAST)
    assert contents(tmp_path / "clean") == contents(site)


def test_a_page_made_again_with_the_same_bytes_becomes_one_file_with_the_sites(built):
    """A page the cache lost (or that other code made again) comes out with the same bytes as the
    site's: the site keeps its file, and the cache takes it, so that the next build neither links
    nor compares it again."""
    sources, site = built
    cache = site.parent / f".{site.name}.cache"
    for entry in cache.iterdir():
        if entry.name.startswith("page-"):
            shutil.rmtree(entry)
    (cache / SITE_MANIFEST).unlink()  # the site is put together again
    before = stamps(site)
    report = build([sources], site, jobs=1, formats=FAST)
    assert (report.site.written, report.site.removed) == ([], []) and stamps(site) == before
    page = site / "documents" / f"{EDITED_ID}.html"
    [kept] = [entry / "page.html" for entry in cache.iterdir()
              if entry.name.startswith("page-") and (entry / "page.html").read_bytes() == page.read_bytes()]
    assert kept.stat().st_ino == page.stat().st_ino


def test_records_read_from_their_build_json_hold_the_values_they_repeat_once(built):
    """A cache without the source list (an older build's) gives the records from each build.json:
    the values documents repeat (types, places, people) must still be one object, or the catalogue
    held while the site is written grows with every document's copy of them."""
    from tei.site.build import SOURCE_LIST

    sources, site = built
    (site.parent / f".{site.name}.cache" / SOURCE_LIST).unlink()
    report = build([sources], site, jobs=1, formats=FAST)
    telegrams = [doc.record["type"] for doc in report.documents if doc.record.get("type") == "Telegram"]
    assert report.reused == len(SEEDS) and len(telegrams) == 2
    assert telegrams[0] is telegrams[1]


def test_the_garbage_collector_runs_less_often_during_a_build_only(built, monkeypatch):
    """A build raises the collector's first threshold (its own objects live to its end) and gives
    the caller's back, even when it fails."""
    import gc

    import tei.site.build as site_build

    sources, site = built
    seen = []
    before = gc.get_threshold()

    def failing(*args, **kwargs):
        seen.append(gc.get_threshold())
        raise RuntimeError("stopped")

    monkeypatch.setattr(site_build, "_build", failing)
    with pytest.raises(RuntimeError):
        build([sources], site, jobs=1, formats=FAST)
    assert seen == [(site_build.BUILD_GC_THRESHOLD, *before[1:])] and gc.get_threshold() == before


def test_an_older_builds_manifest_is_removed_from_the_cache(built):
    sources, site = built
    old = site.parent / f".{site.name}.cache" / "site.json"
    old.write_text("{}", encoding="utf-8")
    edit(sources)
    build([sources], site, jobs=1, formats=FAST)
    assert not old.exists()
