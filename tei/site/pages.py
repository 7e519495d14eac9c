"""The edition site: built documents -> static pages through the jinja2 templates in tei/templates.

The document pages are the reading editions that `render` makes; this module only puts the
edition's navigation around them and writes the pages that list documents (home, chronology,
browsing, search, about), the catalogue, the sitemap and the search index.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import zlib
from collections import defaultdict
from concurrent import futures
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import jinja2
import markupsafe
from babel.dates import get_month_names

from .. import __version__
from ..core.tei import T, slug
from ..export.edition import Edition, edition_date
from ..core.registers import Registers
from ..core.messages import SOURCE_LANGUAGE, translations
from .namecards import page_cards, register_cards
from ..core.files import UNREADABLE_PICKLE, cache_folders, read_kept, write_atomic
from ..core.resources import doc_path, schema_path

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    from .build import DocumentBuild
    from ..export.corpus import HeaderRecord

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The site's own pages (besides the documents and the browsing pages), as the sitemap lists them.
SITE_PAGES = ["index.html", "chronology.html", "search.html", "about.html", "browse/index.html"]
#: Pagefind holds a whole index in memory (about six times the pages it reads), so a large edition
#: is indexed in parts of at most this many bytes of pages, which the search page merges.
SEARCH_PART_BYTES = 32 * 2**20
#: The folder of the build's cache where the templates are kept compiled.
TEMPLATES_COMPILED = "templates-compiled"
#: A part also holds about this many pages at most: an edited page has its part indexed again, which
#: takes Pagefind about a second per hundred pages on one core.
SEARCH_PART_PAGES = 256


def N_(message: str) -> str:
    """A message of the catalogue, translated where it is shown (the extractor looks for N_)."""
    return message


def _labels(name: str, values: list[str]) -> list[tuple[str, str]]:
    return [(f"{name}-{slug(value, default='x')}", value) for value in values if value]


def _entities(items: list[dict]) -> list[tuple[str, str]]:
    return [(item["anchor"], item["name"]) for item in items]


#: Browsing pages: name -> (title, the (anchor, label) pairs a document is listed under). The
#: anchors of people, places and organisations are their register entries (person-kim-il-sung),
#: which is where the reading editions link their names to.
FACETS = {
    "type": (N_("Document types"), lambda r: _labels("type", [r.get("type", "")])),
    "language": (N_("Original languages"), lambda r: _labels("language", r.get("language_names") or [])),
    "person": (N_("People"), lambda r: _entities(r.get("people") or [])),
    "place": (N_("Places"), lambda r: _entities(r.get("places") or [])),
    "org": (N_("Organisations"), lambda r: _entities(r.get("organisations") or [])),
    "topic": (N_("Topics"), lambda r: _labels("topic", r.get("topics") or [])),
}


#: The messages of the site's scripts (site.js, name_cards.js), with {name} for what they fill in.
#: A page in another language than English carries their translations (script#interface-messages).
SCRIPT_MESSAGES = (N_("{shown} of {total} documents"), N_("{count} document found"), N_("{count} documents found"),
                   N_(" (there are more: add words to narrow the search)"), N_("Searching…"),
                   N_("Search is not available here."), N_("Documents that name {name}"), N_("Authority record"),
                   # the reading edition's own script (xslt/edition.js): its copy button
                   N_("Citation copied."), N_("Select the citation and copy it."))


def _interface_script(language: str) -> markupsafe.Markup:
    """The scripts' messages in `language` as a JSON script element ("" for English, their own)."""
    if language == SOURCE_LANGUAGE:
        return markupsafe.Markup("")
    gettext = translations(language).gettext
    messages = json.dumps({message: gettext(message) for message in SCRIPT_MESSAGES}, ensure_ascii=False)
    return markupsafe.Markup('<script type="application/json" id="interface-messages">{}</script>').format(
        markupsafe.Markup(messages.replace("<", "\\u003c")))


def _environment(edition: Edition, records: list["HeaderRecord"], compiled: Path | None = None) -> jinja2.Environment:
    """The templates, with the edition's identity (the edition file's record) in every page, in
    the interface language the edition file names (tei/locale's catalogue for it). The templates
    compiled are kept in the folder `compiled`, when given, for the next build."""
    if compiled is not None:
        compiled.mkdir(exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             extensions=["jinja2.ext.i18n"],
                             bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None)
    env.install_gettext_translations(translations(edition.language), newstyle=True)
    # Only the publisher the edition file names: the archive that most documents name published
    # the documents, not this edition (the corpus header, which needs one, still falls back to it).
    publisher = edition.publisher
    env.globals.update(edition=edition, edition_title=edition.title, publisher=publisher,
                       edition_citation=edition.cite(publisher, edition_date(records)[:4]),
                       version=__version__, interface_script=_interface_script(edition.language))
    env.filters["slug"] = functools.partial(slug, default="x")  # an anchor is never empty
    ListingFragments(env.get_template("macros.html").module).install(env)
    return env


#: In the cache: the documents' entries in the listings (`ListingFragments`), in one file.
SITE_FRAGMENTS = "site-fragments.pickle"


class ListingFragments:
    """The documents' entries in the pages that list them (an item of the chronology's and the
    indexes' lists, a row of the table of documents, a line of the report's list to review, an
    entry of documents.json), each made once and kept in the build's cache between builds under
    the document's id and content key (which its record is made from), whether it has errors and
    its review count: the listings of 10,000 documents are put together from the kept
    entries, and an edit of a record makes again only the edited document's. The file is read only
    when the listings are made again, and keeps only what the last build used. The entries of
    documents.json, most of the bytes, are not in it: the file keeps where each one is in the last
    documents.json the cache holds (`catalogue_entry`), which the next is spliced from."""

    def __init__(self, macros, cache: Path | None = None, salt: str = "") -> None:
        self.macros, self.path, self.salt = macros, cache / SITE_FRAGMENTS if cache else None, salt
        kept = read_kept(self.path) if self.path else None
        kept = kept if isinstance(kept, dict) and kept.get("salt") == salt else {}
        self.kept: dict[tuple, str] = kept.get("fragments", {})
        self.used: dict[tuple, str] = {}
        #: The last documents.json (its path in the cache, size and mtime) and each entry's range in it
        self.kept_catalogue: tuple[str, int, int] | None = kept.get("catalogue")
        self.kept_entries: dict[str, tuple[int, int]] = kept.get("entries", {})
        #: This build's documents.json's entries: their keys and ranges, and the keys of those made
        self.entries: dict[str, tuple[int, int]] = {}
        self.made_entries: set[str] = set()
        #: This build's fragments by document (macro, root, id: the published have one id each)
        self.shown: dict[tuple[str, str, str], str] = {}
        self.made = 0

    def install(self, env: jinja2.Environment) -> None:
        env.globals.update(doc_item=self.item, doc_items=self.items, doc_rows=self.rows,
                           review_items=self.reviews)

    def fragment(self, macro: str, doc: "DocumentBuild", root: str) -> str:
        found = self.shown.get((macro, root, doc.id))  # a document is in many lists: its key is made once
        if found is not None:
            return found
        # The content key stands for the record it is made from: no digest of the shown values is
        # made for each of 10,000 documents at every build.
        key = (macro, root, doc.id, doc.key, bool(doc.errors), doc.review)
        made = self.used.get(key)
        if made is None:
            made = self.kept.get(key)
            if made is None:
                made = str(getattr(self.macros, macro)(doc, root))
                self.made += 1
            self.used[key] = made
        self.shown[(macro, root, doc.id)] = made
        return made

    def item(self, doc: "DocumentBuild", root: str) -> markupsafe.Markup:
        return markupsafe.Markup(self.fragment("doc_item", doc, root))

    def items(self, docs: Iterable["DocumentBuild"], root: str) -> markupsafe.Markup:
        return markupsafe.Markup("".join([self.fragment("doc_item", doc, root) for doc in docs]))

    def rows(self, docs: Iterable["DocumentBuild"], root: str) -> markupsafe.Markup:
        return markupsafe.Markup("".join([self.fragment("doc_row", doc, root) for doc in docs]))

    def open_catalogue(self):
        """The last documents.json that the kept entries' ranges are in (opened), or None when the
        cache no longer holds it as it was written."""
        if not self.kept_catalogue:
            return None
        name, size, mtime_ns = self.kept_catalogue
        try:
            file = open(self.path.parent / name, "rb")
        except OSError:
            return None
        info = os.fstat(file.fileno())
        if (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
            file.close()
            return None
        return file

    def catalogue_entry(self, out: "_Splice", key: str, kept, make: Callable[[], bytes]) -> None:
        """A document's entry in documents.json (made from the cache's entry `key` alone), copied
        from the last documents.json (`kept`, from `open_catalogue`) when it has it, else made."""
        start = out.position
        found = self.kept_entries.get(key) if kept is not None else None
        if found is not None:
            out.copy(kept, *found)
        else:
            out.write(make())
            self.made += 1
            self.made_entries.add(key)
        self.entries[key] = (start, out.position - start)

    def reviews(self, docs: Iterable["DocumentBuild"], root: str) -> markupsafe.Markup:
        return markupsafe.Markup("".join([self.fragment("review_item", doc, root) for doc in docs]))

    def save(self, listings: Path) -> None:
        """Keep the entries this build used for the next, with where the entries of documents.json
        are in the one the cache's entry `listings` holds."""
        if self.path:
            info = os.stat(listings / "documents.json")
            catalogue = (str((listings / "documents.json").relative_to(self.path.parent)), info.st_size,
                         info.st_mtime_ns)
            write_atomic(self.path, pickle.dumps({"salt": self.salt, "fragments": self.used, "catalogue": catalogue,
                                                  "entries": self.entries}, protocol=pickle.HIGHEST_PROTOCOL))


def _year(record: dict) -> str:
    return record.get("date", "")[:4] or "Undated"


def _link(source: Path, target: Path) -> None:
    """Hard-link a cached file into the site (copy where links are not possible)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class SiteFiles:
    """Puts the cache's files into the staging folder of a site, hard-linked; a file that the site on
    disk already holds (the same inode under the same name) is only named in `kept`, not linked
    again: updating the site leaves it as it is, and a rebuild of a large edition does not make tens
    of thousands of links to compare and throw away."""

    def __init__(self, folder: Path, present: dict[str, os.stat_result] | None = None) -> None:
        self.folder, self.prefix = folder, os.fspath(folder) + os.sep
        self.present = {name: (info.st_dev, info.st_ino) for name, info in (present or {}).items()}
        self.kept: set[str] = set()
        #: The cache's files linked under a name the site holds another file under, by that name
        self.replacing: dict[str, str] = {}

    def link(self, source: Path | str, target: Path | str, adoptable: bool = True) -> None:
        """`source` at `target`, a path inside the staging folder. A file that is not `adoptable` is
        one whose cache entry must keep its own inode and mtime (see `adopt`)."""
        name = os.fspath(target).removeprefix(self.prefix).replace(os.sep, "/")
        wanted = self.present.get(name)
        if wanted is not None:
            info = os.stat(source)
            if (info.st_dev, info.st_ino) == wanted:
                self.kept.add(name)
                return
            if adoptable:
                self.replacing[name] = os.fspath(source)
        _link(source, target)

    def adopt(self, site: Path, written: Iterable[str], cache: Path) -> None:
        """Once the site is updated: each cache file that the site kept a file of the same bytes in
        place of (another inode: the cache's entry was made again, by other code) becomes the site's
        file, linked into the cache under its name, so that the next build finds one file under two
        names, neither linked nor compared again. The site is not touched."""
        written = set(written)
        spare = cache / ".adopting"  # a file: not what a cache's cleanup removes, and reused here
        for name, source in self.replacing.items():
            if name in written:
                continue
            try:
                spare.unlink(missing_ok=True)
                os.link(site / name, spare)
                os.replace(spare, source)
            except OSError:  # another file system, or a file gone: it is compared again next time
                continue
        spare.unlink(missing_ok=True)

    def link_folder(self, source: Path, target: Path) -> None:
        _copy_folder(source, target, copy=self.link)


@functools.lru_cache(maxsize=1)
def _navigation_style() -> str:
    """The document pages' navigation style, read once rather than for every page."""
    return (TEMPLATES / "document_nav.css").read_text(encoding="utf-8")


#: The reading edition's "Cite this document" section (xslt/html/header.xsl): paragraphs only.
#: The citation files written beside each document's page, by the name documents.json gives them.
CITATION_FILES = {"csl-json": ".csl.json", "bibtex": ".bib", "ris": ".ris"}

_READING_CITATION = re.compile(r'<section class="cite" aria-labelledby="cite-title">.*?</section>', re.S)


def _citation(doc: "DocumentBuild", tei: Path, edition: "Edition", accessed: "date",
              env: jinja2.Environment) -> tuple[dict[str, str], str, str]:
    """The document's citation files (by suffix: .csl.json, .bib, .ris), and its page's head
    (Highwire tags, JSON-LD) and "Cite this document" box."""
    from ..export import citation as cite
    from ..core.record import DocumentRecord
    from ..core.xmlsafe import parse_untrusted

    record = DocumentRecord.from_tei(parse_untrusted(tei, name=f"{doc.id}.xml"), id=doc.id, file=f"{doc.id}.xml")
    entry = cite.Citation(record, edition, accessed)
    texts = {"csl-json": cite.csl_json, "bibtex": cite.bibtex, "ris": cite.ris}
    files = {suffix: texts[name](entry) for name, suffix in CITATION_FILES.items()}
    macros = env.get_template("citation.html").module
    before, day, after = cite.plain_text_parts(entry)
    return (files, str(macros.head(cite.highwire(entry, pdf="pdf" in doc.files), cite.json_ld_script_text(entry))),
            str(macros.box(doc.id, before, day, accessed.isoformat(), after)))


#: What the cache's keys are made of, as json.dumps(..., ensure_ascii=False, default=str) writes it:
#: one encoder, rather than one made for each of 40,000 keys a build.
_KEY_JSON = json.JSONEncoder(ensure_ascii=False, default=str)
#: What the listings' digest is made of, as json.dumps(..., ensure_ascii=False) writes it.
_TEXT_JSON = json.JSONEncoder(ensure_ascii=False)

#: In the cache: the values `SiteMemo.fact` keeps, in one file.
SITE_FACTS = "site-facts.pickle"


class SiteMemo:
    """What the site makes of each document (its page, its citation files, its part of the teiCorpus),
    kept in the build's cache between builds under a key of everything it is made from, so that
    a rebuild makes again only what a changed document shows in. Entries are folders of files,
    hard-linked into the site: a file that did not change keeps its inode, and updating the site
    in place compares it at no cost."""

    def __init__(self, cache: Path, *parts: str, entries: set[str] | None = None) -> None:
        self.cache = cache
        self.salt = "\n".join(parts)
        self.used: set[str] = set()
        #: The names of the cache's folders (given: as the build listed them when it began), so that
        #: looking an entry up does not ask the file system, 10,000 times a build
        self.entries = set(cache_folders(cache) if entries is None else entries)
        self.kept_facts = read_kept(cache / SITE_FACTS) or {}
        self.facts: dict[str, object] = {}

    def fact(self, key: str, make: Callable[[], object]) -> object:
        """A small value kept for the entry `key`, from one file that holds them all (reading a file
        per document at every build is what a large edition's rebuild would wait for), else made."""
        value = self.kept_facts.get(key)
        if value is None:
            value = make()
        self.facts[key] = value
        return value

    def save_facts(self) -> None:
        """Keep the values `fact` gave for the next build, unless they are the ones kept."""
        if self.facts.keys() != self.kept_facts.keys():
            write_atomic(self.cache / SITE_FACTS, pickle.dumps(self.facts, protocol=pickle.HIGHEST_PROTOCOL))

    def key(self, kind: str, *parts) -> str:
        text = _KEY_JSON.encode([self.salt, kind, *parts])
        return f"{kind}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"

    def get(self, key: str) -> Path | None:
        """The entry's folder, or None when no build made it."""
        if key in self.entries:
            self.used.add(key)
            return self.cache / key
        return None

    def put(self, key: str, files: dict[str, bytes]) -> Path:
        """Keep `files` (name -> bytes) as the entry `key`, at once (a folder renamed into place)."""

        def write(folder: Path) -> None:
            for name, data in files.items():
                (folder / name).write_bytes(data)

        return self.put_folder(key, write)

    def put_folder(self, key: str, write: Callable[[Path], None]) -> Path:
        """Keep what `write(folder)` writes into an empty folder as the entry `key`, at once."""
        staging = self.cache / f".{key}.{os.getpid()}"  # a staging name, which a killed build's cleanup removes
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            write(staging)
            shutil.rmtree(self.cache / key, ignore_errors=True)
            os.replace(staging, self.cache / key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.used.add(key)
        self.entries.add(key)
        return self.cache / key


def _document_page(page: str, doc: "DocumentBuild", previous: "DocumentBuild | None", following: "DocumentBuild | None",
                   env: jinja2.Environment, formats: tuple[str, ...], citation: tuple[str, str] = ("", "")) -> str:
    """The reading edition with the edition's navigation, its citation and the search index's metadata."""
    nav = env.get_template("document_nav.html").render(doc=doc, record=doc.record, previous=previous,
                                                         following=following, formats=formats)
    style = f"<style>{_navigation_style()}</style>"
    title = html.escape(env.globals["edition_title"])
    page = re.sub(r"</title>", lambda m: f" — {title}</title>", page, count=1)
    page = page.replace("</head>", '<link rel="icon" href="data:,">' + style + citation[0] + "</head>", 1)
    # The complete citation takes the place of the reading edition's own (which has no downloads
    # and no date accessed); a page without one gets it at the end of its main text.
    page, replaced = _READING_CITATION.subn(lambda m: citation[1], page, count=1)
    if not replaced:
        page = page.replace("</main>", citation[1] + "</main>", 1)
    page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, page, count=1)
    cards = page_cards(page, env.globals["name_cards"])
    if cards:
        page = page.replace("</body>", cards + '<script src="../assets/name-cards.js"></script></body>', 1)
    # Metadata only, no Pagefind filters: its filter index is not byte-stable between runs, and the
    # build must be; the search page filters the results by these fields itself.
    fields = {"title": doc.record.get("title", ""), "date": doc.record.get("date_text", "") or _gettext(env, "Undated"),
              "type": doc.record.get("type", ""), "year": _year(doc.record)}
    # The fields are metadata, not words of the text (ignored as content, still read as metadata);
    # so are the interface's labels and headings around the text, which would otherwise run
    # together with their values ("DateOctober 12, 1948", "TypeMessage") and be hits everywhere.
    meta = "".join(f'<span hidden data-pagefind-meta="{name}" data-pagefind-ignore>{html.escape(value)}</span>'
                   for name, value in fields.items() if value)
    page = re.sub(r"<main([^>]*)>", lambda m: f"<main{m.group(1)} data-pagefind-body>" + meta, page, count=1)
    page = _READING_INTERFACE.sub(lambda m: m.group(0) + " data-pagefind-ignore", page)
    return page


#: The reading edition's interface around the text (xslt/html): the labels of the metadata and the
#: key, the key to the marks, the view switch, the running title, the skip link, the colophon and
#: the headings of its sections and of the manuscript description's parts.
_READING_INTERFACE = re.compile(r'<dt(?=[ >])|<(?:section|div|footer|p|a) class="(?:marks-key|view-switch|colophon'
                                r'|running-title|skip-link)"|<h2 id="(?:manuscript|summary|footnotes|standoff)-title"'
                                r'|<(?:h3|span) class="ms-label"')


def write_site(folder: Path, documents: list["DocumentBuild"], cache: Path, formats: tuple[str, ...],
               edition: Edition | None = None, stage: Callable[[str], None] | None = None, code: str = "",
               files: SiteFiles | None = None, entries: set[str] | None = None) -> set[str]:
    """Write the whole site into `folder` (a fresh staging folder). Pages are streamed to their
    files, so that memory holds the catalogue and not the pages that list it. `edition` (the
    edition file's record) names the edition on every page and in the corpus and catalogue.
    `stage` is told when the search index is begun ("indexing"), for a progress display. Gives the
    names of the entries of `cache` that it used besides the documents' (the search index's parts),
    which the build keeps, and the site's own entries in it (`SiteMemo`). `code` stands for the code
    that makes the site (its digest): what the cache holds of the site is made again when it changes.
    `files` puts the cache's files into `folder` (by default, all of them, linked); `entries` are the
    names of the cache's folders (by default, listed here)."""
    edition = edition or Edition()
    files = files or SiteFiles(folder)
    from ..export.citation import accessed_date

    accessed = accessed_date()
    published = sorted((d for d in documents if not d.failed),
                       key=lambda d: (d.record.get("date") or "9999", d.record.get("title", ""), d.id))
    memo = SiteMemo(cache, code, entries=entries)
    pages: list[tuple[str, Path, str]] = []  # the document pages: name, file in `memo`, key in `memo`
    facts = _header_facts(cache, published, memo)
    records = [record for record, _, _ in facts]
    compiled = f"{TEMPLATES_COMPILED}-{hashlib.sha256(code.encode()).hexdigest()[:16]}"  # for this code's Environment
    env = _environment(edition, records, cache / compiled)
    cards = env.globals["name_cards"] = register_cards(Registers.package())
    (folder / "documents").mkdir(parents=True)
    # Paths as strings in this loop: it runs for every document at every build.
    site_documents, edition_key, day = os.path.join(folder, "documents", ""), repr(edition), accessed.isoformat()
    for index, doc in enumerate(published):
        entry = os.path.join(cache, doc.key, "document.")
        for fmt in doc.files:
            if fmt != "html":
                files.link(entry + fmt, f"{site_documents}{doc.id}.{fmt}")
        if "html" in doc.files:
            previous = published[index - 1] if index else None
            following = published[index + 1] if index + 1 < len(published) else None
            # The page links to its neighbours by what document_nav.html shows of them.
            key = memo.key("page", doc.key, doc.id, edition_key, day, formats,
                           *[(d.id, d.record.get("date_text") or d.record.get("title")) if d else None
                             for d in (previous, following)])
            made = memo.get(key)
            if made is None:
                citations, head, box = _citation(doc, Path(entry + "xml"), edition, accessed, env)
                page = _document_page(Path(entry + "html").read_text(encoding="utf-8"), doc, previous,
                                      following, env, formats, (head, box))
                made = memo.put(key, {"page.html": page.encode("utf-8"),
                                      **{suffix: text.encode("utf-8") for suffix, text in citations.items()}})
            kept = os.path.join(made, "")
            files.link(kept + "page.html", f"{site_documents}{doc.id}.html")
            pages.append((f"{doc.id}.html", made / "page.html", key))
            for suffix in CITATION_FILES.values():
                files.link(kept + suffix, f"{site_documents}{doc.id}{suffix}")

    # Pagefind, a process of its own, indexes the parts whose pages changed while this one writes
    # the rest of the site: on a rebuild it is as long as all the rest.
    search_parts = _search_parts(pages)
    with futures.ThreadPoolExecutor(1) as indexer:
        indexed = indexer.submit(_index_for_search, folder, search_parts, cache, files)
        _write_around_documents(folder, documents, published, records, facts, edition, env, cards, memo, cache, formats,
                                accessed, stage, len(search_parts), files)
    return indexed.result() | memo.used | {compiled}


def _write_around_documents(folder: Path, documents: list["DocumentBuild"], published: list["DocumentBuild"],
                            records: list["HeaderRecord"], facts: list[tuple["HeaderRecord", str, str]],
                            edition: Edition, env: jinja2.Environment, cards: dict,
                            memo: SiteMemo, cache: Path, formats: tuple[str, ...], accessed: "date",
                            stage: Callable[[str], None] | None, bundles: int, files: SiteFiles) -> None:
    """The site's pages besides the documents' (the listings, the search page), its assets and
    schemas, and the teiCorpus."""

    def page(name: str, template: str, **context) -> None:
        _render_page(env, folder, name, template, **context)

    failed = [d for d in documents if d.failed]
    # The pages that list the documents, documents.json, the build report and the sitemap show only
    # the documents' records, not their texts: an edit that leaves a document's record as it was
    # takes them all from the cache, as the last build wrote them.
    sources = sorted({r.publisher for r in records if r.publisher})
    archives = sorted({r.repository for r in records if r.repository})
    schemas = _copy_schemas(folder)
    key = memo.key("listings", _catalogue_digest(documents, memo), repr(edition), accessed.isoformat(), formats,
                   env.globals["edition_citation"], sources, archives, schemas, _reference_digest())
    listings = memo.get(key)
    if listings is None:
        fragments = ListingFragments(env.get_template("macros.html").module, cache,
                                     _KEY_JSON.encode([memo.salt, edition.language]))
        fragments.install(env)
        listings = memo.put_folder(key, lambda scratch: _write_listings(
            scratch, env, documents, published, failed, edition, cards, records, sources, archives, schemas,
            cache, memo, fragments))
        fragments.save(listings)
    # Copied, not linked: these pages are few, and a page changed by hand in the site must not
    # change what the cache keeps of it.
    _copy_folder(listings, folder)
    env.globals["map_page"] = (listings / "map.html").is_file()
    if env.globals["map_page"]:
        _copy_folder(TEMPLATES / "vendor" / "leaflet", folder / "vendor" / "leaflet", skip=("README.md",))
    if stage:
        stage("indexing")
    page("search.html", "search.html", bundles=[_search_bundle(i) for i in range(bundles)],
         types=sorted({d.record["type"] for d in published if d.record.get("type")}),
         years=sorted({_year(d.record) for d in published}))
    _copy_assets(folder)
    _write_corpus(folder, published, records, facts, edition, cache, memo, files)
    memo.save_facts()


def _render_page(env: jinja2.Environment, folder: Path, name: str, template: str, **context) -> None:
    """One page of the site from its template, streamed to its file."""
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    depth = "../" * name.count("/")
    env.get_template(template).stream(root=depth, page=name, **context).dump(str(target), encoding="utf-8")


def _catalogue_digest(documents: list["DocumentBuild"], memo: SiteMemo) -> str:
    """What the listings show of the documents (in the build's order): each one's id, record,
    files, errors, review count, source and failure; not its text. What a document made under a
    key shows is digested once, and kept (`SiteMemo.fact`)."""

    def shown(doc: "DocumentBuild") -> str:
        return hashlib.sha256(json.dumps([doc.id, doc.record, doc.files, doc.errors, doc.review], ensure_ascii=False,
                                         sort_keys=True, default=str).encode("utf-8")).hexdigest()

    digest = hashlib.sha256()
    for doc in documents:
        # A document that was made (it has files) shows what its key was made into, at every build.
        listed = memo.fact(f"listed-{doc.key}", lambda: shown(doc)) if doc.files else shown(doc)
        digest.update(_TEXT_JSON.encode([doc.source, doc.failed, listed]).encode("utf-8") + b"\0")
    return digest.hexdigest()


def _reference_digest() -> str:
    """The files besides the code that the listings show: the key to the marks (docs/encoding.md)
    and the registers (the index pages' names, their order and their authority records)."""
    from ..core.resources import register_path

    digest = hashlib.sha256(doc_path("encoding.md").read_bytes())
    for path in sorted(register_path("").glob("*.xml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _write_listings(folder: Path, env: jinja2.Environment, documents: list["DocumentBuild"],
                    published: list["DocumentBuild"], failed: list["DocumentBuild"], edition: Edition, cards: dict,
                    records: list["HeaderRecord"], sources: list[str], archives: list[str], schemas: list[str],
                    cache: Path, memo: SiteMemo, fragments: ListingFragments) -> None:
    """The pages that list the documents (home, chronology, browsing, map, about, report),
    documents.json, the build report and the sitemap, into `folder`."""

    def page(name: str, template: str, **context) -> None:
        _render_page(env, folder, name, template, **context)

    invalid = [d for d in published if d.errors]
    _write_map(folder, env, published)
    page("index.html", "index.html", documents=published, failed=failed, invalid=invalid,
         types=sorted({d.record["type"] for d in published if d.record.get("type")}),
         languages=sorted({name for d in published for name in d.record.get("language_names", [])}))
    page("chronology.html", "chronology.html", years=_chronology(published, edition.language, env))
    facets = {}
    for name, (title, values_of) in FACETS.items():
        groups: dict[tuple[str, str], list] = defaultdict(list)
        for doc in published:
            for anchor_and_label in dict.fromkeys(values_of(doc.record)):
                groups[anchor_and_label].append(doc)
        # people by surname (the register's), everything else by its label
        facets[name] = (_gettext(env, title), sorted(groups.items(), key=lambda kv: (
            cards[kv[0][0]].sort_key if kv[0][0] in cards else kv[0][1].lower(), kv[0][0])))
    facets = {name: facet for name, facet in facets.items() if facet[1]}  # no page for what no document names
    page("browse/index.html", "browse_index.html", facets=facets)
    for name, (title, groups) in facets.items():
        page(f"browse/{name}.html", "browse.html", title=title, facet=name, groups=groups,
             authorities=_authorities(), cards=cards)
    years = sorted({_year(d.record) for d in published} - {"Undated"})
    page("about.html", "about.html", marks=marks_key(), schemas=schemas, documents=published,
         years=years, sources=sources, archives=archives)
    page("report.html", "report.html", failed=failed, invalid=invalid, documents=documents)
    _write_catalogue(folder, published, failed, edition, list(facets), cache, memo, fragments)


def _write_map(folder: Path, env: jinja2.Environment, documents: list["DocumentBuild"]) -> None:
    """map.html: the register's places that have coordinates and that documents name, as a list
    in the page itself (usable without JavaScript or tiles) that Leaflet, vendored in vendor/leaflet,
    puts on a map in the reader's browser. No page, and no link to one, when there is no such place."""
    registers = Registers.package()
    counts: dict[str, int] = defaultdict(int)
    for doc in documents:
        for ident in dict.fromkeys(item["entry"] for item in doc.record.get("places") or []):
            entry = registers.entries.get(ident)
            if entry is not None and entry.kind == "place" and entry.geo is not None:
                counts[ident] += 1
    places = sorted(({"anchor": f"place-{ident}", "name": registers.entries[ident].name, "count": count,
                      "lat": registers.entries[ident].geo[0], "lon": registers.entries[ident].geo[1],
                      "marks": registers.entries[ident].geo_marks}
                     for ident, count in counts.items()), key=lambda p: (p["name"].lower(), p["anchor"]))
    env.globals["map_page"] = bool(places)
    if not places:
        return
    env.get_template("map.html").stream(root="", page="map.html", places=places).dump(
        str(folder / "map.html"), encoding="utf-8")


def _authorities() -> dict[str, str]:
    """Register entry id -> its authority URI (Wikidata, VIAF, GeoNames), for the index pages."""
    return {ident: entry.authority_uri() for ident, entry in Registers.package().entries.items()
            if entry.authority_uri()}


def _gettext(env: jinja2.Environment, message: str) -> str:
    """`message` in the site's interface language (the templates' own gettext)."""
    return translations(env.globals["edition"].language).gettext(message)


def _chronology(documents: list["DocumentBuild"], language: str,
                env: jinja2.Environment) -> list[tuple[str, int, list[tuple[str, list]]]]:
    """Years, each with its months in the calendar's order (the month unknown last), named in the
    interface language (the CLDR's month names, through Babel)."""
    names = get_month_names("wide", context="stand-alone", locale=language)
    years: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for doc in documents:
        date = doc.record.get("date", "")
        month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12 else 13
        years[_year(doc.record)][month].append(doc)
    unknown = _gettext(env, "Month unknown")
    return [(year, sum(len(docs) for docs in months.values()),
             [(names[month] if month <= 12 else unknown, months[month]) for month in sorted(months)])
            for year, months in sorted(years.items())]


def marks_key() -> list[tuple[str, str]]:
    """The readers' key to the editorial marks, (form in the text, meaning) as HTML: the table of
    docs/encoding.md's "Editorial marks", where the form is the one the reading editions show
    (its last column, or the source's form when that is "as given")."""
    import markdown

    text = doc_path("encoding.md").read_text(encoding="utf-8")
    section = text.split("\n## Editorial marks\n", 1)[1].split("\n## ", 1)[0]
    marks = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) != 4 or cells[0] in ("phenomenon", "---"):
            continue
        meaning, source, _tei, shown = cells
        form = source if shown == "as given" else shown
        if form.startswith("(") or "bracket" in meaning and "unbalanced" in meaning:
            continue  # nothing shown (an export without text), or not a mark (a stray bracket)
        inline = markdown.markdown(form)
        marks.append((inline.removeprefix("<p>").removesuffix("</p>"), html.escape(meaning)))
    return marks


def _copy_folder(source: Path, target: Path, skip: tuple[str, ...] = (),
                 copy: Callable[[Path, Path], object] = shutil.copyfile) -> None:
    """Copy file by file (with `copy`), so that a failed copy (a full disk) raises its own OSError,
    with its errno and the file it could not write; shutil.copytree gathers failures into one
    shutil.Error that has neither."""
    base = os.fspath(source)
    for folder, subfolders, names in os.walk(base):  # strings: a search index's part has hundreds of files
        subfolders.sort()
        destination = os.path.join(os.fspath(target), folder[len(base) + 1:])  # target/ itself for base
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name not in skip and os.path.isfile(path):
                os.makedirs(destination, exist_ok=True)
                copy(path, os.path.join(destination, name))


def _copy_schemas(folder: Path) -> list[str]:
    target = folder / "schemas"
    target.mkdir()
    names = []
    for path in sorted(schema_path("").iterdir()):
        if path.suffix in (".rng", ".xsd", ".sch", ".odd") and path.is_file():
            shutil.copyfile(path, target / path.name)
            names.append(path.name)
    return names


def _copy_assets(folder: Path) -> None:
    assets = folder / "assets"
    assets.mkdir()
    for name in ("site.css", "site.js"):
        shutil.copyfile(TEMPLATES / name, assets / name)
    shutil.copyfile(TEMPLATES / "name_cards.js", assets / "name-cards.js")


def _catalogue_entry(doc: "DocumentBuild") -> str:
    """The document's entry in documents.json, as json.dump(..., indent=2) writes it at its depth."""
    entry = {"id": doc.id, "page": f"documents/{doc.id}.html",
             "downloads": {fmt: f"documents/{doc.id}.{fmt}" for fmt in doc.files if fmt != "html"},
             "citation": {name: f"documents/{doc.id}{suffix}" for name, suffix in CITATION_FILES.items()
                          if "html" in doc.files},
             "valid": doc.valid, **doc.record}
    return json.dumps(entry, indent=2, ensure_ascii=False, sort_keys=True).replace("\n", "\n    ")


def _write_catalogue(folder: Path, documents: list["DocumentBuild"], failed: list["DocumentBuild"],
                     edition: Edition, facets: list[str], cache: Path, memo: SiteMemo,
                     fragments: ListingFragments) -> None:
    """documents.json (the entries kept for each document put together, the same bytes as one
    json.dump with indent=2 and sorted keys), the build report and the sitemap."""
    summary = json.dumps(edition.summary(), indent=2, ensure_ascii=False, sort_keys=True).replace("\n", "\n  ")
    kept = fragments.open_catalogue()
    try:
        with open(folder / "documents.json", "wb") as file:
            out = _Splice(file)
            out.write(b'{\n  "documents": [')
            for index, doc in enumerate(documents):
                out.write(b",\n    " if index else b"\n    ")
                if "xml" in doc.files:
                    fragments.catalogue_entry(out, memo.key("tei", doc.key, doc.id), kept, lambda: (
                        _tei_facts(cache, doc, memo) / "catalogue.json").read_bytes())
                else:
                    out.write(_catalogue_entry(doc).encode("utf-8"))
            out.write((("\n  ]" if documents else "]") + ',\n  "edition": ' + summary + "\n}").encode("utf-8"))
            out.finish()
    finally:
        if kept is not None:
            kept.close()
    report = {"published": len(documents), "failed": [{"source": d.source, "error": d.failed} for d in failed],
              "invalid": [{"id": d.id, "errors": d.errors} for d in documents if d.errors]}
    (folder / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    if edition.base_url:
        maps = ["map.html"] if (folder / "map.html").is_file() else []
        _write_sitemap(folder, edition, SITE_PAGES + maps + [f"browse/{name}.html" for name in facets]
                       + [f"documents/{d.id}.html" for d in documents])


def _write_sitemap(folder: Path, edition: Edition, pages: list[str]) -> None:
    """sitemap.xml, whose addresses must be absolute (https://www.sitemaps.org/protocol.html): it is
    written only when the edition's base URL is known."""
    urls = "".join(f"  <url><loc>{html.escape(edition.url(p))}</loc></url>\n" for p in pages)
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n", encoding="utf-8")


def _tei_facts(cache: Path, doc: "DocumentBuild", memo: SiteMemo) -> Path:
    """The entry of `memo` that holds what the corpus needs of a document's TEI: its record for the
    corpus header (header.pickle) and the canonical form of its encodingDesc (encoding.xml)."""
    import pickle

    from ..export.corpus import encoding_key, header_record
    from ..core.record import DocumentRecord
    from ..export.sources import read_source, safe_id

    key = memo.key("tei", doc.key, doc.id)
    made = memo.get(key)
    if made is None:
        tree = read_source(cache / doc.key / "document.xml").tree
        record = header_record(DocumentRecord.from_tei(tree, id=safe_id(doc.id), file=f"{doc.id}.xml"))
        encoding = tree.getroot().find(f"{T}teiHeader/{T}encodingDesc")
        made = memo.put(key, {"header.pickle": pickle.dumps(record), "encoding.xml": encoding_key(encoding) or b"",
                              "catalogue.json": _catalogue_entry(doc).encode("utf-8")})
    return made


def _corpus_facts(cache: Path, doc: "DocumentBuild", memo: SiteMemo) -> tuple["HeaderRecord", str, str]:
    """What the corpus header needs of a document's TEI (`_tei_facts`), the digest of its
    encodingDesc's canonical form and the digest of that record, from the memo's one file of facts."""
    from ..export.corpus import header_record

    key = memo.key("tei", doc.key, doc.id)

    def make() -> tuple["HeaderRecord", str, str]:
        made = _tei_facts(cache, doc, memo)
        # header_record again: the strings that records repeat are held once (interned)
        record = header_record(pickle.loads((made / "header.pickle").read_bytes()))
        return (record, sys.intern(hashlib.sha256((made / "encoding.xml").read_bytes()).hexdigest()),
                hashlib.sha256(repr(record).encode("utf-8")).hexdigest())

    memo.used.add(key)  # its folder holds the entry in documents.json, which the listings may need
    return memo.fact(key, make)


def _header_facts(cache: Path, documents: list["DocumentBuild"], memo: SiteMemo) -> list[tuple["HeaderRecord", str, str]]:
    """`_corpus_facts` of each document that has a TEI (the corpus's members), in order: the corpus
    header and the edition's publisher need its record, read from the TEI in the cache once (a
    record at a time: a large edition is never in memory at once), then kept."""
    return [_corpus_facts(cache, d, memo) for d in documents if "xml" in d.files]


#: The digest of an empty encodingDesc's canonical form: a document that has none.
_NO_ENCODING = hashlib.sha256(b"").hexdigest()


def _write_corpus(folder: Path, documents: list["DocumentBuild"], records: list["HeaderRecord"],
                  facts: list[tuple["HeaderRecord", str, str]], edition: Edition, cache: Path, memo: SiteMemo,
                  files: SiteFiles) -> None:
    """The whole edition as one teiCorpus (the `tei-corpus` export), written document by
    document so that a large edition is never in memory at once, as an entry of `memo` linked into
    the site. A corpus made from the same parts is the kept one, unchanged. Else the new one is
    spliced from the last one kept (`_KeptCorpus`): each document's part, under its document, its id
    in the corpus and the encodingDesc the corpus shares, is copied from it as it is while the ids
    it claims are free (else it is made again), so an edit serialises only its own document.
    `records` and `facts` are those of `_header_facts`."""
    from collections import Counter

    from ..export.corpus import CorpusWriter, corpus_head, corpus_ids, corpus_member, ncname
    from ..export.sources import read_source, safe_id

    registers = Registers.package()
    members = [d for d in documents if "xml" in d.files]
    # The encodingDesc most documents have, word for word (the first one's on a tie).
    digests = [encoding_digest for _, encoding_digest, _ in facts]
    counts = Counter(digest for digest in digests if digest != _NO_ENCODING)
    shared_digest = max(counts, key=counts.__getitem__) if counts else None  # max keeps the first of equals
    encoding = shared_key = None
    if shared_digest is not None:
        first = members[digests.index(shared_digest)]
        shared_key = (_tei_facts(cache, first, memo) / "encoding.xml").read_bytes()
        encoding = read_source(cache / first.key / "document.xml").tree.getroot().find(
            f"{T}teiHeader/{T}encodingDesc")
    shared = hashlib.sha256(shared_key or b"").hexdigest()
    # The header and the registers, kept under what they are made from: the documents' records
    # (an edit of a text leaves them as they were), the encodingDesc they share, the edition and
    # the registers.
    head_key = memo.key("corpus-head", shared, repr(edition), _reference_digest(),
                        [(doc.id, record_digest) for doc, (_, _, record_digest) in zip(members, facts)])
    kept_head = memo.get(head_key)
    if kept_head is None:
        ids, document_ids, head = corpus_head(encoding, records, registers, edition)
        scratch = CorpusWriter(_Bytes())
        head_bytes = [scratch.serialise(part) for part in head]
        kept_head = memo.put(head_key, {"head.pickle": pickle.dumps(head_bytes)})
    else:
        head_bytes = pickle.loads((kept_head / "head.pickle").read_bytes())
        ids, document_ids = corpus_ids(encoding, records, registers.lists())
    prefixes = [document_ids.get(safe_id(doc.id)) for doc in members]
    part_keys = [memo.key("corpus-part", doc.key, doc.id, prefix, shared) for doc, prefix in zip(members, prefixes)]
    key = memo.key("corpus", head_key, part_keys)
    made = memo.get(key)
    if made is None or not _KeptCorpus.trusted(made):
        last = _KeptCorpus.last(cache)

        def write(entry: Path) -> None:
            index = {}
            with open(entry / "corpus.xml", "wb") as out:
                writer = CorpusWriter(_Splice(out))
                for part in head_bytes:
                    writer.write_bytes(part)
                for doc, prefix, part_key in zip(members, prefixes, part_keys):
                    prefix = prefix or ids.claim(ncname(safe_id(doc.id)))
                    kept = last.parts.get(part_key) if last else None
                    writer.separate()
                    offset = writer.out.position
                    if kept is not None and not ids.taken.intersection(kept[2]):
                        ids.taken.update(kept[2])
                        writer.out.copy(last.file, kept[0], kept[1])
                        index[part_key] = (offset, kept[1], kept[2])
                        continue
                    claims = _Claims(ids)
                    # The cache's copy of the site's documents/ID.xml (which a rebuild may keep in the
                    # site rather than link into the staging folder), under the site's name.
                    source = dataclasses.replace(read_source(cache / doc.key / "document.xml"), id=safe_id(doc.id),
                                                 path=folder / "documents" / f"{doc.id}.xml")
                    part = writer.serialise(corpus_member(source, shared_key, prefix, registers, claims))
                    writer.out.write(part)
                    if claims.exact:  # every id as wanted: the same part comes out again while they are free
                        index[part_key] = (offset, len(part), claims.claimed)
                writer.close()
                writer.out.finish()
            _KeptCorpus.seal(entry, index)

        try:
            made = memo.put_folder(key, write)
        finally:
            if last is not None:
                last.close()
    files.link(made / "corpus.xml", folder / "corpus.xml", adoptable=False)  # its index has its mtime


class _Bytes:
    """A sink for a CorpusWriter that only serialises."""

    def write(self, data: bytes) -> None:
        pass


class _Splice:
    """A file written at a known position, with ranges of another file copied into it by the
    kernel (os.copy_file_range: no bytes through Python), else read and written. Ranges that
    follow each other in the source, with the same bytes written between them as the source has
    there (the separator between two parts), are copied as one: a file spliced from 10,000 kept
    parts around one changed part is a few copies, not 10,000. `finish` writes what is pending."""

    #: The most bytes written after a range that wait to be found in the source between it and the next.
    GAP = 64

    def __init__(self, out) -> None:
        self.out, self.position = out, 0
        #: The range of a source to copy that is not yet in the file (source, start, end), and what
        #: was written after it; the file holds `written` bytes
        self.run: tuple | None = None
        self.gap, self.written = b"", 0

    def write(self, data: bytes) -> None:
        self.position += len(data)
        if self.run is not None and len(self.gap) + len(data) <= self.GAP:
            self.gap += data
            return
        self.finish()
        self.out.write(data)
        self.written += len(data)

    def copy(self, source, offset: int, length: int) -> None:
        self.position += length
        if self.run is not None:
            file, start, end = self.run
            if file is source and offset == end + len(self.gap) and (
                    not self.gap or os.pread(source.fileno(), len(self.gap), end) == self.gap):
                self.run, self.gap = (source, start, offset + length), b""
                return
            self.finish()
        self.run = (source, offset, offset + length)

    def finish(self) -> None:
        """Copy the pending range, and write what followed it."""
        if self.run is None:
            return
        source, offset, end = self.run
        gap, self.run, self.gap = self.gap, None, b""
        self.out.flush()
        target = self.out.fileno()
        while offset < end:
            try:
                copied = os.copy_file_range(source.fileno(), target, end - offset, offset, self.written)
            except OSError:  # another file system, or none that can: copied through memory
                copied = os.pwrite(target, os.pread(source.fileno(), min(end - offset, 1 << 20), offset),
                                   self.written)
            if copied <= 0:
                raise OSError(f"{source.name}: shorter than its index says")
            offset += copied
            self.written += copied
        self.out.seek(self.written)
        self.out.write(gap)
        self.written += len(gap)


class _KeptCorpus:
    """A teiCorpus kept in the cache, with the index of its documents' parts (by their key: offset,
    length, the ids they claim). Its file is also the site's corpus.xml (one file under two names):
    it is used only while its size and mtime are those it was made with, so that a corpus changed
    by hand in the site is never copied from."""

    INDEX = "parts.pickle"

    def __init__(self, file, parts: dict) -> None:
        self.file, self.parts = file, parts

    @staticmethod
    def seal(entry: Path, parts: dict) -> None:
        info = os.stat(entry / "corpus.xml")
        (entry / _KeptCorpus.INDEX).write_bytes(pickle.dumps(
            {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "parts": parts}, protocol=pickle.HIGHEST_PROTOCOL))

    @classmethod
    def open(cls, entry: Path) -> "_KeptCorpus | None":
        try:
            index = pickle.loads((entry / cls.INDEX).read_bytes())
            file = open(entry / "corpus.xml", "rb")
        except UNREADABLE_PICKLE:
            return None
        info = os.fstat(file.fileno())
        if (info.st_size, info.st_mtime_ns) != (index.get("size"), index.get("mtime_ns")):
            file.close()
            return None
        return cls(file, index["parts"])

    @classmethod
    def trusted(cls, entry: Path) -> bool:
        kept = cls.open(entry)
        if kept is None:
            return False
        kept.close()
        return True

    @classmethod
    def last(cls, cache: Path) -> "_KeptCorpus | None":
        """The newest corpus the cache keeps that can be trusted."""
        with os.scandir(cache) as entries:
            found = sorted((entry.stat().st_mtime_ns, entry.path) for entry in entries
                           if entry.name.startswith("corpus-") and entry.is_dir(follow_symlinks=False))
        for _, path in reversed(found):
            kept = cls.open(Path(path))
            if kept is not None:
                return kept
        return None

    def close(self) -> None:
        self.file.close()


class _Claims:
    """The ids one document claims in the corpus, and whether each is the one it asked for."""

    def __init__(self, ids) -> None:
        self.ids, self.claimed, self.exact = ids, [], True

    def claim(self, wanted: str) -> str:
        got = self.ids.claim(wanted)
        self.claimed.append(got)
        self.exact = self.exact and got == wanted
        return got


def _search_parts(pages: list[tuple[str, Path, str]]) -> list[list[tuple[str, Path, str]]]:
    """The document pages (name in the site, file, key) in parts of at most about SEARCH_PART_BYTES
    and SEARCH_PART_PAGES, each page in the part its name hashes to (of a number of parts that is a
    power of two): an edited page changes only its own part, and a page added or removed moves no
    other page to another."""
    if not pages:
        return []
    size = sum(os.stat(path).st_size for _, path, _ in pages)
    wanted = max(-(-size // SEARCH_PART_BYTES), -(-len(pages) // SEARCH_PART_PAGES))
    count = 1 << (wanted - 1).bit_length()
    parts: list[list[tuple[str, Path, str]]] = [[] for _ in range(count)]
    for page in pages:
        parts[zlib.crc32(page[0].encode("utf-8")) % count].append(page)
    return [part for part in parts if part]


def _search_bundle(index: int) -> str:
    return "pagefind/" if index == 0 else f"pagefind-{index + 1}/"


def _search_key(pages: list[tuple[str, Path, str]]) -> str:
    """What a part of the search index is made from: its pages (names, and the keys of what they are
    made from, which stand for their bytes) and Pagefind's version."""
    from importlib import metadata

    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = ""
    digest = hashlib.sha256(version.encode() + b"\0")
    for name, _, key in pages:
        digest.update(name.encode() + b"\0" + key.encode() + b"\0")
    return f"search-{digest.hexdigest()[:32]}"


def _keep_search_part(bundle: Path, cache: Path, key: str) -> str:
    """Put a part of the search index into the cache at once (a folder renamed into place)."""
    kept = cache / f".{key}.{os.getpid()}"  # a staging name, which a killed build's cleanup removes
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(bundle, kept, copy_function=_link)
    os.replace(kept, cache / key)
    return key


def _index_for_search(folder: Path, parts: list[list[tuple[str, Path, str]]], cache: Path,
                      files: SiteFiles) -> set[str]:
    """Pagefind's index (its binary comes in a wheel), one bundle per part, each made from a
    scratch copy of the site that holds only that part's pages; without Pagefind the search
    page says so. A part whose pages did not change since a build made it is taken from the
    cache (Pagefind, the slowest part of a rebuild, is not run again). Gives the cache entries used."""
    scratch = folder / ".search-part"
    used: set[str] = set()
    try:
        for index, pages in enumerate(parts):
            bundle, key = folder / _search_bundle(index), _search_key(pages)
            if (cache / key).is_dir():
                files.link_folder(cache / key, bundle)
                used.add(key)
                continue
            shutil.rmtree(scratch, ignore_errors=True)
            (scratch / "documents").mkdir(parents=True)
            for name, path, _ in pages:
                _link(path, scratch / "documents" / name)
            subprocess.run([sys.executable, "-m", "pagefind", "--site", str(scratch), "--silent",
                            "--output-path", str(bundle)], check=True, capture_output=True, timeout=600)
            used.add(_keep_search_part(bundle, cache, key))
    except (OSError, subprocess.SubprocessError) as exc:
        (folder / "pagefind-missing.txt").write_text(f"search index not built: {exc}\n", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return used
