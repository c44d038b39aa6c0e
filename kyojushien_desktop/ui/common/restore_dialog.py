"""ファイル > バックアップから復元…: the data file's backups, newest first, each with its date in
和暦, kind and check result. 復元する first says what becomes of the current file (kept beside,
never deleted); the dialog only returns the choice, the main window does the restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services.common import backups
from kyojushien_desktop.ui.common import messages, wording

TITLE = "バックアップから復元"
COLUMNS = (wording.WHEN, wording.KIND, "点検結果", "ファイル")


class RestoreDialog(QDialog):
    """Lists the backups (each checked when the dialog opens); ``chosen`` once accepted."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.chosen: backups.BackupInfo | None = None
        self.backups = backups.list_backups(self.db_path)
        self.setWindowTitle(TITLE)
        self.resize(900, 460)

        intro = QLabel(
            f"データファイル: {self.db_path}\n"
            "戻したいバックアップを選んで「復元する」を押してください。点検で問題が見つかったバックアップは選べません。"
            if self.backups
            else f"データファイル: {self.db_path}\nこのデータファイルのバックアップはまだありません。"
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for row, backup in enumerate(self.backups):
            cells = (backup.when, backup.kind_label, backup.result, backup.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join((str(backup.path), *backup.problems)))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda _index: self._restore())

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("復元する(&R)…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(wording.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        first_good = next((row for row, b in enumerate(self.backups) if b.ok), None)
        if first_good is not None:
            self.table.selectRow(first_good)
        self._update_button()
        self.table.setFocus()

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_button(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and backup.ok)

    def _restore(self) -> None:
        backup = self.selected()
        if backup is None or not backup.ok:
            return
        if messages.confirm(self, TITLE, backups.restore_plan(self.db_path, backup), "復元する"):
            self.chosen = backup
            self.accept()


def choose_backup(parent: QWidget | None, db_path: Path) -> backups.BackupInfo | None:
    """The backup the user chose to restore (confirmed), or None."""
    dialog = RestoreDialog(db_path, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def offer_restore(parent: QWidget | None, error: UserFacingError) -> bool:
    """Shows why a damaged file was refused; True when the user asks for バックアップから復元…."""
    box = QMessageBox(QMessageBox.Icon.Warning, wording.COULD_NOT_OPEN, error.message, parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if error.hint:
        box.setInformativeText(error.hint)
    restore = box.addButton(wording.RESTORE_FROM_BACKUP, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    box.addButton(wording.CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore
