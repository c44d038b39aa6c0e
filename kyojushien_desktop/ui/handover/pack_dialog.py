"""引き継ぎファイルを作る: where to save it, the passphrase the app proposes (never stored), the advice
to pass it on separately, the choice to leave out personal data; the package is written and read
back as a job on the open file, and the user is told only once it was verified."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.handover import check_passphrase, propose_passphrase
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences, remember_folder
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover import package
from kyojushien_desktop.ui.common import dialogs, jobs, messages
from kyojushien_desktop.ui.common.forms import dialog_buttons
from kyojushien_desktop.ui.handover import wording


def wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class PackDialog(QDialog):
    """Writes the package on 作る; ``packed`` (and ``passphrase``) say what was made."""

    def __init__(self, session: Session, prefs: Preferences | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.packed: package.Packed | None = None
        self.passphrase: str | None = None
        terms = handover_terms()
        self.setWindowTitle(wording.PACK_TITLE)

        self.path = wrapped(str(dialogs.start_folder(prefs) / package.suggested_name(session)))
        self.path.setAccessibleName(wording.SAVE_AS)
        self.place_button = QPushButton(wording.CHOOSE_PLACE)
        self.place_button.clicked.connect(lambda: self.change_place())
        self.encrypt = QCheckBox(wording.ENCRYPT)
        self.encrypt.setChecked(True)
        self.encrypt.toggled.connect(self._encryption_toggled)
        # Shown by default: it has to be written down or read out, and 作る waits until it was.
        self.phrase = QLineEdit(propose_passphrase())
        self.phrase.setAccessibleName(wording.PASSPHRASE)
        self.show_button = QPushButton(wording.HIDE)
        self.show_button.setCheckable(True)
        self.show_button.setChecked(True)
        self.show_button.toggled.connect(self._show_phrase)
        self.copy_button = QPushButton(wording.COPY)
        self.copy_button.clicked.connect(lambda: self.copy_phrase())
        self.new_button = QPushButton(wording.NEW_PASSPHRASE)
        self.new_button.clicked.connect(lambda: self.phrase.setText(propose_passphrase()))
        self.copy_warning = wrapped(wording.COPY_WARNING, "hint")
        self.error = wrapped(name="fieldError")
        self.error.hide()
        self.copied = wrapped(wording.COPIED, "hint")
        self.copied.hide()
        self.advice = wrapped(f"{terms.passphrase_advice}\n{terms.passphrase_lost}")
        self.noted = QCheckBox(wording.NOTED)
        self.noted.toggled.connect(lambda: self._refresh_make())
        self.warning = wrapped(terms.no_encryption_warning, "fieldError")
        self.warning.hide()
        self.without_personal = QCheckBox(wording.WITHOUT_PERSONAL_DATA)
        self.without_personal.setToolTip(wording.WITHOUT_PERSONAL_TIP)

        grid = QGridLayout()
        grid.addWidget(QLabel(wording.SAVE_AS), 0, 0)
        grid.addWidget(self.path, 0, 1)
        grid.addWidget(self.place_button, 0, 2)
        grid.addWidget(self.encrypt, 1, 1, 1, 2)
        grid.addWidget(QLabel(wording.PASSPHRASE), 2, 0)
        phrase_row = QHBoxLayout()
        phrase_row.addWidget(self.phrase, 1)
        phrase_row.addWidget(self.show_button)
        phrase_row.addWidget(self.copy_button)
        grid.addLayout(phrase_row, 2, 1)
        grid.addWidget(self.new_button, 2, 2)
        grid.addWidget(self.copy_warning, 3, 1, 1, 2)
        grid.addWidget(self.error, 4, 1, 1, 2)
        grid.addWidget(self.copied, 5, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        buttons, self.make_button = dialog_buttons(self, wording.MAKE_IT, self.make)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(wrapped(wording.PACK_LEAD))
        layout.addLayout(grid)
        layout.addWidget(self.advice)
        layout.addWidget(self.noted)
        layout.addWidget(self.warning)
        layout.addWidget(self.without_personal)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 44)
        self._refresh_make()

    # --- the fields -------------------------------------------------------------------------
    def choose_path(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, wording.SAVE_AS, self.path.text(), wording.PACKAGE_FILTER)
        return Path(chosen) if chosen else None

    def change_place(self) -> None:
        chosen = self.choose_path()
        if chosen is None:
            return
        extension = handover_terms().extension
        if chosen.suffix.lower() != extension:
            chosen = chosen.with_name(chosen.name + extension)
        if self.prefs is not None:
            remember_folder(self.prefs, chosen)
        self.path.setText(str(chosen))

    def confirm_no_encryption(self) -> bool:
        return messages.confirm(
            self, wording.NO_ENCRYPTION_TITLE, handover_terms().no_encryption_warning, wording.NO_ENCRYPTION_OK
        )

    def _encryption_toggled(self, on: bool) -> None:
        """Switching encryption off is a choice made twice: the box, then the warning's button."""
        if not on and not self.confirm_no_encryption():
            self.encrypt.blockSignals(True)
            self.encrypt.setChecked(True)
            self.encrypt.blockSignals(False)
            on = True
        for widget in (self.phrase, self.show_button, self.copy_button, self.new_button):
            widget.setEnabled(on)
        for widget in (self.advice, self.noted, self.copy_warning):  # no passphrase, no advice about it
            widget.setVisible(on)
        self.copied.hide()
        self.warning.setVisible(not on)
        self.error.hide()
        self._refresh_make()

    def _refresh_make(self) -> None:
        """作る only once the passphrase was noted down (or there is none)."""
        self.make_button.setEnabled(self.noted.isChecked() or not self.encrypt.isChecked())

    def _show_phrase(self, shown: bool) -> None:
        self.phrase.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(wording.HIDE if shown else wording.SHOW)

    def copy_phrase(self) -> None:
        QGuiApplication.clipboard().setText(self.phrase.text())
        self.copied.show()

    # --- making it --------------------------------------------------------------------------
    def make(self) -> package.Packed | None:
        """Writes and verifies the package; the dialog closes only when that succeeded."""
        self.error.hide()
        passphrase = self.phrase.text() if self.encrypt.isChecked() else None
        if passphrase is not None and not self.noted.isChecked():
            return None
        if passphrase is not None:
            try:
                check_passphrase(passphrase)
            except ValidationError as exc:
                self.error.setText(exc.message)
                self.error.show()
                self.phrase.setFocus()
                return None
        out = Path(self.path.text().strip())
        without = self.without_personal.isChecked()

        def work(reader: Session, progress: Progress) -> package.Packed:
            return package.pack(reader, out, passphrase, without_personal_data=without, progress=progress)

        packed = jobs.run_read(self, self.session, work, title=wording.PACKING, error_title=wording.COULD_NOT_WRITE)
        if packed is None:
            return None
        self.packed, self.passphrase = packed, passphrase
        self.accept()
        return packed


def make_package(parent: QWidget, session: Session | None, prefs: Preferences | None) -> package.Packed | None:
    """The dialog, then the message that the file is ready: where, how big, verified, and the
    passphrase once more with the advice to hand it over separately."""
    if session is None:
        messages.inform(parent, wording.PACK_TITLE, wording.NO_FILE_OPEN)
        return None
    dialog = PackDialog(session, prefs, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.packed is None:
        return None
    packed = dialog.packed
    terms = handover_terms()
    advice = f"{terms.passphrase_advice}\n{terms.passphrase_lost}"
    text = wording.packed_text(str(packed.path), packed.size, dialog.passphrase, advice)
    messages.inform(parent, wording.PACKED_TITLE, text, packed.path.parent)
    return packed
