"""設定: the town's facts (saved in the data file) and 文字の大きさ (kept on this PC)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import FONT_SIZES
from kyojushien_desktop.services.common.settings import (
    TownSettings,
    load_settings,
    rotation_date,
    save_settings,
    validate,
)
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page


class SettingsPage(Page):
    """The town's facts are saved through ``save_settings``; ``font_size_chosen`` goes to the
    window, which keeps 文字の大きさ in this PC's preferences. Typed but unsaved facts are kept
    across a change of page, and the window asks before quitting with them."""

    title = wording.NAV_SETTINGS
    topics = frozenset({Topic.SETTINGS})
    font_size_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = TownSettings()
        heading = QLabel(wording.NAV_SETTINGS)
        heading.setObjectName("pageTitle")
        self.heading = heading

        self.municipality = QLineEdit()
        self.department = QLineEdit()
        self.staff_name = QLineEdit()
        self.rotation = QDateEdit()
        self.rotation.setCalendarPopup(True)
        self.rotation.setDisplayFormat(wording.DATE_FIELD_FORMAT)
        self.rotation_wareki = QLabel()
        self.rotation.dateChanged.connect(self._show_wareki)
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setVerticalSpacing(10)
        for key, label, widget in (
            ("municipality", wording.FIELD_MUNICIPALITY + wording.REQUIRED, self.municipality),
            ("department", wording.FIELD_DEPARTMENT, self.department),
            ("staff_name", wording.FIELD_STAFF, self.staff_name),
        ):
            error = QLabel()
            error.setObjectName("fieldError")
            error.hide()
            self.errors[key] = error
            row = QVBoxLayout()
            row.setSpacing(2)
            row.addWidget(widget)
            row.addWidget(error)
            form.addRow(label, row)
        rotation_row = QHBoxLayout()
        rotation_row.setSpacing(10)
        rotation_row.addWidget(self.rotation)
        rotation_row.addWidget(self.rotation_wareki)
        rotation_row.addStretch(1)
        form.addRow(wording.FIELD_ROTATION, rotation_row)
        rotation_note = QLabel("人事異動の前に、名簿や経過記録を整えて後任の方へ引き継ぎます。ふつうは4月1日です。")
        rotation_note.setObjectName("hint")
        rotation_note.setWordWrap(True)
        form.addRow("", rotation_note)

        self.save_button = QPushButton(wording.SAVE)
        self.save_button.clicked.connect(self._save)
        self.saved_label = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label)
        save_row.addStretch(1)

        self.font_size = QComboBox()
        self.font_size.addItems([name for name, _ in FONT_SIZES])
        self.font_size.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.font_size.activated.connect(lambda _i: self.font_size_chosen.emit(self.font_size.currentText()))
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_size)
        font_row.addStretch(1)
        font_note = QLabel("選ぶとすぐに変わります（「保存」は要りません）。")
        font_note.setObjectName("hint")

        town_title = QLabel("自治体と担当（データファイルに保存され、後任の方にも引き継がれます）")
        town_title.setObjectName("cardTitle")
        pc_title = QLabel("このPCでの表示（このPCだけの設定です）")
        pc_title.setObjectName("cardTitle")
        # one form for both parts, so their captions line up
        form.insertRow(0, town_title)
        form.addRow("", save_row)
        form.addItem(QSpacerItem(0, 16))
        form.addRow(pc_title)
        form.addRow(wording.FIELD_FONT_SIZE, font_row)
        form.addRow("", font_note)

        body = QWidget()
        body.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(body, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_font_size_name(self, name: str) -> None:
        self.font_size.setCurrentText(name)

    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        session = self.session
        self.setEnabled(session is not None)
        if session is None:
            return
        if not changes.file and self.has_unsaved():
            return  # keep what the user is typing; only 文字の大きさ changed
        self._fill(load_settings(session))
        self.save_button.setEnabled(not session.read_only)
        self.saved_label.setText("読み取り専用のため保存できません" if session.read_only else "")
        for error in self.errors.values():
            error.hide()

    def current_values(self) -> TownSettings:
        qdate = self.rotation.date()
        return dataclasses.replace(
            self._loaded,
            municipality=self.municipality.text(),
            department=self.department.text(),
            staff_name=self.staff_name.text(),
            next_rotation=dt.date(qdate.year(), qdate.month(), qdate.day()),
        )

    def has_unsaved(self) -> bool:
        return self.session is not None and not self.session.read_only and self.current_values() != self._shown()

    def save_unsaved(self) -> bool:
        return self._save()

    def discard_unsaved(self) -> None:
        # The fields go with what they showed: a hidden page kept the old file's text, which
        # counted as unsaved input for the next file until the page was shown again.
        self._fill(TownSettings())
        self._pending = self._pending or Changes.of(Topic.SETTINGS)

    def _fill(self, values: TownSettings) -> None:
        self._loaded = values
        self.municipality.setText(values.municipality)
        self.department.setText(values.department)
        self.staff_name.setText(values.staff_name)
        rotation = rotation_date(values)
        self.rotation.setDate(QDate(rotation.year, rotation.month, rotation.day))
        self._show_wareki()

    def _shown(self) -> TownSettings:
        """The loaded settings as the form shows them (the rotation date filled in)."""
        return dataclasses.replace(self._loaded, next_rotation=rotation_date(self._loaded))

    def show_field_error(self, error: UserFacingError) -> None:
        field = getattr(error, "field", "")
        label = self.errors.get(field)
        if label is None:
            self.saved_label.setText(error.message)
            return
        label.setText(error.message)
        label.show()

    def show_saved(self) -> None:
        self.saved_label.setText("保存しました")

    def _save(self) -> bool:
        for error in self.errors.values():
            error.hide()
        self.saved_label.clear()
        try:
            values = validate(self.current_values())
        except ValidationError as exc:
            self.show_field_error(exc)
            return False
        if self.run_op(lambda session: save_settings(session, values), on_invalid=self.show_field_error) is None:
            return False
        assert self.session is not None
        self._loaded = load_settings(self.session)
        self.show_saved()
        return True

    def _show_wareki(self) -> None:
        qdate = self.rotation.date()
        self.rotation_wareki.setText(wareki.format_date(dt.date(qdate.year(), qdate.month(), qdate.day())))
