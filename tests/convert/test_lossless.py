"""Nothing of the source is lost: every word of every document is in its TEI."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei import convert_bytes, convert_text
from tei.core.errors import TeiEditionError
from tei.validate.validator import Validator

from conftest import SEEDS, assert_tei_all_valid
from helpers import missing_words, source_words


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_word_of_a_seed_is_in_its_tei(seed):
    text = seed.read_text(encoding="utf-8")
    tree = convert_text(text, seed.name)
    assert not missing_words(text, tree), f"lost words: {missing_words(text, tree)}"


def test_the_word_check_can_fail():
    """The check itself notices a word that is not there."""
    tree = convert_text("May 4, 1988\n\nA title\n\nBody text here.\n")
    assert missing_words("May 4, 1988\n\nA title\n\nBody text there.\n", tree) == {"there": 1}


# -- generated documents -------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßçøжщыЁБДЙ김일성평양ĂȘțعربي"
words = st.text(alphabet=_LETTERS + "\u0301", min_size=1, max_size=9).filter(lambda w: w[0] != "\u0301")
sentences = st.lists(words, min_size=1, max_size=12).map(" ".join)
marks = st.sampled_from([
    "[sic]", "[sic!]", "[…]", "[...]", "[date left blank]", "[signature]", "[illegible]",
    "[inserted by hand: {w}]", "[handwritten: {w}\n{w}]", "[{w}]", "[Translator's note: {w}]",
    "[stamp: {w}]", "[underlined]", "[page break]", "[{w}?]", "[", "]", "[{w} [{w}] {w}]",
    "\u25a1\u25a1", "CC BCP [Central Committee of the Bulgarian Communist Party]",
])


@st.composite
def paragraphs(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(sentences))
        if draw(st.booleans()):
            parts.append(draw(marks).format(w=draw(words)))
    return " ".join(parts) + draw(st.sampled_from([".", "", "!", ":"]))


@st.composite
def documents(draw):
    layout = draw(st.sampled_from(["citation", "web", "compact", "bare"]))
    title = draw(sentences)
    body = draw(st.lists(paragraphs(), min_size=1, max_size=6))
    summary = draw(sentences) + "."
    date = draw(st.sampled_from(["May 7, 1978", "8 June 1967", "October 1948", "1950", "Undated"]))
    lines = []
    if layout == "citation":
        lines += [date, "", f"**{title}**", "", "Citation:", "", f'"{title}", {date}, Wilson Center Digital Archive, '
                  f"{draw(sentences)}, f. 1, op. 2, d. 3. Translated by {draw(words)} {draw(words)}.", "",
                  "Summary:", "", summary, "", "Original Language:", "", draw(st.sampled_from(["Russian", "Korean", "Klingon"])),
                  "", "Contents:", "", "Translation - English", ""]
        lines += [p for para in body for p in (para, "")]
    elif layout == "web":
        lines += ["Skip to content", "", date, "", title, ""]
        lines += [p for para in body for p in (para, "")]
        lines += [summary, "", "Associated Places", "", "Source", "", draw(sentences), "", "Type", "",
                  draw(st.sampled_from(["Telegram", "Letter", "Report", "Poem"])), "", "Record ID", "",
                  str(draw(st.integers(1, 10**7)))]
    elif layout == "compact":
        lines += [date, title] + [p.replace("\n", " ") for p in body] + [summary, "Author(s):", "Type", "Record ID"]
    else:
        lines += [p for para in body for p in (para, "")]
    text = "\n".join(lines)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + text.replace("\n", ending)


#: Examples per property test: moderate for CI; raise it for a longer search (e.g. 5000).
EXAMPLES = int(os.environ.get("TEI_EDITION_HYPOTHESIS_EXAMPLES", "150"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def project_schemas():
    return Validator()


def project_errors(validator: Validator, tei: bytes) -> list[str]:
    """Errors (not warnings) of the project's RELAX NG, XSD, Schematron and BCP 47 checks."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.xml"
        path.write_bytes(tei)
        return [str(m) for m in validator.validate_file(path) if m.severity == "error"]


@PROPERTY
@given(documents())
def test_generated_documents_convert_losslessly_and_deterministically(tei_all, text):
    data = text.encode("utf-8")
    try:
        first, doc = convert_bytes(data, "generated.txt")
    except TeiEditionError:
        # Only the project's own errors may come out, and only for input that has no text.
        assert not source_words(text)
        return
    second, _ = convert_bytes(data, "generated.txt")
    assert first == second, "converting twice must give the same bytes"
    tree = etree.ElementTree(etree.fromstring(first))
    lost = missing_words(text, tree)
    assert not lost, f"lost words {lost} from {text!r}"
    assert_tei_all_valid(tei_all, tree, "generated document")


@PROPERTY
@given(documents())
def test_generated_documents_are_valid_against_the_project_schemas(project_schemas, text):
    try:
        tei, _ = convert_bytes(text.encode("utf-8"), "generated.txt")
    except TeiEditionError:
        return
    errors = project_errors(project_schemas, tei)
    assert not errors, f"{errors} for {text!r}"


@PROPERTY
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_well_formed_tei_or_a_project_error(data):
    """Whatever the input, the converter answers with TEI or with its own error, never a crash."""
    try:
        tei, _ = convert_bytes(data, "any.txt")
    except TeiEditionError:
        return
    etree.fromstring(tei)
