"""Several ISO Schematron schemas compiled into one XSLT 1.0 that checks a document in one pass.

lxml's ISO skeleton turns every pattern into two walks over the whole document (one in its
default mode, one in the pattern's mode, attributes included) and writes an SVRL report with a
`fired-rule` for every node a rule matches; the project's five schemas hold 17 patterns, so
each document was walked 34 times and five reports were read back. Here one walk visits
every element once, in document order, and checks it against the patterns with a rule that may
match it (see `_dispatch`), and one walk over the attributes checks the patterns whose rules need
some attribute on any element (`_from_attributes`): the rules of a pattern in their order (the
first whose context matches fires, as the skeleton's priorities have it), each context written
as a test on the element where that is provably the same (`_context_test`), else matched by the
pattern's own templates, with the skeleton's variables (`let`) and tests. Only failures are
written, as `<m p="pattern" l="line" i="id" r="role">text</m>`; `failures` sorts them by pattern
(stably, so document order stays within a pattern), which is the skeleton's order.

Only what the project's schemas use is compiled: `ns`, `xsl:key`, patterns of rules with
`let` (with @value), `assert` and `report` (with @id and @role) whose text holds `value-of` and
`name`, on contexts that match elements only. Anything else raises SchemaError, so that
a schema is never checked by half: use lxml's skeleton (tei.validate.validator.SchematronCheck) for it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

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


def _outside_strings(expression: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of an XPath expression outside its string
    literals, depth counting the brackets and parentheses open once the character is read: the
    one scanner of the splits and predicates below."""
    depth, quote = 0, None
    for index, char in enumerate(expression):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        else:
            depth += (char in "[(") - (char in "])")
            yield index, char, depth


def _split_top_level(expression: str, separator: str | re.Pattern) -> list[str]:
    """`expression` split at `separator` (a character, or a pattern such as a spaced `or`; neither
    holds a bracket or quote) outside brackets, parentheses and string literals."""
    pattern = separator if isinstance(separator, re.Pattern) else re.compile(re.escape(separator))
    parts, start = [], 0
    for index, char, depth in _outside_strings(expression):
        if index >= start and depth == 0 and char not in "[]()" and (found := pattern.match(expression, index)):
            parts.append(expression[start:index])
            start = found.end()
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
    patterns: list[list[_Rule]] = []
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
                patterns.append(_pattern(node, path, len(patterns)))
            else:
                raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a schema")
    stylesheet = etree.Element(f"{_X}stylesheet", {"version": "1.0"}, nsmap=namespaces)
    etree.SubElement(stylesheet, f"{_X}output", method="xml", encoding="UTF-8")
    stylesheet.extend(top)
    report = etree.SubElement(etree.SubElement(stylesheet, f"{_X}template", match="/"), "report")
    for index in sorted(_walks(stylesheet, report, patterns, namespaces)):
        stylesheet.extend(_templates(patterns[index], index))
    return etree.ElementTree(stylesheet)


def _walks(stylesheet: etree._Element, report: etree._Element, patterns: list[list[_Rule]],
           namespaces: dict[str, str]) -> set[int]:
    """The walks of `report` and their templates. A pattern whose rules all match any name and need
    one of some attributes (`tei:*[@hand or @ref]`) is checked from a walk over the attributes
    (`_from_attributes`), the others from a walk over the elements (`_dispatch`). Returns the
    patterns whose own templates some element is left to (see `_checks`)."""
    by_attributes: dict[int, set[str]] = {}
    for index, rules in enumerate(patterns):
        branches = [branch for rule in rules for branch in _split_top_level(rule.context, "|")]
        needed = _needed_by_all(branches)
        # (prefixes other than xml: might name one attribute two ways, and it would match one template of two)
        if (needed is not None and all(_last_steps(branch)[0].endswith("*") for branch in branches)
                and all(":" not in name or name.startswith("xml:") for name in needed)):
            by_attributes[index] = needed
    etree.SubElement(report, f"{_X}apply-templates", select="//*", mode="dispatch")
    left = _dispatch(stylesheet, [[] if index in by_attributes else rules for index, rules in enumerate(patterns)],
                     namespaces)
    return left | _from_attributes(stylesheet, report, {index: (patterns[index], needed)
                                                        for index, needed in by_attributes.items()})


def _dispatch(stylesheet: etree._Element, patterns: list[list[_Rule]], namespaces: dict[str, str]) -> set[int]:
    """Templates in mode `dispatch`, one for each element name a rule's context ends in and one for
    the others, that check an element against only the patterns with a rule that may match it, a
    pattern whose rules all need one of some attributes (`tei:date[@when]`) only on an element
    that has one of them (sparing the other patterns' matching was most of the time a one-pass
    check took). The rules are checked in place where their contexts allow it (see `_checks`);
    returns the patterns whose own templates some element is left to."""
    left: set[int] = set()
    names: dict[tuple[str, str], str] = {}  # expanded name -> as written
    for rules in patterns:
        for rule in rules:
            for branch in _split_top_level(rule.context, "|"):
                prefix, _, local = _last_steps(branch)[0].rpartition(":")
                if local != "*":
                    names.setdefault((namespaces.get(prefix, "") if prefix else "", local), f"{prefix}:{local}".lstrip(":"))
    for target, name in [*names.items(), (None, "*")]:
        template = etree.SubElement(stylesheet, f"{_X}template", match=name, mode="dispatch",
                                    priority="0" if target is None else "1")
        guarded = []
        for index, rules in enumerate(patterns):
            relevant = [(rule, branches) for rule in rules
                        if (branches := [branch for branch in _split_top_level(rule.context, "|")
                                         if _may_match(branch, target, namespaces)])]
            if not relevant:
                continue
            needed = _needed_by_all(branch for _, branches in relevant for branch in branches)
            guard = None if needed is None else " or ".join(f"@{attribute}" for attribute in sorted(needed))
            checks, to_templates = _checks(relevant, target, index, guard)
            if to_templates:
                left.add(index)
            if guard is not None:
                guarded.append(etree.Element(f"{_X}if", test=guard))
                guarded[-1].extend(checks)
            elif any(check.tag == f"{_X}variable" for check in checks):
                etree.SubElement(template, f"{_X}if", test="true()").extend(checks)  # the scope of the rule's variables
            else:
                template.extend(checks)
        if len(guarded) > 1:  # nearly half the elements have no attribute: one test spares them every guard
            etree.SubElement(template, f"{_X}if", test="@*").extend(guarded)
        else:
            template.extend(guarded)
    return left


def _from_attributes(stylesheet: etree._Element, report: etree._Element,
                     patterns: dict[int, tuple[list[_Rule], set[str]]]) -> set[int]:
    """A walk over every attribute (`//@*`) and, for each attribute a pattern needs, a template
    that checks the attribute's element against the pattern when no attribute the pattern needs
    comes before it in name order, so once an element and in document order. Testing each
    element for the attributes of each such pattern cost more than the walk and the checks."""
    left: set[int] = set()
    if not patterns:
        return left
    etree.SubElement(report, f"{_X}apply-templates", select="//@*", mode="attributes")
    etree.SubElement(stylesheet, f"{_X}template", match="@*", mode="attributes")  # no text of its own
    by_name: dict[str, list[int]] = {}
    for index, (rules, needed) in sorted(patterns.items()):
        for attribute in sorted(needed):
            by_name.setdefault(attribute, []).append(index)
        guard = " or ".join(f"@{attribute}" for attribute in sorted(needed))
        checks, to_templates = _checks([(rule, _split_top_level(rule.context, "|")) for rule in rules], None, index, guard)
        if to_templates:
            left.add(index)
        etree.SubElement(stylesheet, f"{_X}template", match="*", mode=f"A{index}").extend(checks)
    for attribute, indexes in by_name.items():
        template = etree.SubElement(stylesheet, f"{_X}template", match=f"@{attribute}", mode="attributes")
        for index in indexes:
            before = [f"../@{name}" for name in sorted(patterns[index][1]) if name < attribute]
            check = etree.Element(f"{_X}apply-templates", select="..", mode=f"A{index}")
            if before:
                etree.SubElement(template, f"{_X}if", test=f"not({' or '.join(before)})").append(check)
            else:
                template.append(check)
    return left


def _may_match(branch: str, target: tuple[str, str] | None, namespaces: dict[str, str]) -> bool:
    """Can a branch of a match pattern match an element of the expanded name `target` (None: of
    any name no rule's context ends in)?"""
    prefix, _, local = _last_steps(branch)[0].rpartition(":")
    if target is None:
        return local == "*"
    return (not prefix and local == "*"
            or (namespaces.get(prefix, "") if prefix else "") == target[0] and local in ("*", target[1]))


def _needed_by_all(branches: Iterable[str]) -> set[str] | None:
    """The attributes one of which every element the branches match has; None when there are none."""
    needed: set[str] = set()
    for branch in branches:
        own = _needed_attributes(branch)
        if own is None:
            return None
        needed |= own
    return needed


def _checks(relevant: list[tuple[_Rule, list[str]]], target: tuple[str, str] | None, index: int,
            guard: str | None) -> tuple[list[etree._Element], bool]:
    """One pattern's check of an element of `target` that passed `guard` (None: no guard), and
    whether it may leave the element to the pattern's templates. The rules (those of `relevant`,
    with their branches that may match) are tried in order, the first rule whose context holds
    firing, as in the skeleton, where the first rule has the highest priority: as the `when`s of a
    choose while their contexts can be written as tests on the element (`_context_test`), from the
    first that cannot on by the templates. A rule that always fires here is its body alone, which
    may bind variables: the caller gives it a scope."""
    whens: list[tuple[str, _Rule]] = []
    to_templates = False
    for rule, branches in relevant:
        tests = [_context_test(branch, target, guard) for branch in branches]
        if None in tests:
            to_templates = True
            break
        if "" in tests:  # every element of the target matches: the rules after it never fire on one
            whens.append(("", rule))
            break
        whens.append((tests[0] if len(tests) == 1 else " or ".join(f"({test})" for test in tests), rule))
    apply = etree.Element(f"{_X}apply-templates", select=".", mode=f"M{index}")
    if not whens:
        return [apply], True
    if len(whens) == 1 and not to_templates:
        test, rule = whens[0]
        if not test:
            return copy.deepcopy(rule.body), False
        check = etree.Element(f"{_X}if", test=test)
        check.extend(copy.deepcopy(rule.body))
        return [check], False
    choose = etree.Element(f"{_X}choose")
    for test, rule in whens:
        etree.SubElement(choose, f"{_X}when", test=test or "true()").extend(copy.deepcopy(rule.body))
    if to_templates:
        etree.SubElement(choose, f"{_X}otherwise").append(apply)
    return [choose], to_templates


def _context_test(branch: str, target: tuple[str, str] | None, guard: str | None = None) -> str | None:
    """A branch of a match pattern (`tei:a[p]/tei:b[q]`, `tei:a//tei:*[q]`) as a test on an element
    of `target` that it may match (`q and parent::tei:a[p]`; `self::tei:*` is added for an element
    of another name) and that passed `guard` (`@x or @y`: a predicate of the same attributes is
    left out): "" when every such element matches, None when it cannot be written so. Only
    relative paths of child steps are rewritten, with predicates that cannot depend on the
    element's position among its siblings (`_is_not_a_number`), where a test cannot see it."""
    steps: list[tuple[str, list[str]]] = []
    axes: list[str] = []  # between each step and the next: the first is the parent or an ancestor of the second
    for number, part in enumerate(_split_top_level(branch.strip(), "/")):
        if not part.strip():
            if number == 0 or len(axes) == len(steps):
                return None  # a path from the root, or "///"
            axes.append("ancestor")
            continue
        if len(axes) < len(steps):
            axes.append("parent")
        step = _step(part.strip())
        if step is None:
            return None
        steps.append(step)
    if len(axes) == len(steps):
        return None  # ends in "/"
    name, predicates = steps[-1]
    tests = [f"self::{name}"] if target is None and name != "*" else []
    tests += [predicate for predicate in predicates
              if guard is None or set(_split_or(predicate)) != set(_split_or(guard))]
    outer = ""
    for (name, predicates), axis in zip(steps, axes):
        outer = f"{axis}::{name}" + "".join(f"[{predicate}]" for predicate in predicates) + (f"[{outer}]" if outer else "")
    if outer:
        tests.append(outer)
    return tests[0] if len(tests) == 1 else " and ".join(f"({test})" for test in tests)


def _step(step: str) -> tuple[str, list[str]] | None:
    """(name test, predicates) of a child step whose predicates are all `_is_not_a_number`; None for any other step."""
    name = step[:step.index("[")] if "[" in step else step
    predicates = _predicates(step)
    if (not _ELEMENT_STEP.fullmatch(name.strip()) or "".join(f"[{predicate}]" for predicate in predicates) != step[len(name):]
            or not all(_is_not_a_number(predicate) for predicate in predicates)):
        return None
    return name.strip().removeprefix("child::"), predicates


#: what a predicate may not hold to be written as a test: the context's position or size, `current()`, a variable
_POSITIONAL = re.compile(r"\b(?:position|last|current)\s*\(|\$")
_BOOLEAN_FUNCTION = re.compile(r"(?:not|true|false|boolean|contains|starts-with|lang)\s*\(")
_COMPARISON = re.compile(r"!=|<|>|=")
_AND = re.compile(r"\sand\s")
_NAME = r"[A-Za-z_][\w.-]*"
_PATH_STEP = re.compile(
    rf"@(?:\*|(?:{_NAME}:)?{_NAME})|\.\.?|(?:(?:ancestor|ancestor-or-self|attribute|child|descendant|descendant-or-self"
    rf"|following|following-sibling|parent|preceding|preceding-sibling|self)::)?(?:\*|{_NAME}:\*|(?:{_NAME}:)?{_NAME}|node\(\)|text\(\))")


def _is_not_a_number(predicate: str) -> bool:
    """Is the predicate, by its form, a boolean (a comparison, `not()`, `contains()`...), a path, or
    `and`/`or` of them, without `position()`, `last()`, `current()` or a variable? Such a predicate
    holds or not whatever the position of the node it is tried on (a number would be compared with
    the position), so `tei:a[p]` matches an element exactly when `self::tei:a[p]` finds it."""
    if _POSITIONAL.search(predicate):
        return False
    return all(_is_boolean_or_path(factor.strip()) for term in _split_or(predicate)
               for factor in _split_top_level(term, _AND))


def _is_boolean_or_path(factor: str) -> bool:
    """Is one factor of an `and` (of an `or`) a comparison, a boolean function's call, a location
    path, or such an expression in parentheses?"""
    if len(_split_top_level(factor, _COMPARISON)) > 1:
        return True
    if factor.startswith("(") and factor.endswith(")") and _balanced(factor[1:-1]):
        return _is_not_a_number(factor[1:-1])
    function = _BOOLEAN_FUNCTION.match(factor)
    if function and factor.endswith(")") and _balanced(factor[function.end():-1]):
        return True
    parts = _split_top_level(factor, "/")
    return all(_step_of_path(part.strip(), number, len(parts)) for number, part in enumerate(parts))


def _step_of_path(part: str, number: int, count: int) -> bool:
    """Is `part` a step of a location path (an empty part: its start, or `//` within it)?"""
    if not part:
        return number < count - 1 and count > 1
    name = part[:part.index("[")] if "[" in part else part
    return bool(_PATH_STEP.fullmatch(name.strip())) and "".join(f"[{p}]" for p in _predicates(part)) == part[len(name):]


def _balanced(expression: str) -> bool:
    """Are the brackets and parentheses outside string literals balanced, none closed before it opens?"""
    depths = [depth for _, _, depth in _outside_strings(expression)] or [0]
    return min(depths) >= 0 and depths[-1] == 0


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
    found, start = [], 0
    for index, char, depth in _outside_strings(step):
        if char == "[" and depth == 1:
            start = index + 1
        elif char == "]" and depth == 0:
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


@dataclass(frozen=True)
class _Rule:
    """A rule compiled: its context (a match pattern) and what it does where it fires (xsl:variable for
    each `let`, xsl:if for each assertion)."""

    context: str
    body: list[etree._Element]


def _pattern(pattern: etree._Element, path: Path, index: int) -> list[_Rule]:
    """The rules of one pattern, in order (the first whose context matches fires); index: the pattern's."""
    if set(pattern.attrib) - {"id", "name"}:
        raise _unsupported(pattern, path, "an abstract pattern, or one that instantiates another,")
    rules = []
    for node in _elements(pattern):
        if node.tag in (f"{_S}title", f"{_S}p"):
            continue
        if node.tag != f"{_S}rule":
            raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a pattern")
        rules.append(node)
    compiled = []
    for rule in rules:
        context = rule.get("context")
        if not context or set(rule.attrib) - {"context", "id", "role"}:
            raise _unsupported(rule, path, "a rule without @context, abstract or extending another,")
        if not matches_only_elements(context):
            raise _unsupported(rule, path, f"the context {context!r}, which may match nodes other than elements,")
        body = []
        for node in _elements(rule):
            if node.tag == f"{_S}let" and node.get("name") and node.get("value") is not None:
                body.append(etree.Element(f"{_X}variable", name=node.get("name"), select=node.get("value")))
            elif node.tag in (f"{_S}assert", f"{_S}report"):
                body.append(_assertion(node, path, index))
            else:
                raise _unsupported(node, path, f"<{etree.QName(node).localname}> in a rule")
        compiled.append(_Rule(context, body))
    return compiled


def _templates(rules: list[_Rule], index: int) -> list[etree._Element]:
    """The templates of one pattern's rules, in mode M{index}: the first rule has the highest
    priority; an element no rule matches gets nothing (the built-in template would walk its children)."""
    templates = []
    for number, rule in enumerate(rules):
        template = etree.Element(f"{_X}template", match=rule.context, mode=f"M{index}",
                                 priority=str(1000 + len(rules) - 1 - number))
        template.extend(copy.deepcopy(rule.body))
        templates.append(template)
    templates.append(etree.Element(f"{_X}template", match="*", mode=f"M{index}", priority="-2"))
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
    """The assertion's text: its text nodes, and value-of and name as the skeleton writes them. A
    text node of nothing but white space is left out: the skeleton copies it into its XSLT, whose
    parser strips it."""
    if node.text and node.text.strip():
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
        if child.tail and child.tail.strip():
            etree.SubElement(into, f"{_X}text").text = child.tail


def failures(report: etree._ElementTree) -> list[etree._Element]:
    """The <m> of a report, in the skeleton's order: by pattern, then by document order."""
    root = report.getroot()
    if root is None or not len(root):
        return []
    return sorted(root, key=lambda failure: int(failure.get("p")))
