"""The package's own import graph, read from its source (never by importing it): which modules a
module needs, directly or through others, even through a function-level or a lazy import
(`import_module(".name", __name__)`). The build keys what it caches on the code that makes it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # tei/


def module_files(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package under `root`, by its dotted name (a package by its __init__.py)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The dotted name a relative import in `module` stands for."""
    if not level:
        return name or ""
    base = module.split(".")
    base = base[: len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([name] if name else []))


def import_edges(module: str, path: Path, known: dict[str, Path]) -> dict[str, bool]:
    """{module of the package that `module` imports: whether the import runs}, from anywhere in its
    code (at the top, in a function, through importlib.import_module with a literal name). An
    import under `if TYPE_CHECKING:` never runs (False), but it still names what the module
    depends on, which the import rule of docs/architecture.md holds to the stages' direction.

    Importing x.y runs the packages above it, so they are edges too, except the packages that hold
    `module` itself: those ran before it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    hidden = {id(node) for branch in ast.walk(tree)
              if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
              for statement in branch.body for node in ast.walk(statement)}
    is_package = path.name == "__init__.py"
    found: dict[str, bool] = {}

    def add(name: str, runs: bool) -> None:
        while name:
            if name in known and name != module and not module.startswith(name + "."):
                found[name] = found.get(name, False) or runs
            name = name.rpartition(".")[0]

    for node in ast.walk(tree):
        runs = id(node) not in hidden
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, runs)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, is_package, node.level, node.module)
            add(target, runs)
            for alias in node.names:  # `from x import y` names module x.y when there is one
                if f"{target}.{alias.name}" in known:
                    add(f"{target}.{alias.name}", runs)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            name = node.args[0].value
            level = len(name) - len(name.lstrip("."))
            add(_absolute(module, is_package, level, name.lstrip(".") or None), runs)
    return found


def imports_of(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that running `module` may import."""
    return {name for name, runs in import_edges(module, path, known).items() if runs}


def import_closure(roots: tuple[str, ...], root: Path = PACKAGE) -> dict[str, Path]:
    """The modules of `roots` and every module of the package they import, directly or not, and
    the packages they are in, with their files."""
    known = module_files(root)
    seen: dict[str, Path] = {}
    todo = [name for name in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        if name not in known:
            raise LookupError(f"no module {name} in {root}")
        seen[name] = known[name]
        todo.extend(imports_of(name, known[name], known) - set(seen))
        if "." in name:
            todo.append(name.rpartition(".")[0])  # importing a module runs its packages first
    return dict(sorted(seen.items()))
