"""The archive's apparatus at the top of a document: copy numbers, provenance lines and stamps
standing alone are items of the opener (`fw`, `seg type="provenance"`, `stamp`), never headings."""

from __future__ import annotations

import pytest

from helpers import TEI, missing_words
from lxml import etree

from conftest import assert_tei_all_valid
from tei import convert_bytes, convert_text
from tei.convert.readers.marks import parse_inline
from tei.validate.validator import Validator

HEAD = "March 3, 1956\n\n**Memorandum of a Conversation**\n\n"
TEXT = "\n\nThe meeting began at noon and lasted two hours, as had been agreed.\n\nV. Molotov\n"


def _convert(top: str):
    text = HEAD + top + TEXT
    root = convert_text(text).getroot()
    assert not missing_words(text, root)
    return root


def _x(root, path):
    return root.xpath(path, namespaces=TEI)


@pytest.mark.parametrize("line", [
    "Copy Nº 3", "Copy No. 2", "Copy #1", "COPY NO. 12", "Copy No. 2 of 5", "Экз. № 2", "экз.№ 4",
    "Ex. No. 4", "Ausfertigung Nr. 2", "Exemplar Nr. 3",
])
def test_a_copy_number_is_forme_work_in_the_opener(line):
    root = _convert(line)
    assert [fw.xpath("string()") for fw in _x(root, "//t:opener/t:fw[@type = 'copyNumber']")] == [line]
    assert not _x(root, "//t:body//t:head")


@pytest.mark.parametrize("line", ["Copy filed on 417/153", "Copy No. 2 was sent to Moscow.", "Copies 3"])
def test_words_about_copies_are_not_a_copy_number(line):
    assert not _x(_convert(line), "//t:fw")


def test_a_copy_number_in_a_column_of_the_opener():
    root = _convert("SECRET      Copy No. 2")
    # the marking is read by its rule too, as when a single space parts it from the copy number
    assert _x(root, "//t:opener/t:seg[@type = 'classification']/text()") == ["SECRET"]
    assert _x(root, "//t:opener/t:fw[@type = 'copyNumber']/text()") == ["Copy No. 2"]


@pytest.mark.parametrize("line", [
    "from the journal of V. M. Molotov", "From the diary of A. A. Gromyko", "FROM THE DIARY OF P. F. YUDIN",
    "Excerpt from the notes of the Ambassador", "Из дневника В. М. Молотова", "Aus dem Tagebuch des Botschafters",
])
def test_a_provenance_line_is_a_seg_of_the_opener(line):
    root = _convert(line)
    assert [s.xpath("string()") for s in _x(root, "//t:opener/t:seg[@type = 'provenance']")] == [line]
    assert not _x(root, "//t:body//t:head")


def test_a_sentence_about_a_diary_is_text():
    root = _convert("From the diary of the Ambassador it follows that the talks were held in May, as the two sides had wished.")
    assert not _x(root, "//t:seg[@type = 'provenance']")


def test_a_labelled_stamp_alone_is_a_stamp_of_the_opener():
    root = _convert("[Stamp: TOP SECRET]")
    assert _x(root, "//t:opener/t:stamp/text()") == ["TOP SECRET"]
    assert not _x(root, "//t:body//t:head")


def test_the_editors_words_before_a_stamp_stay_as_supplied():
    root = _convert("[CPSU CC stamp: Archive No. 12]")
    stamp = _x(root, "//t:opener/t:stamp")
    assert len(stamp) == 1
    assert stamp[0].xpath("string(t:supplied[@reason = 'clarification'])", namespaces=TEI) == "CPSU CC stamp:"
    assert stamp[0].xpath("string()").endswith("Archive No. 12")


@pytest.mark.parametrize("bracket", ["[CPSU CC stamp]", "[Stamp of the General Department]", "[round seal]", "[stamp]"])
def test_a_stamp_described_without_its_text_is_a_stamp_gap(bracket):
    root = _convert(bracket)
    assert _x(root, "//t:opener/t:gap[@reason = 'stamp']/t:desc/text()") == [bracket[1:-1]]
    assert not _x(root, "//t:body//t:head")


def test_a_stamp_description_inside_a_sentence_is_the_same_mark():
    items, _ = parse_inline("Received [CPSU CC stamp: 12 May] today.")
    [mark] = [i for i in items if not isinstance(i, str)]
    assert (mark.kind, mark.label) == ("stamp", "CPSU CC stamp")


def test_a_heading_with_other_words_beside_a_stamp_stays_a_heading():
    root = _convert("TELEGRAM [stamp: Secret]")
    assert _x(root, "//t:body//t:head/t:stamp/text()") == ["Secret"]


def test_the_apparatus_is_valid_against_the_project_schemas_and_tei_all(tei_all, tmp_path):
    text = (HEAD + "Copy Nº 3\n\nTOP SECRET\n\nFrom the journal of V. M. Molotov\n\n[CPSU CC stamp: 12 May 1950]"
            "\n\n[Stamp: TOP SECRET]\n\n[CPSU CC stamp]" + TEXT)
    data, _ = convert_bytes(text, "apparatus.txt")
    path = tmp_path / "apparatus.xml"
    path.write_bytes(data)
    assert [str(m) for m in Validator().validate_file(path) if m.severity == "error"] == []
    assert_tei_all_valid(tei_all, etree.fromstring(data).getroottree(), "archive apparatus")
