"""The layering rules of ARCHITECTURE.md, checked by reading the source."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kyojushien_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_below_the_ui():
    """store, services, reports and domain never import Qt widgets or GUI classes."""
    for layer in ("store", "services", "reports", "domain"):
        for path in (PACKAGE / layer).rglob("*.py"):
            bad = {m for m in imported_modules(path) if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))}
            assert not bad, f"{path} imports {bad}"


def test_store_never_imports_upper_layers():
    """The store depends only on domain and paths, never on services, reports or ui."""
    for path in (PACKAGE / "store").rglob("*.py"):
        bad = {
            m
            for m in imported_modules(path)
            if m.startswith(("kyojushien_desktop.services", "kyojushien_desktop.ui", "kyojushien_desktop.reports"))
        }
        assert not bad, f"{path} imports {bad}"


def test_no_sql_in_ui():
    """UI code runs no SQL and never imports sqlite3 or the store."""
    sql = re.compile(r"\b(SELECT\b.+\bFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b")
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not sql.search(text), f"SQL in {path}"
        modules = imported_modules(path)
        assert "sqlite3" not in modules and "sqlite_utils" not in modules, path
        assert not {m for m in modules if m.startswith("kyojushien_desktop.store")}, f"{path} reaches into the store"
