"""表示する列: which columns the 名簿 list shows, kept on this PC."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.model import COLUMNS, DEFAULT_COLUMNS, valid_columns


class ColumnsDialog(QDialog):
    """表示する列: one checkbox per column; 名称 is always shown."""

    def __init__(self, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("表示する列")
        lead = QLabel("名簿の一覧に表示する列を選びます。この設定はこのPCに保存されます。")
        lead.setWordWrap(True)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for number, col in enumerate(COLUMNS):
            check = QCheckBox(col.header)
            check.setChecked(col.key in chosen or col.key == "name")
            if col.key == "name":
                check.setEnabled(False)
                check.setToolTip("名称はいつも表示します。")
            self.checks[col.key] = check
            grid.addWidget(check, number // 2, number % 2)
        reset = QPushButton("最初の設定に戻す")
        reset.clicked.connect(self._reset)
        ok = QPushButton("この列で表示")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(reset)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)

    def _reset(self) -> None:
        for key, check in self.checks.items():
            check.setChecked(key in DEFAULT_COLUMNS)

    def chosen(self) -> tuple[str, ...]:
        return valid_columns([key for key, check in self.checks.items() if check.isChecked()])
