"""p38 of the guide: the 目線合わせのための取組み診断シート (resources/guide/diagnosis.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class DiagnosisPhase:
    number: int
    title: str
    main_page: str


@dataclass(frozen=True, slots=True)
class DiagnosisItem:
    """A row of the self-assessment; ``text`` is the phase's 到達の目安 with the same id."""

    id: str
    phase: int
    text: str
    pages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DiagnosisSheet:
    """The 目線合わせのための取組み診断シート ①自己評価表 and how to use it."""

    source: str
    title: str
    subtitle: str
    lead: tuple[str, ...]
    header_fields: tuple[str, ...]
    instruction: str
    scale: tuple[ScalePoint, ...]
    scale_note: str
    phases: tuple[DiagnosisPhase, ...]
    items: tuple[DiagnosisItem, ...]
    pages_note: str
    free_answer_label: str
    steps: tuple[str, ...]
    steps_note: str

    def items_for(self, phase_number: int) -> tuple[DiagnosisItem, ...]:
        """The rows of one phase, for drawing the sheet phase by phase."""
        return tuple(i for i in self.items if i.phase == phase_number)


@functools.cache
def diagnosis_sheet() -> DiagnosisSheet:
    """The diagnostic sheet, read once; its rows are the same 21 items as the milestones."""

    def build(d: dict[str, Any]) -> DiagnosisSheet:
        return DiagnosisSheet(
            source=str_value(d["source"]),
            title=str_value(d["title"]),
            subtitle=str_value(d["subtitle"]),
            lead=str_tuple(d["lead"]),
            header_fields=str_tuple(d["header_fields"]),
            instruction=str_value(d["instruction"]),
            scale=tuple(ScalePoint(value=int(s["value"]), label=str_value(s["label"])) for s in d["scale"]),
            scale_note=str_value(d["scale_note"]),
            phases=tuple(
                DiagnosisPhase(
                    number=int(p["number"]), title=str_value(p["title"]), main_page=str_value(p["main_page"])
                )
                for p in d["phases"]
            ),
            items=tuple(
                DiagnosisItem(
                    id=str_value(i["id"]), phase=int(i["phase"]), text=str_value(i["text"]), pages=str_tuple(i["pages"])
                )
                for i in d["items"]
            ),
            pages_note=str_value(d["pages_note"]),
            free_answer_label=str_value(d["free_answer_label"]),
            steps=str_tuple(d["steps"]),
            steps_note=str_value(d["steps_note"]),
        )

    return read_guide("diagnosis.json", build)
