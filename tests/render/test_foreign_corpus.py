"""Real TEI from other projects (tests/data/foreign/projects/, sources in its README): every file
renders, every word of its text is in each rendering, right-to-left text carries dir, and nothing
is attributed to a publisher the file does not name."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from tei.schema.directiongen import rtl_languages, rtl_scripts
from tei.core.errors import RenderError
from tei.render import render
from tei.core.xmlsafe import parse_untrusted

from render_helpers import DATA, INSTALL_HINT, READING_DROPS, missing_tool, missing_words

PROJECTS = DATA / "foreign" / "projects"
FILES = sorted(PROJECTS.glob("*.xml"))
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": TEI[1:-1]}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Fragments render refuses, with the reason it gives.
REFUSED = {"sga-surface-c56-0001": "the root is <surface>, a fragment"}
#: Files whose words are not all rendered, and why (a real gap, left for later).
WORD_GAPS: dict[str, str] = {}
#: Files with right-to-left text.
RTL_FILES = ["bodleian-hebrew-ms-bodley-or-135", "hafez-divan-far", "iip-abil0001"]

RENDERED = [path for path in FILES if path.stem not in REFUSED]
#: Every file is printed to PDF too (about 70 s for all of them on a 2-core machine).
PDF = [path.stem for path in RENDERED]
_WORD = re.compile(r"\w+")
_RTL_LANGUAGES = set(rtl_languages(rtl_scripts()))
_RTL_SCRIPTS = {script.lower() for script in rtl_scripts()}


def by_name(name: str) -> Path:
    return PROJECTS / f"{name}.xml"


def parse(path: Path) -> etree._ElementTree:
    return parse_untrusted(path, xinclude="fallback", repeated_ids="allow")


def words(path: Path, drop: tuple[str, ...] = (), parts: str = "text") -> Counter:
    """Words of every `text` (or sourceDoc) of the file, a word broken by lb[@break='no'] being one."""
    root = copy.deepcopy(parse(path).getroot())
    found: Counter = Counter()
    for part in root.iter(f"{TEI}{parts}"):
        if part.xpath(f"ancestor::tei:{parts}", namespaces=NS):
            continue
        for xpath in drop + (".//tei:lb[@break='no']",):
            for element in part.xpath(xpath.replace("//", ".//", 1) if xpath.startswith("//") else xpath,
                                      namespaces=NS):
                _remove_keeping_tail(element)
        for chunk in part.itertext():
            found.update(_WORD.findall(chunk))
    return found


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    parent.remove(element)


def page_text(page: bytes) -> str:
    document = html.fromstring(page)
    for element in document.xpath("//script | //style"):
        element.drop_tree()
    return document.text_content()


def gap(path: Path):
    reason = WORD_GAPS.get(path.stem)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def with_gaps(paths):
    return [pytest.param(path, id=path.stem, marks=gap(path)) for path in paths]


@pytest.fixture(scope="module")
def pages():
    return {path: render(path, "html") for path in RENDERED}


def test_the_corpus_holds_real_tei_from_at_least_ten_projects():
    readme = (PROJECTS / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([^`]+)\.xml` \| ([^|]+) \|", readme, re.M)
    assert sorted(name for name, _ in listed) == sorted(path.stem for path in FILES)
    assert len({project.strip() for _, project in listed}) >= 10
    for path in FILES:
        assert path.stat().st_size < 200_000, path.name


@pytest.mark.parametrize("path", [by_name(name) for name in REFUSED], ids=list(REFUSED))
def test_a_fragment_is_refused_with_its_root_named(path):
    with pytest.raises(RenderError, match=re.escape(REFUSED[path.stem])):
        render(path, "html")


@pytest.mark.parametrize("path", with_gaps(RENDERED))
def test_html_keeps_every_word(path, pages):
    shown = page_text(pages[path])
    assert missing_words(words(path), shown) == {}
    assert missing_words(words(path, parts="sourceDoc"), shown) == {}


@pytest.mark.parametrize("path", with_gaps(RENDERED))
def test_diplomatic_text_keeps_every_word(path):
    text = render(path, "txt", view="diplomatic").decode()
    assert missing_words(words(path), text) == {}
    assert missing_words(words(path, parts="sourceDoc"), text) == {}


@pytest.mark.parametrize("path", with_gaps(RENDERED))
def test_reading_text_keeps_every_word_but_the_documented_alternatives(path):
    text = render(path, "txt").decode()
    assert missing_words(words(path, drop=READING_DROPS), text) == {}
    assert missing_words(words(path, drop=READING_DROPS, parts="sourceDoc"), text) == {}


@pytest.mark.parametrize("name", ["bodleian-hebrew-ms-bodley-or-135", "iip-abil0001", "isicily-isic000001"])
def test_a_manuscript_or_object_description_keeps_every_word(name, pages):
    path = by_name(name)
    parts = parse(path).xpath("//tei:sourceDesc/tei:msDesc/*[not(self::tei:msIdentifier)]", namespaces=NS)
    expected = Counter(word for part in parts for chunk in part.itertext() for word in _WORD.findall(chunk))
    assert expected
    assert missing_words(expected, page_text(pages[path])) == {}
    assert missing_words(expected, render(path, "txt").decode()) == {}


def _is_rtl(tag: str) -> bool:
    subtags = tag.lower().replace("_", "-").split("-")
    script = next((s for s in subtags[1:3] if len(s) == 4 and s.isalpha()), None)
    return script in _RTL_SCRIPTS if script else subtags[0] in _RTL_LANGUAGES


def _effective_dir(element) -> str:
    while element is not None:
        if element.get("dir"):
            return element.get("dir")
        element = element.getparent()
    return "ltr"


_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


@pytest.mark.parametrize("path", RENDERED, ids=lambda path: path.stem)
def test_right_to_left_text_is_right_to_left(path, pages):
    """An element in a right-to-left language, or whose letters are mostly right-to-left, is
    right-to-left; one in a left-to-right language with no right-to-left letter is left-to-right."""
    document = html.fromstring(pages[path])
    tagged = document.xpath("//body//*[@lang]")
    for element in tagged:
        text = element.text_content()
        rtl_letters, ltr_letters = len(_RTL_LETTER.findall(text)), len(_LTR_LETTER.findall(text))
        if _is_rtl(element.get("lang")) or rtl_letters > ltr_letters:
            assert _effective_dir(element) == "rtl", (element.get("lang"), text[:40])
        elif not rtl_letters:
            assert _effective_dir(element) == "ltr", (element.get("lang"), text[:40])
    has_rtl = any(_effective_dir(element) == "rtl" for element in tagged)
    assert has_rtl == (path.stem in RTL_FILES)


def _source_words(path: Path) -> set[str]:
    return set(_WORD.findall(" ".join(parse(path).getroot().itertext())))


@pytest.mark.parametrize("path", RENDERED, ids=lambda path: path.stem)
def test_nothing_is_attributed_to_a_publisher_the_file_does_not_name(path, pages):
    source = path.read_text(encoding="utf-8")
    named = _source_words(path)
    document = html.fromstring(pages[path])
    for publisher in document.xpath("//p[contains(@class, 'publisher')]"):
        assert set(_WORD.findall(publisher.text_content())) <= named
    for out in (page_text(pages[path]), render(path, "txt").decode()):
        for name in ("Wilson Center", "Digital Archive"):
            assert (name in out) <= (name in source), (name, path.name)
    for citation in document.xpath("//*[@id='citation' or substring(@id, string-length(@id) - 8) = '-citation']"):
        cited = {word for word in _WORD.findall(citation.text_content()) if not word.isdigit()}
        assert cited <= named, (cited - named, path.name)


@pytest.mark.parametrize("name", PDF)
def test_pdf_renders_and_keeps_every_word(name):
    pypdf = pytest.importorskip("pypdf")
    path = by_name(name)
    pdf = render(path, "pdf")
    pages_text = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    text = "\n".join(pages_text)
    # a word broken at a line end (lb break="no") may be broken at a page end too: its halves are
    # joined once the running head and the page number between them are left out
    on_pages = Counter(line.strip() for page in pages_text for line in set(page.splitlines()))
    running = {line for line, count in on_pages.items() if len(pages_text) > 2 and count >= len(pages_text) - 1}
    body = [line for line in text.splitlines() if line.strip() not in running and not re.fullmatch(r"\s*\d+ of \d+\s*", line)]
    squeezed = re.sub(r"\s+", "", "".join(body))
    missing = {word for word in words(path) + words(path, parts="sourceDoc") if word not in text and word not in squeezed}
    # or broken at a page's end whose footnotes come between its halves: each half ends or begins a line
    lines = [line.strip() for line in text.splitlines()]
    ends, starts = {_WORD.findall(line)[-1] for line in lines if _WORD.findall(line)}, \
        {_WORD.findall(line)[0] for line in lines if _WORD.findall(line)}
    halves = broken_words(path)
    missing = {word for word in missing if not any(a in ends and b in starts for a, b in halves.get(word, ()))}
    assert missing == set()


def broken_words(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each word the file breaks with lb break="no", with its two halves."""
    found: dict[str, list[tuple[str, str]]] = {}
    for lb in parse(path).getroot().iter(f"{TEI}lb"):
        if lb.get("break") != "no":
            continue
        before = lb.getprevious().tail if lb.getprevious() is not None else lb.getparent().text
        head, tail = _WORD.findall(before or "")[-1:], _WORD.match((lb.tail or "").lstrip())
        if head and tail:
            found.setdefault(head[0] + tail.group(), []).append((head[0], tail.group()))
    return found


def test_an_xinclude_with_a_fallback_shows_the_fallback():
    path = by_name("isicily-isic000001")
    warnings: list[str] = []
    render(path, "txt", warnings=warnings)
    assert warnings and all("its fallback is used" in warning for warning in warnings)


def test_repeated_ids_inside_egxml_do_not_stop_the_file():
    path = by_name("tei-stylesheets-test-tree")
    with pytest.raises(etree.XMLSyntaxError, match="already defined"):
        etree.parse(str(path))  # what libxml2 says by default
    warnings: list[str] = []
    assert render(path, "html", warnings=warnings)
    assert warnings == []  # the repeats are inside egXML examples, where TEI allows them


def test_a_corpus_of_the_guidelines_renders_each_text():
    page = html.fromstring(render(by_name("tei-guidelines-corpus-template"), "html"))
    titles = [" ".join(a.xpath("string(.//h1)").split()) for a in page.xpath("//article")]
    assert titles[0] == "title of corpus" and len(titles) == 1 + len(
        parse(by_name("tei-guidelines-corpus-template")).getroot().findall(f"{TEI}TEI"))


def test_validate_tei_all_agrees_with_jing_on_every_file():
    """Valid for one is valid for the other (an XInclude's fallback is used by both)."""
    from conftest import find_tei_all
    from tei.validate.validator import Validator, is_error

    tei_all, jing = find_tei_all(), shutil.which("jing")
    if jing is None:
        missing_tool(f"the jing cross-check needs the Debian package jing: {INSTALL_HINT}", "jing")
    validator = Validator(["tei-all"], tei_all=tei_all)
    for path in FILES:
        ours = not any(is_error(message) for message in validator.validate_file(path))
        theirs = subprocess.run([jing, str(tei_all), str(path)], capture_output=True, timeout=300).returncode == 0
        assert ours == theirs, (path.name, ours, theirs)


def _leading(lb) -> bool:
    """A line break before the first text or element (other than lb, pb, cb) of its parent: the
    first line of a block, which gets no break of its own (xslt/html/core.xsl)."""
    parent = lb.getparent()
    if (parent.text or "").strip():
        return False
    for sibling in parent:
        if sibling is lb:
            return True
        if sibling.tag not in (f"{TEI}lb", f"{TEI}pb", f"{TEI}cb") or (sibling.tail or "").strip():
            return False
    return True


@pytest.mark.parametrize("name", ["dta-kant-kritik-1781", "shakedracor-comedy-of-errors"])
def test_every_line_break_of_the_text_is_a_break_in_html(name, pages):
    """Issue 16 found 1,367 of 1,687 lb rendered in a DTA volume and 97 of 163 in Macbeth."""
    path = by_name(name)
    breaks = [lb for lb in parse(path).getroot().iterfind(".//tei:text//tei:lb", NS)
              if not lb.xpath("ancestor::tei:note | ancestor::tei:fw", namespaces=NS)]
    expected = sum(not _leading(lb) for lb in breaks)
    page = html.fromstring(pages[path])
    shown = page.xpath("count(//section[@id='text']//br[@class='lb'])")
    assert len(breaks) > 40 and shown == expected, (shown, expected, len(breaks))


FRAGMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><ab>alpha be
   <lb break="no"/>ta gamma de
   <lb type="inWord"/>lta<note>ep
   <lb break="no"/>silon</note> zeta</ab></body></text></TEI>"""


def test_a_word_broken_at_a_line_end_is_one_word_despite_the_white_space_before_the_break(tmp_path):
    """The papyri's EpiDoc breaks words with lb type="inWord" and writes each line on a line of
    its own (xml:space="preserve"), so white space stands before the break."""
    path = tmp_path / "broken.xml"
    path.write_text(FRAGMENT, encoding="utf-8")
    text = render(path, "txt").decode()
    assert {"beta", "delta", "epsilon", "zeta"} <= set(_WORD.findall(text))
    assert not {"be", "ta", "de", "lta"} & set(_WORD.findall(text))
    # the HTML shows the break as a line break, with no space on either side of it, in the text and in a note
    page = render(path, "html").decode()
    for halves in (("be", "ta"), ("de", "lta"), ("ep", "silon")):
        assert '{}<br class="lb">{}'.format(*halves) in page, halves
