"""Typing Japanese the way an IME does: QTest.keyClicks only knows ASCII keys."""

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_japanese(widget: QWidget, text: str) -> None:
    """Focus the widget and commit ``text`` as the IME would after 変換."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def pick_date(field, day: dt.date) -> None:
    """A date chosen in a ``DateField`` the way its calendar sets it."""
    field.edit.setDate(QDate(day.year, day.month, day.day))
