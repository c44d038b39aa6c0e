"""Table models of a meeting's people: the participants (出欠, 参加方法 and 代理出席者名 edited in
the table), the groups of a group work, and the 名簿 to invite from."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.meetings import ABSENT, ATTEND_MODES, ATTENDANCE, PROXY, Participant
from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.ui.common.pickers import TEXTS_ROLE, MatchProxy
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    SORT_ROLE,
    ModelIndex,
    RowsTableModel,
    is_checked,
    item_flags,
)
from kyojushien_desktop.ui.meetings import wording

ATTENDANCE_COLUMN, MODE_COLUMN, PROXY_COLUMN = 4, 5, 6
ABSENT_TEXT = "#7a828c"


def side_of(participant: Participant) -> str:
    """The 立場 a group mixes (住宅 / 福祉 / 不動産 …), from the 区分."""
    return meeting_terms().group_sides.get(participant.shown_category, participant.shown_category)


class ParticipantModel(RowsTableModel[Participant]):
    """所属, 氏名, 区分, 庁内/庁外, then the three cells edited in place; ``edited`` carries the
    participant as changed, for the tab to save."""

    HEADERS = (
        wording.AFFILIATION,
        wording.FULL_NAME,
        wording.CATEGORY,
        wording.INTERNAL_SHORT,
        wording.ATTENDANCE,
        wording.ATTEND_MODE,
        wording.PROXY_NAME,
    )
    edited = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editable = True

    def set_rows(self, rows: list[Participant]) -> None:
        self._reset_rows(rows)

    def participant(self, row: int) -> Participant:
        return self._rows[row]

    def participants(self) -> list[Participant]:
        return list(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if self.editable and index.isValid() and index.column() >= ATTENDANCE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        p = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            where = "" if p.guest and not p.internal else (wording.INSIDE if p.internal else wording.OUTSIDE)
            name = p.person_name or p.guest_name
            return (p.affiliation, name, p.shown_category, where, p.attendance, p.attend_mode, p.proxy_name)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column >= ATTENDANCE_COLUMN:
                return "ダブルクリックで変えられます。"
            return (p.affiliation, p.name or wording.AS_ORGANIZATION, p.shown_category, None)[column] or None
        if role == SORT_ROLE:
            return (
                search_key(p.affiliation),
                search_key(p.name),
                p.shown_category,
                int(p.internal),
                ATTENDANCE.index(p.attendance) if p.attendance in ATTENDANCE else 9,
                p.attend_mode,
                search_key(p.proxy_name),
            )[column]
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.ForegroundRole and p.attendance == ABSENT:
            return QBrush(QColor(ABSENT_TEXT))
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self._valid(index) or role != Qt.ItemDataRole.EditRole or index.column() < ATTENDANCE_COLUMN:
            return False
        p = self._rows[index.row()]
        text = str(value or "").strip()
        column = index.column()
        if column == ATTENDANCE_COLUMN and text in ATTENDANCE:
            changed = dataclasses.replace(p, attendance=text)
        elif column == MODE_COLUMN and text in ATTEND_MODES:
            changed = dataclasses.replace(p, attend_mode=text)
        elif column == PROXY_COLUMN:
            changed = dataclasses.replace(p, proxy_name=text, attendance=PROXY if text else p.attendance)
        else:
            return False
        if changed == p:
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.HEADERS) - 1))
        self.edited.emit(changed)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A cell chosen from a list (出欠, 参加方法, whom of an organisation to invite), committed as
    soon as one is picked. ``choices`` is the list, or gives it for the cell."""

    def __init__(self, choices: tuple[str, ...] | Callable[[ModelIndex], list[str]], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.addItems(list(self.choices(index) if callable(self.choices) else self.choices))
        combo.activated.connect(lambda _i: self._picked(combo))
        return combo

    def _picked(self, combo: QComboBox) -> None:
        """A choice picked from the list ends the edit at once, as Enter does."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class GroupModel(RowsTableModel[Participant]):
    """The seated participants, table by table: グループ, 所属, 氏名 and 区分 (its 立場 as a tooltip)."""

    HEADERS = (wording.GROUP, wording.AFFILIATION, wording.FULL_NAME, wording.CATEGORY)

    def set_rows(self, rows: list[Participant]) -> None:
        seated = [p for p in rows if p.group_no is not None]
        self._reset_rows(sorted(seated, key=lambda p: (p.group_no or 0, search_key(p.affiliation), p.id or 0)))

    def participant(self, row: int) -> Participant:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(p.group_no), p.affiliation, p.name, p.shown_category)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column():
            return (p.affiliation, p.name, f"{wording.SIDE}: {side_of(p)}")[index.column() - 1] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SORT_ROLE:
            return (p.group_no or 0, search_key(p.affiliation), search_key(p.name), p.shown_category)[index.column()]
        if role == ID_ROLE:
            return p.id
        return None


class InviteModel(RowsTableModel[OrganizationSummary]):
    """The 名簿 to invite from: a tick per organisation, and whom of it to invite (the person's
    name, or the organisation as a whole). ``people`` maps an organisation to (name, id) pairs."""

    HEADERS = (wording.ADD, wording.ORGANIZATION, wording.CATEGORY, wording.INTERNAL_SHORT, wording.PERSON)
    PERSON_COLUMN = 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people: dict[int, list[tuple[str, int]]] = {}
        self.chosen: dict[int, int | None] = {}  # organisation → person (None: as an organisation)
        self.present: set[tuple[int, int | None]] = set()  # already on the meeting's list

    def set_rows(
        self,
        rows: list[OrganizationSummary],
        people: dict[int, list[tuple[str, int]]],
        present: set[tuple[int, int | None]],
    ) -> None:
        self.people, self.present, self.chosen = people, present, {}
        self._reset_rows(rows)

    def organization(self, row: int) -> OrganizationSummary:
        return self._rows[row]

    def person_name(self, organization_id: int) -> str:
        person = self.chosen.get(organization_id)
        return next(
            (name for name, pid in self.people.get(organization_id, []) if pid == person), wording.AS_ORGANIZATION
        )

    def already(self, organization_id: int) -> bool:
        """On the meeting's list already (another of its people may still be invited)."""
        return any(o == organization_id for o, _ in self.present)

    def choices(self) -> list[tuple[int, int | None]]:
        """What is ticked, in the 名簿's order."""
        return [(o.id, self.chosen[o.id]) for o in self._rows if o.id in self.chosen]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.isValid() and index.column() == self.PERSON_COLUMN and self.people.get(self._rows[index.row()].id):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        org = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            where = wording.INSIDE if org.internal else wording.OUTSIDE
            name = org.name + ("（追加済み）" if self.already(org.id) else "")
            return ("", name, org.category, where, self.person_name(org.id))[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and self.already(org.id):
            return QBrush(QColor(ABSENT_TEXT))
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if org.id in self.chosen else Qt.CheckState.Unchecked
        if role == TEXTS_ROLE:
            return (org.name, org.kana, org.people, org.phone)
        if role == SORT_ROLE:
            return (int(org.id in self.chosen), org.sort_kana, org.category, int(org.internal), "")[column]
        if role == ID_ROLE:
            return org.id
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self._valid(index):
            return False
        org = self._rows[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            if is_checked(value):
                self.chosen.setdefault(org.id, None)
            else:
                self.chosen.pop(org.id, None)
        elif index.column() == self.PERSON_COLUMN and role == Qt.ItemDataRole.EditRole:
            person = next((pid for name, pid in self.people.get(org.id, []) if name == value), None)
            self.chosen[org.id] = person
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.HEADERS) - 1))
        return True


class InviteProxy(MatchProxy):
    """The 名簿's own search (かな・カナ, width folded, 社協 ↔ 社会福祉協議会) and 庁内/庁外."""

    def __init__(self, matcher, parent=None) -> None:
        super().__init__(matcher, parent)
        self._internal: bool | None = None

    def set_internal(self, internal: bool | None) -> None:
        self._begin()
        self._internal = internal
        self._end()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt's API
        model = self.sourceModel()
        if self._internal is not None and isinstance(model, InviteModel):
            if model.organization(source_row).internal != self._internal:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
