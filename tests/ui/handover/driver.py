"""Answering the hand-over's own modal dialogs from a test, one step at a time, the way a person
would: each step waits for a dialog of its type to be the active modal one, then acts on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


class Driver:
    """``steps``: (dialog type, action). A QMessageBox step's action may be a button's text."""

    def __init__(self, *steps: tuple[type, Callable[[QWidget], object] | str]) -> None:
        self.steps = list(steps)
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._act)
        self._timer.start()

    def _act(self) -> None:
        widget = QApplication.activeModalWidget()
        if not self.steps or widget is None or not widget.isVisible():
            return
        kind, action = self.steps[0]
        if type(widget) is not kind:
            return
        self.steps.pop(0)
        if isinstance(widget, QMessageBox):
            self.seen.append(f"{widget.windowTitle()}|{widget.text()}|{widget.informativeText()}")
        if isinstance(action, str):
            button = next(b for b in widget.buttons() if b.text() == action)
            button.click()
        else:
            action(widget)

    @property
    def done(self) -> bool:
        return not self.steps

    def stop(self) -> None:
        self._timer.stop()
