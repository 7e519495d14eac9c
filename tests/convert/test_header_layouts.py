"""Header values in the layouts of the archive's pages beyond the seeds: today's unlabelled Document
Information, labels without values, one-value labels followed by something else, documents without
metadata. The texts are made up: they vary what the archive varies, not the samples' words."""

from __future__ import annotations

from pathlib import Path

from helpers import TEI, missing_words
from tei import convert_bytes, convert_paths, read_document

RIGHTS_1 = ("The History and Public Policy Program welcomes reuse of Digital Archive materials for research and "
            "educational purposes.")
RIGHTS_2 = "To enquire about this document's rights status, please contact the History and Public Policy Program."


def todays_page(record: str = "", after_record: str = "", info: tuple[str, ...] = ()) -> str:
    """A page of today's site: the Source and Rights values follow Document Information unlabelled."""
    info = info or ("AVPRF, f. 0102, op. 9, d. 44, l. 12. Obtained by Ann Lee and translated by Ben Roe.",
                    RIGHTS_1, RIGHTS_2)
    return ("Skip to content\n\nMarch 3, 1956\n\nNote from the Soviet Embassy in Hanoi\n\n"
            "This document was made possible with support from Example Foundation\n\n\n"
            "The embassy reports on the harvest.\n\n\nA note on the harvest.\n\nDocument Information\n\n\n"
            + "\n\n\n".join(info) + "\n\nOriginal Uploaded Date\n\n\n\nRecord ID\n\n\n\n" + record
            + ("\n\n\n\n" + after_record if after_record else "") + "\n")


def root_of(text: str, name: str = "page.txt"):
    from lxml import etree
    tei, doc = convert_bytes(text.encode(), name)
    return etree.fromstring(tei), doc


def texts(root, xpath: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.xpath(xpath, namespaces=TEI)]


def test_unlabelled_document_information_is_placed_by_content():
    text = todays_page()
    root, doc = root_of(text)
    assert not missing_words(text, root)
    assert texts(root, "//t:bibl[@type='source']") == [
        "AVPRF, f. 0102, op. 9, d. 44, l. 12. Obtained by Ann Lee and translated by Ben Roe."]
    assert root.xpath("//t:bibl[@type='source']/@cert", namespaces=TEI) == ["medium"]
    assert texts(root, "//t:msIdentifier/t:repository") == ["AVPRF"]
    assert texts(root, "//t:msIdentifier/t:idno") == ["f. 0102, op. 9, d. 44, l. 12"]
    assert texts(root, "//t:respStmt/t:persName") == ["Ann Lee", "Ben Roe"]
    assert texts(root, "//t:licence/t:p") == [RIGHTS_1, RIGHTS_2]
    assert texts(root, "//t:abstract/t:p") == ["A note on the harvest."]
    assert not doc.warnings


def test_a_rights_paragraph_that_is_not_the_archive_statement_is_marked_as_placed_by_content():
    root, _ = root_of(todays_page(info=("RGANI, f. 5, op. 1, d. 2.", "Copyright 1999 by the Example Press.")))
    assert texts(root, "//t:licence/t:p") == ["Copyright 1999 by the Example Press."]
    assert root.xpath("//t:licence/@cert", namespaces=TEI) == ["medium"]


def test_a_funder_line_after_an_empty_record_id_is_a_funder_and_never_names_the_file(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    for name in ("one.txt", "two.txt"):  # the same funder line: two documents must not collide
        (folder / name).write_text(todays_page(after_record="Example Foundation and Other Trust"), encoding="utf-8")
    results = convert_paths([folder], tmp_path / "out")
    assert all(r.ok for r in results), [r.error for r in results]
    assert sorted(Path(r.output).name for r in results) == ["one.xml", "two.xml"]
    assert [r.record_id for r in results] == ["", ""]
    root, _ = root_of((folder / "one.txt").read_text(encoding="utf-8"))
    assert texts(root, "//t:titleStmt/t:funder") == ["Example Foundation", "Other Trust"]
    assert texts(root, "//t:notesStmt/t:note[@type='funders']") == ["Example Foundation and Other Trust"]


def test_a_record_id_is_an_id_or_a_record_url():
    assert read_document(todays_page(record="300645")).metadata.record_id == "300645"
    by_url = read_document(todays_page(record="https://digitalarchive.wilsoncenter.org/document/300645"))
    assert by_url.metadata.record_id == "300645"
    assert by_url.metadata.url == "https://digitalarchive.wilsoncenter.org/document/300645"
    for not_an_id in ("The document was declassified in 1994.", "Type", "Example Foundation"):
        doc = read_document(todays_page(record=not_an_id))
        assert doc.metadata.record_id == "", not_an_id


def test_a_sentence_that_fits_no_field_is_kept_with_a_warning_that_names_it():
    text = todays_page(record="The document was declassified in 1994.")
    root, doc = root_of(text)
    assert texts(root, "//t:notesStmt/t:note[@type='unplaced']") == ["The document was declassified in 1994."]
    assert [w for w in doc.warnings if "could not be placed" in w and "declassified" in w]
    assert not missing_words(text, root)


def test_a_bare_type_line_goes_to_the_type_taxonomy():
    root, _ = root_of(todays_page(info=("RGANI, f. 5, op. 1, d. 2.", RIGHTS_1, "Memorandum")))
    catref = root.xpath("//t:catRef[@scheme='#document-types']", namespaces=TEI)[0]
    assert catref.get("target") == "#doctype-memorandum" and catref.get("cert") == "high"


def test_labels_with_their_values_on_the_same_line_and_on_the_next_lines():
    text = ("May 2, 1961\n\nReport on the Talks\n\nThe talks went well.\n\nA summary.\n\n"
            "Associated People & Organizations: Khrushchev, Nikita Sergeevich\n"
            "Subjects Discussed\nCuba--Foreign relations\nBerlin Crisis, 1958-1962\n"
            "Document Information\nSource\nSAPMO-BArch, DY 30/3386, pp. 1-3. Translated by C. Doe.\n"
            "Original Archive: Federal Archives (SAPMO-BArch)\nRights\n" + RIGHTS_1 + "\nRecord ID: 12345\n")
    root, doc = root_of(text)
    assert not missing_words(text, root)
    assert texts(root, "//t:keywords[@scheme='#people-organizations']/t:term/t:persName") == [
        "Khrushchev, Nikita Sergeevich"]
    assert texts(root, "//t:keywords[@scheme='#subjects']/t:term") == ["Cuba--Foreign relations", "Berlin Crisis, 1958-1962"]
    assert texts(root, "//t:msIdentifier/t:repository") == ["Federal Archives (SAPMO-BArch)"]
    assert texts(root, "//t:msIdentifier/t:idno") == ["DY 30/3386"]
    assert texts(root, "//t:msItem/t:locus") == ["pp. 1-3"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["12345"]
    assert not root.xpath("//t:keywords[@scheme='#topics' or @scheme='#places']", namespaces=TEI)


def test_a_summary_of_several_paragraphs_is_all_in_the_abstract():
    text = ("March 3, 1956\n\n**Letter from Kim Il Sung to the CC CPSU**\n\nSummary:\n\nKim asks for advice.\n\n"
            "He also asks for grain.\n\nCredits:\n\nThis document was made possible with support from Example Foundation\n\n"
            "Contents:\n\nTranslation - English\n\nDear Comrades,\n\nWe ask for advice.\n")
    root, _ = root_of(text)
    assert texts(root, "//t:abstract/t:p") == ["Kim asks for advice.", "He also asks for grain."]
    assert "He also asks" not in "".join(root.xpath("//t:body", namespaces=TEI)[0].itertext())
    assert texts(root, "//t:titleStmt/t:funder") == ["Example Foundation"]


def test_a_source_without_metadata_keeps_all_text_in_the_body_and_a_paragraph_is_never_its_title():
    text = ("The delegation arrived in Hanoi on Tuesday and met the minister. They talked for an hour.\n\n"
            "A second paragraph.\n")
    root, doc = root_of(text, "notes/plain-note.txt")
    body = "".join(root.xpath("//t:body", namespaces=TEI)[0].itertext())
    assert "The delegation arrived" in body and "A second paragraph." in body
    title = root.xpath("//t:titleStmt/t:title", namespaces=TEI)[0]
    assert (title.text, title.get("cert")) == ("plain-note", "low")
    assert any("all text kept as body" in w for w in doc.warnings)
    assert any("title-like" in w and "plain-note" in w for w in doc.warnings)
    assert not root.xpath("//t:gap[@reason='no-text']", namespaces=TEI)


def test_a_title_like_first_line_without_metadata_is_the_title_and_the_warning_says_so():
    root, doc = root_of("Memorandum on the Situation in Laos\n\nThe situation is tense.\n", "laos.txt")
    assert texts(root, "//t:titleStmt/t:title") == ["Memorandum on the Situation in Laos"]
    assert root.xpath("//t:titleStmt/t:title/@cert", namespaces=TEI) == ["medium"]  # nothing says it is the title
    assert any("first line taken as the title" in w for w in doc.warnings)
    assert not any("all text kept as body" in w for w in doc.warnings)


def test_a_record_id_label_of_the_citation_layout_is_checked_too():
    text = ("May 7, 1978\n\n**Telegram from Hanoi**\n\nRecord ID: see the archive's website\n\nCitation:\n\n"
            "\"Telegram\", May 7, 1978, Wilson Center Digital Archive, AMAE, Folder 782/1978.\n\nThe text.\n")
    doc = read_document(text, "t.txt")
    assert doc.metadata.record_id == ""
    assert ("unplaced", "see the archive's website") in doc.metadata.extra


def test_rights_after_a_labelled_source_and_a_funder_line_after_the_rights_are_placed():
    text = ("Skip to content\n\nMarch 3, 1956\n\nNote from the Embassy\n\nThe embassy reports.\n\nA note.\n\n"
            "Document Information\n\nSource\n\nRGANI, f. 5, op. 30, d. 163, l. 2. Translated by Ann Lee.\n\n"
            + RIGHTS_1 + "\n\n" + RIGHTS_2 + "\n\nType\n\nNote\n\nRecord ID\n\n1\n")
    root, doc = root_of(text)
    assert texts(root, "//t:bibl[@type='source']") == ["RGANI, f. 5, op. 30, d. 163, l. 2. Translated by Ann Lee."]
    assert texts(root, "//t:licence/t:p") == [RIGHTS_1, RIGHTS_2]
    compact = ("March 3, 1956\nNote from the Embassy\nThe embassy reports.\nA note.\nDocument Information\n"
               "Source\nRGANI, f. 5, op. 30, d. 163, l. 2.\nRights\n" + RIGHTS_1 + "\n" + RIGHTS_2
               + "\nOther Trust and Example Foundation\nRecord ID\n2\n")
    root, doc = root_of(compact)
    assert texts(root, "//t:licence/t:p") == [RIGHTS_1, RIGHTS_2]
    assert texts(root, "//t:titleStmt/t:funder") == ["Other Trust", "Example Foundation"]
    assert root.xpath("//t:idno[@type='record']/text()", namespaces=TEI) == ["2"]
    assert not missing_words(compact, root)


def test_labelled_lists_of_contributors_donors_and_funders():
    text = ("May 2, 1961\n\nReport on the Talks\n\nThe talks went well.\n\nA summary.\n\nDocument Information\n\n"
            "Source\n\nRGANI, f. 5, op. 1, d. 2. Contributed by Ann Lee.\n\nContributed By\n\nAnn Lee\nBen Roe\n\n"
            "Donors:\n\nCarl Poe\n\nFunders\n\nExample Foundation\n\nRecord ID\n\n7\n")
    root, doc = root_of(text)
    assert not missing_words(text, root)
    stmts = [(texts(s, "t:resp")[0], texts(s, "t:persName")[0]) for s in root.xpath("//t:respStmt", namespaces=TEI)]
    assert stmts == [("Contributed by", "Ann Lee"), ("Contributed by", "Ben Roe"), ("Donated by", "Carl Poe")]
    assert texts(root, "//t:titleStmt/t:funder") == ["Example Foundation"]


def test_an_unlabelled_record_url_gives_the_record_id():
    doc = read_document(todays_page(info=("RGANI, f. 5, op. 1, d. 2.", RIGHTS_1,
                                          "https://digitalarchive.wilsoncenter.org/document/118920")))
    assert doc.metadata.record_id == "118920"
    assert doc.metadata.url == "https://digitalarchive.wilsoncenter.org/document/118920"


def test_a_title_that_names_only_the_sender_gives_the_sender_and_no_recipient():
    """'Cable from X, 'A quoted title to ...'': X sent it (a likely reading, medium); the quoted
    title's words are no party."""
    title = "Cable from the Albanian Foreign Ministry, 'Instruction to the Embassies on the Harvest'"
    text = todays_page().replace("Note from the Soviet Embassy in Hanoi", title)
    root, _ = root_of(text)
    sent = root.xpath("//t:correspAction[@type='sent']/*[not(self::t:date)]", namespaces=TEI)
    assert [("".join(e.itertext()), e.get("cert")) for e in sent] == [("Albanian Foreign Ministry", "medium")]
    assert not root.xpath("//t:correspAction[@type='received']/*[not(self::t:date)]", namespaces=TEI)
    assert not missing_words(text, root)


def test_a_classification_heading_the_title_is_a_likely_classification():
    """'Confidential Report on ...': the classification is read from the title, with cert medium and
    a row of the review list; a classification word that names another document is not one."""
    from tei.convert.pipeline import convert_reviewed
    title = "Confidential Report on the Harvest from the Soviet Embassy in Hanoi"
    text = todays_page().replace("Note from the Soviet Embassy in Hanoi", title)
    root, _ = root_of(text)
    refs = root.xpath("//t:catRef[@scheme='#classifications']", namespaces=TEI)
    assert [(r.get("target"), r.get("cert")) for r in refs] == [("#classification-confidential", "medium")]
    _, _, decisions = convert_reviewed(text, "page.txt")
    assert [(d.value, d.certainty) for d in decisions if d.field == "classification"] == [("Confidential", "medium")]
    for other in ("Comments on the Secret Report of Khrushchev", "Khrushchev's Secret Speech in Hanoi"):
        root, _ = root_of(todays_page().replace("Note from the Soviet Embassy in Hanoi", other))
        assert not root.xpath("//t:catRef[@scheme='#classifications']", namespaces=TEI)


def test_an_intermediary_in_brackets_is_transmitted_and_not_part_of_the_recipient():
    """'Cable, X to Y [via Z]': the editor's bracket is not part of Y's name; Z passed the cable on
    (correspAction type="transmitted"), and a To line naming Z in full gives the fuller form."""
    from tei.convert.pipeline import convert_reviewed

    def parties(root):
        return {action.get("type"): [("".join(e.itertext()), e.get("cert")) for e in action
                                     if e.tag != f"{{{TEI['t']}}}date"]
                for action in root.xpath("//t:correspAction", namespaces=TEI)}

    title = "Cable, Pavlov to Molotov [via Orlov]"
    text = todays_page().replace("Note from the Soviet Embassy in Hanoi", title)
    root, _ = root_of(text)
    assert parties(root) == {"sent": [("Pavlov", "medium")], "transmitted": [("Orlov", "medium")],
                             "received": [("Molotov", "medium")]}
    assert not missing_words(text, root)
    addressed = text.replace("The embassy reports", "To Comrade A. Orlov\n\nThe embassy reports")
    root, _ = root_of(addressed)
    assert parties(root)["transmitted"] == [("A. Orlov", "medium")]
    assert parties(root)["received"] == [("Molotov", "medium")]
    _, _, decisions = convert_reviewed(addressed, "page.txt")
    assert ("intermediary", "A. Orlov") in [(d.field, d.value) for d in decisions]
    unbracketed = todays_page().replace("Note from the Soviet Embassy in Hanoi", "Cable from Pavlov to Molotov via Orlov")
    assert parties(root_of(unbracketed)[0])["transmitted"] == [("Orlov", "medium")]


def test_a_line_between_the_title_and_the_citation_fields_is_kept_and_the_fields_still_read():
    """A subtitle such as `(Excerpt)` once made the fields unread, and the text after `Original
    Language:` was taken for its value (the conversion failed as losing words)."""
    from tei.convert.pipeline import convert_bytes
    text = ("April 9, 1968\n\nTelephone Message, I. Stalin to Kim Il Sung\n(Excerpt)\nCitation:\n\n"
            "\"Telephone Message\", October 12, 1948, Wilson Center Digital Archive, RGASPI, f. 558.\n\n"
            "Summary:\n\nStalin and Kim agree.\n\nOriginal Language:\n\nRussian\n\nContents:\n\n"
            "Translation - English\n\nI confirm receipt of your letter and welcome the news.\n\nI. STALIN\n")
    tei, doc = convert_bytes(text.encode(), "excerpt.txt")
    assert doc.layout == "citation" and doc.metadata.original_languages == ["Russian"]
    assert doc.metadata.extra == [("subtitle", "(Excerpt)")] and b'<note type="subtitle">(Excerpt)</note>' in tei
    assert b"<p>I confirm receipt of your letter and welcome the news.</p>" in tei


def _sent_and_received(root):
    return {action.get("type"): [(etree_local(e), "".join(e.itertext())) for e in action
                                 if e.tag != f"{{{TEI['t']}}}date"]
            for action in root.xpath("//t:correspAction", namespaces=TEI)}


def etree_local(element) -> str:
    return element.tag.split("}")[-1]


def test_a_from_line_that_names_a_known_place_in_capitals_is_the_place_it_was_sent_from():
    """`FROM: PYONGYANG` under a title naming the sender: the town is the sender's place, no party."""
    text = ("October 14, 1950\n\nCiphered Telegram, Shtykov to Feng Xi\n\nFROM: PYONGYANG\n\n"
            "Sent by wire on 10/14/50.\n\nThe talks went on until noon.\n")
    root, _ = root_of(text)
    assert _sent_and_received(root) == {"sent": [("rs", "Shtykov"), ("placeName", "PYONGYANG")],
                                        "received": [("persName", "Feng Xi")]}
    # a word in capitals the places register does not know stays a name
    root, _ = root_of(text.replace("FROM: PYONGYANG", "FROM: PETROV"))
    assert ("placeName", "PETROV") not in _sent_and_received(root)["sent"]


def test_a_telegram_s_from_line_without_its_colon_is_the_opener_s_from_line():
    """`From PEKING`, a name alone after it: the opener's From line, the town the sender's place."""
    text = ("May 13, 1950\n\nCiphered Telegram, Roshchin to Filippov\n\nFrom PEKING\n\n"
            "The talks went on until noon and the minister agreed to the proposal.\n")
    root, _ = root_of(text)
    assert [e.xpath("string()") for e in root.xpath("//t:opener/t:seg[@type='from']", namespaces=TEI)] == [
        "From PEKING"]
    assert _sent_and_received(root)["sent"] == [("rs", "Roshchin"), ("placeName", "PEKING")]
    # a sentence beginning so is text
    root, _ = root_of(text.replace("From PEKING", "From Peking the delegation went on to Moscow."))
    assert not root.xpath("//t:seg[@type='from']", namespaces=TEI)


def test_a_town_in_brackets_after_a_party_of_the_title_is_its_place():
    """`from Maneli (Saigon) to Spasowski`: Maneli, one who is at a place, is a person; Saigon the place."""
    title = "Secret Telegram from Maneli (Saigon) to Spasowski (Warsaw) [Ciphergram No. 7237]"
    root, _ = root_of(todays_page().replace("Note from the Soviet Embassy in Hanoi", title))
    assert _sent_and_received(root)["sent"] == [("persName", "Maneli"), ("placeName", "Saigon")]
    title = "Telegram from Maneli (Ambassador) to Spasowski"
    root, _ = root_of(todays_page().replace("Note from the Soviet Embassy in Hanoi", title))
    assert ("placeName", "Ambassador") not in _sent_and_received(root)["sent"]


def test_an_undated_page_reads_its_head_as_a_dated_page_does():
    # `Undated` in the date's place: it is no title, and the citation's labels after the title are
    # the header's fields, not body text run into the original language.
    text = ("Undated\n\nRecord of a Conversation\n\nCitation:\n\n\"Record of a Conversation\", undated, "
            "Wilson Center Digital Archive, f. 1, op. 2, d. 3.\n\nSummary:\n\nTalks on trade.\n\n"
            "Original Language: Russian\n\nContents:\n\nTranslation - English\n\n"
            "The talks were held in Moscow.\n\nThe second paragraph.\n")
    root, _ = root_of(text)
    assert texts(root, "//t:titleStmt/t:title") == ["Record of a Conversation"]
    assert texts(root, "//t:textLang") == ["Russian"]
    assert " ".join(texts(root, "//t:body//t:p")) == "The talks were held in Moscow. The second paragraph."
    assert not missing_words(text, root.getroottree())
