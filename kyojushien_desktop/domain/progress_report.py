"""What the two フェーズ進捗 papers print: the 現在地レポート (each phase, each 到達の目安 with its
状態, date, notes and evidence) and the 取組みの経過 chart (by phase, dated, turning points)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kyojushien_desktop.domain.progress import MilestoneState, PhaseProgress
from kyojushien_desktop.domain.progress_plan import Activity

EVIDENCE_LABELS = {
    "visit": "ヒアリング",
    "meeting": "会議",
    "contact": "連絡",
    "organization": "団体",
    "document": "資料",
}


@dataclass(frozen=True)
class MilestoneLine:
    text: str
    state: MilestoneState
    evidence: tuple[str, ...]  # 「会議: 庁内勉強会「…」」, 「資料: 名前（保管場所）」


@dataclass(frozen=True)
class PhaseSection:
    progress: PhaseProgress
    milestones: tuple[MilestoneLine, ...]


@dataclass(frozen=True)
class ProgressReport:
    municipality: str
    department: str
    made_on: dt.date
    rotation: dt.date
    check: str  # the guide's two questions
    phases: tuple[PhaseSection, ...]


@dataclass(frozen=True)
class ProgressChart:
    municipality: str
    made_on: dt.date
    rotation: dt.date
    phase_titles: dict[int, str]
    activities: tuple[Activity, ...]
