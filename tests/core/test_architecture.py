"""The import rule of docs/architecture.md: data flows one way through the stages.

Every module's imports are read from its source by `tei.core.imports` (with `ast`, so imports
inside functions and `import_module` calls count too) and checked against three rules:

(a) no import cycle among the package's modules;
(b) `tei.core` imports nothing of the package outside `tei.core`;
(c) a module imports only modules of its own stage or of the stages before it.

Importing `tei.x.y` also runs `tei/x/__init__.py`; that edge is counted, since an export package
that imports the converter makes every `tei.export.*` import pull the converter in. Imports under
`if TYPE_CHECKING:` never run: they are left out of (a) but held to (b) and (c).
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from tei.core.imports import import_edges, module_files

PACKAGE = ROOT / "tei"

#: The stages in pipeline order; a module belongs to the first entry that is it or a package above
#: it. `tei` itself (the lazy Python API) and `tei.core` are the base layer.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("tei", "tei.core")),
    ("convert", ("tei.convert",)),
    ("schema", ("tei.schema",)),
    ("validate", ("tei.validate",)),
    ("render", ("tei.render",)),
    ("export", ("tei.export",)),
    ("site", ("tei.site",)),
    ("cli", ("tei.cli",)),
]

#: Imports against the direction that today's code still makes, as (importer, imported), each with
#: why. This list may only shrink: an entry that no longer occurs fails the test, so that it is
#: taken out when the import goes.
ALLOWED_BACKWARD: dict[tuple[str, str], str] = {}


MODULES = module_files(PACKAGE)

#: {module: {imported module: whether the import runs}}, read by the same reader as the build's
#: cache keys (tei/core/imports.py), so the rule checks the graph the build relies on.
GRAPH = {module: import_edges(module, path, MODULES) for module, path in MODULES.items()}


def stage_of(module: str) -> int:
    for rank, (_, prefixes) in enumerate(STAGES):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes if prefix != "tei"):
            return rank
    if module == "tei":
        return [name for name, _ in STAGES].index("core")
    raise LookupError(module)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_stage():
    unplaced = []
    for module in MODULES:
        try:
            stage_of(module)
        except LookupError:
            unplaced.append(module)
    assert not unplaced, f"declare the stage of {unplaced} in STAGES (and docs/architecture.md)"


def test_the_graph_is_read():
    """The parser finds imports of every kind, so an empty result below means something."""
    assert "tei.convert.encoder" in GRAPH["tei.convert.pipeline"]   # from .encoder import ...
    assert "tei.export" in GRAPH["tei.site.build"]                   # the package above export.edition
    assert GRAPH["tei.site.build"].get("tei.site.pages") is True     # an import inside a function
    assert GRAPH["tei.site.pages"].get("tei.site.build") is False    # under TYPE_CHECKING
    assert "tei.render.corpus" in GRAPH["tei.render.renderer"]       # from . import corpus


def test_no_import_cycle():
    running = {module: {target for target, runs in imports.items() if runs} for module, imports in GRAPH.items()}
    assert _cycles(running) == []


def test_core_imports_no_stage():
    outside = sorted((module, target) for module, imports in GRAPH.items() if module.startswith("tei.core")
                     for target in imports if not (target == "tei.core" or target.startswith("tei.core.")))
    assert outside == [], "tei.core is the base layer: it imports nothing else of the package"


def test_no_stage_imports_a_later_stage():
    backward = {(module, target) for module, imports in GRAPH.items() for target in imports
                if stage_of(target) > stage_of(module)}
    new = sorted(backward - set(ALLOWED_BACKWARD))
    assert new == [], "a stage imports only tei.core and the stages before it (docs/architecture.md)"
    gone = sorted(set(ALLOWED_BACKWARD) - backward)
    assert gone == [], "these imports are gone: take them out of ALLOWED_BACKWARD"


def test_the_tests_are_grouped_by_stage():
    """A test module sits in the folder of the stage it tests (docs/architecture.md, "The tests")."""
    stages = {name for name, _ in STAGES}
    misplaced = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("test_*.py")
                       if path.parent.parent != ROOT / "tests" or path.parent.name not in stages)
    assert misplaced == [], f"move these into tests/<stage>/ ({', '.join(sorted(stages))})"


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
    ({"a": {"a"}}, [["a"]]),
])
def test_cycle_finder(graph, expected):
    assert _cycles(graph) == expected


#: Each concept of docs/architecture.md's base layer, as a pattern of its definition, and the one
#: module that may define it.
ONE_DEFINITION = {
    "the TEI namespace": (r"[\"']\{?http://www\.tei-c\.org/ns/1\.0", "tei.core.tei"),
    "a register reader": (r"^class Registers\b", "tei.core.registers"),
    "a date value": (r"^class DateValue\b", "tei.core.dates"),
    "a header record": (r"^class DocumentRecord\b", "tei.core.record"),
    "the format table": (r"^\s*Format\(\"", "tei.core.formats"),
    "a file finder": (r"^def find_files\b", "tei.core.files"),
    "an element builder": (r"^def sub_element\b", "tei.core.tei"),
    "the archive's name": (r"[\"']Wilson Center Digital Archive[\"']", "tei.core.archive"),
}


@pytest.mark.parametrize("concept", sorted(ONE_DEFINITION))
def test_each_concept_is_defined_once_in_core(concept):
    import re

    pattern, home = ONE_DEFINITION[concept]
    found = sorted(module for module, path in MODULES.items()
                   if re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE))
    assert found == [home], f"{concept} is defined in {found}; only {home} may define it"
