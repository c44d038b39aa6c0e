"""What the 開催レポート, the 受付名簿, the グループ表 and the アンケート用紙 print, gathered once by the
meetings service so the PDF and the Word file say the same thing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kyojushien_desktop.domain.meeting_results import AttendanceCounts, SurveyResults
from kyojushien_desktop.domain.meetings import Meeting, Participant, ProgramItem, SurveyQuestion

REPORT_SECTIONS: tuple[str, ...] = ("overview", "program", "lecture", "opinions", "survey", "next")


@dataclass(frozen=True)
class ReportOptions:
    """Which sections to print, and whether participants are named (by organisation only unless
    chosen: a report is handed out, and names are personal data)."""

    sections: frozenset[str] = frozenset(REPORT_SECTIONS)
    with_names: bool = False


@dataclass(frozen=True)
class MeetingReport:
    municipality: str
    department: str
    meeting: Meeting
    program: tuple[ProgramItem, ...]
    participants: tuple[Participant, ...]
    counts: AttendanceCounts
    group_notes: dict[int, str]
    survey: SurveyResults
    section_titles: dict[str, str]
    options: ReportOptions = field(default_factory=ReportOptions)
    made_on: dt.date | None = None  # 作成日
    staff: str = ""  # 担当 (設定's 担当者名)

    def wants(self, section: str) -> bool:
        return section in self.options.sections

    @property
    def attending(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.attending)

    @property
    def organizations_attending(self) -> tuple[str, ...]:
        """The attending organisations once each, in the roster's order."""
        return tuple(dict.fromkeys(p.affiliation for p in self.attending if p.affiliation))


@dataclass(frozen=True)
class SurveyForm:
    """A blank アンケート用紙 for one meeting."""

    municipality: str
    meeting: Meeting
    questions: tuple[SurveyQuestion, ...]


@dataclass(frozen=True)
class Roster:
    """The 受付名簿 (sign-in sheet) and, when groups were made, the グループ表."""

    municipality: str
    meeting: Meeting
    participants: tuple[Participant, ...]
    groups: dict[int, tuple[Participant, ...]]
