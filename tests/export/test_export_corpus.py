"""tei-corpus export: valid TEI (tei_all), unique xml:ids, every pointer resolved, registers inside."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from conftest import SEEDS, assert_tei_all_valid
from export_helpers import GOLDEN, TEI, linked_golden, project_registers, write_registers
from tei.export import Registers, export

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    registers = Registers.load(write_registers(folder / "registers"))
    result = export("tei-corpus", [linked_golden(folder / "tei")], folder / "corpus.xml", registers=registers)
    assert result.ok, result.failures
    return etree.parse(str(folder / "corpus.xml"))


def local_pointers(tree):
    """Every `#id` token of every attribute."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            for token in value.split():
                if token.startswith("#"):
                    yield element, name, token[1:]


def test_valid_against_tei_all(tei_all, corpus):
    assert_tei_all_valid(tei_all, corpus, "the teiCorpus")


def test_every_document_with_its_text(corpus):
    documents = corpus.xpath("/t:teiCorpus/t:TEI", namespaces=TEI)
    assert len(documents) == 5
    assert [d.get(XML_ID) for d in documents][:2] == ["doc-000_f425829870b8b895", "doc-001_2d7a8d2d58cf8ba7"]
    for document in documents:
        assert document.xpath("t:text/t:body/t:div", namespaces=TEI)
    assert len(corpus.xpath("//t:teiCorpus/t:teiHeader//t:sourceDesc/t:listBibl/t:bibl", namespaces=TEI)) == 5


def test_xml_ids_are_unique(corpus):
    ids = Counter(corpus.xpath("//@xml:id"))
    assert ids and [i for i, n in ids.items() if n > 1] == []


def test_every_pointer_resolves(corpus):
    ids = set(corpus.xpath("//@xml:id"))
    unresolved = [(etree.QName(e).localname, name, target) for e, name, target in local_pointers(corpus)
                  if target not in ids]
    assert unresolved == []


def test_pointers_still_point_to_the_same_things(corpus):
    stalin = corpus.xpath("//t:TEI[@xml:id='doc-004_5a195c45a986ff21']", namespaces=TEI)[0]
    hands = stalin.xpath(".//t:add/@hand | .//t:note/@hand", namespaces=TEI)
    assert hands and set(hands) == {"#doc-004_5a195c45a986ff21-hand-2"}
    assert stalin.xpath("string(.//t:handNote/@xml:id)", namespaces=TEI) == "doc-004_5a195c45a986ff21-hand-2"
    conversation = corpus.xpath("//t:TEI[@xml:id='doc-001_2d7a8d2d58cf8ba7']", namespaces=TEI)[0]
    speakers = set(conversation.xpath(".//t:sp/@who", namespaces=TEI))
    assert speakers == {"#doc-001_2d7a8d2d58cf8ba7-person-gorbachev", "#doc-001_2d7a8d2d58cf8ba7-person-kim-yong-nam"}
    # catRefs point to the taxonomies, which are in the corpus header once
    assert stalin.xpath("string(.//t:catRef/@target)", namespaces=TEI) == "#doctype-message"
    assert len(corpus.xpath("//t:taxonomy[@xml:id='document-types']", namespaces=TEI)) == 1
    assert corpus.xpath("//t:taxonomy/ancestor::t:teiHeader/parent::t:teiCorpus", namespaces=TEI)


def test_encoding_description_once(corpus):
    assert len(corpus.xpath("//t:encodingDesc", namespaces=TEI)) == 1


def test_registers_in_the_stand_off_and_names_linked_to_them(corpus):
    stand_off = corpus.xpath("/t:teiCorpus/t:standOff", namespaces=TEI)[0]
    assert stand_off.xpath("t:listPerson/t:person/@xml:id", namespaces=TEI) == ["kim-il-sung", "stalin"]
    assert stand_off.xpath("t:listPlace/t:place/@xml:id", namespaces=TEI) == ["pyongyang", "moscow"]
    refs = set(corpus.xpath("//t:correspDesc//@ref", namespaces=TEI))
    assert {"#kim-il-sung", "#stalin", "#pyongyang", "#moscow"} <= refs
    # pointers to entries these registers do not have are left as they are
    assert not {r for r in refs if r.startswith("#")} - {"#kim-il-sung", "#stalin", "#pyongyang", "#moscow"}


def test_documents_that_differ_in_encoding_keep_their_own(tmp_path, tei_all):
    """A document from another tool keeps its encodingDesc, with its ids prefixed like the rest."""
    other = etree.parse(str(GOLDEN / "003_9e4f21ecbb1f4041.xml"))
    other.xpath("//t:application", namespaces=TEI)[0].set("version", "9.9.9")
    other.write(str(tmp_path / "other.xml"))
    out = tmp_path / "corpus.xml"
    assert export("tei-corpus", [GOLDEN / "000_f425829870b8b895.xml", tmp_path / "other.xml"], out).ok
    corpus = etree.parse(str(out))
    assert len(corpus.xpath("//t:encodingDesc", namespaces=TEI)) == 2
    assert corpus.xpath("//t:TEI[@xml:id='other']//t:catRef/@target", namespaces=TEI) == ["#other-doctype-memorandum"]
    ids = set(corpus.xpath("//@xml:id"))
    assert all(target in ids for _e, _n, target in local_pointers(corpus))
    assert_tei_all_valid(tei_all, corpus, "a mixed teiCorpus")


def test_text_sources_are_converted_in_memory(tmp_path):
    out = tmp_path / "corpus.xml"
    result = export("tei-corpus", [SEEDS[2], SEEDS[4]], out)
    assert result.ok and result.documents == ["wilson-116407", "wilson-119377"]
    assert etree.parse(str(out)).xpath("//t:TEI/@xml:id", namespaces=TEI) == ["wilson-116407", "wilson-119377"]


def test_with_the_project_registers(tmp_path, tei_all):
    registers = project_registers()
    out = tmp_path / "corpus.xml"
    assert export("tei-corpus", [GOLDEN], out, registers=registers).ok
    corpus = etree.parse(str(out))
    assert_tei_all_valid(tei_all, corpus, "the teiCorpus with the project's registers")
    assert [i for i, n in Counter(corpus.xpath("//@xml:id")).items() if n > 1] == []
    ids = set(corpus.xpath("//@xml:id"))
    assert [t for _e, _n, t in local_pointers(corpus) if t not in ids] == []
    lists = {etree.QName(e).localname for e in corpus.xpath("/t:teiCorpus/t:standOff/*", namespaces=TEI)}
    assert lists == {"listPerson", "listPlace", "listOrg"}
    # names linked with the registers' prefix (person:ID) point into the standOff
    refs = corpus.xpath("//t:TEI//@ref", namespaces=TEI)
    assert refs and [r for r in refs if r.split(":")[0] in ("person", "place", "org")] == []


def test_written_part_by_part_it_is_the_same_corpus(tmp_path):
    """The site writes the corpus document by document, holding only the records' header fields
    (memory stays flat): same bytes."""
    from tei.export.corpus import build_corpus, header_record, write_corpus
    from tei.export.edition import Edition
    from tei.core.record import DocumentRecord
    from tei.export.sources import read_source

    files = sorted(GOLDEN.glob("*.xml"))
    documents = [read_source(path) for path in files]
    records = [DocumentRecord.from_tei(d.tree, id=d.id, file=d.file_name) for d in documents]
    registers = project_registers()
    whole = etree.tostring(build_corpus(documents, records, registers, Edition()), encoding="UTF-8",
                           xml_declaration=True)
    write_corpus(tmp_path / "corpus.xml", lambda: (read_source(path) for path in files),
                 [header_record(record) for record in records], registers, Edition())
    assert (tmp_path / "corpus.xml").read_bytes() == whole


HOSTILE = GOLDEN.parent / "hostile" / "xml"


def _targets(tei: etree._Element) -> dict[str, str]:
    """Each ref's text, and the text of the element its #target names, in the whole corpus."""
    by_id = {e.get(XML_ID): e for e in tei.getroottree().iter() if isinstance(e.tag, str) and e.get(XML_ID)}
    return {ref.text: by_id[ref.get("target")[1:]].text for ref in tei.iter(f"{{{TEI['t']}}}ref")}


@pytest.mark.parametrize("writer", ["export", "site"])
def test_prefixed_ids_that_would_clash_stay_unique_and_pointers_keep_their_targets(tmp_path, writer):
    """Document `id-clash`'s `b-c` and document `id-clash-b`'s `c` were both `id-clash-b-c` (and the
    first's `b` was the second's own id): the corpus was not well-formed."""
    from tei.core.xmlsafe import parse_untrusted

    sources = [HOSTILE / "id-clash.xml", HOSTILE / "id-clash-b.xml"]
    out = tmp_path / "corpus.xml"
    if writer == "export":
        assert export("tei-corpus", sources, out).ok
    else:  # the site's corpus, written document by document
        from tei.export.corpus import header_record, write_corpus
        from tei.export.edition import Edition
        from tei.core.record import DocumentRecord
        from tei.export.sources import read_source

        documents = [read_source(path) for path in sources]
        records = [header_record(DocumentRecord.from_tei(d.tree, id=d.id)) for d in documents]
        write_corpus(out, lambda: documents, records, Registers(), Edition())
    corpus = parse_untrusted(out)  # libxml2 refuses an id defined twice
    ids = corpus.xpath("//@xml:id")
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    first, second = corpus.xpath("/t:teiCorpus/t:TEI", namespaces=TEI)
    assert (first.get(XML_ID), second.get(XML_ID)) == ("id-clash", "id-clash-b")
    assert _targets(first) == {"to b-c": "first b-c", "to b": "first b"}
    assert _targets(second) == {"to c": "second c"}
    assert corpus.xpath("//t:listBibl/t:bibl/@corresp", namespaces=TEI) == ["#id-clash", "#id-clash-b"]


def test_a_document_named_like_a_register_entry_or_another_document_gets_an_id_of_its_own(tmp_path):
    """ncname('1') is `doc-1`, like a document named doc-1; a document may be named like a person."""
    folder = tmp_path / "tei"
    folder.mkdir()
    golden = (GOLDEN / "004_5a195c45a986ff21.xml").read_bytes()
    for name in ("1.xml", "doc-1.xml", "stalin.xml"):
        (folder / name).write_bytes(golden)
    out = tmp_path / "corpus.xml"
    registers = Registers.load(write_registers(tmp_path / "registers"))
    assert export("tei-corpus", [folder], out, registers=registers).ok
    corpus = etree.parse(str(out))
    ids = corpus.xpath("//@xml:id")
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    tei_ids = corpus.xpath("/t:teiCorpus/t:TEI/@xml:id", namespaces=TEI)
    assert len(set(tei_ids)) == 3 and "stalin" not in tei_ids
    assert corpus.xpath("//t:listBibl/t:bibl/@corresp", namespaces=TEI) == ["#" + i for i in tei_ids]
    assert set(corpus.xpath("//t:standOff//t:person/@xml:id", namespaces=TEI)) == {"kim-il-sung", "stalin"}
    assert [t for _e, _n, t in local_pointers(corpus) if t not in set(ids)] == []
