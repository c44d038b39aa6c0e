"""A bar above the page for notices about the open file (read-only, left open, network drive).

Notices inform rather than interrupt, so they are not modal; errors still are.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QPushButton("閉じる")
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
