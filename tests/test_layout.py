"""The shape of the ``hangar`` package, read from its source with ``ast`` (no Django needed).

Hangar is layered so that each domain package can grow without the layers tangling:
``hangar.ll2`` (the wire format) stands alone, ``hangar.core`` (domain-free machinery) builds
on it only, the domain packages (images, agencies, launches, spacecraft, ...) build on both
and on each other but never on ``hangar.ingest``, which sits on top of them all, and within a
domain, ``resources`` (what the API serves) is the top that nothing else in it imports. Import
cycles, long modules and long functions are refused too, so that modules stay small enough to
read in one sitting.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hangar"
# With ``hangar`` itself, the top, unrestricted; ``service`` (home page, health, metrics) reads
# every layer, the sync's state included.
PROJECT = {"settings", "urls", "wsgi", "cli", "service"}
NOT_DOMAINS = {"ll2", "core", "ingest", "catalog", "project"}
BELOW_RESOURCES = {"models", "stats", "queries", "inputs", "collect", "import_rules"}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


@dataclass(frozen=True)
class Module:
    name: str  # hangar.spacecraft.models
    path: Path
    tree: ast.Module
    lines: int

    @property
    def package(self) -> str:
        """Where relative imports start from."""
        is_package = self.path.name == "__init__.py"
        return self.name if is_package else self.name.rpartition(".")[0]


@cache
def modules() -> dict[str, Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts:
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        source = path.read_text(encoding="utf-8")
        name = ".".join(parts)
        found[name] = Module(name, path, ast.parse(source, str(path)), len(source.splitlines()))
    return found


def imports(module: Module) -> list[tuple[int, str]]:
    """Every module ``module`` imports, anywhere in it (functions included), with the line:
    relative imports resolved, ``from pkg import name`` counted as importing ``pkg.name`` when
    that is a module."""
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.append((node.lineno, submodule if submodule in modules() else base))
    return sorted(found)


def functions(node: ast.AST, prefix: str = ""):
    """``(qualified name, node)`` of every function and method under ``node``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = f"{prefix}{child.name}"
            if not isinstance(child, ast.ClassDef):
                yield name, child
            yield from functions(child, f"{name}.")
        else:
            yield from functions(child, prefix)


def top(name: str) -> str:
    """The part of ``hangar`` a module belongs to: ``ll2``, ``core``, a domain, ``project``."""
    parts = name.split(".")
    if len(parts) == 1 or parts[1] in PROJECT:
        return "project"
    return parts[1]


def is_domain(name: str) -> bool:
    return name.split(".")[0] == "hangar" and top(name) not in NOT_DOMAINS


def allowed(importer: str, imported: str) -> bool:
    """Whether the layers let the hangar module ``importer`` import ``imported``."""
    root = imported.split(".")[0]
    if root in {"tests", "bench"}:
        return False
    if root != "hangar":
        return True
    layer, target = top(importer), top(imported)
    if layer == "ll2":
        return target == "ll2"
    if layer == "core":
        return target in {"core", "ll2"}
    if layer == "catalog":
        return False
    if is_domain(importer):
        first = importer.split(".")[2] if importer.count(".") >= 2 else ""
        below_resources = first in BELOW_RESOURCES or first.startswith("serializers")
        if below_resources and imported.split(".")[2:3] == ["resources"]:
            return False
        return target in {"core", "ll2"} or is_domain(imported)
    if layer == "ingest":
        return target != "project"
    return layer == "project"


def graph() -> dict[str, set[str]]:
    return {
        name: {target for _, target in imports(module) if target in modules() and target != name}
        for name, module in modules().items()
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``edges`` (a depth-first search), as the list of its modules."""
    state: dict[str, str] = {}  # "open" while on the path, "done" after

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target, path)):
                return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node, [])):
            return cycle
    return None


def test_modules_import_only_from_the_layers_below_them():
    offending = [
        f"{name} (line {line}) imports {target}"
        for name, module in modules().items()
        for line, target in imports(module)
        if not allowed(name, target)
    ]
    assert not offending, "Imports that break the layers:\n" + "\n".join(offending)


def test_no_import_cycle_among_hangar_modules():
    cycle = find_cycle(graph())
    assert cycle is None, "An import cycle: " + " -> ".join(cycle or [])


def test_no_module_is_over_500_lines():
    offending = [
        f"{name}: {module.lines} lines"
        for name, module in modules().items()
        if module.lines > MAX_MODULE_LINES
    ]
    assert not offending, "Modules to split:\n" + "\n".join(offending)


def test_no_function_is_over_60_lines():
    offending = [
        f"{name}.{function} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for name, module in modules().items()
        for function, node in functions(module.tree)
        if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not offending, "Functions to split:\n" + "\n".join(offending)


def test_the_rules_read_every_kind_of_import():
    """The checks above are only as good as their reading of imports."""
    source = "from .. import models\nfrom .configs import X\ndef f():\n    import hangar.ingest\n"
    path = PACKAGE / "spacecraft" / "serializers" / "flights.py"
    module = Module("hangar.spacecraft.serializers.flights", path, ast.parse(source), 4)
    assert imports(module) == [
        (1, "hangar.spacecraft.models"),
        (2, "hangar.spacecraft.serializers.configs"),
        (4, "hangar.ingest"),
    ]
    assert not allowed("hangar.core.viewsets", "hangar.spacecraft.models")
    assert not allowed("hangar.spacecraft.models", "hangar.ingest.write")
    assert not allowed("hangar.spacecraft.serializers.configs", "hangar.agencies.resources")
    assert allowed("hangar.spacecraft.resources.spacecraft", "hangar.agencies.serializers")
    assert not allowed("hangar.ingest.importer", "tests.factories")
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
