"""The 年度 plan of フェーズ進捗 and its 取組みの経過: what is set for which month against the next
人事異動 (targets, meetings and visits held or planned), what the plan lacks, and one dated list of
everything done, each with its phase where known."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kyojushien_desktop.domain.progress import ACHIEVED, PhaseProgress, month_end

TARGET, MEETING_ITEM, VISIT_ITEM, CONTACT_ITEM, STATUS_ITEM, ROTATION_ITEM = (
    "目標",
    "会議",
    "ヒアリング",
    "連絡",
    "状態の変更",
    "人事異動",
)


@dataclass(frozen=True)
class PlanEntry:
    """One dated thing on the 年度 timeline; a target is dated by the last day of its month."""

    on: dt.date
    kind: str
    label: str
    planned: bool = False
    phase: int | None = None


@dataclass(frozen=True)
class Reminder:
    """引継ぎの準備: shown from ``handover_days`` before the 人事異動, with the guide's ポイント."""

    rotation: dt.date
    days_left: int
    title: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    first_year: int  # the 年度 shown first (this one); the next follows
    rotation: dt.date
    entries: tuple[PlanEntry, ...]
    warnings: tuple[str, ...]
    reminder: Reminder | None

    def months(self) -> list[tuple[int, int]]:
        """The 24 (year, month) of this 年度 and the next, April first."""
        return [(self.first_year + (m + 3) // 12, (m + 3) % 12 + 1) for m in range(24)]

    def in_month(self, year: int, month: int) -> list[PlanEntry]:
        return [e for e in self.entries if (e.on.year, e.on.month) == (year, month)]


@dataclass(frozen=True)
class Activity:
    """One line of 取組みの経過; a status change is a turning point of its phase."""

    on: dt.date
    kind: str
    title: str
    phases: tuple[int, ...] = ()
    detail: str = ""

    @property
    def turning_point(self) -> bool:
        return self.kind == STATUS_ITEM


def within(entries: list[PlanEntry], first_year: int) -> list[PlanEntry]:
    """The entries of ``first_year`` and the next 年度, in date order."""
    start, end = dt.date(first_year, 4, 1), dt.date(first_year + 2, 3, 31)
    return sorted((e for e in entries if start <= e.on <= end), key=lambda e: (e.on, e.kind, e.label))


def unplanned_phases(
    phases: list[PhaseProgress], targeted: set[int], planned: set[int], labels: dict[int, str]
) -> list[str]:
    """A phase not yet 達成 with no target and no planned meeting or visit: the plan says nothing
    about when it will move."""
    return [
        f"{labels.get(p.phase, p.phase)}は未達成ですが、目標の月も予定の会議・ヒアリングもありません。"
        for p in phases
        if not p.done and p.phase not in targeted and p.phase not in planned
    ]


def handover_reminder(
    today: dt.date, rotation: dt.date, days: int, title: str, body: tuple[str, ...]
) -> Reminder | None:
    """The reminder from ``days`` before the 人事異動 until the day itself."""
    left = (rotation - today).days
    return Reminder(rotation, left, title, body) if 0 <= left <= days else None


def late_phase_states(phases: list[PhaseProgress]) -> dict[str, str]:
    """Phase keys (``phase-N``) as 達成 when every 目安 is, for ``target_warnings``."""
    return {phase_key(p.phase): ACHIEVED for p in phases if p.done}


def phase_key(number: int) -> str:
    return f"phase-{number}"


def target_entry(key_label: str, month: str, phase: int) -> PlanEntry:
    return PlanEntry(month_end(month), TARGET, key_label, planned=True, phase=phase)


def by_phase(activities: list[Activity], phase: int | None) -> list[Activity]:
    """The 経過 of one phase (``None``: all), oldest first."""
    chosen = [a for a in activities if phase is None or phase in a.phases]
    return sorted(chosen, key=lambda a: (a.on, a.turning_point))
