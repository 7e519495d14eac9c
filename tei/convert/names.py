"""Names: the rule-based tagger that links the names of a TEI document to the registers of persons,
places and organisations (docs/encoding.md, "Names"); the registers are read by tei/core/registers.py.

Every tag the tagger makes can be explained by one rule: a form of a register entry (or one derived
from it: initials, transliteration hyphens, capitals), a title before a name, a surname of a person
the same document names in full, a role from a closed list, or, for names the registers do not know,
a run of capitalised words (an unlinked candidate). The text is never changed: only elements are
added around it, and `@ref` on name elements the encoder made.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Callable, Iterable, Iterator

from lxml import etree

from ..core.registers import KIND_OF_NAME, KINDS, Entry, Registers, fold, fold_hyphens, normal_space, text_without_roles
from ..core.tei import T, XML_LANG
from .speaker_labels import SHORT_NAME_DECLARED


#: where a TEI file finds the registers, relative to itself: an edition keeps tei/ and registers/ side by side
REGISTER_BASE = "../registers/"
ID_PATTERN = "([A-Za-z0-9._-]+)"

#: elements whose own text is searched for names (TEI allows name elements in all of them); of a
#: choice only the orig is, the name as written, so that one mention is one name (reg is the editor's form)
SEARCHED = {
    "p", "ab", "head", "seg", "addrLine", "signed", "salute", "dateline", "byline", "speaker", "stage", "note", "title",
    "bibl", "sic", "supplied", "unclear", "hi", "add", "abbr", "expan", "stamp", "roleName", "opener", "closer",
    "q", "quote", "l", "item", "label", "cell", "orig",
}
#: inline elements a name may run across ("Sok <sic>The</sic>"), when they hold only text
TRANSPARENT = {"sic", "supplied", "unclear", "hi", "add"}
#: nothing inside these is searched: names already, or values that are not prose
OPAQUE = {"persName", "placeName", "orgName", "rs", "name", "date", "idno", "term", "ref", "ptr", "desc", "foreign",
          "gap", "space", "num", "catDesc", "resp"}
#: in the header, only these parts hold the document's own words
HEADER_ZONES = {"title", "bibl", "abstract", "notesStmt", "licence"}
HEADER_SKIPPED = {"encodingDesc", "handNotes", "particDesc", "langUsage", "textClass", "respStmt", "revisionDesc"}
_TRANSPARENT_TAGS = {T + name for name in TRANSPARENT}
_LB = T + "lb"
_NOT_SEARCHED_TAGS = {T + name for name in OPAQUE | HEADER_SKIPPED}
_HEADER_ZONE_TAGS = {T + name for name in HEADER_ZONES}
_TEI_HEADER = T + "teiHeader"
_SEARCHED_TAGS = {T + name for name in SEARCHED}
_ROLE_NAME_TAGS = {T + "roleName"}
_BIBL = T + "bibl"
#: the names a speaker's label may hold (`Kim Gwang-hyeop [Kim Kwang Hyop] (to be abbreviated as Kim):`)
_LABEL_NAME_TAGS = (T + "persName", T + "rs")
#: the parenthesis of such a label that declares the speaker's short name
_SHORT_NAME_IN_LABEL = re.compile(r"\(\s*" + SHORT_NAME_DECLARED.pattern + r"\s*\)")
#: title-case or bibliographic text: register names are linked there, but no candidates are guessed
NO_CANDIDATES = {"title", "head", "bibl", "licence"}
_NO_CANDIDATES_TAGS = {T + name for name in NO_CANDIDATES}
#: languages that capitalise every noun: there a run of capitalised words is no sign of a name
#: ("die Vereinten Nationen", "mit dem Herrn Bundeskanzler"), so no candidates are guessed in their text
NOUNS_CAPITALISED = {"de", "lb"}
#: header elements whose whole value is a name: they get @ref themselves (TEI: att.naming, att.canonical)
WHOLE_VALUE = {"settlement": ("place",), "pubPlace": ("place",), "repository": ("org",), "publisher": ("org",),
               "funder": ("org",), "author": ("person", "org")}


def prefix_definitions(kinds: Iterable[str] = tuple(KINDS), base: str = REGISTER_BASE) -> etree._Element:
    """A `listPrefixDef` that makes "person:ID" resolvable: `../registers/persons.xml#ID`. It adds no
    text (the tagger never changes a document's text); docs/encoding.md explains it."""
    listing = etree.Element(T + "listPrefixDef")
    for kind in kinds:
        filename = KINDS[kind][0]
        etree.SubElement(listing, T + "prefixDef", ident=kind, matchPattern=ID_PATTERN,
                         replacementPattern=f"{base}{filename}#$1")
    return listing


# -- matching --------------------------------------------------------------------------------------------

_ADJECTIVE = (r"(?:(?:South|North|East|West) )?(?:Soviet|Korean|Chinese|Bulgarian|Romanian|Hungarian|Mongolian|"
              r"American|Japanese|Polish|Czechoslovak|Cuban|German|Vietnamese|Albanian|Yugoslav|Russian)")
_ROLE = (r"(?:(?:Deputy|First|Prime|General|Vice) )?(?:Foreign Minister|Minister of Foreign Affairs|Minister[ -][Cc]ounselor|"
         r"Minister|Ambassador|Chairman|Secretary|President|Premier|Director|Counselor|Charge d'Affaires|Consul)")
_HONORIFIC = r"(?:[Cc]omrade|c\.|[Cc]om\.|[Cc]des?\.|[Cc]ds\.|Mr\.|Mrs\.|Ms\.|Dr\.|[Cc]ounselor|[Aa]mbassador)"
#: a title just before a name: "Comrade", "counselor", "South Korean Foreign Minister", "Comrade Director"
TITLE_BEFORE = re.compile(rf"(?<![\w.])((?:(?:{_ADJECTIVE} )?{_ROLE} |{_HONORIFIC} ){{1,3}})$")
#: the last word of a candidate that may be a forename: one capitalised word, no initial
_FORENAME_END = re.compile(r"(?<![\w.'-])[A-Z][a-z]+$")
_SUPPLIED = T + "supplied"
#: the text before a supplied surname that ends with a title and a forename: `said that Comrade Wieslaw `
_TITLED_FORENAME = re.compile(rf"(?<![\w.])(?P<title>(?:{_HONORIFIC} ){{1,3}})(?P<forename>[A-Z][a-z]+) $")

#: at least the longest title TITLE_BEFORE can match (165 characters; tests/convert/test_names.py checks the
#: bound): searching for one only there before a name, instead of from the start of the text, finds
#: the same title and keeps long paragraphs with many names from taking quadratic time
_TITLE_WIDTH = 200
#: a role on its own: "Minister of Foreign Affairs", "the Ambassador", "the Korean Foreign Minister"
ROLE = re.compile(rf"(?<![\w-])(?:{_ADJECTIVE} )?{_ROLE}(?![\w-])")
#: titles anywhere: "Comrade", "the Soviet Ambassador"
TITLES = re.compile(rf"(?<![\w.])((?:(?:{_ADJECTIVE} )?{_ROLE} |{_HONORIFIC} ){{1,3}})")
LEADING_TITLES = re.compile(rf"^(?:(?:{_ADJECTIVE} )?{_ROLE} |{_HONORIFIC} )+")

_TOKEN = r"[A-Z][a-z]+(?:['-][A-Za-z]?[a-z]+)*"
_INITIAL = r"[A-Z][a-z]?\."
#: `(?<![\w.'-])(?:{_INITIAL} ){0,2}{_TOKEN}(?:(?: | of (?:the )?| for | de | von | van ){_TOKEN}){0,4}(?![\w-])`,
#: written to start with the capital every run starts with (and look behind it), so that the regex
#: engine skips to the capitals instead of trying the pattern at every character: twice as fast
CAPITALISED_RUN = re.compile(
    rf"[A-Z](?<![\w.'-][A-Z])(?:[a-z]?\. (?:{_INITIAL} )?{_TOKEN}|[a-z]+(?:['-][A-Za-z]?[a-z]+)*)"
    rf"(?:(?: | of (?:the )?| for | de | von | van ){_TOKEN}){{0,4}}(?![\w-])")
#: the text before a word that starts a sentence (or a line, or follows an element)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\ufffc]|[.!?:;]['\"])\s*$")
#: a surname and its initials after it, as Soviet minutes list those present: `Pelshe, A.Ia.`,
#: `Kuznetsov, V.V.` (a transliteration's two letters, `Ia.`, `Iu.`, are one initial). No name after
#: the initials: `However, A.I. Mikoyan said` is a sentence.
INVERTED_INITIALS = re.compile(
    r"([A-Z](?<![\w.'-][A-Z])[a-z][\w'-]*), (?:[A-Z][a-z]?\.){1,3}(?![\w-])(?![ \t]+[A-Z\ufffc])")
NAME_AFTER_TITLE = re.compile(rf"((?:{_INITIAL} ){{0,2}}{_TOKEN}(?: {_TOKEN}){{0,3}})(?![\w-])")

#: capitalised words that start sentences or are not names by themselves
FUNCTION_WORDS = set("""
The A An In On At To From By For Of And But Or Nor With As We He She It They I You Our His Her Its Their My Your
This That These Those There Here Every All Both Each Some Any No Not During After Before Since Several Taking
According Among Between Possibly Also However Although Though When While If Then Thus So Such Other Another
Many Most More Much One Two Three First Second Third Last Next Further Regarding Concerning Despite Under Over
Into Upon Within Without Through Across Against Because Only Even Yet Still Again Dear Sincerely Signed Yours
""".split())
DESCRIPTIVE = set("""
Soviet Soviets Korean Koreans Chinese Bulgarian Bulgarians Romanian Hungarian Mongolian American Japanese Polish
Czechoslovak Cuban German Vietnamese Albanian Yugoslav Russian European Asian Western Eastern Sino Socialist
Communist South North East West Comrade Comrades Mr Mrs Ms Dr Ambassador Minister Ministers Deputy Foreign
President Chairman Secretary General Director Counselor Head Member Prime Premier Charge Consul Telegram Memorandum
Note Message Letter Report Record Summary Source Rights Excerpt Conversation Translation English Secret Top Strictly
Confidential Government Party Embassy January February March April May June July August September October
November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Affairs Relations Republic People
""".split())
ORG_WORDS = set("""
Party Ministry Committee Embassy Council Department Directorate Archive Archives Foundation Program Programme
Institute University Agency Bank Bureau Commission Office Union Association League Front Army Navy Government
Cabinet Assembly Politburo Presidium Secretariat Company Corporation Center Centre Academy Society Federation
Congress Organization Organisation Legation Consulate Mission Project Press
""".split())
#: a person's function, which ends an organisation's name before it ("Secretariat Member")
ROLE_WORDS = set("""
Member Members Secretary Chairman Head Director Deputy Minister President Premier Counselor Counsellor Consul
Ambassador Chief Commander Representative Delegate
""".split())
#: an ordinal number in words: "Sixth", "Fourteenth", "Twenty-first"
ORDINAL = re.compile(
    r"(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-)?(?i:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|(?:Tenth|Eleventh|Twelfth|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teenth|"
    r"(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)tieth|Hundredth)")
#: what an ordinal counts when it is a sitting, not a name ("the Sixth Meeting", "the Fifth Plenum")
EVENT_WORDS = set("""
Meeting Meetings Session Sessions Sitting Sittings Round Rounds Plenum Plenary Congress Conference Summit Talks
""".split())
PLACE_WORDS = set("""
Province Region River Mountains Mountain Island Islands Sea Lake Street City County District Oblast Krai Peninsula
Bay Strait Valley Square Harbour Harbor Port Gulf Desert Plain Plateau
""".split())
#: what is named after a person without being the person: "Kim Il Sung University", "the Stalin Prize"
NAMED_AFTER_WORDS = ORG_WORDS | PLACE_WORDS | set("""
Prize Prizes Award Doctrine Mausoleum Museum Memorial Avenue Boulevard Stadium Hall Works Factory Plant School
College Library Palace Park Bridge Airport Station Canal Dam Hospital Order Medal
""".split())


@dataclass(frozen=True)
class Span:
    """Text to wrap: [start, end) of a container's flat text, as `tag` with `attrs`; `title` leading
    characters of it are a title (a roleName inside a persName)."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    title: int = 0


@dataclass(frozen=True)
class _LoneNames:
    """One-word names of a document: `alone`, the capitalised words that stand alone somewhere (no other
    name word beside them, titles and nationalities aside: `Ulanfu declared`, `c. Ulanfu`); `titled`,
    those just after a title (`Comrade Ulanfu`). Two of them side by side are two names
    (`with Tsedenbal Ulanfu announced`), not one."""

    alone: frozenset[str] = frozenset()
    titled: frozenset[str] = frozenset()


_NO_LONE_NAMES = _LoneNames()


class _Piece:
    """A stretch of a container's flat text: its text (`text`), a child's tail (`tail`), a child that
    names may run across (`atom`), or a child they may not (`barrier`)."""

    __slots__ = ("kind", "node", "start", "end")

    def __init__(self, kind: str, node: etree._Element, start: int, end: int):
        self.kind, self.node, self.start, self.end = kind, node, start, end


def _local(element: etree._Element) -> str:
    return element.tag[len(T):] if isinstance(element.tag, str) and element.tag.startswith(T) else ""


def _flatten(container: etree._Element) -> tuple[str, list[_Piece]]:
    """The container's own text as one string, children as atoms or barriers (a line break is "\\n")."""
    text = container.text or ""
    parts = [text]
    pieces = [_Piece("text", container, 0, len(text))]
    pos = len(text)
    for child in container:
        if child.tag in _TRANSPARENT_TAGS and len(child) == 0:
            kind, text = "atom", child.text or ""
        else:
            kind, text = "barrier", "\n" if child.tag == _LB else "\ufffc"
        tail = child.tail or ""
        middle = pos + len(text)
        pieces += (_Piece(kind, child, pos, middle), _Piece("tail", child, middle, middle + len(tail)))
        parts += (text, tail)
        pos = middle + len(tail)
    return "".join(parts), pieces


#: what a chosen span, or an atom that got names of its own, is in the flat text once it is wrapped
_BARRIER = "\ufffc"
_BARRIER_PLAIN = fold(_BARRIER, hyphens=False)


class _Flat:
    """A text the stages search, with its two folds made when first asked for (`plain` may be given:
    folding is done character by character, so a masked text's plain fold is made of its pieces' folds)."""

    __slots__ = ("text", "_plain", "_folded")

    def __init__(self, text: str, plain: str | None = None):
        self.text = text
        self._plain = plain
        self._folded: str | None = None

    @property
    def plain(self) -> str:
        """fold(text, hyphens=False)"""
        if self._plain is None:
            self._plain = fold(self.text, hyphens=False)
        return self._plain

    @property
    def folded(self) -> str:
        """fold(text)"""
        if self._folded is None:
            self._folded = fold_hyphens(self.plain)
        return self._folded


class _Text:
    """A container through the stages of one `NameTagger.tag`: flattened once, its spans are chosen
    stage after stage in memory and wrapped together (`wrap`). Each stage searches the flat text as the
    tree would have it had the earlier stages' spans been wrapped: each span, and each atom that got
    names of its own, is one barrier character there (`view`). Wrapping every stage's spans and
    flattening and searching every container again in each of the six or so stages was most of the
    tagger's time."""

    __slots__ = ("element", "alive", "in_role", "host", "at", "atoms", "outer", "spans", "_original", "_pieces",
                 "_masks", "_view", "_mask_at", "_segments")

    def __init__(self, element: etree._Element):
        self.element = element
        #: False once a span of the container this is an atom of took it into a name
        self.alive = True
        #: taken into a roleName by a span of its container: no roles are searched in it
        self.in_role = False
        #: the container this is an atom of, and where (`at`) in its flat text, while it is one
        self.host: _Text | None = None
        self.at = (0, 0)
        self.atoms: list[_Text] = []
        #: of an orig: the container its parent is a child of, and the parent's piece there (`_opens_sentence`)
        self.outer: tuple[_Text, int] | None = None
        #: the spans chosen and not wrapped yet, in the flat text of `_original` and `_pieces`, in order
        self.spans: list[Span] = []
        text, self._pieces = _flatten(element)
        self._original = _Flat(text)
        self._masks: list[tuple[int, int]] = []  # sorted stretches of the flat text that are barriers now
        self._view: _Flat | None = self._original
        self._mask_at: list[int] = []  # where each mask is in the view
        self._segments: list[tuple[int, int]] = [(0, 0)]  # (view offset, flat offset) of the text after each

    @property
    def text(self) -> str:
        """The flat text the spans are in."""
        return self._original.text

    @property
    def pieces(self) -> list[_Piece]:
        if self._pieces is None:  # the tree changed since: the view is what flattening gives now
            self._pieces = _flatten(self.element)[1]
        return self._pieces

    def view(self) -> _Flat:
        """The flat text the next stage searches."""
        if self._view is None:
            text, plain = self._original.text, self._original.plain
            texts, plains, self._mask_at, self._segments = [], [], [], [(0, 0)]
            pos = shown = 0
            for start, end in self._masks:
                texts.append(text[pos:start])
                plains.append(plain[pos:start])
                shown += start - pos
                self._mask_at.append(shown)
                shown += 1
                pos = end
                self._segments.append((shown, end))
            texts.append(text[pos:])
            plains.append(plain[pos:])
            self._view = _Flat(_BARRIER.join(texts), _BARRIER_PLAIN.join(plains))
        return self._view

    def place(self, chosen: list[Span]) -> list[Span]:
        """Keep the chosen spans of the view that can be wrapped (those `_wrap_spans` would wrap) and
        return them; from now on they are barriers of the view, and so is this atom in its container's."""
        text = self.view().text
        placed, spans = [], []
        for span in chosen:
            if _parts_a_letter(text, span.start, span.end):
                continue
            index = bisect_left(self._mask_at, span.start)
            if index < len(self._mask_at) and self._mask_at[index] < span.end:
                continue  # it runs across an element an earlier stage made
            shown, flat = self._segments[index]
            moved = Span(span.start - shown + flat, span.end - shown + flat, span.tag, span.attrs, span.title)
            fits = _wrappable(self.pieces, moved)
            while not fits and span.title:
                # a title that begins inside an element the name cannot take in ("[CPSU CC Secretary]
                # Comrade [Yuri] Andropov"): its words there are left out, the name keeps the rest
                space = text.find(" ", span.start, span.start + span.title - 1)
                if space < 0:
                    break
                cut = space + 1 - span.start
                span = replace(span, start=span.start + cut, title=span.title - cut)
                moved = replace(moved, start=moved.start + cut, title=moved.title - cut)
                fits = _wrappable(self.pieces, moved)
            if fits:
                placed.append(span)
                spans.append(moved)
        if spans:
            self.spans += spans
            self.spans.sort(key=attrgetter("start"))  # two sorted runs: a merge
            self._mask(*((s.start, s.end) for s in spans))
            for atom in self.atoms:
                if atom.host is not self:
                    continue
                (start, end) = atom.at
                index = bisect_right(spans, start, key=attrgetter("start")) - 1  # the last span starting before
                taker = spans[index] if index >= 0 and end <= spans[index].end and start < spans[index].end else None
                if taker is not None:  # it moves into the new element: searched on only inside a roleName
                    atom.host = None
                    atom.alive = atom.in_role = taker.tag == "roleName"
            if self.host is not None:
                self.host._mask(self.at)
                self.host = None
        return placed

    def _mask(self, *stretches: tuple[int, int]) -> None:
        self._masks = sorted(self._masks + list(stretches))
        self._view = None

    def text_before(self, index: int) -> tuple[str, bool]:
        """The text just before its piece `index` (a barrier) once the chosen spans are wrapped, and
        whether an element comes before it."""
        before = self.pieces[index - 1]
        last = bisect_right(self.spans, before.end, key=attrgetter("end")) - 1  # the last span ending there or before
        if last >= 0 and self.spans[last].end > before.start:
            return self.text[self.spans[last].end:before.end], True
        return self.text[before.start:before.end], before.kind == "tail"

    def wrap(self) -> list[tuple[Span, etree._Element]]:
        """Wrap the chosen spans into the tree; the view is the flat text from now on."""
        wrapped = []
        if self.spans:
            wrapped = list(_wrap_spans(self.element, self.pieces, self.spans))
        if self._masks:
            view = self.view()
            ends = [end for _, end in self._masks]
            for atom in self.atoms:
                if atom.host is self:
                    shown, flat = self._segments[bisect_right(ends, atom.at[0])]
                    atom.at = (atom.at[0] - flat + shown, atom.at[1] - flat + shown)
            self._original, self._pieces, self._masks, self._mask_at, self._segments = view, None, [], [], [(0, 0)]
        self.spans = []
        return wrapped


def _mark(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] == "M"


def _parts_a_letter(text: str, start: int, end: int) -> bool:
    """Whether a span would part a letter from an accent written after it as a character of its own
    (decomposed text: "A" + U+0301 for "Á"), which the searches' word boundaries do not see as part
    of the word: "A\u0301Aa" holds no name "Aa", and a span must not end before its last letter's accent."""
    first = text[start:start + 1]
    return (_mark(first) or _mark(text[end:end + 1])
            or (start > 0 and _mark(text[start - 1]) and first.isalnum()))


def _first_ending_at_or_after(pieces: list[_Piece], pos: int) -> int:
    """The index of the first piece that ends at or after `pos`. Pieces follow one another in the flat
    text, so their ends never decrease and a binary search finds it: scanning the pieces from the first
    for every span made tagging a long paragraph with many names quadratic."""
    return bisect_left(pieces, pos, key=attrgetter("end"))


def _piece_at(pieces: list[_Piece], pos: int, edge: str) -> tuple[_Piece, int] | None:
    """The text piece where a span may start (edge="start") or end (edge="end") at `pos`, with the
    offset into it; an atom may be entered or left only at its edges; None when the span cannot."""
    for index in range(_first_ending_at_or_after(pieces, pos), len(pieces)):
        piece = pieces[index]
        if piece.start > pos:  # and so do all the pieces after it
            break
        if piece.kind in ("text", "tail") and piece.start <= pos <= piece.end:
            if edge == "start" and pos == piece.end and piece.end > piece.start:
                continue
            if edge == "end" and pos == piece.start and piece.end > piece.start:
                continue
            return piece, pos - piece.start
        if piece.kind == "atom" and pos == (piece.start if edge == "start" else piece.end):
            return piece, -1
    return None


def _runs_across_barrier(pieces: list[_Piece], span: Span) -> bool:
    """Whether a child that names may not run across is inside the span."""
    for index in range(_first_ending_at_or_after(pieces, span.start + 1), len(pieces)):
        piece = pieces[index]
        if piece.start >= span.end:
            return False
        if piece.kind == "barrier":
            return True
    return False


def _wrappable(pieces: list[_Piece], span: Span) -> bool:
    """Whether `_wrap_spans` wraps the span."""
    return (_piece_at(pieces, span.start, "start") is not None and _piece_at(pieces, span.end, "end") is not None
            and not _runs_across_barrier(pieces, span))


def _wrap_spans(container: etree._Element, pieces: list[_Piece],
                spans: list[Span]) -> Iterator[tuple[Span, etree._Element]]:
    """Wrap the chosen spans from the last to the first, so that the pieces of the flat text before each
    stay where they were; the spans that lie inside one text piece together are wrapped at once."""
    located = [(span, _piece_at(pieces, span.start, "start"), _piece_at(pieces, span.end, "end"))
               for span in spans]

    def in_one_text(index: int) -> _Piece | None:
        _, start, end = located[index]
        if start is not None and end is not None and start[0] is end[0] and start[0].kind in ("text", "tail"):
            return start[0]
        return None

    index = len(located) - 1
    while index >= 0:
        piece = in_one_text(index)
        if piece is None:
            element = _wrap_across(container, pieces, *located[index])
            if element is not None:
                yield located[index][0], element
            index -= 1
            continue
        first = index
        while first > 0 and in_one_text(first - 1) is piece:
            first -= 1
        group = [span for span, _, _ in located[first:index + 1]]
        for span, element in reversed(list(zip(group, _wrap_in_text(container, piece, group)))):
            yield span, element
        index = first - 1


def _wrap_across(container: etree._Element, pieces: list[_Piece], span: Span, start: tuple[_Piece, int] | None,
                 end: tuple[_Piece, int] | None) -> etree._Element | None:
    """Put an element around [start, end) of the flat text where it runs across children (`start` and
    `end` are the pieces `_piece_at` found for its edges; a span inside one text is `_wrap_in_text`'s),
    moving whole children into it. (The new element is placed next to a child, not at an index: listing
    the children to find one, for every span, made long paragraphs with many names quadratic.)"""
    if start is None or end is None or _runs_across_barrier(pieces, span):
        return None
    element = etree.Element(T + span.tag, dict(span.attrs))
    (s_piece, s_off), (e_piece, e_off) = start, end
    if s_piece.kind == "atom":
        first_node = s_piece.node
    else:
        text = (container.text if s_piece.kind == "text" else s_piece.node.tail) or ""
        element.text = text[s_off:]
        if s_piece.kind == "text":
            container.text = text[:s_off]
            first_node = container[0]
        else:
            s_piece.node.tail = text[:s_off]
            first_node = s_piece.node.getnext()
    last_node = e_piece.node
    tail = last_node.tail or ""
    offset = 0 if e_piece.kind == "atom" else e_off
    last_node.tail, after = tail[:offset] or None, tail[offset:]
    first_node.addprevious(element)  # after the text or tail before it
    child = first_node
    while True:  # the children from first_node to last_node, with their tails, into the new element
        following = child.getnext()
        element.append(child)
        if child is last_node:
            break
        child = following
    element.tail = after or None
    _title_inside(element, span)
    return element


def _wrap_in_text(container: etree._Element, piece: _Piece, spans: list[Span]) -> list[etree._Element]:
    """Put an element around each of `spans` (in order, all inside the one text or tail `piece`), cutting
    the text once: wrapping them one at a time copied the rest of the text for each, so a paragraph with
    many names was quadratic."""
    text = (container.text if piece.kind == "text" else piece.node.tail) or ""
    offsets = [(span.start - piece.start, span.end - piece.start) for span in spans]
    elements = []
    for index, (span, (start, end)) in enumerate(zip(spans, offsets)):
        element = etree.Element(T + span.tag, dict(span.attrs))
        element.text = text[start:end]
        following = offsets[index + 1][0] if index + 1 < len(offsets) else len(text)
        elements.append((element, text[end:following]))
    head = text[:offsets[0][0]]
    previous = None
    for element, tail in elements:
        if previous is not None:
            previous.addnext(element)
        elif piece.kind == "text":
            container.text = head
            container.insert(0, element)
        else:
            piece.node.tail = head
            piece.node.addnext(element)  # after the child and its tail, before the next child
        element.tail = tail
        previous = element
    for (element, _), span in zip(elements, spans):
        _title_inside(element, span)
    return [element for element, _ in elements]


def _title_inside(element: etree._Element, span: Span) -> None:
    """The title's words at the start of the name in a roleName. Where the title runs into an atom
    (`Com<supplied>rade</supplied> F. Kuznetsov`), the roleName holds the atoms up to the title's end;
    where the title ends inside an atom, the roleName is the title's whole words before the atom
    (`comrade <supplied>Soviet Foreign Minister Eduard</supplied>`), or none: part of a word (`Com`) is no title."""
    if not span.title:
        return
    head = element.text or ""
    flat = head + "".join((child.text or "") + (child.tail or "") for child in element)  # atoms only: _flatten's
    length = len(flat[:span.title].rstrip())
    end = _title_end(element, len(head), length) if length > len(head) else None
    if length > len(head) and end is None:
        if not head[-1:].isspace():
            return
        length = len(head.rstrip())  # the title's words before the atom it ends inside
    if not length:
        return
    role = etree.Element(T + "roleName")
    if end is None:
        role.text, role.tail = head[:length], head[length:]
    else:
        atoms, cut = end
        covered = element[:atoms]
        tail = covered[-1].tail or ""
        role.text, role.tail = head or None, tail[cut:] or None
        covered[-1].tail = tail[:cut] or None
        role.extend(covered)
    element.text = None
    element.insert(0, role)


def _title_end(element: etree._Element, pos: int, length: int) -> tuple[int, int] | None:
    """Where a title of `length` characters of the name's flat text ends, the name's own text taking
    `pos` of them, when it ends in a text between its atoms or at an atom's end: how many atoms it
    covers and how much of the last one's tail; None when it ends inside an atom."""
    for atoms, child in enumerate(element, 1):
        pos += len(child.text or "")
        if pos > length:
            return None
        tail = child.tail or ""
        if pos + len(tail) >= length:
            return atoms, length - pos
        pos += len(tail)
    return None


def _longest_first(forms: Iterable[str]) -> re.Pattern | None:
    r"""One pattern for all the forms, each a whole word sequence (any run of spaces for a space): where
    several forms match at a position, the longest wins.

    It matches exactly what `(?<!\w)(?:form1|form2|...)(?!\w)`, longest form first, would, but is several
    times faster to search. The forms are grouped by their first character, and the pattern starts with
    that character: the regex engine then skips to the positions where a form may start, and tries there
    only the forms that start with the character found. The order of the forms is kept within a group;
    forms of different groups never match at the same position. The word boundary before a form,
    `(?<!\w)`, is checked just after its first character, as `(?<!\w[\s\S])`: no word character
    before that character.
    """
    forms = sorted(set(forms), key=lambda f: (-len(f), f))
    if not forms:
        return None
    groups: dict[str, list[str]] = {}
    for form in forms:
        if form:
            rest = _spaced(form[1:])
            # " +" is " " and " *": the group's first character takes the first space
            groups.setdefault(form[0], []).append(" *" + rest if form[0] == " " else rest)
    alternatives = [rf"{re.escape(first)}(?<!\w[\s\S])(?:{'|'.join(rests)})" for first, rests in groups.items()]
    if "" in forms:  # an empty form matches anywhere, after every other form
        alternatives.append(r"(?<!\w)")
    return re.compile(rf"(?:{'|'.join(alternatives)})(?!\w)")


_SPACES = re.compile(" +")


def _spaced(form: str) -> str:
    """The form as a pattern in which a space is any run of spaces."""
    return re.escape(form).replace(r"\ ", " +")


def _search_all(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Every match, retrying one character on when a match is refused by the caller (see `_choose`)."""
    pos = 0
    while pos <= len(text):
        match = pattern.search(text, pos)
        if match is None:
            return
        yield match
        pos = match.start() + 1


def _choose(candidates: Iterable[Span]) -> list[Span]:
    """Leftmost, then longest, spans that do not overlap."""
    chosen: list[Span] = []
    for span in sorted(candidates, key=lambda s: (s.start, -(s.end - s.start))):
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    return chosen


class FormIndex:
    """Finds the forms of a set of entries in text, as written or in capitals."""

    def __init__(self, entries: Iterable[tuple[str, Entry]]):
        self.entry_of: dict[str, Entry] = {}
        for form, entry in entries:
            self.entry_of.setdefault(fold(form), entry)
        self.as_written = _longest_first(self.entry_of)
        self.capitals = _longest_first(f.upper() for f in self.entry_of)
        self.entry_of_capitals = {f.upper(): e for f, e in reversed(list(self.entry_of.items()))}

    def find(self, folded: str) -> Iterator[tuple[int, int, Entry]]:
        for pattern, table in ((self.as_written, self.entry_of), (self.capitals, self.entry_of_capitals)):
            if pattern is None:
                continue
            for match in _search_all(pattern, folded):
                entry = table.get(_SPACES.sub(" ", match.group()))
                if entry is not None:
                    yield match.start(), match.end(), entry


@lru_cache(maxsize=256)
def _document_index(forms: tuple[tuple[str, Entry], ...]) -> FormIndex:
    """A FormIndex of forms one document fixes (its generic names, its surnames), shared by the
    documents that fix the same ones (a corpus names the same people again and again): folding the
    forms and building the patterns for every document took some 4% of the tagger's time. A
    FormIndex is not changed once made."""
    return FormIndex(forms)


# -- the tagger ------------------------------------------------------------------------------------------

@dataclass
class TaggingReport:
    """What the tagger did to one document: links by entry, and the unlinked candidates."""

    links: Counter = field(default_factory=Counter)
    candidates: list[str] = field(default_factory=list)


def _supplied_surname(supplied: etree._Element) -> etree._Element | None:
    """The linked persName of a translator's supplied surname: `<persName ref><supplied>Gomulka</supplied>
    </persName>` or `<supplied><persName ref>Gomulka</persName></supplied>`, nothing else in either."""
    parent = supplied.getparent()
    if len(supplied) == 0:
        linked = parent
        if linked.tag != T + "persName" or len(linked) != 1 or (linked.text or "").strip() \
                or (supplied.tail or "").strip():
            return None
        surname = supplied.text or ""
    else:
        linked = supplied[0]
        if len(supplied) != 1 or linked.tag != T + "persName" or len(linked) or (supplied.text or "").strip() \
                or (linked.tail or "").strip():
            return None
        surname = linked.text or ""
    if not linked.get("ref") or not re.fullmatch(r"[A-Z][\w'-]+", surname):
        return None
    return linked


class NameTagger:
    """Tags persons, places, organisations and roles in a TEI tree and links them to the registers.

    Stages, in order: (1) name elements the encoder made, and header values that are whole names,
    get `@ref`; (2) register forms in the text, with a title just before a person's name taken in as a
    roleName (then the generic forms the document fixes, and those left); (3) a surname alone ("Kim's
    telegram") when exactly one person of that surname is named in the document; (4) roles from a
    closed list; (5) capitalised runs the registers do not know, as unlinked candidates
    (`type="candidate"`, no `@ref`), then the same names wherever else they occur in the document.
    Then a `listPrefixDef` declares the pointers' prefixes. Each stage sees the names the earlier
    ones found as elements, but the tree is walked once: the containers are flattened once, and their
    spans are chosen in memory (`_Text`) and wrapped after stage 5, and after the repeated candidates.
    """

    def __init__(self, registers: Registers | None = None):
        self.registers = registers if registers is not None else Registers.package()
        self.index = FormIndex((form, entry) for entry in self.registers.entries.values() for form in entry.forms)
        #: every generic form, to tag it (without @ref) where the document does not fix which entry it is
        self.generic_index = FormIndex((form, entries[0]) for form, entries in self.registers.by_generic.items())
        self.forenames = {name for entry in self.registers.entries.values() for name in entry.forenames}
        #: pointer -> entry: a corpus uses the same pointers again and again
        self._resolve = lru_cache(maxsize=4096)(self.registers.resolve)

    def tag(self, tree: etree._ElementTree | etree._Element) -> TaggingReport:
        """Tag the tree in place; running it again changes nothing."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        report = TaggingReport()
        self._link_existing(root, report)
        texts = self._texts(root)
        lone = _lone_names(texts)
        self._stage(texts, lambda flat, text: self._register_spans(flat, self.index, lone=lone), report)
        generic = self._generic_index(_refs(root, texts))
        if generic is not None:
            self._link_existing(root, report, generic, cert="medium")
            self._stage(texts, lambda flat, text: self._fixed_generic_spans(flat, generic, lone), report)
        if self.registers.by_generic:
            self._stage(texts, self._generic_spans, report)
        surnames = self._surname_index(root, texts, lone)
        if surnames is not None:
            self._link_existing(root, report, surnames)
            self._link_generic_spans(texts, report, surnames)
            self._stage(texts, lambda flat, text: self._register_spans(flat, surnames, cert="medium", lone=lone),
                        report)
        self._stage(texts, self._role_spans, report)
        self._stage(texts, lambda flat, text: self._candidate_spans(flat, text, lone), report, candidates=True)
        roles = self._wrap(texts)
        seen = {fold(name, hyphens=False): _local(element) for name, element in _unlinked(root)}
        if seen:
            texts = self._with_roles(texts, roles)
            pattern = _longest_first(seen)
            self._stage(texts, lambda flat, text: self._repeated_candidate_spans(flat, text, seen, pattern),
                        report, candidates=True)
            self._wrap(texts)
        self._tag_declared_short_names(root, report)
        self._join_forenames_to_supplied_surnames(root, report)
        self._declare_prefixes(root)
        return report

    # -- stages ---------------------------------------------------------------------------------------

    def _link_existing(self, root: etree._Element, report: TaggingReport,
                       index: FormIndex | None = None, cert: str = "") -> None:
        """@ref on persName/placeName/orgName without one, and on header values that are whole names."""
        for element in root.iter(*(T + n for n in (*KIND_OF_NAME, *WHOLE_VALUE))):
            name = _local(element)
            if element.get("ref") or element.get("type") == "candidate" or (name in WHOLE_VALUE and len(element)):
                continue
            entry = self._entry_named(name, "".join(element.itertext()), index)
            if entry is not None:
                element.set("ref", entry.ref)
                if cert:
                    element.set("cert", cert)
                report.links[entry.ref] += 1

    def _entry_named(self, name: str, text: str, index: FormIndex | None) -> Entry | None:
        """The entry (of `index`, or else of the registers) whose form is the whole text of a `name` element."""
        kinds = WHOLE_VALUE.get(name) or (KIND_OF_NAME[name],)
        # a title inside an existing name ("Comrade X") is not part of the register's form
        stripped = LEADING_TITLES.sub("", normal_space(text))
        if index is None:
            return self.registers.lookup(stripped, kinds)
        entry = index.entry_of.get(fold(stripped))
        return entry if entry is not None and entry.kind in kinds else None

    def _link_generic_spans(self, texts: list[_Text], report: TaggingReport, index: FormIndex) -> None:
        """`_link_existing` for the generic names chosen but not wrapped yet: a name element without @ref
        by the time the surnames are linked."""
        for text in texts:
            for number, span in enumerate(text.spans):
                if span.attrs != (("type", "generic"),):
                    continue
                entry = self._entry_named(span.tag, text.text[span.start:span.end], index)
                if entry is not None:
                    text.spans[number] = replace(span, attrs=span.attrs + (("ref", entry.ref),))
                    report.links[entry.ref] += 1

    def _register_spans(self, flat: _Flat, index: FormIndex, cert: str = "",
                        lone: _LoneNames = _NO_LONE_NAMES) -> list[Span]:
        plain = flat.plain
        spans = []
        for start, end, entry in index.find(flat.folded):
            title = 0
            if entry.kind == "person":
                before = _title_before(plain, start)
                if self._names_another(plain, start, end, entry, before is not None, lone):
                    continue
                if before and "\n" not in before.group(1) and "\ufffc" not in before.group(1):
                    title = len(before.group(1))
            attrs = (("ref", entry.ref),) + ((("cert", cert),) if cert else ())
            spans.append(Span(start - title, end, KINDS[entry.kind][1], attrs, title))
        return spans

    def _names_another(self, plain: str, start: int, end: int, entry: Entry, titled: bool,
                       lone: _LoneNames = _NO_LONE_NAMES) -> bool:
        """Whether a person's one-word form found at start:end is part of another person's name: a
        forename before it ("Raisa Gorbachev"), an initial not of the entry's forenames ("R. Castro")
        or given names after it ("Kim Jong Il"). A wrong link is worse than none, so such a form is
        left to the candidates, which take the whole name. A one-word name of the document beside it
        is a name of its own (`_two_lone_names`). `titled`: a title ends at `start` (`_title_before`)."""
        after = _NAME_WORD_AFTER.match(plain, end)
        if " " in plain[start:end].strip():
            # "Kim Il Sung University", "Kim Il Sung Square": named after the person
            return bool(after) and after.group(1).title() in NAMED_AFTER_WORDS
        before = _word_before(plain, start)
        if after and not _ordinary_word(after.group(1)):
            return not (self._two_lone_names(plain[start:end], after.group(1), lone)
                        and _alone_beside(plain, start, after.end()))
        if before is None:
            return False
        word = before.group(1)
        if titled:
            return False  # a title's last word is no forename, nor an initial ("c. Gorbachev")
        if self._two_lone_names(word, plain[start:end], lone) and _alone_beside(plain, before.start(1), end):
            return False
        if word.endswith("."):
            return bool(entry.forenames) and not any(name.startswith(word[0]) for name in entry.forenames)
        if word in entry.forenames or _ordinary_word(word):
            return False
        # a capital that may be the sentence's ("Yesterday Gorbachev said"): another's name only when it
        # is a forename the registers know
        return word in self.forenames or not _starts_sentence(plain, before.start(1))

    def _sentence_word_before_named_after(self, tokens: list[tuple[int, int, str]], lone: _LoneNames) -> int:
        """How many tokens at the start of a run that opens a sentence are a common word's and its
        connector's before what is named after a person: 2 of "Students of Kim Il Sung University"
        (its capital is the sentence's), none of "Ministry of ..." or "Order of Lenin"."""
        first = tokens[0][2]
        if len(tokens) < 4 or tokens[1][2] not in {"of", "for"} or first in NAMED_AFTER_WORDS or _ordinary_word(first):
            return 0
        skip = 3 if tokens[2][2] == "the" else 2
        named, last = " ".join(t[2] for t in tokens[skip:-1]), tokens[-1][2]
        if not named or last not in NAMED_AFTER_WORDS:
            return 0
        entry = self.index.entry_of.get(fold(named))
        person = (entry is not None and entry.kind == "person") or named in lone.alone or named in lone.titled
        return skip if person else 0

    def _two_lone_names(self, first: str, second: str, lone: _LoneNames) -> bool:
        """Whether `first second` are two one-word names side by side, not one name: the first a one-word
        form of a register person or a name after a title elsewhere in the document, the second a word
        the document has alone elsewhere, and the first no forename ("Fidel Castro", "Kim Il Sung":
        one name each)."""
        if first not in lone.titled:
            entry = self.index.entry_of.get(fold(first))
            if entry is None or entry.kind != "person":
                return False
        return second in lone.alone and first not in self.forenames and second not in self.forenames

    def _generic_index(self, refs: list[str]) -> FormIndex | None:
        """Generic forms the document fixes: of the entries that have the form, exactly one is named in
        the document by one of its own forms ("the Chinese Foreign Ministry" makes "Foreign Ministry"
        the Chinese one). Two named (a Bulgarian record on the Korean Foreign Ministry) or none: no link."""
        named = {self._resolve(ref) for ref in set(refs)}
        fixed = []
        for form, entries in self.registers.by_generic.items():
            found = [entry for entry in entries if entry in named]
            if len(found) == 1:
                fixed.append((form, found[0]))
        return _document_index(tuple(fixed)) if fixed else None

    def _fixed_generic_spans(self, flat: _Flat, index: FormIndex, lone: _LoneNames) -> list[Span]:
        """The generic names the document fixes, linked (cert medium), except one another word qualifies:
        in a record of the Korean Foreign Ministry, "the Hungarian Foreign Ministry" or "the Foreign
        Ministry of Hungary" is not the Korean one (the registers' own forms were found before). A word
        of the entry's own forms ("[North Korean] F[oreign] M[inistry]") is no other owner."""
        plain = flat.plain
        spans = []
        for span in self._register_spans(flat, index, cert="medium", lone=lone):
            entry = self._resolve(dict(span.attrs)["ref"])
            own = {word for form in entry.forms for word in form.split()} if entry is not None else set()
            if not _qualified(plain, span.start, span.end, own):
                spans.append(span)
        return spans

    def _generic_spans(self, flat: _Flat, text: _Text) -> list[Span]:
        """Generic names left: tagged as names of their kind, `type="generic"`, without @ref."""
        return [Span(start, end, KINDS[entry.kind][1], (("type", "generic"),))
                for start, end, entry in self.generic_index.find(flat.folded)]

    def _role_spans(self, flat: _Flat, text: _Text) -> list[Span]:
        if text.in_role or _in_any(text.element, _ROLE_NAME_TAGS) or text.element.tag == _BIBL:
            # a bibl holds no roleName of its own (only a name's, inside its persName)
            return []
        return [Span(m.start(), m.end(), "roleName") for m in ROLE.finditer(flat.plain)]

    def _candidate_spans(self, flat: _Flat, text: _Text, lone: _LoneNames = _NO_LONE_NAMES) -> list[Span]:
        """Unknown names: a run of capitalised words not at the start of a sentence, words after a title,
        or a surname with its initials after it."""
        container = text.element
        if _in_any(container, _NO_CANDIDATES_TAGS) or _language(container) in NOUNS_CAPITALISED:
            return []
        folded = flat.plain
        opens = _opens_sentence(container.getparent(), text.outer) if _local(container) == "orig" else True
        spans = []
        for match in CAPITALISED_RUN.finditer(folded):
            for start, end in _name_parts(folded, match.start(), match.end()):
                span = self._candidate(folded, start, end, opens, lone)
                if span is not None:
                    spans.append(span)
        for inverted in INVERTED_INITIALS.finditer(folded):
            surname = inverted.group(1)
            if not (_descriptive(surname) or surname in self.forenames):
                spans.append(Span(inverted.start(), inverted.end(), "persName", (("type", "candidate"),)))
        for title in TITLES.finditer(folded):
            name = NAME_AFTER_TITLE.match(folded, title.end())
            if name is None:
                continue
            tokens = name.group(1).split()
            if all(_descriptive(t) or t in self.forenames or t in FUNCTION_WORDS for t in tokens if not t.endswith(".")):
                continue
            spans.append(Span(title.start(), name.end(1), "persName", (("type", "candidate"),), len(title.group(1))))
        return spans

    @staticmethod
    def _repeated_candidate_spans(flat: _Flat, text: _Text, seen: dict[str, str],
                                  pattern: re.Pattern) -> list[Span]:
        """A candidate found once is one everywhere in the document, at the start of a sentence too
        (`pattern` finds the names of `seen`)."""
        if _in_any(text.element, _NO_CANDIDATES_TAGS):
            return []
        return [Span(m.start(), m.end(), seen[m.group()], (("type", "candidate"),))
                for m in _search_all(pattern, flat.plain) if m.group() in seen]

    def _candidate(self, folded: str, start: int, end: int, opens: bool = True,
                   lone: _LoneNames = _NO_LONE_NAMES) -> Span | None:
        """`opens`: whether the text itself stands at the start of a sentence (an orig's may not)."""
        tokens = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", folded[start:end])]
        while tokens:
            # "the Sixth Meeting (of the Assembly)": a sitting, not a name
            sitting = len(tokens) > 1 and tokens[1][2] in EVENT_WORDS and ORDINAL.fullmatch(tokens[0][2])
            if not (sitting or tokens[0][2] in FUNCTION_WORDS or tokens[0][2] in {"of", "the", "for", "de", "von", "van"}):
                break
            del tokens[:2 if sitting else 1]
        while tokens and (tokens[-1][2] in FUNCTION_WORDS or tokens[-1][2].islower()):
            tokens.pop()
        opening = _starts_sentence(folded, start) if folded[:start].strip() else opens
        if tokens and opening and tokens[0][0] == start:
            common = self._sentence_word_before_named_after(tokens, lone)
            if common:
                del tokens[:common]
                opening = False
        words = [t[2] for t in tokens if not t[2].islower()]
        if len(words) < 2 or all(_descriptive(w) for w in words):
            return None
        if len(tokens) == 2 and self._two_lone_names(words[0], words[1], lone):
            return None  # two names side by side: each is tagged where it is a candidate (the repeated stage)
        if any(w.rstrip(".") in ORG_WORDS for w in words):
            tag = "orgName"
        elif any(w in PLACE_WORDS for w in words):
            tag = "placeName"
        elif any(_descriptive(w) for w in words):
            return None
        elif words[0].endswith("."):
            tag = "persName"
        elif opening:
            return None  # "Economic Cooperation grew": capitals that may be the sentence's, not a name's
        else:
            tag = "rs"
        return Span(tokens[0][0], tokens[-1][1], tag, (("type", "candidate"),))

    def _surname_index(self, root: etree._Element, texts: list[_Text],
                       lone: _LoneNames = _NO_LONE_NAMES) -> FormIndex | None:
        """Surnames of the persons named in full, when no other person named has the same surname."""
        unique = self._unique_surnames(_refs(root, texts))
        if len({fold(surname).upper() for surname, _ in unique}) < len(unique):
            # two surnames fold alike: the index takes the one the document names first
            unique = self._unique_surnames(_refs(root, texts, in_order=True))
        if not unique:
            return None
        index = _document_index(tuple(unique))
        # "Kim Il Sung ... Kim Jong Il ... Kim said": a surname another person named here also has is
        # nobody's alone
        shared = {entry for text in texts if text.alive for flat in (text.view(),)
                  for start, end, entry in index.find(flat.folded)
                  if self._names_another(flat.plain, start, end, entry, _title_before(flat.plain, start) is not None,
                                         lone)}
        if shared:
            unique = [(surname, entry) for surname, entry in unique if entry not in shared]
            index = _document_index(tuple(unique)) if unique else None
        return index

    def _unique_surnames(self, refs: list[str]) -> list[tuple[str, Entry]]:
        """(surname, person) for each surname only one person of `refs` has, in the order `refs` first name them."""
        by_surname: dict[str, set[Entry]] = {}
        for ref in dict.fromkeys(refs):
            entry = self._resolve(ref)
            if entry is not None and entry.kind == "person" and entry.surname:
                by_surname.setdefault(entry.surname, set()).add(entry)
        return [(surname, next(iter(found))) for surname, found in by_surname.items() if len(found) == 1]

    @staticmethod
    def _tag_declared_short_names(root: etree._Element, report: TaggingReport) -> None:
        """A turn's label that declares the speaker's short name (`Kim Gwang-hyeop (to be abbreviated as
        Kim):`) makes it that person's in the labels of the speaker's turns (`Kim:`), tagged as the full
        name is there: linked to its entry (cert medium) or a candidate like it. The rules above leave
        it untagged where another person of the document shares it (`Premier Kim [Il Sung]`); a short
        name whose full name is untagged stays untagged, for a wrong link is worse than none."""
        labels: dict[str, list[etree._Element]] = {}
        for sp in root.iter(T + "sp"):
            speaker = sp.find(T + "speaker")
            if sp.get("who") and speaker is not None:
                labels.setdefault(sp.get("who"), []).append(speaker)
        for speakers in labels.values():
            for speaker in speakers:
                declared = _SHORT_NAME_IN_LABEL.search("".join(speaker.itertext()))
                if declared:
                    break
            else:
                continue
            short = declared.group("short")
            word = re.compile(r"(?<![\w’'-])" + re.escape(short) + r"(?![\w’'-])")
            alone = re.compile(word.pattern + r"(?!\s+[A-Z])")  # not the first word of a longer name
            full = [name for name in speaker.iter(*_LABEL_NAME_TAGS) if word.search("".join(name.itertext()))]
            if not full:
                continue
            attrs = (("ref", full[0].get("ref")), ("cert", "medium")) if full[0].get("ref") else (
                (("type", "candidate"),) if full[0].get("type") == "candidate" else None)
            if attrs is None:
                continue
            for label in speakers:
                text = _Text(label)
                placed = text.place([Span(m.start(), m.end(), _local(full[0]), attrs)
                                     for m in alone.finditer(text.view().text)])
                text.wrap()
                for _ in placed:
                    if full[0].get("ref"):
                        report.links[full[0].get("ref")] += 1
                    else:
                        report.candidates.append(short)

    @staticmethod
    def _join_forenames_to_supplied_surnames(root: etree._Element, report: TaggingReport) -> None:
        """A forename after a title just before a register person's surname the translator supplied
        (`Comrade Wieslaw [Gomulka]`, `Cde. Wieslaw [Gomulka]`) is that person's: one name, linked, the
        bracket staying `supplied` inside it, as `Comrade Nikita [Khrushchev]` is where the registers
        know the forename. The stages above take a forename before a surname for another person's
        (`Raisa Gorbachev`), or the two for two names; the bracket says whose the forename is."""
        for supplied in list(root.iter(_SUPPLIED)):
            linked = _supplied_surname(supplied)
            if linked is None:
                continue
            named = supplied if linked.getparent() is supplied else linked
            before = named.getprevious()
            if before is not None and before.tag == T + "persName" and before.get("type") == "candidate" \
                    and not before.get("ref") and before.tail == " ":
                forename = _FORENAME_END.search("".join(before.itertext()))
                if forename is None or _descriptive(forename.group()):
                    continue
                head, children, cut = before.text, list(before), None
            else:
                text = (before.tail if before is not None else named.getparent().text) or ""
                titled = _TITLED_FORENAME.search(text)
                if titled is None or _descriptive(titled.group("forename")):
                    continue
                head, children, cut = None, [], titled.start()
                role = etree.Element(T + "roleName")
                role.text, role.tail = titled.group("title").rstrip(), " " + titled.group("forename")
                children.append(role)
            parent, tail = named.getparent(), named.tail
            if named is supplied:  # the name inside the bracket: the joined name holds the bracket
                supplied.text = linked.text
                supplied.remove(linked)
            parent.remove(named)
            joined = etree.Element(T + "persName", dict(linked.attrib))
            joined.text = head
            joined.extend(children)
            if len(joined):
                joined[-1].tail = (joined[-1].tail or "") + " "
            else:
                joined.text = (joined.text or "") + " "
            supplied.tail = None
            joined.append(supplied)
            joined.tail = tail
            if cut is None:
                parent.replace(before, joined)
                name = " ".join("".join(before.itertext()).split())
                if name in report.candidates:
                    report.candidates.remove(name)
            else:
                if before is not None:
                    before.tail = before.tail[:cut]
                    before.addnext(joined)
                else:
                    parent.text = parent.text[:cut]
                    parent.insert(0, joined)

    # -- plumbing -------------------------------------------------------------------------------------

    def _texts(self, root: etree._Element) -> list[_Text]:
        """The containers searched, in document order, each with the atoms it holds."""
        texts = [_Text(c) for c in root.iter(*_SEARCHED_TAGS) if self._searched(c)]
        _hold_atoms(texts, {text.element: text for text in texts})
        return texts

    @staticmethod
    def _with_roles(texts: list[_Text], roles: dict[_Text, list[etree._Element]]) -> list[_Text]:
        """The containers, with the roleNames wrapped into each just after it: they are searched too."""
        by_element = {text.element: text for text in texts}
        ordered = []
        for text in texts:
            ordered.append(text)
            made = [_Text(role) for role in roles.get(text, ())]
            _hold_atoms(made, by_element)
            ordered += made
        return ordered

    @staticmethod
    def _stage(texts: list[_Text], finder: Callable[[_Flat, _Text], list[Span]], report: TaggingReport,
               candidates: bool = False) -> None:
        """Choose one stage's spans in every container, in memory (`_Text.place`)."""
        for text in texts:
            if not text.alive:
                continue
            flat = text.view()
            if not flat.text.strip():
                continue
            chosen = _choose(s for s in finder(flat, text) if s.end > s.start)
            if not chosen:
                continue
            for span in reversed(text.place(chosen)):
                ref = dict(span.attrs).get("ref")
                if ref:
                    report.links[ref] += 1
                elif candidates:
                    report.candidates.append(flat.text[span.start:span.end])

    @staticmethod
    def _wrap(texts: list[_Text]) -> dict[_Text, list[etree._Element]]:
        """Wrap every container's chosen spans; the roleNames made, by container."""
        roles = {}
        for text in texts:
            made = [element for span, element in text.wrap() if span.tag == "roleName"]
            if made:
                roles[text] = made
        return roles

    @staticmethod
    def _searched(element: etree._Element) -> bool:
        """Not inside a name or a value; in the header, only inside the parts with the document's words."""
        in_header = False
        zone = element.tag in _HEADER_ZONE_TAGS
        for ancestor in element.iterancestors():
            tag = ancestor.tag
            if tag in _NOT_SEARCHED_TAGS:
                return False
            if tag in _HEADER_ZONE_TAGS:
                zone = True
            elif tag == _TEI_HEADER:
                in_header = True
        return zone or not in_header

    @staticmethod
    def _declare_prefixes(root: etree._Element) -> None:
        used = {ref.partition(":")[0] for ref in root.xpath("descendant-or-self::*/@ref") if ref.partition(":")[0] in KINDS}
        header = root.find(T + "teiHeader")
        if not used or header is None:
            return
        encoding = header.find(T + "encodingDesc")
        if encoding is None:
            encoding = etree.Element(T + "encodingDesc")
            header.find(T + "fileDesc").addnext(encoding)
        existing = encoding.find(T + "listPrefixDef")
        declared = set(existing.xpath("*/@ident")) if existing is not None else set()
        missing = [kind for kind in KINDS if kind in used and kind not in declared]
        if not missing:
            return
        listing = prefix_definitions(missing)
        if existing is None:
            encoding.append(listing)
        else:
            existing.extend(list(listing))


_DEFAULT_TAGGER: NameTagger | None = None


def default_tagger() -> NameTagger:
    """A tagger over the package's registers, built once per process (the converter calls it per document)."""
    global _DEFAULT_TAGGER
    if _DEFAULT_TAGGER is None:
        _DEFAULT_TAGGER = NameTagger(Registers.package())
    return _DEFAULT_TAGGER


def _title_before(plain: str, pos: int) -> re.Match | None:
    """The title (TITLE_BEFORE) that ends at `pos`: it is at most _TITLE_WIDTH long, so only that much
    text before `pos` is searched."""
    return TITLE_BEFORE.search(plain, max(0, pos - 1 - _TITLE_WIDTH), pos)


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether SENTENCE_START matches the text before `pos`. A match is at most two characters and the
    spaces just before `pos`, so only those are searched: searching all the text before every
    candidate took quadratic time in long paragraphs."""
    start = pos
    while start > 0 and text[start - 1].isspace():  # str.isspace() and the regex's \s agree on every character
        start -= 1
    return SENTENCE_START.search(text, max(0, start - 2), pos) is not None


def _opens_sentence(element: etree._Element, outer: tuple[_Text, int] | None) -> bool:
    """Whether `element` stands at the start of a sentence of its block (as the flat text has it, an
    element just before counts as a start); `outer`: the container it is a child of, if any, whose
    chosen spans count as wrapped, and its piece there."""
    parent = element.getparent()
    if parent is None:
        return True
    if outer is not None:
        before, after_element = outer[0].text_before(outer[1])
    else:
        previous = element.getprevious()
        before, after_element = (previous.tail if previous is not None else parent.text) or "", previous is not None
    if after_element and not before.strip():
        return True
    return _starts_sentence(before, len(before))


def _name_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A capitalised run cut where it cannot be one name: before a function word inside it ("Attitudes
    of the | Other Party") and before a role right after an organisation's word ("Secretariat | Member",
    "Party | Secretary": a function, which is part of neither; "Secretariat Member | Wang Ming")."""
    parts, part_start, previous = [], start, ""
    for match in re.finditer(r"\S+", text[start:end]):
        word = match.group()
        role = word in ROLE_WORDS and previous.rstrip(".") in ORG_WORDS
        if previous and (role or (word in FUNCTION_WORDS and not ORDINAL.fullmatch(word))):
            parts.append((part_start, start + match.start()))
            part_start = start + (match.end() if role else match.start())
        previous = word
    parts.append((part_start, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


#: a word of a name just after or before a form: "Kim| Jong Il", "Raisa |Gorbachev", "R. |Castro"
_NAME_WORD_AFTER = re.compile(r" ([^\W\d_][\w'-]*)")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w.'-])([^\W\d_](?:[\w'-]*|\.)) $")
#: at least the longest word _NAME_WORD_BEFORE looks for
_WORD_WIDTH = 40


def _word_before(plain: str, pos: int) -> re.Match | None:
    """The word just before `pos` and its space (_NAME_WORD_BEFORE): only the longest word's width
    before `pos` is searched."""
    return _NAME_WORD_BEFORE.search(plain, max(0, pos - _WORD_WIDTH), pos)


#: "of Hungary", "of the GDR", "in Pyongyang" after an institution's name: whose it is
_OWNER_AFTER = re.compile(r"\s+(?:of|in|at)\s+(?:the\s+)?([^\W\d_][\w'-]*)")


def _qualified(plain: str, start: int, end: int, own: set[str]) -> bool:
    """Whether a generic name at start:end has a capitalised word before it that is not the
    sentence's first ("the Hungarian Foreign Ministry"), or is followed by whose it is ("the Embassy of
    Hungary"): another institution of that kind than the one the document fixes, unless the word is
    one of that one's `own` (the words of its forms)."""
    before = _word_before(plain, start)
    word = before.group(1) if before is not None else ""
    if word[:1].isupper() and word not in FUNCTION_WORDS and word not in own:
        if not _starts_sentence(plain, before.start(1)):
            return True
    after = _OWNER_AFTER.match(plain, end)
    if after is None:
        return False
    owner = after.group(1)  # "Korea" is the owner of the "Korean Foreign Ministry"
    return owner[0].isupper() and not any(word.startswith(owner) for word in own)


def _ordinary_word(word: str) -> bool:
    """A word beside a name that is not another name's part: lower case, a function word, a title or
    a role ("and Kim", "Comrade Kim", "Kim Foundation" aside: an organisation is not a person's name)."""
    if not word[0].isupper():
        return True
    word = word.title() if word.isupper() else word
    return _descriptive(word) or word in ROLE_WORDS


def _descriptive(word: str) -> bool:
    word = word.rstrip(".")
    parts = _WORD_PARTS.split(word) if "-" in word or "'" in word else (word,)
    return all(part in DESCRIPTIVE or part in FUNCTION_WORDS for part in parts if part)


_WORD_PARTS = re.compile(r"[-']")


def _alone_beside(plain: str, start: int, end: int) -> bool:
    """Whether the pair of words at start:end has no further name word beside it: "Tsedenbal Ulanfu
    announced", not "Raisa Tsedenbal Ulanfu"."""
    before = _word_before(plain, start)
    after = _NAME_WORD_AFTER.match(plain, end)
    return all(word is None or _ordinary_word(word.group(1)) for word in (before, after))


def _lone_names(texts: list["_Text"]) -> _LoneNames:
    """The document's one-word names (`_LoneNames`), read from its containers before any is tagged."""
    alone, titled = set(), set()
    for text in texts:
        plain = text.view().plain
        for match in CAPITALISED_RUN.finditer(plain):
            words = match.group().split()
            while words and (_descriptive(words[0]) or words[0] in ROLE_WORDS):
                del words[0]
            if len(words) == 1 and not _ordinary_word(words[0]) and not words[0].endswith("."):
                alone.add(words[0])
        for title in TITLES.finditer(plain):
            name = NAME_AFTER_TITLE.match(plain, title.end())
            if name is not None and " " not in name.group(1) and not _ordinary_word(name.group(1)):
                titled.add(name.group(1))
    return _LoneNames(frozenset(alone), frozenset(titled))


#: plain strings, not lxml's that keep their tree alive (the tagger caches what they point to)
_REFS = etree.XPath("descendant-or-self::*/@ref", smart_strings=False)


def _refs(root: etree._Element, texts: list[_Text], in_order: bool = False) -> list[str]:
    """Every @ref of the tree and of the spans chosen and not wrapped yet; `in_order`: in the order of the
    tree wrapping them would make, which takes a walk over all of it."""
    chosen = [(text, span.start, value) for text in texts for span in text.spans for key, value in span.attrs
              if key == "ref"]
    if not in_order or not chosen:
        return _REFS(root) + [ref for _, _, ref in chosen]
    position = {node: number for number, node in enumerate(root.iter())}
    found = [((position[element], 0), element.get("ref")) for element in root.xpath("descendant-or-self::*[@ref]")]
    children: dict[_Text, tuple[list[int], list[int]]] = {}
    for text, start, ref in chosen:
        if text not in children:
            last = text.element
            while len(last):
                last = last[-1]
            pieces = [piece for piece in text.pieces if piece.kind in ("atom", "barrier")]
            children[text] = ([piece.start for piece in pieces],
                              [position[piece.node] for piece in pieces] + [position[last] + 1])
        starts, positions = children[text]
        # a span comes just before the first child at or after it, or else after the container's last descendant
        found.append(((positions[bisect_left(starts, start)] - 0.5, start), ref))
    return [ref for _, ref in sorted(found)]


def _hold_atoms(texts: list[_Text], by_element: dict[etree._Element, _Text]) -> None:
    """Tell each of `texts` the containers that are its atoms, and an orig the container its parent is a
    child of (`by_element`: the containers there are)."""
    children: dict[_Text, dict[etree._Element, int]] = {}  # of the containers that hold an orig's parent
    for text in texts:
        for piece in text.pieces:
            atom = by_element.get(piece.node) if piece.kind == "atom" else None
            if atom is not None:
                atom.host, atom.at = text, (piece.start, piece.end)
                text.atoms.append(atom)
        parent = text.element.getparent() if _local(text.element) == "orig" else None
        outer = by_element.get(parent.getparent()) if parent is not None else None
        if outer is not None:
            if outer not in children:
                children[outer] = {piece.node: i for i, piece in enumerate(outer.pieces) if piece.kind == "barrier"}
            text.outer = (outer, children[outer][parent])


def _language(element: etree._Element) -> str:
    """The primary subtag of the xml:lang `element` is in ("de" of "de-AT"); "" where none is given."""
    node = element
    while node is not None:
        lang = node.get(XML_LANG)
        if lang is not None:
            return lang.partition("-")[0].lower()
        node = node.getparent()
    return ""


def _in_any(element: etree._Element, tags: set[str]) -> bool:
    """The element, or one of its ancestors, has one of the (namespaced) tags."""
    while element is not None:
        if element.tag in tags:
            return True
        element = element.getparent()
    return False


# -- candidates: what an editor should add to the registers ----------------------------------------------

@dataclass
class Candidate:
    """A name the registers do not know, with how often and where it occurs."""

    text: str
    element: str
    count: int = 0
    contexts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.text, "element": self.element, "count": self.count, "contexts": self.contexts,
                "sources": self.sources}


def unlinked_names(tree: etree._ElementTree | etree._Element) -> Iterator[tuple[str, str, str]]:
    """(name, element, context) for every name element without @ref: the tagger's candidates, and names
    the encoder found that the registers do not have."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for name, element in _unlinked(root):
        yield name, _local(element), _context(element)


def _unlinked(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """(name, element) for every name element without @ref, without the context: the tagger needs only
    the names, and finding the context of every name of a long paragraph took quadratic time."""
    for element in root.iter(*(T + n for n in (*KIND_OF_NAME, "rs"))):
        if element.get("ref") or element.get("type") == "generic" or element.getparent() is None:
            continue  # a generic name ("Foreign Ministry") is in the registers, only not fixed by the document
        if any(_local(a) in KIND_OF_NAME or _local(a) == "rs" for a in element.iterancestors()):
            continue
        name = text_without_roles(element)  # "Comrade Pak Song-chol" is listed as "Pak Song-chol"
        if name:
            yield name, element


def _context(element: etree._Element, width: int = 40) -> str:
    """The words around a name in its block, for an editor deciding what it is."""
    block = element.getparent()
    while block is not None and _local(block) in TRANSPARENT | {"roleName", "abbr", "expan", "choice"}:
        block = block.getparent()
    before = "".join(_text_until(block, element))
    name = "".join(element.itertext())
    after = "".join(block.itertext())[len(before) + len(name):]
    before, after = re.sub(r"\s+", " ", before).lstrip(), re.sub(r"\s+", " ", after).rstrip()
    return f"…{before[-width:]}[{normal_space(name)}]{after[:width]}…"


def _text_until(block: etree._Element, stop: etree._Element) -> Iterator[str]:
    """The text of `block` before `stop`, in document order."""
    if block.text:
        yield block.text
    for child in block:
        if child is stop:
            return
        if any(d is stop for d in child.iter()):
            yield from _text_until(child, stop)
            return
        if isinstance(child.tag, str):  # a comment or processing instruction has no text of the block's
            yield "".join(child.itertext())
        if child.tail:
            yield child.tail


def collect_candidates(trees: Iterable[tuple[str, etree._ElementTree]]) -> list[Candidate]:
    """Unlinked names of many documents, merged by name (titles aside), most frequent first."""
    found: dict[str, Candidate] = {}
    for source, tree in trees:
        for name, element, context in unlinked_names(tree):
            candidate = found.setdefault(name, Candidate(name, element))
            if candidate.element == "rs":  # a kind seen anywhere (after a title, say) beats "unknown"
                candidate.element = element
            candidate.count += 1
            if len(candidate.contexts) < 3:
                candidate.contexts.append(context)
            if source not in candidate.sources:
                candidate.sources.append(source)
    return sorted(found.values(), key=lambda c: (-c.count, c.text.lower()))
