"""Tables and labels of an organisation's record: its people (前任 in grey), its 変更履歴, and the
和暦 dates they show."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import ChangeEntry, Person
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.model import FORMER_TEXT, badge_style

EMPTY = "（未入力）"


def short_date(day: dt.date | None) -> str:
    return wareki.format_date(day) if day else ""


def period_text(person: Person) -> str:
    """着任日〜離任日 in 和暦; blank when neither is known."""
    if person.started_on is None and person.ended_on is None:
        return ""
    return f"{short_date(person.started_on)}〜{short_date(person.ended_on)}"


def moment_text(stamp: str) -> str:
    return wareki.format_stamp(stamp)


def badge(text: str, colors: tuple[str, str]) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "badge")
    label.setStyleSheet(badge_style(colors))
    return label


class PeopleModel(HeaderTableModel):
    """Current people first, then 前任 in grey, as ``people_of`` orders them."""

    HEADERS = (wording.FULL_NAME, "部署・役職", "電話・メール", "担当の期間", wording.STATUS)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> Person:
        return self._people[row]

    def _row_count(self) -> int:
        return len(self._people)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                person.name,
                " ".join(p for p in (person.department, person.title) if p),
                " ／ ".join(p for p in (person.phone, person.email) if p),
                period_text(person),
                wording.CURRENT if person.is_current else wording.FORMER,
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not person.is_current:
            return QBrush(QColor(FORMER_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [person.name + (f"（{person.kana}）" if person.kana else "")]
            if person.notes:
                lines.append(person.notes)
            return "\n".join(lines)
        return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(text: str) -> str:
    """Multi-line values on one line; stored ISO dates (着任日・離任日) in 和暦."""
    try:
        return short_date(dt.date.fromisoformat(text)) if len(text) == 10 else _joined(text)
    except ValueError:
        return _joined(text)


def _joined(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ／ ")


class HistoryModel(HeaderTableModel):
    """変更履歴: when, what was done, which field, old → new (newest first)."""

    HEADERS = (wording.WHEN, "操作", wording.ITEM, "変更前 → 変更後")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[ChangeEntry] = []

    def set_entries(self, entries: list[ChangeEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._entries)

    @staticmethod
    def change_text(entry: ChangeEntry) -> str:
        """Each side cut to a line or two, so a long 期待される役割 keeps the row readable (the
        tooltip has it whole)."""
        old, new = _short(_one_line(entry.old_value)), _short(_one_line(entry.new_value))
        if entry.action in ("作成", "復元"):
            return new
        if entry.action == wording.DELETE:
            return old
        return f"{old or wording.BLANK} → {new or wording.BLANK}"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            field = entry.field or wording.ORGANIZATION  # 作成・削除・復元 of the record itself
            return (moment_text(entry.changed_at), entry.action, field, self.change_text(entry))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return f"変更前:\n{_one_line(entry.old_value) or wording.BLANK}\n\n変更後:\n{_one_line(entry.new_value) or wording.BLANK}"
        return None
