"""The reader's inline parser (tei/convert/readers/marks.py) on its own: which mark each bracket
becomes, what it takes from the text around it, and that nothing of the text is dropped on the way.
The end-to-end tests (test_convert_seeds.py, test_body_structures.py) see the same through the TEI."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tei.convert.model import MARK_KINDS, EditorialMark
from tei.convert.readers.marks import InlineParser, parse_inline


def _only_mark(text: str) -> EditorialMark:
    items, warnings = parse_inline(text)
    marks = [item for item in items if isinstance(item, EditorialMark)]
    assert len(marks) == 1 and not warnings, (items, warnings)
    return marks[0]


def _rebuilt(items: list) -> str:
    """The source again from the parse: the words a mark took from before it (`target`, and the
    space kept in `variant` of a variant form), then the mark as written (`raw`, which holds its
    nested marks too; a mark written in double brackets keeps the inner one as `raw`, `double` says so)."""
    out = []
    for item in items:
        if isinstance(item, EditorialMark):
            raw = f"[{item.raw}]" if item.double else item.raw
            out.append(item.target + (item.variant if item.kind == "variant-form" else "") + raw)
        else:
            out.append(item)
    return "".join(out)


#: (a bracket as written, the kind it becomes, what the mark then holds)
BRACKETS = [
    ("[sic]", "sic", {"variant": ""}),
    ("[sic!]", "sic", {"variant": "sic!"}),
    ("[...]", "omission", {"variant": "..."}),
    ("[…]", "omission", {"variant": ""}),
    ("[text omitted]", "omission", {"label": "text omitted"}),
    ("[redacted]", "redaction", {"label": "redacted"}),
    ("[Paragraph's first line excised]", "redaction", {"label": "Paragraph's first line excised"}),
    ("[inserted by hand: yes]", "addition", {"label": "inserted by hand", "content": ["yes"]}),
    ("[Handwritten: approve]", "annotation", {"label": "Handwritten", "content": ["approve"]}),
    ("[date left blank]", "blank", {"label": "date left blank"}),
    ("[signature]", "signature", {"label": "signature"}),
    ("[illegible word]", "illegible", {"label": "illegible word"}),
    ("[2 words illegible]", "illegible", {"label": "2 words illegible", "quantity": "2", "unit": "word"}),
    ("[one line missing]", "missing", {"label": "one line missing", "quantity": "1", "unit": "line"}),
    ("[several pages lost]", "missing", {"label": "several pages lost", "quantity": "", "unit": "page"}),
    ("[3 groups unrecovered]", "undeciphered", {"label": "3 groups unrecovered", "quantity": "3", "unit": "group"}),
    ("[Kremlin?]", "unclear", {"variant": "?", "content": ["Kremlin"]}),
    ("[unclear: two words]", "unclear", {"label": "unclear", "content": ["two words"]}),
    ("[page 2]", "page-break", {"variant": "2", "label": "page 2"}),
    ("[page break]", "page-break", {"variant": "", "label": "page break"}),
    ("[12]", "footnote", {"variant": "12"}),
    ("[stamp]", "stamp", {"label": "stamp"}),
    ("[underlined]", "underline", {"label": "underlined"}),
    ("[Translator's note: literally 'the boss']", "translator-note", {"label": "Translator's note"}),
    ("[Note: see p. 4]", "editorial-note", {"label": "Note", "content": ["see p. 4"]}),
    ("[see document 12]", "editorial-note", {"label": ""}),
    ("[This is a remark that was added by the editors]", "editorial-note", {"label": ""}),
    ("[Soviet]", "supplied", {"content": ["Soviet"]}),
    ("[opis']", "original-term", {"content": ["opis'"]}),
    ("[]", "unknown", {}),
    ("[Foo: bar]", "unknown", {"content": ["Foo: bar"]}),
]


@pytest.mark.parametrize("text, kind, fields", BRACKETS)
def test_each_bracket_becomes_the_mark_its_words_say(text, kind, fields):
    mark = _only_mark(f"Before {text} after.")
    assert mark.kind == kind and mark.raw == text
    for name, value in fields.items():
        assert getattr(mark, name) == value, name


def test_the_kinds_above_are_kinds_of_the_model():
    """A kind the parser makes that the model does not declare would reach the encoder unknown."""
    made = {_only_mark(f"Before {text} after.").kind for text, _, _ in BRACKETS}
    assert made <= set(MARK_KINDS)
    # all but those made from the words around a bracket and the layout read outside brackets
    assert set(MARK_KINDS) - made == {"expansion", "variant-form", "layout-space", "page-number"}


def test_sic_takes_the_word_before_it_and_leaves_the_punctuation_after_it():
    items, _ = parse_inline("the Soviet governmnet, [sic] and")
    assert items[0] == "the Soviet "
    assert items[1].kind == "sic" and items[1].target == "governmnet" and items[1].content == ["governmnet"]
    assert items[2:] == [", and"]


def test_an_expansion_takes_the_abbreviation_its_initials_spell():
    items, _ = parse_inline("The CC BCP [Central Committee of the Bulgarian Communist Party] met.")
    assert items[0] == "The "
    assert (items[1].kind, items[1].target, items[1].content) == (
        "expansion", "CC BCP", ["Central Committee of the Bulgarian Communist Party"])
    assert items[2] == " met."


def test_initials_that_do_not_spell_the_abbreviation_are_supplied_words():
    mark = _only_mark("The CC BCP [Central Committee of the Party] met.")
    assert mark.kind == "supplied" and mark.target == ""


def test_another_romanisation_takes_the_capitalised_words_before_it():
    items, _ = parse_inline("and then Pak Heon-Yeong [Pak Hon Yong] came.")
    assert items[0] == "and then "
    assert (items[1].kind, items[1].target, items[1].content, items[1].variant) == (
        "variant-form", "Pak Heon-Yeong", ["Pak Hon Yong"], " ")


def test_a_romanisation_after_the_first_word_of_a_sentence_takes_only_the_name():
    items, _ = parse_inline("Then Pak Heon-Yeong [Pak Hon Yong] came.")
    assert items[0] == "Then " and items[1].target == "Pak Heon-Yeong"


def test_a_different_name_after_a_name_is_not_a_romanisation():
    assert _only_mark("Then Kim Il Sung [Mao Zedong] came.").kind == "supplied"


def test_marks_nest_and_the_outer_raw_holds_the_inner_one():
    mark = _only_mark("[Handwritten: inventory [opis'] list]")
    assert mark.kind == "annotation"
    assert mark.content[0] == "inventory " and mark.content[2] == " list"
    assert (mark.content[1].kind, mark.content[1].raw) == ("original-term", "[opis']")


def test_a_bare_hand_label_makes_the_rest_of_its_line_handwritten():
    items, _ = parse_inline("[handwritten] Copy sent to P.R.\nCopy filed")
    assert items[0].kind == "annotation" and items[0].content == [" Copy sent to P.R."]
    assert items[1] == "\nCopy filed"


def test_layout_squares_are_counted_and_taken_out_of_the_text():
    items, _ = parse_inline("x \u25a1\u25a1\u25a1 y")
    assert items[0] == "x " and items[2] == " y"
    assert (items[1].kind, items[1].variant) == ("layout-space", "3")


@pytest.mark.parametrize("text, warning", [
    ("a ] b", "a closing bracket without an opening one"),
    ("a [ b", "an opening bracket is never closed"),
])
def test_an_unbalanced_bracket_stays_text_and_is_reported(text, warning):
    items, warnings = parse_inline(text)
    assert items == [text]
    assert len(warnings) == 1 and warnings[0].startswith(warning)


def test_brackets_nested_deeper_than_the_limit_are_kept_as_text():
    depth = InlineParser.MAX_NESTING + 3
    text = "[" * depth + "x" + "]" * depth
    items, warnings = parse_inline(text)
    assert any("nested more than" in w for w in warnings)
    mark, inner = items[0], items[0]
    for _ in range(InlineParser.MAX_NESTING - 1):
        (inner,) = inner.content
    extra = depth - InlineParser.MAX_NESTING
    assert inner.content == ["[" * extra + "x" + "]" * extra]  # the brackets past the limit are text
    assert _rebuilt([mark]) == text


def test_text_without_brackets_is_one_string():
    assert parse_inline("No marks here, only text.\nTwo lines.") == (["No marks here, only text.\nTwo lines."], [])


_PIECES = st.sampled_from([
    "[", "]", " ", "\n", ",", "sic", "sic!", "...", "?", ":", "Kremlin", "CC", "BCP", "Central Committee",
    "Pak", "Hon", "Heon-Yeong", "handwritten", "Note", "inserted by hand", "12", "page", "\u25a1", "opis'",
    "redacted", "\u00a0",
])


#: a `[sic]` as the rebuilt text holds it, white space taken out
_SIC_LABEL = re.compile(r"\[sic!?\]", re.IGNORECASE)


def _without_sic_labels(text: str) -> tuple[str, int]:
    """The text without white space and `[sic]` labels, and how many there were: the punctuation
    after a sic's word stays after the mark (docs/encoding.md), so a label's place among the
    punctuation is not the source's, and the TEI has no label to place."""
    squeezed = "".join(text.split())
    return _SIC_LABEL.sub("", squeezed), len(_SIC_LABEL.findall(squeezed))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example("[[]]")
@example("Seen by [[illegible signature]] then.")
@example("opis'[sic]")
@example("sic,[sic]")
@example("'opis'[sic]")
def test_no_character_of_the_text_is_lost(text):
    """Only white space next to a mark that took the word before it may differ, the encoder
    putting the mark where the word stood, and where a `[sic]` stands among punctuation."""
    items, _ = parse_inline(text)
    assert _without_sic_labels(_rebuilt(items)) == _without_sic_labels(text)


@pytest.mark.parametrize("text, before, word, after", [
    ("opis'[sic]", [], "opis'", []),
    ("the delegates' [sic] view", ["the "], "delegates'", [" view"]),
    ("“governmnet [sic]” and", ["“"], "governmnet", ["” and"]),
    ("('opis' [sic]).", ["('"], "opis", ["')."]),
])
def test_sic_leaves_quotes_around_its_word_outside_and_keeps_the_word_s_apostrophe(text, before, word, after):
    items, _ = parse_inline(text)
    mark = next(item for item in items if isinstance(item, EditorialMark))
    index = items.index(mark)
    assert (items[:index], mark.target, mark.content, items[index + 1:]) == (before, word, [word], after)
