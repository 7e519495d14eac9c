"""Validate TEI files: well-formedness, RELAX NG, XSD, Schematron, BCP 47, each reported apart.

A `Validator` compiles its schemas once (the official tei_all takes seconds in lxml) and then
checks any number of files; compiled schemas are also cached per process, so several validators
share them. Every file is parsed with `parse_untrusted`: no DTD, no entities, no network, no
XInclude. Messages carry file, line, column, severity, schema and rule id.

    validator = Validator()                 # the project's schemas: rng, xsd, sch, bcp47
    validator = Validator(["tei-all"])      # the official TEI P5
    validator = Validator(["my.sch"])       # any .rng, .xsd or .sch file
    messages = validator.validate_file("doc.xml")

The project's Schematron files run as one XSLT, one pass over the document (`tei.validate.schematron`),
with the messages lxml's ISO skeleton gives for each file in turn; a .sch file given alone runs
through the skeleton.

tei_all is not compiled as it stands: libxml2 needs about 17 s for it, nearly all of it spent on
TEI's mixed content. Two rewrites of it that accept exactly the same documents compile in 0.1 s
and about 1 s, and are cached per user; see `rewrite_rng` and `TeiAllCheck`.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from lxml import etree

from ..core.tei import TEI_NS, XML_LANG
from ..core.errors import SchemaError, UnsafeXMLError
from ..core.files import find_files, not_a_file, write_atomic
from ..core.resources import schema_path
from ..core.xmlsafe import MAX_XML_BYTES, duplicate_ids, one_line, parse_untrusted, syntax_message

PROJECT = "tei-edition"
TEI_ALL = "tei-all"
TEI_ALL_ENV = "TEI_ALL_RNG"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Message:
    """One problem in one file. `line`/`column` are 1-based; 0 means unknown."""

    file: str
    line: int
    column: int
    severity: str
    schema: str
    rule_id: str
    message: str

    def __post_init__(self) -> None:
        # one line per message: libxml2's end in a newline, a Schematron assertion may hold several
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: [{self.schema} {self.rule_id}] {self.severity}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


# -- finding and compiling schemas --------------------------------------------------------------

def find_tei_all(explicit: str | os.PathLike | None = None) -> Path:
    """The official tei_all.rng: a path given, else $TEI_ALL_RNG, else the copy shipped in schemas/tei_all/."""
    given = explicit or os.environ.get(TEI_ALL_ENV)
    path = Path(given) if given else schema_path("tei_all/tei_all.rng")
    if not path.is_file():
        raise SchemaError(f"tei_all schema not found: {path}")
    return path


def _load_schema_document(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    except OSError as exc:
        raise SchemaError(f"cannot read schema: {exc}", str(path)) from None
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        raise SchemaError(f"line {line}, column {column}: schema is not well-formed XML: {syntax_message(exc)}",
                          str(path)) from None


@functools.lru_cache(maxsize=None)
def _compile_rng(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(_load_schema_document(path))
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"not a usable RELAX NG schema: {exc}", str(path)) from None


# -- tei_all: rewrites of the grammar that libxml2 compiles in a fraction of the time -----------
#
# Why tei_all takes 17.7 s to compile (lxml 6.1, libxml2 2.14; perf, and each automaton timed):
# libxml2 compiles the content model of every element it can (no attribute, data or interleave
# inside) into an automaton, and checks each automaton for determinism by comparing, in every
# state, every pair of transitions (xmlFAComputesDeterminism, xmlFACompareAtoms, xmlStrchr: 96% of
# the time). A repeated choice of n element names makes n states of n transitions, so n**3
# comparisons; TEI's mixed content, `(text | 120 to 240 elements)*`, is such a choice in some 250
# elements, at 0.05 to 0.17 s each. libxml2 cannot save a compiled schema, so every process would
# pay again. What it cannot compile, its interpreter checks: the same verdict, no compile cost,
# validation about three times slower, messages worded differently. Two rewrites, each accepting
# exactly the documents the original accepts:
#
# - VERDICT adds `(element {never} notAllowed)?` to the content of every element (except those
#   holding data, which may not be grouped with an element). It matches nothing, so the language
#   does not change, but its name class makes libxml2 leave every content model to the
#   interpreter. Compiles in 0.1 s; decides valid or invalid.
# - REPORT rewrites only the mixed content, `(text | p1 | p2 ...)*` as `text & (p1 | p2 ...)*`
#   (RELAX NG's own definition of <mixed>), where each p matches one element at a time, so that
#   both allow the same sequences. Compiles in about 1 s; element-only content keeps its automata,
#   and most documents get the original's messages. Compiled once a file is invalid, to say why.
#
# tests/validate/test_validate_tei_all_rewrite.py checks that the original and both rewrites give the same
# verdict on every test document and some 700 made or mutated ones, and that jing agrees. The one
# difference known: libxml2's interpreter rejects an unexpanded entity reference that compiled
# content skips, and parse_untrusted refuses every document holding one.

RNG = "{http://relaxng.org/ns/structure/1.0}"
VERDICT, REPORT = "verdict", "report"
#: a namespace no document uses: the never-matching element of VERDICT belongs to it
NEVER_NS = "urn:x-tei-edition:never"
#: part of the cache key: change it whenever a rewrite changes
REWRITE_VERSION = "1"


def rewrite_rng(document: etree._ElementTree, variant: str) -> etree._ElementTree | None:
    """A copy of a RELAX NG grammar (XML syntax) that accepts exactly the same documents, rewritten
    for `variant` (VERDICT or REPORT); None when the grammar is not one self-contained <grammar>
    with uniquely named defines (no include, externalRef, parentRef or combine): use it as it is."""
    if variant not in (VERDICT, REPORT):
        raise ValueError(f"unknown rewrite {variant!r}")
    document = copy.deepcopy(document)
    root = document.getroot()
    defines: dict[str, etree._Element] = {}
    for define in root.iter(f"{RNG}define"):
        if define.get("name") in defines or define.get("combine"):
            return None
        defines[define.get("name")] = define
    nested = root.iter(f"{RNG}include", f"{RNG}externalRef", f"{RNG}parentRef", f"{RNG}grammar")
    if root.tag != f"{RNG}grammar" or any(element is not root for element in nested):
        return None
    data: dict[str, bool] = {}
    one_at_a_time: dict[str, bool] = {}
    if variant == VERDICT:
        for element in list(root.iter(f"{RNG}element")):
            content = _patterns(element)[0 if element.get("name") else 1:]
            if not any(_is_data(pattern, defines, data) for pattern in content):  # data may not be grouped
                never = etree.SubElement(etree.SubElement(element, f"{RNG}optional"), f"{RNG}element")
                etree.SubElement(never, f"{RNG}nsName", ns=NEVER_NS)
                etree.SubElement(never, f"{RNG}notAllowed")
    else:
        for repeat in list(root.iter(f"{RNG}zeroOrMore")):
            children = _patterns(repeat)
            choice = children[0] if len(children) == 1 else None
            if choice is None or choice.tag != f"{RNG}choice":
                continue
            texts = [p for p in _patterns(choice) if p.tag == f"{RNG}text"]
            others = [p for p in _patterns(choice) if p.tag != f"{RNG}text"]
            if texts and others and all(_one_element_at_a_time(p, defines, one_at_a_time) for p in others):
                for text in texts:
                    choice.remove(text)
                interleave = etree.Element(f"{RNG}interleave")
                repeat.addprevious(interleave)
                etree.SubElement(interleave, f"{RNG}text")
                interleave.append(repeat)
    return document


def _patterns(element: etree._Element) -> list[etree._Element]:
    """The RELAX NG children of a pattern (annotations in other namespaces are not patterns)."""
    return [child for child in element if isinstance(child.tag, str) and child.tag.startswith(RNG)]


def _one_element_at_a_time(pattern: etree._Element, defines: dict, memo: dict) -> bool:
    """Does every sequence the pattern matches consist of elements it would also match one by one
    (elements, refs, choices and repetitions of them; no text, group, interleave or attribute)?
    Then (text | p)* and text & p* allow the same sequences. `memo` holds the answer per define."""
    kind = etree.QName(pattern).localname
    if kind in ("element", "empty", "notAllowed"):
        return True
    if kind == "ref":
        return _per_define(pattern.get("name"), defines, memo, lambda body: len(body) == 1 and
                           _one_element_at_a_time(body[0], defines, memo))
    children = _patterns(pattern)
    if kind in ("choice", "optional", "zeroOrMore", "oneOrMore") and children:
        return (kind == "choice" or len(children) == 1) and all(
            _one_element_at_a_time(child, defines, memo) for child in children)
    return False


def _is_data(pattern: etree._Element, defines: dict, memo: dict) -> bool:
    """Can the pattern match a data value (data, value or list, outside any element or attribute)?"""
    kind = etree.QName(pattern).localname
    if kind in ("data", "value", "list"):
        return True
    if kind in ("element", "attribute"):
        return False
    if kind == "ref":
        return _per_define(pattern.get("name"), defines, memo,
                           lambda body: any(_is_data(p, defines, memo) for p in body))
    return any(_is_data(child, defines, memo) for child in _patterns(pattern))


def _per_define(name: str, defines: dict, memo: dict, answer) -> bool:
    """`answer` for the body of a define, computed once; False for an unknown define and inside a
    cycle of refs (which RELAX NG allows only through an element, where neither question looks)."""
    if name not in memo:
        memo[name] = False
        memo[name] = name in defines and answer(_patterns(defines[name]))
    return memo[name]


def _cache_folder() -> Path | None:
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tei-edition"
    except RuntimeError:  # no home folder
        return None


def _rewritten(path: Path, variant: str) -> etree._ElementTree | None:
    """`rewrite_rng` of the grammar at `path`, made once and then read from the user's cache (a
    file named by a hash of the grammar, the rewrite and the lxml/libxml2 versions, written
    atomically); without a usable cache folder, made again in every process (about 0.2 s)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaError(f"cannot read schema: {exc}", str(path)) from None
    versions = f"{REWRITE_VERSION} {variant} {etree.LXML_VERSION} {etree.LIBXML_VERSION}".encode()
    key = hashlib.sha256(versions + b"\0" + data).hexdigest()[:32]
    folder = _cache_folder()
    cached = folder / f"rng-{key}.rng" if folder else None
    if cached is not None and cached.is_file():
        try:
            return _load_schema_document(cached)
        except SchemaError:
            pass  # unreadable: make it again
    document = rewrite_rng(_load_schema_document(path), variant)
    if cached is not None and document is not None:
        try:
            write_atomic(cached, etree.tostring(document, xml_declaration=True, encoding="UTF-8"))
        except OSError:
            pass  # a read-only or full cache only costs the rewrite next time
    return document


@functools.lru_cache(maxsize=None)
def _compile_tei_all(path: Path, variant: str) -> etree.RelaxNG:
    """tei_all rewritten for `variant`, compiled; the original grammar if it cannot be rewritten or
    the rewrite will not compile (this only guards other grammars given as tei_all)."""
    document = _rewritten(path, variant)
    try:
        if document is not None:
            return etree.RelaxNG(document)
    except etree.RelaxNGParseError:
        pass
    return _compile_rng(path)


@functools.lru_cache(maxsize=None)
def _compile_xsd(path: Path) -> etree.XMLSchema:
    """libxml2's XSD 1.0 validator: about a hundred times faster than xmlschema on our files (the
    tests check that xmlschema loads tei-edition.xsd and agrees with it on every test document)."""
    try:
        return etree.XMLSchema(_load_schema_document(path))
    except etree.XMLSchemaParseError as exc:
        raise SchemaError(f"not a usable XSD 1.0 schema: {exc}", str(path)) from None


XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SAXON_NS = "http://icl.com/saxon"


@functools.lru_cache(maxsize=None)
def _compile_schematron(path: Path) -> etree.XSLT:
    """The schema compiled by lxml's ISO Schematron skeleton into a validating XSLT, which writes
    SVRL; its locations are the lines of the nodes (see _locations_as_lines)."""
    from lxml import isoschematron

    try:
        schema = isoschematron.Schematron(_load_schema_document(path), store_xslt=True)
        return etree.XSLT(_locations_as_lines(schema.validator_xslt))
    except (etree.SchematronParseError, etree.XSLTParseError) as exc:
        raise SchemaError(f"not a usable ISO Schematron (XSLT 1.0 query binding) schema: {one_line(exc)}",
                          str(path)) from None


@functools.lru_cache(maxsize=None)
def _compile_one_pass(paths: tuple[Path, ...]) -> etree.XSLT:
    """The schemas at `paths` compiled into one XSLT that checks a document in one pass (tei.validate.schematron)."""
    from .schematron import compile_schematron

    try:
        return etree.XSLT(compile_schematron(paths))
    except etree.XSLTParseError as exc:
        raise SchemaError(f"the Schematron schemas do not compile into one XSLT: {one_line(exc)}",
                          ", ".join(str(path) for path in paths)) from None


def _locations_as_lines(validator: etree._ElementTree) -> etree._ElementTree:
    """The validating XSLT with each SVRL location written as the line of its node (libxslt's
    saxon:line-number). The skeleton's own locations are XPaths that count the like-named siblings
    at each step, which took time quadratic in the failures among many siblings."""
    validator = copy.deepcopy(validator)
    for template in validator.getroot().iterchildren(f"{{{XSL_NS}}}template"):
        if template.get("mode") == "schematron-get-full-path" and template.get("match") in ("*", "@*"):
            template[:] = []
            template.text = None
            etree.SubElement(template, f"{{{XSL_NS}}}value-of", nsmap={"saxon": SAXON_NS},
                             select="saxon:line-number()")
    return validator


# -- checks: one per schema; each turns its engine's report into Messages ------------------------

class RelaxNGCheck:
    #: lxml repeats a failure on every ancestor ("failed to validate content"): noise once a cause is known
    _ECHOES = {"RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_INTERSEQ",
               "RELAXNG_ERR_INTEREXTRA"}

    def __init__(self, path: Path, label: str):
        self.schema, self.label = _compile_rng(path), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        return self._report(self.schema, tree, file)

    def _report(self, schema: etree.RelaxNG, tree: etree._ElementTree, file: str) -> list[Message]:
        if schema.validate(tree):
            return []
        entries = list(schema.error_log)
        causes = [e for e in entries if e.type_name not in self._ECHOES] or entries
        return [Message(file, e.line, e.column, ERROR, self.label,
                        e.type_name.removeprefix("RELAXNG_ERR_").lower(), e.message) for e in causes]


class TeiAllCheck(RelaxNGCheck):
    """tei_all through its rewrites (see `rewrite_rng`). VERDICT, compiled at once, decides until a
    file is invalid; from then on REPORT, compiled then, decides and says why in one pass (and
    validates a little faster). After ORIGINAL_AFTER files the original grammar takes over: by
    then its 17 s of compiling are paid back by its faster validation (1.8 ms a file against 6.4
    and 5.5 ms), so a long run never takes much more than twice as long as the best choice made
    in advance would have."""

    ORIGINAL_AFTER = 4000

    def __init__(self, path: Path, label: str):
        self.path, self.label = path, label
        self.schema = _compile_tei_all(path, VERDICT)
        self.says_why, self.files = False, 0

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        self.files += 1
        if self.files == self.ORIGINAL_AFTER:
            self.schema, self.says_why = _compile_rng(self.path), True
        if not self.says_why:
            if self.schema.validate(tree):
                return []
            self.schema, self.says_why = _compile_tei_all(self.path, REPORT), True
        return self._report(self.schema, tree, file)


class XSDCheck:
    def __init__(self, path: Path, label: str):
        self.schema, self.label = _compile_xsd(path), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        if self.schema.validate(tree):
            return []
        return [Message(file, e.line, e.column, ERROR, self.label,
                        e.type_name.removeprefix("SCHEMAV_").lower(), e.message) for e in self.schema.error_log]


class SchematronCheck:
    def __init__(self, path: Path, label: str):
        self.validator, self.label = _compile_schematron(path), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        report = self.validator(tree)
        messages = []
        lines = _Lines(tree)
        for node in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            role = (node.get("role") or "").lower()
            severity = WARNING if role in ("warning", "warn", "info", "information") else ERROR
            text = " ".join(node.findtext(f"{{{SVRL_NS}}}text", "").split())
            messages.append(Message(file, lines.line_of(node.get("location", "")), 0, severity, self.label,
                                    node.get("id") or "assert", text))
        return messages


class OnePassSchematronCheck:
    """Several Schematron schemas checked in one pass over the document (see tei.validate.schematron): the
    messages, and their order, of a SchematronCheck per schema in the order given."""

    def __init__(self, paths: Sequence[Path], label: str):
        self.validator, self.label = _compile_one_pass(tuple(paths)), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        from .schematron import failures

        found = failures(self.validator(tree))
        if not found:
            return []
        lines = _Lines(tree)
        messages = []
        for node in found:
            role = (node.get("r") or "").lower()
            severity = WARNING if role in ("warning", "warn", "info", "information") else ERROR
            messages.append(Message(file, lines.line_of(node.get("l", "")), 0, severity, self.label,
                                    node.get("i") or "assert", " ".join((node.text or "").split())))
        return messages


#: One step of the paths the ISO Schematron skeleton writes in SVRL @location: an element in a
#: namespace, or without one, with its position among the like-named children when it has siblings.
_LOCATION_STEP = re.compile(r"/(?:\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='([^']*)'\]|([A-Za-z_][\w.-]*))"
                            r"(?:\[([1-9][0-9]*)\])?")
_LOCATION_ATTRIBUTE = re.compile(r"/@(?:\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='([^']*)'\]|([A-Za-z_][\w.-]*))$")


class _Lines:
    """Lines of the nodes that SVRL locations point to: the line itself (see _locations_as_lines),
    or the skeleton's XPath (an XSLT without saxon:line-number). Each XPath is walked down from the root
    through each element's children grouped by name, grouped once: evaluating every location as
    XPath scanned all the siblings of each step, which took time quadratic in the failures."""

    def __init__(self, tree: etree._ElementTree):
        self.tree = tree
        self._children: dict[etree._Element, dict[tuple[str, str], list[etree._Element]]] = {}

    def _named_children(self, parent: etree._Element) -> dict[tuple[str, str], list[etree._Element]]:
        groups = self._children.get(parent)
        if groups is None:
            groups = {}
            for child in parent.iterchildren(tag=etree.Element):
                name = etree.QName(child)
                groups.setdefault((name.namespace or "", name.localname), []).append(child)
            self._children[parent] = groups
        return groups

    def line_of(self, location: str) -> int:
        if location.isdigit():
            return int(location)
        nodes: list[etree._Element] = []
        end = 0
        for step in _LOCATION_STEP.finditer(location):
            if step.start() != end:
                break
            local, namespace = (step.group(1), step.group(2)) if step.group(1) else (step.group(3), "")
            if end == 0:
                root = self.tree.getroot()
                groups = [[root] if (etree.QName(root).namespace or "", etree.QName(root).localname) == (namespace, local) else []]
            else:
                groups = [self._named_children(parent).get((namespace, local), []) for parent in nodes]
            if step.group(4):
                index = int(step.group(4)) - 1
                nodes = [group[index] for group in groups if index < len(group)]
            else:
                nodes = [node for group in groups for node in group]
            end = step.end()
        rest = location[end:]
        attribute = _LOCATION_ATTRIBUTE.match(rest) if end else None
        if end == 0 or (rest and attribute is None):
            return _line_of(self.tree, location)
        if attribute is not None:
            local, namespace = (attribute.group(1), attribute.group(2)) if attribute.group(1) else (attribute.group(3), "")
            nodes = [node for node in nodes if node.get(f"{{{namespace}}}{local}" if namespace else local) is not None]
        return (nodes[0].sourceline or 0) if nodes else 0


def _line_of(tree: etree._ElementTree, location: str) -> int:
    """The line of the node an SVRL location XPath points to (0 when it cannot be found)."""
    try:
        found = tree.xpath(location) if location else []
    except etree.XPathError:
        return 0
    node = found[0] if isinstance(found, list) and found else None
    if node is not None and not isinstance(node, etree._Element):
        node = getattr(node, "getparent", lambda: None)()
    return getattr(node, "sourceline", 0) or 0


class LanguageRegistryCheck:
    """Every language code is a tag of the IANA registry (Schematron only checks the shape)."""

    label, rule_id = "bcp47", "lang-bcp47-registry"

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        messages = []
        for element in _WITH_LANGUAGE_CODES(tree):
            for name, codes in _language_codes(element):
                for code in codes:
                    if not _is_registered(code):
                        messages.append(Message(
                            file, element.sourceline or 0, 0, ERROR, self.label, self.rule_id,
                            f'{name}="{code}" on {etree.QName(element).localname} is not a valid BCP 47 tag '
                            "(unknown in the IANA language subtag registry)"))
        return messages


@functools.lru_cache(maxsize=4096)
def _is_registered(code: str) -> bool:
    """Whether a tag is valid BCP 47 (a corpus uses a handful of codes, each looked up once)."""
    import langcodes

    return langcodes.tag_is_valid(code)


#: the elements `_language_codes` finds codes on, in document order (found in C, not by visiting each element in Python)
#: (the attributes' parents: two to three times faster than testing every element's attributes)
_WITH_LANGUAGE_CODES = etree.XPath("(//@xml:lang | //@mainLang | //@otherLangs | //tei:language/@ident)/..",
                                   namespaces={"tei": TEI_NS})


def _language_codes(element: etree._Element) -> Iterator[tuple[str, list[str]]]:
    lang = element.get(XML_LANG)
    if lang is not None:
        yield "xml:lang", [lang]
    if element.tag == f"{{{TEI_NS}}}language" and element.get("ident") is not None:
        yield "ident", [element.get("ident")]
    for name in ("mainLang", "otherLangs"):
        if element.get(name) is not None:
            yield name, element.get(name).split()


def _checks_for(schema: str, tei_all: str | os.PathLike | None) -> list:
    """The checks a --schema value stands for: the project's set, tei_all, or one schema file."""
    if schema == PROJECT:
        folder = schema_path("")
        return ([RelaxNGCheck(folder / "tei-edition.rng", "rng"), XSDCheck(folder / "tei-edition.xsd", "xsd")]
                + [OnePassSchematronCheck(sorted(folder.glob("tei-edition*.sch")), "sch")]
                + [LanguageRegistryCheck()])
    if schema == TEI_ALL:
        return [TeiAllCheck(find_tei_all(tei_all), TEI_ALL)]
    path = Path(schema)
    if not path.is_file():
        raise SchemaError(f"no such schema: {schema} (give {PROJECT}, {TEI_ALL} or a .rng, .xsd or .sch file)")
    kinds = {".rng": RelaxNGCheck, ".xsd": XSDCheck, ".sch": SchematronCheck}
    if path.suffix.lower() not in kinds:
        raise SchemaError(f"unknown schema type {path.suffix!r}: give a .rng, .xsd or .sch file", schema)
    return [kinds[path.suffix.lower()](path.resolve(), path.name)]


# -- the validator ------------------------------------------------------------------------------

class Validator:
    """Compiles the chosen schemas once; then validates any number of files with them."""

    def __init__(self, schemas: Sequence[str] = (PROJECT,), *, tei_all: str | os.PathLike | None = None,
                 max_bytes: int = MAX_XML_BYTES):
        self.checks = [check for schema in schemas for check in _checks_for(schema, tei_all)]
        self.max_bytes = max_bytes

    def validate_file(self, path: str | os.PathLike, *, name: str | None = None) -> list[Message]:
        """All messages for one file; a file that cannot be parsed safely gets one `xml` message."""
        file = name or str(path)
        try:
            noted: list[str] = []
            tree = parse_untrusted(path, name=file, max_bytes=self.max_bytes, repeated_ids="allow",
                                   xinclude="fallback-only", warnings=noted)
        except UnsafeXMLError as exc:
            return [Message(file, exc.line, exc.column, ERROR, "xml", exc.rule, exc.message)]
        return self.validate_tree(tree, file, noted)

    def validate_bytes(self, data: bytes, name: str) -> tuple[list[Message], etree._ElementTree | None]:
        """The messages `validate_file` gives for a file holding `data`, and the parsed tree (None
        when it cannot be parsed safely), so that a pipeline that has the bytes parses them once."""
        try:
            noted: list[str] = []
            tree = parse_untrusted(data, name=name, max_bytes=self.max_bytes, repeated_ids="allow",
                                   xinclude="fallback-only", warnings=noted)
        except UnsafeXMLError as exc:
            return [Message(name, exc.line, exc.column, ERROR, "xml", exc.rule, exc.message)], None
        return self.validate_tree(tree, name, noted), tree

    def validate_tree(self, tree: etree._ElementTree, file: str, noted: Sequence[str] = ()) -> list[Message]:
        """The messages for a tree `parse_untrusted` made (lines are its source lines); `noted`: its warnings."""
        included = [Message(file, int(re.match(r"line (\d+)", note).group(1)), 0, WARNING, "xml", "xinclude", note)
                    for note in noted]
        repeats = [Message(file, line, 0, ERROR, "xml", "duplicate-id",
                           f"xml:id {value!r} is used again (first on line {first}); an xml:id must be unique "
                           "in the file (outside egXML examples)")
                   for value, line, first in duplicate_ids(tree)]
        return included + repeats + [message for check in self.checks for message in check.check(tree, file)]

    def validate_paths(self, paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, list[Message]]]:
        """(file, messages) for every file given and every *.xml file under the folders given."""
        for path in xml_files(paths):
            if path.is_dir():  # a folder with no TEI in it: said, and an error (exit 1) like an invalid file
                yield path, [Message(str(path), 0, 0, ERROR, "xml", "no-files", not_a_file(path, (".xml",)))]
                continue
            yield path, self.validate_file(path)


def xml_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files as given, folders as their *.xml files (recursively, sorted); a missing path is an error."""
    for path in find_files(paths, (".xml",)):
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        yield path


def validate_file(path: str | os.PathLike, schemas: Sequence[str] = (PROJECT,)) -> list[Message]:
    """Convenience: validate one file (compiled schemas are cached across calls)."""
    return Validator(schemas).validate_file(path)


def is_error(message: Message) -> bool:
    return message.severity == ERROR


@dataclass
class Summary:
    """Counts over a validation run, and the exit status they call for."""

    files: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    unreadable: int = 0

    def add(self, messages: Sequence[Message]) -> None:
        errors = sum(1 for m in messages if is_error(m))
        self.files += 1
        self.invalid += 1 if errors else 0
        self.errors += errors
        self.warnings += len(messages) - errors
        self.unreadable += 1 if any(m.schema == "xml" and m.rule_id == "unreadable" for m in messages) else 0

    @property
    def exit_code(self) -> int:
        """0 all valid (warnings allowed), 1 some file invalid, 2 some file could not be read."""
        return 2 if self.unreadable else 1 if self.invalid else 0

    def __str__(self) -> str:
        return (f"{self.files} file{'s' if self.files != 1 else ''} checked: {self.files - self.invalid} valid, "
                f"{self.invalid} invalid; {self.errors} error{'s' if self.errors != 1 else ''}, "
                f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")

    def to_dict(self) -> dict:
        return {**asdict(self), "valid": self.files - self.invalid}
