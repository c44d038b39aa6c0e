"""The hand-over's own terms (resources/handover_terms.json): which tables make up each area (the
package's row counts), the 引継ぎ事項 template, the 引継書's section titles and data-handling text,
and the package's name and advice."""

from __future__ import annotations

import functools
import json
from typing import NamedTuple

from kyojushien_desktop.paths import resource_path


class Area(NamedTuple):
    key: str
    label: str
    tables: tuple[str, ...]


class NoteSection(NamedTuple):
    """One part of the 引継ぎ事項: its title, what to write there, and the lines it starts with."""

    key: str
    title: str
    prompt: str
    template: str


class HandoverTerms(NamedTuple):
    areas: tuple[Area, ...]
    notes: tuple[NoteSection, ...]
    report_title: str
    report_subtitle: str
    title_block: dict[str, str]  # the title block's rows: field → label (後任者 and 引継日 left blank)
    approval: tuple[str, ...]  # the 所属長確認 box: its title, then its blank rows (確認日, 印)
    sections: dict[str, str]  # section key → its title in the 引継書
    data_handling: tuple[str, ...]
    extension: str
    name_pattern: str  # "{municipality}_引き継ぎ_{date}"
    passphrase_advice: str
    passphrase_lost: str  # what happens when the passphrase is lost, and what to do
    no_encryption_warning: str
    partner_stages: tuple[str, ...]  # 主な関係先: the 協議会との関係 listed, nearest first
    partner_limit: int  # organisations printed; the rest are counted
    former_limit: int  # 前任 printed per organisation, the latest first
    wording: dict[str, str]  # the 引継書's sentences, with {placeholders}


@functools.cache
def handover_terms() -> HandoverTerms:
    """Loaded once from ``resources/handover_terms.json``."""
    raw = json.loads(resource_path("handover_terms.json").read_text(encoding="utf-8"))
    report, package = raw["report"], raw["package"]
    return HandoverTerms(
        areas=tuple(Area(a["key"], a["label"], tuple(a["tables"])) for a in raw["areas"]),
        notes=tuple(NoteSection(n["key"], n["title"], n["prompt"], n["template"]) for n in raw["notes"]),
        report_title=report["title"],
        report_subtitle=report["subtitle"],
        title_block=dict(report["title_block"]),
        approval=tuple(report["approval"]),
        sections=dict(report["sections"]),
        data_handling=tuple(report["data_handling"]),
        extension=package["extension"],
        name_pattern=package["name"],
        passphrase_advice=package["passphrase_advice"],
        passphrase_lost=package["passphrase_lost"],
        no_encryption_warning=package["no_encryption_warning"],
        partner_stages=tuple(report["partners"]["stages"]),
        partner_limit=int(report["partners"]["limit"]),
        former_limit=int(report["partners"]["former_limit"]),
        wording=dict(report["wording"]),
    )
