"""Page images (pb/@facs into <facsimile>): the HTML shows http(s) images beside the text,
lazily loaded and never fetched by the renderer; javascript:, data: and relative addresses are
refused (a relative one is shown only under the facsimile-base parameter); an IIIF image is
shown as a thumbnail linking to the full image; the text names each image on its own line; the
PDF prints without a network; no word of the text is lost."""

from __future__ import annotations

import pytest
from lxml import html

from render_helpers import DATA, html_text, missing_words, tei_words
from tei.render import render

PAGE_IMAGES = DATA / "facsimile" / "page-images.xml"
VAN_GOGH = DATA / "foreign" / "projects" / "tei-publisher-vangogh-let695.xml"


def images(page: bytes) -> dict[str, dict[str, str]]:
    """Each <img> of the page by its src: its attributes and the link around it."""
    found = {}
    for img in html.fromstring(page).xpath("//img"):
        link = img.getparent()
        found[img.get("src")] = dict(img.attrib, href=link.get("href") if link.tag == "a" else None)
    return found


@pytest.fixture(scope="module")
def page() -> bytes:
    return render(PAGE_IMAGES, "html")


def test_https_images_are_shown_lazily_with_alt_text(page):
    shown = images(page)
    for src, page_number in (("https://images.example.org/p1.jpg", "1"), ("https://images.example.org/p7.png", "7")):
        assert src in shown
        assert shown[src]["loading"] == "lazy"
        assert shown[src]["alt"] == f"Facsimile of page {page_number}"
        assert shown[src]["href"] == src


def test_unsafe_and_relative_addresses_are_never_shown(page):
    text = page.decode("utf-8").lower()
    for refused in ("javascript:", "data:image", "scans/p4.jpg"):
        assert refused not in text
    assert set(images(page)) == {
        "https://images.example.org/p1.jpg",
        "https://iiif.example.org/iiif/2/ms1%2Fp5/full/!800,800/0/default.jpg",
        "https://iiif.example.org/iiif/3/p6/full/!800,800/0/default.jpg",
        "https://images.example.org/p7.png",
        "https://images.example.org/p8.jpg",
    }


def test_iiif_images_become_thumbnails_linking_to_the_full_image(page):
    shown = images(page)
    assert shown["https://iiif.example.org/iiif/2/ms1%2Fp5/full/!800,800/0/default.jpg"]["href"] == \
        "https://iiif.example.org/iiif/2/ms1%2Fp5/full/full/0/default.jpg"
    assert shown["https://iiif.example.org/iiif/3/p6/full/!800,800/0/default.jpg"]["href"] == \
        "https://iiif.example.org/iiif/3/p6/full/max/0/default.jpg"


def test_a_zone_takes_the_displayable_full_image_of_its_surface(page):
    """Not the TIFF a browser cannot show, not the thumbnail."""
    assert "https://images.example.org/p8.jpg" in images(page)
    assert "p8.tif" not in page.decode() and "p8-thumb" not in page.decode()


def test_a_page_break_inside_a_paragraph_keeps_the_paragraph_whole(page):
    paragraph = html.fromstring(page).xpath("//p[contains(., 'November')]")[0]
    assert "oscar" in paragraph.text_content()
    assert paragraph.xpath(".//*[@role='figure']//img")


def test_relative_images_are_shown_under_the_facsimile_base():
    shown = images(render(PAGE_IMAGES, "html", params={"facsimile-base": "https://cdn.example.org/scans-of/"}))
    assert "https://cdn.example.org/scans-of/scans/p4.jpg" in shown


def test_a_facsimile_base_that_is_not_http_is_ignored():
    page = render(PAGE_IMAGES, "html", params={"facsimile-base": "javascript:alert(1)//"})
    assert "scans/p4.jpg" not in page.decode()


@pytest.mark.parametrize("to", ["html", "txt", "pdf"])
def test_every_word_is_rendered(to, page):
    if to == "html":
        rendered = html_text(page)
    elif to == "txt":
        rendered = render(PAGE_IMAGES, "txt").decode("utf-8")
    else:
        pypdf = pytest.importorskip("pypdf")
        import io

        rendered = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render(PAGE_IMAGES, "pdf"))).pages)
    assert missing_words(tei_words(PAGE_IMAGES), rendered) == {}


def test_the_text_names_each_allowed_image_on_its_own_line():
    lines = [line.strip() for line in render(PAGE_IMAGES, "txt", view="diplomatic").decode("utf-8").splitlines()]
    named = [line for line in lines if line.startswith("[page image:")]
    assert "[page image: https://images.example.org/p1.jpg]" in named
    assert "[page image: https://iiif.example.org/iiif/3/p6/full/max/0/default.jpg]" in named
    assert len(named) == 5
    assert not any("javascript" in line.lower() or "data:" in line for line in lines)


def test_the_correspondence_edition_shows_its_page_images():
    """The Van Gogh letter names its images relatively: none without a base, all with one."""
    assert images(render(VAN_GOGH, "html")) == {}
    shown = images(render(VAN_GOGH, "html", params={"facsimile-base": "https://images.example.org/let695/"}))
    assert set(shown) == {f"https://images.example.org/let695/695_{leaf}f.png"
                          for leaf in ("1rR", "1vL", "1vR", "1rL")}
    assert all(attributes["loading"] == "lazy" and attributes["alt"].startswith("Facsimile of page")
               for attributes in shown.values())


UNPLACED = DATA / "facsimile" / "unplaced-surfaces.xml"


def test_surfaces_no_page_points_at_are_shown_after_the_text_with_their_zones():
    tree = html.fromstring(render(UNPLACED, "html"))
    figures = tree.xpath("//section[@id='page-images']/figure")
    assert [f.get("id") for f in figures] == ["f2", "f3"]  # f1 is placed by its pb
    assert figures[0].xpath(".//img/@src") == ["https://img.example.org/2.jpg"]
    assert figures[0].xpath(".//img/@loading") == ["lazy"]
    assert not figures[1].xpath(".//img") and "javascript" not in html.tostring(figures[1], encoding="unicode")
    assert [li.text_content() for li in figures[0].xpath(".//li")] == \
        ["zone 1 (margin): x 10–300, y 20–900", "zone 2: outline 1,1 50,1 50,60"]
    assert tree.xpath("//section[@id='page-images']//figcaption")[1].text_content() == "Envelope"


def test_a_source_document_zone_says_where_it_lies_in_html_and_text():
    tree = html.fromstring(render(UNPLACED, "html"))
    assert [p.text_content() for p in tree.xpath("//div[@class='tei-zone']/p[@class='zone-position']")] == \
        ["zone 1 (main): x 100–4000, y 120–6000"]
    text = render(UNPLACED, "txt").decode("utf-8")
    assert "[zone 1 (main): x 100–4000, y 120–6000]\n\nGone upstairs" in text
    assert "[surface 2r: https://img.example.org/2.jpg]\n[zone 1 (margin): x 10–300, y 20–900]" in text
    assert "[Envelope]" in text and "javascript" not in text
    assert "https://img.example.org/1.jpg]" in text and text.count("img.example.org/1.jpg") == 1


def test_a_document_whose_surfaces_are_all_placed_has_no_section_of_unplaced_images():
    assert b'id="page-images"' not in render(PAGE_IMAGES, "html")


def test_the_heading_of_unplaced_images_is_in_the_interface_language():
    params = {"interface-language": "de"}
    tree = html.fromstring(render(UNPLACED, "html", params=params))
    section = tree.xpath("//section[@id='page-images']")[0]
    assert section.get("aria-label") == section.xpath("h2")[0].text_content() == "Nicht im Text verortete Seitenbilder"
    assert "Nicht im Text verortete Seitenbilder" in render(UNPLACED, "txt", params=params).decode("utf-8")
