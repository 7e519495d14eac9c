"""The IIIF Presentation 3 manifest that `render --to html` writes beside the page of a document
with page images, and that the page links to: canvases in pb and surface order with their labels,
IIIF Image API addresses with their image service, plain images as Image bodies, only allow-listed
http(s) addresses, sizes from the TEI or the documented default, never an image fetched."""

from __future__ import annotations

import json
import socket

import pytest
from lxml import html

from render_helpers import DATA
from tei.render import render_files
from tei.render.iiif import DEFAULT_SIZE, PRESENTATION_CONTEXT, UNPUBLISHED_BASE, manifest

PAGE_IMAGES = DATA / "facsimile" / "page-images.xml"
TEI = "http://www.tei-c.org/ns/1.0"

SURFACES = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>Notebook</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
<facsimile>
  <surface xml:id="f1" ulx="0" uly="0" lrx="2400" lry="3200" n="1r"><graphic url="https://img.example.org/1r.jpg"/></surface>
  <surface xml:id="f2" n="1v"><graphic url="https://img.example.org/1v.jpg" width="1800px" height="2600px"/></surface>
  <surface xml:id="f3"><label>Loose sheet</label><graphic url="https://img.example.org/loose.png"/></surface>
  <surface xml:id="f4"><graphic url="ftp://img.example.org/4.jpg"/></surface>
</facsimile>
<text xml:lang="en"><body><pb facs="#f2"/><p>Second leaf first.</p><pb facs="#f1" n="7"/><p>Then the first.</p></body></text></TEI>"""


def rendered(tmp_path, source, params=None):
    """The page, the manifest written beside it, and the warnings of `render --to html`."""
    if not isinstance(source, str):
        source = source.read_text(encoding="utf-8")
    path = tmp_path / "doc.xml"
    path.write_text(source, encoding="utf-8")
    warnings: list[str] = []
    written, failures = render_files([path], "html", tmp_path / "out", params=params, warnings=warnings)
    assert not failures
    beside = tmp_path / "out" / "doc.manifest.json"
    found = json.loads(beside.read_text(encoding="utf-8")) if beside.exists() else None
    assert (beside in written) == (found is not None)
    return (tmp_path / "out" / "doc.html").read_bytes(), found, warnings


def bodies(found):
    return [canvas["items"][0]["items"][0]["body"] for canvas in found["items"]]


def check_presentation_3(found):
    """What the Presentation API 3.0 requires of a manifest of images (sections 3 and 5)."""
    assert found["@context"] == PRESENTATION_CONTEXT and found["type"] == "Manifest"
    assert found["id"].startswith("https://") and found["label"] and found["items"]
    ids = [found["id"]]
    for canvas in found["items"]:
        assert canvas["type"] == "Canvas" and canvas["id"].startswith("https://")
        assert isinstance(canvas["width"], int) and isinstance(canvas["height"], int)  # required with an image
        assert all(isinstance(values, list) for values in canvas["label"].values())
        page = canvas["items"][0]
        annotation = page["items"][0]
        assert page["type"] == "AnnotationPage" and annotation["type"] == "Annotation"
        assert annotation["motivation"] == "painting" and annotation["target"] == canvas["id"]
        assert annotation["body"]["type"] == "Image" and annotation["body"]["id"].startswith("https://")
        ids += [canvas["id"], page["id"], annotation["id"]]
    assert len(set(ids)) == len(ids)


def test_the_page_links_the_manifest_written_beside_it(tmp_path):
    page, found, warnings = rendered(tmp_path, PAGE_IMAGES)
    links = html.fromstring(page).xpath("//p[@class='iiif-manifest']/a/@href")
    assert links == ["doc.manifest.json"]
    check_presentation_3(found)
    assert found["id"] == f"{UNPUBLISHED_BASE}doc.manifest.json"
    assert any("iiif-manifest parameter" in w for w in warnings)


def test_canvases_follow_the_pages_with_only_allow_listed_https_images(tmp_path):
    _, found, _ = rendered(tmp_path, PAGE_IMAGES)
    assert [canvas["label"] for canvas in found["items"]] == [{"none": [f"page {n}"]} for n in (1, 5, 6, 7, 8)]
    urls = [body["id"] for body in bodies(found)]
    assert urls == ["https://images.example.org/p1.jpg",
                    "https://iiif.example.org/iiif/2/ms1%2Fp5/full/full/0/default.jpg",
                    "https://iiif.example.org/iiif/3/p6/full/max/0/default.jpg",
                    "https://images.example.org/p7.png", "https://images.example.org/p8.jpg"]
    text = json.dumps(found).lower()
    for refused in ("javascript", "data:", "scans/p4", ".tif", "thumb"):
        assert refused not in text


def test_iiif_image_addresses_carry_their_image_service_and_plain_images_none(tmp_path):
    _, found, _ = rendered(tmp_path, PAGE_IMAGES)
    services = [body.get("service") for body in bodies(found)]
    assert services[1] == [{"@id": "https://iiif.example.org/iiif/2/ms1%2Fp5", "@type": "ImageService2", "profile": "level0"}]
    assert services[2][0]["@type"] == "ImageService2" and services[2][0]["@id"] == "https://iiif.example.org/iiif/3/p6"
    assert services[0] is services[3] is services[4] is None
    assert [body.get("format") for body in bodies(found)] == ["image/jpeg"] * 3 + ["image/png", "image/jpeg"]


def test_an_image_api_3_address_gets_an_image_service_3():
    root = html_free(f'<TEI xmlns="{TEI}"><text><body><pb facs="https://i.example.org/iiif/3/a/full/max/0/default.jpg"/>'
                     "<p>x</p></body></text></TEI>")
    service = manifest(root, manifest_url="https://ed.example.org/a.json")["items"][0]["items"][0]["items"][0]["body"]["service"]
    assert service == [{"id": "https://i.example.org/iiif/3/a", "type": "ImageService3", "profile": "level0"}]


def html_free(source: str):
    from lxml import etree
    return etree.fromstring(source.encode("utf-8"))


def test_pages_first_then_surfaces_no_page_points_at_with_sizes_from_the_tei(tmp_path):
    _, found, _ = rendered(tmp_path, SURFACES, params={"iiif-manifest": "https://ed.example.org/iiif/doc.json"})
    check_presentation_3(found)
    assert found["id"] == "https://ed.example.org/iiif/doc.json" and found["label"] == {"en": ["Notebook"]}
    assert [canvas["label"]["none"][0] for canvas in found["items"]] == ["1v", "page 7", "Loose sheet"]
    assert [(c["width"], c["height"]) for c in found["items"]] == [(1800, 2600), (2400, 3200), DEFAULT_SIZE]
    assert "width" not in bodies(found)[2]  # an image's own size is never guessed
    assert all(canvas["id"].startswith("https://ed.example.org/iiif/doc.json/canvas/") for canvas in found["items"])


def test_the_published_address_is_the_link_and_nothing_is_fetched(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the renderer opened a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    page, found, warnings = rendered(tmp_path, SURFACES, params={"iiif-manifest": "https://ed.example.org/doc.json"})
    assert html.fromstring(page).xpath("//p[@class='iiif-manifest']/a/@href") == ["https://ed.example.org/doc.json"]
    assert not any("iiif-manifest" in w for w in warnings)


@pytest.mark.parametrize("unsafe", ["javascript:alert(1)", "data:application/json,{}", "//evil.example.org/m.json"])
def test_an_unsafe_manifest_address_is_never_linked(tmp_path, unsafe):
    page, found, _ = rendered(tmp_path, SURFACES, params={"iiif-manifest": unsafe})
    assert not html.fromstring(page).xpath("//p[@class='iiif-manifest']")
    assert found["id"] == f"{UNPUBLISHED_BASE}doc.manifest.json"


def test_a_document_without_page_images_gets_no_manifest(tmp_path):
    page, found, _ = rendered(tmp_path, SURFACES.replace("https://img", "ftp://img"))
    assert found is None and b"iiif-manifest" not in page


def test_the_manifest_and_the_page_agree_on_which_surfaces_are_placed(tmp_path):
    source = (DATA / "facsimile" / "unplaced-surfaces.xml").read_text(encoding="utf-8")
    page, found, _ = rendered(tmp_path, source.replace("<p>Placed page.</p>", '<p facs="#z2">Placed page.</p>'))
    assert [canvas["label"]["none"][0] for canvas in found["items"]] == ["page 1"]  # f2 placed by its zone
    assert not html.fromstring(page).xpath("//section[@id='page-images']//img")
    page, found, _ = rendered(tmp_path, source)
    assert [canvas["label"]["none"][0] for canvas in found["items"]] == ["page 1", "2r"]
    assert html.fromstring(page).xpath("//section[@id='page-images']//img/@src") == ["https://img.example.org/2.jpg"]
