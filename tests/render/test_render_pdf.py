"""PDF: printed from the HTML page by WeasyPrint; checked with poppler's pdftotext/pdffonts and pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time

import pytest

from tei.core.errors import RenderError
from tei.render import render
from tei.render.pdf import load_weasyprint

from render_helpers import ALL_TEI, ARTIFACTS, DATA, FOREIGN, INSTALL_HINT, SAMPLE, ids, missing_tool, missing_words, tei_words

try:
    import pypdf
except ImportError:
    pypdf = None


def missing_pdf_tools() -> tuple[str, str] | None:
    """What the PDF tests lack, as (reason, name for $TEI_EDITION_ALLOW_MISSING), or None.
    WeasyPrint is loaded here, not at import: without Pango it cannot be imported, and that must
    fail these tests, not stop the collection of all the others."""
    if pypdf is None:
        return "PDF tests need pypdf (pip install -e '.[test]')", "pypdf"
    try:
        load_weasyprint()
    except RenderError as exc:
        return f"PDF tests: {exc}", "pango"
    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        return f"PDF tests need the Debian package poppler-utils (pdftotext, pdffonts): {INSTALL_HINT}", "poppler"
    return None


@pytest.fixture(autouse=True)
def _tools():
    missing = missing_pdf_tools()
    if missing:
        missing_tool(*missing)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Each file printed once; the PDFs are also kept under tests/artifacts/ for a look."""
    folder = tmp_path_factory.mktemp("pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    printed = {}
    for path in ALL_TEI:
        target = folder / f"{path.stem}.pdf"
        target.write_bytes(render(path, "pdf"))
        shutil.copy(target, ARTIFACTS / target.name)
        printed[path] = target
    return printed


def pages_text(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.rstrip("\f").split("\f")


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_pdf_text_has_every_word(path, pdfs):
    words = tei_words(path, join_broken_words=False)
    assert missing_words(words, " ".join(pages_text(pdfs[path]))) == {}


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_pages_are_numbered_n_of_total(path, pdfs):
    pages = pages_text(pdfs[path])
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"\b{number} of {len(pages)}\b", page), f"page {number}"


def test_running_head_shows_the_short_title_after_the_first_page(pdfs):
    pages = pages_text(pdfs[SAMPLE])
    assert len(pages) > 1
    head = "Telegram 057.139 from the Romanian Embassy in Moscow to the…"
    assert all(page.strip().startswith(head) for page in pages[1:])
    assert not pages[0].strip().startswith(head)


def test_metadata_block_is_on_the_first_page(pdfs):
    first = " ".join(pages_text(pdfs[SAMPLE])[0].split())
    for value in ("Classification", "Secret", "Eliza Gheorghe", "CITE THIS DOCUMENT", "SUMMARY"):
        assert value in first


def test_footnotes_sit_at_the_foot_of_their_page(pdfs):
    for page in pages_text(pdfs[SAMPLE]):
        if "1. The treaty of friendship" in page:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert lines.index("1. The treaty of friendship was signed on 6 July 1961.") > len(lines) - 6
            break
    else:
        pytest.fail("footnote 1 not found")


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_fonts_are_embedded(path, pdfs):
    rows = subprocess.run(["pdffonts", str(pdfs[path])], check=True, capture_output=True,
                          text=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row
        assert row.split()[-5] == "yes", f"not embedded: {row}"


def test_korean_and_cyrillic_names_are_drawn_with_real_glyphs(pdfs):
    frus = next(path for path in pdfs if path.stem == "frus-telegram")
    text = " ".join(pages_text(pdfs[frus]))
    assert "박정희" in text and "김일성" in text and "Ким Ир Сен" in text


@pytest.mark.parametrize("path", ALL_TEI, ids=ids(ALL_TEI))
def test_tei_source_is_attached_and_pdfa3b_declared(path, pdfs):
    reader = pypdf.PdfReader(pdfs[path])
    assert reader.attachments[path.name] == [path.read_bytes()]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part(="|>)3', xmp) and re.search(r'pdfaid:conformance(="|>)B', xmp)


def test_document_information_is_set(pdfs):
    info = pypdf.PdfReader(pdfs[SAMPLE]).metadata
    assert info.title.startswith("Telegram 057.139 from the Romanian Embassy")
    assert info.author == "Romanian Embassy in Moscow"
    assert info.subject.startswith("The Romanian Embassy in Moscow reports")
    assert "Telegram" in info["/Keywords"] and "Moscow" in info["/Keywords"]


def test_letter_paper_is_an_option():
    reader = pypdf.PdfReader(io.BytesIO(render(SAMPLE, "pdf", params={"paper": "letter"})))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_same_input_same_bytes_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render(SAMPLE, "pdf")
    assert render(SAMPLE, "pdf") == first
    assert b"D:20231114221320Z" in first


def test_same_input_same_bytes_without_source_date_epoch(monkeypatch):
    """Two builds a moment apart give the same PDF: its dates are the TEI's, not the clock's."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render(SAMPLE, "pdf")
    time.sleep(1.1)
    assert render(SAMPLE, "pdf") == first
    info = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert info["/CreationDate"].startswith("D:20140520") and info["/ModDate"].startswith("D:20140520")


def test_a_tei_without_dates_gets_a_constant_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    undated = tmp_path / "undated.xml"
    undated.write_bytes(re.sub(rb'<date type="uploaded"[^>]*>[^<]*</date>', b"", SAMPLE.read_bytes()))
    first = render(undated, "pdf")
    time.sleep(1.1)
    assert render(undated, "pdf") == first
    assert pypdf.PdfReader(io.BytesIO(first)).metadata["/CreationDate"].startswith("D:19700101")


def test_attachment_name_follows_the_source_name_parameter():
    reader = pypdf.PdfReader(io.BytesIO(render(SAMPLE, "pdf", params={"source-name": "wilson-116407.xml"})))
    assert reader.attachments["wilson-116407.xml"] == [SAMPLE.read_bytes()]


def word_boxes(pdf) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each page's (width, height, words) with each word's box (xMin, yMin, xMax, yMax, text), from
    poppler's pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html_unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>', page[3])]
        pages.append((float(page[1]), float(page[2]), words))
    return pages


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def minimal_tei(body: str, lang: str = "en") -> str:
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc>'
            "<titleStmt><title>Test</title></titleStmt><publicationStmt><p>Test file.</p></publicationStmt>"
            f"<sourceDesc><p>Made for the test.</p></sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text></TEI>")


LONG_CELL_WORDS = ("shipment of machine tools delivered to the northern provinces before the spring "
                   "sowing season under the agreement on economic and technical cooperation").split()


def test_a_table_of_twelve_columns_is_printed_whole(tmp_path):
    """A table far wider than the text block is set on a landscape page, smaller, its cells
    wrapped: every word is printed, and none outside the page."""
    rows = "".join("<row>" + "".join(f"<cell>{' '.join(LONG_CELL_WORDS[(r + c) % 7:(r + c) % 7 + 12])} r{r}c{c}</cell>"
                                     for c in range(12)) + "</row>" for r in range(5))
    path = tmp_path / "wide.xml"
    path.write_text(minimal_tei(f"<p>Before the table.</p><table>{rows}</table><p>After the table.</p>"), encoding="utf-8")
    pdf = tmp_path / "wide.pdf"
    pdf.write_bytes(render(path, "pdf"))
    text = " ".join(pages_text(pdf))
    assert missing_words(tei_words(path), text) == {}
    for r in range(5):
        for c in range(12):
            assert f"r{r}c{c}" in text
    pages = word_boxes(pdf)
    assert any(width > height for width, height, _ in pages), "no landscape page"
    for width, height, words in pages:
        for x0, y0, x1, y1, word in words:
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, f"{word!r} outside the page"


def test_a_note_whose_text_has_a_space_before_a_line_end_is_printed(tmp_path):
    """TEI's own test file testms.xml: "contains A431-I1092 \\n in the Riverside" stopped WeasyPrint
    ("Got ' \\n' between two lines") once the note was floated to the page foot."""
    path = tmp_path / "note.xml"
    path.write_text(minimal_tei("<p>Text<note>Mutilated at beginning and end: contains A431-I1092 \n"
                                "in the Riverside edition numbering</note> goes on.</p>"), encoding="utf-8")
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(render(path, "pdf"))
    assert missing_words(tei_words(path), " ".join(pages_text(pdf))) == {}
    # the HTML page keeps the note's text as written
    assert "A431-I1092 \nin the Riverside" in render(path, "html").decode()


def test_a_word_wider_than_its_column_is_wrapped_not_cut(tmp_path):
    cells = "".join(f"<cell>Donaudampfschifffahrtsgesellschaftskapitän{c}</cell>" for c in range(6))
    path = tmp_path / "long-words.xml"
    path.write_text(minimal_tei(f"<table><row>{cells}</row></table>"), encoding="utf-8")
    pdf = tmp_path / "long-words.pdf"
    pdf.write_bytes(render(path, "pdf"))
    for width, height, words in word_boxes(pdf):
        for x0, y0, x1, y1, word in words:
            assert 0 <= x0 and x1 <= width - 20, f"{word!r} beyond the margin"
    printed = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                             text=True).stdout.replace("\n", "")  # in the order drawn: cell by cell
    for c in range(6):
        assert f"Donaudampfschifffahrtsgesellschaftskapitän{c}" in printed


def overlapping_words(pdf) -> list[tuple[int, str, str]]:
    """Pairs of words drawn over each other: (page, word, word)."""
    found = []
    for number, (_, _, words) in enumerate(word_boxes(pdf), start=1):
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                across = min(a[2], b[2]) - max(a[0], b[0])
                down = min(a[3], b[3]) - max(a[1], b[1])
                if across > 1 and down > 0.3 * min(a[3] - a[1], b[3] - b[1]):
                    found.append((number, a[4], b[4]))
    return found


NOTE_TEXT = ("Note {n} reads that the archive copy bears a handwritten remark in the margin, which the "
             "editors take for a request to forward it to the minister; the remark is unsigned and undated. ")


def test_notes_too_many_for_their_page_are_never_printed_over_the_text(tmp_path):
    """Eleven long notes called in one paragraph fill more than a page: they may not be drawn over
    the running head or the next page's text (WeasyPrint does so), so the PDF gives them after the text."""
    filler = "The delegation met again and discussed trade, credit and the exchange of students. " * 4
    notes = "".join(f'call{n}<note place="foot" n="{n}">{NOTE_TEXT.format(n=n) * 8}</note> ' for n in range(1, 12))
    path = tmp_path / "crowded.xml"
    path.write_text(minimal_tei(f"<p>{filler}</p><p>{filler}{notes}{filler}</p><p>{filler * 3}</p>"
                                "<table><row><cell>Row one</cell><cell>Cell two</cell></row></table>"), encoding="utf-8")
    warnings: list[str] = []
    pdf = tmp_path / "crowded.pdf"
    pdf.write_bytes(render(path, "pdf", warnings=warnings))
    assert overlapping_words(pdf) == []
    text = " ".join(pages_text(pdf))
    assert missing_words(tei_words(path), text) == {}
    flowing = " ".join(text.split())
    for n in range(1, 12):
        assert flowing.count(f"Note {n} reads") == 8
    assert any("notes of page" in warning for warning in warnings)


def test_a_frus_like_volume_prints_every_note_once_and_nothing_over_anything(tmp_path):
    """A FRUS volume's documents (tests/data/foreign/make_large.py), four footnotes each numbered
    through the volume, tables and page breaks: every word of text and notes in the PDF, each
    note's text once, no word drawn over another, whether the notes stay at the page foot or
    have to go after the text."""
    sys.path.insert(0, str(DATA / "foreign"))
    import make_large

    path = tmp_path / "frus-volume.xml"
    path.write_bytes(make_large.frus_like(60_000))
    pdf = tmp_path / "frus-volume.pdf"
    pdf.write_bytes(render(path, "pdf"))
    assert overlapping_words(pdf) == []
    text = " ".join(pages_text(pdf))
    assert missing_words(tei_words(path), text) == {}
    flowing = " ".join(text.split())
    notes = re.findall(r'<note n="(\d+)"', path.read_text(encoding="utf-8"))
    assert len(notes) > 100
    for n in notes:
        assert flowing.count(f"is ibid., POL 33-6 KOR N-US, page {n}.") == 1, n


def test_notes_that_fit_stay_at_the_foot_of_the_page(tmp_path):
    notes = "".join(f'call{n}<note place="foot" n="{n}">{NOTE_TEXT.format(n=n)}</note> ' for n in range(1, 4))
    path = tmp_path / "few.xml"
    path.write_text(minimal_tei(f"<p>Some text {notes} and more text.</p>"), encoding="utf-8")
    warnings: list[str] = []
    pdf = tmp_path / "few.pdf"
    pdf.write_bytes(render(path, "pdf", warnings=warnings))
    page = pages_text(pdf)[0]
    assert "NOTES" not in page and "1. Note 1 reads" in page and warnings == []
    assert overlapping_words(pdf) == []


def structure_types(node, found=None, depth=0) -> set[str]:
    """The structure element types (/S) under a node of a tagged PDF's structure tree."""
    found = set() if found is None else found
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, pypdf.generic.ArrayObject):
        for child in node:
            structure_types(child, found, depth + 1)
    elif isinstance(node, pypdf.generic.DictionaryObject) and depth < 200:
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            structure_types(node["/K"], found, depth + 1)
    return found


@pytest.mark.parametrize("path", [SAMPLE, *FOREIGN[:1]], ids=ids([SAMPLE, *FOREIGN[:1]]))
def test_pdf_is_tagged_for_assistive_technology(path, pdfs):
    """PDF/UA's structure (headings, paragraphs, the reading order) besides PDF/A-3b."""
    root = pypdf.PdfReader(pdfs[path]).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    tree = root["/StructTreeRoot"].get_object()
    kinds = structure_types(tree)
    assert {"/P", "/H1"} <= kinds, kinds
    assert str(root["/Lang"]) == "en"


def test_tagged_table_keeps_its_cells(tmp_path):
    path = tmp_path / "table.xml"
    path.write_text(minimal_tei("<table><row><cell>Year</cell><cell>Exports</cell></row>"
                                "<row><cell>1971</cell><cell>252.3</cell></row></table>"), encoding="utf-8")
    root = pypdf.PdfReader(io.BytesIO(render(path, "pdf"))).trailer["/Root"]
    assert {"/Table", "/TR", "/TD"} <= structure_types(root["/StructTreeRoot"])


def pdf_fonts(pdf) -> list[tuple[str, str]]:
    """(font name without its subset prefix, embedded yes/no) from poppler's pdffonts."""
    rows = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    return [(row.split()[0].split("+", 1)[-1], row.split()[-5]) for row in rows]


ARABIC_WITH_LAM_ALEF = ("السلام", "الأمم", "والإسلام", "لا")


def test_arabic_hebrew_and_chinese_are_drawn_with_embedded_noto_fonts(tmp_path):
    path = tmp_path / "scripts.xml"
    path.write_text(minimal_tei(f'<p xml:lang="ar">{" ".join(ARABIC_WITH_LAM_ALEF)} عليكم</p>'
                                '<p xml:lang="fa">کتاب لاله‌زار</p><p xml:lang="he">שלום עליכם</p>'
                                '<p xml:lang="zh">中华人民共和国</p><p xml:lang="ja">日本国憲法</p>'), encoding="utf-8")
    pdf = tmp_path / "scripts.pdf"
    pdf.write_bytes(render(path, "pdf"))
    fonts = dict(pdf_fonts(pdf))
    assert fonts.get("Noto-Naskh-Arabic") == "yes", fonts
    assert any(name.startswith("Noto-") and "Hebrew" in name and emb == "yes" for name, emb in fonts.items()), fonts
    assert any(name.startswith("Noto-") and "CJK-SC" in name and emb == "yes" for name, emb in fonts.items()), fonts
    assert any(name.startswith("Noto-") and "CJK-JP" in name and emb == "yes" for name, emb in fonts.items()), fonts
    text = " ".join(pages_text(pdf))
    assert missing_words(tei_words(path), text) == {}
    assert "中华人民共和国" in text and "日本国憲法" in text and "שלום" in text


def test_lam_alef_comes_back_from_the_text_layer_as_written(tmp_path):
    """Screen readers and search read the PDF's text layer: a lam-alef must give lam then alef."""
    path = tmp_path / "arabic.xml"
    path.write_text(minimal_tei(f'<p>{" ".join(ARABIC_WITH_LAM_ALEF)}</p>', lang="ar"), encoding="utf-8")
    pdf = tmp_path / "arabic.pdf"
    pdf.write_bytes(render(path, "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words = set(re.findall(r"\w+", text))
    for word in ARABIC_WITH_LAM_ALEF:
        assert word in words, (word, sorted(w for w in words if not w.isascii()))
    assert "السالم" not in text and "الأمم" in text


PERSIAN = ("می‌خواهم کتاب‌ها را به کتابخانه لاله‌زار ببرم. سلام علیکم، لا اله الا الله. "
           "خانه‌ام نزدیک است و نمی‌دانم چرا")
PERSIAN_VERSE = ("الا یا ایها الساقی ادر کاسا و ناولها", "که عشق آسان نمود اول ولی افتاد مشکل‌ها")
ZWNJ = "\u200c"


def persian_pdf_text(tmp_path) -> str:
    """The text layer of a Persian page (prose with lam-alef, الله and ZWNJ, and Hafez's verse),
    as pdftotext gives it, without the bidi embedding marks it adds."""
    verse = "".join(f"<l>{line}</l>" for line in PERSIAN_VERSE)
    path = tmp_path / "persian.xml"
    path.write_text(minimal_tei(f"<p>{PERSIAN}</p><lg>{verse}</lg>", lang="fa"), encoding="utf-8")
    pdf = tmp_path / "persian.pdf"
    pdf.write_bytes(render(path, "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(c for c in text if c not in "\u202a\u202b\u202c\u200e\u200f")


def test_persian_comes_back_from_the_text_layer_word_for_word(tmp_path):
    """Every Persian word letter for letter with its ZWNJ (see the next test), lam-alef as lam then
    alef, and الله as written: the ligature Noto Naskh Arabic draws for it gave "اهلل" until the PDF
    turned optional ligatures off for Arabic script (paged.css)."""
    text = persian_pdf_text(tmp_path)
    words = set(re.findall(r"[\w\u200c]+", text))
    for word in re.findall(r"[\w\u200c]+", PERSIAN + " " + " ".join(PERSIAN_VERSE)):
        assert word in words, (word, sorted(words))
    assert "الله" in words and "اهلل" not in text
    assert "علیکم" in words and "لا" in words


def test_persian_zwnj_comes_back_from_the_text_layer(tmp_path):
    """Pango gives a ZWNJ an empty glyph, which WeasyPrint writes with no text (میخواهم);
    tei/render/pdf.py draws it as an invisible glyph mapped to U+200C."""
    text = persian_pdf_text(tmp_path)
    for word in ("می‌خواهم", "کتاب‌ها", "لاله‌زار", "نمی‌دانم"):
        assert ZWNJ in word and word in text


def test_the_joiner_hook_fits_the_installed_weasyprint():
    """The hook that writes ZWNJ and ZWJ to the text layer is written against WeasyPrint's text
    drawing; a WeasyPrint that changed it is named here, and pyproject.toml's range must move."""
    from tei.render.pdf import joiner_hook_problem, load_weasyprint

    assert joiner_hook_problem(load_weasyprint()) is None


def test_the_joiners_in_the_text_layer_leave_the_page_as_it_was(tmp_path, monkeypatch):
    """The same Persian page drawn with and without the joiner hook is the same image."""
    from weasyprint.draw import text as drawing

    import tei.render.pdf as pdf_module

    def image(name: str) -> bytes:
        persian_pdf_text(tmp_path)
        pdf = tmp_path / "persian.pdf"
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(tmp_path / name)], check=True)
        return b"".join(page.read_bytes() for page in sorted(tmp_path.glob(f"{name}*.png")))

    hooked = image("hooked")
    assert hasattr(drawing.draw_first_line, "keeps_joiners")
    monkeypatch.setattr(drawing, "draw_first_line", drawing.draw_first_line.__wrapped__)
    monkeypatch.setattr(pdf_module, "_keep_joiners_in_text_layer", lambda weasyprint: None)
    assert ZWNJ not in persian_pdf_text(tmp_path)  # what WeasyPrint alone writes
    assert image("plain") == hooked


def test_a_speaker_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    """Speeches of different lengths, so that many pages end within or between speeches."""
    line = "Now is the winter of our discontent made glorious summer by this sun of York"
    speeches = "".join(f'<sp><speaker>SPEAKER{i:03d}</speaker><p>{" ".join([line] * (1 + i * 7 % 9))}.</p></sp>'
                       for i in range(90))
    path = tmp_path / "play.xml"
    path.write_text(minimal_tei(f'<div type="scene">{speeches}</div>'), encoding="utf-8")
    pdf = tmp_path / "play.pdf"
    pdf.write_bytes(render(path, "pdf"))
    pages = pages_text(pdf)
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines()
                 if line.strip() and not re.fullmatch(r"\d+ of \d+", line.strip())]
        assert not re.match(r"SPEAKER\d+", lines[-1]), f"page {number} ends with the speaker {lines[-1]}"


def test_the_hint_to_point_at_marks_is_not_printed(pdfs):
    """Paper has no pointer: the PDF keeps the key of the marks, without the hint."""
    html_page = render(SAMPLE, "html").decode("utf-8")
    assert "explains itself when you point at it" in html_page and "Editorial marks" in html_page
    text = " ".join(" ".join(pages_text(pdfs[SAMPLE])).split())
    assert "Editorial marks" in text or "EDITORIAL MARKS" in text
    assert "Square brackets are the translator’s" in text
    assert "point at it" not in text


def test_ruby_prints_its_gloss_in_brackets(tmp_path):
    """WeasyPrint sets ruby on the line: without its brackets the gloss ran into its base."""
    path = tmp_path / "ruby.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Ruby</title>'
                    "</titleStmt><publicationStmt><p>P.</p></publicationStmt><sourceDesc><p>S.</p></sourceDesc>"
                    "</fileDesc></teiHeader><text><body><p>Tokyo is <ruby><rb>東京</rb><rt>とうきょう</rt></ruby>.</p>"
                    "</body></text></TEI>", encoding="utf-8")
    text = pypdf.PdfReader(io.BytesIO(render(path, "pdf"))).pages[0].extract_text()
    assert "東京(とうきょう)" in text
