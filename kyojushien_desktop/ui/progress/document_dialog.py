"""資料を追加: a document kept outside the app (its name and where it is kept) as a 目安's 根拠."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain.progress import DOCUMENT, Evidence, clean_document
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.progress import wording


class DocumentDialog(FormDialog):
    """``result_value`` is the ``Evidence`` to link after 追加する; nothing is written here."""

    def __init__(self, milestone_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestone_id = milestone_id
        self.setWindowTitle(wording.DOCUMENT_TITLE)
        lead = QLabel(wording.DOCUMENT_LEAD)
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(wording.DOCUMENT_NAME_HINT)
        self.place = QLineEdit()
        self.place.setPlaceholderText(wording.DOCUMENT_PLACE_HINT)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.DOCUMENT_NAME + wording.REQUIRED, self.errors.field("title", self.name))
        form.addRow(wording.DOCUMENT_PLACE + wording.REQUIRED, self.errors.field("place", self.place))
        buttons, self.ok_button = dialog_buttons(self, wording.ADD_IT, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 40, 11)
        self.name.setFocus()

    def current_value(self) -> Evidence:
        return Evidence(self.milestone_id, DOCUMENT, title=self.name.text(), place=self.place.text())

    def clean(self, value: object) -> object:
        assert isinstance(value, Evidence)
        return clean_document(value)
