"""First start (and ファイル > 新規作成): ask for 自治体名 and 担当課, or offer the sample town.
A ``FormDialog``, so Esc or キャンセル after typing asks 保存／破棄／キャンセル first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.common.settings import TownSettings, validate
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog


class TownDialog(FormDialog):
    """Returns ``result_settings`` (validated) or ``wants_sample``; it saves nothing itself."""

    def __init__(self, parent: QWidget | None = None, *, first_start: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("ようこそ" if first_start else "新しいデータファイル")
        self.result_settings: TownSettings | None = None
        self.wants_sample = False
        self.wants_package = False  # 受け取った引き継ぎファイルを開く: the window runs that flow

        heading = QLabel("居住支援デスクへようこそ" if first_start else "新しいデータファイルを作ります")
        heading.setFont(scaled(self.font(), 1.4, bold=True))
        lead = QLabel(
            "はじめに、あなたの自治体名と担当課を教えてください。あとから 設定 で変えられます。"
            if first_start
            else "このデータファイルを使う自治体名と担当課を入力してください。"
        )
        lead.setWordWrap(True)

        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText("例: みどり町")
        self.department = QLineEdit()
        self.department.setPlaceholderText(wording.DEPARTMENT_EXAMPLE)
        self.staff_name = QLineEdit()
        self.staff_name.setPlaceholderText("例: 山田 花子")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()

        form = QFormLayout()
        form.addRow(wording.FIELD_MUNICIPALITY + wording.REQUIRED, self.municipality)
        form.addRow("", self.error)
        form.addRow(wording.FIELD_DEPARTMENT, self.department)
        form.addRow(wording.FIELD_STAFF, self.staff_name)

        self.start_button = QPushButton("この内容ではじめる")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.try_accept())
        buttons = QHBoxLayout()
        if first_start:
            self.sample_button = QPushButton(wording.OPEN_SAMPLE)
            self.sample_button.setToolTip("架空の町「みどり町」のデータで、アプリの使い方を試せます。")
            self.sample_button.clicked.connect(self._choose_sample)
            buttons.addWidget(self.sample_button)
            self.package_button = QPushButton(wording.RECEIVE_HANDOVER)
            self.package_button.setToolTip(
                "前の担当者から「.kyoju」ファイルと合言葉を受け取ったときは、こちらから開きます。"
            )
            self.package_button.clicked.connect(self._choose_package)
            buttons.addWidget(self.package_button)
        buttons.addStretch(1)
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def unsaved_label(self) -> str:
        return wording.TOWN_AND_DEPARTMENT

    def current_value(self) -> tuple[str, str, str]:
        return self.municipality.text(), self.department.text(), self.staff_name.text()

    def try_accept(self) -> bool:
        """この内容ではじめる (and 保存 in the question on leaving): the settings checked first."""
        try:
            self.result_settings = validate(
                TownSettings(
                    municipality=self.municipality.text(),
                    department=self.department.text(),
                    staff_name=self.staff_name.text(),
                )
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.municipality.setFocus()
            return False
        self.accept()
        return True

    def _choose_sample(self) -> None:
        self.wants_sample = True
        self.accept()

    def _choose_package(self) -> None:
        self.wants_package = True
        self.accept()
