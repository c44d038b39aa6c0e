"""フェーズ進捗: where each of the guide's 21 到達の目安 stands (未着手 / 取組み中 / 達成), what was
learnt and shared on the way (the guide's two questions), the records that back it, and the
month it should be reached by, planned against the next 人事異動.

The app suggests evidence from the records but never decides a 状態: the staff member does.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from kyojushien_desktop.domain.members import Problems, normalize_text
from kyojushien_desktop.domain.wareki import format_month

NOT_STARTED, IN_PROGRESS, ACHIEVED = "未着手", "取組み中", "達成"
STATUSES: tuple[str, ...] = (NOT_STARTED, IN_PROGRESS, ACHIEVED)
VISIT, MEETING, CONTACT, ORGANIZATION, DOCUMENT = "visit", "meeting", "contact", "organization", "document"
EVIDENCE_KINDS: tuple[str, ...] = (VISIT, MEETING, CONTACT, ORGANIZATION, DOCUMENT)
_MONTH = re.compile(r"^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?$")


@dataclass(frozen=True)
class MilestoneState:
    """A 到達の目安's state as saved; a 目安 never touched is 未着手 with nothing else."""

    milestone_id: str
    status: str = NOT_STARTED
    changed_on: dt.date | None = None
    learned: str = ""  # わかったことは何か
    shared: str = ""  # 関係者と共有できたことは何か
    target_month: str | None = None  # "2027-03"
    evidence_count: int = 0


@dataclass(frozen=True)
class StatusChange:
    milestone_id: str
    changed_at: str
    changed_on: dt.date | None
    old_status: str
    new_status: str
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    """A record linked to a 目安: a visit, meeting, contact or organisation of the file (by id), or
    a document kept elsewhere (its name and where it is kept)."""

    milestone_id: str
    kind: str
    ref_id: int | None = None
    title: str = ""
    place: str = ""
    id: int | None = None
    added_at: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A record the rules propose as evidence for a 目安, with the reason in a few words."""

    milestone_id: str
    kind: str
    ref_id: int
    title: str
    reason: str
    on: dt.date | None = None
    place: str = ""  # a document's: where it is kept (its ref_id is only the record it came from)


@dataclass(frozen=True)
class PhaseProgress:
    phase: int
    title: str
    achieved: int
    in_progress: int
    total: int
    target_month: str | None = None

    @property
    def done(self) -> bool:
        return self.achieved == self.total


def parse_month(text: str | None) -> str | None:
    """「2027-03」「2027/3」「2027年3月」(全角 too) → "2027-03"; blank → None; else ValueError."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        return None
    found = _MONTH.match(value)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValueError(value)
    return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"


def month_end(month: str) -> dt.date:
    """The last day of "YYYY-MM": a target month is met when done by then."""
    year, number = (int(part) for part in month.split("-"))
    first_next = dt.date(year + number // 12, number % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def fiscal_year(day: dt.date) -> int:
    """The 年度 a day belongs to (4月–3月): 2027-03-31 is in 年度 2026."""
    return day.year if day.month >= 4 else day.year - 1


def clean_notes(state: MilestoneState) -> MilestoneState:
    from dataclasses import replace

    cleaned = replace(state, learned=normalize_text(state.learned), shared=normalize_text(state.shared))
    problems = Problems()
    if cleaned.status not in STATUSES:
        problems.add("status", "状態を選んでください（" + "・".join(STATUSES) + "）。")
    for key, label in (("learned", "わかったこと"), ("shared", "関係者と共有できたこと")):
        if len(getattr(cleaned, key)) > 2000:
            problems.add(key, f"{label}は2000文字以内で入力してください。")
    problems.raise_if_any()
    return cleaned


def clean_document(evidence: Evidence) -> Evidence:
    from dataclasses import replace

    cleaned = replace(
        evidence, title=" ".join(normalize_text(evidence.title).split()), place=normalize_text(evidence.place)
    )
    problems = Problems()
    if cleaned.kind == DOCUMENT and not cleaned.title:
        problems.add("title", "資料の名前を入力してください（例: 令和8年度 住宅確保要配慮者の実態調査）。")
    if cleaned.kind == DOCUMENT and not cleaned.place:
        problems.add("place", "どこに保管しているかを入力してください（例: 共有フォルダ\\住宅係\\居住支援）。")
    if cleaned.kind not in EVIDENCE_KINDS:
        problems.add("kind", "根拠の種類が正しくありません。")
    problems.raise_if_any()
    return cleaned


def target_warnings(
    targets: dict[str, str], states: dict[str, str], rotation: dt.date, labels: dict[str, str]
) -> list[str]:
    """Targets (目安 or フェーズ → "YYYY-MM") not yet 達成 that fall after the 異動予定日: the guide's
    ポイント says 人事異動 can reset the discussion, so they are named."""
    late = []
    for key, month in sorted(targets.items()):
        if states.get(key) != ACHIEVED and month_end(month) > rotation:
            late.append(f"{labels.get(key, key)}の目標（{format_month(month)}）が人事異動予定日より後です。")
    return late
