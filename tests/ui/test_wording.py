"""Wording in one place per area plus common words: a Japanese word or phrase written out in
two places of ``ui/``, or written out where a wording module already names it, drifts apart the
first time one of them is changed."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "kyojushien_desktop" / "ui"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def literals(path: Path) -> list[tuple[str, int]]:
    """Whole Japanese string literals of a module: not docstrings, not pieces of f-strings, not
    mapping keys, and not single characters (a separator, or the glyph a width is measured in)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(part) for part in node.values)
        if isinstance(node, ast.Dict):  # keys are data (a contact kind's colour), not words shown
            skip.update(id(key) for key in node.keys if key is not None)
    return [
        (node.value, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and len(node.value.strip()) > 1
        and JAPANESE.search(node.value)
    ]


def named_words() -> dict[str, str]:
    """Every word the wording modules name, by its text."""
    words = {}
    for path in UI.rglob("wording.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                words[node.value.value] = f"{path.parent.name}.{node.targets[0].id}"  # type: ignore[union-attr]
    return words


def test_no_japanese_word_is_written_twice_in_the_ui():
    seen: dict[str, list[str]] = defaultdict(list)
    for path in UI.rglob("*.py"):
        if path.name != "wording.py":
            for text, line in literals(path):
                seen[text].append(f"{path.relative_to(UI)}:{line}")
    twice = {text: places for text, places in seen.items() if len(places) > 1}
    assert not twice, f"written in more than one place (name them in a wording module): {twice}"


def test_no_screen_spells_out_a_word_the_wording_names():
    words = named_words()
    spelled = [
        f"{path.relative_to(UI)}:{line} 「{text}」 is {words[text]}"
        for path in UI.rglob("*.py")
        if path.name != "wording.py"
        for text, line in literals(path)
        if text in words
    ]
    assert not spelled, spelled


def test_wording_modules_name_each_word_once():
    by_text: dict[str, list[str]] = defaultdict(list)
    for path in UI.rglob("wording.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                by_text[node.value.value].append(f"{path.parent.name}.{node.targets[0].id}")  # type: ignore[union-attr]
    assert not {text: names for text, names in by_text.items() if len(names) > 1}
