"""The layering rules of ARCHITECTURE.md, checked on the import graph of the whole package.

Every import counts: at the top, inside functions and under ``TYPE_CHECKING``. ``from pkg import
name`` is an edge to ``pkg.name`` when that is a module, else to ``pkg``.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kyojushien_desktop"
NAME = "kyojushien_desktop"
AREAS = ("members", "hearing", "meetings", "progress", "diagnosis", "handover", "region")

# What each layer may import of ours, besides itself. cli sits beside ui and reaches the GUI only
# through ``app``; ``paths`` and the package root are below everything.
ALLOWED = {
    "ui": {"services", "domain", "content", "paths", "root"},
    "app": {"ui", "services", "paths", "root"},
    "cli": {"services", "domain", "content", "paths", "root", "app"},
    "services": {"store", "reports", "domain", "content", "paths", "root"},
    "store": {"domain", "paths", "root"},
    "reports": {"domain", "content", "paths", "root"},
    "domain": {"root"},
    "content": {"paths", "root"},
    "paths": {"root"},
    "root": set(),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package(importer):
        base = base[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


@cache
def imports_of(name: str) -> frozenset[str]:
    """Every module this one imports, ours and others."""
    tree = ast.parse(modules()[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = resolve(name, node)
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules() else target)
    return frozenset(found)


def ours(name: str) -> frozenset[str]:
    return frozenset(m for m in imports_of(name) if m in modules())


def layer(name: str) -> str:
    parts = name.split(".")
    if len(parts) == 1:
        return "root"
    return {"__main__": "cli"}.get(parts[1], parts[1])


def test_layers_import_only_downwards():
    """ui/cli → services → store/reports → domain/content, never back; cli reaches the GUI only
    through ``app``."""
    bad = []
    for name in modules():
        for target in ours(name):
            if layer(target) != layer(name) and layer(target) not in ALLOWED[layer(name)]:
                bad.append(f"{name} → {target}")
    assert not bad, "imports against the layer order:\n" + "\n".join(sorted(bad))


def test_no_import_cycles():
    """The import graph of the package has no cycle (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in ours(node):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(modules()):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles: {cycles}"


def test_services_common_and_areas_stay_apart():
    """``services.common`` knows no area; an area never imports the modules above the areas
    (``services.datafile``, ``timeline``, ``overview``, ``sample``), which compose them."""
    above = {m for m in modules() if m.startswith(f"{NAME}.services.") and m.count(".") == 2}
    bad = []
    for name in modules():
        if name.startswith(f"{NAME}.services.common"):
            bad += [f"{name} → {t}" for t in ours(name) if any(f".services.{a}" in t for a in AREAS)]
            bad += [f"{name} → {t}" for t in ours(name) if t in above]
        if any(name.startswith(f"{NAME}.services.{a}") for a in AREAS):
            bad += [f"{name} → {t}" for t in ours(name) if t in above]
    assert not bad, "\n".join(bad)


def test_qt_only_in_the_ui():
    """Only ui/ and app.py import PySide6."""
    bad = [
        name
        for name in modules()
        if layer(name) not in ("ui", "app") and any(m.startswith("PySide6") for m in imports_of(name))
    ]
    assert not bad, bad


def test_no_sql_in_ui():
    """UI code runs no SQL and never imports sqlite3 or sqlite_utils."""
    sql = re.compile(r"\b(SELECT\b.+\bFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b")
    for name, path in modules().items():
        if layer(name) != "ui":
            continue
        assert not sql.search(path.read_text(encoding="utf-8")), f"SQL in {path}"
        assert not {"sqlite3", "sqlite_utils"} & imports_of(name), path


# Known exceptions, to go: the session catches sqlite3.Error around the daily backup itself
# (services/common/session.py belongs to the data-file work, which moves backups behind the store).
SQLITE_OUTSIDE_STORE: set[str] = set()


def test_sqlite_only_in_the_store():
    """Only store/ imports sqlite3 or sqlite_utils: the store hands domain objects upward, so no
    service maps rows or catches SQLite's own errors (the known exceptions are listed above)."""
    bad = sorted(
        name
        for name in modules()
        if layer(name) != "store"
        and {"sqlite3", "sqlite_utils"} & imports_of(name)
        and name not in SQLITE_OUTSIDE_STORE
    )
    assert not bad, bad
    stale = sorted(name for name in SQLITE_OUTSIDE_STORE if not {"sqlite3", "sqlite_utils"} & imports_of(name))
    assert not stale, f"no longer an exception, take it off the list: {stale}"


def test_every_package_is_installed():
    """pyproject.toml lists every package of the tree, so a wheel holds all of them."""
    listed = set(re.findall(r'"(kyojushien_desktop[\w.]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")))
    packages = {name for name in modules() if is_package(name)}
    assert packages <= listed, packages - listed


# --- size and dead code ------------------------------------------------------------------------

MAX_LINES = 500


def test_no_module_over_500_lines():
    """A module that grows past this mixes jobs; split it by what it holds."""
    long = {name: n for name, path in modules().items() if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_every_function_has_a_caller_in_the_package():
    """No dead code: each function, method and class of ours is named somewhere in the package
    besides its own definition (a function only tests call gets a screen or goes). camelCase
    names are Qt's and reportlab's overrides, called by the framework."""
    words: dict[str, int] = {}
    for path in modules().values():
        for word in re.findall(r"\b\w+\b", path.read_text("utf-8")):
            words[word] = words.get(word, 0) + 1
    unused = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            own = node.name
            if own.startswith("__") or re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", own) or own == "main":
                continue
            if words.get(own, 0) < 2:
                unused.append(f"{name}.{own}")
    assert not unused, f"defined but never used in the package: {unused}"
