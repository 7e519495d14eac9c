"""The one reader of a TEI header into a record (tei/core/record.py): the site's lists take their
header fields from it, as the exports do."""

from __future__ import annotations

from lxml import etree

from tei.site.document import catalogue_record
from tei.core.record import DocumentRecord

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Subtitle first</title><title type="main">The main title</title></titleStmt>
<publicationStmt><p/></publicationStmt>
<sourceDesc><bibl type="published"><author>A. Author</author><title>Documents</title><date>1950</date>
<publisher>A Press</publisher></bibl></sourceDesc></fileDesc></teiHeader>
<text><body><p>Said so.</p></body></text></TEI>"""


def test_the_site_takes_the_published_source_from_the_record():
    tree = etree.ElementTree(etree.fromstring(TEI))
    record = DocumentRecord.from_tei(tree)
    assert record.published_in == "A. Author, Documents (1950)"
    assert catalogue_record(tree)["published_in"] == record.published_in
    assert catalogue_record(tree)["title"] == "The main title"


def test_a_published_source_without_author_or_year_is_said_in_what_it_has():
    short = TEI.replace("<author>A. Author</author>", "").replace("<date>1950</date>", "")
    assert DocumentRecord.from_tei(etree.fromstring(short)).published_in == "Documents"
    bare = TEI.replace("<author>A. Author</author><title>Documents</title><date>1950</date>", "")
    assert DocumentRecord.from_tei(etree.fromstring(bare)).published_in == "A Press"
    assert DocumentRecord.from_tei(etree.fromstring(TEI.replace('type="published"', ""))).published_in == ""

