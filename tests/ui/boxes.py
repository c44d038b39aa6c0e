"""Answering the app's modal message boxes from a test, the way a person would: the next box that
opens is read and one of its buttons clicked (a QTimer fires inside the box's own event loop)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class BoxAnswerer:
    """Clicks ``button`` (its text) in each message box that opens; records what the boxes said."""

    def __init__(self, *buttons: str) -> None:
        self.buttons = list(buttons)
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append(f"{box.windowTitle()}|{box.text()}|{box.informativeText()}")
        wanted = self.buttons.pop(0) if self.buttons else None
        for button in box.buttons():
            if wanted is None or button.text() == wanted:
                button.click()
                return
        box.reject()

    def stop(self) -> None:
        self._timer.stop()
