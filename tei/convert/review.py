"""The review list: every decision of a TEI file made with less than high certainty (docs/encoding.md,
"Certainty").

The list is read back from the TEI itself, from `@cert` (TEI att.global.responsibility): whatever made
the file, every element whose `@cert` is not "high" is one decision to check. With the source text at
hand, each decision also names the source line it was read from, found by its words (the TEI keeps
no line numbers). The list is written as CSV or JSON for an editor to go through before publication.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable

from lxml import etree

from ..core.errors import OutputError
from ..core.files import write_atomic
from ..core.record import DocumentRecord
from ..core.registers import fold
from ..core.spreadsheet import spreadsheet_safe
from ..core.tei import T, TEI_PREFIXES, XML_ID, XML_LANG, text_of


#: the words of teidata.probCert, most certain first; a number (a probability) is below high unless 1
CERTAINTIES = ("high", "medium", "low", "unknown")
FORMATS = ("csv", "json")

#: elements whose text is a unit of the source (a paragraph, a line of the opener): the context that
#: tells apart the lines holding the same name
_BLOCKS = {T + name for name in (
    "p", "ab", "head", "seg", "signed", "salute", "dateline", "byline", "addrLine", "item", "note", "title",
    "speaker", "l", "cell", "idno", "bibl", "closer", "opener", "label")}
_WORD = re.compile(r"\w+")


class ReviewError(OutputError):
    """The review list cannot be written (unknown format, unwritable file)."""


@dataclass
class Decision:
    """One inference below high certainty: what was decided, how sure, and where it was read."""

    #: the source file (or the TEI file when no source is known)
    document: str
    #: what was decided: "document type", "sender", "signer", "name link", "date" ...
    field: str
    #: the value decided, as the TEI holds it
    value: str
    #: the value of @cert: medium, low, unknown (or a probability)
    certainty: str
    #: the number (from 1) of the source line it was read from; None when no source is known
    line: int | None = None
    #: the text of that line
    source_text: str = ""
    #: why the value is what it is, and why the line does not hold it when it does not
    note: str = ""
    #: the element in the TEI (a simple path: /TEI/teiHeader/profileDesc/textClass/catRef[1])
    location: str = ""
    #: the TEI file written for the document, when there is one
    tei: str = ""


COLUMNS = [f.name for f in fields(Decision)]


def below_high(cert: str) -> bool:
    """True for medium, low, unknown, and probabilities under 1 (teidata.probCert)."""
    cert = cert.strip()
    if cert == "high":
        return False
    try:
        return float(cert) < 1
    except ValueError:
        return True


def _uncertain(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.xpath("descendant-or-self::t:*[@cert]", namespaces=TEI_PREFIXES) if below_high(e.get("cert"))]


def count_decisions(tree: etree._ElementTree | etree._Element) -> int:
    """How many decisions `review_decisions` would list (without describing them)."""
    return len(_uncertain(tree.getroot() if isinstance(tree, etree._ElementTree) else tree))


def review_decisions(tree: etree._ElementTree | etree._Element, source_text: str | None = None,
                     document: str = "") -> list[Decision]:
    """The decisions of one TEI document below high certainty, in document order.

    `source_text` is the decoded source the TEI was made from: when given, each decision names the
    line that holds its value (or, for a value derived from a line, that line, with a note)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    document = document or root.getroottree().docinfo.URL or ""
    lines = _SourceLines(source_text) if source_text is not None else None
    title = DocumentRecord.from_tei(root).title
    decisions = []
    for element in _uncertain(root):
        cert = element.get("cert")
        field, value, note, evidence = _describe(element, root, title)
        decision = Decision(document=document, field=field, value=value, certainty=cert.strip(), note=note,
                            location=_path(element))
        if lines is not None:
            _locate(decision, lines, evidence, _context(element))
        decisions.append(decision)
    return decisions


# -- what each element says ------------------------------------------------------------------

def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _ancestor(element: etree._Element, name: str) -> etree._Element | None:
    for parent in element.iterancestors(T + name):
        return parent
    return None


def _category_label(root: etree._Element, target: str) -> str:
    ident = target.lstrip("#")
    for category in root.iter(T + "category"):
        if category.get(XML_ID) == ident:
            label = text_of(category.find(T + "catDesc"))
            if label:
                return label
    return re.sub(r"^(?:doctype|classification)-", "", ident).replace("-", " ")


def _as_given(root: etree._Element) -> list[str]:
    return [text_of(term) for term in root.iterfind(f".//{T}keywords[@scheme='#as-given']/{T}term")]


def _describe(element: etree._Element, root: etree._Element, title: str) -> tuple[str, str, str, list[str]]:
    """(field, value, note, evidence): evidence are the texts to look for in the source, in order."""
    name = _local(element)
    value = text_of(element)
    if name == "catRef":
        scheme = element.get("scheme", "")
        field = {"#document-types": "document type", "#classifications": "classification"}.get(scheme, "classification")
        label = _category_label(root, element.get("target", ""))
        given = _as_given(root)
        if given:
            note = f"the export's value mapped to the closed list ({'; '.join(given)})"
        elif element.get("cert") == "low":
            note = "nothing in the export names it: the closed list's default"
        elif scheme == "#classifications" and label.lower() not in title.lower():
            # not in the title: the text's first line, the classification alone, or its head's field
            return field, label, "read from the head of the text", [label.title(), label.upper(), label]
        else:
            note = "inferred from the title"
        # the words it was read from: the export's own value, else the title, whose first words find
        # its own line before a citation that quotes it
        return field, label, note, [*given, " ".join(title.split()[:6]), title]
    note = ""
    if element.get("ref"):
        note = f"linked to {element.get('ref')}"
    action = _ancestor(element, "correspAction")
    if action is not None:
        sent = action.get("type") == "sent"
        if name == "placeName":
            field = "place of sending" if sent else "place of receipt"
        elif name == "date":
            field = "date of sending"
        else:
            field = "sender" if sent else "intermediary" if action.get("type") == "transmitted" else "recipient"
    elif _ancestor(element, "signed") is not None and name in ("persName", "roleName", "orgName"):
        field = "signer's role" if name == "roleName" else "signer"
    elif name == "language":
        field = "language"
        value = re.sub(r"\s*\(original language\)$", "", value)
        note = f"recorded as {element.get('ident', '')}".strip()
    elif name == "date":
        field = "date"
        when = element.get("when") or "–".join(filter(None, (element.get("notBefore"), element.get("notAfter"))))
        note = f"read as {when}" if when else ""
    elif name == "abstract":
        field = "summary"
        value = text_of(element.find(T + "p"))[:200] or value[:200]
    elif name == "term" and element.get("type") == "original":
        field = "language of an original term"
        note = f"recorded as {element.get(XML_LANG, '')}"
    elif name == "title" and _ancestor(element, "titleStmt") is not None:
        field = "title"
        if value.startswith("[") and value.endswith("]"):
            note = "supplied by the converter: the page gives no title"
            return field, value, note, [value[1:-1]]  # a heading it was taken from is found without brackets
        elif element.get("cert") == "low":
            note = "the page gives no title: the source's name"
        else:
            note = "read from the citation or the opening line"
    elif name == "head":
        field = "heading"
        note = "read from its shape: a short line alone between paragraphs"
    elif name == "speaker":
        field = "speaker"
        note = "read from its shape: a name in capitals on a line of its own"
    elif name == "unclear":
        field = "unclear reading"
        note = "the source marks the reading as uncertain"
    elif element.get("ref"):
        field = "name link"
    else:
        field = name
    # a structured field (msDesc, bibl) joins parts that stand apart in the source: its longest
    # parts find the line when the whole does not
    parts = sorted({text_of(part) for part in element.iterdescendants() if len(part) == 0 and text_of(part)},
                   key=len, reverse=True)
    return field, value, note, [value, *parts]


def _context(element: etree._Element) -> str:
    """The text of the block the element stands in ("" in the header's fields)."""
    for parent in element.iterancestors():
        if parent.tag in _BLOCKS:
            return text_of(parent)
    return ""


def _path(element: etree._Element) -> str:
    steps = []
    node = element
    while node is not None:
        parent = node.getparent()
        step = _local(node)
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


# -- finding the source line -----------------------------------------------------------------

def _normal(text: str) -> str:
    """Compared without case, accents, curly quotes, transliteration hyphens and runs of spaces."""
    return re.sub(r"\s+", " ", fold(text.replace("**", " "))).strip().casefold()


class _SourceLines:
    def __init__(self, text: str):
        self.raw = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
        self.normal = [_normal(line) for line in self.raw]

    def holding(self, value: str) -> list[int]:
        """Indexes of the lines that hold the value (all of it on one line)."""
        wanted = _normal(value)
        if not wanted:
            return []
        return [index for index, line in enumerate(self.normal) if wanted in line]


def _overlap(line: str, context: set[str]) -> float:
    words = _WORD.findall(line)
    return sum(1 for word in words if word in context) / len(words) if words else 0.0


def _locate(decision: Decision, lines: _SourceLines, evidence: list[str], context: str) -> None:
    """The line holding the first piece of evidence found (the one most like the element's block when
    several do), with a note when that line does not hold the value itself."""
    context_words = set(_WORD.findall(_normal(context)))
    for text in evidence:
        found = lines.holding(text)
        if not found and len(text) > 60:
            # a long title may run over several lines of the source: its first words are enough
            found = lines.holding(" ".join(text.split()[:6]))
        if not found:
            continue
        index = max(found, key=lambda i: _overlap(lines.normal[i], context_words)) if context_words else found[0]
        decision.line = index + 1
        decision.source_text = lines.raw[index].strip()
        if _normal(decision.value) not in lines.normal[index]:
            missing = f"the line does not hold {decision.value!r}"
            decision.note = f"{decision.note}; {missing}" if decision.note else missing
        return
    missing = "not found in the source as written"
    decision.note = f"{decision.note}; {missing}" if decision.note else missing


# -- writing the list ------------------------------------------------------------------------

def decisions_csv(decisions: Iterable[Decision]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for decision in decisions:
        row = asdict(decision)
        writer.writerow([spreadsheet_safe("" if row[name] is None else str(row[name])) for name in COLUMNS])
    return out.getvalue().encode("utf-8")


def decisions_json(decisions: Iterable[Decision]) -> bytes:
    return (json.dumps([asdict(d) for d in decisions], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def review_format(path: str | Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file's extension names."""
    if fmt:
        if fmt not in FORMATS:
            raise ReviewError(f"unknown review format {fmt!r}: give csv or json", str(path))
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ReviewError("the review file must end in .csv or .json (or give --review-format)", str(path))
    return suffix


def write_review(decisions: Iterable[Decision], path: str | Path, fmt: str | None = None) -> None:
    """Write the list as CSV or JSON, atomically."""
    data = decisions_json(decisions) if review_format(path, fmt) == "json" else decisions_csv(decisions)
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise ReviewError(f"cannot write the review list: {exc.strerror or exc}", str(path)) from None
