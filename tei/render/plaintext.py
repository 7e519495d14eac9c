"""Wrapping the plain text the text stylesheet writes: one line per paragraph, wrapped here.

XSLT 1.0 has no practical way to wrap long paragraphs, so xslt/text.xsl writes each paragraph
(and each line break of the source) as one line, and this module wraps them. No-break spaces
(U+00A0) are the source's layout spaces: they are kept, and never broken at.
"""

from __future__ import annotations

import re
import textwrap

_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def wrap_text(raw: str, width: int) -> str:
    """Collapse spaces, wrap every line at `width` columns, keep at most one blank line."""
    lines: list[str] = []
    for line in raw.split("\n"):
        line = _SPACES.sub(" ", line).strip(" ")
        wrapped = textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False)
        lines.extend(part.replace("\u00a0", " ").rstrip() for part in wrapped or [""])
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"
