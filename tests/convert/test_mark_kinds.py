"""Every kind of editorial mark is complete: adding one to `model.MARK_KINDS` means a reader rule,
an encoder case, a schema entry, XSLT templates, a CSS rule, a row in docs/encoding.md and an
example here, which is read, encoded and rendered (docs/architecture.md, "Adding a mark").

The places are read from the code, not listed here: the kinds the reader can make (the literals of
tei/convert/readers/marks.py), the encoder's `mark_<kind>` methods, the elements and closed attribute
values of tei/schema/schemaspec.py, the match patterns of the stylesheets each output includes, the
selectors of xslt/edition.css and the rows of docs/encoding.md. What each kind encodes to is found
by encoding its example, so that a new encoding is checked without editing this file.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from tei import convert_text
from tei.convert.encoder import TeiEncoder, serialize_tei
from tei.convert.model import MARK_KINDS, EditorialMark
from tei.convert.pipeline import read_document
from tei.convert.readers import marks
from tei.convert.readers.marks import InlineParser
from tei.core.tei import T
from tei.render.renderer import render
from tei.schema import schemaspec

from conftest import ROOT

XSLT = ROOT / "xslt"

#: one source sentence per kind, read as the reader reads a paragraph; the first mark is that kind
EXAMPLES = {
    "sic": "Sok The [sic] said so.",
    "omission": "He said [...] and left.",
    "redaction": "The names [redacted] were given.",
    "addition": "Close [inserted by hand: appropriate] ties.",
    "annotation": "Copy [handwritten: a second copy] kept.",
    "blank": "On [date left blank] they met.",
    "signature": "Yours [signature] truly.",
    "illegible": "The word [illegible word] was read.",
    "missing": "The plan [one line missing] was read.",
    "undeciphered": "The marine [3 groups unrecovered] was read.",
    "unclear": "Comrade [unclear: Kim] said.",
    "expansion": "The CC BCP [Central Committee of the Bulgarian Communist Party] met.",
    "supplied": "He spoke of [the interests of] the party.",
    "underline": "It is [underlined: important] now.",
    "stamp": "The [stamp: Secret No. 12] copy.",
    "translator-note": "The word [Translator's note: a pun] is here.",
    "editorial-note": "The meeting [Editor's note: in June] was long.",
    "page-break": "End of one page [page 2] start of the next.",
    "footnote": "The report [1] was read.\n\n[1] The note.",
    "original-term": "The inventory [opis'] was kept.",
    "variant-form": "Comrade Pak Heon-Yeong [Pak Hon Yong] said.",
    "unknown": "The [Cipher: 7/12] part.",
    "layout-space": "The text \u25a1\u25a1\u25a1 goes on.",
    "page-number": "The talks went on\n- 2 -\nuntil noon.",
}
#: classes every mark's HTML may carry, styled once for all marks (xslt/html/transcr.xsl)
SHARED_CLASSES = {"ed", "ed-label", "ed-quiet", "ed-drop", "ed-block"}


# -- what the code says -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def reader_kinds() -> frozenset[str]:
    """The kinds tei/convert/readers/marks.py can make: the first argument of its `EditorialMark(...)` calls,
    the kind its rules return (`return "sic", {...}`) and the kinds of its label table."""
    tree = ast.parse(Path(marks.__file__).read_text(encoding="utf-8"))
    found = set(marks.LABELS.values())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EditorialMark" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and node.value.elts:
            first = node.value.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return frozenset(found)


def encoder_kinds() -> set[str]:
    return {name[len("mark_"):].replace("_", "-") for name in vars(TeiEncoder) if name.startswith("mark_")}


def _included(stylesheet: Path) -> list[Path]:
    """The stylesheet and those it includes, as the output uses them."""
    root = etree.parse(str(stylesheet)).getroot()
    hrefs = root.xpath("//xsl:include/@href | //xsl:import/@href", namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"})
    return [stylesheet] + [p for href in hrefs for p in _included(stylesheet.parent / href)]


@lru_cache(maxsize=None)
def templated_elements(stylesheet: str) -> frozenset[str]:
    """The TEI elements a template of the output's stylesheets matches by name (`tei:gap[@reason]`)."""
    names = set()
    for path in _included(XSLT / stylesheet):
        root = etree.parse(str(path)).getroot()
        for pattern in root.xpath("//xsl:template/@match", namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"}):
            names.update(re.findall(r"(?<![\w:-])tei:([A-Za-z]+)", pattern))
    return frozenset(names)


@lru_cache(maxsize=1)
def styled_classes() -> frozenset[str]:
    css = re.sub(r"/\*.*?\*/", "", (XSLT / "edition.css").read_text(encoding="utf-8"), flags=re.S)
    return frozenset(re.findall(r"\.([A-Za-z][\w-]*)", css))


@lru_cache(maxsize=1)
def mark_rows() -> tuple[str, ...]:
    """The rows of the table under "## Editorial marks" in docs/encoding.md."""
    text = (ROOT / "docs" / "encoding.md").read_text(encoding="utf-8")
    section = text.split("\n## Editorial marks\n", 1)[1].split("\n## ", 1)[0]
    return tuple(line for line in section.splitlines() if line.startswith("|"))


def _source(sentence: str) -> str:
    return f"Title: A test of editorial marks\n\n{sentence}\n"


@lru_cache(maxsize=None)
def example_mark(kind: str) -> EditorialMark:
    if kind not in EXAMPLES:
        pytest.fail(f"mark kind {kind!r}: no example in tests/convert/test_mark_kinds.py EXAMPLES")
    parser = InlineParser()
    found = [item for item in parser.parse(EXAMPLES[kind]) if isinstance(item, EditorialMark)]
    assert found, f"mark kind {kind!r}: its example {EXAMPLES[kind]!r} has no mark"
    return found[0]


@lru_cache(maxsize=None)
def encoded(kind: str) -> tuple[etree._Element, tuple[str, ...]]:
    """The elements the encoder makes of the kind's example mark, and the warnings it gives."""
    encoder = TeiEncoder(read_document(_source(EXAMPLES[kind])))
    paragraph = etree.Element(T + "p")
    encoder.mark(paragraph, example_mark(kind))
    return paragraph, tuple(encoder.warnings)


def _made(kind: str) -> list[etree._Element]:
    """The elements the mark is encoded as (children of the paragraph), with their descendants."""
    return [element for element in encoded(kind)[0].iter() if element.tag != T + "p"]


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


# -- the places ---------------------------------------------------------------------------------

def test_every_kind_has_an_example():
    missing = [kind for kind in MARK_KINDS if kind not in EXAMPLES]
    assert not missing, f"mark kinds without an example in tests/convert/test_mark_kinds.py EXAMPLES: {missing}"
    assert not set(EXAMPLES) - set(MARK_KINDS), "EXAMPLES names kinds that model.MARK_KINDS does not have"


def test_the_reader_makes_only_kinds_of_the_model():
    unknown = reader_kinds() - set(MARK_KINDS)
    assert not unknown, f"tei/convert/readers/marks.py makes kinds that model.MARK_KINDS does not list: {sorted(unknown)}"
    assert not encoder_kinds() - set(MARK_KINDS), \
        f"TeiEncoder has mark_ methods for kinds model.MARK_KINDS does not list: {sorted(encoder_kinds() - set(MARK_KINDS))}"


@pytest.mark.parametrize("kind", MARK_KINDS)
def test_a_reader_rule_makes_the_kind(kind):
    assert kind in reader_kinds(), f"mark kind {kind!r}: no reader rule in tei/convert/readers/marks.py makes it"
    assert example_mark(kind).kind == kind, \
        f"mark kind {kind!r}: the reader reads its example {EXAMPLES[kind]!r} as {example_mark(kind).kind!r}"


@pytest.mark.parametrize("kind", MARK_KINDS)
def test_an_encoder_case_encodes_the_kind(kind):
    assert kind in encoder_kinds(), f"mark kind {kind!r}: TeiEncoder has no mark_{kind.replace('-', '_')} method"
    assert not encoded(kind)[1], f"mark kind {kind!r}: the encoder warns: {encoded(kind)[1]}"
    assert _made(kind), f"mark kind {kind!r}: the encoder makes no element"


@pytest.mark.parametrize("kind", MARK_KINDS)
def test_the_schema_declares_what_the_kind_encodes_to(kind):
    inline = set(schemaspec.GROUPS["inline"])
    for element in encoded(kind)[0]:
        assert _local(element) in inline, \
            f"mark kind {kind!r}: <{_local(element)}> is not an inline element in tei/schema/schemaspec.py (GROUPS['inline'])"
    global_attributes = {a.name: a for a in schemaspec.GLOBAL_ATTRIBUTES}
    for element in _made(kind):
        name = _local(element)
        assert name in schemaspec.ELEMENTS, f"mark kind {kind!r}: <{name}> has no entry in tei/schema/schemaspec.py"
        declared = {**global_attributes, **{a.name: a for a in schemaspec.ELEMENTS[name].attributes}}
        for attribute, value in element.attrib.items():
            qname = etree.QName(attribute)
            key = f"xml:{qname.localname}" if qname.namespace == "http://www.w3.org/XML/1998/namespace" else attribute
            assert key in declared, f"mark kind {kind!r}: <{name} {key}> is not declared in tei/schema/schemaspec.py"
            closed = declared[key].values or {("note", "type"): schemaspec.NOTE_TYPES,
                                               ("note", "subtype"): schemaspec.NOTE_SUBTYPES}.get((name, key), ())
            assert not closed or value in closed, \
                f"mark kind {kind!r}: <{name} {key}={value!r}> is not in the closed list of tei/schema/schemaspec.py {closed}"


@pytest.mark.parametrize("stylesheet", ["html.xsl", "text.xsl"])
@pytest.mark.parametrize("kind", MARK_KINDS)
def test_an_xslt_template_renders_the_kind(kind, stylesheet):
    for element in encoded(kind)[0]:
        assert _local(element) in templated_elements(stylesheet), \
            f"mark kind {kind!r}: no template of xslt/{stylesheet} (or what it includes) matches tei:{_local(element)}"


@pytest.mark.parametrize("kind", MARK_KINDS)
def test_the_css_styles_the_kinds_html(kind, tmp_path):
    """The classes the kind's HTML brings to the page (beyond those of the page without it) are
    styled in xslt/edition.css, each `ed-<name>` of a mark in particular."""
    def classes(sentence: str, name: str) -> set[str]:
        path = tmp_path / f"{name}.xml"
        path.write_bytes(serialize_tei(convert_text(_source(sentence))))
        page = render(path, "html").decode("utf-8")
        return {c for value in re.findall(r'class="([^"]*)"', page) for c in value.split()}

    brought = classes(EXAMPLES[kind], "mark") - classes("Plain words only.", "plain")
    assert brought, f"mark kind {kind!r}: its HTML carries no class of its own (xslt/html/)"
    unstyled = sorted(c for c in brought - SHARED_CLASSES if c not in styled_classes() and c.startswith("ed-"))
    assert not unstyled, f"mark kind {kind!r}: xslt/edition.css has no rule for .{', .'.join(unstyled)}"
    assert brought & styled_classes(), f"mark kind {kind!r}: xslt/edition.css styles none of {sorted(brought)}"


@pytest.mark.parametrize("kind", MARK_KINDS)
def test_docs_encoding_has_a_row_for_the_kind(kind):
    """A row of the "Editorial marks" table shows the element the kind encodes to, with the values
    of its closed attributes (`<gap reason="signature">`)."""
    for element in encoded(kind)[0]:
        name = _local(element)
        attributes = {a.name: a for a in schemaspec.ELEMENTS[name].attributes}
        closed = [f'{key}="{value}"' for key, value in element.attrib.items()
                  if key in attributes and (attributes[key].values or (name, key) in {("note", "type"), ("note", "subtype")})]
        rows = [row for row in mark_rows() if f"<{name}" in row and all(pair in row for pair in closed)]
        assert rows, (f"mark kind {kind!r}: no row of docs/encoding.md, \"Editorial marks\", shows "
                      f"<{name}{''.join(' ' + pair for pair in closed)}>")


def test_a_gap_with_its_extent_keeps_the_number_the_unit_and_what_became_of_the_text():
    from lxml import etree
    from tei.convert.pipeline import convert_bytes
    from tei.core.tei import T
    text = ("May 5, 1950\n\nCable from New York to Moscow\n\nThe plan was ready [2 words illegible] and "
            "[one line missing], the merchant marine [3 groups unrecovered] [1 group garbled] [several lines lost].\n")
    tei, _ = convert_bytes(text.encode(), "gaps.txt")
    gaps = [(g.get("reason"), g.get("quantity"), g.get("unit"), g.findtext(T + "desc"))
            for g in etree.fromstring(tei).iter(T + "gap")]
    assert gaps == [("illegible", "2", "word", "2 words illegible"), ("missing", "1", "line", "one line missing"),
                    ("undeciphered", "3", "group", "3 groups unrecovered"), ("illegible", "1", "group", "1 group garbled"),
                    ("missing", None, "line", "several lines lost")]


def test_roman_numbered_endnotes_are_notes_and_an_unanswered_numeral_stays_supplied():
    from lxml import etree
    from tei.convert.pipeline import convert_bytes
    from tei.core.tei import T
    text = ("May 5, 1950\n\nCable from New York to Moscow\n\nThe minister said[i] that the plan[ii] was ready, "
            "and VIKTOR[iv] agreed.\n\n[i] The minister of foreign affairs.\n\n[ii] The plan of 1944.\n")
    tei, doc = convert_bytes(text.encode(), "notes.txt")
    root = etree.fromstring(tei)
    notes = [(n.get("n"), n.text) for n in root.iter(T + "note") if n.get("type") == "footnote"]
    assert notes == [("i", "The minister of foreign affairs."), ("ii", "The plan of 1944.")]
    assert [s.text for s in root.iter(T + "supplied")] == ["iv"]
    assert len(root.find(f".//{T}body").findall(f".//{T}p")) == 1
