"""The lossless check runs inside every conversion (tei/convert/lossless.py): a lost word fails the document."""

from __future__ import annotations

import random
import re

import pytest
from click.testing import CliRunner

from tei import convert_bytes, convert_paths, convert_text
from tei.cli import cli
from tei.convert.encoder import TeiEncoder
from tei.convert.lossless import LostWordsError, lost_words, source_words
from tei.convert.readers.body import GLUED_REFERENCE

from conftest import SEEDS
from samples import sample_paths

T = "{http://www.tei-c.org/ns/1.0}"
SOURCE = "May 4, 1988\n\nA title\n\nThe delegation arrived in Pyongyang on Tuesday.\n\nRecord ID\n\n123456\n"


@pytest.fixture
def encoder_drops_a_word(monkeypatch):
    """An encoder with a bug: the first body paragraph loses its word "Pyongyang"."""
    original = TeiEncoder.encode

    def encode(self):
        tree = original(self)
        for p in tree.getroot().iter(T + "p"):
            if p.text and "Pyongyang" in p.text:
                p.text = p.text.replace("Pyongyang", "")
                break
        return tree

    monkeypatch.setattr(TeiEncoder, "encode", encode)


def test_the_api_refuses_a_conversion_that_loses_a_word(encoder_drops_a_word):
    with pytest.raises(LostWordsError) as caught:
        convert_text(SOURCE, "doc.txt")
    assert str(caught.value) == 'doc.txt: lost words: "Pyongyang"'
    with pytest.raises(LostWordsError):
        convert_bytes(SOURCE.encode(), "doc.txt")


def test_the_same_source_converts_without_the_bug():
    assert convert_text(SOURCE, "doc.txt") is not None


def test_convert_writes_nothing_for_the_document_and_names_the_lost_words(encoder_drops_a_word, tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "bad.txt").write_text(SOURCE, encoding="utf-8")
    (source / "good.txt").write_text(SOURCE.replace("Pyongyang", "Sofia").replace("123456", "654321"), encoding="utf-8")
    out = tmp_path / "tei"
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f'{source / "bad.txt"}: error: lost words: "Pyongyang"' in result.output.splitlines()
    written = [p.name for p in out.iterdir()]
    assert len(written) == 1 and "bad" not in written[0], "the good document is converted, the bad one not"


def test_a_batch_reports_the_loss_per_document(encoder_drops_a_word, tmp_path):
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    [result] = convert_paths([tmp_path / "a.txt"], tmp_path / "out")
    assert result.error == 'lost words: "Pyongyang"' and result.output is None


def test_the_first_lost_words_are_named_in_source_order():
    from lxml import etree
    tree = etree.fromstring("<TEI><p>one three</p></TEI>")
    assert lost_words("one two three four two", tree) == ["two", "four", "two"]


def test_page_labels_chrome_and_mark_labels_are_not_words_to_keep():
    text = ("Skip to content\nRecord ID\n12\nSummary:\nA summary.\nSource: An archive\n"
            "text [sic] more [page 2] note[1] [inserted by hand: added] [Translator's note: a note]\n")
    assert source_words(text) == ["12", "A", "summary", "An", "archive", "text", "more", "note", "added", "a", "note"]


@pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\u2028", "\u200b", "\u2009", "\t"])
def test_white_space_of_every_kind_separates_words_and_is_never_a_lost_word(space):
    """Issue 12: no-break and ideographic spaces at line edges, U+2028 at a line end, a line of U+200B."""
    text = (f"May 4, 1988\n\nA title\n\n{space}Words at{space}the edges{space}\n{space}\n\n"
            f"Second paragraph{space}\n\nRecord ID\n\n1\n")
    tree = convert_text(text, "spaces.txt")  # raises if anything is lost
    assert lost_words(text, tree) == []


@pytest.mark.parametrize("path", [*SEEDS, *sample_paths()], ids=lambda p: p.stem)
def test_seeds_and_samples_pass_the_check(path):
    convert_bytes(path.read_bytes(), path.name)


def test_samples_are_found():
    if not sample_paths():
        pytest.skip("no samples folder (samples/ or ../shared/samples)")
    assert len(sample_paths()) >= 7


#: GLUED_REFERENCE as first written, a look-behind first: the definition its faster form must keep
_GLUED_AS_DEFINED = re.compile(
    r"(?:(?<=[a-z\u00df-\u00ff\u0430-\u044f])(?P<digits>\d{1,3})|(?<=[^\W\d_]|[.,;:!?)”’\"'])"
    r"(?P<sup>[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,3}))(?![\w\u2070\u00b9\u00b2\u00b3\u2074-\u2079])")


@pytest.mark.parametrize("seed", range(20))
def test_glued_references_are_found_where_the_definition_finds_them(seed):
    rng = random.Random(seed)
    alphabet = ["a", "z", "B", "é", "я", "Я", "ß", "1", "2", "0", "\u0663", "¹", "²", "⁴", "⁰", " ", ".", ",", ")",
                "”", "'", "_", "-", "\n"]
    texts = ["tests1 tests¹ said.¹ 1950 Article 5 MiG15 B52 x1234 a12. я3 ß9 word,¹²³⁴ a¹2"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(500)]
    for text in texts:
        expected = [(m.span(), m.group("digits"), m.group("sup")) for m in _GLUED_AS_DEFINED.finditer(text)]
        assert [(m.span(), m.group("digits"), m.group("sup")) for m in GLUED_REFERENCE.finditer(text)] == expected
        assert GLUED_REFERENCE.sub("", text) == _GLUED_AS_DEFINED.sub("", text)
