"""Inline reading: square-bracketed editorial marks and layout squares inside a block of text.

`parse_inline` turns a block's text into a list of strings and `EditorialMark`s. Brackets nest
(`[handwritten: ... inventory [opis'] ...]`); an unbalanced bracket stays text and is reported.
Which mark a bracket is comes from its words (`MARK_RULES`), never from where it stands, so a
mark never seen in the seeds still becomes the right element or, failing that, an editorial note.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable

from ..model import EditorialMark, Inline

LAYOUT_SQUARES = re.compile("[\u25a1]+")
#: A typed page's number, as it stood at the head or the foot of the page: `- 2 -`, `– 3 –`,
#: `(p. 1)`, `Page 2`, `p. 4 of 7`. Which side of it the page turns is not said.
PAGE_NUMBER = re.compile(
    r"[-–—]\s*\d{1,3}\s*[-–—]|\(\s*(?:p|pp|page)\.?\s*\d{1,3}\s*\)|(?:page|p\.)\s*\d{1,3}(?:\s+of\s+\d{1,3})?",
    re.IGNORECASE)
#: A page's number on a line of its own between two lines of a block: the page turned inside it.
_PAGE_NUMBER_LINE = re.compile(r"(?<=\n)[ \t]*(" + PAGE_NUMBER.pattern + r")[ \t]*(?=\n)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(\S+?)([\s\u00a0]*)$")
_TRAILING_PUNCT = ".,;:!?)»”’\"'"
_OPENING_PUNCT = "(«“‘„‚\"'¿¡"
_ABBREVIATION = re.compile(r"^[A-Z][A-Z.\-&]*[A-Z.]$|^[A-Z]$")
_LABELLED = re.compile(r"^(?P<label>[A-Za-z][\w’' .\-]{0,40}?)\s*:\s*(?P<body>.*)$", re.DOTALL)
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "de", "du", "des", "la", "le", "i", "und", "der"}


def _rule_sic(inner: str):
    if re.fullmatch(r"sic!?", inner, re.IGNORECASE):
        return "sic", {"variant": inner if inner.lower() != "sic" else ""}
    return None


def _rule_omission(inner: str):
    if re.fullmatch(r"(?:…|\.\s?\.\s?\.|\.{2,}|…\s*…)", inner.strip()):
        return "omission", {"variant": inner if inner != "…" else ""}
    if re.fullmatch(r"(?:text |passage |words? |lines? |paragraph )?(?:omitted|deleted|cut)", inner, re.IGNORECASE):
        return "omission", {"label": inner}
    return None


def _rule_redaction(inner: str):
    """`[redacted]`, `[excised]`, `[Paragraph's first line ... redacted]`: withheld by the holder."""
    if len(inner) <= 200 and re.search(r"\b(?:redacted|redaction|excised|sanitized|sanitised|withheld|blacked out)\b", inner, re.IGNORECASE):
        return "redaction", {"label": inner}
    return None


#: Words that open a remark about the document rather than a word of it: cross-references, notes.
_EDITORIAL_OPENING = re.compile(
    r"^(?:see|cf\.?|compare|ibid\.?|op\. cit\.?|reference to|refers? to|probably|possibly|presumably|"
    r"this (?:is|was|refers)|the (?:original|document|text) (?:has|is|reads))\b"
    # `[sic, R. Ya. is correct]`, `[sic; should read 1953]`: a remark on the word before, not a word supplied
    r"|^sic!?\s*[,;:]\s*\S|^should (?:be|read)\b", re.IGNORECASE)
#: A reference to a meeting, session, document or page: `[733rd meeting]`, `[see document 12]`.
_EDITORIAL_REFERENCE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)?\s+(?:meeting|session|plenary(?: meeting)?|sitting)|"
    r"(?:document|doc\.|page|p\.|pp\.|annex|appendix|footnote|note|item)\s+(?:no\.\s*)?[\dIVXivx][\w./\-]*)$",
    re.IGNORECASE)
_FINITE_VERB = re.compile(r"\b(?:is|was|are|were|has|have|had|refers|means|appears|reads|seems|indicates|contains)\b")


def _rule_editorial(inner: str):
    """An editor's remark, not a word of the text: a cross-reference, or a sentence of its own
    (capitalised, at least six words, with a finite verb). Short word groups stay supplied."""
    if "\n" in inner:
        return None
    if _EDITORIAL_REFERENCE.match(inner) or _EDITORIAL_OPENING.match(inner):
        return "editorial-note", {"label": ""}
    if inner[:1].isupper() and len(inner.split()) >= 6 and _FINITE_VERB.search(inner):
        return "editorial-note", {"label": ""}
    return None


#: Where on the page a hand wrote, in the editors' words, and the TEI's `@place` for it (the
#: values the Guidelines suggest for att.placement): `above the line`, `in the left margin`.
PLACES: tuple[tuple[str, str], ...] = (
    (r"above(?: the (?:line|text|word|words|typed text))?|over the (?:line|word|text)|interlinear(?:ly)?|between the lines", "above"),
    (r"below(?: the (?:line|text|word|words|typed text))?|under(?:neath)? the (?:line|text|word|words)", "below"),
    (r"(?:in|on) the (?:left |right |top |bottom |upper |lower |outer |inner )?margin|in margin|marginal(?:ly)?|margin", "margin"),
    (r"(?:at|on) the (?:top|head)(?: of the (?:page|document|text|sheet|first page))?", "top"),
    (r"(?:at|on) the (?:bottom|foot)(?: of the (?:page|document|text|sheet|last page))?", "bottom"),
    (r"overleaf|on the (?:back|reverse|verso)(?: of the (?:page|document|sheet))?", "overleaf"),
)
PLACE_PHRASE = "|".join(f"(?:{pattern})" for pattern, _ in PLACES)
#: The words that say a hand wrote it: `handwritten`, `inserted by hand`, `handwritten note`.
_HAND_WORDS = (r"(?:hand[- ]?written|in handwriting|handwriting|written by hand|manuscript|"
               r"(?:inserted|added|insertion|addition)(?: by hand| in handwriting)?)"
               r"(?: (?:note|annotation|comment|remark|text|insertion|addition))?")
#: A bracketed word that labels what follows it on the line as written by hand: `[handwritten] Copy sent`,
#: with where (`[handwritten in the margin] Copy sent`).
HAND_LABEL = re.compile(r"(?:hand[- ]?written|in handwriting|handwriting|written by hand|manuscript)"
                        rf"(?:,?\s+(?P<place>{PLACE_PHRASE}))?", re.IGNORECASE)
#: The label of a mark in another hand, its words then where (`handwritten above`, `inserted by
#: hand above the line`, `marginal note`), as `_label_key` writes it.
_HAND_MARK_LABEL = re.compile(rf"(?P<words>{_HAND_WORDS}|marginal note|margin note)(?:,? (?P<place>{PLACE_PHRASE}))?"
                              rf"|(?P<where>{dict((p, q) for q, p in PLACES)['margin']})")  # a margin is a hand's


def place_of(phrase: str) -> str:
    """The TEI `@place` of a place phrase (`in the left margin` -> `margin`); empty for none."""
    phrase = " ".join(phrase.lower().split())
    return next((place for pattern, place in PLACES if re.fullmatch(pattern, phrase)), "")


def label_kind(label: str) -> tuple[str, str] | None:
    """What a labelled mark's label says: its kind and, for a hand's, where it wrote
    (`inserted by hand above the line` -> `("addition", "above")`); None for a label of no mark."""
    key = _label_key(label)
    if key in LABELS:
        kind = LABELS[key]
        return kind, place_of(key) if kind == "annotation" else ""
    match = _HAND_MARK_LABEL.fullmatch(key)
    if match is None:
        return None
    if match["where"]:
        return "annotation", "margin"  # `[in the left margin: ...]`
    if not match["place"] and match["words"] in ("added", "addition", "insertion"):
        return None  # `[Added: ...]` may be the editors' own: a hand only by hand or with a place
    kind = "addition" if re.search(r"insert|add", match["words"]) else "annotation"
    return kind, place_of(match["place"] or ("margin" if "margin" in match["words"] else ""))


def _rule_blank(inner: str):
    if re.search(r"\b(?:left )?blank\b", inner, re.IGNORECASE) and len(inner) < 40:
        return "blank", {"label": inner}
    return None


def _rule_signature(inner: str):
    if re.fullmatch(r"(?:illegible |handwritten )?(?:signature|signed)(?: illegible)?", inner, re.IGNORECASE):
        return "signature", {"label": inner}
    return None


_NUMBER_WORDS = {"a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                 "seven": "7", "eight": "8", "nine": "9", "ten": "10"}
_UNITS = {"word": "word", "line": "line", "letter": "letter", "character": "char", "char": "char", "group": "group",
          "page": "page", "paragraph": "paragraph", "sentence": "sentence"}
#: what became of the text: the mark's kind, written as `gap/@reason` (docs/encoding.md)
_LACUNA_REASONS = {"illegible": "illegible", "indecipherable": "illegible", "unreadable": "illegible",
                   "garbled": "illegible", "unrecovered": "undeciphered", "undeciphered": "undeciphered",
                   "not deciphered": "undeciphered", "not recovered": "undeciphered", "missing": "missing",
                   "lost": "missing", "cut off": "missing", "torn off": "missing", "damaged": "missing"}
#: An extent and what became of it: `[2 words illegible]`, `[one line missing]`, `[3 groups unrecovered]`
#: (a cryptanalyst's cipher groups), `[several words illegible]`.
_LACUNA = re.compile(
    r"(?P<quantity>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|some)\s+"
    r"(?P<unit>word|line|letter|character|char|group|page|paragraph|sentence)s?\s+"
    r"(?P<reason>" + "|".join(sorted(_LACUNA_REASONS, key=len, reverse=True)) + r")", re.IGNORECASE)


def _rule_lacuna(inner: str):
    match = _LACUNA.fullmatch(inner.strip())
    if match is None:
        return None
    quantity = match["quantity"].lower()
    number = quantity if quantity.isdigit() and int(quantity) else _NUMBER_WORDS.get(quantity, "")  # none for `several`, 0
    extent = {"label": inner, "quantity": number, "unit": _UNITS[match["unit"].lower()]}
    reason = _LACUNA_REASONS[" ".join(match["reason"].lower().split())]
    if reason == "missing":
        return "missing", extent
    if reason == "undeciphered":
        return "undeciphered", extent
    return "illegible", extent


def _rule_illegible(inner: str):
    if re.fullmatch(r"(?:\w+ )?(?:illegible|indecipherable|unreadable)(?: \w+){0,3}", inner, re.IGNORECASE):
        return "illegible", {"label": inner}
    return None


def _rule_question(inner: str):
    # one or two words, or a name with its initials (`N. P. Varnov?`), and the translator's doubt
    if re.fullmatch(r"(?:[^\s\[\]?]+(?: [^\s\[\]?]+)?|(?:[A-Z]\.\s?){1,3}[A-Z][^\s\[\]?]+)\?", inner):
        return "unclear", {"text": inner[:-1], "variant": "?"}
    return None


def _rule_page(inner: str):
    match = re.fullmatch(r"(?:page break|new page|end of page(?: \w+)?|page (\w+)(?: of \w+)?)", inner, re.IGNORECASE)
    if match:
        return "page-break", {"variant": match.group(1) or "", "label": inner}
    return None


#: A note's number in a bracket: digits, or a lower-case Roman numeral up to xxxix, as word
#: processors number endnotes (`said[ii]`, and `[ii] The text of the note.` at the end).
NOTE_NUMBER = r"(?:\d{1,3}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"


def _rule_footnote(inner: str):
    if re.fullmatch(NOTE_NUMBER, inner):
        return "footnote", {"variant": inner}
    return None


#: The words for a stamp or a seal, in the editors' descriptions of one (`CPSU CC stamp`, `Stempel`).
STAMP_WORD = r"(?:stamp|seal|postmark|rubber stamp|штамп|печать|stempel|siegel|cachet|tampon)"
#: A bracket that describes a stamp without giving its text: the word alone (`[stamp]`), after a few
#: words saying whose or which (`[CPSU CC stamp]`, `[round seal]`), or before `of ...` (`[Stamp of
#: the General Department]`).
_STAMP_DESCRIPTION = re.compile(
    rf"(?:[\w’'.\-]+\s+){{0,4}}{STAMP_WORD}|{STAMP_WORD}\s+(?:of|from)\s+[^\[\]:\n]{{1,80}}", re.IGNORECASE)
#: The label of a labelled mark that names a stamp: `[CPSU CC stamp: ...]`, `[Stamp of the MFA: ...]`.
STAMP_LABEL = re.compile(rf"(?:.*\s)?{STAMP_WORD}(?:\s+(?:of|from)\s.*)?", re.IGNORECASE)


def _rule_stamp_or_underline(inner: str):
    if _STAMP_DESCRIPTION.fullmatch(inner):
        return "stamp", {"label": inner}
    if re.fullmatch(r"underlined?", inner, re.IGNORECASE):
        return "underline", {"label": inner}
    return None


#: Labelled marks `[Label: text]`: the label (lower case, without punctuation) says which kind.
LABELS: dict[str, str] = {
    "inserted by hand": "addition",
    "added by hand": "addition",
    "inserted": "addition",
    "handwritten": "annotation",
    "handwritten note": "annotation",
    "handwritten annotation": "annotation",
    "in handwriting": "annotation",
    "margin": "annotation",
    "marginal note": "annotation",
    "in the margin": "annotation",
    "unclear": "unclear",
    "illegible": "unclear",
    "underlined": "underline",
    "stamp": "stamp",
    "seal": "stamp",
    "translators note": "translator-note",
    "translator note": "translator-note",
    "trans note": "translator-note",
    "tn": "translator-note",
    "note": "editorial-note",
    "editors note": "editorial-note",
    "editor note": "editorial-note",
    "ed note": "editorial-note",
}

MARK_RULES: list[Callable[[str], tuple[str, dict] | None]] = [
    _rule_sic, _rule_redaction, _rule_omission, _rule_signature, _rule_blank, _rule_lacuna, _rule_illegible, _rule_page,
    _rule_footnote, _rule_stamp_or_underline, _rule_question,
]

#: Rules tried after the labelled forms (`[Note: ...]`) and the expansions, before `supplied`.
LATE_RULES: list[Callable[[str], tuple[str, dict] | None]] = [_rule_editorial]


def _label_key(label: str) -> str:
    return " ".join(re.sub(r"[’'.]", "", label).lower().split())


class InlineParser:
    """Parses one block's text. Keeps the warnings it raises for the reader's report."""

    #: Brackets nested deeper than this are kept as text (no real document comes near it).
    MAX_NESTING = 32

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._depth = 0

    def parse(self, text: str) -> list[Inline]:
        if self._depth >= self.MAX_NESTING:
            self.warnings.append(f"brackets nested more than {self.MAX_NESTING} deep: the inner ones are kept as text")
            items: list[Inline] = []
            self._text(items, text)
            return items
        self._depth += 1
        try:
            return self._parse(text)
        finally:
            self._depth -= 1

    def _parse(self, text: str) -> list[Inline]:
        items: list[Inline] = []
        pos = 0
        while True:
            start = text.find("[", pos)
            stray = text.find("]", pos)
            if stray != -1 and (start == -1 or stray < start):
                self.warnings.append(f"a closing bracket without an opening one: …{text[max(0, stray - 30):stray + 1]!r}")
            if start == -1:
                self._text(items, text[pos:])
                return items
            end = _matching_bracket(text, start)
            if end == -1:
                self.warnings.append(f"an opening bracket is never closed: {text[start:start + 40]!r}…")
                self._text(items, text[pos:])
                return items
            self._text(items, text[pos:start])
            line_end = text.find("\n", end + 1)
            line_end = len(text) if line_end == -1 else line_end
            rest = text[end + 1:line_end]
            bare = HAND_LABEL.fullmatch(text[start + 1:end].strip())
            if bare and rest.strip():
                # A bare label: the rest of its line is the handwritten text.
                items.append(EditorialMark("annotation", raw=text[start:line_end], label=text[start + 1:end].strip(),
                                           content=self.parse(rest), place=place_of(bare["place"] or "")))
                pos = line_end
                continue
            self._mark(items, text[start:end + 1], text[end + 1:end + 2])
            pos = end + 1

    def _text(self, items: list[Inline], text: str) -> None:
        """Plain text, with a page's number on a line of its own inside it taken out as a mark."""
        pos = 0
        for match in _PAGE_NUMBER_LINE.finditer(text):
            self._squares(items, text[pos:match.start(1)])
            items.append(page_number_mark(match.group(1)))
            pos = match.end(1)
        self._squares(items, text[pos:])

    @staticmethod
    def _squares(items: list[Inline], text: str) -> None:
        """Plain text, with runs of layout squares taken out as layout marks."""
        pos = 0
        for match in LAYOUT_SQUARES.finditer(text):
            _append_text(items, text[pos:match.start()])
            items.append(EditorialMark("layout-space", raw=match.group(0), variant=str(len(match.group(0)))))
            pos = match.end()
        _append_text(items, text[pos:])

    def _mark(self, items: list[Inline], raw: str, next_char: str) -> None:
        if self._double_mark(items, raw, next_char):
            return
        inner = raw[1:-1]
        stripped = inner.strip()
        for rule in MARK_RULES:
            found = rule(stripped)
            if found:
                kind, extra = found
                if kind == "sic":
                    self._wrap_word_before(items, EditorialMark("sic", raw=raw, **extra))
                elif kind == "unclear":
                    items.append(EditorialMark("unclear", raw=raw, content=[extra["text"]], variant="?"))
                else:
                    items.append(EditorialMark(kind, raw=raw, **extra))
                return
        labelled = _LABELLED.match(stripped)
        named = labelled and (label_kind(labelled.group("label"))
                              or (STAMP_LABEL.fullmatch(labelled.group("label")) and ("stamp", "")))
        if named:
            kind, place = named
            mark = EditorialMark(kind, raw=raw, label=labelled.group("label"),
                                 content=self.parse(labelled.group("body")), place=place)
            items.append(mark)
            return
        if not stripped:
            items.append(EditorialMark("unknown", raw=raw))
            return
        expansion = self._expansion(items, stripped, raw)
        if expansion is not None:
            items.append(expansion)
            return
        variant = self._variant_form(items, stripped, raw)
        if variant is not None:
            items.append(variant)
            return
        for rule in LATE_RULES:
            found = rule(stripped)
            if found:
                items.append(EditorialMark(found[0], raw=raw, content=self.parse(stripped), **found[1]))
                return
        if labelled and "\n" not in stripped:
            items.append(EditorialMark("unknown", raw=raw, content=self.parse(stripped)))
            return
        if re.fullmatch(r"[a-z]+['’][a-z]*", stripped):
            # A transliterated term of the original after its translation: "inventory [opis']".
            items.append(EditorialMark("original-term", raw=raw, content=[stripped]))
            return
        items.append(EditorialMark("supplied", raw=raw, content=self.parse(inner)))

    def _double_mark(self, items: list[Inline], raw: str, next_char: str) -> bool:
        """A mark in double brackets (`[[illegible signature]]`, `[[N. P. Varnov?]]`: a translator's
        bracket inside a bracketed passage) is the mark of its inner bracket, doubled; not words
        supplied around a mark. False for anything else (`[[a] and [b]]`, `[[a] b]`)."""
        if (not (raw.startswith("[[") and raw.endswith("]]")) or raw.startswith("[[[")
                or _matching_bracket(raw, 1) != len(raw) - 2):  # deeper brackets nest as before (`parse`'s guard)
            return False
        last = items[-1] if items else None
        self._mark(items, raw[1:-1], next_char)
        if items and items[-1] is not last and isinstance(items[-1], EditorialMark):
            items[-1].double = True  # `raw` stays the inner bracket, which the encoder reads as for one
        return True

    @staticmethod
    def _wrap_word_before(items: list[Inline], mark: EditorialMark) -> None:
        """`[sic]` applies to the word before it: move that word into the mark; punctuation
        after the word stays after it, an opening quote or parenthesis before it stays before it
        (`“governmnet [sic]”`), and an apostrophe after a letter is the word's (`opis'`,
        `delegates'`) unless the word opens with a single quote."""
        punctuation = ""
        if items and isinstance(items[-1], str):
            match = _WORD_BEFORE.search(items[-1])
            if match:
                word = match.group(1)
                core = word.rstrip(_TRAILING_PUNCT) or word
                punctuation = word[len(core):]
                opening = core[:len(core) - len(core.lstrip(_OPENING_PUNCT))]
                if opening == core:
                    opening = ""
                if punctuation[:1] and punctuation[0] in "'’" and core[-1:].isalpha() and not opening.endswith(("'", "‘")):
                    core, punctuation = core + punctuation[0], punctuation[1:]
                core = core[len(opening):]
                items[-1] = items[-1][: match.start(1)] + opening
                if not items[-1]:
                    items.pop()
                mark.target = core
                mark.content = [core]
        items.append(mark)
        if punctuation:
            items.append(punctuation)

    @staticmethod
    def _variant_form(items: list[Inline], inner: str, raw: str) -> EditorialMark | None:
        """`Pak Heon-Yeong [Pak Hon Yong]`, `Yili [Ili]`, `Politburo [Politbiuro]`: another
        romanisation of the capitalised words right before the bracket (as many words, or one fewer:
        `Heon-Yeong` for `Hon Yong`), whichever is closer. Their letters must be close (`VARIANT_SIMILARITY`), not equal."""
        if not items or not isinstance(items[-1], str) or not _VARIANT_WORDS.fullmatch(inner):
            return None
        text = items[-1]
        if not text.endswith((" ", "\u00a0")):
            return None
        words = list(re.finditer(r"\S+", text))
        count = len(inner.split())
        best: tuple[float, list[re.Match[str]]] | None = None
        for n in sorted({count, max(count - 1, 1)}, reverse=True):
            chosen = words[-n:] if len(words) >= n else []
            if not chosen or not all(w.group()[0].isupper() for w in chosen):
                continue
            target = text[chosen[0].start():chosen[-1].end()]
            if n < count and "-" not in target:
                continue  # one word fewer only when a hyphen joins two of them
            before, after = _letters(target), _letters(inner)
            if before == after or len(after) < 3:
                continue
            ratio = SequenceMatcher(None, before, after).ratio()
            if ratio >= VARIANT_SIMILARITY and (best is None or ratio > best[0]):
                best = ratio, chosen  # the closest span: `Then Pak Heon-Yeong` is further from `Pak Hon Yong`
        if best is None:
            return None
        chosen = best[1]
        head = text[:chosen[0].start()]
        if head:
            items[-1] = head
        else:
            items.pop()
        return EditorialMark("variant-form", raw=raw, target=text[chosen[0].start():chosen[-1].end()],
                             content=[inner], variant=text[chosen[-1].end():])

    @staticmethod
    def _expansion(items: list[Inline], inner: str, raw: str) -> EditorialMark | None:
        """`CC BCP [Central Committee of the Bulgarian Communist Party]`: the initials of the
        bracketed words spell the capitals just before it."""
        if not items or not isinstance(items[-1], str) or not inner[:1].isupper():
            return None
        initials = "".join(w[0] for w in re.split(r"[\s\-]+", inner) if w and w.lower() not in _SMALL_WORDS and w[0].isalpha()).upper()
        before = items[-1]
        tokens = re.findall(r"\S+|\s+", before)
        abbr_tokens: list[str] = []
        for token in reversed(tokens):
            if token.isspace():
                abbr_tokens.append(token)
                continue
            if _ABBREVIATION.match(token):
                abbr_tokens.append(token)
                letters = "".join(ch for ch in "".join(reversed(abbr_tokens)) if ch.isalpha())
                if letters == initials:
                    abbr_text = "".join(reversed(abbr_tokens)).rstrip()
                    head = before[: len(before) - len("".join(abbr_tokens))]
                    items[-1] = head
                    if not head:
                        items.pop()
                    return EditorialMark("expansion", raw=raw, target=abbr_text, content=[inner])
                continue
            break
        return None


#: How close another romanisation is to the words before it (difflib's ratio of their letters).
VARIANT_SIMILARITY = 0.75
_VARIANT_WORDS = re.compile(r"[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*){0,3}")


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def page_number_mark(text: str) -> EditorialMark:
    """A typed page's number inside a paragraph, kept as typed (`(p. 1)`), its digits as `variant`."""
    return EditorialMark("page-number", raw=text, content=[text], variant=re.search(r"\d+", text).group(0))


def _matching_bracket(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _append_text(items: list[Inline], text: str) -> None:
    if not text:
        return
    if items and isinstance(items[-1], str):
        items[-1] += text
    else:
        items.append(text)


def parse_inline(text: str) -> tuple[list[Inline], list[str]]:
    parser = InlineParser()
    return parser.parse(text), parser.warnings
