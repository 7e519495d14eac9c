"""The text output's line wrapping keeps textwrap's results exactly: no-break spaces, other spaces,
words longer than a line, at every width."""

from __future__ import annotations

import random
import re
import textwrap

import pytest

from tei.render.plaintext import _SPACES, CONTINUATION_INDENT, _wrap_line, wrap_text

PIECES = ["a", "é", "-", ".", "word", "x" * 9, "y" * 80, " ", " ", " ", "\u00a0", "\u00a0 ", "\u2003", "\u3000",
          "\x1c", "\x85", "\u2028", "\t", "zz\x1f"]


def _textwrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False)


@pytest.mark.parametrize("width", [1, 3, 10, 40, 72])
def test_lines_wrap_as_textwrap_wraps_them(width):
    rng = random.Random(width)
    for _ in range(3000):
        line = _SPACES.sub(" ", "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))).strip(" ")
        assert _wrap_line(line, width) == _textwrap(line, width), repr(line)


def test_a_word_longer_than_the_line_stands_alone_and_is_not_broken():
    assert _wrap_line("aa " + "b" * 12 + " cc dd", 8) == ["aa", "b" * 12, "cc dd"]


def test_no_break_spaces_are_kept_and_never_broken_at():
    text = wrap_text("\u00a0\u00a0Indented " + "word " * 30 + "\u00a0end\u00a0of\u00a0line", 20)
    lines = text.splitlines()
    assert lines[0].startswith("  Indented") and lines[-1].endswith("end of line")
    assert all(len(line) <= 20 for line in lines)


def _wrapped_line_by_line(raw: str, width: int) -> str:
    """What wrap_text makes, each line of `raw` wrapped by textwrap."""
    lines = []
    for line in raw.split("\n"):
        line = _SPACES.sub(" ", line).strip(" ")
        lines.extend(part.replace("\u00a0", " ").rstrip() for part in _textwrap(line, width) or [""])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


@pytest.mark.parametrize("width", [1, 10, 72])
@pytest.mark.parametrize("spaces", ["only ' '", "any"])
def test_texts_wrap_as_their_lines_wrapped_one_by_one(width, spaces):
    """Text whose only spaces are " " is wrapped over the whole text at once, other text line by line."""
    pieces = PIECES + ["\n", "\n\n\n", " \n ", "\n \n"]
    if spaces != "any":
        pieces = [piece for piece in pieces if not re.search(r"[^\S \n]", piece)]
    rng = random.Random(width)
    for _ in range(2000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        assert wrap_text(raw, width) == _wrapped_line_by_line(raw, width), repr(raw)


def test_a_line_with_a_margin_goes_on_under_its_text():
    """CONTINUATION_INDENT (after a verse line's margin) indents the continuation lines as far as the
    text starts, the space after the margin included; the first line and a line that fits are unchanged."""
    margin = "\u00a0\u00a012\u00a0\u00a0" + CONTINUATION_INDENT
    assert wrap_text(margin + "one two three four five six", 14) == "  12  one two\n      three\n      four\n      five six\n"
    assert wrap_text(margin + " one two three", 14) == "  12   one two\n       three\n"
    assert wrap_text(margin + "one two", 14) == "  12  one two\n"
    assert wrap_text("x " + margin + "one two", 6) == "x\n  12  one\ntwo\n"  # no room left beside the margin
