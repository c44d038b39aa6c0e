"""Typing Japanese the way an IME does: QTest.keyClicks only knows ASCII keys."""

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_japanese(widget: QWidget, text: str) -> None:
    """Focus the widget and commit ``text`` as the IME would after 変換."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
