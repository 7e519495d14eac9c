"""The five seeds: every header field they have, every editorial mark, the body's structure."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, assert_tei_all_valid
from helpers import TEI
from tei import convert_text


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def tei():
    """Seed prefix -> root of its TEI."""
    return {p.name[:3]: convert_text(p.read_text(encoding="utf-8"), p.name).getroot() for p in SEEDS}


def values(root, xpath: str) -> list[str]:
    """The text of each element found (names tagged inside it do not add spaces), or the attribute value."""
    return ["".join(e.itertext()).strip() if not isinstance(e, str) else e for e in root.xpath(xpath, namespaces=TEI)]


def one(root, xpath: str) -> str:
    found = values(root, xpath)
    assert len(found) == 1, f"{xpath}: {found}"
    return found[0]


def mark_counts(root) -> Counter:
    """The editorial elements of the body, by element (and type where it tells them apart)."""
    counts = Counter()
    for el in root.xpath("//t:text//*[self::t:sic or self::t:gap or self::t:add or self::t:space or self::t:supplied"
                         " or self::t:choice or self::t:unclear or self::t:term or self::t:note[@type='annotation']]",
                         namespaces=TEI):
        name = el.tag.split("}")[1]
        kind = el.get("type") or el.get("reason") or el.get("unit") or ""
        counts[f"{name}:{kind}" if kind else name] += 1
    return counts


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_seed_is_valid_tei_all(tei_all, path):
    assert_tei_all_valid(tei_all, convert_text(path.read_text(encoding="utf-8"), path.name), path.name)


def test_seed_000_compact_telegram(tei):
    root = tei["000"]
    assert one(root, "//t:titleStmt/t:title") == "Telegram from Pyongyang to Bucharest, SECRET, No. 61.530"
    assert values(root, "//t:titleStmt/t:funder") == ["Leon Levy Foundation"]
    assert root.xpath("//t:creation/t:date/@when", namespaces=TEI) == ["1973-11-26"]
    assert one(root, "//t:abstract").startswith("The telegram highlights the new South Korean effort")
    assert root.xpath("//t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == ["#doctype-telegram"]
    assert root.xpath("//t:catRef[@scheme='#classifications']/@target", namespaces=TEI) == ["#classification-secret"]
    assert one(root, "//t:availability/t:licence").startswith("The History and Public Policy Program welcomes reuse")
    assert one(root, "//t:opener/t:idno[@type='registry']") == "01/014916/29.4.1973"
    assert len(root.xpath("//t:opener/t:seg[@type='to']", namespaces=TEI)) == 2
    assert root.xpath("//t:body//t:p/@n", namespaces=TEI) == ["1", "2"]
    assert one(root, "//t:closer/t:signed/t:persName") == "Aurelian Lazar"
    # correspDesc: from Lazar in Pyongyang to the directors in Bucharest
    sent = root.xpath("//t:correspAction[@type='sent']", namespaces=TEI)[0]
    received = root.xpath("//t:correspAction[@type='received']", namespaces=TEI)[0]
    assert values(sent, "t:persName") == ["Aurelian Lazar"]
    assert values(sent, "t:placeName") == ["Pyongyang"]
    assert sent.xpath("t:date/@when", namespaces=TEI) == ["1973-11-26"]
    assert values(received, "t:placeName") == ["Bucharest"]
    assert set(values(received, "t:persName")) == {"Ion Ciubotaru", "L. Petrescu"}
    assert mark_counts(root) == Counter({"sic": 1})
    assert root.xpath("//t:sic/@rend", namespaces=TEI) == ["sic!"] and one(root, "//t:sic") == "but"


def test_seed_001_conversation(tei):
    root = tei["001"]
    assert one(root, "//t:titleStmt/t:title").startswith("Excerpt from a Conversation with Member of the CC KWP")
    assert root.xpath("//t:publicationStmt/t:idno[@type='record']/text()", namespaces=TEI) == ["176345"]
    assert root.xpath("//t:publicationStmt/t:date[@type='uploaded']/@when", namespaces=TEI) == ["2018-02-08"]
    assert root.xpath("//t:creation/t:date/@when", namespaces=TEI) == ["1988-05-04"]
    assert root.xpath("//t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == ["#doctype-memorandum-of-conversation"]
    bibl = root.xpath("//t:sourceDesc/t:bibl[@type='published']", namespaces=TEI)[0]
    assert values(bibl, "t:author") == ["Mikhail Gorbachev"]
    assert values(bibl, "t:title") == ["Otvechaya na Vyzov Vremeni: Vneshnyaya Politika Prestroiki"]
    assert values(bibl, "t:pubPlace") == ["Moscow"] and values(bibl, "t:publisher") == ["Ves Mir"]
    assert bibl.xpath("t:date/@when", namespaces=TEI) == ["2010"] and values(bibl, "t:biblScope") == ["p. 848"]
    assert values(root, "//t:respStmt[t:resp='Translated by']/t:persName") == ["Sergey Radchenko"]
    assert one(root, "//t:abstract") == "Kim expresses concern about the Soviet Union's increasing contacts with South Korea."
    turns = root.xpath("//t:sp", namespaces=TEI)
    assert [t.get("who") for t in turns] == ["#person-gorbachev", "#person-kim-yong-nam"] * 2 + ["#person-gorbachev"]
    assert [len(t.xpath("t:p", namespaces=TEI)) for t in turns] == [1, 1, 1, 1, 2]
    assert values(root, "//t:sp/t:speaker") == ["Gorbachev:", "Kim Yong-nam:"] * 2 + ["Gorbachev:"]
    assert root.xpath("//t:particDesc//t:person/@xml:id", namespaces=TEI) == ["person-gorbachev", "person-kim-yong-nam"]
    assert not root.xpath("//t:correspDesc", namespaces=TEI)
    assert mark_counts(root) == Counter({"gap:omitted": 3, "supplied:clarification": 2})
    assert values(root, "//t:supplied") == ["Soviet Foreign Minister Eduard", "the interests of"]


def test_seed_002_citation_telegram(tei):
    root = tei["002"]
    assert one(root, "//t:titleStmt/t:title") == (
        "Telegram 057.139 from the Romanian Embassy in Moscow to the Romanian Ministry of Foreign Affairs")
    assert values(root, "//t:titleStmt/t:funder") == ["ROK Ministry of Unification"]
    assert values(root, "//t:respStmt/t:resp") == ["Obtained for NKIDP by", "Translated for NKIDP by"]
    assert values(root, "//t:respStmt/t:persName") == ["Eliza Gheorghe", "Eliza Gheorghe"]
    assert values(root, "//t:respStmt/t:orgName") == ["NKIDP", "NKIDP"]
    assert root.xpath("//t:publicationStmt/t:idno[@type='record']/text()", namespaces=TEI) == ["116407"]
    assert root.xpath("//t:publicationStmt/t:idno[@type='URI']/text()", namespaces=TEI) == [
        "https://digitalarchive.umd.edu/document/116407"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:repository") == ["Archive of the Romanian Ministry of Foreign Affairs (AMAE)"]
    assert values(ident, "t:idno") == ["Folder 782/1978, Matter 220/F"]
    assert values(ident, "t:collection")[0].startswith("Relations between North Korea and Socialist Countries")
    assert root.xpath("//t:msItem/t:textLang/@mainLang", namespaces=TEI) == ["ro"]
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=TEI) == ["en", "ro"]
    assert one(root, "//t:bibl[@type='citation']").startswith('"Telegram 057.139 from the Romanian Embassy')
    assert values(root, "//t:opener/t:seg/@type") == ["to", "from", "subject"]
    assert root.xpath("//t:opener/t:dateline/t:date/@when", namespaces=TEI) == ["1978-05-07"]
    assert one(root, "//t:div/t:byline").startswith("Written by I. Mielcioiu")
    signed = root.xpath("//t:closer/t:signed", namespaces=TEI)
    assert len(signed) == 1
    assert values(signed[0], "t:persName") == ["Gheorghe Badrus"] and values(signed[0], "t:roleName") == ["Ambassador"]
    sent = root.xpath("//t:correspAction[@type='sent']", namespaces=TEI)[0]
    assert values(sent, "t:orgName") == ["Romanian Embassy in Moscow"] and values(sent, "t:placeName") == ["Moscow"]
    assert values(root, "//t:correspAction[@type='received']/t:orgName") == [
        "Romanian Ministry of Foreign Affairs (First Directorate)"]
    assert mark_counts(root) == Counter({"supplied:clarification": 9, "space:chars": 7})
    assert root.xpath("//t:body//t:space/@quantity", namespaces=TEI) == ["2"] * 7


def test_seed_003_memorandum(tei):
    root = tei["003"]
    assert root.xpath("//t:catRef[@scheme='#document-types']/@target", namespaces=TEI) == ["#doctype-memorandum"]
    ident = root.xpath("//t:msIdentifier", namespaces=TEI)[0]
    assert values(ident, "t:settlement") == ["Sofia"] and values(ident, "t:repository") == ["Central State Archive"]
    assert values(ident, "t:idno") == ["Fond 1-B, Opis6, A.E. 6770"]
    assert values(root, "//t:msItem/t:locus") == ["p. 66-69"]
    assert values(root, "//t:respStmt[t:resp='Obtained by']/t:persName") == ["Jordan Baev"]
    assert values(root, "//t:respStmt[t:resp='Translated by']/t:persName") == ["Greta Keremidchieva"]
    assert root.xpath("//t:publicationStmt/t:date[@type='uploaded']/@when", namespaces=TEI) == ["2017-08-14"]
    assert one(root, "//t:choice/t:abbr") == "CC BCP"
    assert one(root, "//t:choice/t:expan") == "Central Committee of the Bulgarian Communist Party"
    assert one(root, "//t:sic") == "The"
    assert root.xpath("//t:body//t:p/@n", namespaces=TEI) == ["1", "2", "3", "4"]
    signed = root.xpath("//t:closer/t:signed", namespaces=TEI)
    assert [values(s, "t:persName") for s in signed] == [["Ivan Bashev"], ["Konstantin Tellalov"]]
    assert [values(s, "t:roleName") for s in signed] == [
        ["Minister of Foreign Affairs"], ['Head of CC BCP "Foreign Policy and International Relations" Department']]
    assert [s.xpath("t:gap/@reason", namespaces=TEI) for s in signed] == [["signature"], ["signature"]]
    assert root.xpath("//t:closer/t:dateline/t:date/@when", namespaces=TEI) == ["1967-06-08"]
    assert mark_counts(root) == Counter({"sic": 1, "choice": 1, "gap:signature": 2})


def test_seed_004_message_with_hands(tei):
    root = tei["004"]
    assert root.xpath("//t:msIdentifier/t:repository/text()", namespaces=TEI) == ["RGASPI"]
    assert root.xpath("//t:msIdentifier/t:idno/text()", namespaces=TEI) == ["f. 558, op. 11, d. 109, ll. 0113"]
    assert values(root, "//t:altIdentifier/t:repository") == ["AP RF"]
    assert values(root, "//t:altIdentifier/t:idno") == ["f. 45, op. 1, d. 346"]
    assert root.xpath("//t:msItem/t:textLang/@mainLang", namespaces=TEI) == ["ru"]
    assert values(root, "//t:respStmt[t:resp='Translated by']/t:persName") == ["Gary Goldberg"]
    assert root.xpath("//t:handNotes/t:handNote/@xml:id", namespaces=TEI) == ["hand-2"]
    assert values(root, "//t:add[@type='insertion']") == ["appropriate", "appropriate"]
    assert root.xpath("//t:add/@hand", namespaces=TEI) == ["#hand-2", "#hand-2"]
    annotation = root.xpath("//t:note[@type='annotation']", namespaces=TEI)
    assert len(annotation) == 1 and annotation[0].get("hand") == "#hand-2"
    assert "a second copy" in "".join(annotation[0].itertext())
    assert values(annotation[0], "t:term") == ["opis'"]
    blank = root.xpath("//t:closer/t:dateline/t:date", namespaces=TEI)[0]
    assert blank.get("notBefore") == "1948-10-01" and blank.get("notAfter") == "1948-10-31"
    assert values(blank, "t:space[@type='blank']/t:desc") == ["date left blank"]
    assert values(root, "//t:closer/t:signed/t:persName") == ["I. STALIN"]
    assert values(root, "//t:opener/t:address/t:addrLine")[0] == "to Mr. Kim Il Sung"
    transmission = one(root, "//t:note[@type='transmission']")
    assert "sent by" in transmission and "received by" in transmission
    sent = root.xpath("//t:correspAction[@type='sent']", namespaces=TEI)[0]
    received = root.xpath("//t:correspAction[@type='received']", namespaces=TEI)[0]
    assert values(sent, "t:persName") == ["I. Stalin"] and sent.xpath("t:date/@when", namespaces=TEI) == ["1948-10-12"]
    assert values(received, "t:persName") == ["Kim Il Sung"] and values(received, "t:placeName") == ["Pyongyang"]
    assert mark_counts(root) == Counter({"add:insertion": 2, "space:blank": 1, "space:chars": 5,
                                         "note:annotation": 1, "term:original": 1})
