"""The URL allow-list (tei/core/urls.py, xslt/common/urls.xsl): a TEI file that puts `javascript:`,
`data:` and `vbscript:` URIs (and their case, spacing and entity variants) in every pointer
attribute of TEI P5, on every element the stylesheets turn into a link, gives none of them to the
HTML, to the PDF's link annotations, to CMIF or to Dublin Core; http(s), mailto and fragment
links still get through."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from lxml import etree, html

from conftest import ROOT, find_tei_all
from render_helpers import missing_tool
from tei.export import export
from tei.render import render
from tei.render.pdf import html_to_pdf
from tei.core.urls import XML_SPACE, safe_url

try:
    import pypdf
except ImportError:  # pragma: no cover - a test dependency
    pypdf = None

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: Hostile URLs as they stand in an XML attribute or text (entities are the parser's to expand).
#: The three of the issue first; the rest are the tricks a browser falls for.
PAYLOADS = {
    "javascript": "javascript:alert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "mixed-case": "JaVaScRiPt:alert(1)",
    "upper-data": "DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
    "upper-vbscript": "VBScript:msgbox(1)",
    "leading-space": "&#x20;&#x09;&#x0A; javascript:alert(1)",
    "tab-inside": "java&#x09;script:alert(1)",
    "newline-inside": "java&#x0A;script:alert(1)",
    "cr-inside": "java&#x0D;script:alert(1)",
    "colon-entity": "javascript&#x3A;alert(1)",
    "fragment-exists": "javascript:alert(1)//#anchor",
    "fragment-exists-data": "data:text/html,alert(1)#anchor",
    "protocol-relative": "//evil.example/alert(1)",
    "backslashes": "\\\\evil.example\\alert(1)",
    "file": "file:///etc/passwd#alert(1)",
    "no-break-space": "&#xA0;javascript:alert(1)",
}
#: The three schemes the issue names, in their plain form: these go into every pointer attribute.
PLAIN = ("javascript", "data", "vbscript")

def pointer_attributes() -> list[str]:
    """Every attribute that holds a URI somewhere in TEI P5, read from tei_all."""
    path = find_tei_all()
    ns = {"r": "http://relaxng.org/ns/structure/1.0"}
    names = etree.parse(str(path)).xpath("//r:attribute[.//r:data[@type='anyURI']]/@name", namespaces=ns)
    return sorted(set(map(str, names)))


#: Elements the HTML stylesheets turn into links (test_every_linking_template_is_covered keeps
#: this list complete), and others that hold pointers in TEI P5.
LINKING = ("ref", "ptr", "persName", "placeName", "orgName", "name", "roleName", "geogName", "rs", "gloss")
OTHERS = ("note", "graphic", "pb", "term", "title", "seg", "link", "date", "quote", "bibl", "figure", "hi", "q")
#: Attributes the stylesheets read as links; the PDF test puts the payloads in each of them.
LINK_ATTRIBUTES = ("ref", "corresp", "target", "url", "facs", "source")
#: What a page may hold that is not an address taken from the TEI: its own favicon (none).
STATIC = {("link", "href"): {"data:,"}}
#: HTML attributes whose value a browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "background", "cite",
                  "ping", "longdesc", "usemap", "manifest", "codebase", "{http://www.w3.org/1999/xlink}href")


#: A good link in every hostile file: it shows that links are made and found at all.
CONTROL = "https://example.org/control"


def hostile_tei(payload: str, attributes: list[str], elements=LINKING + OTHERS, wrap=True) -> str:
    """A TEI file with `payload` in each attribute on each element (one element per attribute,
    since a name's stylesheet reads only the first of @ref, @corresp, @target), in the header's
    record URI and links, and in the correspondence a CMIF export reads."""
    body = []
    for element in elements:
        for name in attributes:
            body.append(f'<{element} {name}="{payload}">{element} {name}</{element}>')
    return f"""<TEI xmlns="{TEI_NS}">
<teiHeader><fileDesc>
  <titleStmt><title>Hostile links</title><author ref="{payload}">An author</author></titleStmt>
  <publicationStmt><publisher>A publisher</publisher><idno type="URI">{payload}</idno><idno type="url">{payload}</idno>
    <availability><licence target="{payload}"><p>Licence <ref target="{payload}">terms</ref>.</p></licence></availability>
  </publicationStmt>
  <sourceDesc><bibl>A source <ref target="{payload}">online</ref> <ptr target="{payload}"/></bibl></sourceDesc>
</fileDesc>
<profileDesc>
  <abstract><p>Summary with <ref target="{payload}">a link</ref>.</p></abstract>
  <creation><date when="1950-01-02">2 January 1950</date></creation>
  <correspDesc ref="{payload}">
    <correspAction type="sent"><persName ref="{payload}">A sender</persName><placeName ref="{payload}">A town</placeName>
      <date when="1950-01-02"/></correspAction>
    <correspAction type="received"><orgName ref="{payload}">A ministry</orgName></correspAction>
  </correspDesc>
</profileDesc></teiHeader>
<text><body><p><anchor xml:id="anchor"/>Text, with a link that stays: <ref target="{CONTROL}">control</ref>.
{' '.join(body) if wrap else ''}</p></body></text>
</TEI>
"""


def browser_scheme(url: str) -> str:
    """The scheme a browser reads in `url` (WHATWG URL: edge controls and spaces dropped, tabs and
    line breaks removed anywhere), "" for a relative reference."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


def assert_only_safe_addresses(page: bytes) -> list[str]:
    """Every address of the page passes the allow-list and reads as http(s), mailto or relative
    (and so not as javascript:, data: or vbscript:); returns them."""
    document = html.fromstring(page)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if value is None or value in STATIC.get((element.tag, name), ()):
                continue
            found.append(value)
            assert safe_url(value, relative=True) == value.strip(XML_SPACE), (element.tag, name, value)
            assert browser_scheme(value) in ("", "http", "https", "mailto"), (element.tag, name, value)
            assert not re.match(r"\s*[/\\]{2}", value), (element.tag, name, value)
    assert not document.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh') = 'refresh'] | //iframe | //object | //embed | //form | //base")
    return found


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the allow-list itself ----------------------------------------------------------------------

ACCEPTED = ["#p1", "https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG/", "mailto:ed@example.org",
            "  https://example.org/  ", "#", "MailTo:x@example.org"]
REFUSED = ["", "   ", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
           "java\nscript:x", "data:,x", "DATA:text/html,x", "vbscript:x", "file:///etc/passwd", "//evil.example/",
           "\\\\evil.example", "https://a b", "ftp://example.org/", "http:example.org", "javascript:x//#p1",
           "\u00a0javascript:x", "tel:123", "about:blank", ":x", "https\u017f://x", "https://a\x7fb", "\x7fjavascript:x"]
RELATIVE = ["page.html", "../browse/person.html#person-kim", "/a/b", "?q=1", "a/b:c", "person.html#x:y"]
RELATIVE_REFUSED = ["//evil.example/x", "/\\evil.example", "a\\b", "person:kim", "javascript:x", "c:/x"]


@pytest.mark.parametrize("url", ACCEPTED)
def test_allow_list_accepts_fragments_and_web_and_mail_addresses(url):
    assert safe_url(url) == url.strip() and safe_url(url, relative=True) == url.strip()


@pytest.mark.parametrize("url", REFUSED + RELATIVE)
def test_allow_list_refuses_every_other_address_of_a_tei_file(url):
    assert safe_url(url) == ""


@pytest.mark.parametrize("url", RELATIVE)
def test_relative_references_only_where_the_edition_builds_them(url):
    assert safe_url(url, relative=True) == url


@pytest.mark.parametrize("url", RELATIVE_REFUSED + REFUSED)
def test_relative_references_are_no_way_round_the_list(url):
    assert safe_url(url, relative=True) == ""


def test_the_stylesheet_and_python_allow_lists_agree():
    """safe-url (XSLT) and safe_url (Python) give the same answer for every case."""
    cases = ACCEPTED + REFUSED + RELATIVE + RELATIVE_REFUSED
    stylesheet = etree.XSLT(etree.XML(f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:include href={quoteattr((ROOT / 'xslt' / 'common' / 'urls.xsl').as_uri())}/>
      <xsl:template match="/"><out><xsl:for-each select="//case"><r>
        <xsl:call-template name="safe-url"><xsl:with-param name="url" select="@url"/>
          <xsl:with-param name="relative" select="@relative"/></xsl:call-template></r></xsl:for-each></out>
      </xsl:template></xsl:stylesheet>"""))
    root = etree.Element("cases")
    for url in cases:
        for relative in ("no", "yes"):
            etree.SubElement(root, "case", url=url, relative=relative)
    results = [r.text or "" for r in stylesheet(etree.ElementTree(root)).getroot()]
    expected = [safe_url(c.get("url"), relative=c.get("relative") == "yes") for c in root]
    assert list(zip(root.xpath("//case/@url"), results)) == list(zip(root.xpath("//case/@url"), expected))


def test_every_linking_template_is_covered():
    """Each HTML template that writes a computed href or src matches only elements of LINKING
    (or the header), so the hostile file below reaches every one of them."""
    xsl = {"xsl": "http://www.w3.org/1999/XSL/Transform"}
    for path in sorted((ROOT / "xslt" / "html").glob("*.xsl")):
        for template in etree.parse(str(path)).xpath("//xsl:template[@match]", namespaces=xsl):
            computed = template.xpath(".//*[contains(@href, '{') or contains(@src, '{')]"
                                      " | .//xsl:attribute[@name='href' or @name='src']", namespaces=xsl)
            if computed:
                matched = set(re.findall(r"tei:(\w+)", template.get("match")))
                assert matched - {"teiHeader", "text"} <= set(LINKING), (path.name, template.get("match"))


# -- HTML ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    """One TEI file per payload: the plain three in every TEI pointer attribute, the tricks in the
    attributes the stylesheets read as links."""
    folder = tmp_path_factory.mktemp("hostile-links")
    every = pointer_attributes()
    return {key: write(folder, f"{key}.xml", hostile_tei(payload, every if key in PLAIN else list(LINK_ATTRIBUTES)))
            for key, payload in PAYLOADS.items()}


@pytest.mark.parametrize("name_index", ["", "../browse/"], ids=["render", "build"])
@pytest.mark.parametrize("key", sorted(PAYLOADS))
def test_html_links_only_to_allowed_addresses(hostile_files, key, name_index):
    page = render(hostile_files[key], "html", params={"name-index": name_index} if name_index else None)
    addresses = assert_only_safe_addresses(page)
    assert CONTROL in addresses
    assert "#anchor" not in addresses  # the fragment after javascript:...# is no reason to link
    # the site's name index (a relative link it builds from ref="PREFIX:ID") aside, no payload is an address
    assert not [a for a in addresses if re.search("alert|msgbox|evil|passwd", a)
                and not (name_index and a.startswith(name_index))]
    # nothing is lost: a refused address is still shown as text
    assert b"A sender" in page and b"terms" in page


# -- PDF -----------------------------------------------------------------------------------------

def pdf_links(pdf: bytes) -> list[tuple[str, str]]:
    """(action type, URI or destination) of every link annotation, and every document action."""
    if pypdf is None:
        missing_tool("the PDF link test needs pypdf (pip install -e '.[test]')", "pypdf")
    import io

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    assert "/JavaScript" not in catalog.get("/Names", {})
    links = []
    for page in reader.pages:
        assert "/AA" not in page
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is None:
                links.append(("/GoTo", str(annotation.get("/Dest"))))
            else:
                action = action.get_object()
                links.append((str(action.get("/S")), str(action.get("/URI", action.get("/D", "")))))
    return links


@pytest.mark.parametrize("key", list(PLAIN) + ["fragment-exists", "mixed-case", "tab-inside"])
def test_pdf_has_no_link_to_a_refused_address(tmp_path, key):
    tei = hostile_tei(PAYLOADS[key], list(LINK_ATTRIBUTES), elements=LINKING + ("note", "graphic"))
    links = pdf_links(render(write(tmp_path, "doc.xml", tei), "pdf"))
    assert ("/URI", CONTROL) in links
    for kind, target in links:
        assert kind in ("/URI", "/GoTo"), (kind, target)
        if kind == "/URI":
            assert safe_url(target) == target and browser_scheme(target) in ("http", "https", "mailto"), target


def test_pdf_drops_a_refused_link_even_when_the_html_has_it():
    """The PDF's own guard, behind the stylesheets: raw HTML with hostile links."""
    anchors = "".join(f'<p><a href={quoteattr(html.fromstring(f"<i>{p}</i>").text)}>{k}</a></p>'
                      for k, p in PAYLOADS.items())
    page = f'<html><body>{anchors}<p><a href="https://example.org/">web</a></p></body></html>'.encode()
    links = pdf_links(html_to_pdf(page, source=b"<TEI/>", source_name="x.xml"))
    assert links == [("/URI", "https://example.org/")]


# -- positive: good links survive ----------------------------------------------------------------

GOOD = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>Good links</title></titleStmt>
  <publicationStmt><publisher>P</publisher><idno type="URI">https://archive.example.org/document/1</idno></publicationStmt>
  <sourceDesc><p>x</p></sourceDesc></fileDesc>
<profileDesc><correspDesc><correspAction type="sent"><persName ref="https://www.wikidata.org/wiki/Q1">Sender</persName>
  <date when="1950-01-02"/></correspAction></correspDesc></profileDesc></teiHeader>
<text><body><p xml:id="p1">See <ref target="http://example.org/http">http</ref>, <ref target="HTTPS://example.org/https">https</ref>,
  <ref target="mailto:ed@example.org">mail</ref>, <ref target="  #p2  ">fragment</ref>,
  <persName ref="#kim">Kim</persName>.</p>
  <p xml:id="p2">Two.</p><listPerson><person xml:id="kim"><persName>Kim Il Sung</persName></person></listPerson></body></text>
</TEI>
"""
GOOD_ADDRESSES = ["http://example.org/http", "HTTPS://example.org/https", "mailto:ed@example.org", "#p2", "#kim",
                  "https://archive.example.org/document/1"]


def test_html_keeps_web_mail_and_fragment_links(tmp_path):
    addresses = assert_only_safe_addresses(render(write(tmp_path, "good.xml", GOOD), "html"))
    assert set(GOOD_ADDRESSES) <= set(addresses)


def test_pdf_keeps_web_mail_and_fragment_links(tmp_path):
    links = pdf_links(render(write(tmp_path, "good.xml", GOOD), "pdf"))
    uris = {target for kind, target in links if kind == "/URI"}
    assert {"http://example.org/http", "mailto:ed@example.org", "https://archive.example.org/document/1"} <= uris
    assert any(target.lower() == "https://example.org/https" for target in uris)
    assert any(kind == "/GoTo" and "p2" in target for kind, target in links)


# -- CMIF and Dublin Core ------------------------------------------------------------------------

def _exported(sources: Path, tmp_path: Path) -> dict[str, bytes]:
    cmif = tmp_path / "cmif.xml"
    dc = tmp_path / "dc.xml"
    for fmt, out in (("cmif", cmif), ("dc", dc)):
        result = export(fmt, [sources], out)
        assert result.ok, result.failures
    return {"cmif": cmif.read_bytes(), "dc": dc.read_bytes()}


@pytest.mark.parametrize("key", sorted(PAYLOADS))
def test_cmif_and_dc_copy_no_refused_address(tmp_path, key):
    tei = hostile_tei(PAYLOADS[key], [], wrap=False)
    outputs = _exported(write(tmp_path / "src", "letter.xml", tei).parent, tmp_path)
    for fmt, data in outputs.items():
        tree = etree.fromstring(data)
        addresses = tree.xpath("//@* | //*[local-name()='identifier' or local-name()='idno' or local-name()='ref']/text()")
        for value in addresses:
            for token in value.split():
                if token != "oai:tei-edition:letter":  # the OAI-PMH header's own identifier
                    assert browser_scheme(token) in ("", "http", "https", "mailto"), (fmt, value)
        for marker in (b"alert(1)", b"msgbox", b"evil.example", b"base64", b"/etc/passwd"):
            assert marker not in data, (fmt, marker)


def test_cmif_and_dc_keep_a_web_address(tmp_path):
    outputs = _exported(write(tmp_path / "src", "letter.xml", GOOD).parent, tmp_path)
    cmif = etree.fromstring(outputs["cmif"])
    t = {"t": TEI_NS}
    assert cmif.xpath("//t:correspDesc/@ref", namespaces=t) == ["https://archive.example.org/document/1"]
    assert cmif.xpath("//t:sourceDesc//t:ref/@target", namespaces=t) == ["https://archive.example.org/document/1"]
    assert cmif.xpath("//t:correspAction/t:persName/@ref", namespaces=t) == ["https://www.wikidata.org/wiki/Q1"]
    dc = etree.fromstring(outputs["dc"])
    assert "https://archive.example.org/document/1" in dc.xpath("//*[local-name()='identifier']/text()")


# -- the hostile corpus (tests/hostile/xml/link-*.xml) through the command line -------------------

HOSTILE_LINKS = sorted((ROOT / "tests" / "hostile" / "xml").glob("link-*.xml"))


@pytest.mark.parametrize("path", HOSTILE_LINKS, ids=lambda p: p.stem)
def test_hostile_corpus_links_reach_no_output(tmp_path, path):
    from click.testing import CliRunner

    from tei.cli import cli

    def invoke(*args):
        result = CliRunner().invoke(cli, [str(a) for a in args])
        assert result.exit_code == 0 and result.exception is None, result.output
    invoke("render", path, "--to", "html", "-o", tmp_path)
    invoke("render", path, "--to", "pdf", "-o", tmp_path)
    invoke("export", "cmif", path, "-o", tmp_path / "cmif.xml")
    invoke("export", "dc", path, "-o", tmp_path / "dc.xml")
    page = (tmp_path / f"{path.stem}.html").read_bytes()
    assert "https://example.org/" in assert_only_safe_addresses(page)
    assert pdf_links((tmp_path / f"{path.stem}.pdf").read_bytes()) == [("/URI", "https://example.org/")]
    for export_file in ("cmif.xml", "dc.xml"):
        data = (tmp_path / export_file).read_bytes()
        assert b"alert(1)" not in data and b"msgbox" not in data and b"base64" not in data, export_file


# -- in a browser: clicking every link of a hostile page runs no script -------------------------

def dialogs_after_clicking_every_link(open_page, path: Path) -> list[str]:
    """Open the page, click each of its links in turn (from a fresh load, no request leaving the
    machine), and return the messages of the dialogs that a script opened."""
    page = open_page(path)
    messages: list[str] = []
    page.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.route("**/*", lambda route: route.fulfill(status=204) if route.request.url.startswith(("http:", "https:"))
               else route.continue_())  # 204: the browser stays on the page
    for index in range(page.locator("a[href]").count()):
        page.goto(path.as_uri())
        page.eval_on_selector_all("a[href]", "(links, i) => links[i].click()", index)
        page.wait_for_timeout(50)
    return messages


def test_a_script_link_is_caught_by_the_browser_check(open_page, tmp_path):
    """The check below can fail: a page with a javascript: link opens a dialog when it is clicked."""
    page = write(tmp_path, "script.html", '<!DOCTYPE html><p><a href="javascript:alert(1)">x</a></p>')
    assert dialogs_after_clicking_every_link(open_page, page) == ["1"]


@pytest.mark.parametrize("path", HOSTILE_LINKS, ids=lambda p: p.stem)
def test_clicking_every_link_of_a_hostile_page_runs_no_script(open_page, tmp_path, path):
    page = tmp_path / f"{path.stem}.html"
    page.write_bytes(render(path, "html"))
    assert dialogs_after_clicking_every_link(open_page, page) == []


def test_a_register_authority_outside_the_allow_list_is_not_copied(tmp_path):
    """A register's idno with white space inside would reach CMIF's @ref list as a second pointer."""
    from tei.export import Registers

    register = write(tmp_path / "registers", "persons.xml", f"""<listPerson xmlns="{TEI_NS}">
      <person xml:id="kim"><persName>Kim</persName>
        <idno type="wikidata">https://www.wikidata.org/wiki/Q1 javascript:alert(1)</idno></person></listPerson>""")
    registers = Registers.load(register.parent)
    assert registers.entries["kim"].authority_uri() == ""
    letter = write(tmp_path / "src", "letter.xml", GOOD.replace('ref="https://www.wikidata.org/wiki/Q1"', 'ref="#kim"'))
    result = export("cmif", [letter], tmp_path / "cmif.xml", registers=registers)
    assert result.ok and b"alert" not in (tmp_path / "cmif.xml").read_bytes()
