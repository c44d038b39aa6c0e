"""住宅の目安チェック on a visit's record: the dialog that picks the visit a check is kept on, and
the short read-only list the ヒアリング visit screen shows (date, the house, the summary, delete)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.hearing import VisitSummary
from kyojushien_desktop.domain.region import HousingCheck
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.region import checks
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text, text_box
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.table_model import ModelIndex, RowsTableModel
from kyojushien_desktop.ui.common.widgets import fit_to_contents, list_table
from kyojushien_desktop.ui.region import wording


def house_text(item: HousingCheck) -> str:
    """住戸 24.9㎡ or 共同居住型（シェアハウス） 6人."""
    facts = item.facts
    if facts.shared_house:
        return f"{wording.SHARE_HOUSE} {facts.residents}{wording.PEOPLE_UNIT}"
    return wording.DWELLING + (f" {facts.area:g}{wording.SQUARE_METRES}" if facts.area is not None else "")


class VisitPickDialog(FormDialog):
    """The visit a check is kept on, and a note. ``result_value``: (visit id, note).

    The visits are listed newest first with their day in 和暦 and 訪問先, and none is chosen: a
    check of a house belongs to the visit it was made on, which only the user knows, so keeping
    it on whichever visit happened to be first would file it under an unrelated organisation."""

    def __init__(self, found: Sequence[VisitSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.SAVE_CHECK_TITLE)
        heading = QLabel(wording.PICK_VISIT_HEADING)
        heading.setFont(scaled(self.font(), 1.15, bold=True))
        heading.setWordWrap(True)
        lead = QLabel(wording.PICK_VISIT_LEAD)
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        self.visit = QComboBox()
        self.visit.addItem(wording.NOT_CHOSEN, None)
        for visit in sorted(found, key=lambda v: v.scheduled_at, reverse=True):
            self.visit.addItem(f"{format_date(visit.scheduled_at.date())}　{visit.organization_name}", visit.id)
        self.visit.setCurrentIndex(0)
        self.note = text_box(3)
        form = QFormLayout()
        form.addRow(wording.VISITED, self.errors.field("visit", self.visit))
        form.addRow(wording.MEMO, self.errors.field("note", self.note))
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 40, 14)

    def current_value(self) -> tuple:
        return (self.visit.currentData(), self.note.toPlainText())

    def clean(self, value: object) -> tuple:
        if self.visit.count() <= 1:
            raise ValidationError(wording.NO_VISITS, field="visit")
        if self.visit.currentData() is None:
            raise ValidationError(wording.CHOOSE_VISIT, field="visit")
        return value


class VisitCheckModel(RowsTableModel[HousingCheck]):
    HEADERS = (wording.DATE, wording.HOUSING_TYPE, wording.RESULT, wording.MEMO)

    def set_rows(self, rows: list[HousingCheck]) -> None:
        self._reset_rows(rows)

    def check(self, row: int) -> HousingCheck:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index) or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self._rows[index.row()]
        return (format_date(item.checked_on), house_text(item), item.summary, item.note)[index.column()] or None


class VisitChecks(LiveView, QWidget):
    """The checks kept on one visit; hidden from the flow of the screen when there are none."""

    topics = frozenset({Topic.REGION})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_id: int | None = None
        self.model = VisitCheckModel(self)
        self.table = list_table(self.model, word_wrap=True)
        fit_to_contents(self.table, (3,))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(wording.NO_VISIT_CHECKS)
        self.empty.setObjectName("hint")
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        title = QLabel(wording.VISIT_CHECKS)
        title.setObjectName("fieldName")
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def show_visit(self, visit_id: int | None) -> None:
        self.visit_id = visit_id
        session = self.session
        items = checks.checks_of_visit(session, visit_id) if session is not None and visit_id is not None else []
        self.model.set_rows(items)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
        self.table.setFixedHeight(rows + self.table.horizontalHeader().sizeHint().height() + 4)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.delete_button.setVisible(bool(items))
        self.delete_button.setEnabled(self.writable)

    def reload(self, changes: Changes) -> None:
        self.show_visit(self.visit_id)

    def delete_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            rows = [self.model.index(0, 0)] if self.model.rowCount() == 1 else []
        if not rows:
            return False
        check_id = self.model.check(rows[0].row()).id
        if check_id is None or not self.confirm(wording.DELETE, wording.DELETE_CHECK_ASK, wording.DELETE_CONFIRMED):
            return False
        changes = self.run_op(lambda s: checks.delete_check(s, check_id))
        if changes is None:
            return False
        self.show_visit(self.visit_id)
        return True
