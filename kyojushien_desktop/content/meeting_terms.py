"""The meetings area's own vocabulary (resources/meeting_terms.json): 種類, 状態, 出欠, the
開催前・開催後 checklist with its default 期限, the アンケート presets, the 立場 a group mixes and
the 開催レポート's sections. The guide's own text for each step is in ``content.meetings``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kyojushien_desktop.paths import resource_path


@dataclass(frozen=True)
class MeetingKind:
    name: str
    exchange: bool  # an exchange raises an 庁外 attendee's 関係 to at least ``exchange_stage``


@dataclass(frozen=True)
class ChecklistDefault:
    key: str
    timing: str  # "before" or "after"
    step: str  # the guide's step (content.meetings) whose text goes with it; "" for the app's own
    title: str
    days: int  # 期限 counted from the meeting's day (negative: before it)
    lecture_point: int | None = None  # for 講演を企画する際のポイント: which of its points


@dataclass(frozen=True)
class SurveyPreset:
    key: str
    text: str
    kind: str
    choices: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class Seating:
    circle: str
    groups: str
    circle_up_to: int
    group_min: int
    group_max: int
    group_default: int


@dataclass(frozen=True)
class MeetingTerms:
    source: str
    kinds: tuple[MeetingKind, ...]
    exchange_stage: str
    pages: dict[str, int]
    seating: Seating
    checklist: tuple[ChecklistDefault, ...]
    survey_presets: tuple[SurveyPreset, ...]
    survey_kinds: dict[str, str]
    group_sides: dict[str, str]  # 区分 → 立場
    side_order: tuple[str, ...]
    report_sections: tuple[tuple[str, str], ...]  # key, title

    @property
    def kind_names(self) -> tuple[str, ...]:
        return tuple(kind.name for kind in self.kinds)

    def is_exchange(self, kind: str) -> bool:
        return any(k.name == kind and k.exchange for k in self.kinds)

    def page_note(self, key: str) -> str:
        """「手引き p49」 for a part of chapter 6."""
        return f"手引き p{self.pages[key]}"


@functools.cache
def meeting_terms() -> MeetingTerms:
    """Loaded once from ``resources/meeting_terms.json``."""
    raw = json.loads(resource_path("meeting_terms.json").read_text(encoding="utf-8"))
    seating = raw["seating"]
    return MeetingTerms(
        source=str(raw["source"]),
        kinds=tuple(MeetingKind(str(k["name"]), bool(k["exchange"])) for k in raw["kinds"]),
        exchange_stage=str(raw["exchange_stage"]),
        pages={str(k): int(v) for k, v in raw["pages"].items()},
        seating=Seating(
            circle=str(seating["circle"]),
            groups=str(seating["groups"]),
            circle_up_to=int(seating["circle_up_to"]),
            group_min=int(seating["group_min"]),
            group_max=int(seating["group_max"]),
            group_default=int(seating["group_default"]),
        ),
        checklist=tuple(
            ChecklistDefault(
                str(c["key"]),
                str(c["timing"]),
                str(c["step"]),
                str(c["title"]),
                int(c["days"]),
                int(c["lecture_point"]) if "lecture_point" in c else None,
            )
            for c in raw["checklist"]
        ),
        survey_presets=tuple(
            SurveyPreset(str(p["key"]), str(p["text"]), str(p["kind"]), tuple(map(str, p["choices"])), str(p["label"]))
            for p in raw["survey_presets"]
        ),
        survey_kinds={str(k): str(v) for k, v in raw["survey_kinds"].items()},
        group_sides={str(c): str(s["side"]) for s in raw["group_sides"] for c in s["categories"]},
        side_order=tuple(str(s["side"]) for s in raw["group_sides"]),
        report_sections=tuple((str(s["key"]), str(s["title"])) for s in raw["report_sections"]),
    )
