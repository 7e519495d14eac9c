"""Several ISO Schematron schemas compiled into one XSLT 1.0 that checks a document in one pass.

lxml's ISO skeleton turns every pattern into two walks over the whole document (one in its
default mode, one in the pattern's mode, attributes included) and writes an SVRL report with a
`fired-rule` for every node a rule matches; the project's five schemas hold 17 patterns, so
each document was walked 34 times and five reports were read back. Here one walk visits
every element once, in document order, and applies to it, each in its own mode, the patterns
with a rule that may match it (see `_dispatch`): the same match patterns and priorities as the
skeleton's (in a pattern the first rule whose context matches fires), the same variables (`let`)
and tests. Only failures
are written, as `<m p="pattern" l="line" i="id" r="role">text</m>`; `failures` sorts them by
pattern (stably, so document order stays within a pattern), which is the skeleton's order.

Only what the project's schemas use is compiled: `ns`, `xsl:key`, patterns of rules with
`let` (with @value), `assert` and `report` (with @id and @role) whose text holds `value-of` and
`name`, on contexts that match elements only. Anything else raises SchemaError, so that
a schema is never checked by half: use lxml's skeleton (tei.validate.validator.SchematronCheck) for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from lxml import etree

from ..core.errors import SchemaError

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SAXON_NS = "http://icl.com/saxon"
QUERY_BINDINGS = (None, "xslt", "xslt1", "exslt")
#: attributes of assert and report that do not change what is reported
_IGNORED_ASSERT_ATTRIBUTES = {"flag", "see", "fpi", "icon"}

_S, _X = f"{{{SCH_NS}}}", f"{{{XSL_NS}}}"


def _where(node: etree._Element, path: Path) -> str:
    return f"{path.name}, line {node.sourceline}"


def _unsupported(node: etree._Element, path: Path, what: str) -> SchemaError:
    return SchemaError(f"{_where(node, path)}: {what} is not supported by the one-pass Schematron compiler",
                       str(path))


def _elements(node: etree._Element) -> list[etree._Element]:
    """Child elements (comments and processing instructions are no part of a schema)."""
    return [child for child in node if isinstance(child.tag, str)]


def _split_top_level(expression: str, separator: str | re.Pattern) -> list[str]:
    """`expression` split at `separator` (a character, or a pattern such as a spaced `or`) outside
    brackets, parentheses and string literals."""
    pattern = separator if isinstance(separator, re.Pattern) else re.compile(re.escape(separator))
    parts, depth, quote, start, index = [], 0, None, 0, 0
    while index < len(expression):
        char = expression[index]
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif depth == 0 and (found := pattern.match(expression, index)):
            parts.append(expression[start:index])
            start = index = found.end()
            continue
        index += 1
    parts.append(expression[start:])
    return parts


_ELEMENT_STEP = re.compile(r"(?:child::)?(?:\*|[A-Za-z_][\w.-]*:\*|(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*)")


def _last_steps(context: str) -> list[str]:
    """The name test of the last step of each branch of a match pattern: `tei:note`, `tei:*`, `*`."""
    names = []
    for branch in _split_top_level(context, "|"):
        last = _split_top_level(branch.strip(), "/")[-1].strip()
        names.append((last[:last.index("[")] if "[" in last else last).strip().removeprefix("child::"))
    return names


def matches_only_elements(context: str) -> bool:
    """Does the match pattern match nothing but elements? Then walking the elements visits every node
    it can match (the skeleton also walks the root, attributes, comments and processing
    instructions)."""
    return all(_ELEMENT_STEP.fullmatch(name) for name in _last_steps(context))


def compile_schematron(paths: Iterable[Path]) -> etree._ElementTree:
    """One validating XSLT for all the patterns of the schemas at `paths`, in that order."""
    namespaces: dict[str, str] = {"xsl": XSL_NS, "saxon": SAXON_NS}
    keys: dict[str, bytes] = {}
    top: list[etree._Element] = []
    modes: list[list[etree._Element]] = []  # the rule templates of each pattern
    for path in paths:
        schema = _load(path)
        for node in _elements(schema):
            kind = node.tag
            if kind in (f"{_S}title", f"{_S}p"):
                continue
            if kind == f"{_S}ns":
                prefix, uri = node.get("prefix"), node.get("uri")
                if not prefix or uri is None:
                    raise SchemaError(f"{_where(node, path)}: <ns> needs @prefix and @uri", str(path))
                if namespaces.setdefault(prefix, uri) != uri:
                    raise SchemaError(f"{_where(node, path)}: prefix {prefix!r} is bound to {namespaces[prefix]!r} "
                                      f"in another schema, not {uri!r}", str(path))
            elif kind == f"{_X}key":
                name = node.get("name")
                definition = (node.get("match"), node.get("use"))
                if set(node.attrib) != {"name", "match", "use"}:
                    raise _unsupported(node, path, "an xsl:key without @name, @match and @use")
                if name in keys:
                    if keys[name] != definition:
                        raise SchemaError(f"{_where(node, path)}: xsl:key {name!r} is defined differently in "
                                          "another schema (XSLT would merge the two)", str(path))
                    continue
                keys[name] = definition
                top.append(etree.Element(f"{_X}key", dict(node.attrib),
                                         nsmap={k: v for k, v in node.nsmap.items() if k}))
            elif kind == f"{_S}pattern":
                modes.append(_pattern(node, path, len(modes)))
            else:
                raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a schema")
    stylesheet = etree.Element(f"{_X}stylesheet", {"version": "1.0"}, nsmap=namespaces)
    etree.SubElement(stylesheet, f"{_X}output", method="xml", encoding="UTF-8")
    stylesheet.extend(top)
    walk = etree.SubElement(stylesheet, f"{_X}template", match="/")
    each = etree.SubElement(etree.SubElement(walk, "report"), f"{_X}for-each", select="//*")
    etree.SubElement(each, f"{_X}apply-templates", select=".", mode="dispatch")
    _dispatch(stylesheet, [[rule.get("match") for rule in templates] for templates in modes], namespaces)
    for index, templates in enumerate(modes):
        stylesheet.extend(templates)
        # an element no rule of the pattern matches: nothing (the built-in template would walk its children)
        etree.SubElement(stylesheet, f"{_X}template", match="*", mode=f"M{index}", priority="-2")
    return etree.ElementTree(stylesheet)


def _dispatch(stylesheet: etree._Element, contexts: list[list[str]], namespaces: dict[str, str]) -> None:
    """Templates in mode `dispatch` that apply to an element only the patterns with a rule that may
    match it: those whose contexts end in its name, and those with a wildcard (`*`, `tei:*`); a
    wildcard that needs one of some attributes (`tei:*[@hand or @ref]`) only on an element that has
    one of them, tested once for all such patterns. Each pattern's own templates then decide, as
    before; this only spares the others' matching, most of the time a one-pass check took."""
    wildcard: dict[int, set[str] | None] = {}  # pattern -> the attributes one of which it needs, or None
    named: dict[tuple[str, str], tuple[str, set[int]]] = {}  # expanded name -> (as written, patterns)
    for index, rules in enumerate(contexts):
        for context in rules:
            for branch in _split_top_level(context, "|"):
                name = _last_steps(branch)[0]
                prefix, _, local = name.rpartition(":")
                if local == "*":
                    needed, known = _needed_attributes(branch), wildcard.get(index, set())
                    wildcard[index] = None if needed is None or known is None else known | needed
                else:
                    expanded = (namespaces.get(prefix, "") if prefix else "", local)
                    named.setdefault(expanded, (name, set()))[1].add(index)
    for name, patterns in named.values():
        _apply(etree.SubElement(stylesheet, f"{_X}template", match=name, mode="dispatch", priority="1"),
               patterns, {index: needed for index, needed in wildcard.items() if index not in patterns})
    _apply(etree.SubElement(stylesheet, f"{_X}template", match="*", mode="dispatch", priority="0"), set(), wildcard)


def _apply(template: etree._Element, patterns: set[int], wildcard: dict[int, set[str] | None]) -> None:
    """Apply `patterns`, the wildcard patterns that need no attribute, and each of the others if
    the element has one of the attributes it needs. (One test for all of them applied every such
    pattern to an element with any of the attributes: four patterns to each name with a @ref.)"""
    for index in sorted(patterns | {index for index, needed in wildcard.items() if needed is None}):
        etree.SubElement(template, f"{_X}apply-templates", select=".", mode=f"M{index}")
    for index in sorted(index for index, needed in wildcard.items() if needed is not None):
        test = etree.SubElement(template, f"{_X}if", test=" or ".join(f"@{name}" for name in sorted(wildcard[index])))
        etree.SubElement(test, f"{_X}apply-templates", select=".", mode=f"M{index}")


_ATTRIBUTE_TEST = re.compile(r"@([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)")
_SELF_WITH_ATTRIBUTE = re.compile(r"self::(?:[A-Za-z_][\w.-]*:)?(?:\*|[A-Za-z_][\w.-]*)\[\s*" + _ATTRIBUTE_TEST.pattern + r"\s*\]")


def _needed_attributes(branch: str) -> set[str] | None:
    """The attributes, one of which the element a match pattern's branch matches must have: from a
    predicate of its last step made only of `@name` and `self::name[@name]` joined by `or`;
    None when no predicate is of that form."""
    last = _split_top_level(branch.strip(), "/")[-1]
    for predicate in _predicates(last):
        names = set()
        for term in _split_or(predicate):
            found = _ATTRIBUTE_TEST.fullmatch(term) or _SELF_WITH_ATTRIBUTE.fullmatch(term)
            if found is None:
                break
            names.add(found.group(1))
        else:
            return names
    return None


def _predicates(step: str) -> list[str]:
    """The predicates of one step, without their brackets (`tei:*[a][b]` -> ["a", "b"])."""
    found, depth, quote, start = [], 0, None, 0
    for index, char in enumerate(step):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
            if depth == 1:
                start = index + 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                found.append(step[start:index])
    return found


_OR = re.compile(r"\sor\s")


def _split_or(expression: str) -> list[str]:
    """The terms of a top-level `or` (outside brackets, parentheses and strings), stripped."""
    return [term.strip() for term in _split_top_level(expression, _OR)]


def _load(path: Path) -> etree._Element:
    try:
        root = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False)).getroot()
    except OSError as exc:
        raise SchemaError(f"cannot read schema: {exc}", str(path)) from None
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"schema is not well-formed XML: {exc}", str(path)) from None
    if root.tag != f"{_S}schema":
        raise SchemaError("not an ISO Schematron schema (no sch:schema root)", str(path))
    if root.get("queryBinding") not in QUERY_BINDINGS:
        raise _unsupported(root, path, f"queryBinding {root.get('queryBinding')!r}")
    return root


def _pattern(pattern: etree._Element, path: Path, index: int) -> list[etree._Element]:
    """The templates of one pattern's rules, in mode M{index}; the first rule has the highest priority."""
    if set(pattern.attrib) - {"id", "name"}:
        raise _unsupported(pattern, path, "an abstract pattern, or one that instantiates another,")
    rules = []
    for node in _elements(pattern):
        if node.tag in (f"{_S}title", f"{_S}p"):
            continue
        if node.tag != f"{_S}rule":
            raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a pattern")
        rules.append(node)
    templates = []
    for number, rule in enumerate(rules):
        context = rule.get("context")
        if not context or set(rule.attrib) - {"context", "id", "role"}:
            raise _unsupported(rule, path, "a rule without @context, abstract or extending another,")
        if not matches_only_elements(context):
            raise _unsupported(rule, path, f"the context {context!r}, which may match nodes other than elements,")
        template = etree.Element(f"{_X}template", match=context, mode=f"M{index}",
                                 priority=str(1000 + len(rules) - 1 - number))
        for node in _elements(rule):
            if node.tag == f"{_S}let" and node.get("name") and node.get("value") is not None:
                etree.SubElement(template, f"{_X}variable", name=node.get("name"), select=node.get("value"))
            elif node.tag in (f"{_S}assert", f"{_S}report"):
                template.append(_assertion(node, path, index))
            else:
                raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a rule")
        templates.append(template)
    return templates


def _assertion(node: etree._Element, path: Path, pattern: int) -> etree._Element:
    """An xsl:if writing <m> when the assertion fails (assert) or its test holds (report)."""
    test = node.get("test")
    if not test or set(node.attrib) - {"test", "id", "role"} - _IGNORED_ASSERT_ATTRIBUTES:
        raise _unsupported(node, path, "an assertion without @test, or with @subject or diagnostics,")
    condition = f"not({test})" if node.tag == f"{_S}assert" else test
    check = etree.Element(f"{_X}if", test=condition)
    failure = etree.SubElement(check, "m", p=str(pattern))
    line = etree.SubElement(failure, f"{_X}attribute", name="l")
    etree.SubElement(line, f"{_X}value-of", select="saxon:line-number()")
    for name in ("id", "role"):
        if node.get(name) is not None:
            failure.set(name[0], node.get(name))
    _text(node, failure, path)
    return check


def _text(node: etree._Element, into: etree._Element, path: Path) -> None:
    """The assertion's text: its text nodes, and value-of and name as the skeleton writes them."""
    if node.text:
        etree.SubElement(into, f"{_X}text").text = node.text
    for child in node:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == f"{_S}value-of" and child.get("select"):
            etree.SubElement(into, f"{_X}value-of", select=child.get("select"))
        elif child.tag == f"{_S}name" and set(child.attrib) <= {"path"}:
            etree.SubElement(into, f"{_X}value-of", select=f"name({child.get('path', '.')})")
        else:
            raise _unsupported(child, path, f"<{etree.QName(child).localname}> in an assertion's text")
        if child.tail:
            etree.SubElement(into, f"{_X}text").text = child.tail


def failures(report: etree._ElementTree) -> list[etree._Element]:
    """The <m> of a report, in the skeleton's order: by pattern, then by document order."""
    root = report.getroot()
    if root is None or not len(root):
        return []
    return sorted(root, key=lambda failure: int(failure.get("p")))
