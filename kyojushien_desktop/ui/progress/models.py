"""The table of the four phases and their 到達の目安: a phase's row (its title, 達成 n / total,
the guide's page and its target month) above the rows of its 目安 (番号, the exact text, 状態,
the day it changed and the target month under it, and how many 根拠)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from kyojushien_desktop.content.phases import Milestone, Phase
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.progress import ACHIEVED, IN_PROGRESS, MilestoneState, PhaseProgress
from kyojushien_desktop.ui.common.table_model import SORT_ROLE, HeaderTableModel, ModelIndex, color_role
from kyojushien_desktop.ui.progress import wording

STATUS_COLORS: dict[str, tuple[str, str]] = {
    IN_PROGRESS: ("#fdf0d8", "#6b4a00"),
    ACHIEVED: ("#e0f2ee", "#1d5b4c"),
}
PHASE_COLORS = ("#eef2f7", "#24405e")
NUMBER, TEXT, STATUS, EVIDENCE = range(4)


class ProgressRow(NamedTuple):
    """A phase's row (``milestone`` None) or one of its 目安's."""

    phase: Phase
    progress: PhaseProgress
    milestone: Milestone | None = None
    state: MilestoneState | None = None


def month_text(month: str | None) -> str:
    """ "2027-03" → 令和9年3月 (blank when no target)."""
    return wareki.format_month(month) if month else ""


def phase_line(phase: Phase, progress: PhaseProgress) -> str:
    """フェーズ1　title　達成 3/6　手引き p32."""
    return (
        f"{wording.PHASE}{phase.number}　{phase.title}　{wording.ACHIEVED_OF} {progress.achieved}/{progress.total}"
        f"　手引き p{phase.page}"
        + (f"　{wording.TARGET} {month_text(progress.target_month)}" if progress.target_month else "")
    )


class ProgressModel(HeaderTableModel):
    HEADERS = (wording.NUMBER, wording.MILESTONE, wording.STATUS_AND_DAY, wording.EVIDENCE)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ProgressRow] = []

    def _row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: list[ProgressRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> ProgressRow:
        return self._rows[number]

    def row_of(self, milestone_id: str | None = None, phase: int | None = None) -> int:
        """The row of a 目安 (or of a phase's own row); -1 when absent."""
        for number, row in enumerate(self._rows):
            if milestone_id is not None and row.milestone is not None and row.milestone.id == milestone_id:
                return number
            if phase is not None and row.milestone is None and row.phase.number == phase:
                return number
        return -1

    def phase_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.milestone is None]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and row.milestone is None:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if row.milestone is None:
                return color_role(PHASE_COLORS, role)
            if column == STATUS and row.state is not None and row.state.status in STATUS_COLORS:
                return color_role(STATUS_COLORS[row.state.status], role)
        if role == Qt.ItemDataRole.TextAlignmentRole and row.milestone is not None and column in (NUMBER, EVIDENCE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: ProgressRow, column: int) -> str:
        if row.milestone is None:
            return phase_line(row.phase, row.progress) if column == NUMBER else ""
        state = row.state or MilestoneState(row.milestone.id)
        changed = f"\n{wareki.format_date(state.changed_on)}" if state.changed_on else ""
        if state.target_month:
            changed += f"\n{wording.TARGET} {month_text(state.target_month)}"
        return {
            NUMBER: row.milestone.id,
            TEXT: row.milestone.text,
            STATUS: state.status + changed,
            EVIDENCE: str(state.evidence_count) if state.evidence_count else "",
        }[column]
