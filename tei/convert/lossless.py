"""The lossless check: every word of a source is in its TEI, or the conversion fails.

It runs after encoding and tagging in every conversion (`tei.convert.pipeline`), so `convert`, `build` and
the Python API all refuse a document that would lose a word. What is excluded from the source's
words is defined here and only here (docs/encoding.md, "The lossless check"):

- web chrome lines (the reader's `CHROME`: `Skip to content`, `Print` ...) and the buttons and
  versions of the earlier site's citation box (`citation_box_line`: `get citation`, `English HTML`),
  as whole lines;
- page labels (the reader's `HEAD_LABELS` and `TAIL_LABELS`), as a whole line (`Record ID`,
  `Summary:`) or as the `Label:` before a value on the same line, and the `Original Classification:`
  run on at the end of a citation (the reader's `TRAILING_CLASSIFICATION`);
- the labels of editorial marks whose meaning the TEI keeps as an element or attribute: `[sic]`,
  `[sic!]`, page-break labels (`[page 2]`), footnote numbers (`[1]`), a bare hand label
  (`[handwritten]`, which becomes `add`/`note` with `@hand`), and the label before the
  colon of a labelled mark (`[inserted by hand: ...]`, `[Translator's note: ...]`).

A typewritten footnote marker after its word (the reader's `TYPED_REFERENCE`: `Filippov.x/`,
`Berthold*`) is taken off the source, as the TEI keeps it as the `note/@n` of the note it refers to.

On both sides, digits glued to the end of a word (the reader's `GLUED_REFERENCE`: `tests1`,
`tests¹`) are taken off it, as a footnote reference the TEI keeps as `note/@n`; and the TEI's words
include the `@n` of its footnotes, the home of a footnote line's number (`1. BArch, ...`).

Words are maximal runs of word characters (`\\w`) after Unicode NFC and case folding, so white
space of every kind (no-break, ideographic, U+2028, zero-width) and punctuation separate words and
are never words themselves. The comparison is of multisets over the whole document: the header
moves and reorders fields (the title, the summary, the source citation), so source order cannot be
compared without knowing where each field goes, and a per-region comparison would need the reader's
own decision of what is header and what is body, the very thing under test. A multiset catches
every dropped word; it cannot see a word that is moved, nor a lost copy of a word the TEI holds
elsewhere too (the title is in the header twice). It is one pass over each side: linear.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree

from ..core.tei import TEI_PREFIXES
from ..core.errors import TeiEditionError
from .readers.body import GLUED_REFERENCE, TYPED_REFERENCE
from .readers.marks import HAND_LABEL, NOTE_NUMBER, label_kind
from .readers.wilson import CHROME, HEAD_LABELS, TAIL_LABELS, TRAILING_CLASSIFICATION, citation_box_line

#: page labels, lower case without the colon
PAGE_LABELS = frozenset(HEAD_LABELS) | frozenset(TAIL_LABELS)
WORD = re.compile(r"\w+")
#: a bracket whose whole content is a mark the TEI records as an element or attribute
_WORDLESS_MARK = re.compile(
    r"\[\s*(?:sic!?|page break|new page|end of page(?: \w+)?|page \w+(?: of \w+)?|" + NOTE_NUMBER + "|"
    + HAND_LABEL.pattern + r")\s*\]", re.IGNORECASE)
#: the label of a labelled mark: `[Label:` (the reader's `_LABELLED`, anchored at a bracket)
_MARK_LABEL = re.compile(r"\[(?P<label>[A-Za-z][\w’' .\-]{0,40}?)\s*:")
#: at most this many lost words are named in the message
SHOWN = 8


class LostWordsError(TeiEditionError):
    """The TEI misses words of its source: a bug of the converter, never written out."""


def _without_page_label(line: str) -> str:
    stripped = line.strip().lstrip("\ufeff")
    key = stripped.lower()
    if key in CHROME or key.rstrip(":").strip() in PAGE_LABELS or citation_box_line(stripped):
        return ""
    label, colon, rest = stripped.partition(":")
    if colon and label.strip().lower() in PAGE_LABELS:
        return rest
    run_on = TRAILING_CLASSIFICATION.search(stripped)
    if run_on:  # the page's classification field at the end of the citation: its value stays
        return stripped[:run_on.start()] + " " + run_on.group("value")
    return stripped


def _without_mark_label(match: re.Match) -> str:
    return " " if label_kind(match.group("label")) else match.group()


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _kept_text(text: str) -> str:
    """The source text without what is excluded (see the module's docstring)."""
    lines = (_without_page_label(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    kept = _MARK_LABEL.sub(_without_mark_label, _WORDLESS_MARK.sub(" ", "\n".join(lines)))
    return _unglued(_nfc(TYPED_REFERENCE.sub("", kept) if "/" in kept else kept))


def _unglued(text: str) -> str:
    """The text without footnote references glued to their words (`tests1` -> `tests`)."""
    return GLUED_REFERENCE.sub("", text)


def source_words(text: str) -> list[str]:
    """The words of a source text that must be in its TEI, in source order (as written)."""
    return WORD.findall(_kept_text(text))


def tei_words(tree: etree._ElementTree | etree._Element) -> Counter:
    """The words of every text node of the TEI (header and text), case-folded."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    numbers = root.xpath("//t:note[@place='foot']/@n", namespaces=TEI_PREFIXES)
    return Counter(WORD.findall(_unglued(_nfc(" ".join([*root.itertext(), *numbers]))).casefold()))


def lost_words(text: str, tree: etree._ElementTree | etree._Element) -> list[str]:
    """The source's words the TEI does not hold, in source order (empty: nothing lost)."""
    kept = _kept_text(text)
    available = tei_words(tree)
    needed = Counter(WORD.findall(kept.casefold()))
    if all(available[word] >= count for word, count in needed.items()):
        return []
    lost = []
    for word in WORD.findall(kept):  # only for a failure: which words, in source order
        key = word.casefold()
        if available[key] > 0:
            available[key] -= 1
        else:
            lost.append(word)
    return lost


def check_lossless(text: str, tree: etree._ElementTree | etree._Element, name: str | None = None) -> None:
    """Raise `LostWordsError` naming the first lost words, if any."""
    lost = lost_words(text, tree)
    if lost:
        shown = " ".join(lost[:SHOWN]) + (" ..." if len(lost) > SHOWN else "")
        raise LostWordsError(f'lost words: "{shown}"', name)
