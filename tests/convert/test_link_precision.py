"""Links only where there is no doubt: over the seeds and samples, every link the tagger makes is
judged against a key made by reading the documents (tests/data/link_key.json). Zero wrong links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei.convert.names import NameTagger
from tei.convert.pipeline import encode_document, read_document
from tei.core.registers import Registers, is_generic

from conftest import DATA, SEEDS
from samples import sample_paths

KEY = json.loads((DATA / "link_key.json").read_text(encoding="utf-8"))["documents"]
T = "{http://www.tei-c.org/ns/1.0}"


def links_of(path: Path) -> set[tuple[str, str]]:
    """(name as written, @ref) of every register link in the document's TEI (the lossless check is not
    the subject here, so the TEI is made without it)."""
    tree = encode_document(read_document(path.read_bytes(), path.name))
    return {(" ".join("".join(e.itertext()).split()), e.get("ref")) for e in tree.iter()
            if isinstance(e.tag, str) and ":" in (e.get("ref") or "")}


def test_links_made_are_all_right(capsys):
    paths = [p for p in [*SEEDS, *sample_paths()] if p.stem in KEY]
    assert len(paths) >= len(SEEDS)
    made = right = 0
    wrong, unjudged, missed = [], [], []
    for path in paths:
        judged = KEY[path.stem]
        good = {tuple(pair) for pair in judged["right"]}
        bad = {tuple(pair) for pair in judged["wrong"]}
        links = links_of(path)
        made += len(links)
        right += len(links & good)
        wrong += [(path.stem, *link) for link in links & bad]
        unjudged += [(path.stem, *link) for link in links - good - bad]
        missed += [(path.stem, *link) for link in good - links]
    with capsys.disabled():
        print(f"\nlinks over {len(paths)} documents: {made} made, {right} right, {len(wrong)} wrong, "
              f"{len(unjudged)} not in the key; {len(missed)} right links not made: {missed}")
    assert not wrong, f"wrong links: {wrong}"
    assert not unjudged, f"links the key does not judge (read the documents and add them): {unjudged}"


@pytest.mark.parametrize("form, generic", [
    ("Foreign Ministry", True), ("Ministry of Foreign Affairs", True), ("the Central Committee", True),
    ("Cabinet of Ministers", True), ("the Embassy", True), ("Chinese Foreign Ministry", False),
    ("Central Committee of the CPSU", False), ("Romanian Embassy in Moscow", False), ("Kim Il Sung", False),
])
def test_generic_forms_are_those_of_institution_words_only(form, generic):
    assert is_generic(form) is generic


def _registers(tmp_path: Path, orgs: str) -> Registers:
    ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
    (tmp_path / "persons.xml").write_text(f'<TEI {ns}><listPerson/></TEI>', encoding="utf-8")
    (tmp_path / "places.xml").write_text(f'<TEI {ns}><listPlace/></TEI>', encoding="utf-8")
    (tmp_path / "orgs.xml").write_text(f'<TEI {ns}><listOrg>{orgs}</listOrg></TEI>', encoding="utf-8")
    return Registers.load(tmp_path, strict=True)


ORGS = """
<org xml:id="bg"><orgName>Bulgarian Foreign Ministry</orgName><orgName>Foreign Ministry</orgName></org>
<org xml:id="cn"><orgName>Chinese Foreign Ministry</orgName><orgName>Foreign Ministry</orgName></org>
<org xml:id="kr"><orgName>Korean Foreign Ministry</orgName><orgName subtype="generic">Korean Embassy</orgName></org>
"""


def _tagged(registers: Registers, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    from lxml import etree
    root = etree.fromstring(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{text}</body></text></TEI>')
    NameTagger(registers).tag(root)
    return [("".join(e.itertext()), e.get("ref"), e.get("cert"), e.get("type")) for e in root.iter(T + "orgName")]


def test_a_generic_name_is_linked_when_the_document_names_one_owner(tmp_path):
    registers = _registers(tmp_path, ORGS)
    assert _tagged(registers, "<p>The Chinese Foreign Ministry wrote.</p><p>The Foreign Ministry agrees.</p>") == [
        ("Chinese Foreign Ministry", "org:cn", None, None), ("Foreign Ministry", "org:cn", "medium", None)]


@pytest.mark.parametrize("other", ["the Hungarian Foreign Ministry", "the Foreign Ministry of Hungary",
                                   "the Foreign Ministry in Budapest"])
def test_a_generic_name_another_word_qualifies_is_not_the_one_the_document_fixes(tmp_path, other):
    """A Hungarian report on the Chinese Foreign Ministry sent to the Hungarian one: the Chinese entry
    is fixed, but the ministry qualified otherwise is another, not linked to it."""
    registers = _registers(tmp_path, ORGS)
    tagged = _tagged(registers, f"<p>The Chinese Foreign Ministry wrote to {other}. The Foreign Ministry agrees.</p>")
    assert tagged[0] == ("Chinese Foreign Ministry", "org:cn", None, None)
    assert tagged[-1] == ("Foreign Ministry", "org:cn", "medium", None)
    assert all(ref is None for _, ref, _, _ in tagged[1:-1]), tagged


def test_a_generic_name_is_tagged_without_ref_when_the_document_does_not_fix_it(tmp_path):
    registers = _registers(tmp_path, ORGS)
    assert _tagged(registers, "<p>The Foreign Ministry agrees.</p>") == [("Foreign Ministry", None, None, "generic")]
    two = _tagged(registers, "<p>The Bulgarian Foreign Ministry and the Chinese Foreign Ministry.</p><p>The Foreign Ministry.</p>")
    assert two[-1] == ("Foreign Ministry", None, None, "generic")


def test_a_form_the_register_marks_generic_is_not_linked_alone(tmp_path):
    registers = _registers(tmp_path, ORGS)
    assert _tagged(registers, "<p>The Korean Embassy called.</p>") == [("Korean Embassy", None, None, "generic")]


def test_several_entries_may_share_a_generic_form_but_not_a_specific_one(tmp_path):
    _registers(tmp_path, ORGS)  # "Foreign Ministry" twice: allowed
    from tei.core.registers import RegisterError
    with pytest.raises(RegisterError):
        _registers(tmp_path, ORGS + '<org xml:id="x"><orgName>Chinese Foreign Ministry</orgName></org>')
