"""How a town hall's own list is read into the 名簿 (resources/member_import.json): the words that
map a file's 分類 to the guide's 区分, the words of total and footer rows that are not
organisations, and the marks that mean 庁内. Data, so the lists can grow without touching code."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kyojushien_desktop.paths import resource_path


@dataclass(frozen=True, slots=True)
class CategoryRule:
    """A file's 分類 containing one of ``words`` is read as ``category``; the first rule wins."""

    category: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportRules:
    category_rules: tuple[CategoryRule, ...]
    footer_words: tuple[str, ...]  # 計, 合計, 以上 …: a row saying only this (and a count) is no organisation
    footer_units: tuple[str, ...]  # 件, 団体 …: what may follow the count in 「合計 42件」
    internal_marks: tuple[str, ...]  # what a 庁内/庁外 cell holds for 庁内


@functools.cache
def import_rules() -> ImportRules:
    """Loaded once from ``resources/member_import.json``."""
    raw = json.loads(resource_path("member_import.json").read_text(encoding="utf-8"))
    return ImportRules(
        category_rules=tuple(
            CategoryRule(str(rule["category"]), tuple(map(str, rule["words"]))) for rule in raw["category_rules"]
        ),
        footer_words=tuple(map(str, raw["footer_words"])),
        footer_units=tuple(map(str, raw["footer_units"])),
        internal_marks=tuple(map(str, raw["internal_marks"])),
    )
