"""Bars above a page: notices about the open file (read-only, left open, network drive), and
what was just done on a list with a way to undo it.

Notices inform rather than interrupt, so they are not modal; errors still are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kyojushien_desktop.ui.common import wording

if TYPE_CHECKING:
    from kyojushien_desktop.services.common.session import Session

# What 元に戻す runs, and the record to select again afterwards (or None).
Undo = tuple[Callable[["Session"], object], int | None]


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QPushButton(wording.CLOSE)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_notices(self, notices: list[str]) -> None:
        if not notices:
            self.label.clear()
            self.hide()
            return
        self.label.setText("\n".join(f"・{n}" for n in notices) if len(notices) > 1 else notices[0])
        self.show()


class UndoNotice(QFrame):
    """A bar above a list saying what was just done (a row deleted, say), with 元に戻す while
    undoing still makes sense; the page wires ``undo_button`` to its undo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(wording.RESTORE)
        close = QPushButton(wording.CLOSE)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self.hide()
