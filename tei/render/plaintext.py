"""Wrapping the plain text the text stylesheet writes: one line per paragraph, wrapped here.

XSLT 1.0 has no practical way to wrap long paragraphs, so xslt/text.xsl writes each paragraph
(and each line break of the source) as one line, and this module wraps them. No-break spaces
(U+00A0) are the source's layout spaces: they are kept, and never broken at. A line may say
where its continuation lines start (CONTINUATION_INDENT, after a verse line's numbered margin).
Tables are drawn as grids first (texttable.py), their lines kept as they are. A line with
characters two columns wide (Chinese, Japanese, Korean) is wrapped in display columns, between its
ideographs where it has no spaces.
"""

from __future__ import annotations

import functools
import re
import textwrap

from .texttable import _SPACES, CONTINUATION_INDENT, has_wide, lay_out_tables, wrap_columns

_BLANK_RUNS = re.compile(r"\n{3,}")
#: a word made only of other spaces than " " (a no-break space, an em space): textwrap treats such a
#: word as space, dropping it at a line's edges, which the quick wrapping below does not do
_SPACE_WORD = re.compile(r"(?<![^ ])[^\S ]+(?![^ ])")
#: white space other than " " and the line break (no-break spaces, tabs, em spaces): text without any
#: is wrapped by regular expressions over the whole text rather than line by line in Python
_OTHER_SPACES = re.compile(r"[^\S \n]")
#: what collapsing spaces changes in such text: runs of " ", then the " " left at a line's edges
_SPACE_RUNS = re.compile(r"  +")
_LINE_EDGE_SPACES = re.compile(r" \n ?|\n ")


@functools.lru_cache(maxsize=8)
def _next_line(width: int) -> re.Pattern:
    """The next wrapped line: the most words that fit in `width` columns, or one longer word alone."""
    return re.compile(rf".{{1,{width}}}(?= |$)|[^ ]+")


@functools.lru_cache(maxsize=8)
def _long_line(width: int) -> re.Pattern:
    """A line longer than `width` columns."""
    return re.compile(rf"[^\n]{{{width + 1},}}")


def _wrap_line(line: str, width: int) -> list[str]:
    """`textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)` for a line whose
    words are one space apart, several times faster: textwrap handles each word in Python."""
    if _SPACE_WORD.search(line):
        return textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False)
    return _wrap_words(line, width)


def _wrap_words(line: str, width: int) -> list[str]:
    """The wrapping of a line whose words are one space apart and none is made of spaces."""
    if len(line) <= width:
        return [line] if line else []
    pattern, parts, pos = _next_line(width), [], 0
    while pos < len(line):
        part = pattern.match(line, pos).group()
        parts.append(part)
        pos += len(part) + 1  # and the space after it
    return parts


def _wrap_hanging(line: str, width: int) -> list[str]:
    """The wrapping of a line with a margin (CONTINUATION_INDENT after it): the first line as any
    line's, the others indented as far as its text starts, unless the margin leaves no room."""
    margin, _, text = line.partition(CONTINUATION_INDENT)
    text = text.replace(CONTINUATION_INDENT, "")
    start = len(margin) + len(text) - len(text.lstrip(" "))
    indent = "\u00a0" * start if start < width else ""
    line = margin + text
    return textwrap.wrap(line, width=width, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def wrap_text(raw: str, width: int) -> str:
    """Lay out the tables, collapse spaces, wrap every line at `width` columns, keep at most one blank line."""
    raw = lay_out_tables(raw, width)
    if _OTHER_SPACES.search(raw) or CONTINUATION_INDENT in raw or has_wide(raw):
        lines: list[str] = []
        for line in raw.split("\n"):
            line = _SPACES.sub(" ", line).strip(" ")
            if CONTINUATION_INDENT in line:
                wrapped = _wrap_hanging(line, width)
            elif has_wide(line) and "\u00a0" not in line:  # a grid's lines have no-break spaces
                wrapped = wrap_columns(line, width)
            else:
                wrapped = _wrap_line(line, width)
            lines.extend(part.replace("\u00a0", " ").rstrip() for part in wrapped or [""])
        text = "\n".join(lines)
    else:  # the same, with only the long lines handled one by one
        text = _LINE_EDGE_SPACES.sub("\n", _SPACE_RUNS.sub(" ", raw)).strip(" ")
        text = _long_line(width).sub(lambda line: "\n".join(_wrap_words(line.group(), width)), text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"
