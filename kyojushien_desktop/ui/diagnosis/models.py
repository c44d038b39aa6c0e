"""The 診断シート lists: rounds, a round's respondents, and the comparison's heat map (items by
phase × respondents, then 平均・範囲・ばらつき・未回答)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.diagnosis import ItemComparison, Respondent, RoundSummary
from kyojushien_desktop.ui.common.table_model import ID_ROLE, HeaderTableModel, ModelIndex, RowsTableModel
from kyojushien_desktop.ui.diagnosis import wording

ITEM_ROLE = Qt.ItemDataRole.UserRole + 3  # the item id of a heat-map row (None on a phase row)
# Score → (background, text): one hue whose lightness falls with the score, so a grey print or a
# colour-blind reader still sees 1 as the darkest and 5 as the lightest.
PALETTE = {
    1: ("#7f2704", "#ffffff"),
    2: ("#d94801", "#ffffff"),
    3: ("#fd8d3c", "#000000"),
    4: ("#fdd0a2", "#000000"),
    5: ("#fff5eb", "#000000"),
}


class RoundTableModel(RowsTableModel[RoundSummary]):
    HEADERS = (wording.ROUND_NAME, wording.HELD_ON, wording.RESPONDENTS, wording.ANSWERED)

    def set_rows(self, rows: list[RoundSummary]) -> None:
        self._reset_rows(rows)

    def row(self, number: int) -> RoundSummary:
        return self._rows[number]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.name
            if column == 1:
                return wareki.format_date(row.held_on)
            return f"{row.respondents}人" if column == 2 else f"{row.answered}人"
        return None


class RespondentTableModel(RowsTableModel[Respondent]):
    HEADERS = (wording.FULL_NAME, wording.DIVISION, wording.BUREAU, wording.JOB_TITLE, wording.ANSWER_COUNT)

    def set_rows(self, rows: list[Respondent]) -> None:
        self._reset_rows(rows)

    def row(self, number: int) -> Respondent:
        return self._rows[number]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            total = len(diagnosis_sheet().items)
            values = (row.name, row.division, row.bureau, row.title, f"{len(row.scores)}/{total}")
            return values[index.column()]
        return None


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class HeatModel(HeaderTableModel):
    """Rows: each phase's title, then its items; columns: 番号, 項目, one per respondent, then the
    statistics. Score cells are coloured by ``PALETTE`` and show the digit too."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._rows: list[ItemComparison | str] = []

    def set_comparison(self, rows: list[ItemComparison], names: list[str]) -> None:
        self.beginResetModel()
        self._names = list(names)
        titles = {phase.number: f"{wording.PHASE}{phase.number}　{phase.title}" for phase in diagnosis_sheet().phases}
        self._rows = []
        for row in rows:
            if not self._rows or self._phase_of(len(self._rows) - 1) != row.phase:
                self._rows.append(titles.get(row.phase, f"{wording.PHASE}{row.phase}"))
            self._rows.append(row)
        self.endResetModel()

    def _phase_of(self, number: int) -> int | None:
        row = self._rows[number]
        return row.phase if isinstance(row, ItemComparison) else None

    def headers(self) -> list[str]:
        stats = [wording.MEAN, wording.RANGE, wording.SPREAD, wording.UNANSWERED]
        return [wording.NUMBER, wording.ITEM, *self._names, *stats]

    def _row_count(self) -> int:
        return len(self._rows)

    def is_phase_row(self, number: int) -> bool:
        return 0 <= number < len(self._rows) and isinstance(self._rows[number], str)

    def first_stat_column(self) -> int:
        return 2 + len(self._names)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if isinstance(row, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return row
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8e8e8"))
            return None
        if role == ITEM_ROLE:
            return row.item_id
        score = row.scores[column - 2] if 2 <= column < self.first_stat_column() else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.item_id
            if column == 1:
                return row.text
            if column < self.first_stat_column():
                return "" if score is None else str(score)
            stat = column - self.first_stat_column()
            if stat == 0:
                return score_text(row.mean)
            if stat == 1:
                return row.range_text
            return score_text(row.spread) if stat == 2 else str(row.unanswered)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.text
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and score is not None:
            background, text = PALETTE[score]
            return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole else text))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def item_id(self, index: QModelIndex) -> str | None:
        value = self.data(self.index(index.row(), 0), ITEM_ROLE)
        return value if isinstance(value, str) else None
