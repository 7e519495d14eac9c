"""The text output's line wrapping keeps textwrap's results exactly: no-break spaces, other spaces,
words longer than a line, at every width."""

from __future__ import annotations

import random
import textwrap

import pytest

from tei.render.plaintext import _SPACES, _wrap_line, wrap_text

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
