"""グループ: the attendees of a group work split into tables of 4–6 mixing 立場 (手引き p50), each
table's people with their 区分, a person moved to another table by hand, warnings where a table is
all one side or seats colleagues together, each table's 主な意見, and the printed グループ表."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.table_model import ID_ROLE, SORT_ROLE
from kyojushien_desktop.ui.common.widgets import char_width, list_table, set_resize_modes
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.host import Host
from kyojushien_desktop.ui.meetings.participant_models import GroupModel, side_of


class GroupsTab(QWidget):
    """The groups of the meeting shown by ``show_meeting``; the 主な意見 typed are unsaved input
    until 主な意見を保存. ``print_requested`` asks for the グループ表 (printed with the 受付名簿)."""

    print_requested = Signal()

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.dirty = False
        self._saved_notes: dict[int, str] = {}
        seating = meeting_terms().seating
        self.size = QSpinBox()
        self.size.setRange(seating.group_min, seating.group_max)
        self.size.setValue(seating.group_default)
        self.size.setSuffix(f" {wording.PEOPLE_UNIT}")
        size_caption = QLabel(wording.GROUP_SIZE)
        size_caption.setBuddy(self.size)
        self.make_button = QPushButton(wording.MAKE_GROUPS)
        self.make_button.setObjectName("primaryButton")
        self.make_button.setToolTip("出席した方（開催前なら、欠席以外の方）を、立場が混ざるようにグループに分けます。")
        self.make_button.clicked.connect(lambda: self.make_groups())
        self.print_button = QPushButton(wording.PRINT_GROUPS)
        self.print_button.clicked.connect(self.print_requested.emit)
        head = flow_row(size_caption, self.size, self.make_button, right=(self.print_button,))
        self.lead = QLabel(f"{meeting_planning_point()}　{meeting_terms().page_note('atmosphere')}")
        self.lead.setObjectName("hint")
        self.lead.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)

        self.model = GroupModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.table.setObjectName("groupsTable")
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Interactive,
            QHeaderView.ResizeMode.ResizeToContents,
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.target = QComboBox()
        self.move_button = QPushButton(wording.MOVE_TO)
        self.move_button.clicked.connect(lambda: self.move_selected())
        move_row = QHBoxLayout()
        move_row.addWidget(QLabel("移す先"))
        move_row.addWidget(self.target)
        move_row.addWidget(self.move_button)
        move_row.addStretch(1)
        self.empty = QLabel(f"まだグループを作っていません。人数を選んで「{wording.MAKE_GROUPS}」を押します。")
        self.empty.setObjectName("banner")
        self.empty.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(move_row)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(8)
        notes_body = QWidget()
        notes_body.setObjectName("recordBody")
        notes_layout = QVBoxLayout(notes_body)
        notes_layout.setContentsMargins(0, 0, 6, 0)
        notes_layout.addLayout(self.notes_box)
        notes_layout.addStretch(1)
        notes_scroll = scrolling_column(notes_body)
        self.save_button = QPushButton(wording.SAVE_OPINIONS)
        self.save_button.clicked.connect(lambda: self.save())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        notes_title = QLabel(f"グループごとの{wording.OPINIONS}")
        notes_title.setObjectName("sectionTitle")
        right_layout.addWidget(notes_title)
        right_layout.addWidget(notes_scroll, 1)
        right_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.notes: dict[int, QPlainTextEdit] = {}

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(head)
        layout.addWidget(self.lead)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.dirty = False
        self.reload()

    def reload(self) -> None:
        session = self.host.session
        if session is None or self.meeting_id is None:
            self.model.set_rows([])
            self._show_notes({}, {})
            self._update_buttons()
            return
        meeting = meetings.get_meeting(session, self.meeting_id)
        if meeting.group_size and self.size.minimum() <= meeting.group_size <= self.size.maximum():
            self.size.setValue(meeting.group_size)
        everyone = participants.participants_of(session, self.meeting_id)
        self.model.set_rows(everyone)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        groups = participants.groups_of(session, self.meeting_id)
        warnings = participants.group_warnings(session, self.meeting_id)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self.target.clear()
        for number in sorted(groups):
            self.target.addItem(f"{wording.GROUP}{number}", number)
        self.target.addItem(f"{wording.GROUP}{max(groups, default=0) + 1}（新しく）", max(groups, default=0) + 1)
        self.target.addItem(wording.NO_GROUP, None)
        if not self.dirty:
            self._show_notes(groups, participants.group_notes(session, self.meeting_id))
        self.empty.setVisible(not groups)
        self.table.setVisible(bool(groups))
        self.table.setColumnWidth(2, char_width(self.table) * 6 + 20)
        self._update_buttons()

    def _show_notes(self, groups: dict, saved: dict[int, str]) -> None:
        """A box per table for its 主な意見, headed by who sits there by 立場."""
        while self.notes_box.count():
            item = self.notes_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.notes = {}
        self._saved_notes = {number: saved.get(number, "") for number in groups}
        for number, members in sorted(groups.items()):
            sides = "・".join(dict.fromkeys(side_of(p) for p in members))
            caption = QLabel(f"{wording.GROUP}{number}（{len(members)}{wording.PEOPLE_UNIT}: {sides}）")
            caption.setObjectName("fieldName")
            caption.setWordWrap(True)
            box = GrowingTextEdit(3)
            box.setPlainText(saved.get(number, ""))
            box.setReadOnly(not self.host.writable)
            box.textChanged.connect(lambda: self._edited())
            self.notes_box.addWidget(caption)
            self.notes_box.addWidget(box)
            self.notes[number] = box
        self.dirty = False

    def typed_notes(self) -> dict[int, str]:
        return {number: box.toPlainText() for number, box in self.notes.items()}

    def _edited(self) -> None:
        self.dirty = self.typed_notes() != self._saved_notes
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self.host.writable and self.meeting_id is not None
        chosen = self.selected_id() is not None
        self.make_button.setEnabled(writable)
        self.move_button.setEnabled(writable and chosen)
        self.target.setEnabled(writable and chosen)
        self.save_button.setEnabled(writable and self.dirty)
        self.print_button.setEnabled(self.model.rowCount() > 0)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    # --- actions ----------------------------------------------------------------------------
    def make_groups(self) -> bool:
        """グループを作る (again, after a question, when there are groups already)."""
        if self.meeting_id is None or not self.host.writable:
            return False
        if self.model.rowCount() and not self.host.confirm(
            "グループを作り直す", "いまのグループ分けを作り直します。手で移した分も元に戻ります。", wording.MAKE_GROUPS
        ):
            return False
        meeting_id, size = self.meeting_id, self.size.value()
        result = self.host.run_op(lambda session: participants.make_meeting_groups(session, meeting_id, size))
        if result is None:
            return False
        self.host.after(result)
        return True

    def move_selected(self) -> bool:
        participant_id = self.selected_id()
        if self.meeting_id is None or participant_id is None or not self.host.writable:
            return False
        meeting_id, group_no = self.meeting_id, self.target.currentData()
        result = self.host.run_op(
            lambda session: participants.move_to_group(session, meeting_id, participant_id, group_no)
        )
        if result is None:
            return False
        self.host.after(result)
        row = self.model.row_of_id(participant_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def save(self) -> bool:
        """主な意見を保存: every table's, in one transaction."""
        if self.meeting_id is None or not self.host.writable:
            return False
        meeting_id, notes = self.meeting_id, self.typed_notes()
        result = self.host.run_op(lambda session: participants.save_group_notes(session, meeting_id, notes))
        if result is None:
            return False
        self.dirty = False
        self._saved_notes = {number: text.strip() for number, text in notes.items()}
        self.host.after(result)
        return True

    def discard(self) -> None:
        self.dirty = False
        self.reload()


def meeting_planning_point() -> str:
    """The guide's point on small groups of mixed 立場 (p50), above the tables."""
    groups = next(s for s in meeting_planning().seating if s.name == meeting_terms().seating.groups)
    return groups.points[0]
