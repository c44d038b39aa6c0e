"""What every form dialog shares: messages beside the fields, date fields in 和暦, the button row,
and the question 保存／破棄／キャンセル before typed input is dropped.

A ``FormDialog`` never saves. Its ``try_accept`` checks what was typed and keeps the result in
``result_value``; the caller hands that to a service through ``Operations.submit``, which sends
the service's own problems back beside the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.ui.common import messages, wording

T = TypeVar("T")


def problems_of(error: ValidationError) -> dict[str, str]:
    """Every field's message; a service may raise with one ``field`` or with ``problems``."""
    problems = getattr(error, "problems", None)
    return dict(problems) if problems else {error.field or "": error.message}


class FieldErrors:
    """Red messages under the fields they are about, so the user sees where to look and what
    they typed stays in place."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.general = self._label()

    @staticmethod
    def _label() -> QLabel:
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        return label

    def field(self, key: str, widget: QWidget | QLayout) -> QWidget:
        """The widget with its (hidden) message label under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(widget, QLayout):
            layout.addLayout(widget)
        else:
            layout.addWidget(widget)
        label = self._label()
        self.labels[key] = label
        layout.addWidget(label)
        return box

    def clear(self) -> None:
        for label in [*self.labels.values(), self.general]:
            label.clear()
            label.hide()

    def show(self, problems: dict[str, str]) -> list[str]:
        """Shows each message beside its field (unknown fields in the general line); returns the
        keys shown beside fields, first problem first."""
        self.clear()
        shown, other = [], []
        for key, message in problems.items():
            label = self.labels.get(key)
            if label is None:
                other.append(message)
                continue
            label.setText(message)
            label.show()
            shown.append(key)
        if other:
            self.general.setText("\n".join(other))
            self.general.show()
        return shown

    def checked(self, clean: Callable[[], T]) -> T | None:
        """What ``clean`` returns, or None with its ValidationError shown beside the fields."""
        try:
            return clean()
        except ValidationError as exc:
            self.show(problems_of(exc))
            return None

    def text(self, key: str) -> str:
        label = self.labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""


def text_box(height_lines: int = 3, *, grow: bool = False) -> QPlainTextEdit:
    """A multi-line field sized in lines of the current font; Tab moves on, as in the other fields."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * height_lines + 14
    box.setMinimumHeight(height)
    if not grow:
        box.setMaximumHeight(height)
    return box


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DateField(QWidget):
    """A date with its 和暦 shown beside it (the calendar shows 西暦)."""

    def __init__(self, value: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(wording.DATE_FIELD_FORMAT)
        self.edit.setDate(to_qdate(value))
        self.wareki = QLabel()
        self.wareki.setObjectName("hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.wareki)
        layout.addStretch(1)
        self.edit.dateChanged.connect(self._show_wareki)
        self._show_wareki()

    def date(self) -> dt.date:
        return to_date(self.edit.date())

    def _show_wareki(self) -> None:
        """The date in 和暦 while the field is in use; a field switched off shows no date, so an
        unset 離任日 or 期限 never looks set (its calendar box is hidden until switched on)."""
        self.edit.setHidden(not self.isEnabled())
        self.wareki.setText(wareki.format_date(self.date()) if self.isEnabled() else "（指定なし）")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._show_wareki()


class OptionalDateField(QWidget):
    """A date that may be left out (着任日・離任日 are often unknown)."""

    def __init__(self, check_text: str, value: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.field = DateField(value or dt.date.today())
        self.check.setChecked(value is not None)
        self.field.setEnabled(value is not None)
        self.check.toggled.connect(self.field.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.field, 1)

    def date(self) -> dt.date | None:
        return self.field.date() if self.check.isChecked() else None


def size_for_text(widget: QWidget, chars: int, lines: int) -> None:
    """Sizes a dialog in characters and lines of its current font (so 特大 gets a larger dialog),
    never smaller than its layout asks for nor larger than the screen it opens on."""
    metrics = widget.fontMetrics()
    width = max(metrics.horizontalAdvance("あ") * chars, widget.sizeHint().width())
    height = max(metrics.lineSpacing() * lines, widget.sizeHint().height())
    screen = widget.screen().availableGeometry() if widget.screen() is not None else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
    widget.resize(width, height)


def dialog_buttons(dialog: QDialog, ok_text: str, accept: Callable[[], object]) -> tuple[QHBoxLayout, QPushButton]:
    """キャンセル and the default button, on the right."""
    ok = QPushButton(ok_text)
    ok.setDefault(True)
    ok.clicked.connect(lambda: accept())
    cancel = QPushButton(wording.CANCEL)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok


class FormDialog(QDialog):
    """A dialog that edits a value and never saves it.

    Subclasses give ``current_value`` (what the fields say now) and, when the domain has a check
    for it, ``clean`` (raising ``ValidationError``); ``try_accept`` shows the problems beside the
    fields or sets ``result_value`` and accepts. Whatever closes the dialog without saving — Esc, キャンセル, the
    title bar's ×, or the window quitting — asks 保存／破棄／キャンセル when the fields differ from
    what they held when the dialog was first shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.result_value: object = None
        self._baseline: object = None
        self._asked = False

    def current_value(self) -> object:
        raise NotImplementedError

    def clean(self, value: object) -> object:
        """The value checked and tidied by the domain; as typed when there is nothing to check."""
        return value

    def try_accept(self) -> bool:
        self.errors.clear()
        cleaned = self.errors.checked(lambda: self.clean(self.current_value()))
        if cleaned is None:
            return False
        self.result_value = cleaned
        self.accept()
        return True

    def show_problems(self, error: ValidationError) -> bool:
        """The service's problems beside the fields; False when there is nowhere to show them."""
        self.errors.show(problems_of(error))
        return True

    def mark_clean(self) -> None:
        """What the fields hold now counts as unchanged (called when first shown)."""
        self._baseline = self._snapshot()

    def is_dirty(self) -> bool:
        return self._baseline is not None and self._snapshot() != self._baseline

    def _snapshot(self) -> object:
        try:
            return self.current_value()
        except (ValueError, ValidationError):
            return None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._baseline is None:
            self.mark_clean()
            for edit in self.findChildren(QLineEdit):
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # a long 住所 shows its beginning, not its end

    def reject(self) -> None:
        """Esc, キャンセル and the title bar's × all land here (QDialog's closeEvent calls it and
        stays open while the dialog is visible): typed input is never dropped without a question."""
        if not self.is_dirty():
            super().reject()
            return
        choice = messages.ask_unsaved(self, self.unsaved_label())
        if choice == messages.SAVE:
            self.try_accept()
        elif choice == messages.DISCARD:
            super().reject()

    def unsaved_label(self) -> str:
        """What the question on leaving names: the dialog's title, or what was typed in it."""
        return self.windowTitle()

    def discard(self) -> None:
        """Closes without asking (the caller has asked already)."""
        super().reject()
